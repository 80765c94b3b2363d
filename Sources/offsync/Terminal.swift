import ArgumentParser
import Foundation
import OffsyncCompile
import OffsyncModel
import OffsyncDiagnostics
import OffsyncEmit
import OffsyncPipeline
import OffsyncPlan
import OffsyncSpec

/// Everything the command line prints: summaries to standard output, errors to standard
/// error, and the exit code of an `OffsyncError`.
enum Terminal {
    static func execute(mode: Pipeline.Mode, _ options: WorkspaceOptions, _ runOptions: Pipeline.RunOptions) throws {
        let workspace = options.workspace
        // A plan never lands where a run's import files are.
        let name = URL(fileURLWithPath: workspace).standardizedFileURL.lastPathComponent + (mode == .plan ? "-plan" : "")
        let destination = options.output ?? "exports/" + name
        handleInterrupts()
        let progress = options.quiet ? nil : ProgressLine()
        activeProgress = progress
        var announce: (@Sendable (Pipeline.Progress) -> Void)? = nil
        if let progress { announce = { progress.show($0) } }
        let outcome = try self.outcome { () throws(OffsyncError) in
            try Pipeline.execute(workspace: workspace, output: destination, mode: mode, options: runOptions, progress: announce)
        }
        keepUntilExit(outcome)
        progress?.end()
        if options.json {
            try printJSONSummary(outcome)
        } else if !options.quiet {
            printSummary(outcome.plan)
            let imports = outcome.written.filter { $0.path.hasPrefix("import/") }
            print("\nwrote \(outcome.written.count) files to \(outcome.outputFolder)"
                + (imports.isEmpty ? "" : " (\(imports.count) import files, \(imports.compactMap(\.records).reduce(0, +)) records)"))
        }
        let breaker = outcome.plan.breaker
        if breaker.tripped {
            let lines = breaker.explanation.map { "  " + $0 }.joined(separator: "\n")
            if runOptions.force {
                printError("offsync: the circuit breaker tripped and was overridden (--force):\n\(lines)")
            } else {
                printError("offsync: the circuit breaker trips for this plan; `offsync run` would write nothing without --force:\n\(lines)")
                throw ExitCode(OffsyncError.Kind.circuitBreaker.exitCode)
            }
        }
        if options.timings && !options.quiet && !options.json {
            let total = outcome.timings.map(\.seconds).reduce(0, +)
            // The peak column is the high-water mark at the end of the stage: where it first
            // reaches the run's peak is the stage that holds the most memory.
            print("\nstage        seconds  share  peak MB")
            let peaks = Dictionary(outcome.memoryPeaks.map { ($0.stage, $0.kilobytes) }, uniquingKeysWith: max)
            for (stage, seconds) in outcome.timings {
                print(stage.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(format: " %8.3f  %4.1f%%", seconds, total > 0 ? 100 * seconds / total : 0)
                    + (peaks[stage].map { String(format: "  %7d", $0 / 1024) } ?? ""))
            }
            print("total        " + String(format: "%8.3f", total))
            // Linux reports the high-water mark of resident memory; elsewhere nothing is printed.
            if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
            {
                print("peak memory  " + line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces))
            }
        }
        if let reached = options.failOn?.reached(in: outcome.plan), !reached.isEmpty {
            printError("offsync: --fail-on: " + reached.map { "\($0.count.rawValue) \($0.total)" }.joined(separator: ", ")
                + " (the report is in \(outcome.outputFolder))")
            throw ExitCode(OffsyncError.Kind.failOn.exitCode)
        }
    }

    /// Keeps `value` alive to the end of the process. A run's records, operations and findings
    /// are millions of allocations; freeing them one by one, right before the system takes the
    /// whole memory back at exit, took 0.3 s of a 1M run.
    static func keepUntilExit<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func check(workspace: String) throws {
        let plan = try outcome { () throws(OffsyncError) in try Pipeline.check(workspace: workspace) }
        let shown = plan.findings.filter { $0.severity >= .warning }
        // At most ten of a kind: one bad field can make a finding per record.
        for (code, findings) in Dictionary(grouping: shown, by: \.code).sorted(by: { $0.key < $1.key }) {
            for finding in findings.prefix(10) { printFinding(finding) }
            if findings.count > 10 { print("... and \(findings.count - 10) more [\(code.rawValue)] findings (all are in findings.jsonl.gz of a plan)") }
        }
        let errors = plan.findings.filter { $0.severity == .error }.count
        print("\(plan.flows.count) flows, \(plan.datasets.count) datasets: \(errors) errors, \(shown.count - errors) warnings")
        if errors > 0 { throw ExitCode(1) }
    }

    static func initialize(folder: String, documents: [String]) throws {
        let done = try outcome { () throws(OffsyncError) in try Pipeline.initialize(folder: folder, documents: documents) }
        for path in done.created { print("created \(path)") }
        print("""

            Next: put each system's exports in \(done.dumpFolders.joined(separator: ", ")) (see README.md there),
            fill in what offsync.yaml marks TODO, then:
              offsync check \(folder)
              offsync plan \(folder)
            """)
    }

    static func acknowledge(workspace: String, receipt: String, dataset: String?, correlationField: String?, idField: String?, batch: String?) throws {
        handleInterrupts()
        let done = try outcome { () throws(OffsyncError) in
            try Pipeline.acknowledge(
                workspace: workspace, receipt: receipt, dataset: dataset, correlationField: correlationField, idField: idField, batch: batch)
        }
        for (flow, count) in done.linked.sorted(by: { $0.key < $1.key }) { print("\(flow): \(count) links remembered") }
        print("\(done.linked.values.reduce(0, +)) links remembered from \(done.file)" + (done.alreadyLinked > 0 ? ", \(done.alreadyLinked) already known (kept)" : "")
            + (done.notCreated > 0 ? "; \(done.notCreated) rows the upload did not create were left out" : ""))
    }

    static func links(workspace: String, output: String?) throws {
        let csv = try outcome { () throws(OffsyncError) in try Pipeline.linksCSV(workspace: workspace) }
        guard let output else { return print(csv, terminator: "") }
        // Only an earlier links file (same header) is replaced: offsync never overwrites a user's file.
        if let existing = FileManager.default.contents(atPath: output) {
            let header = csv.prefix { $0 != "\r" && $0 != "\n" }
            if !existing.starts(with: Data(header.utf8)) {
                throw fail(OffsyncError.badInput("the file exists and is not an earlier `offsync links` output; choose another --out", at: SourceLocation(file: output)))
            }
        }
        try write(csv, to: output)
    }

    static func compile(workspace: String, engine: Engine, out: String) throws {
        let written = try outcome { () throws(OffsyncError) in try Pipeline.compile(workspace: workspace, engine: engine, out: out) }
        print("offsync: wrote \(written.count) files into \(out); run the job with \(out)/run OUT")
    }

    static func importState(workspace: String, from folder: String, force: Bool) throws {
        let done = try outcome { () throws(OffsyncError) in try Pipeline.importState(workspace: workspace, from: folder, force: force) }
        for (flow, count) in done.flows.sorted(by: { $0.key < $1.key }) { print("\(flow): \(count) links") }
        print("offsync: the state is now \(done.links) links and \(done.baselines) baselines from \(done.folder) (it was at \(done.replaced))")
    }

    static func explain(workspace: String, system: String, entity: String, id: String) throws {
        let lines = try outcome { () throws(OffsyncError) in try Pipeline.explain(workspace: workspace, system: system, entity: entity, id: id) }
        print(lines.joined(separator: "\n"))
    }

    /// SIGINT and SIGTERM end the process once staged outputs are removed (or, when the run
    /// is past its commit point, once it has finished), with one line and 130 or 143.
    static func handleInterrupts() {
        guard interruptSources.isEmpty else { return }
        for (number, name) in [(SIGINT, "interrupted"), (SIGTERM, "terminated")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let line = switch Pipeline.interrupt() {
                case .discarded: "offsync: \(name): nothing was written and state is as it was"
                case .completed: "offsync: \(name) after the run had completed: its outputs and state are written"
                }
                printError(line)
                _exit(128 + number)
            }
            source.resume()
            interruptSources.append(source)
        }
    }

    nonisolated(unsafe) static var interruptSources: [any DispatchSourceSignal] = []

    /// The value, or the error printed and its exit code thrown.
    static func outcome<T>(_ body: () throws(OffsyncError) -> T) throws(ExitCode) -> T {
        switch Result(catching: body) {
        case .success(let value): return value
        case .failure(let error): throw fail(error)
        }
    }

    static func convert(document path: String, json: Bool) throws {
        let document = try read(path)
        print(json ? document.jsonValue().serialized(pretty: true) : document.outline(), terminator: json ? "\n" : "")
        if !document.unparsed.isEmpty {
            for finding in document.unparsed { printFinding(finding, to: .standardError) }
            throw ExitCode(1)
        }
    }

    enum RenderDestination {
        case standardOutput, inPlace, check
        case folder(String)
    }

    static func render(documents paths: [String], to destination: RenderDestination) throws {
        let files = paths.flatMap(documentFiles)
        let documents = try files.map { path throws(ExitCode) in try read(path) }
        let refused = documents.filter { !$0.unparsed.isEmpty }
        for finding in refused.flatMap(\.unparsed) { printFinding(finding, to: .standardError) }
        if !refused.isEmpty {
            throw fail(OffsyncError.badInput("\(refused.count) documents have text offsync does not understand; rendering would drop it, so nothing was written"))
        }
        var differing = 0
        for document in documents {
            let text = document.rendered()
            switch destination {
            case .standardOutput:
                print(text, terminator: "")
            case .check:
                let current = FileManager.default.contents(atPath: document.path)
                if current != Data(text.utf8) {
                    differing += 1
                    print("\(document.path): differs from its rendering")
                }
            case .inPlace:
                try write(text, to: document.path)
            case .folder(let folder):
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try write(text, to: (folder as NSString).appendingPathComponent((document.path as NSString).lastPathComponent))
            }
        }
        if case .check = destination {
            print("\(documents.count) documents, \(differing) differ from their rendering")
            if differing > 0 { throw ExitCode(1) }
        }
    }

    /// A document path as given, or a folder's `.rst` and `.txt` files in name order.
    static func documentFiles(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".rst") || $0.hasSuffix(".txt") }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    static func read(_ path: String) throws(ExitCode) -> DataflowDocument {
        try outcome { () throws(OffsyncError) in try DataflowDocument(contentsOf: path) }
    }

    static func write(_ text: String, to path: String) throws(ExitCode) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw fail(OffsyncError(.io, "cannot write the file: \(error.localizedDescription)", at: SourceLocation(file: path)))
        }
    }

    static func printSummary(_ plan: Plan) {
        let header = ["flow", "source", "target", "linked", "create", "upd→t", "upd→s", "confl", "delete", "ambig", "unm src", "unm tgt"]
        var rows = [header]
        for flow in plan.flows {
            let c = flow.counts
            rows.append([
                "\(flow.source) → \(flow.target)", "\(c.source)", "\(c.target)", "\(c.linked)", "\(c.create)",
                "\(c.updateTarget)", "\(c.updateSource)", "\(c.conflict)", "\(c.delete)", "\(c.ambiguous)", "\(c.unmatchedSource)", "\(c.unmatchedTarget)",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  "))
        }
        var bySeverity: [Finding.Severity: Int] = [:]
        // By index: a loop over the findings would copy each one (its strings retained and released).
        for index in plan.findings.indices { bySeverity[plan.findings[index].severity, default: 0] += 1 }
        print("\nfindings: " + Finding.Severity.allCases.reversed().map { "\(bySeverity[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        print("\n" + coloured(plan.verdict, plan.blockers.isEmpty ? .green : .red))
    }

    enum Colour: String {
        case red = "31", green = "32"
    }

    /// Text in a colour when standard output is a terminal and `NO_COLOR` is not set
    /// (https://no-color.org): a file or a pipe gets the plain text.
    static func coloured(_ text: String, _ colour: Colour) -> String {
        guard isatty(STDOUT_FILENO) != 0, ProcessInfo.processInfo.environment["NO_COLOR"] == nil else { return text }
        return "\u{1B}[1;\(colour.rawValue)m\(text)\u{1B}[0m"
    }

    /// `--json`: report.json's summary, read back from the file written, and the verdict.
    static func printJSONSummary(_ outcome: Pipeline.Outcome) throws(ExitCode) {
        let path = (outcome.outputFolder as NSString).appendingPathComponent("report.json")
        guard let data = FileManager.default.contents(atPath: path),
              let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw fail(OffsyncError(.io, "cannot read the report just written", at: SourceLocation(file: path)))
        }
        var summary = report.filter { ["mode", "circuit_breaker", "flows", "summary", "finding_counts", "imports"].contains($0.key) }
        summary["report"] = path
        summary["verdict"] = outcome.plan.verdict
        summary["ready"] = outcome.plan.blockers.isEmpty
        let bytes = (try? JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        FileHandle.standardOutput.write(bytes + Data("\n".utf8))
    }

    static func printFinding(_ finding: Finding, to stream: FileHandle? = nil) {
        let place = finding.location.map { "\($0): " } ?? ""
        let line = "\(place)\(finding.severity.rawValue): [\(finding.code.rawValue)] \(finding.message)"
        if let stream { stream.write(Data((line + "\n").utf8)) } else { print(line) }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The progress line of the run under way, cleared before an error is printed.
    nonisolated(unsafe) static var activeProgress: ProgressLine?

    /// Prints the error where a person looks for it; the exit code to end with is thrown by
    /// the caller (`throw fail(error)`), so every command ends through `Offsync.main`.
    static func fail(_ error: OffsyncError) -> ExitCode {
        activeProgress?.end()
        FileHandle.standardError.write(Data("offsync: error: \(error)\n".utf8))
        return ExitCode(error.kind.exitCode)
    }
}

extension Terminal {
    /// glibc gives each thread that allocates an arena of its own, and memory freed in one is
    /// not reused by another: two arenas keep a large run's peak lower at no cost in time. The
    /// variable, when set, wins.
    /// `mallopt` is looked up because Swift's Glibc module leaves out `malloc.h`.
    static func limitMallocArenas() {
        #if os(Linux)
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil,
            let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt")  // RTLD_DEFAULT
        else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-8, 2)  // M_ARENA_MAX
        #endif
    }
}

/// A line on standard error saying what a run is doing, once it has done it for a second:
/// only when standard error is a terminal (a log or a pipe gets nothing).
final class ProgressLine: Sendable {
    private struct State {
        var stage = ""
        /// How far the stage got, in words ("3 of 21 flows").
        var detail = ""
        var since = Date()
        var shown = false
        var ended = false
    }

    private let state = Locked(State())

    init?() {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        Thread.detachNewThread { [self] in
            while state.withLock({ Self.tick(&$0) }) { Thread.sleep(forTimeInterval: 0.25) }
        }
    }

    func show(_ progress: Pipeline.Progress) {
        state.withLock { state in
            switch progress {
            case .started(let stage):
                state.stage = stage
                state.detail = ""
                state.since = Date()
            case .advanced(let detail):
                state.detail = detail
            }
        }
    }

    /// Clears the line; the summary follows.
    func end() {
        state.withLock { state in
            state.ended = true
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    /// Shows the stage once it has run a second; false once the run has ended.
    private static func tick(_ state: inout State) -> Bool {
        guard !state.ended else { return false }
        let seconds = Int(Date().timeIntervalSince(state.since))
        if seconds >= 1 {
            let detail = state.detail.isEmpty ? "" : " · " + state.detail
            FileHandle.standardError.write(Data("\r\u{1B}[Koffsync: \(state.stage)… \(seconds) s\(detail)".utf8))
            state.shown = true
        }
        return true
    }
}

