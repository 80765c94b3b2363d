import OffsyncDiagnostics
import OffsyncSpec
import Testing

/// Conditional creations bound by the manifest's `connections:`, and what `check` says of
/// the conditions it cannot apply.
@Suite("conditional creations in the spec")
struct ConditionalCreationSpecTests {
    static let document = """
        =====================================
        PowerOffice GO to Tidsbanken Dataflow
        =====================================

        Generated: 2024-11-13 00:00:00

        PowerOffice GO Customers to Tidsbanken Kunde
        --------------------------------------------
        Before any synchronization can take place, a link between a PowerOffice GO Customers and a Tidsbanken Kunde must be established.

        A new Tidsbanken Kunde will be created from a PowerOffice GO Customers if it is connected to a PowerOffice GO Powerofficego-projects, or Powerofficego-salesorder that is synchronized into Tidsbanken.

        A PowerOffice GO Customers will merge with a Tidsbanken Kunde if one of the following property combinations match:

        .. list-table::
           :header-rows: 1

           * - PowerOffice GO Customers Property
             - Tidsbanken Kunde Property
           * - Name
             - navn

        PowerOffice GO Projects to Tidsbanken Prosjekt
        ----------------------------------------------
        When a PowerOffice GO Projects has a status of active, it will be synchronized with a Tidsbanken Prosjekt.

        """

    static func spec(connections: String, document: String = document) throws -> WorkspaceSpec {
        let manifest = try Manifest(yaml: """
            systems:
              powerofficego:
                names: [PowerOffice GO]
                datasets:
                  Customers: { files: c.json, id: Id }
                  Projects: { files: p.json, id: Id }
                  Salesorders: { files: s.json, id: Id }
              tidsbanken:
                names: [Tidsbanken]
                datasets:
                  Kunde: { files: k.json, id: id }
                  Prosjekt: { files: pr.json, id: id }
            dataflows:
              - document: t.rst
            \(connections)
            """, file: "offsync.yaml")
        return try WorkspaceSpec(
            root: "/w", manifestFile: "offsync.yaml", manifest: manifest,
            documents: ["t.rst": DataflowDocument(reading: document, path: "t.rst")])
    }

    @Test("connections bind the document's names of connected entities to datasets; the rest are named by check")
    func binding() throws {
        let spec = try Self.spec(connections: "    connections: { Customers: { Projects: CustomerId } }")
        let condition = try #require(spec.flows[0].condition)
        #expect(condition.connections == [.init(dataset: DatasetKey(system: "powerofficego", entity: "Projects"), property: "CustomerId")])
        #expect(condition.unbound == ["Powerofficego-salesorder"])
        #expect(spec.flows[1].condition == nil, "an every-flow creates every record")
        let unbound = try #require(spec.findings.first { $0.code == .unboundConnection })
        #expect(unbound.message.contains("Powerofficego-salesorder") && unbound.message.contains("connections: { Customers: { <dataset>: <property> } }"))
        #expect(unbound.location == SourceLocation(file: "t.rst", line: 11))
    }

    @Test("with no connection bound, check says no record of the flow is created until one is")
    func nothingBound() throws {
        let spec = try Self.spec(connections: "")
        #expect(spec.flows[0].condition?.connections.isEmpty == true)
        #expect(spec.flows[0].condition?.unbound == ["PowerOffice GO Powerofficego-projects", "Powerofficego-salesorder"])
        #expect(spec.findings.contains { $0.code == .unboundConnection && $0.message.contains("until one is bound, no Customers record is created") })
    }

    @Test("a sync condition in prose is listed as stated but not applied, with its document and line")
    func proseCondition() throws {
        let spec = try Self.spec(connections: "")
        let prose = try #require(spec.findings.first { $0.code == .conditionNotApplied })
        #expect(prose.message.contains("\"When a PowerOffice GO Projects has a status of active\" is stated but not applied"))
        #expect(prose.message.contains("apply it with `where: { Projects: { <field>: <value> } }` on the dataflow (dataflows[0])"))
        #expect(prose.location == SourceLocation(file: "t.rst", line: 25))
    }

    @Test("a dataflow's where applies a prose condition: it binds to the flows from its entity, and the condition is no longer listed")
    func flowWhere() throws {
        let spec = try Self.spec(connections: "    where: { Projects: { Status: active } }")
        #expect(spec.flows[1].where == [FieldCondition(path: "Status", value: "active")])
        #expect(spec.flows[0].where.isEmpty)
        #expect(!spec.findings.contains { $0.code == .conditionNotApplied })
        let error = #expect(throws: OffsyncError.self) { try Self.spec(connections: "    where: { Kunde: { navn: x } }") }
        #expect(error?.location?.key == "dataflows[0].where.Kunde")
    }

    @Test("a connection that binds nothing is an error naming its manifest key", arguments: [
        ("    connections: { Projects: { Customers: Id } }", "dataflows[0].connections.Projects.Customers", "no conditional creation of the document creates from 'Projects'"),
        ("    connections: { Customers: { Invoices: CustomerId } }", "dataflows[0].connections.Customers.Invoices", "'Invoices' is not a dataset of powerofficego"),
        ("    connections: { Customers: { Customers: ParentId } }", "dataflows[0].connections.Customers.Customers", "'Customers' is not among the entities"),
    ])
    func refused(yaml: String, key: String, message: String) {
        let error = #expect(throws: OffsyncError.self) { try Self.spec(connections: yaml) }
        #expect(error?.location?.key == key)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test("conditional creations that wait on each other are refused: none could be decided first")
    func cycle() throws {
        // Customers wait on Projects synchronized into Tidsbanken, and Projects on Customers.
        let cyclic = Self.document.replacingOccurrences(
            of: "When a PowerOffice GO Projects has a status of active, it will be synchronized with a Tidsbanken Prosjekt.",
            with: """
                A new Tidsbanken Prosjekt will be created from a PowerOffice GO Projects if it is connected to a PowerOffice GO Customers that is synchronized into Tidsbanken.

                A PowerOffice GO Projects will merge with a Tidsbanken Prosjekt if one of the following property combinations match:

                .. list-table::
                   :header-rows: 1

                   * - PowerOffice GO Projects Property
                     - Tidsbanken Prosjekt Property
                   * - Code
                     - kode
                """)
        let error = #expect(throws: OffsyncError.self) {
            try Self.spec(connections: "    connections: { Customers: { Projects: CustomerId }, Projects: { Customers: MainProjectId } }", document: cyclic)
        }
        #expect(error?.message.contains("wait on each other in a cycle") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("powerofficego.Customers -> tidsbanken.Kunde waits on powerofficego.Projects -> tidsbanken.Prosjekt waits on powerofficego.Customers -> tidsbanken.Kunde") == true)
    }

    @Test("names of connected entities: the system in front, case, dashes and a plural s aside")
    func names() {
        let system = SystemSpec(id: "powerofficego", names: ["PowerOffice GO"], datasets: [])
        #expect(WorkspaceSpec.lists("PowerOffice GO Powerofficego-projects", "Projects", in: system))
        #expect(WorkspaceSpec.lists("Powerofficego-salesorder", "Salesorders", in: system))
        #expect(WorkspaceSpec.lists("Powerofficego-customers-person", "Customers person", in: system))
        #expect(!WorkspaceSpec.lists("Powerofficego-customers-person", "Customers", in: system))
        #expect(!WorkspaceSpec.lists("Powerofficego-projects", "Product", in: system))
    }
}
