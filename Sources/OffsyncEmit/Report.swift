import OffsyncDiagnostics
import OffsyncIngest
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

    public init(workspace: String, mode: String, options: Manifest.Options, plan: Plan, imports: [(path: String, records: Int)]) {
        self.workspace = workspace
        self.mode = mode
        self.options = options
        self.plan = plan
        self.imports = imports
    }

    func relative(_ path: String) -> String {
        let root = workspace.hasSuffix("/") ? workspace : workspace + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    public var severityCounts: [(Finding.Severity, Int)] {
        Finding.Severity.allCases.reversed().map { severity in (severity, plan.findings.filter { $0.severity == severity }.count) }
    }

    // MARK: report.json

    /// The documented schema (DESIGN.md): `flows[]`, `datasets[]`, `findings[]`; keys are
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
            ("identities", .array(plan.identities.map { identity in
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
            })),
            ("imports", .array(imports.map { .object([("file", .string($0.path)), ("records", .int($0.records))]) })),
            ("summary", .object(severityCounts.map { ($0.0.rawValue, .int($0.1)) })),
            ("findings", .array(plan.findings.map { finding in
                var members: [(String, JSONValue)] = [
                    ("severity", .string(finding.severity.rawValue)),
                    ("code", .string(finding.code.rawValue)),
                    ("message", .string(finding.message)),
                ]
                if let system = finding.system { members.append(("system", .string(system))) }
                if let entity = finding.entity { members.append(("entity", .string(entity))) }
                if let id = finding.recordID { members.append(("record_id", .string(id))) }
                if let location = finding.location {
                    members.append(("file", .string(relative(location.file))))
                    if let line = location.line { members.append(("line", .int(line))) }
                    if let column = location.column { members.append(("column", .int(column))) }
                    if let key = location.key { members.append(("key", .string(key))) }
                }
                return .object(members)
            })),
        ])
    }
}
