import Foundation
import OffsyncPipeline
import Testing

/// report.html read back as a person's browser would show it: its numbers are report.json's,
/// its verdict names what blocks, and it fetches nothing.
@Suite("report.html says what report.json says")
struct ReportHTMLTests {
    typealias Scratch = SampleRunTests.Scratch

    /// The texts of the cells of each row of the first table after `heading`, headers first.
    static func table(after heading: String, in html: String) throws -> [[String]] {
        let start = try #require(html.range(of: heading)).upperBound
        let table = try #require(html[start...].range(of: "<table")).lowerBound
        let end = try #require(html[table...].range(of: "</table>")).lowerBound
        let cell = try Regex(#"<t[hd][^>]*>(.*?)</t[hd]>"#)
        return html[table..<end].components(separatedBy: "<tr").dropFirst().map { row in
            row.matches(of: cell).map { String($0.output[1].substring ?? "") }
        }
    }

    @Test("each flow's row holds its counts from report.json; the verdict names what blocks; nothing is fetched")
    func numbersAgree() throws {
        let scratch = try Scratch()
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run)
        let html = try String(contentsOfFile: scratch.output("out") + "/report.html", encoding: .utf8)
        let json = try SampleRunTests.reportJSON(scratch.output("out"))
        let flows = try #require(json["flows"] as? [[String: Any]])

        let rows = try Self.table(after: "<h2>Flows</h2>", in: html)
        let headers = try #require(rows.first)
        #expect(rows.count - 1 == flows.count)
        for (row, flow) in zip(rows.dropFirst(), flows) {
            #expect(row[0] == "\(flow["source"]!) → \(flow["target"]!)")
            let counts = try #require(flow["counts"] as? [String: Int])
            #expect(Set(headers.dropFirst()) == Set(counts.keys))
            for (header, value) in zip(headers.dropFirst(), row.dropFirst()) {
                #expect(Int(value) == counts[header], "\(row[0]) \(header)")
            }
        }

        let ambiguous = flows.compactMap { ($0["counts"] as? [String: Int])?["ambiguous"] }.reduce(0, +)
        #expect(ambiguous > 0)
        let verdict = try #require(html.firstMatch(of: try Regex(#"<p class="verdict blocked">(.*?)</p>"#))?.output[1].substring)
        #expect(verdict.hasPrefix("Not ready: ") && verdict.contains("\(ambiguous) ambiguous"), "\(verdict)")

        let findings = try Self.table(after: "<h2>Findings</h2>", in: html).dropFirst()
        let counts = try #require(json["finding_counts"] as? [[String: Any]])
        #expect(findings.map { Int($0[3]) } == counts.map { $0["count"] as? Int })

        // Inputs and the files written before the reports, with manifest.json's checksums.
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.output("out") + "/manifest.json"))) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let outputs = try #require(manifest["outputs"] as? [[String: Any]]).filter { !($0["path"] as! String).hasPrefix("report.") }
        #expect(!inputs.isEmpty && outputs.count > 2)
        for file in inputs + outputs {
            #expect(html.contains("<td><code>\(file["path"]!)</code></td><td class=\"n\">\(file["bytes"]!)</td>"), "\(file["path"]!)")
            #expect(html.contains("<code class=\"hash\">\(file["sha256"]!)</code>"), "\(file["path"]!)")
        }
        // Each flow's bar: its parts add up to the whole.
        let bars = html.matches(of: try Regex(#"<svg class="bar"[^>]*>(.*?)</svg>"#)).map { String($0.output[1].substring ?? "") }
        #expect(bars.count == flows.count)
        for bar in bars {
            let widths = bar.matches(of: try Regex(#"width="([0-9.]+)""#)).compactMap { Double($0.output[1].substring ?? "") }
            #expect(widths.isEmpty || abs(widths.reduce(0, +) - 100) < 0.1, "\(widths)")
        }

        // Each flow's ambiguous matches side by side: report.json's, candidates and all.
        for flow in flows {
            let ambiguous = try #require(flow["ambiguous"] as? [[String: Any]])
            guard !ambiguous.isEmpty else { continue }
            let rows = try Self.table(after: "\(flow["source"]!) → \(flow["target"]!): ambiguous matches", in: html).dropFirst()
            #expect(rows.count == ambiguous.count)
            for (row, match) in zip(rows, ambiguous) {
                let source = try #require(match["source"] as? [String: Any])
                let candidates = try #require(match["candidates"] as? [[String: Any]])
                #expect(row[0] == source["id"] as? String)
                #expect(!candidates.isEmpty)
                for candidate in candidates { #expect(row[2].contains("<div>\(candidate["id"]!): "), "\(row[2])") }
            }
        }

        for external in ["http://", "https://", "src=", "href=", "url(", "@import", "<link", "fetch(", "XMLHttpRequest"] {
            #expect(!html.contains(external), "report.html refers to \(external)")
        }
        #expect(html.components(separatedBy: "<script").count == 2, "one inline script, for sorting and filtering")
    }
}
