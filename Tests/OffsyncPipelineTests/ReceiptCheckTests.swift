import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import Testing

/// `offsync ack` checks every receipt row against the other rows, the source export and the
/// remembered links before it remembers anything: one refused row, and nothing is remembered.
@Suite("upload receipts are checked")
struct ReceiptCheckTests {
    typealias Scratch = SampleRunTests.Scratch
    static let flow = "powerofficego.Customers -> custompms.Customer"

    /// The sample workspace after a first run: the correlation values of the Custom PMS
    /// customers it planned to create (Custom PMS keeps none, so only a receipt links them).
    final class Prepared {
        let scratch: Scratch
        var workspace: String { scratch.workspace.path }
        let created: [String]

        init() throws {
            scratch = try Scratch()
            let out = scratch.output("run1")
            _ = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
            created = try UploadRoundTripTests.importLines(out, "import/custompms/Customer.create.jsonl.gz")
                .compactMap { $0["$correlation"] as? String }.filter { $0.hasPrefix("offsync:powerofficego/Customers/") }
            try #require(created.count >= 4)
        }

        /// The source id a correlation value names.
        func id(_ index: Int) -> String { String(created[index].dropFirst("offsync:powerofficego/Customers/".count)) }

        /// Writes a receipt (header `$correlation,id`) and returns its path.
        func receipt(_ rows: [(String, String)], name: String = "receipt.csv") throws -> String {
            let file = scratch.folder.appendingPathComponent(name)
            try ("$correlation,id\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
            return file.standardizedFileURL.path
        }

        func ack(_ file: String) throws -> Pipeline.Acknowledgement {
            try Pipeline.acknowledge(workspace: workspace, receipt: file, dataset: "custompms.Customer")
        }

        /// The remembered links, as `offsync links` lists them.
        func state() throws -> String { try Pipeline.linksCSV(workspace: workspace) }

        /// Acknowledges a receipt that must be refused: the error, after checking that state is unchanged.
        func refused(_ file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> OffsyncError {
            let before = try state()
            let error = try #require(throws: OffsyncError.self, sourceLocation: sourceLocation) { try self.ack(file) }
            #expect(error.kind.exitCode == 1, sourceLocation: sourceLocation)
            #expect(try state() == before, "nothing is remembered", sourceLocation: sourceLocation)
            return error
        }
    }

    @Test("a row repeating a remembered link is already known and kept; nothing new is remembered")
    func repeatedLink() throws {
        let prepared = try Prepared()
        let first = try prepared.ack(try prepared.receipt([(prepared.created[0], "NEW-0")]))
        #expect(first.linked == [Self.flow: 1] && first.alreadyLinked == 0)
        let before = try prepared.state()
        let again = try prepared.ack(try prepared.receipt([(prepared.created[0], "NEW-0")], name: "again.csv"))
        #expect(again.linked.isEmpty && again.alreadyLinked == 1)
        #expect(try prepared.state() == before)
    }

    @Test("a source record already linked to another target id is refused with the row's place")
    func sourceAlreadyLinked() throws {
        let prepared = try Prepared()
        _ = try prepared.ack(try prepared.receipt([(prepared.created[0], "NEW-0")]))
        let file = try prepared.receipt([(prepared.created[0], "NEW-9")], name: "second.csv")
        let error = try prepared.refused(file)
        #expect(error.location == OffsyncDiagnostics.SourceLocation(file: file, line: 2))
        #expect(error.message.hasPrefix(
            "powerofficego.Customers \(prepared.id(0)) is already linked to custompms.Customer NEW-0 in \(Self.flow); the receipt gives it NEW-9"))
        #expect(error.message.hasSuffix("1 of 1 receipt rows refused; nothing from the receipt was remembered"))
    }

    @Test("a target id already linked to another source record is refused, and the good rows beside it are not remembered")
    func targetAlreadyLinked() throws {
        let prepared = try Prepared()
        _ = try prepared.ack(try prepared.receipt([(prepared.created[0], "NEW-0")]))
        let file = try prepared.receipt([(prepared.created[2], "NEW-2"), (prepared.created[1], "NEW-0")], name: "second.csv")
        let error = try prepared.refused(file)
        #expect(error.location == OffsyncDiagnostics.SourceLocation(file: file, line: 3))
        #expect(error.message.hasPrefix(
            "custompms.Customer NEW-0 is already linked to powerofficego.Customers \(prepared.id(0)) in \(Self.flow); the receipt gives it to \(prepared.id(1))"))
        #expect(error.message.hasSuffix("1 of 2 receipt rows refused; nothing from the receipt was remembered"))
        #expect(!(try prepared.state()).contains("NEW-2"))
    }

    @Test("one new id given to two rows is refused, naming both rows")
    func duplicateTargetID() throws {
        let prepared = try Prepared()
        let file = try prepared.receipt([(prepared.created[0], "NEW-0"), (prepared.created[1], "NEW-1"), (prepared.created[2], "NEW-1")])
        let error = try prepared.refused(file)
        #expect(error.location == OffsyncDiagnostics.SourceLocation(file: file, line: 4))
        #expect(error.message.hasPrefix("the new id NEW-1 is given again (first at \(file):3); one id belongs to one created record"))
        #expect(!(try prepared.state()).contains("NEW-0"))
    }

    @Test("one source record given two new ids is refused")
    func sourceGivenTwice() throws {
        let prepared = try Prepared()
        let file = try prepared.receipt([(prepared.created[0], "NEW-0"), (prepared.created[0], "NEW-1")])
        let error = try prepared.refused(file)
        #expect(error.location == OffsyncDiagnostics.SourceLocation(file: file, line: 3))
        #expect(error.message.hasPrefix(
            "powerofficego.Customers \(prepared.id(0)) is given id NEW-1 here and NEW-0 at \(file):2; one record was created once"))
    }

    @Test("a correlation value naming a record the source export does not have is refused; every refused row is listed")
    func unknownSourceRecord() throws {
        let prepared = try Prepared()
        let file = try prepared.receipt([
            (prepared.created[0], "NEW-0"), ("offsync:powerofficego/Customers/no-such-id", "NEW-1"), ("offsync:powerofficego/Customers/", "NEW-2"),
        ])
        let error = try prepared.refused(file)
        #expect(error.location == OffsyncDiagnostics.SourceLocation(file: file, line: 3))
        #expect(error.message == """
            offsync:powerofficego/Customers/no-such-id names powerofficego.Customers no-such-id, which the export of powerofficego.Customers does not have
              \(file):4: 'offsync:powerofficego/Customers/' is not a correlation value offsync wrote (offsync:<system>/<Entity>/<id>)
            2 of 3 receipt rows refused; nothing from the receipt was remembered
            """)
    }

    @Test("a refused receipt in a workspace without state leaves no state behind")
    func noStateCreated() throws {
        let scratch = try Scratch()
        let file = scratch.folder.appendingPathComponent("receipt.csv")
        try "$correlation,id\noffsync:powerofficego/Customers/no-such-id,NEW-1\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: OffsyncError.self) {
            try Pipeline.acknowledge(workspace: scratch.workspace.path, receipt: file.path, dataset: "custompms.Customer")
        }
        // The workspace lock only: no state.
        #expect(!FileManager.default.fileExists(atPath: scratch.workspace.appendingPathComponent(".offsync/state.sqlite").path))
    }
}

/// Zendesk's bulk endpoints answer with a job status that names each created record by its
/// place in the uploaded batch: read against that import file, it links like any receipt.
@Suite("Zendesk job status receipts")
struct ZendeskReceiptTests {
    /// The cells of `offsync links`' rows, header first: every remembered link, orphan or not.
    static func linkRows(_ workspace: String) throws -> [[String]] {
        try Pipeline.linksCSV(workspace: workspace).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The sample workspace after a first run, and that run's output folder.
    static func firstRun() throws -> (scratch: SampleRunTests.Scratch, workspace: String, out: String) {
        let scratch = try SampleRunTests.Scratch()
        let out = scratch.output("run1")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        return (scratch, scratch.workspace.path, out)
    }

    @Test("index and id per created record, with the import file uploaded: linked; failed rows left out; the next run creates them no more")
    func jobStatus() throws {
        let (scratch, workspace, out) = try Self.firstRun()
        let flow = "powerofficego.Customers -> zendesk.Organizations"
        let creates = try #require(try UploadRoundTripTests.counts(out, flow)["create"])
        let batch = out + "/import/zendesk/Organizations.create.jsonl.gz"
        let lines = try UploadRoundTripTests.importLines(out, "import/zendesk/Organizations.create.jsonl.gz")
        let customers = lines.indices.filter { (lines[$0]["$correlation"] as? String)?.hasPrefix("offsync:powerofficego/Customers/") == true }
        try #require(customers.count >= 3)

        // Three created, one failed (a name Zendesk refused), in Zendesk's own shape.
        let results: [[String: Any]] = [
            ["index": customers[0], "id": 9001, "action": "create", "success": true, "status": "Created"],
            ["index": customers[1], "id": 9002, "action": "create", "success": true, "status": "Created"],
            ["index": customers[2], "action": "create", "success": false, "error": "RecordInvalid"],
        ]
        let receipt = scratch.folder.appendingPathComponent("job_status.json")
        try JSONSerialization.data(withJSONObject: ["job_status": ["id": "8b726e606741012ffc2d782bcb7848fe", "status": "completed", "results": results]])
            .write(to: receipt)

        // Without the batch, the receipt cannot say which records it names.
        let usage = try #require(throws: OffsyncError.self) { try Pipeline.acknowledge(workspace: workspace, receipt: receipt.path) }
        #expect(usage.message.contains("name the import file it answers with --batch"))

        let done = try Pipeline.acknowledge(workspace: workspace, receipt: receipt.path, dataset: "zendesk.Organizations", batch: batch)
        #expect(done.linked == [flow: 2] && done.notCreated == 1)
        // Remembered, though Zendesk's export has not got them yet (`links` says orphan).
        let rows = try Self.linkRows(workspace)
        let linked = Dictionary(uniqueKeysWithValues: rows.filter { $0[0] == flow }.map { ($0[6], $0[3]) })
        for (n, id) in ["9001", "9002"].enumerated() {
            #expect("offsync:powerofficego/Customers/" + (linked[id] ?? "") == lines[customers[n]]["$correlation"] as? String)
        }

        // An index past the batch is refused with its place; nothing is remembered.
        let wrong = scratch.folder.appendingPathComponent("wrong.json")
        try JSONSerialization.data(withJSONObject: ["job_status": ["results": [["index": lines.count, "id": 9100, "success": true]]]]).write(to: wrong)
        let refused = try #require(throws: OffsyncError.self) {
            try Pipeline.acknowledge(workspace: workspace, receipt: wrong.path, dataset: "zendesk.Organizations", batch: batch)
        }
        #expect(refused.message.contains("index '\(lines.count)' is not a line of \(batch) (\(lines.count) lines, from index 0)"))

        // The two acknowledged are linked as remembered on the next run, and not created again:
        // Zendesk's export does not have them yet, so they are orphans, neither matched nor created.
        let second = scratch.output("run2")
        _ = try Pipeline.execute(workspace: workspace, output: second, mode: .run)
        #expect(try UploadRoundTripTests.counts(second, flow)["create"] == creates - 2)
    }

    @Test("a create response listing the created objects in request order (YouTrack, PowerOffice Go) is read against its batch by place")
    func positional() throws {
        let (scratch, workspace, out) = try Self.firstRun()
        let batch = out + "/import/zendesk/Organizations.create.jsonl.gz"
        let lines = try UploadRoundTripTests.importLines(out, "import/zendesk/Organizations.create.jsonl.gz")
        // The response to the first three lines: the second was not created (no id).
        let response = scratch.folder.appendingPathComponent("response.json")
        try JSONSerialization.data(withJSONObject: [["Id": 7101, "Name": "a"], ["Name": "b"], ["Id": 7103, "Name": "c"]]).write(to: response)
        let done = try Pipeline.acknowledge(workspace: workspace, receipt: response.path, dataset: "zendesk.Organizations", batch: batch)
        #expect(done.linked.values.reduce(0, +) == 2 && done.notCreated == 1)
        let rows = try Self.linkRows(workspace)
        let linked = Dictionary(rows.dropFirst().map { ($0[6], $0[1] + "/" + $0[2] + "/" + $0[3]) }, uniquingKeysWith: { a, _ in a })
        #expect(linked["7101"].map { "offsync:" + $0 } == lines[0]["$correlation"] as? String)
        #expect(linked["7103"].map { "offsync:" + $0 } == lines[2]["$correlation"] as? String)
        // Without --batch the response says nothing of which records it created.
        let other = scratch.folder.appendingPathComponent("other.json")
        try JSONSerialization.data(withJSONObject: [["Id": 7201]]).write(to: other)
        let error = try #require(throws: OffsyncError.self) { try Pipeline.acknowledge(workspace: workspace, receipt: other.path, dataset: "zendesk.Organizations") }
        #expect(error.message.contains("give --batch"))
    }
}
