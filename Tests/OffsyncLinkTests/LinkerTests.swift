import Foundation
import OffsyncIngest
import OffsyncLink
import OffsyncSpec
import Testing

/// Small hand-made datasets, written as JSON and read through the real loader.
struct Fixture {
    let folder: String
    var loader: DatasetLoader

    init() {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("offsync-link-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        loader = DatasetLoader(root: folder)
    }

    mutating func dataset(_ system: String, _ entity: String, _ json: String, correlation: String? = nil) throws -> Dataset {
        let name = "\(system)-\(entity).json"
        try json.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        return try loader.load(DatasetSpec(key: DatasetKey(system: system, entity: entity), files: [name], id: "id", correlation: correlation))
    }

    static func flow(merge: [[(String, String)]]?, properties: [(String, String)] = []) -> BoundFlow {
        let linking: Flow.Linking = merge.map { .merge($0.map { MergeCombination(pairs: $0.map { PropertyPair(source: $0.0, target: $0.1) }) }) } ?? .every
        return BoundFlow(
            flow: Flow(
                source: EntityName(system: "a", entity: "Person"), target: EntityName(system: "b", entity: "User"),
                linking: linking, properties: properties.map { PropertyMapping(source: $0.0, target: $0.1) },
                location: .init(file: "t.rst")),
            source: DatasetKey(system: "a", entity: "Person"), target: DatasetKey(system: "b", entity: "User"),
            references: [:], document: nil)
    }
}

@Suite("linking by merge rules")
struct LinkerTests {
    @Test("equal emails link after trimming and case-folding; empty values never link")
    func normalizedMatch() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"  Kari@Eksempel.NO "},{"id":2,"email":""},{"id":3}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"kari@eksempel.no"},{"id":"u2","mail":""},{"id":"u3"}]"#)
        let links = Linker(flow: Fixture.flow(merge: [[("email", "mail")]]), source: people, target: users).link()
        #expect(links.pairs.map { (people.records[$0.source].id, users.records[$0.target].id) }.elementsEqual([("1", "u1")], by: ==))
        #expect(links.unmatchedSource.map { people.records[$0].id } == ["2", "3"])
        #expect(links.unmatchedTarget.map { users.records[$0].id } == ["u2", "u3"])
        #expect(links.ambiguous.isEmpty)
    }

    @Test("two targets sharing a value: the source is ambiguous, both targets are duplicates")
    func ambiguousTargets() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"x@y.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"x@y.no"},{"id":"u2","mail":"X@Y.no"}]"#)
        let links = Linker(flow: Fixture.flow(merge: [[("email", "mail")]]), source: people, target: users).link()
        #expect(links.pairs.isEmpty)
        #expect(links.ambiguous.map(\.candidates) == [[0, 1]])
        #expect(links.duplicateTarget == [0, 1])
        #expect(links.findings.contains { $0.code == .ambiguous && $0.message.contains("u1, u2") })
    }

    @Test("two sources claiming one target are both ambiguous")
    func ambiguousSources() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"x@y.no"},{"id":2,"email":"x@y.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"x@y.no"}]"#)
        let links = Linker(flow: Fixture.flow(merge: [[("email", "mail")]]), source: people, target: users).link()
        #expect(links.pairs.isEmpty)
        #expect(links.ambiguous.map(\.source) == [0, 1])
        #expect(links.duplicateSource == [0, 1])
    }

    @Test("a combination of several properties links only when all are equal; rows are alternatives")
    func combinations() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"first":"Ola","last":"Nord"},{"id":2,"first":"Ola","last":"Sør","phone":"99"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","given":"ola","family":"nord"},{"id":"u2","given":"Ola","family":"Vest","tel":"99"}]"#)
        let flow = Fixture.flow(merge: [[("first", "given"), ("last", "family")], [("phone", "tel")]])
        let links = Linker(flow: flow, source: people, target: users).link()
        #expect(links.pairs.map { [$0.source, $0.target] } == [[0, 0], [1, 1]])
        #expect(links.pairs.map(\.reason) == [.merged(combination: 0), .merged(combination: 1)])
    }

    @Test("an every-flow creates for unlinked sources and links back records carrying the correlation value")
    func everyFlowAndCorrelation() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1},{"id":2},{"id":3}]"#)
        let flow = Fixture.flow(merge: nil)
        let users = try fixture.dataset(
            "b", "User", #"[{"id":"u9","external_id":"\#(flow.correlationValue(sourceID: "2"))"},{"id":"u8","external_id":"other"}]"#,
            correlation: "external_id")
        let links = Linker(flow: flow, source: people, target: users).link()
        #expect(links.pairs.map { [$0.source, $0.target] } == [[1, 0]])
        #expect(links.pairs.first?.reason == .correlation)
        #expect(links.creates == [0, 2])
        #expect(links.unmatchedTarget == [1])
    }

    @Test("a flow that syncs every record and merges first links matches and creates the rest")
    func everyWithMerge() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"kari@eksempel.no"},{"id":2,"email":"ola@eksempel.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"Kari@eksempel.no"}]"#)
        var flow = Fixture.flow(merge: [[("email", "mail")]])
        flow.flow.syncsEveryRecord = true
        let links = Linker(flow: flow, source: people, target: users).link()
        #expect(links.pairs.map { (people.records[$0.source].id, users.records[$0.target].id) }.elementsEqual([("1", "u1")], by: ==))
        #expect(links.creates.map { people.records[$0].id } == ["2"])
        #expect(links.unmatchedSource.isEmpty)
    }

    @Test("a remembered link wins over the rules")
    func remembered() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"new@y.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"old@y.no"},{"id":"u2","mail":"new@y.no"}]"#)
        let flow = Fixture.flow(merge: [[("email", "mail")]])
        let links = Linker(flow: flow, source: people, target: users)
            .link(remembered: [RememberedLink(flow: flow.name, sourceID: "1", targetID: "u1")])
        #expect(links.pairs == [LinkedPair(source: 0, target: 0, reason: .remembered)])
        #expect(links.unmatchedTarget == [1])
    }
}
