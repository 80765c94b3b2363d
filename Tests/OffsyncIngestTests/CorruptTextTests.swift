import CIngestSupport
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

/// Text that cannot be a whole export: a NUL byte (the mark of a file preallocated and only
/// partly written) and a byte order mark opening a row (the mark of exports joined into one).
/// Both are errors at their line and column, in every encoding and in a lenient read too.
@Suite("NUL bytes and joined exports")
struct CorruptTextTests {
    @Test("the line scan stops at a NUL at any offset, and at a line break before it")
    func scanStopsAtNUL() {
        for length in 1...100 {
            for at in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[at] = 0
                bytes.withUnsafeBufferPointer { buffer in
                    for start in [0, at / 2, at] {
                        var plain: Int32 = 0
                        let end = offsync_csv_scan_line(buffer.baseAddress, buffer.count, start, UInt8(ascii: ";"), 0, &plain)
                        #expect(end == at && plain == -1, "NUL at \(at) of \(length), from \(start)")
                    }
                }
                if at > 0 {
                    bytes[at - 1] = 0x0A
                    let (end, _, nul) = bytes.withUnsafeBufferPointer { CSVRecordReader.scanLine($0, from: 0, delimiter: UInt8(ascii: ";")) }
                    #expect(end == at && !nul, "a line break before the NUL ends the line first")
                }
            }
        }
    }

    /// `Id;Name` rows, ASCII, with a NUL put at `offset`.
    static let rows = "Id;Name;Note\n1;Alfa;\"a note\nover two lines\"\n2;Beta;plain\n3;Gamma;\"quoted; with delimiter\"\n"

    @Test("a NUL byte anywhere in a CSV file is an error at its line and column", arguments: [false, true])
    func nulAnywhere(_ lenient: Bool) {
        let text = Array(Self.rows.utf8)
        for offset in 0...text.count {
            for encoding in TextEncoding.allCases {
                var bytes = text
                bytes.insert(0, at: offset)
                let line = lineNumber(of: offset, in: bytes)
                let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let error = #expect(throws: OffsyncError.self, "offset \(offset), \(encoding)") {
                    try loadDataset([("x.csv", bytes)], csv: CSVOptions(encoding: encoding, lenient: lenient), id: "Id")
                }
                expectPlace(error, "x.csv", line: line, column: offset - lineStart + 1)
                #expect(error?.message.contains("NUL byte") == true)
            }
        }
    }

    @Test("a NUL early or late in a large CSV file, plain or in gzip, is an error at its line")
    func nulInLargeFile() throws {
        let (plain, _, _) = FastPathTests.largeCSV()
        for offset in [plain.count / 5, plain.count - 300] {
            var bytes = plain
            // At a line's start, so that no quoted field holds it.
            let at = bytes[offset...].firstIndex(of: 0x0A)! + 1
            bytes.insert(0, at: at)
            let line = lineNumber(of: at, in: bytes)
            for (name, file) in [("big.csv", bytes), ("big.csv.gz", try gzipTool(bytes))] {
                let error = #expect(throws: OffsyncError.self) {
                    try loadDataset([(name, file)], csv: CSVOptions(delimiter: UInt8(ascii: ";"), lenient: true), id: "Id")
                }
                expectPlace(error, name, line: line, column: 1)
            }
        }
    }

    @Test("a byte order mark opening a row after the first is an error; one opening a line inside a quoted field is text")
    func byteOrderMarkInTheMiddle() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let export = Array("Id;Name\n1;a\n".utf8)
        for encoding in [TextEncoding.utf8, .windows1252] {
            let joined = (encoding == .utf8 ? bom : []) + export + bom + export
            let error = #expect(throws: OffsyncError.self) {
                try loadDataset([("x.csv", joined)], csv: CSVOptions(encoding: encoding), id: "Id")
            }
            expectPlace(error, "x.csv", line: 3, column: 1)
            #expect(error?.message.contains("several exports joined") == true)
        }
        let quoted = Array("Id;Name\n1;\"a\n".utf8) + bom + Array("b\"\n".utf8)
        let dataset = try loadDataset([("x.csv", quoted)], id: "Id")
        #expect(dataset.value(try #require(dataset.records.first), "Name")?.text == "a\n\u{FEFF}b")
    }

    @Test("a NUL in JSON is an error inside a string and between tokens, naming the NUL")
    func nulInJSON() {
        for (text, line, column) in [
            ("[{\"id\": 1, \"name\": \"a\u{0}b\"}]", 1, 22), ("[{\"id\": 1,\u{0} \"name\": \"ab\"}]", 1, 11),
            ("{\"id\": 1}\n\u{0}\u{0}\u{0}", 2, 1), ("[{\"id\": 1}]\u{0}", 1, 12),
        ] {
            let error = #expect(throws: OffsyncError.self) { try loadDataset([("x.json", Array(text.utf8))]) }
            expectPlace(error, "x.json", line: line, column: column)
            #expect(error?.message.contains("a NUL byte (0x00") == true, "\(String(describing: error))")
        }
    }
}

@Suite("the id and where fields a dataset names")
struct NamedFieldTests {
    static func check(_ files: [(String, [UInt8])], csv: CSVOptions = CSVOptions(), id: String = "id", filter: [FieldCondition] = []) throws -> OffsyncError? {
        let dataset = try loadDataset(files, csv: csv, id: id, filter: filter)
        do {
            try dataset.checkNamedFields()
            return nil
        } catch {
            return error
        }
    }

    @Test("fields that some record has pass, nested and filtered-out ones too")
    func present() throws {
        let json = Array(#"[{"id": 1, "profile": {"kind": "a"}}, {"id": 2, "other": true}]"#.utf8)
        #expect(try Self.check([("x.json", json)], filter: [FieldCondition(path: "other", value: "true")]) == nil)
        #expect(try Self.check([("x.json", json)], id: "profile.kind") == nil)
        #expect(try Self.check([("x.csv", Array("id,IsPerson\n".utf8))], filter: [FieldCondition(path: "IsPerson", value: "true")]) == nil)
        // No records and no header: nothing to say about fields.
        #expect(try Self.check([("x.ndjson", [])], id: "Id") == nil)
    }

    @Test("a field no record has is an error at its manifest key, listing a few fields sorted, with the nearest")
    func missing() throws {
        let names = (1...12).map { "field\($0)" }
        let json = Array(("[{\"id\": 1, " + names.map { "\"\($0)\": 0" }.joined(separator: ", ") + "}]").utf8)
        let error = try #require(try Self.check([("x.json", json)], filter: [FieldCondition(path: "fieldl2", value: "0")]))
        #expect(error.location?.key == "systems.s.datasets.E.where.fieldl2")
        #expect(error.message.hasPrefix("the where field 'fieldl2' is in no record of s.E (did you mean 'field12'?); the records' fields: 'field1', 'field10', 'field11', 'field12', 'field2', 'field3', 'field4', 'field5', … (13 in all)"))
        let empty = try #require(try Self.check([("x.json", Array("[{}, {}]".utf8))]))
        #expect(empty.message.contains("its 2 records have no fields"))
        #expect(empty.location?.key == "systems.s.datasets.E.id")
    }

    @Test("a CSV header read as one column names the delimiter it holds")
    func oneColumn() throws {
        let error = try #require(try Self.check([("x.csv", Array("id\tname\n1\ta\n".utf8))], csv: CSVOptions(delimiter: UInt8(ascii: ";"))))
        #expect(error.message.contains("read with the delimiter ';' (given in csv: { delimiter }); the header was read as one column, and it holds tab: set csv: { delimiter: tab }"))
    }
}
