import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest

@Suite("CSV through libcsv")
struct CSVReadingTests {
    /// Quotes a cell the way spreadsheet exports do: only when it holds the delimiter, a quote or a line break.
    static func csvLine(_ cells: [String], delimiter: Character = ";") -> String {
        cells.map { cell in
            cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: String(delimiter))
    }

    func load(_ text: [UInt8], name: String = "x.csv", csv: CSVOptions = CSVOptions()) throws(OffsyncError) -> Dataset {
        let folder = TemporaryFolder()
        folder.write(name, text)
        var loader = DatasetLoader(root: folder.path)
        return try loader.load(DatasetSpec(key: DatasetKey(system: "s", entity: "E"), files: [name], csv: csv, id: "Id"))
    }

    @Test("quotes, embedded line breaks and delimiters round-trip, and rows keep their starting line")
    func roundTrip() throws {
        let rows = [
            ["1", "Hansen; Berg AS", "plain"],
            ["2", "\"Nordlys\" Eiendom AS", "two\nlines"],
            ["3", "", "crlf\r\ninside"],
            ["4", "Ærøy Bygg", "   spaced   "],
        ]
        let text = ([Self.csvLine(["Id", "Name", "Note"])] + rows.map { Self.csvLine($0) }).joined(separator: "\r\n") + "\r\n"
        let dataset = try load(Array(text.utf8))
        #expect(dataset.records.count == 4)
        for (record, row) in zip(dataset.records, rows) {
            #expect(record.id == row[0])
            #expect(dataset.value(record, "Name") == .string(row[1]))
            #expect(dataset.value(record, "Note") == .string(row[2]))
        }
        // Row 2 starts on line 3; its note spans two lines, so row 3 starts on line 5.
        #expect(dataset.records.map(\.line) == [2, 3, 5, 7])
    }

    @Test("the delimiter is sniffed from the header when the manifest does not set it")
    func sniffing() throws {
        #expect(try load(Array("Id;Name\n1;a,b\n".utf8)).records.first.map { $0.fields.count } == 2)
        #expect(try load(Array("Id,Name\n1,\"a;b\"\n".utf8)).value(try load(Array("Id,Name\n1,\"a;b\"\n".utf8)).records[0], "Name") == .string("a;b"))
        let tabbed = try load(Array("Id\tName\n7\tx\n".utf8))
        #expect(tabbed.records[0].id == "7")
    }

    @Test("Windows-1252 exports decode Norwegian letters when the manifest says so")
    func windows1252() throws {
        // "Id;Name\r\n1;Bjørn Ærø – «AS»\r\n" in Windows-1252.
        let bytes: [UInt8] = Array("Id;Name\r\n1;Bj".utf8) + [0xF8] + Array("rn ".utf8) + [0xC6, 0x72, 0xF8, 0x20, 0x96, 0x20, 0xAB]
            + Array("AS".utf8) + [0xBB, 0x0D, 0x0A]
        let dataset = try load(bytes, csv: CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .windows1252))
        #expect(dataset.value(dataset.records[0], "Name") == .string("Bjørn Ærø – «AS»"))
    }

    @Test("a UTF-8 byte order mark is not part of the first header name")
    func byteOrderMark() throws {
        let dataset = try load([0xEF, 0xBB, 0xBF] + Array("Id,Name\n1,x\n".utf8))
        #expect(dataset.records[0].id == "1")
    }

    @Test("bytes that are not UTF-8 name the line and suggest the encoding")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("Id;Name\n1;ok\n2;Bj".utf8) + [0xF8] + Array("rn\n".utf8)
        let error = #expect(throws: OffsyncError.self) { try load(bytes) }
        #expect(error?.location?.line == 3)
        #expect(error?.message.contains("windows-1252") == true)
    }

    @Test("a row with too few fields is an error naming its line")
    func shortRow() {
        let error = #expect(throws: OffsyncError.self) { try load(Array("Id;Name;Note\n1;a;b\n2;a\n".utf8)) }
        #expect(error?.location?.line == 3)
        #expect(error?.location?.file.hasSuffix("x.csv") == true)
    }

    @Test("an unclosed quote at the end of the file is an error")
    func unclosedQuote() {
        #expect(throws: OffsyncError.self) { try load(Array("Id;Name\n1;\"open\n".utf8)) }
    }

    @Test("an empty value is kept apart from a missing column")
    func emptyValue() throws {
        let dataset = try load(Array("Id;Name\n1;\n".utf8))
        #expect(dataset.value(dataset.records[0], "Name") == .string(""))
        #expect(dataset.value(dataset.records[0], "Missing") == nil)
    }
}
