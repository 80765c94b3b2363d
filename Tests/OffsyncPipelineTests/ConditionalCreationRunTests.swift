import Foundation
import OffsyncIngest
import OffsyncModel
import OffsyncPipeline
import OffsyncSpec
import Testing

/// The samples' Tidsbanken document creates a Kunde from a PowerOffice GO Customers only when a
/// project that names it is synchronized into Tidsbanken: the run, the report, check and
/// explain say which customers are held back and why.
@Suite("conditional creation in the samples")
struct ConditionalCreationRunTests {
    typealias Scratch = SampleRunTests.Scratch
    static let flow = "powerofficego.Customers -> tidsbanken.Kunde"

    @Test("a Kunde for every customer a project names; the rest are not_connected, each with a finding that explain details")
    func samples() throws {
        let scratch = try Scratch()
        let out = scratch.output("out")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        let flows = try #require(try SampleRunTests.reportJSON(out)["flows"] as? [[String: Any]])
        // The document's conditional section; its every-section of the same datasets follows.
        let conditional = try #require(flows.first { "\($0["source"]!) -> \($0["target"]!)" == Self.flow })
        let counts = try #require(conditional["counts"] as? [String: Int])
        #expect(counts["ambiguous"] == 0)

        let projects = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.workspace.appendingPathComponent("dumps/powerofficego/projects.json"))) as? [[String: Any]])
        let named = Set(projects.compactMap { $0["CustomerId"] as? Int }.map(String.init))
        let findings = try UploadRoundTripTests.importLines(out, "findings.jsonl.gz")
        let notConnected = Set(findings.filter { $0["code"] as? String == "not_connected" && $0["entity"] as? String == "Customers" }.compactMap { $0["record_id"] as? String })
        let linked = Set(try SyncScenarioTests.links(scratch.workspace, flow: Self.flow).map(\.source))
        let customers = try Self.companies(scratch.workspace)
        #expect(notConnected.count == counts["not_connected"] && notConnected.count == counts["unmatched_source"])
        #expect(notConnected.isDisjoint(with: named), "a customer a project names is created")
        #expect(notConnected == customers.subtracting(named).subtracting(linked), "every other unlinked customer is held back")
        #expect(counts["create"] == customers.intersection(named).subtracting(linked).count)
        #expect(counts["create"]! > 0 && counts["not_connected"]! > 0 && counts["linked"]! > 0)

        let id = try #require(notConnected.sorted().first)
        let explained = try Pipeline.explain(workspace: scratch.workspace.path, system: "powerofficego", entity: "Customers", id: id)
        #expect(explained.contains("  not created (not_connected): a new Kunde is created only from a record connected to a PowerOffice GO Powerofficego-projects synchronized into Tidsbanken"))
        #expect(explained.contains("    no connected record names it (looked at powerofficego.Projects 'CustomerId')"), "\(explained)")
        let createdID = try #require(customers.intersection(named).subtracting(linked).sorted().first)
        let created = try Pipeline.explain(workspace: scratch.workspace.path, system: "powerofficego", entity: "Customers", id: createdID)
        #expect(created.contains { $0.hasPrefix("    powerofficego.Projects ") && $0.hasSuffix(" names it: synchronized into tidsbanken") }, "\(created)")
    }

    @Test("check names the connected entities the manifest does not bind and the conditions that do not act, with document and line")
    func check() throws {
        let scratch = try Scratch()
        let ended = try OffsyncProcess.run(["check", "samples"], in: scratch.folder)
        let lines = (ended.output + ended.error).split(separator: "\n")
        #expect(lines.contains { $0.contains("powerofficego-tidsbanken.rst:188: warning: [unbound_connection] 'PowerOffice GO Departments to Tidsbanken Avdeling'") && $0.contains("Powerofficego-projects, Powerofficego-contactperson or Powerofficego-customers-person") })
        #expect(lines.contains { $0.contains("powerofficego-tidsbanken.rst:112: warning: [condition_not_applied]") && $0.contains("the section at line 290 creates every Customers record") })
    }

    /// The ids of the Customers dataset's records (companies, with an id), read as a run reads them.
    static func companies(_ workspace: URL) throws -> Set<String> {
        let spec = try WorkspaceSpec.load(workspace: workspace.path)
        let customers = try #require(spec.manifest.dataset(DatasetKey(system: "powerofficego", entity: "Customers")))
        var loader = DatasetLoader(root: spec.root)
        return Set(try loader.load(customers).records.map(\.id))
    }
}
