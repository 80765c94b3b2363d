import OffsyncDiagnostics
import OffsyncSpec
import Testing

@Suite("reading offsync.yaml")
struct ManifestTests {
    @Test("the shape of DESIGN.md reads into systems, datasets, dataflows and options")
    func designShape() throws {
        let manifest = try Manifest(yaml: """
            version: 1
            systems:
              powerofficego:
                names: [Powerofficego, PowerOffice GO]
                datasets:
                  Customers person:
                    files: dumps/customers.csv
                    csv: { delimiter: ";", encoding: windows-1252 }
                    id: Id
                    where: { IsPerson: true }
              zendesk:
                datasets:
                  Users: { files: dumps/users.ndjson, id: id, modified: updated_at, correlation: external_id }
            dataflows:
              - document: dataflows/a.rst
                target: zendesk
                references: { partyId: Customers person }
              - source: powerofficego.Customers person
                target: zendesk.Users
                properties: { Name: name }
            options:
              conflicts: source-wins
              circuit-breaker: 0.2
            """, file: "offsync.yaml")
        let person = try #require(manifest.dataset(DatasetKey(system: "powerofficego", entity: "Customers person")))
        #expect(person.csv == CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .windows1252))
        #expect(person.filter == [FieldCondition(path: "IsPerson", value: "true")])
        #expect(manifest.dataset(DatasetKey(system: "zendesk", entity: "Users"))?.correlation == "external_id")
        #expect(manifest.dataflows[0].references == ["partyId": "Customers person"])
        #expect(manifest.dataflows[1].properties.map(\.target) == ["name"])
        #expect(manifest.options.conflicts == .sourceWins)
        #expect(manifest.options.circuitBreaker == 0.2)
        #expect(manifest.systems[0].isNamed("PowerOffice GO") && manifest.systems[0].isNamed("powerofficego"))
    }

    @Test("an unknown key is an error naming the key, the file and the line")
    func unknownKey() {
        let error = #expect(throws: OffsyncError.self) {
            try Manifest(yaml: "version: 1\nsystems:\n  zendesk:\n    datasets:\n      Users: { files: u.json, id: id, modifed: x }\n", file: "offsync.yaml")
        }
        #expect(error?.location?.key == "systems.zendesk.datasets.Users.modifed")
        #expect(error?.location?.line == 5)
        #expect(error?.location?.file == "offsync.yaml")
    }

    @Test("a missing id, a bad policy and broken YAML are errors with places")
    func otherErrors() {
        let noID = #expect(throws: OffsyncError.self) {
            try Manifest(yaml: "systems:\n  s:\n    datasets:\n      E: { files: e.json }\n", file: "m.yaml")
        }
        #expect(noID?.location?.key == "systems.s.datasets.E.id")
        let policy = #expect(throws: OffsyncError.self) {
            try Manifest(yaml: "systems: {}\noptions: { conflicts: newest }\n", file: "m.yaml")
        }
        #expect(policy?.location?.key == "options.conflicts")
        let yaml = #expect(throws: OffsyncError.self) { try Manifest(yaml: "systems: [\n", file: "m.yaml") }
        #expect(yaml?.location?.line != nil)
    }

    @Test("sync keys: output per dataset, types and conflicts per dataflow, compression level")
    func syncKeys() throws {
        let manifest = try Manifest(yaml: """
            systems:
              a:
                datasets:
                  Person: { files: p.json, id: id }
              b:
                datasets:
                  User: { files: u.json, id: id, output: csv }
            dataflows:
              - source: a.Person
                target: b.User
                properties: { born: birthday, n: count }
                types: { born: date, count: "integer" }
                conflicts: target-wins
            options: { compression-level: 9, deletes: emit }
            """, file: "m.yaml")
        #expect(manifest.datasets.map(\.output) == [[.jsonl], [.jsonl, .csv]])
        #expect(manifest.dataflows[0].types == ["born": .date, "count": .integer])
        #expect(manifest.dataflows[0].conflicts == .targetWins)
        #expect(manifest.options.compressionLevel == 9)
        #expect(manifest.options.deletes == .emit)
    }

    @Test("a wrong output, data type or compression level is an error naming its key", arguments: [
        ("systems: { s: { datasets: { E: { files: e.json, id: id, output: xml } } } }", "systems.s.datasets.E.output"),
        ("systems: {}\ndataflows: [{ source: a.P, target: b.U, types: { x: colour } }]", "dataflows[0].types.x"),
        ("systems: {}\ndataflows: [{ source: a.P, target: b.U, conflicts: newest }]", "dataflows[0].conflicts"),
        ("systems: {}\noptions: { compression-level: 12 }", "options.compression-level"),
    ])
    func syncKeyErrors(yaml: String, key: String) {
        let error = #expect(throws: OffsyncError.self) { try Manifest(yaml: yaml, file: "m.yaml") }
        #expect(error?.location?.key == key)
    }
}
