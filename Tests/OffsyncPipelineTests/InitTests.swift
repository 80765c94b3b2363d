import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncSpec
import Testing

/// `offsync init`: from dataflow documents to a workspace `check` and `plan` accept once the
/// exports are in place, without replacing anything.
@Suite("a first workspace with offsync init")
struct InitTests {
    typealias Scratch = SampleRunTests.Scratch

    @Test("init, put the exports in, check, plan: the scaffold knows Zendesk's and PowerOffice Go's export shapes")
    func walkthrough() throws {
        let scratch = try Scratch()
        let document = scratch.workspace.appendingPathComponent("dataflows/powerofficego-zendesk.rst").path
        let made = try OffsyncProcess.run(["init", "first", "--document", document], in: scratch.folder)
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output.contains("created offsync.yaml") && made.output.contains("created dataflows/powerofficego-zendesk.rst"))
        let root = scratch.folder.appendingPathComponent("first")

        // The blank target is the file name's system; Zendesk's list exports and fields are known.
        let manifest = try Manifest(yaml: String(contentsOf: root.appendingPathComponent("offsync.yaml"), encoding: .utf8), file: "offsync.yaml")
        #expect(manifest.dataflows.first?.target == "zendesk")
        let users = try #require(manifest.dataset(DatasetKey(system: "zendesk", entity: "Users")))
        #expect([users.id, users.modified, users.correlation, users.records] == ["id", "updated_at", "external_id", "users"])
        let persons = try #require(manifest.dataset(DatasetKey(system: "powerofficego", entity: "Customers person")))
        #expect(persons.filter == [FieldCondition(path: "IsPerson", value: "true")] && persons.files == ["dumps/powerofficego/customers.json"])
        #expect(manifest.dataset(DatasetKey(system: "powerofficego", entity: "Contactperson"))?.correlation == "externalCode")

        // Until the exports are there, check names what is missing.
        let early = try OffsyncProcess.run(["check", "first"], in: scratch.folder)
        #expect(early.status == 1 && early.error.contains("matches no file"))

        func put(_ relative: String, _ json: String) throws {
            try json.write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
        }
        let stamp = "2024-05-01T10:00:00Z"
        try put("dumps/powerofficego/contactperson.json", #"[{"id": 1, "emailAddress": "kari@acme.no", "partyId": 10, "lastChanged": "\#(stamp)"}]"#)
        try put("dumps/powerofficego/customers.json", """
            [{"Id": 10, "Name": "Acme AS", "IsPerson": false, "LastChangedDateTimeOffset": "\(stamp)"},
             {"Id": 11, "FirstName": "Ola", "EmailAddress": "ola@home.no", "IsPerson": true, "LastChangedDateTimeOffset": "\(stamp)"}]
            """)
        try put("dumps/powerofficego/departments.json", #"[{"Id": 5, "Name": "Sales", "LastChangedDateTimeOffset": "\#(stamp)"}]"#)
        try put("dumps/zendesk/users.json", #"{"users": [{"id": 100, "email": "kari@acme.no", "updated_at": "\#(stamp)"}]}"#)
        try put("dumps/zendesk/organizations.json", #"{"organizations": [{"id": 200, "name": "Other", "updated_at": "\#(stamp)"}]}"#)
        let checked = try OffsyncProcess.run(["check", "first"], in: scratch.folder)
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
        let planned = try OffsyncProcess.run(["plan", "first", "--out", "first-plan", "--quiet"], in: scratch.folder)
        #expect(planned.status == 0, "\(planned.error)")
        let flows = try #require(try SampleRunTests.reportJSON(scratch.output("first-plan"))["flows"] as? [[String: Any]])
        let contacts = try #require(flows.first { $0["source"] as? String == "powerofficego.Contactperson" })
        #expect((contacts["counts"] as? [String: Int])?["linked"] == 1, "Kari links by email")
    }

    @Test("a folder with a manifest, or a document name taken by another file, is refused; nothing is written")
    func replacesNothing() throws {
        let scratch = try Scratch()
        let document = scratch.workspace.appendingPathComponent("dataflows/powerofficego-zendesk.rst").path
        let before = try String(contentsOf: scratch.workspace.appendingPathComponent("offsync.yaml"), encoding: .utf8)
        let again = try OffsyncProcess.run(["init", "samples", "--document", document], in: scratch.folder)
        #expect(again.status == 1 && again.error.contains("a workspace is already here: offsync init never replaces a file"))
        #expect(try String(contentsOf: scratch.workspace.appendingPathComponent("offsync.yaml"), encoding: .utf8) == before)

        let taken = scratch.folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: taken.appendingPathComponent("dataflows"), withIntermediateDirectories: true)
        try "mine".write(to: taken.appendingPathComponent("dataflows/powerofficego-zendesk.rst"), atomically: true, encoding: .utf8)
        let refused = try #require(throws: OffsyncError.self) { try Pipeline.initialize(folder: taken.path, documents: [document]) }
        #expect(refused.message.contains("another file is already there"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: taken.path) == ["dataflows"], "no manifest, no dumps")
        #expect(try String(contentsOf: taken.appendingPathComponent("dataflows/powerofficego-zendesk.rst"), encoding: .utf8) == "mine")
    }

    @Test("documents already in the folder's dataflows/ are used where they are")
    func inPlace() throws {
        let scratch = try Scratch()
        let folder = scratch.folder.appendingPathComponent("here")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dataflows"), withIntermediateDirectories: true)
        for name in ["powerofficego-youtrack.rst", "powerofficego-tidsbanken.rst"] {
            try FileManager.default.copyItem(
                at: scratch.workspace.appendingPathComponent("dataflows/\(name)"), to: folder.appendingPathComponent("dataflows/\(name)"))
        }
        let made = try Pipeline.initialize(folder: folder.path, documents: [])
        #expect(!made.created.contains { $0.hasPrefix("dataflows/") })
        #expect(made.dumpFolders.sorted() == ["dumps/powerofficego", "dumps/tidsbanken", "dumps/youtrack"])
        let manifest = try Manifest(yaml: String(contentsOf: folder.appendingPathComponent("offsync.yaml"), encoding: .utf8), file: "offsync.yaml")
        #expect(manifest.dataflows.map(\.document) == ["dataflows/powerofficego-tidsbanken.rst", "dataflows/powerofficego-youtrack.rst"])
    }
}
