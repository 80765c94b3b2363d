import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

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
        try loadDataset([(name, text)], csv: csv, id: "Id")
    }

    func load(_ text: String, csv: CSVOptions = CSVOptions()) throws(OffsyncError) -> Dataset {
        try load(Array(text.utf8), csv: csv)
    }

    func error(_ text: [UInt8], csv: CSVOptions = CSVOptions()) -> OffsyncError? {
        #expect(throws: OffsyncError.self) { try load(text, csv: csv) }
    }

    func error(_ text: String, csv: CSVOptions = CSVOptions()) -> OffsyncError? { error(Array(text.utf8), csv: csv) }

    // MARK: Reading

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

    @Test("LF, CRLF and lone CR line ends give the same records and lines, embedded breaks kept as written", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ end: String) throws {
        let text = ["Id,Note", "1,\"a\(end)b\"", "2,plain", "", "3,last"].joined(separator: end)
        let dataset = try load(text)
        #expect(dataset.records.map(\.id) == ["1", "2", "3"])
        #expect(dataset.records.map(\.line) == [2, 4, 6])
        #expect(dataset.value(dataset.records[0], "Note") == .string("a\(end)b"))
        #expect(dataset.value(dataset.records[2], "Note") == .string("last"))  // no line break at the end of the file
    }

    @Test("blank lines between rows are skipped and the lines after them stay right")
    func blankLines() throws {
        let dataset = try load("Id;Name\n\n1;a\n\n\n2;b\n\n")
        #expect(dataset.records.map(\.id) == ["1", "2"])
        #expect(dataset.records.map(\.line) == [3, 6])
    }

    @Test("the delimiter is sniffed from the header when the manifest does not set it")
    func sniffing() throws {
        #expect(try load("Id;Name\n1;a,b\n").records.first.map { $0.fields.count } == 2)
        let comma = try load("Id,Name\n1,\"a;b\"\n")
        #expect(comma.value(comma.records[0], "Name") == .string("a;b"))
        let tabbed = try load("Id\tName\n7\tx, y; z\n")
        #expect(tabbed.records[0].id == "7")
        #expect(tabbed.value(tabbed.records[0], "Name") == .string("x, y; z"))
        // Delimiters inside quoted header names do not count.
        let quotedHeader = try load("\"a;b;c\",Id\n1,2\n")
        #expect(quotedHeader.value(quotedHeader.records[0], "a;b;c") == .string("1"))
    }

    @Test("a delimiter set in the manifest wins over what sniffing would pick")
    func delimiterSet() throws {
        let text = "Id;Name,Other,More\n1;a,b,c\n"
        // Sniffing counts two commas against one semicolon: three columns, none named Id.
        let sniffed = try load(text)
        #expect(sniffed.records.isEmpty)
        #expect(sniffed.invalidCount == 1)
        let set = try load(text, csv: CSVOptions(delimiter: UInt8(ascii: ";")))
        #expect(set.records.map(\.id) == ["1"])
        #expect(set.value(set.records[0], "Name,Other,More") == .string("a,b,c"))
        let tab = try load("Id\tName;a;b\n1\tx;y;z\n", csv: CSVOptions(delimiter: 0x09))
        #expect(tab.value(tab.records[0], "Name;a;b") == .string("x;y;z"))
    }

    @Test("values are kept exactly: spaces around them, empty quoted cells, quotes doubled inside")
    func exactValues() throws {
        let dataset = try load("Id\tName\tNote\n 1 \t  x  \t\"\"\n2\t\"say \"\"hi\"\"\"\t\n")
        #expect(dataset.records.map(\.id) == ["1", "2"])  // the id is trimmed; the value is not
        #expect(dataset.value(dataset.records[0], "Id") == .string(" 1 "))
        #expect(dataset.value(dataset.records[0], "Name") == .string("  x  "))
        #expect(dataset.value(dataset.records[0], "Note") == .string(""))
        #expect(dataset.value(dataset.records[1], "Name") == .string("say \"hi\""))
        #expect(dataset.value(dataset.records[1], "Note") == .string(""))
    }

    @Test("an empty value is kept apart from a missing column")
    func emptyValue() throws {
        let dataset = try load("Id;Name;Dotted.Path\n1;;\n")
        #expect(dataset.value(dataset.records[0], "Name") == .string(""))
        #expect(dataset.value(dataset.records[0], "Dotted.Path") == .string(""))
        #expect(dataset.value(dataset.records[0], "Missing") == nil)
        #expect(dataset.hasPath("Name"))
        #expect(!dataset.hasPath("Missing"))
    }

    @Test("a header without rows gives no records")
    func headerOnly() throws {
        #expect(try load("Id;Name\n").records.isEmpty)
        #expect(try load("Id;Name").records.isEmpty)
    }

    // MARK: Encodings

    @Test("a UTF-8 byte order mark is not part of the first header name")
    func byteOrderMark() throws {
        let dataset = try load([0xEF, 0xBB, 0xBF] + Array("Id,Name\n1,x\n".utf8))
        #expect(dataset.records[0].id == "1")
        #expect(dataset.hasPath("Id"))
    }

    @Test("Windows-1252 exports decode Norwegian letters when the manifest says so")
    func windows1252() throws {
        // "Id;Name\r\n1;Bjørn Ærø – «AS»\r\n" in Windows-1252.
        let bytes: [UInt8] = Array("Id;Name\r\n1;Bj".utf8) + [0xF8] + Array("rn ".utf8) + [0xC6, 0x72, 0xF8, 0x20, 0x96, 0x20, 0xAB]
            + Array("AS".utf8) + [0xBB, 0x0D, 0x0A]
        let dataset = try load(bytes, csv: CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .windows1252))
        #expect(dataset.value(dataset.records[0], "Name") == .string("Bjørn Ærø – «AS»"))
    }

    @Test("ISO-8859-1 maps every byte to its code point; Windows-1252 differs only in 0x80–0x9F")
    func latin1() throws {
        let bytes: [UInt8] = Array("Id;N".utf8) + [0xE6] + Array("vn\n1;".utf8) + [0x80, 0x96, 0xE6, 0xF8, 0xE5, 0xC5, 0x0A]
        let latin1 = try load(bytes, csv: CSVOptions(encoding: .iso88591))
        #expect(latin1.value(latin1.records[0], "Nævn") == .string("\u{80}\u{96}æøåÅ"))
        let windows = try load(bytes, csv: CSVOptions(encoding: .windows1252))
        #expect(windows.value(windows.records[0], "Nævn") == .string("€–æøåÅ"))
    }

    @Test("bytes that are not UTF-8 name file, line and column of the bad byte and suggest the encoding")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("Id;Name\n1;ok\n2;Bj".utf8) + [0xF8] + Array("rn\n".utf8)
        let error = error(bytes)
        expectPlace(error, "x.csv", line: 3, column: 5)
        #expect(error?.message.contains("windows-1252") == true)
        #expect(error?.message.contains("0xF8") == true)
        #expect(error?.message.contains("'Name'") == true)
    }

    @Test("a bad byte on the second line of a quoted field is placed on that line")
    func invalidUTF8InMultilineField() {
        let bytes: [UInt8] = Array("Id;Name\n1;\"line one\nBj".utf8) + [0xF8] + Array("rn\"\n".utf8)
        expectPlace(error(bytes), "x.csv", line: 3, column: 3)
    }

    @Test("rows are checked for UTF-8 a line at a time: a bad byte before a field's line break, or after a good line, is named and placed as a field's")
    func invalidUTF8AcrossLines() {
        let first: [UInt8] = Array("Id;Name;Note\n1;\"Bj".utf8) + [0xF8] + Array("rn\nto\";x\n".utf8)
        let firstError = error(first)
        expectPlace(firstError, "x.csv", line: 2, column: 6)
        #expect(firstError?.message.contains("field 2 ('Name')") == true)
        let later: [UInt8] = Array("Id;Name;Note\n1;\"one\ntwo\";n".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let laterError = error(later)
        expectPlace(laterError, "x.csv", line: 3, column: 7)
        #expect(laterError?.message.contains("field 3 ('Note')") == true)
    }

    @Test("a bad byte in the header is placed too")
    func invalidUTF8InHeader() {
        let bytes: [UInt8] = Array("Id;Æ;N".utf8) + [0xE6] + Array("vn\n1;x;y\n".utf8)
        expectPlace(error(bytes), "x.csv", line: 1, column: 7)
    }

    @Test("a UTF-8 byte order mark in a file the manifest calls Windows-1252 is an error suggesting UTF-8")
    func bomWithSingleByteEncoding() {
        let error = error([0xEF, 0xBB, 0xBF] + Array("Id;Name\n1;x\n".utf8), csv: CSVOptions(encoding: .windows1252))
        expectPlace(error, "x.csv", line: 1, column: 1)
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test("a UTF-16 export is an error saying so")
    func utf16() {
        let error = error([0xFF, 0xFE] + Array("Id;Name\n".utf8).flatMap { [$0, 0] })
        expectPlace(error, "x.csv", line: 1, column: 1)
        #expect(error?.message.contains("UTF-16") == true)
    }

    // MARK: Header

    @Test("a repeated header name is an error at its line and column", arguments: [
        ("Id;Name;Id\n1;a;b\n", 9),
        ("\"a;b\";Id;Id\n1;2;3\n", 10),
        ("Ærø;Id;Id\n1;2;3\n", 8),
    ])
    func duplicateHeader(_ text: String, _ column: Int) {
        let error = error(text, csv: CSVOptions(delimiter: UInt8(ascii: ";")))
        expectPlace(error, "x.csv", line: 1, column: column)
        #expect(error?.message.contains("repeats the name 'Id'") == true)
    }

    @Test("an empty header name is an error at its line and column", arguments: [("Id;;Name\n1;2;3\n", 4), ("Id;Name;\n1;2;\n", 9)])
    func emptyHeader(_ text: String, _ column: Int) {
        let error = error(text)
        expectPlace(error, "x.csv", line: 1, column: column)
        #expect(error?.message.contains("has no name") == true)
    }

    @Test("an empty file, or one of blank lines, has no header row")
    func emptyFile() {
        expectPlace(error(""), "x.csv", line: 1, column: 1)
        expectPlace(error("\r\n\n"), "x.csv", line: 1, column: 1)
    }

    // MARK: Rows

    @Test("a row with too few fields is an error at the line and column where it ends")
    func shortRow() {
        let error = error("Id;Name;Note\n1;a;b\n2;a\n")
        expectPlace(error, "x.csv", line: 3, column: 4)
        #expect(error?.message.contains("the row has 2 fields, the header has 3") == true)
        #expect(error?.message.contains("lenient") == true)
    }

    @Test("a row with too many fields is an error at its first extra field")
    func longRow() {
        let error = error("Id;Name;Note\n1;a;b\n3;a;\"b;\";c\n")
        expectPlace(error, "x.csv", line: 3, column: 10)
        #expect(error?.message.contains("the row has 4 fields, the header has 3") == true)
    }

    @Test("a short row whose quoted field spans lines is placed where it ends")
    func shortMultilineRow() {
        expectPlace(error("Id;Name;Note\n1;\"two\nlines\"\n"), "x.csv", line: 3, column: 7)
    }

    @Test("an unclosed quote at the end of the file is an error at the opening quote")
    func unclosedQuote() {
        let error = error("Id;Name\n1;ok\n2;\"open\nand on\n")
        expectPlace(error, "x.csv", line: 3, column: 3)
        #expect(error?.message.contains("never closed") == true)
    }

    @Test("text after a closing quote is an error at that text")
    func textAfterQuote() {
        expectPlace(error("Id;Name\n1;\"a\"b\n"), "x.csv", line: 2, column: 6)
    }

    @Test("a stray quote after a multi-line quoted field names where the row began")
    func strayQuoteAfterLongField() {
        let error = error("Id;Name\n1;\"no end\n2;ok\n3;\"x\"y\n")
        expectPlace(error, "x.csv", line: 4, column: 4)
        #expect(error?.message.contains("began on line 2") == true)
    }
}
