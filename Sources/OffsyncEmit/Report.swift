import OffsyncDiagnostics
import OffsyncModel
import OffsyncPlan
import OffsyncSpec

/// What the reports say, built once from the plan and rendered as JSON, Markdown and HTML.
/// Paths are relative to the workspace, so a moved workspace gives the same bytes.
public struct Report: Sendable {
    public var workspace: String
    public var mode: String
    public var options: Manifest.Options
    public var plan: Plan
    /// Import files written (or, for `plan`, that would be written), with their record counts.
    public var imports: [(path: String, records: Int)]
    /// The JSON lines import files in the order to upload them (`Emitter.uploads`).
    public var uploads: [(path: String, records: Int)] = []
    /// Whether `--force` wrote the import files of a run whose circuit breaker tripped.
    public var forced = false
    /// The files written before the reports (import files, findings, identities), with their
    /// checksums, for report.html's list of outputs.
    public var written: [OutputFolder.WrittenFile] = []

    /// Findings per severity, most severe first, over every finding.
    public let severityCounts: [(Finding.Severity, Int)]
    /// Findings per severity, code and dataset (`finding_counts`).
    public let findingCounts: [FindingCount]
    /// The findings `report.json` lists: at most `examplesPerGroup` per code and dataset, in
    /// the plan's order. `findings.jsonl.gz` has every one.
    public let examples: [Finding]

    /// Examples per code and dataset in `report.json`: enough to see a problem's shape; the
    /// counts and `findings.jsonl.gz` have the rest.
    public static let examplesPerGroup = 100
    /// Where every finding is, one JSON object a line, beside `report.json`.
    public static let findingsFile = "findings.jsonl.gz"
    /// Every merged identity, one JSON object a line; `identities[]` has the first ones.
    public static let identitiesFile = "identities.jsonl.gz"

    public struct FindingCount: Sendable, Hashable {
        public var severity: Finding.Severity
        public var code: Finding.Code
        public var system: String?
        public var entity: String?
        public var count: Int
    }

    public init(workspace: String, mode: String, options: Manifest.Options, plan: Plan, imports: [(path: String, records: Int)]) {
        self.workspace = workspace
        self.mode = mode
        self.options = options
        self.plan = plan
        self.imports = imports
        struct Group: Hashable {
            var severity: Finding.Severity
            var code: Finding.Code
            var system: String?
            var entity: String?
        }
        var counts: [Group: Int] = [:]
        var bySeverity: [Finding.Severity: Int] = [:]
        var examples: [Finding] = []
        for finding in plan.findings {
            bySeverity[finding.severity, default: 0] += 1
            let group = Group(severity: finding.severity, code: finding.code, system: finding.system, entity: finding.entity)
            let seen = counts[group, default: 0]
            if seen < Self.examplesPerGroup { examples.append(finding) }
            counts[group] = seen + 1
        }
        severityCounts = Finding.Severity.allCases.reversed().map { ($0, bySeverity[$0] ?? 0) }
        findingCounts = counts.map { FindingCount(severity: $0.key.severity, code: $0.key.code, system: $0.key.system, entity: $0.key.entity, count: $0.value) }
            .sorted { a, b in
                if a.severity != b.severity { return a.severity > b.severity }
                return (a.code.rawValue, a.system ?? "", a.entity ?? "") < (b.code.rawValue, b.system ?? "", b.entity ?? "")
            }
        self.examples = examples
    }

    func relative(_ path: String) -> String {
        let root = workspace.hasSuffix("/") ? workspace : workspace + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    // MARK: report.json

    /// The documented schema (README, "Outputs"): `flows[]`, `datasets[]`, `findings[]`; keys are
    /// only ever added.
    public var json: JSONValue {
        .object([
            ("offsync", .object([("report_version", .int(1))])),
            ("mode", .string(mode)),
            ("options", .object([
                ("conflicts", .string(options.conflicts.rawValue)),
                ("circuit_breaker", .number(String(options.circuitBreaker))),
                ("deletes", .string(options.deletes.rawValue)),
                ("compression_level", .int(options.compressionLevel)),
            ])),
            ("circuit_breaker", .object([
                ("share", .number(String(plan.breaker.share))),
                ("tripped", .bool(plan.breaker.tripped)),
                ("forced", .bool(forced)),
                ("datasets", .array(plan.breaker.trips.map { trip in
                    .object([
                        ("system", .string(trip.dataset.system)), ("entity", .string(trip.dataset.entity)),
                        ("records", .int(trip.records)), ("deletes", .int(trip.deletes)), ("updates", .int(trip.updates)),
                        ("share", .number(String(trip.share))),
                    ])
                })),
            ])),
            ("flows", .array(plan.flows.map { flow in
                .object([
                    ("source", .string(flow.source.description)),
                    ("target", .string(flow.target.description)),
                    ("document", flow.document.map { .string(relative($0)) } ?? .null),
                    ("counts", .object(flow.counts.named.map { ($0, .int($1)) })),
                    ("properties", .array(flow.properties.map { property in
                        .object([
                            ("source", .string(property.source)),
                            ("target", .string(property.target)),
                            ("data_type", property.dataType.map { .string($0) } ?? .null),
                            ("differing", .int(property.differing)),
                            ("to_target", .int(property.toTarget)),
                            ("to_source", .int(property.toSource)),
                            ("examples", .array(property.examples.map { example in
                                .object([
                                    ("source_id", .string(example.sourceID)), ("target_id", .string(example.targetID)),
                                    ("source_value", example.sourceValue.map { .string($0) } ?? .null),
                                    ("target_value", example.targetValue.map { .string($0) } ?? .null),
                                    ("direction", .string(example.direction)), ("reason", .string(example.reason)),
                                ])
                            })),
                        ])
                    })),
                    ("conflicts", .array(flow.conflicts.map { conflict in
                        .object([
                            ("source_id", .string(conflict.sourceID)), ("target_id", .string(conflict.targetID)),
                            ("source", .string(conflict.source)), ("target", .string(conflict.target)),
                            ("source_value", conflict.sourceValue.map { .string($0) } ?? .null),
                            ("target_value", conflict.targetValue.map { .string($0) } ?? .null),
                            ("baseline", .string(conflict.baseline.rawValue)),
                            ("source_stamp", conflict.sourceStamp.map { .string($0) } ?? .null),
                            ("target_stamp", conflict.targetStamp.map { .string($0) } ?? .null),
                            ("direction", .string(conflict.direction)), ("reason", .string(conflict.reason)),
                        ])
                    })),
                    ("ambiguous", .array(flow.ambiguities.map { ambiguity in
                        .object([
                            ("source", Self.json(ambiguity.source)),
                            ("candidates", .array(ambiguity.candidates.map(Self.json(_:)))),
                        ])
                    })),
                ])
            })),
            ("datasets", .array(plan.datasets.map { dataset in
                .object([
                    ("system", .string(dataset.key.system)),
                    ("entity", .string(dataset.key.entity)),
                    ("files", .array(dataset.files.map { .string(relative($0.path)) })),
                    ("records", .int(dataset.records)),
                    ("invalid", .int(dataset.invalid)),
                ])
            })),
            ("identities", .array(plan.identities.prefix(Self.examplesPerGroup).map(Self.json(_:)))),
            ("identities_total", .int(plan.identities.count)),
            ("identities_file", .string(Self.identitiesFile)),
            ("imports", .array(imports.map { .object([("file", .string($0.path)), ("records", .int($0.records))]) })),
            ("upload_order", .array(uploads.enumerated().map { step, file in
                .object([("step", .int(step + 1)), ("file", .string(file.path)), ("records", .int(file.records))])
            })),
            ("summary", .object(severityCounts.map { ($0.0.rawValue, .int($0.1)) })),
            ("findings_total", .int(plan.findings.count)),
            ("findings_file", .string(Self.findingsFile)),
            ("finding_counts", .array(findingCounts.map { count in
                var members: [(String, JSONValue)] = [("severity", .string(count.severity.rawValue)), ("code", .string(count.code.rawValue))]
                if let system = count.system { members.append(("system", .string(system))) }
                if let entity = count.entity { members.append(("entity", .string(entity))) }
                members.append(("count", .int(count.count)))
                return .object(members)
            })),
            ("findings", .array(examples.map(json(_:)))),
        ])
    }

    /// One merged identity as `identities[]` and `identities.jsonl.gz` write it.
    /// A record of an ambiguous match: its id and merge values by property.
    static func json(_ side: FlowSummary.AmbiguityExample.Side) -> JSONValue {
        .object([
            ("id", .string(side.id)),
            ("values", .object(side.values.map { ($0.property, $0.value.map { .string($0) } ?? .null) })),
        ])
    }

    static func json(_ identity: Plan.Identity) -> JSONValue {
        .object([
            ("system", .string(identity.dataset.system)),
            ("entity", .string(identity.dataset.entity)),
            ("id", .string(identity.id)),
            ("linked_from", .array(identity.members.map { member in
                .object([
                    ("system", .string(member.dataset.system)), ("entity", .string(member.dataset.entity)),
                    ("id", .string(member.id)), ("flow", .string(member.flow)),
                ])
            })),
        ])
    }

    /// `identities.jsonl.gz`: every merged identity, compressed as it is written.
    public func identityLines(level: Int32) throws(OffsyncError) -> [UInt8] {
        var lines = try GzipWriter.Lines(level: level)
        for identity in plan.identities {
            Self.json(identity).write(to: &lines.out, pretty: false, indent: 0)
            try lines.endLine()
        }
        return try lines.finish()
    }

    /// A member's value in a finding's object.
    enum Member {
        case text(String)
        case int(Int)
    }

    /// The members of one finding's object, in order: the one list behind `findings[]` and
    /// `findings.jsonl.gz`. `file` makes a location's file relative to the workspace.
    func forEachMember(of finding: Finding, file: (String) -> String, _ body: (String, Member) -> Void) {
        body("severity", .text(finding.severity.rawValue))
        body("code", .text(finding.code.rawValue))
        body("message", .text(finding.message))
        if let system = finding.system { body("system", .text(system)) }
        if let entity = finding.entity { body("entity", .text(entity)) }
        if let id = finding.recordID { body("record_id", .text(id)) }
        if let location = finding.location {
            body("file", .text(file(location.file)))
            if let line = location.line { body("line", .int(line)) }
            if let column = location.column { body("column", .int(column)) }
            if let key = location.key { body("key", .text(key)) }
        }
    }

    /// One finding as `findings[]` writes it.
    func json(_ finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = []
        forEachMember(of: finding, file: relative) { key, value in
            switch value {
            case .text(let text): members.append((key, .string(text)))
            case .int(let number): members.append((key, .int(number)))
            }
        }
        return .object(members)
    }

    /// Every finding, one compact JSON object a line, compressed as it is written. Written
    /// straight to bytes, not through `JSONValue`: a million findings would be a million trees of
    /// boxed values.
    public func findingLines(level: Int32) throws(OffsyncError) -> [UInt8] {
        var lines = try GzipWriter.Lines(level: level)
        var files: [String: String] = [:]
        func file(_ path: String) -> String {
            if let known = files[path] { return known }
            let made = relative(path)
            files[path] = made
            return made
        }
        for finding in plan.findings {
            lines.out.byte(UInt8(ascii: "{"))
            var first = true
            forEachMember(of: finding, file: file) { key, value in
                if !first { lines.out.byte(UInt8(ascii: ",")) }
                first = false
                lines.out.string(key)
                lines.out.byte(UInt8(ascii: ":"))
                switch value {
                case .text(let text): lines.out.string(text)
                case .int(let number): lines.out.int(number)
                }
            }
            lines.out.byte(UInt8(ascii: "}"))
            try lines.endLine()
        }
        return try lines.finish()
    }
}
