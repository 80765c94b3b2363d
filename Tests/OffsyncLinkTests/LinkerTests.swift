import Foundation
import OffsyncIngest
import OffsyncModel
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
        #expect(Self.ids(links, people, users) == ["1=u1"])
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

    @Test("a correlation value names its source record by the id's exact text: 7 is not 007, text ids and non-ASCII ones link too")
    func correlationByExactID() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":7},{"id":"007"},{"id":"kåre-1"},{"id":"x"},{"id":"\u03018"}]"#)
        let flow = Fixture.flow(merge: nil)
        let value = { (id: String) in flow.correlationValue(sourceID: id) }
        // u1 names 007, u2 names 7 (and u5 again: the last record naming an id wins), u3 a text
        // id with å, u4 an id that is no record's. u6 holds the prefix and a combining accent,
        // which joins the prefix's last character: as text, the prefix is not there.
        let users = try fixture.dataset(
            "b", "User",
            #"[{"id":"u1","external_id":"\#(value("007"))"},{"id":"u2","external_id":"\#(value("7"))"},{"id":"u3","external_id":"\#(value("kåre-1"))"},"#
                + #"{"id":"u4","external_id":"\#(value("9"))"},{"id":"u5","external_id":"\#(value("7"))"},{"id":"u6","external_id":"\#(value("\u{301}8"))"}]"#,
            correlation: "external_id")
        let links = Linker(flow: flow, source: people, target: users).link()
        #expect(links.pairs.map { [$0.source, $0.target] } == [[0, 4], [1, 0], [2, 2]])
        #expect(links.pairs.allSatisfy { $0.reason == .correlation })
        #expect(links.creates == [3, 4])
    }

    @Test("a flow that syncs every record and merges first links matches and creates the rest")
    func everyWithMerge() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"kari@eksempel.no"},{"id":2,"email":"ola@eksempel.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"Kari@eksempel.no"}]"#)
        var flow = Fixture.flow(merge: [[("email", "mail")]])
        flow.flow.syncsEveryRecord = true
        let links = Linker(flow: flow, source: people, target: users).link()
        #expect(Self.ids(links, people, users) == ["1=u1"])
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
        #expect(links.pairs == [LinkedPair(source: 0, target: 0, reason: .remembered, remembered: 0)])
        #expect(links.unmatchedTarget == [1])
    }

    /// The pairs as (source id, target id).
    static func ids(_ links: FlowLinks, _ source: Dataset, _ target: Dataset) -> [String] {
        links.pairs.map { "\(source.records[$0.source].id)=\(target.records[$0.target].id)" }
    }

    @Test("text is compared trimmed, NFC-normalized and case-folded: a decomposed Å equals a composed å")
    func unicodeNormalization() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"name":" Åsne Hæreid "},{"id":2,"name":"ØYDIS"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","name":"åsne hæreid"},{"id":"u2","name":"øydis"}]"#)
        let links = Linker(flow: Fixture.flow(merge: [[("name", "name")]]), source: people, target: users).link()
        #expect(Self.ids(links, people, users) == ["1=u1", "2=u2"])
    }

    @Test("comparisons are set per flow and per property: exact, email, digits-only")
    func configuredComparisons() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"phone":"+47 912 34 567","name":"Kari"},{"id":2,"phone":"","name":"kari"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","tel":"4791234567","name":"Kari"},{"id":"u2","tel":"","name":"KARI"}]"#)
        var flow = Fixture.flow(merge: [[("phone", "tel")], [("name", "name")]])
        // Case-insensitive by default: the two names of each side collide.
        let byDefault = Linker(flow: flow, source: people, target: users).link()
        #expect(byDefault.ambiguous.map(\.candidates) == [[0, 1], [0, 1]])
        flow.comparison = MergeComparison(default: .exact, byProperty: ["phone": .digitsOnly])
        let configured = Linker(flow: flow, source: people, target: users).link()
        // 1 links by its phone digits; 2 ("kari") has no exact-case partner and an empty phone never links.
        #expect(Self.ids(configured, people, users) == ["1=u1"])
        #expect(configured.pairs.first?.reason == .merged(combination: 0))
        #expect(configured.unmatchedSource.map { people.records[$0].id } == ["2"])
        #expect(Comparison.email.normalize("  Kari.Nordmann@Eksempel.NO ") == "kari.nordmann@eksempel.no")
        #expect(Comparison.digitsOnly.normalize("+47 (912) 34-567") == "4791234567")
        #expect(Comparison.exact.normalize("Kari ") == "Kari ")
    }

    @Test("a remembered link whose target vanished is an orphan; its source is neither matched again nor created")
    func orphan() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"x@y.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u2","mail":"x@y.no"}]"#)
        var flow = Fixture.flow(merge: [[("email", "mail")]])
        flow.flow.syncsEveryRecord = true
        let links = Linker(flow: flow, source: people, target: users)
            .link(remembered: [RememberedLink(flow: flow.name, sourceID: "1", targetID: "u1", how: "merge 1", since: "2026-01-01T00:00:00Z")])
        #expect(links.orphans.map(\.link.targetID) == ["u1"])
        #expect(links.orphans.first?.sourcePresent == true && links.orphans.first?.targetPresent == false)
        #expect(links.pairs.isEmpty && links.creates.isEmpty)
    }

    @Test("a created record without correlation value is linked by content, but only when one record on each side matches")
    func content() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"name":"Kari","city":"Oslo"},{"id":2,"name":"Ola"},{"id":3,"name":"Per"},{"id":4,"name":"Per"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","name":"kari","town":"OSLO"},{"id":"u2","name":"Ola","town":"Bergen"},{"id":"u3","name":"Per"}]"#)
        let flow = Fixture.flow(merge: nil, properties: [("name", "name"), ("city", "town")])
        let identities = Identities(flows: [flow], datasets: [people.key: people, users.key: users], remembered: [])
        let links = identities.flows[0]
        #expect(Self.ids(links, people, users) == ["1=u1"])
        #expect(links.pairs.first?.reason == .content)
        // Ola's city differs; the two Pers claim one record: both stay creates.
        #expect(links.creates.map { people.records[$0].id } == ["2", "3", "4"])
        #expect(links.findings.contains { $0.code == .linkedByContent && $0.recordID == "1" })
    }

    @Test("one target record linked from two flows is one merged identity")
    func mergedIdentity() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"kari@y.no"}]"#)
        let customers = try fixture.dataset("a", "Customer", #"[{"id":"C7","mail":"KARI@y.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"kari@y.no"}]"#)
        let fromPeople = Fixture.flow(merge: [[("email", "mail")]])
        var fromCustomers = Fixture.flow(merge: [[("mail", "mail")]])
        fromCustomers.source = customers.key
        fromCustomers.flow.source = EntityName(system: "a", entity: "Customer")
        let identities = Identities(
            flows: [fromPeople, fromCustomers], datasets: [people.key: people, customers.key: customers, users.key: users], remembered: [])
        #expect(identities.merged.count == 1)
        #expect(identities.merged.first?.id == "u1")
        #expect(identities.merged.first?.members.map { "\($0.dataset).\($0.id)" } == ["a.Person.1", "a.Customer.C7"])
    }
}
