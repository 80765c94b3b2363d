import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

/// A key given twice in one JSON object is kept with its last value (as JavaScript and most
/// JSON readers do) and reported as a `duplicate_key` finding naming file, line and column.
@Suite("JSON duplicate keys: the last value is kept and the duplicate is reported")
struct DuplicateKeyTests {
    func load(_ text: String) throws -> Dataset {
        try loadDataset([("x.json", Array(text.utf8))])
    }

    @Test("a repeated key keeps its last value and is reported with file, line and column of both")
    func repeated() throws {
        let dataset = try load("[\n{\"id\":\"1\",\"name\":\"first\",\"name\":\"second\"}\n]")
        let record = try #require(dataset.records.first)
        #expect(dataset.value(record, "name") == .string("second"))
        #expect(record.fields.count == 2)
        let finding = try #require(dataset.findings.first)
        #expect(dataset.findings.count == 1)
        #expect(finding.code == .duplicateKey)
        #expect(finding.code.rawValue == "duplicate_key")
        #expect(finding.severity == .warning)
        #expect(finding.recordID == "1")
        #expect(finding.location?.file.hasSuffix("/x.json") == true)
        #expect(finding.location?.line == 2)
        #expect(finding.location?.column == 26)
        #expect(finding.message.contains("duplicate key 'name'"))
        #expect(finding.message.contains("line 2, column 11"))
        #expect(finding.message.contains("the last value is kept"))
        #expect(dataset.invalidCount == 0)
    }

    @Test("a repeated key in a nested object names its path")
    func nested() throws {
        let dataset = try load(#"[{"id":"2","p":{"e":1,"e":2}}]"#)
        #expect(dataset.value(dataset.records[0], "p.e") == .number("2"))
        #expect(dataset.findings.map(\.message).first?.contains("'e' (path 'p.e')") == true)
        #expect(dataset.findings.first?.location?.column == 23)
    }

    @Test("a repeated object key replaces the whole earlier object, reported once", arguments: [
        #"{"id":"3","a":{"x":1,"y":{"z":2}},"a":{"y":{"z":3}}}"#,
        #"{"id":"3","a":"text","a":{"y":{"z":3}}}"#,
    ])
    func replacedObject(_ text: String) throws {
        let dataset = try load(text)
        let record = dataset.records[0]
        #expect(dataset.value(record, "a") == nil)
        #expect(dataset.value(record, "a.x") == nil)
        #expect(dataset.value(record, "a.y.z") == .number("3"))
        #expect(dataset.findings.count == 1)
    }

    @Test("a key repeated after an object replaces the object's fields with its value")
    func objectReplacedByValue() throws {
        let dataset = try load(#"{"id":"4","a":{"x":1,"y":{"z":2}},"a":null}"#)
        let record = dataset.records[0]
        #expect(dataset.value(record, "a") == .null)
        #expect(dataset.value(record, "a.x") == nil)
        #expect(dataset.value(record, "a.y.z") == nil)
        #expect(dataset.findings.count == 1)
    }

    @Test("a dotted key that spells a nested path is reported as the same path given twice", arguments: [
        (#"{"id":"5","a":{"b":1},"a.b":2}"#, "2"),
        (#"{"id":"5","a.b":1,"a":{"b":2}}"#, "2"),
    ])
    func dottedCollision(_ text: String, _ kept: String) throws {
        let dataset = try load(text)
        #expect(dataset.value(dataset.records[0], "a.b") == .number(kept))
        #expect(dataset.records[0].fields.count == 2)
        #expect(dataset.findings.count == 1)
        #expect(dataset.findings.first?.message.contains("the path 'a.b' is given twice") == true)
    }

    @Test("a key given three times keeps the third value and is reported twice")
    func thrice() throws {
        let dataset = try load(#"{"id":"6","k":1,"k":2,"k":3}"#)
        #expect(dataset.value(dataset.records[0], "k") == .number("3"))
        #expect(dataset.findings.map { $0.location?.column } == [17, 23])
    }

    @Test("the id key given twice: the last id counts")
    func repeatedID() throws {
        let dataset = try load(#"{"id":"7","id":"8"}"#)
        #expect(dataset.records.map(\.id) == ["8"])
        #expect(dataset.findings.first?.recordID == "8")
    }

    @Test("keys are tracked per record: the same key in the next record is no duplicate")
    func perRecord() throws {
        let dataset = try load("{\"id\":\"1\",\"a\":{\"b\":1}}\n{\"id\":\"2\",\"a\":{\"b\":2}}\n")
        #expect(dataset.findings.isEmpty)
        #expect(dataset.records.map { dataset.value($0, "a.b") } == [.number("1"), .number("2")])
    }

    @Test("objects inside arrays are kept as written, repeated keys and all")
    func insideArrays() throws {
        let dataset = try load(#"{"id":"9","t":[{"k":1,"k":2}]}"#)
        #expect(dataset.value(dataset.records[0], "t") == .composite(#"[{"k":1,"k":2}]"#))
        #expect(dataset.findings.isEmpty)
    }

    @Test("records the dataset's filter leaves out do not report their duplicate keys")
    func filtered() throws {
        let dataset = try loadDataset(
            [("x.json", Array(#"[{"id":"1","p":true},{"id":"2","p":false,"x":1,"x":2}]"#.utf8))],
            filter: [FieldCondition(path: "p", value: "true")])
        #expect(dataset.records.map(\.id) == ["1"])
        #expect(dataset.findings.isEmpty)
    }
}
