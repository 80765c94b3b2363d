import Crypto
import Foundation
import OffsyncEmit
import OffsyncPipeline
import OffsyncState
import Testing

/// SIGKILL at any moment of a run (no handler runs, as on a crash or power loss): the output
/// folder is the earlier run's or this run's, whole; the state passes SQLite's integrity check
/// and holds the links and baselines from before the run or after it; once the next command
/// has finished what the run committed, state and output agree, and nothing is left over.
@Suite("killed runs")
struct KillTests {
    typealias Scratch = SampleRunTests.Scratch

    /// The bench's workspace generator at a size where a debug run takes about a second.
    static func linkWorkspace(records: Int, in folder: URL, name: String = "ws") throws -> URL {
        let workspace = folder.appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", SampleRunTests.repository.appendingPathComponent("bench/link_workspace.py").path,
            "--out", workspace.path, "--records", "\(records)",
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return workspace
    }

    /// Links and baselines without their timestamps: what "the same state" means.
    struct State: Equatable {
        var links: [String] = []
        var baselines: [String] = []
    }

    static func state(_ workspace: URL) throws -> State {
        guard FileManager.default.fileExists(atPath: workspace.appendingPathComponent(".offsync/state.sqlite").path) else { return State() }
        let store = try LinkStore(workspace: workspace.path, readOnly: true)
        #expect(try store.integrityCheck() == "ok")
        return State(
            links: try store.links().map { "\($0.flow)|\($0.sourceID)|\($0.targetID)|\($0.how)" },
            baselines: try store.baselines().map { "\($0.flow)|\($0.sourceID)|\($0.targetID)|\($0.property)|\($0.digest)" })
    }

    /// Every output `manifest.json` lists is there with its size and SHA-256, and nothing else is.
    static func verifyManifest(_ folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let data = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path), sourceLocation: sourceLocation)
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
        let outputs = try #require(manifest["outputs"] as? [[String: Any]], sourceLocation: sourceLocation)
        for output in outputs {
            let path = try #require(output["path"] as? String)
            let bytes = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(path).path), "\(path)", sourceLocation: sourceLocation)
            #expect(bytes.count == output["bytes"] as? Int, "\(path)", sourceLocation: sourceLocation)
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            #expect(digest == output["sha256"] as? String, "\(path)", sourceLocation: sourceLocation)
        }
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        var files = Set<String>()
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType != .typeDirectory { files.insert(path) }
        }
        #expect(files == Set(outputs.compactMap { $0["path"] as? String }).union(["manifest.json"]), sourceLocation: sourceLocation)
    }

    static func report(_ out: URL) -> Data? { FileManager.default.contents(atPath: out.appendingPathComponent("report.json").path) }

    @Test(
        "SIGKILL at 16 moments of a second run, 8 of a first (OFFSYNC_KILLS sets how many; make soak runs 300)",
        arguments: [false, true])
    func killedAnywhere(firstRun: Bool) throws {
        let many = Int(ProcessInfo.processInfo.environment["OFFSYNC_KILLS"] ?? "") ?? 16
        let kills = firstRun ? max(1, many / 2) : many
        let scratch = try Scratch()
        let base = scratch.folder.appendingPathComponent("base")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let workspace = try Self.linkWorkspace(records: 4_000, in: base)
        let out = base.appendingPathComponent("out")

        // The earlier run sees half the contact persons; the run that is killed sees them all,
        // so it adds links and baselines and rewrites every output.
        let contacts = workspace.appendingPathComponent("dumps/contactpersons.ndjson")
        let all = try Data(contentsOf: contacts)
        let lines = all.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // A first run has no earlier run: no state, no output folder.
        if !firstRun {
            try Data(lines.prefix(lines.count / 2).joined(separator: [UInt8(ascii: "\n")]) + [UInt8(ascii: "\n")]).write(to: contacts)
            _ = try Pipeline.execute(workspace: workspace.path, output: out.path, mode: .run, options: .init(force: true))
            try all.write(to: contacts)
        }
        let before = try Self.state(workspace)
        let beforeReport = Self.report(out)
        try #require(firstRun == (beforeReport == nil))

        // Every trial runs at the same path, so that its outputs can be compared byte for byte.
        let trial = scratch.folder.appendingPathComponent("trial")
        func fresh() throws {
            try? FileManager.default.removeItem(at: trial)
            try FileManager.default.copyItem(at: base, to: trial)
        }
        try fresh()
        let started = Date()
        let reference = try OffsyncProcess.run(["run", "ws", "--force", "--out", "out"], in: trial)
        let seconds = Date().timeIntervalSince(started)
        try #require(reference.status == 0, "\(reference.error)")
        let after = try Self.state(trial.appendingPathComponent("ws"))
        let afterReport = try #require(Self.report(trial.appendingPathComponent("out")))
        try #require(after != before && afterReport != beforeReport)

        var outcomes: [String: Int] = [:]
        var generator = SystemRandomNumberGenerator()
        for index in 0..<kills {
            try fresh()
            // Spread over the run and a little past it, each moment jittered within its slot.
            let moment = seconds * 1.1 * (Double(index) + Double.random(in: 0..<1, using: &generator)) / Double(kills)
            let run = try OffsyncProcess(["run", "ws", "--force", "--out", "out"], in: trial)
            usleep(UInt32(moment * 1_000_000))
            kill(run.process.processIdentifier, SIGKILL)
            let ended = run.wait()
            let note = Comment(rawValue: "kill \(index) at \(String(format: "%.3f", moment)) s of \(String(format: "%.3f", seconds)) s")

            let ws = trial.appendingPathComponent("ws"), output = trial.appendingPathComponent("out")
            let state = try Self.state(ws)
            #expect(state == before || state == after, note)
            let report = Self.report(output)
            if report != nil { try Self.verifyManifest(output) }
            #expect(report == beforeReport || report == afterReport, note)

            // The next command finishes what the killed run committed: then state and output agree.
            try Pipeline.finishCommitted(ws.path)
            let published = Self.report(output)
            #expect((state == after) == (published == afterReport), note)
            if published != nil { try Self.verifyManifest(output) }
            if FileManager.default.fileExists(atPath: ws.appendingPathComponent(".offsync/state.sqlite").path) {
                let store = try LinkStore(workspace: ws.path, readOnly: true)
                #expect(try store.pendingOutputs().isEmpty, note)
                withExtendedLifetime(store) {}
            }
            outcomes[ended.signalled ? (state == after ? "killed after commit" : "killed before commit") : "finished", default: 0] += 1

            // What the next run does before it stages: the killed run's staging folder and
            // first state go.
            OutputFolder.removeAbandoned(beside: output.path)
            LinkStore.FirstState.removeAbandoned(workspace: ws.path)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: trial.path).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, note)
            let partial = ((try? FileManager.default.contentsOfDirectory(atPath: ws.appendingPathComponent(".offsync").path)) ?? [])
                .filter { $0.hasPrefix("state.partial-") }
            #expect(partial.isEmpty, note)
        }
        // Both sides of the commit point were hit, or the run is too short to tell.
        #expect(outcomes["killed before commit", default: 0] > 0, "\(outcomes)")
        print("killed runs: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))")
    }
}
