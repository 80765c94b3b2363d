import Foundation
import OffsyncDiagnostics
import OffsyncDiff
import OffsyncIngest
import OffsyncModel
import OffsyncLink
@testable import OffsyncPlan
import OffsyncSpec
import Testing

/// One linked pair, a person in system `a` and a user in system `b`, written as JSON and read
/// through the real loader; the diff runs against the baselines given.
struct PairFixture {
    var properties: [(String, String)] = [("name", "name")]
    var types: [String: DataType] = [:]
    var conflicts: ConflictPolicy? = nil

    var flow: BoundFlow {
        BoundFlow(
            flow: Flow(
                source: EntityName(system: "a", entity: "Person"), target: EntityName(system: "b", entity: "User"),
                linking: .every, properties: properties.map { PropertyMapping(source: $0.0, target: $0.1) },
                location: SourceLocation(file: "t.rst")),
            source: DatasetKey(system: "a", entity: "Person"), target: DatasetKey(system: "b", entity: "User"),
            types: types, conflicts: conflicts)
    }

    /// Diffs `source` against `target` (JSON objects without their id), with `baseline` for
    /// every property given.
    func diff(
        _ source: String, _ target: String, baseline: [String: String] = [:], policy: ConflictPolicy = .latestWins
    ) throws -> FlowDiff {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("offsync-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "[{\"id\":\"p1\",\(source)}]".write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        try "[{\"id\":\"u1\",\(target)}]".write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        var loader = DatasetLoader(root: folder)
        let people = try loader.load(DatasetSpec(key: flow.source, files: ["a.json"], id: "id", modified: "changed"))
        let users = try loader.load(DatasetSpec(key: flow.target, files: ["b.json"], id: "id", modified: "changed"))
        var links = FlowLinks(flow: flow)
        links.pairs = [LinkedPair(source: 0, target: 0, reason: .remembered, remembered: 0)]
        var baselines = Baselines()
        for mapping in flow.properties {
            if let value = baseline[mapping.source] {
                baselines.insert(link: 0, property: mapping.baselineKey, digest: Baseline.digest(of: value))
            }
        }
        return Differ(datasets: [flow.source: people, flow.target: users], allLinks: [links], policy: policy, baselines: baselines)
            .diff(links)
    }
}

extension FlowDiff {
    /// The one change of the one pair, as `direction value`: `→target Kari`, `→source Ola`, `conflict`.
    var only: String? {
        guard let change = pairs.first?.changes.first else { return nil }
        switch change.direction {
        case .toTarget: return "→target \(change.targetValue?.text ?? "nil")"
        case .toSource: return "→source \(change.sourceValue?.text ?? "nil")"
        case .conflict: return "conflict"
        }
    }
}

@Suite("which side changed: baselines, policies, empty values")
struct DiffRuleTests {
    let fixture = PairFixture()

    @Test("only the source changed since the baseline: the target is updated, whatever the stamps say")
    func sourceEdit() throws {
        let diff = try fixture.diff(#""name":"Kari Nordmann","changed":"2026-01-01""#, #""name":"Kari","changed":"2026-06-01""#, baseline: ["name": "Kari"])
        #expect(diff.only == "→target Kari Nordmann")
        #expect(diff.pairs[0].hasConflict == false)
    }

    @Test("only the target changed since the baseline: the source is updated, in the source's property")
    func targetEdit() throws {
        let diff = try fixture.diff(#""name":"Kari""#, #""name":"Kari N.""#, baseline: ["name": "Kari"])
        #expect(diff.only == "→source Kari N.")
        #expect(diff.pairs[0].changes[0].mapping.source == "name")
    }

    @Test("both changed: each policy decides, and the pair counts as a conflict", arguments: [
        (ConflictPolicy.latestWins, "→source Target edit"),
        (.sourceWins, "→target Source edit"),
        (.targetWins, "→source Target edit"),
        (.manual, "conflict"),
    ])
    func bothChanged(policy: ConflictPolicy, expected: String) throws {
        let diff = try fixture.diff(
            #""name":"Source edit","changed":"2026-03-01T10:00:00+02:00""#, #""name":"Target edit","changed":"2026-03-01T09:00:00Z""#,
            baseline: ["name": "Kari"], policy: policy)
        #expect(diff.only == expected)
        #expect(diff.pairs[0].hasConflict)
    }

    @Test("latest wins by instant, not by text: 10:30+02:00 is earlier than 09:00Z")
    func latestByInstant() throws {
        let diff = try fixture.diff(
            #""name":"S","changed":"2026-03-01T10:30:00+02:00""#, #""name":"T","changed":"2026-03-01T09:00:00Z""#, baseline: ["name": "B"])
        #expect(diff.only == "→source T")
        let equal = try fixture.diff(#""name":"S","changed":"2026-03-01T11:00:00+02:00""#, #""name":"T","changed":"2026-03-01T09:00:00Z""#)
        #expect(equal.only == "→target S", "equal stamps: the source wins")
    }

    @Test("a flow's own conflicts: policy comes before the workspace's")
    func flowPolicy() throws {
        var fixture = PairFixture()
        fixture.conflicts = .targetWins
        let diff = try fixture.diff(#""name":"S""#, #""name":"T""#, baseline: ["name": "B"], policy: .sourceWins)
        #expect(diff.only == "→source T")
    }

    @Test("no baseline yet: the policy decides, and no conflict is counted")
    func firstRun() throws {
        let diff = try fixture.diff(#""name":"S","changed":"2026-01-02""#, #""name":"T","changed":"2026-01-01""#)
        #expect(diff.only == "→target S")
        #expect(diff.pairs[0].hasConflict == false)
        #expect(diff.pairs[0].changes[0].decidedByPolicy)
    }

    @Test("a value beats an empty one under every policy, with or without a baseline", arguments: ConflictPolicy.allCases)
    func emptyNeverWins(policy: ConflictPolicy) throws {
        #expect(try fixture.diff(#""name":"  ""#, #""name":"Kari""#, policy: policy).only == "→source Kari")
        #expect(try fixture.diff(#""name":null"#, #""name":"Kari""#, baseline: ["name": "Kari"], policy: policy).only == "→source Kari")
        #expect(try fixture.diff(#""name":"Kari""#, #""x":1"#, policy: policy).only == "→target Kari")
    }

    @Test("equal values advance the baseline; differing values leave it where it was")
    func baselineAdvance() throws {
        var fixture = PairFixture()
        fixture.properties = [("name", "name"), ("phone", "phone")]
        let diff = try fixture.diff(#""name":" Kari ","phone":"1""#, #""name":"Kari","phone":"2""#, baseline: ["name": "Old", "phone": "1"])
        #expect(diff.advancedBaselines.map { "\(diff.mappings[Int($0.property)].baselineKey)=\($0.digest)" } == ["name -> name=\(Baseline.digest(of: "Kari"))"])
        #expect(diff.only == "→source 2")
        let settled = try fixture.diff(#""name":"Kari","phone":"2""#, #""name":"Kari","phone":"2""#, baseline: ["name": "Kari", "phone": "2"])
        #expect(settled.advancedBaselines.isEmpty, "a baseline already equal is not written again")
        #expect(settled.pairs.isEmpty && settled.unchanged == 1, "a pair in sync is counted, not kept")
    }

    @Test("text equal byte for byte or only once trimmed is in sync alike, and its baseline is the trimmed text's")
    func equalTextAnyHow() throws {
        var fixture = PairFixture()
        fixture.properties = [("name", "name")]
        // Same bytes, visible ASCII at both ends (compared as bytes); the same once trimmed;
        // the same bytes beginning outside ASCII; a number against text.
        for (source, target, text) in [(#""Kari""#, #""Kari""#, "Kari"), (#"" Kari\t""#, #""Kari""#, "Kari"),
                                       (#""Åse N""#, #""Åse N""#, "Åse N"), ("12", #""12""#, "12")] {
            let diff = try fixture.diff("\"name\":\(source)", "\"name\":\(target)", baseline: ["name": "Old"])
            #expect(diff.pairs.isEmpty && diff.unchanged == 1, "\(source) / \(target)")
            #expect(diff.advancedBaselines.map(\.digest) == [Baseline.digest(of: text)], "\(source) / \(target)")
        }
        let differs = try fixture.diff(#""name":"Kari""#, #""name":"KARI""#, baseline: ["name": "Kari"])
        #expect(differs.only == "→source KARI")
    }
}

@Suite("values compare by their data type")
struct TypedComparisonTests {
    func equal(_ type: DataType, _ source: String, _ target: String) throws -> Bool {
        var fixture = PairFixture()
        fixture.properties = [("v", "v")]
        fixture.types = ["v": type]
        let diff = try fixture.diff("\"v\":\(source)", "\"v\":\(target)")
        #expect(diff.typeErrors == 0)
        return diff.pairs.isEmpty
    }

    @Test("equal by type", arguments: [
        (DataType.text, #"" Kari ""#, #""Kari""#),
        (.integer, #""007""#, "7"),
        (.integer, "12345678901234567890", #""12345678901234567890""#),
        (.decimal, #""1.50""#, "1.5"),
        (.decimal, "15e-1", #""+1.5""#),
        (.decimal, "0.30000000000000000001", #""0.30000000000000000001""#),
        (.boolean, #""TRUE""#, "true"),
        (.boolean, #""0""#, "false"),
        (.date, #""1980-01-01T00:00:00""#, #""1980-01-01""#),
        (.date, #""/Date(315532800000)/""#, #""1980-01-01""#),
        // Spaces inside are left out, as a change stamp is read: the day is read from what remains.
        (.date, #""/D ate( 315532800000)/""#, #""1980-01-01""#),
        (.date, #""1960-06 -06""#, #""1960-06-06""#),
        (.dateTime, #""2024-05-01T12:00:00+02:00""#, #""2024-05-01T10:00:00Z""#),
    ])
    func equalValues(type: DataType, source: String, target: String) throws {
        #expect(try equal(type, source, target))
    }

    @Test("different by type", arguments: [
        (DataType.text, #""Kari""#, #""kari""#),
        (.integer, "12345678901234567890", "12345678901234567891"),
        (.decimal, "0.30000000000000000001", "0.3"),
        (.date, #""1980-01-01""#, #""1980-01-02T00:00:00""#),
        (.dateTime, #""2024-05-01T12:00:00+02:00""#, #""2024-05-01T12:00:00Z""#),
    ])
    func differentValues(type: DataType, source: String, target: String) throws {
        #expect(try !equal(type, source, target))
    }

    @Test("a value that does not parse is a type_error finding for that record and property, not an update")
    func typeError() throws {
        var fixture = PairFixture()
        fixture.properties = [("born", "birthday"), ("name", "name")]
        fixture.types = ["born": .date]
        let diff = try fixture.diff(#""born":"soon","name":"A""#, #""birthday":"1980-01-01","name":"B""#, baseline: ["name": "B"])
        #expect(diff.typeErrors == 1)
        let finding = try #require(diff.findings.first { $0.code == .typeError })
        #expect(finding.recordID == "p1")
        #expect(finding.message.contains("'born' = 'soon'") && finding.message.contains("not a date"))
        #expect(diff.pairs[0].changes.map(\.mapping.source) == ["name"], "the other property is still synced")
    }

    @Test("an OData date past year 9999 or before year 0, or an exponent past any number, is a type_error, not a crash", arguments: [
        (DataType.date, "/Date(" + String(repeating: "9", count: 400) + ")/"), (.date, "/Date(-" + String(repeating: "9", count: 30) + ")/"),
        (.date, "/Date(253402300800000)/"), (.date, "/Date(-62167219200001)/"),
        (.decimal, "1e-9223372036854775808"), (.integer, "1e9223372036854775807"), (.decimal, "1e401"),
    ])
    func outOfRange(type: DataType, text: String) throws {
        var fixture = PairFixture()
        fixture.properties = [("v", "v")]
        fixture.types = ["v": type]
        // The target's value is of the type: the error is the source's.
        let valid = type == .date ? "1980-01-01" : "1"
        let diff = try fixture.diff(#""v":"\#(text)""#, #""v":"\#(valid)""#)
        #expect(diff.typeErrors == 1)
        let finding = try #require(diff.findings.first { $0.code == .typeError })
        #expect(finding.recordID == "p1")
    }

    @Test("an OData date on the first and last day of the years 0000-9999 is a date")
    func odataDateBounds() throws {
        #expect(try equal(.date, #""/Date(-62167219200000)/""#, #""0000-01-01""#))
        #expect(try equal(.date, #""/Date(253402300799999)/""#, #""9999-12-31""#))
    }

    @Test("updates are written in the type's JSON form: numbers and booleans, not text")
    func typedWriting() throws {
        var fixture = PairFixture()
        fixture.properties = [("n", "n"), ("flag", "flag"), ("day", "day")]
        fixture.types = ["n": .integer, "flag": .boolean, "day": .date]
        let diff = try fixture.diff(#""n":"0042","flag":"yes","day":"2024-02-29T00:00:00""#, #""x":1"#)
        #expect(diff.pairs[0].changes.map(\.targetValue) == [.number("42"), .bool(true), .string("2024-02-29")])
    }

    @Test("DataType reads the documents' and the manifest's spellings")
    func spellings() {
        #expect(DataType(declared: "\"string\"") == .text)
        #expect(DataType(declared: "\"float\"") == .decimal)
        #expect(DataType(declared: "integer") == .integer)
        #expect(DataType(declared: "N/A") == .text)
        #expect(DataType(declared: nil) == .text)
        #expect(DataType(spelling: "date-time") == .dateTime)
        #expect(DataType(spelling: "colour") == nil)
    }
}

@Suite("the circuit breaker")
struct CircuitBreakerTests {
    func operations(_ kind: OffsyncPlan.Operation.Kind, _ count: Int) -> [OffsyncPlan.Operation] {
        (0..<count).map {
            OffsyncPlan.Operation(
                kind: kind, dataset: DatasetKey(system: "b", entity: "User"), recordID: "u\($0)", correlation: kind == .create ? "c\($0)" : nil,
                fields: [], basedOn: [], flows: ["f"])
        }
    }

    func deletes(_ count: Int) -> [OffsyncPlan.Operation] {
        operations(.delete, count).map { var o = $0; o.recordID = "d\(o.recordID!)"; return o }
    }

    let users = DatasetKey(system: "b", entity: "User")

    /// Records of `users` updated through links an earlier run made.
    func rewritten(_ count: Int) -> [DatasetKey: Set<String>] { [users: Set((0..<count).map { "u\($0)" })] }

    @Test("deletes and rewrites of synced records over the share trip it; exactly the share does not; creates and a first run's updates never count")
    func share() {
        let planner = Planner(datasets: [], breakerShare: 0.10)
        let records = [users: 100]
        #expect(!planner.breaker(operations(.update, 10), rewritten: rewritten(10), records: records).tripped)
        #expect(!planner.breaker(operations(.create, 500) + operations(.update, 80), rewritten: [:], records: records).tripped,
                "updates of records linked this run align them: nothing earlier runs synced is undone")
        let trip = planner.breaker(operations(.update, 6) + deletes(5), rewritten: rewritten(6), records: records)
        #expect(trip.tripped)
        #expect(trip.trips.map { [$0.deletes, $0.updates, $0.records] } == [[5, 6, 100]])
        #expect(trip.explanation == ["b.User: 5 deletes and 6 updates of 100 records (11.0% > 10.0%)"])
    }

    @Test("a dataset smaller than the smallest judged is not judged")
    func smallDatasets() {
        let planner = Planner(datasets: [], breakerShare: 0.10)
        let smallest = CircuitBreaker.smallestJudged
        #expect(!planner.breaker(deletes(5), rewritten: rewritten(5), records: [users: smallest - 1]).tripped)
        #expect(planner.breaker(deletes(5), rewritten: [:], records: [users: smallest]).tripped)
    }
}
