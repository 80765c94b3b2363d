import Foundation
import OffsyncDiagnostics
import OffsyncDiff
import OffsyncEmit
import OffsyncIngest
import OffsyncLink
import OffsyncModel
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

    /// What the command line can change about a run beyond the manifest.
    public struct RunOptions: Sendable {
        /// Write the import files even when the circuit breaker trips (`--force`).
        public var force = false
        /// Write delete operations whatever `deletes:` says (`--allow-deletes`).
        public var allowDeletes = false

        public init(force: Bool = false, allowDeletes: Bool = false) {
            self.force = force
            self.allowDeletes = allowDeletes
        }
    }

    public struct Outcome: Sendable {
        public var plan: Plan
        public var outputFolder: String
        public var written: [OutputFolder.WrittenFile]
        /// Seconds per stage, in pipeline order (`offsync run --timings`, `make bench`).
        public var timings: [(stage: String, seconds: Double)]
        /// The high-water mark of resident memory at the end of each stage: where the peak is reached.
        public var memoryPeaks: [(stage: String, kilobytes: Int)] = []
        /// The datasets the run read, handed to the caller with the plan: a process that ends
        /// after the run need not free them record by record (`Terminal.keepUntilExit`).
        public var datasets: [Dataset] = []
    }

    /// What a run tells whoever watches it, as it goes: a stage starts, or the stage under way
    /// got further (files read, flows linked, files written), in words.
    public enum Progress: Sendable {
        case started(String)
        case advanced(String)
    }

    /// Wall-clock seconds per stage, for benchmarks: where a run's time goes. Tells `progress`
    /// what starts as each stage ends.
    struct Stopwatch {
        private(set) var laps: [(stage: String, seconds: Double)] = []
        private(set) var peaks: [(stage: String, kilobytes: Int)] = []
        private var last = ContinuousClock.now
        var progress: (@Sendable (Progress) -> Void)? = nil

        /// What runs after each stage, in words.
        static let following = [
            "spec": "reading the exports", "ingest": "reading state", "state read": "linking", "link": "comparing",
            "diff": "planning", "plan": "writing the outputs", "emit": "saving state",
        ]

        mutating func lap(_ stage: String) {
            if let next = Self.following[stage] { progress?(.started(next)) }
            let now = ContinuousClock.now
            let elapsed = last.duration(to: now)
            laps.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            var usage = rusage()
            #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            peaks.append((stage, usage.ru_maxrss))
            #else
            getrusage(RUSAGE_SELF, &usage)
            peaks.append((stage, usage.ru_maxrss / 1024))
            #endif
            last = now
        }
    }

    /// Reads the manifest, documents and exports; the plan's findings are the lint.
    public static func check(workspace: String) throws(OffsyncError) -> Plan {
        var stopwatch = Stopwatch()
        return try decide(workspace: workspace, state: { ([], Baselines()) }, options: RunOptions(), stopwatch: &stopwatch).2
    }

    /// The links state remembers, with their baselines by link.
    static func remembered(_ store: LinkStore) throws(OffsyncError) -> ([RememberedLink], Baselines) {
        var remembered: [RememberedLink] = []
        var baselines = Baselines()
        try store.forEachLink { link, digests in
            for item in digests { baselines.insert(link: remembered.count, property: item.property, digest: item.digest) }
            remembered.append(link)
        }
        return (remembered, baselines)
    }

    /// Runs the pipeline. A plan over the circuit breaker writes nothing in `run` mode (it
    /// throws, exit 3) unless forced; in `plan` mode it writes its report, which says so.
    ///
    /// The workspace is locked first (one `run`, `plan` or `ack` at a time) and a run that died
    /// after its commit point is finished. Outputs are staged beside `output`; in `run` mode the
    /// state transaction is the commit point: it records the staged folder, which is then
    /// renamed into place (by the next run, if this one dies first). A failure or interrupt
    /// before it leaves state and the output folder as they were.
    /// `progress` is told what starts and how far it got, in words ("linking", "3 of 21
    /// flows"), as the run goes.
    public static func execute(
        workspace: String, output: String, mode: Mode, options: RunOptions = RunOptions(),
        progress: (@Sendable (Progress) -> Void)? = nil
    ) throws(OffsyncError) -> Outcome {
        var stopwatch = Stopwatch()
        stopwatch.progress = progress
        progress?(.started("reading the manifest and documents"))
        let root = try WorkspaceSpec.root(of: workspace)
        // A refused output folder is said before anything, even the lock file, is created.
        let protected = [root, (root as NSString).appendingPathComponent(".offsync")]
        _ = try OutputFolder.check(output, mode: mode.rawValue, protecting: protected)
        let lock = try WorkspaceLock(workspace: root)
        defer { withExtendedLifetime(lock) {} }
        try finishCommitted(root)
        LinkStore.FirstState.removeAbandoned(workspace: root)
        // Read only: a run refused before its commit leaves the state file as it was, byte for
        // byte. Read on the second core while the first reads the exports.
        let saved = hasState(root) ? try LinkStore(workspace: root, readOnly: true) : nil
        let stateRead = saved.map { store in Background { Result { () throws(OffsyncError) in try Self.remembered(store) } } }
        // The state is made on the second core from the moment the diffs are known, while the
        // first plans and writes the outputs: a first state whole, off to the side
        // (`FirstState`); a later run's rows sorted and grouped.
        var firstState: Background<Result<LinkStore.FirstState, OffsyncError>>?
        var changes: Background<LinkStore.Changes>?
        var committed = false
        defer {
            if !committed, let firstState, case .success(let state) = firstState.value() { state.discard() }
        }
        let (spec, datasets, plan) = try decide(
            workspace: root, state: { () throws(OffsyncError) in try stateRead?.take().get() ?? ([], Baselines()) }, options: options,
            collectsBaselines: mode == .run, stopwatch: &stopwatch
        ) { links, datasets in
            guard mode == .run else { return }
            if saved != nil {
                changes = Background { Self.stateChanges(links, datasets) }
            } else {
                firstState = Self.makeFirstState(root, links, datasets)
            }
        }
        if mode == .run, plan.breaker.tripped, !options.force {
            throw OffsyncError(
                .circuitBreaker,
                "the circuit breaker tripped: this run would delete or rewrite more than \(CircuitBreaker.percent(plan.breaker.share)) of a dataset, the usual sign of a truncated or broken export. Nothing was written.\n  "
                    + plan.breaker.explanation.joined(separator: "\n  ")
                    + "\nCheck the exports; `offsync plan` writes the report of what would change; `offsync run --force` writes it anyway.")
        }
        let csvOutputs = Dictionary(uniqueKeysWithValues: spec.manifest.datasets.filter { $0.output.contains(.csv) }.map {
            ($0.key, Character(UnicodeScalar($0.csv.delimiter ?? UInt8(ascii: ","))))
        })
        let inputs = datasets.flatMap(\.files)
        var folder = try OutputFolder(destination: output, mode: mode.rawValue, protecting: protected + inputs.map(\.path))
        if let progress {
            let files = Locked(0)
            folder.fileWritten = { _ in progress(.advanced("\(files.withLock { $0 += 1; return $0 }) files written")) }
        }
        do {
            try Emitter(compressionLevel: Int32(spec.manifest.options.compressionLevel)).write(
                plan, workspace: spec.root, mode: mode.rawValue, options: spec.manifest.options,
                inputs: inputs, into: &folder, importFiles: mode == .run, csvOutputs: csvOutputs,
                forced: mode == .run && plan.breaker.tripped && options.force,
                batches: Dictionary(uniqueKeysWithValues: spec.manifest.datasets.compactMap { dataset in dataset.batch.map { (dataset.key, $0) } }),
                uploadOrder: spec.uploadOrder)
            stopwatch.lap("emit")
            try folder.commit { () throws(OffsyncError) in
                try folder.prepareToPublish(mode: mode.rawValue)
                let pending = LinkStore.PendingOutput(staging: folder.staging, destination: folder.destination)
                if let firstState { try firstState.value().get().install(publishing: pending) }
                let store = mode == .run ? try LinkStore(workspace: root) : nil
                if let store, let changes { try store.apply(changes.value(), publishing: pending) }
                committed = true
                try folder.publish()
                try store?.published(pending)
            }
        } catch {
            if committed {
                throw OffsyncError.badInput(
                    "\(error.message); the run's state is saved and its outputs wait in \(folder.staging): the next `offsync run` moves them into place",
                    at: error.location)
            }
            folder.discard()
            throw error
        }
        stopwatch.lap("state write")
        var outcome = Outcome(plan: plan, outputFolder: folder.destination, written: folder.written, timings: stopwatch.laps)
        outcome.memoryPeaks = stopwatch.peaks
        outcome.datasets = consume datasets
        return outcome
    }

    /// What a run changes in state: its new links, advanced baselines and forgotten links. The
    /// plan keeps links and baselines as indexes; their ids are looked up here, as they are read.
    static func stateChanges(_ plan: LinkChanges, _ datasets: [Dataset]) -> LinkStore.Changes {
        let byKey = Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, $0) })
        // Ids straight from the records' bytes, when the rows are written: a decimal id never
        // becomes a `String`, and no row keeps an id of its own. Rows come in source order, so
        // source ids are read in file order; target ids are asked in any order, and come from a
        // table read in file order, once per dataset.
        func ids(_ key: DatasetKey) -> @Sendable (Int32) -> RecordID {
            let records = byKey[key]!.records
            return { index in records.idKey(at: Int(index)) }
        }
        var tables: [DatasetKey: RecordIDTable] = [:]
        for key in Set(plan.flows.map(\.target)) { tables[key] = RecordIDTable(byKey[key]!.records) }
        var flows = plan.flows.map { flow in
            let targets = tables[flow.target]!
            return LinkStore.Changes.FlowRows(
                name: flow.name, properties: flow.baselineKeys, sourceID: ids(flow.source), targetID: { targets[$0] })
        }
        var linkCounts = [Int](repeating: 0, count: flows.count)
        for link in plan.newLinks { linkCounts[Int(link.flow)] += 1 }
        for index in flows.indices {
            flows[index].reserve(links: linkCounts[index], baselines: plan.advancedBaselines[index].count)
        }
        for (index, baselines) in plan.advancedBaselines.enumerated() {
            for baseline in baselines {
                flows[index].baseline(source: baseline.source, target: baseline.target, property: baseline.property, digest: baseline.digest)
            }
        }
        for link in plan.newLinks {
            flows[Int(link.flow)].link(source: link.source, target: link.target, how: link.how)
        }
        return LinkStore.Changes(flows: consume flows, forgetting: plan.forgottenLinks.map { ($0.flow, $0.sourceID) })
    }

    /// Starts making a workspace's first state beside its outputs; an interrupt removes it.
    static func makeFirstState(_ root: String, _ plan: LinkChanges, _ datasets: [Dataset]) -> Background<Result<LinkStore.FirstState, OffsyncError>> {
        partialStates.insert(LinkStore.FirstState.folder(workspace: root))
        return Background {
            Result { () throws(OffsyncError) in try LinkStore.FirstState.make(workspace: root, changes: stateChanges(plan, datasets)) }
        }
    }

    /// Finishes what a run that died after its commit point left: its staged outputs are
    /// renamed into place. Nothing to do for a workspace without state.
    public static func finishCommitted(_ root: String) throws(OffsyncError) {
        guard hasState(root), try !LinkStore(workspace: root, readOnly: true).pendingOutputs().isEmpty else { return }
        let store = try LinkStore(workspace: root)
        for pending in try store.pendingOutputs() {
            try OutputFolder.publish(staging: pending.staging, destination: pending.destination)
            try store.published(pending)
        }
    }

    /// Reads every dataset of the manifest, refusing one whose `id:` or `where:` names a field
    /// its files lack (a misspelling or a wrong CSV delimiter, which would quietly empty it).
    static func loadDatasets(_ spec: WorkspaceSpec, progress: (@Sendable (Progress) -> Void)? = nil) throws(OffsyncError) -> [Dataset] {
        var loader = DatasetLoader(root: spec.root)
        if let progress {
            let read = Locked((files: 0, bytes: 0))
            loader.fileRead = { bytes in
                let (files, total) = read.withLock { $0.files += 1; $0.bytes += bytes; return ($0.files, $0.bytes) }
                progress(.advanced("\(files) files, \(Self.megabytes(total)) read"))
            }
        }
        let datasets = try loader.load(spec.manifest.datasets)
        for dataset in datasets { try dataset.checkNamedFields() }
        for flow in spec.flows where !flow.where.isEmpty {
            try datasets.first { $0.key == flow.source }!.checkSelected(flow.where)
        }
        return datasets
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 10_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : "\(bytes / 1_000_000) MB"
    }

    static func hasState(_ root: String) -> Bool {
        FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(".offsync/state.sqlite"))
    }

    static func decide(
        workspace: String, state: () throws(OffsyncError) -> ([RememberedLink], Baselines), options: RunOptions,
        collectsBaselines: Bool = false, stopwatch: inout Stopwatch,
        whenDiffed: (LinkChanges, [Dataset]) -> Void = { _, _ in }
    ) throws(OffsyncError) -> (WorkspaceSpec, [Dataset], Plan) {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        let spec = try WorkspaceSpec.load(workspace: root)
        stopwatch.lap("spec")
        let datasets = try loadDatasets(spec, progress: stopwatch.progress)
        let byKey = Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, $0) })
        stopwatch.lap("ingest")
        // Lint reads only the exports: it runs on the second core while the first links.
        let lint = Background { spec.lint() + DataLint(datasets: byKey).findings(for: spec.flows) }
        let (remembered, baselines) = try state()
        stopwatch.lap("state read")
        // Handed over: pairs keep a remembered link's index, orphans their own copy, so the list
        // is freed once linking is done.
        let progress = stopwatch.progress
        let identities = Identities(flows: spec.flows, datasets: byKey, remembered: consume remembered) { flows, linked in
            progress?(.advanced("\(flows) of \(spec.flows.count) flows, \(linked) records linked"))
        }
        stopwatch.lap("link")
        var differ = Differ(
            datasets: byKey, allLinks: identities.flows, policy: spec.manifest.options.conflicts, baselines: baselines)
        differ.collectsBaselines = collectsBaselines
        let merged = identities.merged
        // The links go with the diffs, and the diffs to the planner, which lets go of each
        // flow's once planned: no second owner keeps them to the end of planning.
        func diffAll(_ links: consuming [FlowLinks]) -> [FlowDiff] {
            links.enumerated().map { index, links in
                defer { progress?(.advanced("\(index + 1) of \(spec.flows.count) flows")) }
                return differ.diff(links)
            }
        }
        let diffs = diffAll((consume identities).flows)
        stopwatch.lap("diff")
        whenDiffed(LinkChanges(diffs), datasets)
        let lintFindings = lint.value()
        stopwatch.lap("lint")
        let planner = Planner(
            datasets: datasets, emitDeletes: options.allowDeletes || spec.manifest.options.deletes == .emit,
            breakerShare: spec.manifest.options.circuitBreaker,
            csvOutputs: Set(spec.manifest.datasets.filter { $0.output.contains(.csv) }.map(\.key)))
        let plan = planner.plan(consume diffs, identities: merged, specFindings: spec.findings + lintFindings)
        stopwatch.lap("plan")
        return (spec, datasets, plan)
    }
}
