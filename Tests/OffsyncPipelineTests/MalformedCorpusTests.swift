import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncSpec
import OffsyncState
import Testing

@testable import OffsyncIngest

/// Every case of the malformed-input corpus, through `check` and `run` (and every fifth through
/// `plan`, which is `run` without the state): a refused input is exit 1 with a message naming
/// its file, line and column or its manifest key, and leaves no output folder (nor a staging
/// folder beside it) and the remembered links and baselines as they were; an input where only a
/// record is bad is a finding with file and line, and the run goes on.
@Suite("the malformed-input corpus")
struct MalformedCorpusTests {
    @Test("the corpus holds at least 40 refused inputs, each named once")
    func size() {
        #expect(MalformedCorpus.refusals.count >= 40)
        let names = (MalformedCorpus.refusals.map(\.name) + MalformedCorpus.records.map(\.name))
        #expect(Set(names).count == names.count)
    }

    @Test("refused: exit 1, the place and the message, nothing written, state as it was", arguments: MalformedCorpus.refusals)
    func refused(_ item: Refusal) throws {
        try Self.expectRefused(item, by: .run)
    }

    /// Every fifth case, spread over the corpus's kinds (manifest, documents, each export format).
    static let planned = MalformedCorpus.refusals.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)

    @Test("refused by plan as by run: the same place and message, no output folder", arguments: planned)
    func refusedByPlan(_ item: Refusal) throws {
        try Self.expectRefused(item, by: .plan)
    }

    /// `check` and `mode` refuse `item` alike, at its place, writing nothing.
    static func expectRefused(_ item: Refusal, by mode: Pipeline.Mode, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let workspace = try CorpusWorkspace()
        try item.patch(workspace)
        let expected = try item.place.location(in: workspace)
        let out = workspace.scratch.output("out")

        let errors = [
            try #require(throws: OffsyncError.self, "check", sourceLocation: sourceLocation) { _ = try Pipeline.check(workspace: workspace.root) },
            try #require(throws: OffsyncError.self, "\(mode)", sourceLocation: sourceLocation) {
                _ = try Pipeline.execute(workspace: workspace.root, output: out, mode: mode)
            },
        ]
        let error = errors[0]
        #expect(errors.allSatisfy { $0 == error }, "check and \(mode) say the same: \(errors)", sourceLocation: sourceLocation)
        #expect(error.kind == .badInput && error.kind.exitCode == 1, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location == expected, "\(error)\n  expected at \(expected)", sourceLocation: sourceLocation)
        #expect(error.message.contains(item.message), "\(error)", sourceLocation: sourceLocation)

        #expect(!FileManager.default.fileExists(atPath: out), "no output folder", sourceLocation: sourceLocation)
        let beside = try FileManager.default.contentsOfDirectory(atPath: workspace.scratch.folder.path)
        #expect(beside.filter { $0 != "samples" && $0 != MalformedCorpus.elsewhere } == [], "nothing beside the workspace", sourceLocation: sourceLocation)
        try expectStateAsItWas(workspace, sourceLocation: sourceLocation)
    }

    @Test("reported: a finding with file and line, and the run goes on", arguments: MalformedCorpus.records)
    func reported(_ item: RecordReport) throws {
        let workspace = try CorpusWorkspace()
        try item.patch(workspace)
        let plan = try Pipeline.check(workspace: workspace.root)
        let matching = plan.findings.filter {
            $0.code == item.code && $0.location?.file == workspace.path(item.file) && $0.location?.line == item.line
        }
        #expect(matching.contains { $0.message.contains(item.message) }, "\(plan.findings.filter { $0.code == item.code })")

        let out = workspace.scratch.output("out")
        _ = try Pipeline.execute(workspace: workspace.root, output: out, mode: .run)
        let findings = try #require(try SampleRunTests.reportJSON(out)["findings"] as? [[String: Any]])
        #expect(findings.contains {
            $0["code"] as? String == item.code.rawValue && $0["file"] as? String == item.file && $0["line"] as? Int == item.line
        })
    }

    /// Links and baselines as the template run left them, and nothing written beside the state.
    static func expectStateAsItWas(_ workspace: CorpusWorkspace, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = workspace.path(".offsync")
        // Beside the state: the workspace lock the run took, and SQLite's shared-memory files of
        // a reader of a write-ahead-logged database (empty log: nothing was written).
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !["lock", "state.sqlite-shm"].contains($0) }
        #expect(beside.filter { $0 != "state.sqlite-wal" } == ["state.sqlite"], sourceLocation: sourceLocation)
        if beside.contains("state.sqlite-wal") {
            #expect(try workspace.bytes(".offsync/state.sqlite-wal").isEmpty, "nothing in the write-ahead log", sourceLocation: sourceLocation)
        }
        let template = try CorpusWorkspace.template.get()
        let store = try LinkStore(workspace: workspace.root, readOnly: true)
        #expect(try store.links() == template.links, "links as they were", sourceLocation: sourceLocation)
        #expect(try store.baselines() == template.baselines, "baselines as they were", sourceLocation: sourceLocation)
    }

    // MARK: Hostile but well-formed: read exactly

    @Test("a CSV export of a header only is a dataset of no records")
    func headerOnly() throws {
        let workspace = try CorpusWorkspace()
        try workspace.install("header-only.csv", as: CorpusWorkspace.customersCSV)
        let plan = try Pipeline.check(workspace: workspace.root)
        let customers = try #require(plan.datasets.first { $0.key == DatasetKey(system: "custompms", entity: "Customer") })
        #expect(customers.records == 0)
    }

    @Test("blank lines in NDJSON separate nothing, and an empty NDJSON file is an export of no records")
    func blankNDJSON() throws {
        let workspace = try CorpusWorkspace()
        try workspace.install("blank-lines.ndjson", as: CorpusWorkspace.usersNDJSON)
        var loader = DatasetLoader(root: workspace.root)
        let spec = DatasetSpec(key: DatasetKey(system: "zendesk", entity: "Users"), files: [CorpusWorkspace.usersNDJSON], id: "id")
        let users = try loader.load(spec)
        #expect(users.records.map(\.id) == ["1", "2"])
        #expect(users.records.map(\.line) == [1, 4])

        try workspace.write(CorpusWorkspace.usersNDJSON, [])
        var again = DatasetLoader(root: workspace.root)
        #expect(try again.load(spec).records.isEmpty)
    }

    @Test("a 400-digit number is kept as written, as an id and as a value")
    func longNumber() throws {
        let workspace = try CorpusWorkspace()
        let digits = String(repeating: "9876543210", count: 40)
        try workspace.write(CorpusWorkspace.companiesJSON, Array(#"[{"id": \#(digits), "name": "Alfa AS", "size": -\#(digits).5e-400}]"#.utf8))
        var loader = DatasetLoader(root: workspace.root)
        let companies = try loader.load(
            DatasetSpec(key: DatasetKey(system: "crmoffice", entity: "Companies"), files: [CorpusWorkspace.companiesJSON], id: "id"))
        let record = try #require(companies.records.first)
        #expect(record.id == digits)
        #expect(companies.value(record, "size")?.text == "-\(digits).5e-400")
        _ = try Pipeline.check(workspace: workspace.root)
    }

    @Test("an escaped NUL (\\u0000) in a JSON string is text, not a NUL byte of the file")
    func escapedNUL() throws {
        let workspace = try CorpusWorkspace()
        try workspace.write(CorpusWorkspace.companiesJSON, Array(#"[{"id": 1, "name": "Alfa\u0000AS"}]"#.utf8))
        var loader = DatasetLoader(root: workspace.root)
        let companies = try loader.load(
            DatasetSpec(key: DatasetKey(system: "crmoffice", entity: "Companies"), files: [CorpusWorkspace.companiesJSON], id: "id"))
        #expect(companies.value(try #require(companies.records.first), "name")?.text == "Alfa\u{0}AS")
    }

    // MARK: State is read only until a run's commit point

    @Test("a refused run creates no state in a workspace that had none")
    func noStateCreated() throws {
        let scratch = try SampleRunTests.Scratch()
        try Data("\0".utf8).write(to: scratch.workspace.appendingPathComponent("dumps/zendesk/users.ndjson"))
        _ = try #require(throws: OffsyncError.self) {
            try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run)
        }
        // The workspace lock only.
        #expect(!FileManager.default.fileExists(atPath: scratch.workspace.appendingPathComponent(".offsync/state.sqlite").path))
    }

    @Test("a refused run leaves state.sqlite byte for byte as it was")
    func stateBytesKept() throws {
        let workspace = try CorpusWorkspace()
        try workspace.write(CorpusWorkspace.usersNDJSON, [0])
        _ = try #require(throws: OffsyncError.self) {
            try Pipeline.execute(workspace: workspace.root, output: workspace.scratch.output("out"), mode: .run)
        }
        try Self.expectStateAsItWas(workspace)
        let bytes = try workspace.bytes(".offsync/state.sqlite")
        let template = try CorpusWorkspace.template.get().bytes
        #expect(bytes == template)
    }
}
