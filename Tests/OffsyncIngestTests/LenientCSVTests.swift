import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

@Suite("CSV lenient: rows of the wrong length are reported and skipped")
struct LenientCSVTests {
    static let text = "Id;Name;Note\n1;a;b\n2;a\n3;a;b;c\n4;\"x\ny\";z\n5;short\n"

    @Test("each skipped row is an invalid finding with file, line and column; the other rows are read")
    func skips() throws {
        let dataset = try loadDataset([("x.csv", Array(Self.text.utf8))], csv: CSVOptions(lenient: true), id: "Id")
        #expect(dataset.records.map(\.id) == ["1", "4"])
        #expect(dataset.records.map(\.line) == [2, 5])
        #expect(dataset.invalidCount == 3)
        let findings = dataset.findings.filter { $0.code == .invalid }
        #expect(findings.count == 3)
        #expect(findings.map { $0.location?.line } == [3, 4, 7])
        #expect(findings.map { $0.location?.column } == [4, 7, 8])
        #expect(findings.allSatisfy { $0.location?.file.hasSuffix("/x.csv") == true })
        #expect(findings.allSatisfy { $0.message.contains("skipped") && $0.system == "s" && $0.entity == "E" })
        #expect(findings[1].message.contains("the row has 4 fields, the header has 3"))
        #expect(dataset.files[0].records == 2)
    }

    @Test("without lenient the first such row is an error")
    func strict() {
        let error = #expect(throws: OffsyncError.self) {
            try loadDataset([("x.csv", Array(Self.text.utf8))], id: "Id")
        }
        expectPlace(error, "x.csv", line: 3, column: 4)
    }

    @Test("every dataset reading the file reports the rows it skipped")
    func sharedFile() throws {
        let folder = TemporaryFolder()
        folder.write("x.csv", "Id;IsPerson\n1;true\n2\n3;false\n")
        var loader = DatasetLoader(root: folder.path)
        let lenient = CSVOptions(lenient: true)
        let people = try loader.load(DatasetSpec(
            key: DatasetKey(system: "s", entity: "People"), files: ["x.csv"], csv: lenient, id: "Id",
            filter: [FieldCondition(path: "IsPerson", value: "true")]))
        let firms = try loader.load(DatasetSpec(
            key: DatasetKey(system: "s", entity: "Firms"), files: ["x.csv"], csv: lenient, id: "Id",
            filter: [FieldCondition(path: "IsPerson", value: "false")]))
        #expect(people.records.map(\.id) == ["1"])
        #expect(firms.records.map(\.id) == ["3"])
        for dataset in [people, firms] {
            #expect(dataset.invalidCount == 1)
            #expect(dataset.findings.map { $0.location?.line } == [3])
        }
    }

    @Test("the manifest reads csv: { lenient: true } and refuses other values, naming the key")
    func manifest() throws {
        func manifest(_ csv: String) throws(OffsyncError) -> Manifest {
            try Manifest(yaml: """
                version: 1
                systems:
                  s:
                    datasets:
                      E: { files: x.csv, id: Id, csv: \(csv) }
                """, file: "offsync.yaml")
        }
        #expect(try manifest("{ lenient: true }").datasets[0].csv == CSVOptions(lenient: true))
        #expect(try manifest("{ delimiter: \";\", lenient: false }").datasets[0].csv == CSVOptions(delimiter: UInt8(ascii: ";")))
        #expect(try manifest("{ delimiter: \";\" }").datasets[0].csv.lenient == false)
        let error = #expect(throws: OffsyncError.self) { try manifest("{ lenient: sometimes }") }
        #expect(error?.location?.key == "systems.s.datasets.E.csv.lenient")
        #expect(error?.location?.line == 5)
        let unknown = #expect(throws: OffsyncError.self) { try manifest("{ lenients: true }") }
        #expect(unknown?.message.contains("unknown key 'lenients'") == true)
    }
}
