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
