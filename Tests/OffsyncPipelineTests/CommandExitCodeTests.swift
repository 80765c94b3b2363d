import Foundation
import Testing

/// Every command as a person or a script meets it: the exit code and the words it prints, for
/// one way it succeeds and the ways it refuses. The process is the only place both are seen.
@Suite("each command's exit code and output")
struct CommandExitCodeTests {
    typealias Scratch = SampleRunTests.Scratch

    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        /// Text the standard output (`out`) or standard error (`err`) holds.
        var out: String? = nil
        var err: String? = nil
        var testDescription: String { "offsync \(arguments.joined(separator: " ")) → \(status)" }
    }

    static let cases: [Case] = [
        Case(arguments: ["--version"], status: 0, out: "0.1.0 (commit "),
        Case(arguments: ["bogus"], status: 2, err: "Unexpected argument 'bogus'"),
        Case(arguments: ["init", "fresh"], status: 2, err: "name the dataflow documents with --document"),
        Case(arguments: ["init", "fresh", "--document", "samples/dataflows/powerofficego-zendesk.rst"], status: 0, out: "created offsync.yaml"),
        Case(arguments: ["check", "samples"], status: 0, out: "warning: [ambiguous]"),
        Case(arguments: ["check", "nowhere"], status: 1, err: "nowhere: there is no workspace here: the folder does not exist"),
        Case(arguments: ["plan", "samples", "--out", "plan", "--quiet"], status: 0),
        Case(arguments: ["plan", "samples", "--fail-on", "nonsense"], status: 2, err: "The value 'nonsense' is invalid for '--fail-on <counts>'"),
        Case(arguments: ["plan", "samples", "--fail-on", "ambiguous", "--out", "gated", "--quiet"], status: 4, err: "--fail-on: ambiguous "),
        Case(arguments: ["run", "samples", "--out", "afile/sub"], status: 1, err: "cannot use the output folder: a file is in the way of its path"),
        Case(arguments: ["run", "blocked", "--out", "blocked-out"], status: 5, err: "cannot open the workspace lock: Not a directory"),
        Case(arguments: ["run", "samples", "--out", "out", "--quiet"], status: 0),
        Case(arguments: ["explain", "samples", "powerofficego", "Contactperson", "678245"], status: 0,
             out: "powerofficego.Contactperson 678245 ("),
        Case(arguments: ["explain", "samples", "nosuch", "Entity", "1"], status: 2, err: "no dataset nosuch.Entity in the manifest"),
        Case(arguments: ["links", "samples"], status: 0, out: "flow,source_system,source_entity,source_id,target_system"),
        Case(arguments: ["links", "samples", "--out", "afile"], status: 1, err: "the file exists and is not an earlier `offsync links` output"),
        Case(arguments: ["ack", "nothere.json", "--workspace", "samples"], status: 1, err: "nothere.json: there is no receipt here"),
        Case(arguments: ["ack", "receipt.json", "--workspace", "samples"], status: 1,
             err: "receipt.json:1: powerofficego.Contactperson records are created in crmoffice.Contacts, exact.Contacts"),
        Case(arguments: ["spec", "convert", "samples/dataflows/powerofficego-zendesk.rst"], status: 0, out: "4 flows"),
        Case(arguments: ["spec", "convert", "nothere.rst"], status: 1, err: "nothere.rst: cannot read the document"),
        Case(arguments: ["spec", "render", "samples/dataflows/powerofficego-zendesk.rst", "--out", "rendered.rst"], status: 0),
        Case(arguments: ["state", "import", "samples"], status: 2, err: "Missing expected argument '--from <from>'"),
        Case(arguments: ["state", "import", "samples", "--from", "out"], status: 1,
             err: "out/links.parquet: there is no such file: give the job's output folder or its state folder"),
    ]

    /// One scratch folder for all cases, in order: `explain` and `links` read the state the
    /// `run` before them left.
    @Test("exit code and output of every command, succeeding and refusing")
    func everyCommand() throws {
        let scratch = try Scratch()
        let folder = scratch.folder
        try Data().write(to: folder.appendingPathComponent("afile"))
        try Data(#"[{"$correlation":"offsync:powerofficego/Contactperson/999","id":"5"}]"#.utf8)
            .write(to: folder.appendingPathComponent("receipt.json"))
        // A workspace whose state folder is a file: the lock cannot be opened (an I/O failure).
        let blocked = folder.appendingPathComponent("blocked")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("samples"), to: blocked)
        try? FileManager.default.removeItem(at: blocked.appendingPathComponent(".offsync"))
        try Data().write(to: blocked.appendingPathComponent(".offsync"))

        for item in Self.cases {
            let ended = try OffsyncProcess.run(item.arguments, in: folder)
            #expect(ended.status == item.status, "\(item.testDescription): \(ended.error)")
            if let out = item.out { #expect(ended.output.contains(out), "\(item.testDescription): \(ended.output)") }
            if let err = item.err { #expect(ended.error.contains(err), "\(item.testDescription): \(ended.error)") }
            if item.status == 0 { #expect(!ended.error.contains("error"), "\(item.testDescription): \(ended.error)") }
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rendered.rst").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/report.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("blocked-out").path), "nothing written")
    }
}
