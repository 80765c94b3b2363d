import Foundation
import OffsyncIngest
import OffsyncModel
import OffsyncLink
import OffsyncSpec
import Testing

/// A source record that nothing links is created only when a record connected to it is
/// synchronized into the target system in the same plan.
@Suite("conditional creations in the link stage")
struct ConditionalCreationTests {
    static func flow(
        _ source: String, _ target: String, merge: [(String, String)], createsWhenUnmatched: Bool = false,
        connections: [(String, String)]? = nil
    ) -> BoundFlow {
        let (s, t) = (DatasetKey(system: "a", entity: source), DatasetKey(system: "b", entity: target))
        var flow = Flow(
            source: EntityName(system: "a", entity: source), target: EntityName(system: "b", entity: target),
            linking: .merge([MergeCombination(pairs: merge.map { PropertyPair(source: $0.0, target: $0.1) })]),
            createsWhenUnmatched: createsWhenUnmatched ? ["b \(target)"] : [], properties: [], location: .init(file: "t.rst"))
        var bound = BoundFlow(flow: flow, source: s, target: t)
        if let connections {
            let statement = ConditionalCreation(
                created: "b \(target)", from: "a \(source)", connectedTo: connections.map(\.0), into: "b")
            flow.conditionalCreations = [statement]
            bound.flow = flow
            bound.condition = CreationCondition(
                statement: statement,
                connections: connections.map { .init(dataset: DatasetKey(system: "a", entity: $0.0), property: $0.1) })
        }
        return bound
    }

    @Test("created when a connected record is linked or created in the same run; not when it is ambiguous or absent; chains resolve in order")
    func decisions() throws {
        var fixture = Fixture()
        let customers = try fixture.dataset("a", "Customer", """
            [{"id":"c1","name":"One","department":"d1"},{"id":"c2","name":"Two"},{"id":"c3","name":"Three"},{"id":"c4","name":"Four","department":"d2"},{"id":"c5","name":"Five"}]
            """)
        // p1 links to pr1; p2 is created (no match, the flow creates); p3 is ambiguous.
        let projects = try fixture.dataset("a", "Project", """
            [{"id":"p1","code":"A","owner":{"id":"c1"}},{"id":"p2","code":"B","owner":{"id":"c2"}},{"id":"p3","code":"C","owner":{"id":"c3"}}]
            """)
        let departments = try fixture.dataset("a", "Department", #"[{"id":"d1","code":"D1"},{"id":"d2","code":"D2"}]"#)
        let kunder = try fixture.dataset("b", "Kunde", #"[{"id":"k5","navn":"five"}]"#)
        let prosjekter = try fixture.dataset("b", "Prosjekt", #"[{"id":"pr1","kode":"A"},{"id":"pr3","kode":"C"},{"id":"pr4","kode":"C"}]"#)
        let avdelinger = try fixture.dataset("b", "Avdeling", "[]")
        let datasets = Dictionary(uniqueKeysWithValues: [customers, projects, departments, kunder, prosjekter, avdelinger].map { ($0.key, $0) })
        // The chained flow first: the order of the manifest does not decide the order of the conditions.
        let flows = [
            Self.flow("Department", "Avdeling", merge: [("code", "kode")], connections: [("Customer", "department")]),
            Self.flow("Customer", "Kunde", merge: [("name", "navn")], connections: [("Project", "owner.id")]),
            Self.flow("Project", "Prosjekt", merge: [("code", "kode")], createsWhenUnmatched: true),
        ]
        let identities = Identities(flows: flows, datasets: datasets, remembered: [])
        func ids(_ indexes: [Int], _ dataset: Dataset) -> [String] { indexes.map { dataset.records[$0].id } }
        let (department, customer, project) = (identities.flows[0], identities.flows[1], identities.flows[2])
        #expect(ids(project.creates, projects) == ["p2"] && project.pairs.map(\.source) == [0] && project.ambiguous.map(\.source) == [2])
        #expect(customer.pairs.map { customers.records[$0.source].id } == ["c5"])
        #expect(ids(customer.creates, customers) == ["c1", "c2"], "p1 is linked, p2 created in the same run")
        #expect(ids(customer.unmatchedSource, customers) == ["c3", "c4"], "p3 is ambiguous, so not synchronized; nothing names c4")
        #expect(ids(department.creates, departments) == ["d1"], "c1 names d1 and is created, so d1 is")
        #expect(ids(department.unmatchedSource, departments) == ["d2"], "c4 names d2 but is not created")

        // explain names the connected records looked at.
        let c3 = identities.explain(customers.key, index: 2, datasets: datasets, remembered: [])
        #expect(c3.contains("  not created (not_connected): a new Kunde is created only from a record connected to a Project synchronized into b"))
        #expect(c3.contains("    a.Project p3 names it: not synchronized into b"))
        let c4 = identities.explain(customers.key, index: 3, datasets: datasets, remembered: [])
        #expect(c4.contains("    no connected record names it (looked at a.Project 'owner.id')"))
        let c2 = identities.explain(customers.key, index: 1, datasets: datasets, remembered: [])
        #expect(c2.contains("    a.Project p2 names it: synchronized into b"))
    }

    @Test("with no connection bound, nothing is created and every unmatched record stays unmatched")
    func unbound() throws {
        var fixture = Fixture()
        let customers = try fixture.dataset("a", "Customer", #"[{"id":"c1","name":"One"}]"#)
        let kunder = try fixture.dataset("b", "Kunde", "[]")
        var flow = Self.flow("Customer", "Kunde", merge: [("name", "navn")], connections: [])
        flow.condition?.unbound = ["a Order"]
        let links = Identities(flows: [flow], datasets: [customers.key: customers, kunder.key: kunder], remembered: []).flows[0]
        #expect(links.creates.isEmpty && links.unmatchedSource == [0])
    }

    @Test("two sections of the same datasets: a record one links is not created again by the other")
    func siblings() throws {
        var fixture = Fixture()
        let customers = try fixture.dataset("a", "Customer", #"[{"id":"c1","name":"One"},{"id":"c2","name":"Two"}]"#)
        let kunder = try fixture.dataset("b", "Kunde", #"[{"id":"k1","navn":"one"}]"#)
        var every = Self.flow("Customer", "Kunde", merge: [], createsWhenUnmatched: true)
        every.flow.linking = .every
        let flows = [Self.flow("Customer", "Kunde", merge: [("name", "navn")]), every]
        let identities = Identities(flows: flows, datasets: [customers.key: customers, kunder.key: kunder], remembered: [])
        #expect(identities.flows[0].pairs.map { [$0.source, $0.target] } == [[0, 0]])
        #expect(identities.flows[1].creates == [1], "c1 is linked by the merge section")
        #expect(identities.flows[1].findings.contains { $0.code == "linked_by_sibling" && $0.message.contains(": 1 a.Customer records another section") })
    }
}

/// A dataflow's `where:`: the manifest's form of a sync condition a document states in prose.
@Suite("a dataflow's where")
struct FlowWhereTests {
    @Test("records it does not select are neither matched nor created; a link made before is kept")
    func selects() throws {
        var fixture = Fixture()
        let deals = try fixture.dataset("a", "Deal", """
            [{"id":"d1","name":"One","probability":"100"},{"id":"d2","name":"Two","probability":"40"},
             {"id":"d3","name":"Three","probability":"100"},{"id":"d4","name":"Four","probability":"10"}]
            """)
        let orders = try fixture.dataset("b", "Order", #"[{"id":"o2","title":"two"},{"id":"o4","title":"four"}]"#)
        var flow = ConditionalCreationTests.flow("Deal", "Order", merge: [("name", "title")], createsWhenUnmatched: true)
        flow.where = [FieldCondition(path: "probability", value: "100")]
        let remembered = [RememberedLink(flow: flow.name, sourceID: "d4", targetID: "o4")]
        let links = Linker(flow: flow, source: deals, target: orders).link(remembered: remembered)
        #expect(links.notSelected.map { deals.records[$0].id } == ["d2"], "d4 was linked before: it stays linked")
        #expect(links.pairs.map { deals.records[$0.source].id } == ["d4"], "d2 would match o2, but is not selected")
        #expect(links.creates.map { deals.records[$0].id } == ["d1", "d3"])
        #expect(links.unmatchedSource.isEmpty)
    }
}
