import ArgumentParser
import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncPlan

/// Everything the command line prints: summaries to standard output, errors to standard
/// error, and the exit code of an `OffsyncError`.
enum Terminal {
    static func execute(workspace: String, output: String?, mode: Pipeline.Mode) throws {
        let destination = output ?? "exports/" + URL(fileURLWithPath: workspace).standardizedFileURL.lastPathComponent
        let outcome: Pipeline.Outcome
        switch Result(catching: { () throws(OffsyncError) in try Pipeline.execute(workspace: workspace, output: destination, mode: mode) }) {
        case .success(let value): outcome = value
        case .failure(let error): fail(error)
        }
        printSummary(outcome.plan)
        let imports = outcome.written.filter { $0.path.hasPrefix("import/") }
        print("\nwrote \(outcome.written.count) files to \(outcome.outputFolder)"
            + (imports.isEmpty ? "" : " (\(imports.count) import files, \(imports.compactMap(\.records).reduce(0, +)) records)"))
    }

    static func check(workspace: String) throws {
        let plan: Plan
        switch Result(catching: { () throws(OffsyncError) in try Pipeline.check(workspace: workspace) }) {
        case .success(let value): plan = value
        case .failure(let error): fail(error)
        }
        let shown = plan.findings.filter { $0.severity >= .warning }
        for finding in shown { printFinding(finding) }
        let errors = plan.findings.filter { $0.severity == .error }.count
        print("\(plan.flows.count) flows, \(plan.datasets.count) datasets: \(errors) errors, \(shown.count - errors) warnings")
        if errors > 0 { throw ExitCode(1) }
    }

    static func printSummary(_ plan: Plan) {
        let header = ["flow", "source", "target", "linked", "create", "upd→t", "upd→s", "ambig", "unm src", "unm tgt"]
        var rows = [header]
        for flow in plan.flows {
            let c = flow.counts
            rows.append([
                "\(flow.source) → \(flow.target)", "\(c.source)", "\(c.target)", "\(c.linked)", "\(c.create)",
                "\(c.updateTarget)", "\(c.updateSource)", "\(c.ambiguous)", "\(c.unmatchedSource)", "\(c.unmatchedTarget)",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  "))
        }
        let bySeverity = Dictionary(grouping: plan.findings, by: \.severity)
        print("\nfindings: " + Finding.Severity.allCases.reversed().map { "\(bySeverity[$0]?.count ?? 0) \($0.rawValue)" }.joined(separator: ", "))
    }

    static func printFinding(_ finding: Finding) {
        let place = finding.location.map { "\($0): " } ?? ""
        print("\(place)\(finding.severity.rawValue): [\(finding.code.rawValue)] \(finding.message)")
    }

    /// Prints the error where a person looks for it and ends with its exit code.
    static func fail(_ error: OffsyncError) -> Never {
        FileHandle.standardError.write(Data("offsync: error: \(error)\n".utf8))
        Foundation.exit(error.kind.exitCode)
    }
}
