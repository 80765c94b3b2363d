import Foundation
import OffsyncDiagnostics
import OffsyncDiff
import OffsyncIngest
import OffsyncModel
import OffsyncLink
import OffsyncSpec
import Testing

@Suite("references translated through the links of the referenced dataset")
struct DiffReferenceTests {
    /// Companies 1, 2, c-4 linked to orgs 100, 200, o-4; company 3 created this run. People name
    /// companies in `partyId`, users orgs in `organization_id`; person i is linked to user i.
    func diff(people: [String], users: [String]) throws -> FlowDiff {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("offsync-references-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ name: String, _ records: [String]) throws {
            try ("[" + records.joined(separator: ",") + "]").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try write("companies.json", [#"{"id":1}"#, #"{"id":2}"#, #"{"id":3}"#, #"{"id":"c-4"}"#])
        try write("orgs.json", [#"{"id":100}"#, #"{"id":"200"}"#, #"{"id":"o-4"}"#])
        try write("people.json", people.indices.map { #"{"id":"p\#($0)",\#(people[$0])}"# })
        try write("users.json", users.indices.map { #"{"id":"u\#($0)",\#(users[$0])}"# })
        func flow(_ source: String, _ target: String, _ properties: [(String, String)], references: [String: DatasetKey] = [:]) -> BoundFlow {
            BoundFlow(
                flow: Flow(
                    source: EntityName(system: "a", entity: source), target: EntityName(system: "b", entity: target),
                    linking: .every, properties: properties.map { PropertyMapping(source: $0.0, target: $0.1) },
                    location: SourceLocation(file: "t.rst")),
                source: DatasetKey(system: "a", entity: source), target: DatasetKey(system: "b", entity: target), references: references)
        }
        let companyFlow = flow("Company", "Org", [])
        let personFlow = flow("Person", "User", [("partyId", "organization_id")], references: ["partyId": companyFlow.source])
        var loader = DatasetLoader(root: folder)
        let datasets = [
            companyFlow.source: try loader.load(DatasetSpec(key: companyFlow.source, files: ["companies.json"], id: "id")),
            companyFlow.target: try loader.load(DatasetSpec(key: companyFlow.target, files: ["orgs.json"], id: "id")),
            personFlow.source: try loader.load(DatasetSpec(key: personFlow.source, files: ["people.json"], id: "id")),
            personFlow.target: try loader.load(DatasetSpec(key: personFlow.target, files: ["users.json"], id: "id")),
        ]
        var companies = FlowLinks(flow: companyFlow)
        companies.pairs = [(0, 0), (1, 1), (3, 2)].map { LinkedPair(source: $0.0, target: $0.1, reason: .remembered) }
        companies.creates = [2]
        var persons = FlowLinks(flow: personFlow)
        persons.pairs = people.indices.map { LinkedPair(source: $0, target: $0, reason: .remembered) }
        var differ = Differ(datasets: datasets, allLinks: [companies, persons], policy: .sourceWins)
        differ.stretch = 2
        return differ.diff(persons)
    }

    /// Each pair's change as `person: value written to the target / value written back`.
    func changes(_ diff: FlowDiff) -> [String] {
        diff.pairs.flatMap { pair in
            pair.changes.map { "p\(pair.pair.source): \($0.targetValue?.text ?? "-") / \($0.sourceValue?.text ?? "-")" }
        }
    }

    @Test("a linked record's id becomes its counterpart's, whatever its spacing and JSON kind, and back")
    func translated() throws {
        let diff = try diff(
            people: [#""partyId":1"#, #""partyId":" 2 ""#, #""partyId":"c-4""#, #""partyId":"2""#],
            users: [#""organization_id":100"#, #""organization_id":"o-4""#, #""organization_id":100"#, #""organization_id":"200""#])
        // In sync: 1 is 100, and "2" is "200".
        #expect(diff.unchanged == 2)
        #expect(changes(diff) == ["p1: 200 / c-4", "p2: o-4 / 1"])
        #expect(diff.findings.isEmpty && diff.pendingReferences == [0])
    }

    @Test("an id this run creates waits for the upload; an id with no link, or one spelled otherwise, is a finding")
    func pendingAndUnresolved() throws {
        let diff = try diff(
            people: [#""partyId":3"#, #""partyId":" 3""#, #""partyId":9"#, #""partyId":"001""#, #""partyId":"""#],
            users: Array(repeating: #""organization_id":100"#, count: 5))
        #expect(diff.pendingReferences == [2])
        let unresolved = diff.findings.filter { $0.code == .unresolvedReference }.map(\.message)
        #expect(unresolved.count == 2)
        #expect(unresolved.contains { $0.contains("'partyId' = 9 names a record with no linked counterpart") })
        // "001" is not company 1: ids are compared as their text.
        #expect(unresolved.contains { $0.contains("'partyId' = 001 ") })
        // An empty reference loses to the target's value, written back as the company it names.
        #expect(changes(diff) == ["p4: - / 1"])
    }
}
