import Mustache
import OffsyncDiagnostics
import OffsyncPlan

extension Report {
    private var countColumns: [String] { FlowCounts().named.map(\.0) }

    private func place(_ finding: Finding) -> String {
        var parts: [String] = []
        if let system = finding.system, let entity = finding.entity {
            parts.append("\(system).\(entity)" + (finding.recordID.map { " \($0)" } ?? ""))
        }
        if var location = finding.location {
            location.file = relative(location.file)
            parts.append(location.description)
        }
        return parts.joined(separator: " · ")
    }

    public var markdown: String {
        var out = "# offsync report\n\nMode: \(mode) · conflicts: \(options.conflicts.rawValue) · "
        out += "findings: " + severityCounts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") + "\n\n"
        out += "**\(plan.verdict)**\n\n"
        if plan.breaker.tripped {
            out += forced
                ? "**The circuit breaker tripped and was overridden** (`--force`): the import files below were written anyway.\n\n"
                : "**The circuit breaker tripped**: no import files are written without `--force`.\n\n"
            out += plan.breaker.explanation.map { "- \(Self.markdownText($0))\n" }.joined() + "\n"
        }
        out += "## Flows\n\n| flow | " + countColumns.joined(separator: " | ") + " |\n"
        out += "|---|" + countColumns.map { _ in "---:" }.joined(separator: "|") + "|\n"
        for flow in plan.flows {
            out += "| \(Self.markdownText("\(flow.source) → \(flow.target)")) | " + flow.counts.named.map { String($0.1) }.joined(separator: " | ") + " |\n"
        }
        out += markdownChanges
        out += "\n## Datasets\n\n| dataset | files | records | invalid |\n|---|---|---:|---:|\n"
        for dataset in plan.datasets {
            let files = dataset.files.map { relative($0.path) }.joined(separator: ", ")
            out += "| \(Self.markdownText(dataset.key.description)) | \(Self.markdownText(files)) | \(dataset.records) | \(dataset.invalid) |\n"
        }
        out += "\n## Import files\n\n"
        if imports.isEmpty { out += "None.\n" } else {
            out += "| file | records |\n|---|---:|\n"
            for file in imports { out += "| \(Self.markdownText(file.path)) | \(file.records) |\n" }
        }
        if !uploads.isEmpty {
            out += "\n## Upload order\n\nCreates first, referenced datasets before those that reference them; then updates; then deletes. "
            out += "Acknowledge each create's receipt (`offsync ack`) and run again to fill in references to the records it created.\n\n"
            for (step, file) in uploads.enumerated() { out += "\(step + 1). \(Self.markdownText(file.path)) (\(file.records))\n" }
        }
        out += "\n## Findings\n\n"
        let groups = findingGroups
        if groups.isEmpty { out += "None.\n" } else {
            out += "| severity | code | dataset | findings |\n|---|---|---|---:|\n"
            for group in groups {
                out += "| \(group.count.severity.rawValue) | `\(group.count.code.rawValue)` | \(Self.markdownText(group.dataset)) | \(group.count.count) |\n"
            }
        }
        for group in groups {
            out += "\n### \(group.count.severity.rawValue) `\(group.count.code.rawValue)`"
                + (group.dataset.isEmpty ? "" : " · \(Self.markdownText(group.dataset))") + ": \(group.count.count)\n\n"
            if let advice = Self.advice(group.count.code) { out += advice + "\n\n" }
            for finding in group.examples {
                out += "- **\(finding.severity.rawValue)** `\(finding.code.rawValue)` \(Self.markdownText(finding.message))"
                let where_ = place(finding)
                out += where_.isEmpty ? "\n" : " (\(Self.markdownText(where_)))\n"
            }
            if group.more > 0 { out += "- … and \(group.more) more in \(Self.findingsFile)\n" }
        }
        return out
    }

    /// Per flow: the properties that change with their first examples, then the first
    /// conflicts and ambiguous matches side by side (report.json and report.html hold more).
    private var markdownChanges: String {
        let text = Self.markdownText
        func quoted(_ value: String?) -> String { value.map { "“" + text($0) + "”" } ?? "(none)" }
        var out = ""
        for flow in plan.flows {
            let changing = flow.properties.filter { $0.differing > 0 }
            guard !changing.isEmpty || !flow.ambiguities.isEmpty else { continue }
            if out.isEmpty { out += "\n## Changes, conflicts and ambiguous matches\n" }
            out += "\n### \(text("\(flow.source) → \(flow.target)"))\n\n"
            if !changing.isEmpty {
                out += "| source | target | linked pairs differing | to target | to source |\n|---|---|---:|---:|---:|\n"
                for property in changing {
                    out += "| `\(text(property.source))` | `\(text(property.target))` | \(property.differing) | \(property.toTarget) | \(property.toSource) |\n"
                }
                out += "\n"
                for property in changing {
                    for example in property.examples.prefix(Self.markdownExamples) {
                        out += "- `\(text(property.source))` \(text(example.sourceID)) ↔ \(text(example.targetID)): "
                            + "\(quoted(example.sourceValue)) / \(quoted(example.targetValue)) → "
                            + "\(Self.words(example.direction)) (\(text(example.reason)))\n"
                    }
                }
            }
            if !flow.conflicts.isEmpty {
                out += "\n**Conflicts** (\(flow.counts.conflict) pairs; the first \(min(flow.conflicts.count, Self.markdownExamples)) properties):\n\n"
                out += "| source id | target id | property | source value | target value | baseline | source stamp | target stamp | decision |\n"
                out += "|---|---|---|---|---|---|---|---|---|\n"
                for conflict in flow.conflicts.prefix(Self.markdownExamples) {
                    out += "| \(text(conflict.sourceID)) | \(text(conflict.targetID)) | `\(text(conflict.source))` / `\(text(conflict.target))` | "
                        + "\(quoted(conflict.sourceValue)) | \(quoted(conflict.targetValue)) | \(Self.baselineText(conflict.baseline)) | "
                        + "\(text(conflict.sourceStamp ?? "")) | \(text(conflict.targetStamp ?? "")) | "
                        + "\(Self.words(conflict.direction)): \(text(conflict.reason)) |\n"
                }
            }
            if !flow.ambiguities.isEmpty {
                out += "\n**Ambiguous matches** (\(flow.counts.ambiguous); the first \(min(flow.ambiguities.count, Self.markdownExamples))):\n\n"
                out += "| \(text(flow.source.description)) record | merge values | matching \(text(flow.target.description)) records |\n|---|---|---|\n"
                for ambiguity in flow.ambiguities.prefix(Self.markdownExamples) {
                    out += "| \(text(ambiguity.source.id)) | \(text(Self.valuesText(ambiguity.source))) | "
                        + ambiguity.candidates.map { text("\($0.id) (\(Self.valuesText($0)))") }.joined(separator: "<br>") + " |\n"
                }
            }
        }
        return out
    }

    /// Examples per flow and kind in report.md, kept to what a ticket or an email holds.
    static let markdownExamples = 10

    /// A direction as report.json names it (`to_target`), in words (`to target`).
    static func words(_ direction: String) -> String { direction.replacingOccurrences(of: "_", with: " ") }

    static func baselineText(_ baseline: FlowSummary.ConflictExample.Baseline) -> String {
        switch baseline {
        case .none: "none yet"
        case .differsFromBoth: "differs from both"
        }
    }

    /// A record's merge values as `property = value, …`.
    static func valuesText(_ side: FlowSummary.AmbiguityExample.Side) -> String {
        side.values.map { "\($0.property) = \($0.value ?? "(none)")" }.joined(separator: ", ")
    }

    /// Text from the data (ids, values, file names, messages that embed them) as Markdown shows
    /// it literally: inline punctuation backslash-escaped (`|` too, so a table cell holds), `<`,
    /// `>` and `&` as entities so no HTML passes, and line breaks as `<br>` so a list item or
    /// table row stays one line.
    static func markdownText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\r": out += "<br>"
            case "\n": if !afterCR { out += "<br>" }
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$", "#", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public var html: String {
        // Each file once, though two datasets read it (Customers and Customers person).
        var seen = Set<String>()
        let inputs = plan.datasets.flatMap(\.files).filter { seen.insert($0.path).inserted }
        let context: [String: Any] = [
            "mode": mode,
            "conflicts": options.conflicts.rawValue,
            "breaker": plan.breaker.explanation,
            "tripped": plan.breaker.tripped,
            "forced": forced,
            "verdict": plan.verdict,
            "ready": plan.blockers.isEmpty,
            "summary": severityCounts.map { ["severity": $0.0.rawValue, "count": $0.1] },
            "columns": countColumns,
            "flows": plan.flows.map { flow -> [String: Any] in
                [
                    "name": "\(flow.source) → \(flow.target)",
                    "counts": flow.counts.named.map { ["value": $0.1, "zero": $0.1 == 0] },
                    "bar": Self.bar(flow.counts),
                    "conflictPairs": flow.counts.conflict, "ambiguousCount": flow.counts.ambiguous,
                    "hasConflicts": !flow.conflicts.isEmpty, "hasAmbiguities": !flow.ambiguities.isEmpty,
                    "conflicts": flow.conflicts.map { conflict -> [String: Any] in
                        [
                            "sourceID": conflict.sourceID, "targetID": conflict.targetID, "source": conflict.source, "target": conflict.target,
                            "sourceValue": conflict.sourceValue ?? "", "targetValue": conflict.targetValue ?? "",
                            "baseline": Self.baselineText(conflict.baseline), "sourceStamp": conflict.sourceStamp ?? "",
                            "targetStamp": conflict.targetStamp ?? "", "direction": Self.words(conflict.direction),
                            "reason": conflict.reason,
                        ]
                    },
                    "ambiguous": flow.ambiguities.map { ambiguity -> [String: Any] in
                        [
                            "sourceID": ambiguity.source.id, "values": Self.valuesText(ambiguity.source),
                            "candidates": ambiguity.candidates.map { ["id": $0.id, "values": Self.valuesText($0)] },
                        ]
                    },
                    "properties": flow.properties.map { property -> [String: Any] in
                        [
                            "source": property.source, "target": property.target, "type": property.dataType ?? "",
                            "differing": property.differing, "toTarget": property.toTarget, "toSource": property.toSource,
                            "examples": property.examples.map { example in
                                [
                                    "sourceID": example.sourceID, "targetID": example.targetID, "sourceValue": example.sourceValue ?? "",
                                    "targetValue": example.targetValue ?? "", "direction": Self.words(example.direction),
                                    "reason": example.reason,
                                ]
                            },
                        ]
                    },
                ]
            },
            "datasets": plan.datasets.map {
                ["name": $0.key.description, "files": $0.files.map { relative($0.path) }.joined(separator: ", "),
                 "records": $0.records, "invalid": $0.invalid]
            },
            "imports": imports.map { ["path": $0.path, "records": $0.records] },
            "hasUploads": !uploads.isEmpty,
            "uploads": uploads.map { ["path": $0.path, "records": $0.records] },
            "inputs": inputs.map { ["path": relative($0.path), "bytes": $0.bytes, "records": $0.records, "sha256": $0.sha256] },
            "outputs": written.map { ["path": $0.path, "bytes": $0.bytes, "records": $0.records.map(String.init) ?? "", "sha256": $0.sha256] },
            "options": [
                ["name": "conflicts", "value": options.conflicts.rawValue], ["name": "circuit-breaker", "value": String(options.circuitBreaker)],
                ["name": "deletes", "value": options.deletes.rawValue], ["name": "compression-level", "value": String(options.compressionLevel)],
                ["name": "--force", "value": forced ? "used (the breaker tripped)" : "not needed"],
            ],
            "groups": findingGroups.map { group -> [String: Any] in
                [
                    "severity": group.count.severity.rawValue, "code": group.count.code.rawValue, "dataset": group.dataset,
                    "count": group.count.count, "advice": Self.advice(group.count.code)?.replacingOccurrences(of: "`", with: "") ?? "",
                    "findings": group.examples.map {
                        ["severity": $0.severity.rawValue, "code": $0.code.rawValue, "message": $0.message, "place": place($0)]
                    },
                    "more": group.more > 0 ? "… and \(group.more) more in \(Self.findingsFile)" : "",
                ]
            },
        ]
        // The template is a constant of this module; a parse error is a programming error.
        let template = try! MustacheTemplate(string: Self.htmlTemplate)
        return template.render(context)
    }

    /// A flow's source records as parts of one bar, each in percent of their sum: linked in
    /// sync, linked with updates, conflicts, to create, ambiguous, unmatched.
    static func bar(_ counts: FlowCounts) -> [[String: Any]] {
        let updated = max(0, counts.linked - counts.unchanged - counts.conflict)
        let parts: [(String, String, Int)] = [
            ("in sync", "sync", counts.unchanged), ("updated", "updated", updated), ("conflict", "conflict", counts.conflict),
            ("to create", "create", counts.create), ("ambiguous", "ambiguous", counts.ambiguous),
            ("unmatched", "unmatched", counts.unmatchedSource),
        ]
        let whole = max(1, parts.reduce(0) { $0 + $1.2 })
        var offset = 0.0
        return parts.filter { $0.2 > 0 }.map { label, kind, count in
            let width = 100 * Double(count) / Double(whole)
            defer { offset += width }
            return ["label": label, "kind": kind, "count": count, "x": String(format: "%.2f", offset), "width": String(format: "%.2f", width)]
        }
    }

    /// One self-contained page: inline style, a short inline script that sorts and filters the
    /// tables (the page reads fully without it), no network assets.
    static let htmlTemplate = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>offsync report</title>
        <style>
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #1d2330; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
        table { border-collapse: collapse; margin: .5em 0; }
        th, td { border: 1px solid #d5d9e0; padding: .25em .6em; text-align: left; vertical-align: top; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; } td.zero { color: #9aa1ad; }
        th { background: #f1f3f6; } .error { color: #b00020; } .warning { color: #8a5a00; } .info { color: #44617b; }
        details { margin: .3em 0; } code { background: #f1f3f6; padding: 0 .25em; }
        td.example { color: #4a5263; padding-left: 2em; }
        .card { margin: .8em 0 .2em; max-width: 60em; } .card-name { font-weight: 600; }
        svg.bar { width: 100%; height: 14px; display: block; margin: .3em 0; background: #f1f3f6; }
        .legend span { margin-right: 1em; white-space: nowrap; font-size: .9em; }
        .legend i { display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: -.05em; }
        .sync { fill: #9ccfa9; background: #9ccfa9; } .updated { fill: #4f9fd9; background: #4f9fd9; }
        .conflict { fill: #d9534f; background: #d9534f; } .create { fill: #8e7cc3; background: #8e7cc3; }
        .ambiguous { fill: #e8a33d; background: #e8a33d; } .unmatched { fill: #b8bec8; background: #b8bec8; }
        code.hash { font-size: .8em; }
        th.sorts { cursor: pointer; } th[data-order="up"]::after { content: " ▲"; } th[data-order="down"]::after { content: " ▼"; }
        #filter { float: right; width: 18em; padding: .3em .5em; font: inherit; }
        .verdict { font-size: 1.15em; font-weight: 600; padding: .6em .9em; border-radius: 4px; }
        .verdict.ready { background: #e3f4e8; color: #14532d; } .verdict.blocked { background: #fdecec; color: #8b1a1a; }
        @media print { #filter { display: none; } details { display: block; } details > * { display: block; } body { margin: 0; } }
        </style>
        </head>
        <body>
        <h1>offsync report</h1>
        <input id="filter" type="search" placeholder="Filter the tables and findings" hidden>
        <p class="verdict {{#ready}}ready{{/ready}}{{^ready}}blocked{{/ready}}">{{verdict}}</p>
        <p>Mode: {{mode}} · conflicts: {{conflicts}} · findings: {{#summary}}<span class="{{severity}}">{{count}} {{severity}}</span> {{/summary}}</p>
        {{#tripped}}{{#forced}}<p class="error"><strong>The circuit breaker tripped and was overridden</strong> (<code>--force</code>): the import files below were written anyway.</p>{{/forced}}{{^forced}}<p class="error"><strong>The circuit breaker tripped</strong>: no import files are written without <code>--force</code>.</p>{{/forced}}{{/tripped}}
        {{#breaker}}<p class="error">{{.}}</p>{{/breaker}}
        <h2>Flows</h2>
        <table class="sortable">
        <tr><th>flow</th>{{#columns}}<th>{{.}}</th>{{/columns}}</tr>
        {{#flows}}<tr><td>{{name}}</td>{{#counts}}<td class="n{{#zero}} zero{{/zero}}">{{value}}</td>{{/counts}}</tr>
        {{/flows}}
        </table>
        {{#flows}}
        <div class="card"><div class="card-name">{{name}}</div>
        <svg class="bar" viewBox="0 0 100 4" preserveAspectRatio="none" role="img">{{#bar}}<rect class="{{kind}}" x="{{x}}" y="0" width="{{width}}" height="4"><title>{{label}}: {{count}}</title></rect>{{/bar}}</svg>
        <div class="legend">{{#bar}}<span><i class="{{kind}}"></i>{{label}} {{count}}</span>{{/bar}}</div></div>
        <details><summary>{{name}}: properties</summary>
        <table><tr><th>source</th><th>target</th><th>data type</th><th>linked pairs differing</th><th>to target</th><th>to source</th></tr>
        {{#properties}}<tr><td><code>{{source}}</code></td><td><code>{{target}}</code></td><td>{{type}}</td><td class="n">{{differing}}</td><td class="n">{{toTarget}}</td><td class="n">{{toSource}}</td></tr>
        {{#examples}}<tr><td colspan="6" class="example">{{sourceID}} ↔ {{targetID}}: <q>{{sourceValue}}</q> / <q>{{targetValue}}</q> → {{direction}} ({{reason}})</td></tr>
        {{/examples}}{{/properties}}
        </table></details>
        {{#hasConflicts}}<details><summary>{{name}}: conflicts ({{conflictPairs}} linked pairs)</summary>
        <table class="sortable"><tr><th>source id</th><th>target id</th><th>property</th><th>source value</th><th>target value</th><th>baseline</th><th>source stamp</th><th>target stamp</th><th>decision</th></tr>
        {{#conflicts}}<tr><td>{{sourceID}}</td><td>{{targetID}}</td><td><code>{{source}}</code> / <code>{{target}}</code></td><td><q>{{sourceValue}}</q></td><td><q>{{targetValue}}</q></td><td>{{baseline}}</td><td>{{sourceStamp}}</td><td>{{targetStamp}}</td><td>{{direction}}: {{reason}}</td></tr>
        {{/conflicts}}
        </table></details>{{/hasConflicts}}
        {{#hasAmbiguities}}<details><summary>{{name}}: ambiguous matches ({{ambiguousCount}})</summary>
        <table class="sortable"><tr><th>source record</th><th>merge values</th><th>matching target records</th></tr>
        {{#ambiguous}}<tr><td>{{sourceID}}</td><td>{{values}}</td><td>{{#candidates}}<div>{{id}}: {{values}}</div>{{/candidates}}</td></tr>
        {{/ambiguous}}
        </table></details>{{/hasAmbiguities}}
        {{/flows}}
        <h2>Datasets</h2>
        <table class="sortable"><tr><th>dataset</th><th>files</th><th>records</th><th>invalid</th></tr>
        {{#datasets}}<tr><td>{{name}}</td><td>{{files}}</td><td class="n">{{records}}</td><td class="n">{{invalid}}</td></tr>
        {{/datasets}}
        </table>
        <h2>Import files</h2>
        <table class="sortable"><tr><th>file</th><th>records</th></tr>
        {{#imports}}<tr><td><code>{{path}}</code></td><td class="n">{{records}}</td></tr>
        {{/imports}}
        </table>
        {{#hasUploads}}<h2>Upload order</h2>
        <p>Creates first, referenced datasets before those that reference them; then updates; then deletes. Acknowledge each create's receipt (<code>offsync ack</code>) and run again to fill in references to the records it created.</p>
        <ol class="uploads">{{#uploads}}<li><code>{{path}}</code> ({{records}})</li>{{/uploads}}</ol>{{/hasUploads}}
        <h2>Inputs, outputs and options</h2>
        <table class="sortable"><tr><th>input</th><th>bytes</th><th>records</th><th>SHA-256</th></tr>
        {{#inputs}}<tr><td><code>{{path}}</code></td><td class="n">{{bytes}}</td><td class="n">{{records}}</td><td><code class="hash">{{sha256}}</code></td></tr>
        {{/inputs}}
        </table>
        <table class="sortable"><tr><th>output</th><th>bytes</th><th>records</th><th>SHA-256</th></tr>
        {{#outputs}}<tr><td><code>{{path}}</code></td><td class="n">{{bytes}}</td><td class="n">{{records}}</td><td><code class="hash">{{sha256}}</code></td></tr>
        {{/outputs}}
        </table>
        <table><tr><th>option</th><th>value</th></tr>
        {{#options}}<tr><td>{{name}}</td><td>{{value}}</td></tr>
        {{/options}}
        </table>
        <h2>Findings</h2>
        <table class="sortable"><tr><th>severity</th><th>code</th><th>dataset</th><th>findings</th></tr>
        {{#groups}}<tr><td class="{{severity}}">{{severity}}</td><td><code>{{code}}</code></td><td>{{dataset}}</td><td class="n">{{count}}</td></tr>
        {{/groups}}
        </table>
        {{#groups}}
        <details class="group"><summary><span class="{{severity}}">{{severity}}</span> <code>{{code}}</code> {{dataset}}: {{count}}</summary>
        <p>{{advice}}</p>
        <table class="sortable"><tr><th>severity</th><th>code</th><th>message</th><th>where</th></tr>
        {{#findings}}<tr><td class="{{severity}}">{{severity}}</td><td><code>{{code}}</code></td><td>{{message}}</td><td>{{place}}</td></tr>
        {{/findings}}
        </table>
        <p>{{more}}</p></details>
        {{/groups}}
        <script>
        // Sorting by a header and filtering by text, in the page: nothing is fetched.
        (function () {
          var tables = Array.prototype.slice.call(document.querySelectorAll("table.sortable"));
          tables.forEach(function (table) {
            Array.prototype.forEach.call(table.rows[0].cells, function (th, column) {
              th.className += " sorts";
              th.addEventListener("click", function () {
                var rows = Array.prototype.slice.call(table.rows, 1), up = th.getAttribute("data-order") !== "up";
                th.setAttribute("data-order", up ? "up" : "down");
                rows.sort(function (a, b) {
                  var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
                  var numbers = /^-?[0-9.]+$/.test(x) && /^-?[0-9.]+$/.test(y);
                  var order = numbers ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
                  return up ? order : -order;
                });
                rows.forEach(function (row) { row.parentNode.appendChild(row); });
              });
            });
          });
          var filter = document.getElementById("filter");
          filter.hidden = false;
          filter.addEventListener("input", function () {
            var text = filter.value.toLowerCase();
            tables.forEach(function (table) {
              Array.prototype.slice.call(table.rows, 1).forEach(function (row) {
                row.hidden = text !== "" && row.textContent.toLowerCase().indexOf(text) < 0;
              });
            });
            Array.prototype.forEach.call(document.querySelectorAll("details.group"), function (group) {
              group.hidden = text !== "" && group.textContent.toLowerCase().indexOf(text) < 0;
            });
          });
        })();
        </script>
        </body>
        </html>

        """
}
