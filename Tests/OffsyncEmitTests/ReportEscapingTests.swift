import OffsyncDiagnostics
import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import Testing

@testable import OffsyncEmit
@testable import OffsyncPlan

/// Ids, values and file names come from the exports: the reports show them as text, never as
/// markup a viewer would run or render.
@Suite("data in the reports is escaped")
struct ReportEscapingTests {
    static let script = "<script>alert(1)</script>"
    static let markup = "*bold* [x](y) | pipe"

    static func report() -> Report {
        let key = DatasetKey(system: "crm", entity: "People")
        let findings = [
            Finding(.info, .unmatched, "crm.People \(script) has no Users with equal merge values",
                    system: "crm", entity: "People", recordID: script, location: OffsyncDiagnostics.SourceLocation(file: "/ws/dumps/a|b.json", line: 3)),
            Finding(.warning, .conflict, "'name' = \(markup) and 'name' = line one\nline two differ",
                    system: "crm", entity: "People", recordID: "r|1"),
        ]
        let hostile = #""><img src=x onerror=alert(1)>"#
        var property = PropertySummary(source: "name\(script)", target: "navn", dataType: nil, differing: 1)
        property.toTarget = 1
        property.examples = [PropertySummary.ChangeExample(
            sourceID: script, targetID: "t'\"1", sourceValue: hostile, targetValue: "\(markup)", direction: "to_target", reason: "a <b>newer</b> stamp")]
        var flow = FlowSummary(
            name: "f", source: key, target: DatasetKey(system: "zd<i>", entity: "Users"), document: nil, counts: FlowCounts(), properties: [property])
        flow.conflicts = [FlowSummary.ConflictExample(
            sourceID: "c|\(script)", targetID: "t2", source: "name", target: "navn", sourceValue: hostile, targetValue: markup,
            baseline: .differsFromBoth, sourceStamp: "<u>2024</u>", targetStamp: nil, direction: "to_target", reason: "changed later in the <em>source</em>")]
        flow.ambiguities = [FlowSummary.AmbiguityExample(
            source: .init(id: "a\(script)", values: [.init(property: "email", value: hostile)]),
            candidates: [.init(id: "t|<s>3", values: [.init(property: "mail", value: markup)]), .init(id: "t4", values: [.init(property: "mail", value: nil)])])]
        let plan = Plan(
            operations: [], flows: [flow],
            datasets: [DatasetSummary(key: key, files: [InputFile(path: "/ws/dumps/a|b <i>.json", bytes: 1, records: 1, sha256: "")], records: 2, invalid: 0)],
            findings: findings)
        return Report(workspace: "/ws", mode: "run", options: Manifest.Options(), plan: plan, imports: [("import/crm/Pe|ople.update.jsonl.gz", 1)])
    }

    /// The `|` that separate a Markdown table row's cells (those not escaped).
    static func cellSeparators(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test("report.md escapes HTML and Markdown in ids, values, messages and file names; table cells hold")
    func markdown() throws {
        let markdown = Self.report().markdown
        #expect(!markdown.contains("<script>") && !markdown.contains("<i>") && !markdown.contains("<img") && !markdown.contains("<u>")
            && !markdown.contains("<em>") && !markdown.contains("<s>"))
        #expect(markdown.contains("crm.People &lt;script&gt;alert(1)&lt;/script&gt; has no Users"))
        #expect(markdown.contains(#"'name' = \*bold\* \[x\](y) \| pipe and 'name' = line one<br>line two differ"#))
        #expect(markdown.contains(#"(crm.People r\|1)"#))
        #expect(markdown.contains(#"(crm.People &lt;script&gt;alert(1)&lt;/script&gt; · dumps/a\|b.json:3)"#))
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("line two") }, "a line break in a value does not end the list item")
        let lines = markdown.split(separator: "\n")
        let dataset = try #require(lines.first { $0.hasPrefix("| crm.People |") })
        #expect(dataset.contains(#"dumps/a\|b &lt;i&gt;.json"#))
        #expect(Self.cellSeparators(dataset) == 5, "four cells")
        let importFile = try #require(lines.first { $0.hasPrefix("| import/") })
        #expect(Self.cellSeparators(importFile) == 3, "two cells")
        // Conflicts and ambiguous matches side by side: table rows that hold their cells.
        let conflict = try #require(lines.first { $0.hasPrefix(#"| c\|&lt;script&gt;"#) })
        #expect(Self.cellSeparators(conflict) == 10, "nine cells")
        #expect(conflict.contains("differs from both") && conflict.contains("&lt;u&gt;2024&lt;/u&gt;"))
        let ambiguity = try #require(lines.first { $0.hasPrefix("| a&lt;script&gt;") })
        #expect(Self.cellSeparators(ambiguity) == 4, "three cells")
        #expect(ambiguity.contains(#"t\|&lt;s&gt;3 (mail = \*bold\* \[x\](y) \| pipe)<br>t4 (mail = (none))"#))
    }

    @Test("report.html escapes every value from the data; the template inserts nothing raw")
    func html() {
        let html = Self.report().html
        #expect(html.components(separatedBy: "<script").count == 2, "the template's own script only")
        #expect(!html.contains("<i>") && !html.contains("<u>") && !html.contains("<em>") && !html.contains("<s>"))
        #expect(html.contains("crm.People &lt;script&gt;alert(1)&lt;/script&gt; has no Users"))
        #expect(html.contains("dumps/a|b &lt;i&gt;.json"))
        #expect(html.contains("*bold* [x](y) | pipe"))
        #expect(!Report.htmlTemplate.contains("{{{") && !Report.htmlTemplate.contains("{{&"))
        // A property's change: record ids, both values and the reason, as text.
        #expect(!html.contains("<img") && !html.contains("<b>") && !html.contains("zd<i>"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; ↔ t&#39;&quot;1"))
        #expect(html.contains("a &lt;b&gt;newer&lt;/b&gt; stamp"))
        // A conflict and an ambiguous match, every value as text.
        #expect(html.contains("<td>c|&lt;script&gt;alert(1)&lt;/script&gt;</td><td>t2</td>"))
        #expect(html.contains("<td>&lt;u&gt;2024&lt;/u&gt;</td>") && html.contains("changed later in the &lt;em&gt;source&lt;/em&gt;"))
        #expect(html.contains("<div>t|&lt;s&gt;3: mail = *bold* [x](y) | pipe</div>"))
        #expect(html.contains("<td>a&lt;script&gt;alert(1)&lt;/script&gt;</td><td>email = &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>"))
    }

    @Test("Markdown text: entities for HTML, backslashes for inline markup, <br> for line breaks")
    func markdownText() {
        #expect(Report.markdownText(##"a<b>&c *d* _e_ `f` [g](h) | i ~j~ $k$ \l #m !n"##)
            == ##"a&lt;b&gt;&amp;c \*d\* \_e\_ \`f\` \[g\](h) \| i \~j\~ \$k\$ \\l \#m \!n"##)
        #expect(Report.markdownText("one\r\ntwo\nthree\rfour") == "one<br>two<br>three<br>four")
        #expect(Report.markdownText("offsync:crm/People/12 1-7 a.b") == "offsync:crm/People/12 1-7 a.b")
    }
}
