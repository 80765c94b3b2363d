import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncEmit
@testable import OffsyncIngest
@testable import OffsyncPlan

/// `report.json` stays small at any size: a bounded set of examples per code and dataset and a
/// count of each, with every finding in `findings.jsonl.gz` beside it.
@Suite("findings in the report")
struct ReportFindingsTests {
    /// 250 ambiguous in one dataset, 3 in another, 120 unmatched, 1 spec error.
    static let findings: [Finding] = {
        var findings: [Finding] = [Finding(.error, .spec, "a spec error")]
        for i in 0..<250 { findings.append(Finding(.warning, .ambiguous, "ambiguous \(i)", system: "zendesk", entity: "Users", recordID: "\(i)")) }
        for i in 0..<3 { findings.append(Finding(.warning, .ambiguous, "ambiguous \(i)", system: "crm", entity: "People", recordID: "\(i)")) }
        for i in 0..<120 { findings.append(Finding(.info, .unmatched, "unmatched \(i)", system: "zendesk", entity: "Users", recordID: "u\(i)")) }
        return findings
    }()

    static func report() -> Report {
        let plan = Plan(operations: [], flows: [], datasets: [], findings: findings)
        return Report(workspace: "/ws", mode: "plan", options: Manifest.Options(), plan: plan, imports: [])
    }

    static func object(_ value: JSONValue) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(value.bytes())) as? [String: Any])
    }

    @Test("findings[] keeps at most 100 examples per code and dataset, in the plan's order")
    func examples() throws {
        let json = try Self.object(Self.report().json)
        let listed = try #require(json["findings"] as? [[String: Any]])
        #expect(listed.count == 1 + 100 + 3 + 100)
        let zendesk = listed.filter { $0["code"] as? String == "ambiguous" && $0["system"] as? String == "zendesk" }
        #expect(zendesk.map { $0["record_id"] as? String } == (0..<100).map { "\($0)" })
        #expect(json["findings_total"] as? Int == Self.findings.count)
        #expect(json["findings_file"] as? String == "findings.jsonl.gz")
    }

    @Test("finding_counts counts every finding by severity, code and dataset, and summary by severity")
    func counts() throws {
        let json = try Self.object(Self.report().json)
        let counts = try #require(json["finding_counts"] as? [[String: Any]])
        let rows = counts.map { "\($0["severity"]!) \($0["code"]!) \($0["system"] ?? "-").\($0["entity"] ?? "-") \($0["count"]!)" }
        #expect(rows == ["error spec -.- 1", "warning ambiguous crm.People 3", "warning ambiguous zendesk.Users 250", "info unmatched zendesk.Users 120"])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["error": 1, "warning": 253, "info": 120])
    }

    @Test("report.md and report.html group findings by severity, code and dataset: counts, what to do, a few examples")
    func groupedForPeople() throws {
        let report = Self.report()
        let markdown = report.markdown
        let table = markdown.components(separatedBy: "## Findings\n\n")[1].split(separator: "\n").prefix(6).map(String.init)
        #expect(table == [
            "| severity | code | dataset | findings |", "|---|---|---|---:|", "| error | `spec` |  | 1 |",
            "| warning | `ambiguous` | crm.People | 3 |", "| warning | `ambiguous` | zendesk.Users | 250 |", "| info | `unmatched` | zendesk.Users | 120 |",
        ])
        #expect(markdown.contains("### warning `ambiguous` · zendesk.Users: 250\n\n" + Report.advice(.ambiguous)! + "\n\n- **warning** `ambiguous` ambiguous 0 (zendesk.Users 0)\n"))
        #expect(markdown.contains("- … and 245 more in findings.jsonl.gz\n"))
        #expect(markdown.contains("### info `unmatched` · zendesk.Users: 120"), "info findings are there too, not crowded out")
        let examples = markdown.split(separator: "\n").filter { $0.hasPrefix("- **") }
        #expect(examples.count == 1 + 3 + 5 + 5, "at most \(Report.examplesShown) a group")

        let html = report.html
        #expect(html.contains("<tr><td class=\"warning\">warning</td><td><code>ambiguous</code></td><td>zendesk.Users</td><td class=\"n\">250</td></tr>"))
        #expect(html.contains("… and 115 more in findings.jsonl.gz"))
        #expect(html.components(separatedBy: "<details class=\"group\">").count - 1 == 4, "one section per group")
    }

    @Test("identities[] keeps the first 100 merged identities; identities.jsonl.gz has every one, with the same keys")
    func identities() throws {
        let users = DatasetKey(system: "zendesk", entity: "Users")
        var plan = Plan(operations: [], flows: [], datasets: [], findings: [])
        plan.identities = (0..<150).map { n in
            Plan.Identity(dataset: users, id: "u\(n)", members: [
                .init(dataset: DatasetKey(system: "po", entity: "Contactperson"), id: "c\(n)", flow: "po.Contactperson → zendesk.Users"),
                .init(dataset: DatasetKey(system: "po", entity: "Customers person"), id: "p\(n)", flow: "po.Customers person → zendesk.Users"),
            ])
        }
        let report = Report(workspace: "/ws", mode: "run", options: Manifest.Options(), plan: plan, imports: [])
        let json = try Self.object(report.json)
        let listed = try #require(json["identities"] as? [[String: Any]])
        #expect(listed.map { $0["id"] as? String } == (0..<100).map { "u\($0)" })
        #expect(json["identities_total"] as? Int == 150 && json["identities_file"] as? String == "identities.jsonl.gz")
        let text = String(decoding: try Gzip.inflate(try report.identityLines(level: 6), file: "identities.jsonl.gz"), as: UTF8.self)
        let lines = try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(lines.count == 150)
        #expect(NSDictionary(dictionary: lines[7]).isEqual(to: listed[7]), "a line is the object identities[] has")
        #expect((lines[149]["linked_from"] as? [[String: Any]])?.map { $0["id"] as? String } == ["c149", "p149"])
    }

    @Test("findings.jsonl.gz holds every finding, one object a line, with the keys findings[] uses")
    func everyFinding() throws {
        let report = Self.report()
        let text = String(decoding: try Gzip.inflate(try report.findingLines(level: 6), file: "findings.jsonl.gz"), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == Self.findings.count)
        #expect(text.hasSuffix("\n"))
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        #expect(last["message"] as? String == "unmatched 119")
        #expect(last["record_id"] as? String == "u119")
        #expect(String(lines[1]) == report.json(Self.findings[1]).serialized())
    }
}
