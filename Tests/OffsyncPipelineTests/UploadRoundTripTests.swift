import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import Testing

@testable import OffsyncIngest

/// Run, play the upload of the import files into the exports the way each system keeps created
/// records, run again: every created record is linked back and no create is planned twice.
@Suite("created records linked back on the next run")
struct UploadRoundTripTests {
    typealias Scratch = SampleRunTests.Scratch

    /// The lines of an import file as JSON objects.
    static func importLines(_ out: String, _ path: String) throws -> [[String: Any]] {
        let file = URL(fileURLWithPath: out).appendingPathComponent(path).path
        let bytes = try #require(FileManager.default.contents(atPath: file))
        let text = String(decoding: try Gzip.inflate(Array(bytes), file: file), as: UTF8.self)
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// Appends records to a JSON export whose array sits under `path` (empty: top level).
    static func append(_ records: [[String: Any]], toJSON file: URL, under path: [String]) throws {
        var root = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        func inserting(_ node: Any, _ path: ArraySlice<String>) -> Any {
            guard let key = path.first else { return (node as! [Any]) + records }
            var object = node as! [String: Any]
            object[key] = inserting(object[key]!, path.dropFirst())
            return object
        }
        root = inserting(root, path[...])
        try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]).write(to: file)
    }

    /// A flow's entry in report.json, by `source -> target`.
    static func flow(_ out: String, _ name: String) throws -> [String: Any] {
        let flows = try #require(try SampleRunTests.reportJSON(out)["flows"] as? [[String: Any]])
        return try #require(flows.first { "\($0["source"]!) -> \($0["target"]!)" == name })
    }

    static func counts(_ out: String, _ flow: String) throws -> [String: Int] {
        try #require(try Self.flow(out, flow)["counts"] as? [String: Int])
    }

    @Test("correlation value, upload receipt and content each link the created records back; nothing is created twice")
    func twoRuns() throws {
        let scratch = try Scratch()
        let workspace = scratch.workspace
        let first = scratch.output("run1")
        _ = try Pipeline.execute(workspace: workspace.path, output: first, mode: .run)
        let customersToOrganizations = try Self.counts(first, "powerofficego.Customers -> zendesk.Organizations")
        #expect(customersToOrganizations["create"] == 96)

        // Zendesk keeps the correlation value in external_id.
        let organizations = try Self.importLines(first, "import/zendesk/Organizations.create.jsonl.gz")
        try Self.append(organizations.enumerated().map { i, line in
            ["id": 99_000_000_000 + i, "name": line["name"] ?? "", "external_id": line["$correlation"]!, "updated_at": "2026-11-21T12:00:00Z"]
        }, toJSON: workspace.appendingPathComponent("dumps/zendesk/organizations.json"), under: ["organizations"])

        // Two organizations linked in run 1 are deleted in Zendesk: their links become orphans,
        // and their customers are not created again.
        let organizationsFile = workspace.appendingPathComponent("dumps/zendesk/organizations.json")
        var zendesk = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: organizationsFile)) as? [String: Any])
        var kept = try #require(zendesk["organizations"] as? [[String: Any]])
        let deleted = kept.indices.filter { (kept[$0]["external_id"] as? String)?.hasPrefix("offsync:powerofficego/Customers/") == true }.prefix(2)
        #expect(deleted.count == 2)
        for index in deleted.reversed() { kept.remove(at: index) }
        zendesk["organizations"] = kept
        try JSONSerialization.data(withJSONObject: zendesk).write(to: organizationsFile)

        // Exact Online keeps no correlation value: found again by content.
        let contacts = try Self.importLines(first, "import/exact/Contacts.create.jsonl.gz")
        try Self.append(contacts.enumerated().map { i, line in
            var record = line.filter { !$0.key.hasPrefix("$") }
            record["ID"] = "00000000-0000-0000-0000-\(String(format: "%012d", i))"
            return record
        }, toJSON: workspace.appendingPathComponent("dumps/exact/contacts.json"), under: ["d", "results"])

        // Custom PMS keeps neither, and its flows map no property: the upload's receipt tells.
        let customers = try Self.importLines(first, "import/custompms/Customer.create.jsonl.gz")
        var receipt = "$correlation,id\n"
        var rows = ""
        for (i, line) in customers.enumerated() {
            receipt += "\(line["$correlation"]!),NEW-\(i)\n"
            rows += "NEW-\(i),,,,,,,2026-11-21T12:00:00Z\n"
        }
        let csv = workspace.appendingPathComponent("dumps/custompms/customers.csv")
        try (String(contentsOf: csv, encoding: .utf8) + rows).write(to: csv, atomically: true, encoding: .utf8)
        let receiptFile = scratch.folder.appendingPathComponent("receipt.csv")
        try receipt.write(to: receiptFile, atomically: true, encoding: .utf8)
        // Departments are created in three systems: the receipt must say which.
        #expect(throws: (any Error).self) {
            try Pipeline.acknowledge(workspace: workspace.path, receipt: receiptFile.path)
        }
        let acknowledged = try Pipeline.acknowledge(workspace: workspace.path, receipt: receiptFile.path, dataset: "custompms.Customer")
        #expect(acknowledged.linked.values.reduce(0, +) == customers.count)

        let second = scratch.output("run2")
        _ = try Pipeline.execute(workspace: workspace.path, output: second, mode: .run)
        let linkedBack = [
            "powerofficego.Customers -> zendesk.Organizations", "powerofficego.Departments -> zendesk.Organizations",
            "powerofficego.Contactperson -> exact.Contacts", "powerofficego.Suppliers person -> exact.Contacts",
            "powerofficego.Customers -> custompms.Customer", "powerofficego.Departments -> custompms.Customer",
        ]
        for flow in linkedBack {
            let counts = try Self.counts(second, flow)
            let orphans = flow == "powerofficego.Customers -> zendesk.Organizations" ? 2 : 0
            #expect(counts["create"] == 0, "\(flow) plans no second create")
            #expect(counts["orphan"] == orphans, "\(flow) orphans")
            #expect(counts["linked"] == counts["source"]! - orphans, "\(flow) links every source record")
        }
        // Nothing was uploaded to CRMOffice: the same creates again, with the same correlation values.
        let before = try Self.importLines(first, "import/crmoffice/Contacts.create.jsonl.gz").map { $0["$correlation"] as! String }
        let after = try Self.importLines(second, "import/crmoffice/Contacts.create.jsonl.gz").map { $0["$correlation"] as! String }
        #expect(before == after)
        #expect(!before.isEmpty)

        // A third run changes nothing: the links are remembered.
        let third = scratch.output("run3")
        _ = try Pipeline.execute(workspace: workspace.path, output: third, mode: .run)
        for flow in linkedBack {
            #expect(try Self.counts(third, flow)["create"] == 0, "\(flow)")
        }
    }
}

@Suite("references")
struct ReferenceCheckTests {
    @Test("check suggests declaring a reference when a mapped property's values are ids of another dataset")
    func suggestsReference() throws {
        let scratch = try SampleRunTests.Scratch()
        let manifest = scratch.workspace.appendingPathComponent("offsync.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(text.contains("references: { partyId: Customers }"))
        let declared = try Pipeline.check(workspace: scratch.workspace.path)
        #expect(!declared.findings.contains { $0.code == .reference })
        try text.replacingOccurrences(of: "references: { partyId: Customers }", with: "references: {}")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let undeclared = try Pipeline.check(workspace: scratch.workspace.path)
        let suggestion = try #require(undeclared.findings.first { $0.code == .reference })
        #expect(suggestion.message.contains("'partyId' are ids of powerofficego.Customers"))
        #expect(suggestion.message.contains("references: { partyId: Customers }"))
    }
}

/// `batch: N` splits a dataset's import files into numbered batches an upload takes one call
/// each, and the report lists every file in the order to upload it.
@Suite("upload batches and order")
struct UploadBatchTests {
    typealias Scratch = SampleRunTests.Scratch

    @Test("batches of at most N lines, numbered from 0001, whose lines in order are the unsplit file's; listed in upload order")
    func batches() throws {
        let scratch = try Scratch()
        let whole = scratch.output("whole")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: whole, mode: .run, options: .init(force: true))
        let unsplit = try UploadRoundTripTests.importLines(whole, "import/zendesk/Organizations.create.jsonl.gz")
        try #require(unsplit.count > 200)

        let manifest = scratch.workspace.appendingPathComponent("offsync.yaml")
        try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "Organizations: { files: dumps/zendesk/organizations.json,", with: "Organizations: { batch: 100, files: dumps/zendesk/organizations.json,")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let split = scratch.output("split")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: split, mode: .plan)
        let run = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("run"), mode: .run, options: .init(force: true))
        let batches = run.written.map(\.path).filter { $0.hasPrefix("import/zendesk/Organizations.create.") }
        let count = (unsplit.count + 99) / 100
        #expect(batches == (1...count).map { "import/zendesk/Organizations.create.\(String(format: "%04d", $0)).jsonl.gz" })
        var lines: [[String: Any]] = []
        for (n, batch) in batches.enumerated() {
            let part = try UploadRoundTripTests.importLines(scratch.output("run"), batch)
            #expect(part.count == (n < count - 1 ? 100 : unsplit.count - 100 * (count - 1)))
            lines += part
        }
        #expect(lines.map { $0["$correlation"] as? String } == unsplit.map { $0["$correlation"] as? String })
        #expect(!run.written.contains { $0.path == "import/zendesk/Organizations.create.jsonl.gz" })

        // The order: every create first, referenced datasets first (CRMOffice Activities name
        // the Contacts made from Employees), the batches together and in order.
        let report = try SampleRunTests.reportJSON(scratch.output("run"))
        let order = try #require(report["upload_order"] as? [[String: Any]]).compactMap { $0["file"] as? String }
        #expect(Set(order) == Set(run.written.map(\.path).filter { $0.hasPrefix("import/") && $0.hasSuffix(".jsonl.gz") }))
        let lastCreate = try #require(order.lastIndex { $0.contains(".create.") })
        #expect(!order[..<lastCreate].contains { $0.contains(".update.") || $0.contains(".delete.") })
        let contacts = try #require(order.firstIndex(of: "import/crmoffice/Contacts.create.jsonl.gz"))
        let activities = try #require(order.firstIndex(of: "import/crmoffice/Activities.create.jsonl.gz"))
        #expect(contacts < activities)
        let first = try #require(order.firstIndex(of: batches[0]))
        #expect(Array(order[first..<first + count]) == batches)
        // A plan writes no import files and lists no uploads.
        #expect((try SampleRunTests.reportJSON(split)["upload_order"] as? [Any])?.isEmpty == true)
    }
}
