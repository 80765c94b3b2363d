import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncState
import Testing

/// Never lose a user's files: the output folder is offsync's alone, one writer works on a
/// workspace at a time, interrupts leave things as they were, and errors speak the user's words.
@Suite("a user's files are safe")
struct OutputSafetyTests {
    typealias Scratch = SampleRunTests.Scratch

    /// Every file below `folder` with its bytes: what "left as it was" compares.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            if let data = FileManager.default.contents(atPath: url.path), !path.hasPrefix(".offsync") { files[path] = data }
        }
        return files
    }

    @Test("--out naming the workspace, its exports or a user's folder is refused with exit 1, touching nothing", arguments: [
        (["run", "samples", "--force", "--out", "samples"], ""),
        (["plan", "--out", "dumps"], "samples"),
        (["plan", "samples", "--out", "d"], ""),
        (["run", "samples", "--out", "."], ""),
        (["run", "samples", "--out", "samples/dumps/powerofficego"], ""),
    ])
    func refusedDestinations(_ arguments: [String], _ cwd: String) throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.folder.appendingPathComponent("d"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: scratch.folder.appendingPathComponent("d/thesis.txt"))
        let before = try Self.snapshot(scratch.folder)
        let ended = try OffsyncProcess.run(arguments, in: scratch.folder.appendingPathComponent(cwd))
        #expect(ended.status == 1)
        #expect(ended.error.hasPrefix("offsync: error: /"), "names the folder: \(ended.error)")
        #expect(ended.error.split(separator: "\n").count == 1)
        #expect(try Self.snapshot(scratch.folder) == before)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty)
    }

    @Test("run and plan go to different folders by default: a plan after a run keeps the run's import files")
    func planBesideRun() throws {
        let scratch = try Scratch()
        #expect(try OffsyncProcess.run(["run", "samples", "--force"], in: scratch.folder).status == 0)
        #expect(try OffsyncProcess.run(["plan", "samples"], in: scratch.folder).status == 0)
        let exports = scratch.folder.appendingPathComponent("exports")
        #expect(try FileManager.default.contentsOfDirectory(atPath: exports.path).sorted() == ["samples", "samples-plan"])
        let imports = try FileManager.default.contentsOfDirectory(atPath: exports.appendingPathComponent("samples/import").path)
        #expect(!imports.isEmpty)
        // A second run replaces its own earlier output.
        #expect(try OffsyncProcess.run(["run", "samples", "--force"], in: scratch.folder).status == 0)
    }

    @Test("a second writer fails at once naming the first's pid; read-only commands run alongside")
    func oneWriterAtATime() throws {
        let scratch = try Scratch()
        var lock: WorkspaceLock? = try WorkspaceLock(workspace: scratch.workspace.path)
        let message = "another offsync is working on \(scratch.workspace.path) (pid \(getpid()))"
        for mode in [Pipeline.Mode.run, .plan] {
            let error = #expect(throws: OffsyncError.self) {
                try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: mode)
            }
            #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
        }
        let ack = #expect(throws: OffsyncError.self) {
            try Pipeline.acknowledge(workspace: scratch.workspace.path, receipt: scratch.output("receipt.csv"))
        }
        #expect(ack?.message.hasPrefix(message) == true)
        let ended = try OffsyncProcess.run(["run", "samples"], in: scratch.folder)
        #expect(ended.status == 1)
        #expect(ended.error.contains(message))
        _ = try Pipeline.check(workspace: scratch.workspace.path)
        #expect(!FileManager.default.fileExists(atPath: scratch.output("out")))
        #expect(lock != nil)
        lock = nil
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run, options: .init(force: true))
    }

    @Test("two runs started together: each ends done or refused by the lock, never half-done")
    func concurrentRuns() throws {
        let scratch = try Scratch()
        for _ in 0..<5 {
            let runs = try (0..<2).map { _ in try OffsyncProcess(["run", "samples", "--force"], in: scratch.folder) }
            let ended = runs.map { $0.wait() }
            for end in ended {
                #expect(end.status == 0 || (end.status == 1 && end.error.contains("another offsync is working on")), "\(end.error)")
            }
            #expect(ended.contains { $0.status == 0 })
            let store = try LinkStore(workspace: scratch.workspace.path, readOnly: true)
            #expect(try store.integrityCheck() == "ok")
            #expect(try store.pendingOutputs().isEmpty)
            try KillTests.verifyManifest(scratch.folder.appendingPathComponent("exports/samples"))
        }
    }

    @Test("a missing workspace, or a file given as one, is one sentence, and nothing is created")
    func notAWorkspace() throws {
        let scratch = try Scratch()
        try Data("x".utf8).write(to: scratch.folder.appendingPathComponent("file"))
        for (argument, words) in [("typo", "there is no workspace here: the folder does not exist"), ("file", "this is a file, not a workspace folder")] {
            let ended = try OffsyncProcess.run(["run", argument], in: scratch.folder)
            #expect(ended.status == 1)
            #expect(ended.error == "offsync: error: \(scratch.folder.appendingPathComponent(argument).path): \(words) (a folder holding offsync.yaml)\n"
                || ended.error == "offsync: error: \(scratch.folder.appendingPathComponent(argument).path): \(words)\n", "\(ended.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.folder.appendingPathComponent("typo").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.folder.appendingPathComponent("exports").path))
    }

    @Test("a command line that does not make sense exits 2", arguments: [["run", "--bogus"], ["explain", "samples"], ["frobnicate"]])
    func usage(_ arguments: [String]) throws {
        let scratch = try Scratch()
        let ended = try OffsyncProcess.run(arguments, in: scratch.folder)
        #expect(ended.status == 2)
        #expect(ended.error.contains("Usage:") || ended.error.contains("Error:"))
    }

    @Test("SIGINT and SIGTERM while outputs are written remove them, leave state as it was, say so and exit 130 and 143",
          arguments: [(SIGINT, Int32(130), "interrupted"), (SIGTERM, Int32(143), "terminated")])
    func interrupts(_ signal: Int32, _ status: Int32, _ word: String) throws {
        let scratch = try Scratch()
        let workspace = try KillTests.linkWorkspace(records: 20_000, in: scratch.folder)
        let before = try KillTests.state(workspace)
        let run = try OffsyncProcess(["run", "ws", "--force", "--out", "out"], in: scratch.folder)
        // Signal once the outputs are being staged.
        let deadline = Date().addingTimeInterval(120)
        while try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).allSatisfy({ !$0.hasPrefix(".out.partial-") }),
            run.process.isRunning, Date() < deadline
        {
            usleep(2_000)
        }
        try #require(run.process.isRunning, "the run was still working when its outputs appeared")
        kill(run.process.processIdentifier, signal)
        let ended = run.wait()
        #expect(ended.status == status)
        #expect(!ended.signalled)
        #expect(ended.error == "offsync: \(word): nothing was written and state is as it was\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).sorted() == ["samples", "ws"])
        #expect(try KillTests.state(workspace) == before)
    }

    @Test("links --out replaces an earlier links file, never a user's file")
    func linksFile() throws {
        let scratch = try Scratch()
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run, options: .init(force: true))
        try Data("mine\n".utf8).write(to: scratch.folder.appendingPathComponent("mine.csv"))
        let refused = try OffsyncProcess.run(["links", "samples", "--out", "mine.csv"], in: scratch.folder)
        #expect(refused.status == 1)
        #expect(refused.error.contains("mine.csv: the file exists and is not an earlier `offsync links` output"))
        #expect(FileManager.default.contents(atPath: scratch.output("mine.csv")) == Data("mine\n".utf8))
        for _ in 0..<2 {
            #expect(try OffsyncProcess.run(["links", "samples", "--out", "links.csv"], in: scratch.folder).status == 0)
        }
        #expect(try String(contentsOfFile: scratch.output("links.csv"), encoding: .utf8).hasPrefix("flow,source_system,"))
    }

    @Test("a staging folder left by a process that died is removed by the next run")
    func crashLeftovers() throws {
        let scratch = try Scratch()
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let leftover = scratch.folder.appendingPathComponent(".out.partial-\(ended.processIdentifier)-deadbeef")
        try FileManager.default.createDirectory(at: leftover.appendingPathComponent("import"), withIntermediateDirectories: true)
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .plan)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(FileManager.default.fileExists(atPath: scratch.output("out/report.json")))
    }
}
