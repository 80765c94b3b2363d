import OffsyncIngest
import OffsyncModel
import OffsyncPlan
import OffsyncSpec
import OffsyncTestSupport
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

    @Test("a line of flat paths, written straight, is byte for byte the line the JSON tree writes")
    func flatLinesEqualTheTree() {
        var numbers = SeededNumbers(seed: 7)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        // Repeated paths, non-ASCII and upper-case keys, values of every kind, nil seen values.
        let paths = ["name", "email", "Email", "ørn", "a", "_id", "z9", ""]
        let values: [FieldValue] = [.string("Kari \"K\"\n"), .number("12.50"), .bool(true), .null, .composite("[1,2]"), .string("")]
        let key = DatasetKey(system: "zendesk", entity: "Users")
        for round in 0..<500 {
            let fields = (0..<next(5)).map { _ in (path: paths[next(paths.count)], value: values[next(values.count)]) }
            let seen = (0..<next(4)).map { _ in (path: paths[next(paths.count)], value: next(3) == 0 ? nil : Optional(values[next(values.count)])) }
            let kind = Operation.Kind.allCases[next(3)]
            let operation = Operation(
                kind: kind, dataset: key, recordID: kind == .create ? nil : "\(round)", correlation: next(2) == 0 ? "offsync:\(round)" : nil,
                fields: fields, basedOn: kind == .create ? [] : seen, flows: ["f"])
            #expect(ImportFile.line(for: operation) == ImportFile.json(for: operation).serialized(), "\(operation)")
        }
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
        #expect(files.map(\.operations.count) == [1, 2])
    }

    @Test("a delete line carries _id and $based_on, nothing else")
    func deleteLine() {
        let delete = Operation(
            kind: .delete, dataset: DatasetKey(system: "youtrack", entity: "Users"), recordID: "1-9", correlation: nil,
            fields: [], basedOn: [("profile.email.email", .string("a@b.no"))], flows: ["f"])
        #expect(ImportFile.line(for: delete) == #"{"_id":"1-9","$based_on":{"profile":{"email":{"email":"a@b.no"}}}}"#)
    }

    @Test("the CSV form: a header of every column, quoting, and every id and value exactly as it is")
    func csv() {
        let key = DatasetKey(system: "custompms", entity: "Customer")
        let operations = [
            Operation(kind: .update, dataset: key, recordID: "-7", correlation: nil,
                      fields: [("name", .string("=HYPERLINK(\"x\")")), ("balance", .number("-12.5"))],
                      basedOn: [("name", .string("Moss; AS")), ("balance", .null)], flows: ["f"]),
            Operation(kind: .update, dataset: key, recordID: "8", correlation: nil,
                      fields: [("phone", .string("+47 912 34 567")), ("note", .string("\t@SUM(A1)"))], basedOn: [("phone", nil)], flows: ["f"]),
        ]
        let file = ImportFile.files(for: operations)[0]
        #expect(file.csvPath == "import/custompms/Customer.update.csv.gz")
        #expect(file.csv(delimiter: ";") == """
            _id;name;balance;phone;note;$based_on.name;$based_on.balance;$based_on.phone\r
            -7;"=HYPERLINK(""x"")";-12.5;;;"Moss; AS";;\r
            8;;;+47 912 34 567;"\t@SUM(A1)";;;\r

            """)
    }

    @Test("a value a spreadsheet would run as a formula is formula-like; a plain number is not")
    func formulaLike() {
        for text in ["=1+1", "+47 912 34 567", "-x", "@SUM(A1)", "\tx", "\rx", "-", "+.", "-1e", "-12.5.1"] {
            #expect(FormulaCheck.isFormulaLike(text), "\(text.debugDescription)")
        }
        for text in ["", "-12.5", "+3", "-.5", "-1e-5", "+2E10", "a=b", " =1", "12-3"] {
            #expect(!FormulaCheck.isFormulaLike(text), "\(text.debugDescription)")
        }
    }

    @Test("formula-like values of CSV outputs are reported once per dataset and column, with a count and example records")
    func formulaFindings() throws {
        let csvKey = DatasetKey(system: "custompms", entity: "Customer")
        let jsonKey = DatasetKey(system: "zendesk", entity: "Users")
        var operations = (1...5).map { i in
            Operation(kind: .update, dataset: csvKey, recordID: "\(i)", correlation: nil,
                      fields: [("name", .string("=cmd|' /C calc'!A\(i)"))], basedOn: [("name", .string("-12.5"))], flows: ["f"])
        }
        operations.append(Operation(kind: .update, dataset: csvKey, recordID: "@6", correlation: nil,
                                    fields: [("name", .string("plain"))], basedOn: [("name", .string("-x"))], flows: ["f"]))
        operations.append(Operation(kind: .create, dataset: csvKey, recordID: nil, correlation: "offsync:p/C/9",
                                    fields: [("name", .string("@SUM(A1)"))], basedOn: [], flows: ["f"]))
        operations.append(Operation(kind: .update, dataset: jsonKey, recordID: "-1", correlation: nil,
                                    fields: [("name", .string("=1"))], basedOn: [], flows: ["f"]))
        let findings = FormulaCheck.findings(for: operations, csvOutputs: [csvKey])
        #expect(findings.map(\.message.first) == ["6", "1", "1"], "name (6 values), _id (1), $based_on.name (1): nothing for JSON-only datasets")
        let name = try #require(findings.first)
        #expect(name.code == .formulaLike && name.severity == .warning)
        #expect(name.system == "custompms" && name.entity == "Customer" && name.recordID == nil)
        #expect(name.message.hasPrefix("6 values of 'name' in the CSV import files of custompms.Customer start like a spreadsheet formula"))
        #expect(name.message.contains("e.g. '=cmd|' /C calc'!A1'; records 1, 2, 3, …"))
        #expect(findings[1].message.hasPrefix("1 value of '_id' in the CSV import files of custompms.Customer"))
        #expect(findings[1].message.contains("records @6."))
        #expect(findings[2].message.hasPrefix("1 value of '$based_on.name'"))
        #expect(FormulaCheck.findings(for: operations, csvOutputs: []).isEmpty)
    }
}
