import Foundation
import OffsyncCompile
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncState
import Testing

/// offsync's own engine and the compiled DuckDB job on the same workspace: every flow's counts
/// and every import line (as parsed JSON) must be equal. `make test` installs DuckDB's Python
/// package into a virtual environment and names its interpreter in `OFFSYNC_DUCKDB_PYTHON`.
@Suite("a compiled DuckDB job decides as offsync run does")
struct DifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("the sample workspace: every flow of the six documents, conditional creations included")
    func samples() throws {
        let scratch = try Scratch()
        try Self.compare(try scratch.samples(), scratch)
    }

    @Test("the bench's workspace shape: correlation, ambiguity, content links, pending references")
    func benchShape() throws {
        try Self.benchShape(engine: .duckdb)
    }

    /// The bench's generator at 4,000 records a side.
    static func benchShape(engine: Engine) throws {
        let scratch = try Scratch()
        let workspace = scratch.path("bench")
        try Self.execute("/usr/bin/env", ["python3", Self.repository.appendingPathComponent("bench/zendesk_workspace.py").path, "--out", workspace, "--records", "4000"])
        // A small memory limit: DuckDB works from its spill folder where it must.
        try Self.compare(workspace, scratch, engine: engine, memoryLimit: engine == .duckdb ? "256MB" : nil)
    }

    @Test("the circuit breaker: both refuse a second run that rewrites most organizations; --force writes the same")
    func circuitBreaker() throws {
        try Self.circuitBreaker(engine: .duckdb)
    }

    /// A second run that rewrites most organizations: refused by both (the job exits 3 and
    /// writes nothing); with --force both write the same.
    static func circuitBreaker(engine: Engine) throws {
        let scratch = try Scratch()
        let workspace = scratch.path("bench")
        try Self.execute("/usr/bin/env", ["python3", Self.repository.appendingPathComponent("bench/zendesk_workspace.py").path, "--out", workspace, "--records", "2000"])
        _ = try Pipeline.execute(workspace: workspace, output: scratch.path("first"), mode: .run)
        // Every company renamed in PowerOffice Go: each organization linked by run 1 is rewritten.
        let customers = workspace + "/dumps/powerofficego/customers.csv"
        try String(contentsOfFile: customers, encoding: .utf8).replacingOccurrences(of: " AS;", with: " AS Group;")
            .write(toFile: customers, atomically: true, encoding: .utf8)
        let python = try Self.python(for: engine)
        let job = scratch.path("job"), refused = scratch.path("refused")
        _ = try Pipeline.compile(workspace: workspace, engine: engine, out: job)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [job + "/run", refused]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(!FileManager.default.fileExists(atPath: refused))
        #expect(throws: OffsyncError.self) { try Pipeline.execute(workspace: workspace, output: scratch.path("own-refused"), mode: .run) }
        try Self.compare(workspace, scratch, engine: engine, force: true)
    }

    @Test("merge combinations, types, policies, where, sibling sections and batches")
    func edges() throws {
        let scratch = try Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        try Self.compare(workspace, scratch)
        // Contacts and Groups (in batches) have CSV import files beside their JSON lines.
        #expect(try Self.importFiles(scratch.path("offsync-out"), ending: ".csv.gz").count >= 3)
    }

    @Test("a second run: remembered links, baselines, a conflict, orphans and deletes")
    func secondRun() throws {
        let scratch = try Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        _ = try Pipeline.execute(workspace: workspace, output: scratch.path("first"), mode: .run)
        try EdgeWorkspace.write(to: workspace, edited: true)
        let counts = try Self.compare(workspace, scratch, allowDeletes: true)
        // The edits are seen, not only agreed on: both engines find them.
        let people = try #require(counts.first)
        #expect(people.counts["conflict"] == 1 && people.counts["orphan"] == 2 && people.counts["delete"] == 1)
        #expect(people.counts["update_target"]! >= 1 && people.counts["update_source"]! >= 1)
    }

    @Test("the samples' second run, after the first run's state")
    func samplesSecondRun() throws {
        let scratch = try Scratch()
        let workspace = try scratch.samples()
        _ = try Pipeline.execute(workspace: workspace, output: scratch.path("first"), mode: .run)
        try Self.compare(workspace, scratch)
    }

    // MARK: Running both

    /// The Python with DuckDB that `make test` installs and names.
    static func python(for engine: Engine = .duckdb) throws -> String {
        switch engine {
        case .duckdb:
            try #require(
                ProcessInfo.processInfo.environment["OFFSYNC_DUCKDB_PYTHON"],
                "OFFSYNC_DUCKDB_PYTHON names no Python with duckdb: run the tests with `make test`, which installs it")
        case .spark:
            try #require(
                ProcessInfo.processInfo.environment["OFFSYNC_SPARK_PYTHON"],
                "OFFSYNC_SPARK_PYTHON names no Python with pyspark: run these tests with `make test-engines`, which installs it")
        }
    }

    /// Runs the compiled job, then offsync (which reads the same state, then updates it), and
    /// requires equal counts and import lines; returns offsync's counts per flow.
    @discardableResult
    static func compare(
        _ workspace: String, _ scratch: Scratch, engine: Engine = .duckdb, allowDeletes: Bool = false, force: Bool = false, memoryLimit: String? = nil
    ) throws -> [(name: String, counts: [String: Int])] {
        let python = try python(for: engine)
        let own = scratch.path("offsync-out"), job = scratch.path("job"), jobOut = scratch.path("job-out")
        _ = try Pipeline.compile(workspace: workspace, engine: engine, out: job)
        var options = allowDeletes ? ["--allow-deletes"] : []
        if force { options.append("--force") }
        if let memoryLimit { options += ["--memory-limit", memoryLimit] }
        try execute(python, [job + "/run", jobOut] + options)
        _ = try Pipeline.execute(workspace: workspace, output: own, mode: .run, options: .init(force: force, allowDeletes: allowDeletes))
        let ownFlows = try expectSameOutputs(own, jobOut)

        // The state each leaves for the next run: offsync's state.sqlite, the job's Parquet files
        // (digests unsigned, as a DuckDB job writes them; a Spark job writes them signed).
        let (ownLinks, ownBaselines) = try storedState(workspace)
        let dump = try execute(try Self.python(), ["-c", """
            import duckdb, json, sys
            c = duckdb.connect()
            links = c.execute(f"SELECT flow, source_id, target_id, how FROM '{sys.argv[1]}/state/links.parquet'").fetchall()
            baselines = c.execute(f"SELECT flow, source_id, target_id, property, (digest::HUGEINT + CASE WHEN digest::HUGEINT < 0 THEN 18446744073709551616 ELSE 0 END)::VARCHAR FROM '{sys.argv[1]}/state/baselines.parquet'").fetchall()
            print(json.dumps([links, baselines]))
            """, jobOut])
        let state = try #require(try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [[[String]]])
        #expect(Set(state[0]) == ownLinks, "next state: links")
        #expect(Set(state[1]) == ownBaselines, "next state: baselines")
        #expect(state[0].count == ownLinks.count && state[1].count == ownBaselines.count)
        return ownFlows
    }

    /// A workspace's stored links (flow, source id, target id, how) and baselines (flow, ids,
    /// property, digest), as sets.
    static func storedState(_ workspace: String) throws -> (links: Set<[String]>, baselines: Set<[String]>) {
        let store = try LinkStore(workspace: workspace, readOnly: true)
        return (
            Set(try store.links().map { [$0.flow, $0.sourceID, $0.targetID, $0.how] }),
            Set(try store.baselines().map { [$0.flow, $0.sourceID, $0.targetID, $0.property, String($0.digest)] })
        )
    }

    /// Two output folders of the same run: the same counts per flow, report.json `datasets`,
    /// `imports` and `circuit_breaker`, import lines (parsed) and CSV import files (as text).
    /// Returns the first folder's counts per flow.
    @discardableResult
    static func expectSameOutputs(_ own: String, _ jobOut: String) throws -> [(name: String, counts: [String: Int])] {
        let ownFlows = try flows(own), jobFlows = try flows(jobOut)
        #expect(ownFlows.map(\.name) == jobFlows.map(\.name))
        for (mine, compiled) in zip(ownFlows, jobFlows) {
            for (key, value) in compiled.counts {
                #expect(mine.counts[key] == value, "\(mine.name): \(key)")
            }
            #expect(Set(mine.counts.keys) == Set(compiled.counts.keys), "\(mine.name): the same counts")
        }
        // The rest of report.json the job writes, under offsync's keys.
        for key in ["datasets", "imports", "circuit_breaker"] {
            #expect(try reportValue(own, key) == reportValue(jobOut, key), "report.json \(key)")
        }
        let ownLines = try importLines(own), jobLines = try importLines(jobOut)
        #expect(ownLines.keys.sorted() == jobLines.keys.sorted())
        #expect(!ownLines.isEmpty)
        for (file, lines) in ownLines {
            let compiled = jobLines[file] ?? []
            #expect(lines == compiled, "\(file): \(lines.subtracting(compiled).prefix(2)) only in offsync's, \(compiled.subtracting(lines).prefix(2)) only in the job's")
        }
        // CSV import files (`output: csv`): the same text, column order and quoting included.
        for file in try importFiles(own, ending: ".csv.gz") {
            #expect(try inflated(own + "/import/" + file) == inflated(jobOut + "/import/" + file), "\(file)")
        }
        #expect(try importFiles(own, ending: ".csv.gz") == importFiles(jobOut, ending: ".csv.gz"))
        return ownFlows
    }

    /// Each flow's name (`source -> target`) and counts, in the manifest's order.
    static func flows(_ folder: String) throws -> [(name: String, counts: [String: Int])] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(report["flows"] as? [[String: Any]]).map { flow in
            ("\(flow["source"]!) -> \(flow["target"]!)", try #require(flow["counts"] as? [String: Int]))
        }
    }

    /// One key of a folder's report.json, parsed.
    static func reportValue(_ folder: String, _ key: String) throws -> NSObject {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
        return try #require(report[key] as? NSObject, "report.json has \(key)")
    }

    /// The import files whose names end so, as `system/file`, sorted.
    static func importFiles(_ folder: String, ending: String) throws -> [String] {
        let root = folder + "/import"
        return try FileManager.default.contentsOfDirectory(atPath: root).flatMap { system in
            try FileManager.default.contentsOfDirectory(atPath: root + "/" + system).filter { $0.hasSuffix(ending) }.map { system + "/" + $0 }
        }.sorted()
    }

    static func inflated(_ path: String) throws -> String {
        try execute("/usr/bin/env", ["gzip", "-dc", path])
    }

    /// Every import file's lines, parsed, by path.
    static func importLines(_ folder: String) throws -> [String: Set<NSDictionary>] {
        var result: [String: Set<NSDictionary>] = [:]
        let root = folder + "/import"
        for system in try FileManager.default.contentsOfDirectory(atPath: root) {
            for file in try FileManager.default.contentsOfDirectory(atPath: root + "/" + system) where file.hasSuffix(".jsonl.gz") {
                let text = try execute("/usr/bin/env", ["gzip", "-dc", root + "/" + system + "/" + file])
                var lines = Set<NSDictionary>()
                for line in text.split(separator: "\n") {
                    lines.insert(try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary))
                }
                result[system + "/" + file] = lines
            }
        }
        return result
    }

    @discardableResult
    static func execute(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// A temporary folder, removed afterwards.
    final class Scratch {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offsync-compile-\(UUID().uuidString)").path

        init() throws { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }

        func path(_ name: String) -> String { folder + "/" + name }

        /// A copy of `samples/` without state.
        func samples() throws -> String {
            let workspace = path("samples")
            try FileManager.default.copyItem(atPath: DifferentialTests.repository.appendingPathComponent("samples").path, toPath: workspace)
            try? FileManager.default.removeItem(atPath: workspace + "/.offsync")
            return workspace
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }
    }
}
