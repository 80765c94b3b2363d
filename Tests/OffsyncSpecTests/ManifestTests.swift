import OffsyncDiagnostics
import Testing

@testable import OffsyncSpec

@Suite("reading offsync.yaml")
struct ManifestTests {
    @Test("the manifest shape of the design reads into systems, datasets, dataflows and options")
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
        ("systems: { s: { datasets: { E: { files: e.json, id: id, batch: 0 } } } }", "systems.s.datasets.E.batch"),
    ])
    func syncKeyErrors(yaml: String, key: String) {
        let error = #expect(throws: OffsyncError.self) { try Manifest(yaml: yaml, file: "m.yaml") }
        #expect(error?.location?.key == key)
    }

    @Test("a delimiter that cannot split fields (a quote, a line break, NUL) is an error naming its key", arguments: [
        #"'"'"#, #""\n""#, #""\r""#, #""\0""#, "ab",
    ])
    func badDelimiter(_ delimiter: String) {
        let yaml = "systems: { s: { datasets: { E: { files: e.csv, id: id, csv: { delimiter: \(delimiter) } } } } }"
        let error = #expect(throws: OffsyncError.self) { try Manifest(yaml: yaml, file: "m.yaml") }
        #expect(error?.location?.key == "systems.s.datasets.E.csv.delimiter")
        #expect(error?.message.contains("a delimiter is one character other than a quote or line break") == true)
    }

    @Test("a where condition and the id keep the place they are written at; conditions compare by what they select")
    func conditionPlaces() throws {
        let manifest = try Manifest(yaml: "systems:\n  s:\n    datasets:\n      E:\n        files: e.csv\n        id: Id\n        where: { IsPerson: true }\n", file: "m.yaml")
        let spec = try #require(manifest.datasets.first)
        #expect(spec.idLocation == SourceLocation(file: "m.yaml", line: 6, column: 13, key: "systems.s.datasets.E.id"))
        #expect(spec.filter.first?.location == SourceLocation(file: "m.yaml", line: 7, column: 28, key: "systems.s.datasets.E.where.IsPerson"))
        #expect(spec.filter == [FieldCondition(path: "IsPerson", value: "true")])
    }

    @Test("files outside the workspace are refused by the path as written; inside it, any spelling passes", arguments: [
        ("../other/e.json", true), ("/elsewhere/e.json", true), ("dumps/../../other/e.json", true), ("dumps/../../w/e.json", false),
        ("dumps/e.json", false), ("dumps/../dumps/*.json", false), ("./e.json", false), ("/w/dumps/e.json", false),
    ])
    func outside(_ pattern: String, _ refused: Bool) throws {
        let manifest = try Manifest(yaml: "systems: { s: { datasets: { E: { files: \"\(pattern)\", id: id } } } }", file: "/w/offsync.yaml")
        do {
            try WorkspaceSpec.checkInside(manifest, root: "/w", manifestFile: "/w/offsync.yaml")
            #expect(!refused, "\(pattern) passes")
        } catch {
            #expect(refused, "\(pattern): \(error)")
            #expect(error.location?.key == "systems.s.datasets.E.files")
            #expect(error.message.contains("is outside the workspace (/w)"))
        }
    }
}
