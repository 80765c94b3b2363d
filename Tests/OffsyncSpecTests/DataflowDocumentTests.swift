import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@Suite("reading dataflow documents")
struct DataflowDocumentTests {
    func read(_ url: URL) throws -> DataflowDocument {
        DataflowDocument(reading: try String(contentsOf: url, encoding: .utf8), path: url.path)
    }

    @Test("the sample YouTrack document: blank target system, merge table, parent and leaf mappings")
    func sampleYouTrack() throws {
        let document = try read(RepositoryPaths.samples.appendingPathComponent("dataflows/powerofficego-youtrack.rst"))
        #expect(document.unparsed.isEmpty)
        #expect(document.sourceSystem == "Powerofficego")
        #expect(document.targetSystem == "")
        #expect(document.flows.count == 6)
        let users = document.flows[0]
        #expect(users.source == EntityName(system: "Powerofficego", entity: "Contactperson"))
        #expect(users.target == EntityName(system: "", entity: "Users"))
        #expect(users.mergeCombinations.map(\.pairs) == [[PropertyPair(source: "emailAddress", target: "profile.email.email")]])
        #expect(users.properties.map(\.target) == ["profile.email", "profile.email.email", "userType.id"])
        #expect(users.properties.allSatisfy { $0.dataType == "\"string\"" })
        // A section naming its system although the title leaves it blank.
        #expect(document.flows[2].target == EntityName(system: "YouTrack", entity: "Organizationroles"))
        #expect(document.flows[2].linking == .every)
        #expect(document.flows[2].properties.isEmpty)
    }

    @Test("a multi-word system name in the title splits section headings")
    func multiWordSystems() {
        let text = """
            ==================================
            Custom PMS to PowerOffice GO Dataflow
            ==================================

            Generated: 2024-11-13 00:00:00

            Custom PMS Customer person to PowerOffice GO Customers (human data)
            -------------------------------------------------------------------
            Every Custom PMS Customer person will be synchronized with a PowerOffice GO Customers (human data).

            A new PowerOffice GO Customers will be created from a Custom PMS Customer person if it is connected to a Custom PMS Deal, Quote, or Lineitem that is synchronized into PowerOffice GO.

            The following properties are synchronized between a Custom PMS Customer person and a PowerOffice GO Customers (human data):

            .. list-table::
               :header-rows: 1

               * - Custom PMS Customer person Property
                 - PowerOffice GO Customers (human data) Property
                 - PowerOffice GO Data Type
               * - name
                 - Name
                 - N/A

            """
        let document = DataflowDocument(reading: text, path: "t.rst")
        #expect(document.unparsed.isEmpty)
        let flow = document.flows[0]
        #expect(flow.source == EntityName(system: "Custom PMS", entity: "Customer person"))
        #expect(flow.target == EntityName(system: "PowerOffice GO", entity: "Customers (human data)"))
        #expect(flow.conditionalCreations == [ConditionalCreation(
            created: "PowerOffice GO Customers", from: "Custom PMS Customer person",
            connectedTo: ["Custom PMS Deal", "Quote", "Lineitem"], into: "PowerOffice GO", location: SourceLocation(file: "t.rst", line: 11))])
        #expect(flow.properties == [PropertyMapping(source: "name", target: "Name", dataType: "N/A", location: flow.properties[0].location)])
    }

    static let propertyTable = """
        ===
        A to B Dataflow
        ===

        A X to B Y
        ----------
        Every A X will be synchronized with a B Y.

        The following properties are synchronized between a A X and a B Y:

        .. list-table::
           :header-rows: 1

           * - A X Property
             - B Y Property
             - Data Type

        """

    @Test("a table row that does not fit its header is an error, so runs refuse the document; rows that fit are read")
    func brokenTable() {
        let good = DataflowDocument(reading: Self.propertyTable + "   * - name\n     - Name\n     - \"string\"\n", path: "t.rst")
        #expect(good.unparsed.isEmpty)
        #expect(good.flows.first?.properties.map(\.target) == ["Name"])
        // The cell with the target is gone: read on, the data type would become the target.
        let broken = DataflowDocument(reading: Self.propertyTable + "   * - name\n     - \"string\"\n", path: "t.rst")
        #expect(broken.unparsed.map(\.severity) == [.error])
        #expect(broken.unparsed.first?.location?.line == 17)
        #expect(broken.unparsed.first?.message == "a property row needs 3 cells (as many as the header), found 2")
        #expect(broken.flows.first?.properties == [])
    }

    @Test("a sentence the reader does not know is reported with its line, not dropped")
    func unknownSentence() {
        let text = "===\nA to B Dataflow\n===\n\nA X to B Y\n----------\nEvery A X will be synchronized with a B Y.\n\nThis sentence is new.\n"
        let document = DataflowDocument(reading: text, path: "t.rst")
        #expect(document.unparsed.count == 1)
        #expect(document.unparsed.first?.location?.line == 9)
    }

    /// An input the fuzzer found (`make fuzz`), kept in its corpus.
    func fuzzFinding(_ name: String) throws -> DataflowDocument {
        try read(RepositoryPaths.root.appendingPathComponent("Fuzz/corpus/document/\(name)"))
    }

    @Test("a table with a negative :header-rows: is reported with its line, not a crash")
    func negativeHeaderRows() throws {
        let document = try fuzzFinding("found-negative-header-rows.rst")
        let problem = document.unparsed.first { $0.message.contains(":header-rows: cannot be negative") }
        #expect(problem?.location?.line == 4)
    }

    @Test("a creation sentence whose parts overlap (names left empty) is reported with its line, not a crash")
    func conditionalCreationWithoutNames() throws {
        let document = try fuzzFinding("found-conditional-parts-overlap.rst")
        let problem = document.unparsed.first { $0.message.hasPrefix("unrecognised sentence: A new will be created from a") }
        #expect(problem?.location?.line == 3)
        #expect(document.flows.allSatisfy { $0.conditionalCreations.isEmpty })
    }

    @Test(
        "creation and merge sentences with an empty name or parts out of order are reported, not a crash",
        arguments: [
            "If a matching already exists, the A X will be merged with the existing one.",
            "A new X will be created from a Y that is synchronized into Z if it is connected to a W.",
            "A new X if it is connected to a Y will be created from a Z that is synchronized into W.",
        ])
    func sentencePartsOutOfPlace(_ sentence: String) {
        let text = "===\nA to B Dataflow\n===\n\nA X to B Y\n----------\nEvery A X will be synchronized with a B Y.\n\n\(sentence)\n"
        let document = DataflowDocument(reading: text, path: "t.rst")
        #expect(document.unparsed.map(\.message) == ["unrecognised sentence: \(sentence)"])
        #expect(document.unparsed.first?.location?.line == 9)
    }

    @Test("every sample document, seed and document of the corpus reads with nothing left over")
    func corpus() throws {
        let files = RepositoryPaths.corpusDocuments
        #expect(files.count == 5 + 76 + 6)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let document = DataflowDocument(reading: text, path: file.path)
            #expect(document.unparsed.isEmpty, "\(file.lastPathComponent): \(document.unparsed.map { "\($0.location?.line ?? 0): \($0.message.prefix(160))" })")
            // Sections are headings underlined with dashes; all but the introduction are flows.
            let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let sections = lines.indices.dropLast().filter { i in
                !lines[i].isEmpty && lines[i + 1].hasPrefix("---") && lines[i + 1].allSatisfy { $0 == "-" }
            }
            #expect(document.flows.count == sections.count - 1, "\(file.lastPathComponent)")
            for flow in document.flows {
                #expect(!flow.source.entity.isEmpty && !flow.target.entity.isEmpty, "\(file.lastPathComponent): \(flow.location)")
            }
        }
    }
}
