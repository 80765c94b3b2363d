import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest

@Suite("JSON through the byte-level reader")
struct JSONReadingTests {
    func load(_ text: String, name: String = "x.json", records: String? = nil, id: String = "id") throws(OffsyncError) -> Dataset {
        let folder = TemporaryFolder()
        folder.write(name, text)
        var loader = DatasetLoader(root: folder.path)
        return try loader.load(DatasetSpec(key: DatasetKey(system: "s", entity: "E"), files: [name], records: records, id: id))
    }

    @Test("nested objects are addressed by dotted paths; arrays are kept as JSON text")
    func nestedPaths() throws {
        let dataset = try load(#"[{"id":"1-2","profile":{"email":{"email":"a@b.no","verified":true}},"tags":[1, {"x":2}]}]"#)
        let record = dataset.records[0]
        #expect(dataset.value(record, "profile.email.email") == .string("a@b.no"))
        #expect(dataset.value(record, "profile.email.verified") == .bool(true))
        #expect(dataset.value(record, "tags") == .composite(#"[1, {"x":2}]"#))
        #expect(dataset.isParentPath("profile.email"))
        #expect(!dataset.hasPath("profile.email"))
    }

    @Test("numbers are kept exactly as written: 64-bit ids and decimals are never rounded")
    func exactNumbers() throws {
        let dataset = try load(#"[{"id": 36001234567890123, "amount": 0.1000000000000000055511, "e": -1.5E+300}]"#)
        let record = dataset.records[0]
        #expect(record.id == "36001234567890123")
        #expect(dataset.value(record, "amount") == .number("0.1000000000000000055511"))
        #expect(dataset.value(record, "e") == .number("-1.5E+300"))
    }

    @Test("string escapes decode, including \\u surrogate pairs")
    func escapes() throws {
        let dataset = try load(#"[{"id":"1","s":"a\"b\\c\/d\n\u00e6\u00F8\u00e5 \ud83d\ude00"}]"#)
        #expect(dataset.value(dataset.records[0], "s") == .string("a\"b\\c/d\næøå 😀"))
    }

    @Test("records under a configured path, with other keys beside them skipped")
    func wrapped() throws {
        let dataset = try load(#"{"count": 2, "d": {"meta": [1,2], "results": [{"ID":"a"},{"ID":"b"}]}, "next": null}"#, records: "d.results", id: "ID")
        #expect(dataset.records.map(\.id) == ["a", "b"])
    }

    @Test("NDJSON: one record per line, each knowing its line")
    func ndjson() throws {
        let dataset = try load("{\"id\":1}\n\n{\"id\":2}\n{\"id\":3}\n", name: "x.ndjson")
        #expect(dataset.records.map(\.id) == ["1", "2", "3"])
        #expect(dataset.records.map(\.line) == [1, 3, 4])
    }

    @Test("a record without an id is an invalid finding, not a crash; duplicates are reported")
    func missingAndDuplicateIDs() throws {
        let dataset = try load(#"[{"id":1},{"name":"no id"},{"id":null},{"id":""},{"id":1}]"#)
        #expect(dataset.records.map(\.id) == ["1"])
        #expect(dataset.invalidCount == 4)
        #expect(dataset.findings.filter { $0.code == .invalid }.count == 3)
        #expect(dataset.findings.filter { $0.code == .duplicate }.count == 1)
    }

    @Test("malformed JSON names file, line and column")
    func errorsHavePositions() {
        let error = #expect(throws: OffsyncError.self) { try load("[\n  {\"id\": 1},\n  {\"id\": 2,, }\n]") }
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 12)  // the second comma
        #expect(error?.location?.file.hasSuffix("x.json") == true)
    }

    @Test("deep nesting is an error, not a stack overflow")
    func depthLimit() {
        let deep = "[{\"id\":1,\"a\":" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}]"
        let error = #expect(throws: OffsyncError.self) { try load(deep) }
        #expect(error?.message.contains("nesting") == true)
    }

    @Test("a top-level object without a records path is read as NDJSON of one record")
    func singleObject() throws {
        #expect(try load(#"{"id": "only"}"#).records.map(\.id) == ["only"])
    }
}
