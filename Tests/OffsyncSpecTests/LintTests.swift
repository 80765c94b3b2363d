import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@Suite("lint of the flows")
struct LintTests {
    /// A manifest providing every entity type the YouTrack and Custom PMS documents name.
    static let manifest = Manifest(
        systems: [
            SystemSpec(id: "powerofficego", names: ["Powerofficego"], datasets: [
                "Contactperson", "Customers person", "Currency", "Customers", "Departments", "Productgroup", "Projects",
            ].map { DatasetSpec(key: DatasetKey(system: "powerofficego", entity: $0), files: ["x"], id: "id") }),
            SystemSpec(id: "youtrack", names: ["YouTrack"], datasets: ["Users", "Organizationroles", "Groups"].map {
                DatasetSpec(key: DatasetKey(system: "youtrack", entity: $0), files: ["x"], id: "id")
            }),
            SystemSpec(id: "custompms", names: ["Custompms"], datasets: ["Customer", "Project"].map {
                DatasetSpec(key: DatasetKey(system: "custompms", entity: $0), files: ["x"], id: "id")
            }),
        ],
        dataflows: [DataflowSpec(document: "youtrack.rst", target: "youtrack"), DataflowSpec(document: "custompms.rst")])

    static func lint(youtrack: URL, custompms: URL) throws -> [Finding] {
        let documents = [
            "youtrack.rst": DataflowDocument(reading: try String(contentsOf: youtrack, encoding: .utf8), path: youtrack.path),
            "custompms.rst": DataflowDocument(reading: try String(contentsOf: custompms, encoding: .utf8), path: custompms.path),
        ]
        return try WorkspaceSpec(root: "/", manifestFile: "offsync.yaml", manifest: manifest, documents: documents).lint()
    }

    static func assertFindings(_ findings: [Finding]) {
        let collision = findings.filter { $0.message.contains("'profile.email' is mapped as a value") }
        #expect(collision.count == 1)
        #expect(collision.first?.message.contains("parent of 'profile.email.email'") == true)
        #expect(collision.first?.severity == .warning)
        // Seed 000 maps the parent in two flows (Contactperson and Customers person) into one entity type.
        #expect(findings.contains { $0.message.contains("youtrack.Users: 'profile.email' is written by 2 flows") })
        let empty = findings.filter { $0.message.contains("the property table is empty") }
        let emptyFlows = Set(empty.compactMap { $0.message.components(separatedBy: ":").first })
        #expect(emptyFlows.isSuperset(of: [
            "powerofficego.Departments -> custompms.Customer", "powerofficego.Customers -> custompms.Customer",
            "powerofficego.Projects -> custompms.Project",
        ]))
        #expect(emptyFlows.contains("powerofficego.Currency -> youtrack.Organizationroles"))
    }

    @Test("the sample documents: seed 000's profile.email collision and seed 004's empty tables")
    func samples() throws {
        let folder = RepositoryPaths.samples.appendingPathComponent("dataflows")
        Self.assertFindings(try Self.lint(
            youtrack: folder.appendingPathComponent("powerofficego-youtrack.rst"),
            custompms: folder.appendingPathComponent("powerofficego-custompms.rst")))
    }

    @Test("the seeds themselves")
    func seeds() throws {
        Self.assertFindings(try Self.lint(youtrack: RepositoryPaths.seed("000"), custompms: RepositoryPaths.seed("004")))
    }
}
