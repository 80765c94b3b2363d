import Foundation
import OffsyncDiagnostics
import OffsyncDiff
import OffsyncEmit
import OffsyncIngest
import OffsyncLink
import OffsyncPlan
import OffsyncSpec
import OffsyncState

/// One pass through the stages: spec → ingest → link → diff → plan → emit, with state read
/// before linking and written after the outputs are in place.
public enum Pipeline {
    public enum Mode: String, Sendable {
        /// Plan, write import files and reports, update state.
        case run
        /// The same decisions; reports only, state untouched.
        case plan
    }

    public struct Outcome: Sendable {
        public var plan: Plan
        public var outputFolder: String
        public var written: [OutputFolder.WrittenFile]
        /// Seconds per stage, in pipeline order (`offsync run --timings`, `make bench`).
        public var timings: [(stage: String, seconds: Double)]
    }

    /// Wall-clock seconds per stage, for benchmarks: where a run's time goes.
    struct Stopwatch {
        private(set) var laps: [(stage: String, seconds: Double)] = []
        private var last = ContinuousClock.now

        mutating func lap(_ stage: String) {
            let now = ContinuousClock.now
            let elapsed = last.duration(to: now)
            laps.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            last = now
        }
    }

    /// Reads the manifest, documents and exports; the plan's findings are the lint.
    public static func check(workspace: String) throws(OffsyncError) -> Plan {
        var stopwatch = Stopwatch()
        return try decide(workspace: workspace, remembered: [], stopwatch: &stopwatch).2
    }

    public static func execute(workspace: String, output: String, mode: Mode) throws(OffsyncError) -> Outcome {
        var stopwatch = Stopwatch()
        let store = mode == .run ? try LinkStore(workspace: workspace) : try? LinkStore(workspace: workspace, readOnly: true)
        let remembered = try store?.links().map(RememberedLink.init) ?? []
        stopwatch.lap("state read")
        let (spec, datasets, plan) = try decide(workspace: workspace, remembered: remembered, stopwatch: &stopwatch)
        let written = try Emitter().write(
            plan, workspace: spec.root, mode: mode.rawValue, options: spec.manifest.options,
            inputs: datasets.flatMap(\.files), to: output, importFiles: mode == .run)
        stopwatch.lap("emit")
        if mode == .run, let store {
            try store.remember(plan.newLinks.map {
                LinkStore.StoredLink(flow: $0.flow, sourceID: $0.sourceID, targetID: $0.targetID, how: $0.how)
            })
        }
        stopwatch.lap("state write")
        return Outcome(
            plan: plan, outputFolder: URL(fileURLWithPath: output).standardizedFileURL.path, written: written, timings: stopwatch.laps)
    }

    static func decide(
        workspace: String, remembered: [RememberedLink], stopwatch: inout Stopwatch
    ) throws(OffsyncError) -> (WorkspaceSpec, [Dataset], Plan) {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        let spec = try WorkspaceSpec.load(workspace: root)
        stopwatch.lap("spec")
        var loader = DatasetLoader(root: root)
        let datasets = try loader.load(spec.manifest.datasets)
        let byKey = Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, $0) })
        stopwatch.lap("ingest")
        let identities = Identities(flows: spec.flows, datasets: byKey, remembered: remembered)
        stopwatch.lap("link")
        let differ = Differ(datasets: byKey, allLinks: identities.flows, policy: spec.manifest.options.conflicts)
        let diffs = identities.flows.map { differ.diff($0) }
        stopwatch.lap("diff")
        let lint = spec.lint() + DataLint(datasets: byKey).findings(for: spec.flows)
        stopwatch.lap("lint")
        let plan = Planner(datasets: datasets).plan(diffs, identities: identities.merged, specFindings: spec.findings + lint)
        stopwatch.lap("plan")
        return (spec, datasets, plan)
    }
}
