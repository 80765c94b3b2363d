import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncSpec
import Testing

@testable import OffsyncIngest

/// Ids and values that a spreadsheet would run as a formula, or that read as markup, travel
/// exactly into import files and `offsync links`, and are reported rather than altered.
@Suite("data files carry values exactly")
struct ExactValuesTests {
    static let hyperlink = #"=HYPERLINK("http://e.x","a")"#
    static let script = "<script>alert(1)</script>"
    static let markup = "*bold* [x](y) | pipe"

    /// A workspace of two small JSON exports: crm.People updates shop.Users, which imports CSV.
    final class Workspace {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("offsync-exact-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try write("offsync.yaml", """
                version: 1
                systems:
                  crm:
                    datasets:
                      People: { files: people.json, id: id }
                  shop:
                    datasets:
                      Users: { files: users.json, id: id, correlation: ref, output: csv }
                dataflows:
                  - source: crm.People
                    target: shop.Users
                    properties: { name: name, phone: tel }
                    merge:
                      - { email: mail }
                options:
                  conflicts: source-wins
                  circuit-breaker: 1.0

                """)
            try json("people.json", [
                ["id": ExactValuesTests.hyperlink, "email": "a@x.no", "name": "@SUM(A1)", "phone": "-x"],
                ["id": "-12.5", "email": "b@x.no", "name": "-12.5", "phone": "+47 912 34 567"],
                ["id": ExactValuesTests.script, "email": "c@x.no", "name": "c", "phone": "3"],
                ["id": ExactValuesTests.markup, "email": "d@x.no", "name": "d", "phone": "4"],
            ])
            try json("users.json", [
                ["id": "-x", "mail": "a@x.no", "name": "old", "tel": "1"],
                ["id": "@u2", "mail": "b@x.no", "name": "x", "tel": "2"],
            ])
        }

        func write(_ name: String, _ text: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func json(_ name: String, _ records: [[String: String]]) throws {
            try JSONSerialization.data(withJSONObject: records, options: [.sortedKeys]).write(to: folder.appendingPathComponent(name))
        }

        func output(_ name: String) -> String { folder.appendingPathComponent("out-" + name).path }

        /// A CSV file read back the way offsync reads exports: id → record's fields as text.
        func readCSV(_ path: String, id: String) throws -> [String: [String: String]] {
            var loader = DatasetLoader(root: folder.path)
            let dataset = try #require(try loader.load([DatasetSpec(key: DatasetKey(system: "read", entity: "back"), files: [path], id: id)]).first)
            #expect(dataset.findings.isEmpty, "\(dataset.findings)")
            var records: [String: [String: String]] = [:]
            for record in dataset.records {
                var fields: [String: String] = [:]
                for (index, name) in dataset.paths.names.enumerated() {
                    if let text = record.value(at: Int32(index))?.text { fields[name] = text }
                }
                records[record.id] = fields
            }
            return records
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("=HYPERLINK, -x and @SUM travel exactly into JSONL and CSV import files and `offsync links`; CSV outputs report them per column")
    func exactValues() throws {
        let workspace = try Workspace()
        let out = workspace.output("run")
        _ = try Pipeline.execute(workspace: workspace.folder.path, output: out, mode: .run)

        let lines = try UploadRoundTripTests.importLines(out, "import/shop/Users.update.jsonl.gz")
        #expect(lines.map { $0["_id"] as? String } == ["-x", "@u2"])
        #expect(lines.map { $0["name"] as? String } == ["@SUM(A1)", "-12.5"])
        #expect(lines.map { $0["tel"] as? String } == ["-x", "+47 912 34 567"])

        let csv = try workspace.readCSV(out + "/import/shop/Users.update.csv.gz", id: "_id")
        #expect(csv["-x"]?["name"] == "@SUM(A1)" && csv["-x"]?["tel"] == "-x" && csv["-x"]?["$based_on.name"] == "old")
        #expect(csv["@u2"]?["name"] == "-12.5" && csv["@u2"]?["tel"] == "+47 912 34 567")
        #expect(csv.count == 2)

        try workspace.write("links.csv", try Pipeline.linksCSV(workspace: workspace.folder.path))
        let links = try workspace.readCSV("links.csv", id: "source_id")
        #expect(links[Self.hyperlink]?["target_id"] == "-x")
        #expect(links["-12.5"]?["target_id"] == "@u2")

        // One grouped warning per column of the CSV output; the plain number -12.5 is not one.
        let findings = try #require(try SampleRunTests.reportJSON(out)["findings"] as? [[String: Any]])
        let formulas = findings.filter { $0["code"] as? String == "formula_like" }
        #expect(formulas.allSatisfy { $0["severity"] as? String == "warning" && $0["system"] as? String == "shop" && $0["entity"] as? String == "Users" })
        let messages = formulas.compactMap { $0["message"] as? String }.sorted()
        #expect(messages.count == 3)
        #expect(messages.contains { $0.hasPrefix("1 value of 'name' in the CSV import files of shop.Users") && $0.contains("records -x.") })
        #expect(messages.contains { $0.hasPrefix("2 values of '_id' in the CSV import files of shop.Users") && $0.contains("records -x, @u2.") })
        #expect(messages.contains { $0.hasPrefix("2 values of 'tel' in the CSV import files of shop.Users") })
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("`formula_like` 2 values of 'tel'"))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<code>formula_like</code></td><td>2 values of &#39;tel&#39;"))
    }

    @Test("a JSONL-only dataset's formula-like values are not reported: no spreadsheet reads them")
    func jsonOnly() throws {
        let workspace = try Workspace()
        let manifest = workspace.folder.appendingPathComponent("offsync.yaml")
        try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: ", output: csv", with: "")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let plan = try Pipeline.check(workspace: workspace.folder.path)
        #expect(!plan.findings.contains { $0.code == .formulaLike })
        #expect(plan.operations.count == 2)
    }

    @Test("record ids that read as HTML or Markdown are escaped in report.md and report.html")
    func escapedReports() throws {
        let workspace = try Workspace()
        let out = workspace.output("plan")
        _ = try Pipeline.execute(workspace: workspace.folder.path, output: out, mode: .plan)
        let findings = try #require(try SampleRunTests.reportJSON(out)["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["record_id"] as? String == Self.script }, "report.json keeps the id exactly")

        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(!markdown.contains(Self.script) && !markdown.contains(Self.markup))
        #expect(markdown.contains("crm.People &lt;script&gt;alert(1)&lt;/script&gt; has no Users"))
        #expect(markdown.contains(#"(crm.People \*bold\* \[x\](y) \| pipe · people.json:1)"#))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!html.contains(Self.script))
        #expect(html.contains("crm.People &lt;script&gt;alert(1)&lt;/script&gt; has no Users"))
    }
}
