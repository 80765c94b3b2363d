import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import Testing

/// JSON as read, with integers, numbers and booleans told apart.
enum JSONDocument: Decodable, Equatable {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONDocument]), object([String: JSONDocument])

    init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let flag = try? value.decode(Bool.self) { self = .bool(flag) }
        else if let integer = try? value.decode(Int.self) { self = .integer(integer) }
        else if let number = try? value.decode(Double.self) { self = .number(number) }
        else if let text = try? value.decode(String.self) { self = .string(text) }
        else if let items = try? value.decode([JSONDocument].self) { self = .array(items) }
        else { self = .object(try value.decode([String: JSONDocument].self)) }
    }

    static func read(_ path: String) throws -> JSONDocument {
        try JSONDecoder().decode(JSONDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// The part of JSON Schema (draft 2020-12) that docs/report.schema.json uses: `type` (one or
/// several), `properties`, `required`, `additionalProperties: false`, `items`, `enum`,
/// `minimum`. Anything else in the schema is a failure, so that the check never passes by
/// ignoring a keyword.
struct SchemaCheck {
    static let understood: Set<String> = [
        "$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties", "items", "enum", "minimum",
    ]

    /// What does not hold, each with its JSON pointer; empty when the document is valid.
    static func errors(_ value: JSONDocument, _ schema: JSONDocument, at path: String = "") -> [String] {
        guard case .object(let rules) = schema else { return ["\(path): the schema is not an object"] }
        var errors = rules.keys.filter { !understood.contains($0) }.map { "\(path): keyword '\($0)' is not checked" }
        if let types = rules["type"] {
            let allowed: [String]
            switch types {
            case .string(let one): allowed = [one]
            case .array(let several): allowed = several.compactMap { if case .string(let t) = $0 { t } else { nil } }
            default: allowed = []
            }
            let actual: String = switch value {
            case .null: "null"
            case .bool: "boolean"
            case .integer: "integer"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
            if !allowed.contains(actual) && !(actual == "integer" && allowed.contains("number")) {
                return errors + ["\(path): \(actual), not \(allowed.joined(separator: " or "))"]
            }
        }
        if case .array(let options) = rules["enum"], !options.contains(value) { errors.append("\(path): not one of the allowed values") }
        if let minimum = rules["minimum"] {
            let bound: Double = switch minimum { case .integer(let i): Double(i); case .number(let d): d; default: .nan }
            let actual: Double? = switch value { case .integer(let i): Double(i); case .number(let d): d; default: nil }
            if let actual, actual < bound { errors.append("\(path): \(actual) is below \(bound)") }
        }
        if case .object(let members) = value {
            let properties: [String: JSONDocument] = if case .object(let p) = rules["properties"] { p } else { [:] }
            if case .array(let required) = rules["required"] {
                for case .string(let key) in required where members[key] == nil { errors.append("\(path): '\(key)' is missing") }
            }
            for (key, member) in members {
                if let rule = properties[key] {
                    errors += Self.errors(member, rule, at: "\(path)/\(key)")
                } else if rules["additionalProperties"] == .bool(false) {
                    errors.append("\(path): '\(key)' is not in the schema")
                }
            }
        }
        if case .array(let items) = value, let rule = rules["items"] {
            for (index, item) in items.enumerated() { errors += Self.errors(item, rule, at: "\(path)/\(index)") }
        }
        return errors
    }
}

@Suite("report.json follows docs/report.schema.json")
struct ReportSchemaTests {
    typealias Scratch = SampleRunTests.Scratch

    static func schema() throws -> JSONDocument {
        try JSONDocument.read(SampleRunTests.repository.appendingPathComponent("docs/report.schema.json").path)
    }

    static func check(_ folder: String) throws -> [String] {
        SchemaCheck.errors(try JSONDocument.read(folder + "/report.json"), try schema())
    }

    @Test("the samples' run, a plan the breaker stops and a forced run write reports the schema allows")
    func reportsFollowTheSchema() throws {
        let scratch = try Scratch()
        let workspace = scratch.workspace
        _ = try Pipeline.execute(workspace: workspace.path, output: scratch.output("run1"), mode: .run)
        #expect(try Self.check(scratch.output("run1")) == [])

        // A page of contact persons gone: deletes past the breaker's share.
        try SyncScenarioTests.emittingDeletes(workspace)
        try SyncScenarioTests.contactPersons(workspace)[1].edit { $0.removeAll() }
        let plan = try Pipeline.execute(workspace: workspace.path, output: scratch.output("plan"), mode: .plan, options: .init(allowDeletes: true))
        #expect(plan.plan.breaker.tripped)
        #expect(try Self.check(scratch.output("plan")) == [])
        _ = try Pipeline.execute(workspace: workspace.path, output: scratch.output("forced"), mode: .run, options: .init(force: true, allowDeletes: true))
        #expect(try Self.check(scratch.output("forced")) == [])
        guard case .object(let report) = try JSONDocument.read(scratch.output("forced") + "/report.json"),
              case .object(let breaker) = report["circuit_breaker"] else { Issue.record("no circuit_breaker"); return }
        #expect(breaker["forced"] == .bool(true))
    }

    @Test("the check finds what the schema forbids: a missing key, a wrong type, an unknown key, a value not allowed")
    func checkFindsFaults() throws {
        let scratch = try Scratch()
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("plan"), mode: .plan)
        guard case .object(var report) = try JSONDocument.read(scratch.output("plan") + "/report.json") else { Issue.record("not an object"); return }
        let schema = try Self.schema()
        #expect(SchemaCheck.errors(.object(report), schema) == [])
        report["findings_total"] = .string("many")
        report["mode"] = .string("sync")
        report["extra"] = .integer(1)
        report["summary"] = nil
        let errors = SchemaCheck.errors(.object(report), schema).sorted()
        #expect(errors == ["/findings_total: string, not integer", "/mode: not one of the allowed values", ": 'extra' is not in the schema", ": 'summary' is missing"].sorted())
    }

    @Test("every key of the schema says what it means")
    func everyKeyIsDescribed() throws {
        func undescribed(_ schema: JSONDocument, _ path: String) -> [String] {
            guard case .object(let rules) = schema else { return [] }
            var missing = rules["description"] == nil ? [path] : []
            if case .object(let properties) = rules["properties"] {
                for (key, rule) in properties { missing += undescribed(rule, "\(path)/\(key)") }
            }
            if let items = rules["items"] { missing += undescribed(items, "\(path)/items") }
            return missing
        }
        #expect(undescribed(try Self.schema(), "") == [])
    }
}
