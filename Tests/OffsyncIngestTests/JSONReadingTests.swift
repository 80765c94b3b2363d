import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

@Suite("JSON through the byte-level reader")
struct JSONReadingTests {
    func load(_ text: String, name: String = "x.json", records: String? = nil, id: String = "id") throws(OffsyncError) -> Dataset {
        try load(Array(text.utf8), name: name, records: records, id: id)
    }

    func load(_ bytes: [UInt8], name: String = "x.json", records: String? = nil, id: String = "id") throws(OffsyncError) -> Dataset {
        try loadDataset([(name, bytes)], records: records, id: id)
    }

    func error(_ text: String, name: String = "x.json", records: String? = nil) -> OffsyncError? {
        #expect(throws: OffsyncError.self) { try load(text, name: name, records: records) }
    }

    // MARK: Shapes

    @Test("a top-level array of records, each knowing the line it starts on")
    func array() throws {
        let dataset = try load("[\n  {\"id\": 1},\n  {\"id\": 2}, {\"id\": 3}\n]\n")
        #expect(dataset.records.map(\.id) == ["1", "2", "3"])
        #expect(dataset.records.map(\.line) == [2, 3, 3])
        #expect(try load("[]").records.isEmpty)
        #expect(try load(" [ ] \n").records.isEmpty)
    }

    @Test("records under a configured path, with other keys beside them skipped")
    func wrapped() throws {
        let dataset = try load(#"{"count": 2, "d": {"meta": [1,{"results":0}], "results": [{"ID":"a"},{"ID":"b"}]}, "next": null}"#, records: "d.results", id: "ID")
        #expect(dataset.records.map(\.id) == ["a", "b"])
    }

    @Test("the usual wrapper names: data, organizations, value", arguments: ["data", "organizations", "value"])
    func wrapperNames(_ key: String) throws {
        let dataset = try load("{\"\(key)\": [{\"id\": \"x\"}], \"other\": [{\"id\": \"no\"}]}", records: key)
        #expect(dataset.records.map(\.id) == ["x"])
    }

    @Test("a records path the document lacks, or that does not hold an array, is an error with a place")
    func wrappedErrors() {
        let missing = error("{\"count\": 0,\n \"items\": []}", records: "data")
        expectPlace(missing, "x.json", line: 1, column: 1)
        #expect(missing?.message.contains("no key 'data'") == true)
        let notArray = error("{\"count\": 0,\n \"data\": {\"id\": 1}}", records: "data")
        expectPlace(notArray, "x.json", line: 2, column: 10)
        expectPlace(error("[{\"id\": 1}]", records: "data"), "x.json", line: 1, column: 1)
    }

    @Test("NDJSON: one record per line, each knowing its line, blank lines skipped")
    func ndjson() throws {
        let dataset = try load("{\"id\":1}\n\n{\"id\":2}\n{\"id\":3}\n", name: "x.ndjson")
        #expect(dataset.records.map(\.id) == ["1", "2", "3"])
        #expect(dataset.records.map(\.line) == [1, 3, 4])
    }

    @Test("NDJSON with a byte order mark and CRLF or lone CR line ends", arguments: ["\r\n", "\r"])
    func ndjsonLineEnds(_ end: String) throws {
        let dataset = try load([0xEF, 0xBB, 0xBF] + Array("{\"id\":1}\(end){\"id\":2}\(end)\(end){\"id\":3}".utf8), name: "x.ndjson")
        #expect(dataset.records.map(\.id) == ["1", "2", "3"])
        #expect(dataset.records.map(\.line) == [1, 2, 4])
    }

    @Test("an NDJSON line that is not an object is an error at that line")
    func ndjsonBadLine() {
        let error = error("{\"id\":1}\n{\"id\":2}\nnot json\n", name: "x.ndjson")
        expectPlace(error, "x.ndjson", line: 3, column: 1)
    }

    @Test("an empty NDJSON file is an export of no records; an empty .json file is an error")
    func emptyFiles() throws {
        #expect(try load("", name: "x.ndjson").records.isEmpty)
        #expect(try load("\n\r\n", name: "x.jsonl").records.isEmpty)
        expectPlace(error("", name: "x.json"), "x.json", line: 1, column: 1)
    }

    @Test("an empty key is a path of its own: nested under it, the path starts with a dot")
    func emptyKeys() throws {
        let dataset = try load(#"[{"id":"1","":{"x":1,"":2},"x":3}]"#)
        let record = dataset.records[0]
        #expect(dataset.value(record, ".x") == .number("1"))
        #expect(dataset.value(record, ".") == .number("2"))
        #expect(dataset.value(record, "x") == .number("3"))
        #expect(dataset.findings.isEmpty)
    }

    @Test("a top-level object without a records path is read as NDJSON of one record")
    func singleObject() throws {
        #expect(try load(#"{"id": "only"}"#).records.map(\.id) == ["only"])
    }

    // MARK: Values

    @Test("nested objects are addressed by dotted paths; arrays are kept as JSON text")
    func nestedPaths() throws {
        let dataset = try load(#"[{"id":"1-2","profile":{"email":{"email":"a@b.no","verified":true}},"MailAddress":{"CountryCode":"NO","Zip":null},"tags":[1, {"x":2}]}]"#)
        let record = dataset.records[0]
        #expect(dataset.value(record, "profile.email.email") == .string("a@b.no"))
        #expect(dataset.value(record, "profile.email.verified") == .bool(true))
        #expect(dataset.value(record, "MailAddress.CountryCode") == .string("NO"))
        #expect(dataset.value(record, "MailAddress.Zip") == .null)
        #expect(dataset.value(record, "MailAddress.Missing") == nil)
        #expect(dataset.value(record, "tags") == .composite(#"[1, {"x":2}]"#))
        #expect(dataset.isParentPath("profile.email"))
        #expect(!dataset.hasPath("profile.email"))
    }

    @Test("an empty string, null and a missing key are three different things")
    func emptyNullMissing() throws {
        let dataset = try load(#"[{"id":"1","a":"","b":null}]"#)
        let record = dataset.records[0]
        #expect(dataset.value(record, "a") == .string(""))
        #expect(dataset.value(record, "b") == .null)
        #expect(dataset.value(record, "c") == nil)
    }

    @Test("numbers are kept exactly as written: 64-bit ids, decimals and exponents are never rounded")
    func exactNumbers() throws {
        let numbers = [
            "36001234567890123", "18446744073709551615", "-9223372036854775808", "123456789012345678901234567890",
            "0.1000000000000000055511", "1.50", "-0", "0", "-0.0", "1E400", "-1.5E+300", "2e-7", "6.02214076e23",
        ]
        let members = numbers.enumerated().map { "\"n\($0.offset)\": \($0.element)" }.joined(separator: ", ")
        let dataset = try load("[{\"id\": 36001234567890123, \(members)}]")
        let record = dataset.records[0]
        #expect(record.id == "36001234567890123")
        for (index, number) in numbers.enumerated() {
            #expect(dataset.value(record, "n\(index)") == .number(number))
        }
    }

    @Test("a malformed number is an error at its first character", arguments: ["01", "-01", "1.", "-", ".5", "+1", "1e", "1e+", "1.e5", "NaN", "Infinity"])
    func badNumbers(_ number: String) {
        expectPlace(error("{\"id\":1,\"n\":\(number)}", name: "x.ndjson"), "x.ndjson", line: 1, column: 13)
    }

    @Test("misspelt literals are errors at their first character", arguments: ["tru", "fals", "nul", "True", "NULL"])
    func badLiterals(_ literal: String) {
        expectPlace(error("[{\"id\":1,\n\"b\": \(literal)}]"), "x.json", line: 2, column: 6)
    }

    @Test("string escapes decode, including \\u surrogate pairs")
    func escapes() throws {
        let dataset = try load(#"[{"id":"1","s":"a\"b\\c\/d\n\u00e6\u00F8\u00e5 \ud83d\ude00 \uD83C\uDDF3\uD83C\uDDF4","c":"\b\f\r\t\u0000\u001f"}]"#)
        #expect(dataset.value(dataset.records[0], "s") == .string("a\"b\\c/d\næøå 😀 🇳🇴"))
        #expect(dataset.value(dataset.records[0], "c") == .string("\u{8}\u{C}\r\t\u{0}\u{1F}"))
    }

    @Test("raw UTF-8 in strings and keys is read as is, astral characters and combining marks included")
    func rawUnicode() throws {
        let dataset = try load("[{\"id\":\"1\",\"Næ𝄞vn\":\"e\u{301} 😀 ✓\"}]")
        let value = try #require(dataset.value(dataset.records[0], "Næ𝄞vn"))
        #expect(value.isIdentical(to: .string("e\u{301} 😀 ✓")))
    }

    // MARK: Malformed strings

    @Test("a lone or broken \\u surrogate is an error at its escape", arguments: [
        (#"ab\ud83dxy"#, "lone high surrogate"),
        (#"ab\ud83d"#, "lone high surrogate"),
        (#"ab\ude00xy"#, "lone low surrogate"),
        (#"ab\ud83d\u0041"#, "is not a low one"),
        (#"ab\ud83d\ud83d"#, "is not a low one"),
    ])
    func surrogates(_ text: String, _ words: String) {
        let error = error("[\n  {\"id\":\"1\",\"s\":\"\(text)\"}\n]")
        expectPlace(error, "x.json", line: 2, column: 20)
        #expect(error?.message.contains(words) == true, "\(String(describing: error))")
    }

    @Test("bad escapes, raw control characters and unclosed strings are errors at their place", arguments: [
        ("{\"id\":\"a\\xb\"}", 9, "unknown escape"),
        ("{\"id\":\"a\\u12G4\"}", 13, "four hex digits"),
        ("{\"id\":\"a\tb\"}", 9, "control character"),
        ("{\"id\":\"open}", 7, "not closed"),
        ("{\"id\":1,\"ke\ny\":2}", 12, "control character"),
    ])
    func badStrings(_ text: String, _ column: Int, _ words: String) {
        let error = error(text, name: "x.ndjson")
        let line = text.prefix(column - 1).contains("\n") ? 2 : 1
        expectPlace(error, "x.ndjson", line: line, column: column)
        #expect(error?.message.contains(words) == true, "\(String(describing: error))")
    }

    @Test("bytes that are not UTF-8 are an error at the bad byte saying JSON must be UTF-8")
    func invalidUTF8() {
        // "Bjørn" written in Windows-1252, after an escape so that the slow path is taken too.
        for prefix in ["", "\\n"] {
            let bytes = Array("[{\"id\":\"1\",\n\"name\":\"æ\(prefix)Bj".utf8) + [0xF8] + Array("rn\"}]".utf8)
            let error = #expect(throws: OffsyncError.self) { try load(bytes) }
            expectPlace(error, "x.json", line: 2, column: 12 + prefix.count)
            #expect(error?.message.contains("must be UTF-8") == true)
            #expect(error?.message.contains("0xF8") == true)
        }
    }

    @Test("a UTF-16 export is an error saying so")
    func utf16() {
        let error = #expect(throws: OffsyncError.self) { try load([0xFE, 0xFF] + Array("[{}]".utf8).flatMap { [0, $0] }) }
        expectPlace(error, "x.json", line: 1, column: 1)
        #expect(error?.message.contains("UTF-16") == true)
    }

    // MARK: Malformed structure

    @Test("malformed JSON names file, line and column")
    func errorsHavePositions() {
        let error = error("[\n  {\"id\": 1},\n  {\"id\": 2,, }\n]")
        expectPlace(error, "x.json", line: 3, column: 12)  // the second comma
    }

    @Test("structural mistakes are errors at the place they are seen", arguments: [
        ("[{\"id\":1},]", 1, 11),
        ("[{\"id\":1,}]", 1, 10),
        ("[{\"id\" 1}]", 1, 8),
        ("[{\"id\":1}", 1, 10),
        ("[{\"id\":1}] x", 1, 12),
        ("[{\"id\":1} {\"id\":2}]", 1, 11),
        ("[{\"id\":1}, 7]", 1, 12),
        ("[{id:1}]", 1, 3),
        ("", 1, 1),
        ("\"just a string\"", 1, 1),
    ])
    func structure(_ text: String, _ line: Int, _ column: Int) {
        expectPlace(error(text), "x.json", line: line, column: column)
    }

    @Test("columns count characters, not bytes, and start after a byte order mark")
    func columnsCountCharacters() {
        let error = #expect(throws: OffsyncError.self) { try load([0xEF, 0xBB, 0xBF] + Array("[{\"ø😀\":1,}]".utf8)) }
        expectPlace(error, "x.json", line: 1, column: 10)
    }

    @Test("deep nesting is an error at the bracket that goes too deep, not a stack overflow")
    func depthLimit() {
        let deep = "[{\"id\":1,\"a\":" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}]"
        let error = error(deep)
        #expect(error?.message.contains("nesting") == true)
        // The record is level 1 and the first bracket level 2, so bracket number maxDepth is one too many.
        expectPlace(error, "x.json", line: 1, column: 13 + JSONRecordReader.maxDepth)
    }

    @Test("deep nesting of objects is an error too", arguments: [JSONRecordReader.maxDepth - 1, JSONRecordReader.maxDepth, 10_000])
    func deepObjects(_ levels: Int) throws {
        let text = "[{\"id\":1,\"a\":" + String(repeating: "{\"a\":", count: levels) + "1" + String(repeating: "}", count: levels + 1) + "]"
        if levels < JSONRecordReader.maxDepth {
            let dataset = try load(text)
            #expect(dataset.value(dataset.records[0], Array(repeating: "a", count: levels + 1).joined(separator: ".")) == .number("1"))
        } else {
            let error = error(text)
            #expect(error?.message == "nesting deeper than \(JSONRecordReader.maxDepth) levels")
            // At the brace one level too deep: the record's brace is level 1, the first nested
            // one (column 14) level 2, and each `{"a":` takes five columns.
            expectPlace(error, "x.json", line: 1, column: 14 + 5 * (JSONRecordReader.maxDepth - 1))
        }
    }

    @Test(
        "nesting that overflowed the stack under AddressSanitizer (make fuzz) is an error at the bracket one level too deep",
        arguments: [
            // Objects in a record; arrays of objects (skipped as one value); a sibling of the records skipped.
            ("found-deep-objects.json", nil, 9 + 5 * JSONRecordReader.maxDepth),
            ("found-deep-arrays-of-objects.json", nil, 15 + 6 * (JSONRecordReader.maxDepth / 2 - 1)),
            ("found-deep-sibling-of-records.json", "data.records", 6 + 5 * JSONRecordReader.maxDepth),
        ] as [(String, String?, Int)])
    func deepFuzzInputs(_ name: String, _ records: String?, _ column: Int) throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/json/\(name)")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let error = #expect(throws: OffsyncError.self) { try load(bytes, records: records) }
        #expect(error?.message == "nesting deeper than \(JSONRecordReader.maxDepth) levels")
        expectPlace(error, "x.json", line: 1, column: column)
    }

    // MARK: Records

    @Test("a record without an id is an invalid finding, not a crash; duplicates are reported")
    func missingAndDuplicateIDs() throws {
        let dataset = try load(#"[{"id":1},{"name":"no id"},{"id":null},{"id":""},{"id":1}]"#)
        #expect(dataset.records.map(\.id) == ["1"])
        #expect(dataset.invalidCount == 4)
        #expect(dataset.findings.filter { $0.code == .invalid }.count == 3)
        #expect(dataset.findings.filter { $0.code == .duplicate }.count == 1)
    }
}
