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
        // Rendering is a fixed point after one pass.
        #expect(reparsed.rendered() == rendered, "\(name)")
    }

    @Test("the sample documents round-trip: read, render, read gives the same flows")
    func samples() throws {
        for file in RepositoryPaths.files(in: RepositoryPaths.samples.appendingPathComponent("dataflows"), suffixes: [".rst"]) {
            Self.assertRoundTrip(try String(contentsOf: file, encoding: .utf8), name: file.lastPathComponent)
        }
    }

    @Test(
        "every seed and every corpus document round-trips",
        .enabled(if: RepositoryPaths.hasShared, "../shared (seeds and talk-docs) is absent: corpus not read"))
    func corpus() throws {
        let files = RepositoryPaths.corpusDocuments
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
