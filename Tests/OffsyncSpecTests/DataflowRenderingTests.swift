import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@Suite("rendering dataflow documents")
struct DataflowRenderingTests {
    /// The flows without their line numbers: rendering moves lines, not meaning.
    static func meaning(_ document: DataflowDocument) -> [Flow] {
        document.flows.map { flow in
            var flow = flow
            flow.location = SourceLocation(file: "")
            flow.properties = flow.properties.map { PropertyMapping(source: $0.source, target: $0.target, dataType: $0.dataType) }
            if case .merge(let combinations) = flow.linking {
                flow.linking = .merge(combinations.map { MergeCombination(pairs: $0.pairs) })
            }
            return flow
        }
    }

    static func assertRoundTrip(_ text: String, name: String) {
        let parsed = DataflowDocument(reading: text, path: name)
        let rendered = parsed.rendered()
        let reparsed = DataflowDocument(reading: rendered, path: name)
        #expect(reparsed.unparsed.isEmpty, "\(name): \(reparsed.unparsed.map(\.message))")
        #expect(meaning(reparsed) == meaning(parsed), "\(name)")
        #expect((reparsed.sourceSystem, reparsed.targetSystem, reparsed.generated) == (parsed.sourceSystem, parsed.targetSystem, parsed.generated))
        #expect(reparsed.introduction == parsed.introduction, "\(name)")
        // The renderer writes the generator's format byte for byte, so rendering a generated
        // document gives it back unchanged (and the samples are exactly what the tool writes).
        #expect(rendered == text, "\(name): rendering differs from the file")
    }

    @Test("the sample documents are the renderer's output: read, render gives the same bytes and the same flows")
    func samples() throws {
        for file in RepositoryPaths.files(in: RepositoryPaths.samples.appendingPathComponent("dataflows"), suffixes: [".rst"]) {
            Self.assertRoundTrip(try String(contentsOf: file, encoding: .utf8), name: file.lastPathComponent)
        }
    }

    @Test("a flow that syncs every record and merges first keeps both sentences, in the generator's order")
    func everyWithMerge() {
        let text = """
            ==================================
            PowerOffice GO to HubSpot Dataflow
            ==================================

            Introduction
            ------------

            Intro.

            PowerOffice GO Contactperson to HubSpot Contact
            -----------------------------------------------
            Every PowerOffice GO Contactperson will be synchronized with a HubSpot Contact.

            If a matching HubSpot Contact already exists, the PowerOffice GO Contactperson will be merged with the existing one.
            If no matching HubSpot Contact is found, a new HubSpot Contact will be created.

            A PowerOffice GO Contactperson will merge with a HubSpot Contact if one of the following property combinations match:

            .. list-table::
               :header-rows: 1

               * - PowerOffice GO Contactperson Property
                 - HubSpot Contact Property
               * - emailAddress
                 - properties.email

            Once a link between a PowerOffice GO Contactperson and a HubSpot Contact is established, it will keep in sync between the two systems, regardless of where it is edited.

            The following properties are synchronized between a PowerOffice GO Contactperson and a HubSpot Contact:

            .. list-table::
               :header-rows: 1

               * - PowerOffice GO Contactperson Property
                 - HubSpot Contact Property
                 - HubSpot Data Type
               * - emailAddress
                 - properties.email
                 - "string"


            """
        let document = DataflowDocument(reading: text, path: "hubspot.rst")
        let flow = document.flows[0]
        #expect(flow.syncsEveryRecord)
        #expect(flow.mergeCombinations.count == 1)
        #expect(flow.createsWhenUnmatched == ["HubSpot Contact"])
        Self.assertRoundTrip(text, name: "hubspot.rst")
    }

    @Test("every sample document, seed and corpus document renders back to its own bytes")
    func corpus() throws {
        let files = RepositoryPaths.corpusDocuments
        #expect(files.count == 5 + 76 + 6)
        for file in files {
            Self.assertRoundTrip(try String(contentsOf: file, encoding: .utf8), name: file.lastPathComponent)
        }
    }

    @Test("a seed's blank target system renders as the generator writes it")
    func blankSystemSpelling() {
        let flow = Flow(
            source: EntityName(system: "Powerofficego", entity: "Contactperson"), target: EntityName(system: "", entity: "Users"),
            linking: .merge([MergeCombination(pairs: [PropertyPair(source: "emailAddress", target: "email")])]),
            properties: [PropertyMapping(source: "emailAddress", target: "email", dataType: "\"string\"")],
            location: SourceLocation(file: ""))
        let text = DataflowDocument(path: "x", sourceSystem: "Powerofficego", targetSystem: "", flows: [flow]).rendered()
        #expect(text.contains("Powerofficego to  Dataflow"))
        #expect(text.contains("Powerofficego Contactperson to  Users\n-------------------------------------\n"))
        #expect(text.contains("     -  Data Type"))
    }
}
