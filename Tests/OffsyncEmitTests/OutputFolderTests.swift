import Foundation
import OffsyncDiagnostics
import Testing

@testable import OffsyncEmit

/// Output folders are offsync's alone: it writes into a new folder or over its own earlier
/// output, refuses anything else before writing a byte, and publishes whole or not at all.
@Suite("output folders")
struct OutputFolderTests {
    final class Scratch {
        let root: String
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("offsync-out-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }
        func write(_ name: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: (path(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        }
        func read(_ name: String) -> String? { FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) } }
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: root).sorted() }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Writes a complete output (a report and a manifest naming it) the way the emitter does.
    @discardableResult
    static func output(at destination: String, mode: String, report: String = "{}") throws -> OutputFolder {
        var folder = try OutputFolder(destination: destination, mode: mode, protecting: [])
        try folder.write("import/zendesk/Users.create.jsonl.gz", [1, 2, 3])
        try folder.write("report.json", text: report)
        let listed = folder.written.map { "{\"path\": \"\($0.path)\"}" }.joined(separator: ",")
        try folder.write("manifest.json", text: "{\"generator\": \"offsync\", \"mode\": \"\(mode)\", \"inputs\": [], \"outputs\": [\(listed)]}")
        try folder.prepareToPublish(mode: mode)
        try folder.publish()
        return folder
    }

    func refusal(_ destination: String, mode: String = "run", protecting: [String] = []) -> OffsyncError? {
        #expect(throws: OffsyncError.self) { try OutputFolder(destination: destination, mode: mode, protecting: protecting) }
    }

    @Test("a folder holding a file offsync did not write is refused, and the file is left as it was")
    func foreignFile() throws {
        let scratch = try Scratch()
        try scratch.write("d/thesis.txt", "x")
        let error = try #require(refusal(scratch.path("d")))
        #expect(error.message.contains("did not write (thesis.txt)"))
        #expect(error.location?.file.hasSuffix("/d") == true)
        #expect(scratch.read("d/thesis.txt") == "x")
        #expect(try scratch.names() == ["d"], "no staging folder beside it")
    }

    @Test("a file where the output folder should be is refused")
    func fileInTheWay() throws {
        let scratch = try Scratch()
        try scratch.write("out", "mine")
        let error = try #require(refusal(scratch.path("out")))
        #expect(error.message.contains("is a file, not a folder"))
        #expect(scratch.read("out") == "mine")
    }

    @Test("the workspace, its parents and the folders of its inputs are never an output", arguments: ["ws", ".", "ws/dumps", "ws/dumps/zendesk"])
    func protectedFolders(_ relative: String) throws {
        let scratch = try Scratch()
        try scratch.write("ws/dumps/zendesk/users.json", "[]")
        try scratch.write("ws/offsync.yaml", "version: 1")
        // Even when it looks like an earlier output.
        try scratch.write(relative + "/manifest.json", #"{"inputs": [], "outputs": []}"#)
        let error = try #require(refusal(scratch.path(relative), protecting: [scratch.path("ws"), scratch.path("ws/dumps/zendesk/users.json")]))
        #expect(error.message.contains("holds the workspace or its inputs"))
        #expect(scratch.read("ws/dumps/zendesk/users.json") == "[]")
    }

    @Test("a path through a symbolic link to the workspace is the workspace")
    func symbolicLink() throws {
        let scratch = try Scratch()
        try scratch.write("ws/offsync.yaml", "version: 1")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: scratch.path("ws"))
        let error = try #require(refusal(scratch.path("link/../link"), protecting: [scratch.path("ws")]))
        #expect(error.message.contains("holds the workspace"))
    }

    @Test("an earlier output is replaced whole; an empty folder and a new one are written")
    func replacesEarlierOutput() throws {
        let scratch = try Scratch()
        try Self.output(at: scratch.path("out"), mode: "run", report: "first")
        try Self.output(at: scratch.path("out"), mode: "run", report: "second")
        #expect(scratch.read("out/report.json") == "second")
        #expect(try scratch.names() == ["out"], "no staging or earlier folder left")
        try FileManager.default.createDirectory(atPath: scratch.path("empty"), withIntermediateDirectories: false)
        try Self.output(at: scratch.path("empty"), mode: "plan")
        try Self.output(at: scratch.path("new/deeper"), mode: "plan")
        #expect(scratch.read("empty/report.json") == "{}")
        #expect(scratch.read("new/deeper/report.json") == "{}")
    }

    @Test("an earlier output with a file added since is refused")
    func earlierOutputWithAddition() throws {
        let scratch = try Scratch()
        try Self.output(at: scratch.path("out"), mode: "run")
        try scratch.write("out/import/notes.txt", "keep me")
        let error = try #require(refusal(scratch.path("out")))
        #expect(error.message.contains("does not list (import/notes.txt)"))
        #expect(scratch.read("out/import/notes.txt") == "keep me")
    }

    @Test("a file added while the run works is found before the output is replaced")
    func additionDuringRun() throws {
        let scratch = try Scratch()
        try Self.output(at: scratch.path("out"), mode: "run")
        var folder = try OutputFolder(destination: scratch.path("out"), mode: "run", protecting: [])
        try folder.write("report.json", text: "{}")
        try scratch.write("out/late.txt", "late")
        #expect(throws: OffsyncError.self) { try folder.prepareToPublish(mode: "run") }
        folder.discard()
        #expect(scratch.read("out/late.txt") == "late")
        #expect(try scratch.names() == ["out"])
    }

    @Test("plan never replaces the output of a run; a run replaces a plan's")
    func planOverRun() throws {
        let scratch = try Scratch()
        try Self.output(at: scratch.path("run"), mode: "run")
        let error = try #require(refusal(scratch.path("run"), mode: "plan"))
        #expect(error.message.contains("`offsync plan` never replaces them"))
        #expect(FileManager.default.fileExists(atPath: scratch.path("run/import/zendesk/Users.create.jsonl.gz")))
        try Self.output(at: scratch.path("plan"), mode: "plan")
        try Self.output(at: scratch.path("plan"), mode: "run")
        #expect(FileManager.default.fileExists(atPath: scratch.path("plan/import/zendesk/Users.create.jsonl.gz")))
    }

    @Test("an output from before manifests named their mode is known by its report's mode")
    func legacyOutput() throws {
        let scratch = try Scratch()
        try scratch.write("out/report.json", #"{"mode": "run"}"#)
        try scratch.write("out/manifest.json", #"{"inputs": [], "outputs": [{"path": "report.json"}]}"#)
        let error = try #require(refusal(scratch.path("out"), mode: "plan"))
        #expect(error.message.contains("never replaces"))
        _ = try OutputFolder(destination: scratch.path("out"), mode: "run", protecting: []).discard()
    }

    @Test("a publish cut short at any step is finished by running it again")
    func resumedPublish() throws {
        let scratch = try Scratch()
        for step in 0..<4 {
            let out = scratch.path("out\(step)")
            try Self.output(at: out, mode: "run", report: "old")
            var folder = try OutputFolder(destination: out, mode: "run", protecting: [])
            try folder.write("report.json", text: "new")
            let previous = folder.staging + ".previous"
            // The state a crash leaves after `step` of the publish's renames and removal.
            if step >= 1 { try FileManager.default.moveItem(atPath: out, toPath: previous) }
            if step >= 2 { try FileManager.default.moveItem(atPath: folder.staging, toPath: out) }
            if step >= 3 { try FileManager.default.removeItem(atPath: previous) }
            try OutputFolder.publish(staging: folder.staging, destination: out)
            try OutputFolder.publish(staging: folder.staging, destination: out)
            #expect(scratch.read("out\(step)/report.json") == "new", "after step \(step)")
            #expect(!FileManager.default.fileExists(atPath: previous))
            #expect(!FileManager.default.fileExists(atPath: folder.staging))
        }
    }

    @Test("staging folders of processes that died are removed; a live process's are kept")
    func abandonedStaging() throws {
        let scratch = try Scratch()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = scratch.path(".out.partial-\(process.processIdentifier)-0a1b2c3d")
        let deadPrevious = dead + ".previous"
        let live = scratch.path(".out.partial-1-0a1b2c3d")
        let other = scratch.path(".other.partial-\(process.processIdentifier)-0a1b2c3d")
        for folder in [dead, deadPrevious, live, other] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        OutputFolder.removeAbandoned(beside: scratch.path("out"))
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(!FileManager.default.fileExists(atPath: deadPrevious))
        #expect(FileManager.default.fileExists(atPath: live), "pid 1 is alive")
        #expect(FileManager.default.fileExists(atPath: other), "another destination's")
    }

    @Test("a full disk is said in one sentence naming the file and the output folder")
    func fullDisk() throws {
        let scratch = try Scratch()
        let folder = try OutputFolder(destination: scratch.path("out"), mode: "run", protecting: [])
        defer { folder.discard() }
        let error = folder.writeError(ENOSPC, "report.json")
        #expect(error.message == "cannot write report.json of the outputs: the disk is full")
        #expect(error.location?.file == scratch.path("out"))
        #expect(folder.writeError(EACCES, "report.md").message.hasSuffix("permission denied"))
    }
}
