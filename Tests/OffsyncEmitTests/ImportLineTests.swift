import OffsyncIngest
import OffsyncPlan
import OffsyncSpec
import Testing

@testable import OffsyncEmit

@Suite("import lines")
struct ImportLineTests {
    @Test("dotted target paths build the target's nested record, keys sorted")
    func nesting() {
        let value = JSONValue.nested([
            ("profile.email.email", .string("a@b.no")), ("name", .string("Ærø")), ("profile.email.verified", .bool(true)),
        ])
        #expect(value.serialized() == #"{"name":"Ærø","profile":{"email":{"email":"a@b.no","verified":true}}}"#)
    }

    @Test("an update carries _id, $based_on and only the changed fields; a create has no _id")
    func lines() {
        let update = Operation(
            kind: .update, dataset: DatasetKey(system: "youtrack", entity: "Users"), recordID: "1-7", correlation: nil,
            fields: [("userType.id", .string("NO"))], basedOn: [("userType.id", .string("SE"))], flows: ["f"])
        #expect(ImportFile.line(for: update) == #"{"_id":"1-7","$based_on":{"userType":{"id":"SE"}},"userType":{"id":"NO"}}"#)
        let create = Operation(
            kind: .create, dataset: DatasetKey(system: "zendesk", entity: "Organizations"), recordID: nil,
            correlation: "offsync:powerofficego/Customers/12", fields: [("name", .string("Moss \"AS\"")), ("n", .number("12.50"))],
            basedOn: [], flows: ["f"])
        #expect(ImportFile.line(for: create) == #"{"$correlation":"offsync:powerofficego/Customers/12","n":12.50,"name":"Moss \"AS\""}"#)
    }

    @Test("control characters and line separators are escaped so one record stays one line")
    func escaping() {
        #expect(JSONValue.string("a\nb\u{1}\u{2028}").serialized() == #""a\nb\u0001\u2028""#)
    }

    @Test("files are named import/<system>/<Entity>.<operation>.jsonl.gz, one per dataset and operation")
    func fileNames() {
        let key = DatasetKey(system: "powerofficego", entity: "Customers person")
        let operations = [
            Operation(kind: .create, dataset: key, recordID: nil, correlation: "c1", fields: [], basedOn: [], flows: []),
            Operation(kind: .update, dataset: key, recordID: "1", correlation: nil, fields: [], basedOn: [], flows: []),
            Operation(kind: .update, dataset: key, recordID: "2", correlation: nil, fields: [], basedOn: [], flows: []),
        ]
        let files = ImportFile.files(for: operations)
        #expect(files.map(\.path) == ["import/powerofficego/Customers person.create.jsonl.gz", "import/powerofficego/Customers person.update.jsonl.gz"])
        #expect(files.map(\.lines.count) == [1, 2])
    }
}
