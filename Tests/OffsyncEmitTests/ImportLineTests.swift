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

    @Test("a delete line carries _id and $based_on, nothing else")
    func deleteLine() {
        let delete = Operation(
            kind: .delete, dataset: DatasetKey(system: "youtrack", entity: "Users"), recordID: "1-9", correlation: nil,
            fields: [], basedOn: [("profile.email.email", .string("a@b.no"))], flows: ["f"])
        #expect(ImportFile.line(for: delete) == #"{"_id":"1-9","$based_on":{"profile":{"email":{"email":"a@b.no"}}}}"#)
    }

    @Test("the CSV form: a header of every column, quoting, formulas neutralized, plain numbers kept")
    func csv() {
        let key = DatasetKey(system: "custompms", entity: "Customer")
        let operations = [
            Operation(kind: .update, dataset: key, recordID: "7", correlation: nil,
                      fields: [("name", .string("=HYPERLINK(\"x\")")), ("balance", .number("-12.5"))],
                      basedOn: [("name", .string("Moss; AS")), ("balance", .null)], flows: ["f"]),
            Operation(kind: .update, dataset: key, recordID: "8", correlation: nil,
                      fields: [("phone", .string("+47 912 34 567"))], basedOn: [("phone", nil)], flows: ["f"]),
        ]
        let file = ImportFile.files(for: operations)[0]
        #expect(file.csvPath == "import/custompms/Customer.update.csv.gz")
        #expect(file.csv(delimiter: ";") == """
            _id;name;balance;phone;$based_on.name;$based_on.balance;$based_on.phone\r
            7;"'=HYPERLINK(""x"")";-12.5;;"Moss; AS";;\r
            8;;;'+47 912 34 567;;;\r

            """)
    }
}
