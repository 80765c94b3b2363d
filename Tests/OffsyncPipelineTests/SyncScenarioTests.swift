import Foundation
import OffsyncDiagnostics
import OffsyncEmit
import OffsyncPipeline
import Testing

@testable import OffsyncIngest

/// A JSON export of the sample workspace, changed the way an upload or a person would change
/// it in the system itself.
struct JSONExport {
    let file: URL
    /// Where the records array sits (`["organizations"]`; empty: the top level).
    var under: [String] = []
    var id = "id"

    var isGzip: Bool { file.pathExtension == "gz" }

    func read() throws -> Any {
        var bytes = [UInt8](try Data(contentsOf: file))
        if isGzip { bytes = try Gzip.inflate(bytes, file: file.path) }
        return try JSONSerialization.jsonObject(with: Data(bytes))
    }

    func records() throws -> [[String: Any]] {
        var node = try read()
        for key in under { node = (node as! [String: Any])[key]! }
        return node as! [[String: Any]]
    }

    /// Rewrites the records array.
    func edit(_ body: (inout [[String: Any]]) throws -> Void) throws {
        func replacing(_ node: Any, _ path: ArraySlice<String>) throws -> Any {
            guard let key = path.first else {
                var records = node as! [[String: Any]]
                try body(&records)
                return records
            }
            var object = node as! [String: Any]
            object[key] = try replacing(object[key]!, path.dropFirst())
            return object
        }
        let root = try replacing(try read(), under[...])
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]))
        if isGzip { bytes = try GzipWriter.compress(bytes) }
        try Data(bytes).write(to: file)
    }

    /// Sets a dotted path of the record with this id; false when the export has no such record.
    @discardableResult
    func set(_ recordID: String, _ path: String, _ value: Any) throws -> Bool {
        var found = false
        try edit { records in
            for i in records.indices where "\(records[i][id]!)" == recordID {
                records[i] = Self.setting(records[i], path.split(separator: ".").map(String.init)[...], value)
                found = true
            }
        }
        return found
    }

    /// Plays an update or delete import file's lines for this export's records: what the
    /// system's upload would do.
    func upload(_ lines: [[String: Any]]) throws {
        try edit { records in
            for line in lines {
                guard let target = line["_id"] as? String,
                    let i = records.firstIndex(where: { "\($0[id]!)" == target })
                else { continue }
                if line["$based_on"] != nil, line.keys.allSatisfy({ $0.hasPrefix("$") || $0 == "_id" }) {
                    records.remove(at: i)  // a delete: nothing but its id and what it was based on
                    continue
                }
                for (key, value) in line where !key.hasPrefix("$") && key != "_id" {
                    records[i] = Self.merging(records[i], key, value)
                }
            }
        }
    }

    static func setting(_ object: [String: Any], _ path: ArraySlice<String>, _ value: Any) -> [String: Any] {
        var object = object
        guard let key = path.first else { return object }
        if path.count == 1 {
            object[key] = value
        } else {
            object[key] = setting(object[key] as? [String: Any] ?? [:], path.dropFirst(), value)
        }
        return object
    }

    static func merging(_ object: [String: Any], _ key: String, _ value: Any) -> [String: Any] {
        var object = object
        if let nested = value as? [String: Any] {
            var inner = object[key] as? [String: Any] ?? [:]
            for (k, v) in nested { inner = merging(inner, k, v) }
            object[key] = inner
        } else {
            object[key] = value
        }
        return object
    }
}

/// Runs over the sample workspace with uploads and edits on both sides between them: what each
/// run plans, counted per flow.
@Suite("the sync plan over several runs")
struct SyncScenarioTests {
    typealias Scratch = SampleRunTests.Scratch
    static let people = "powerofficego.Contactperson -> youtrack.Users"
    static let organizations = "powerofficego.Customers -> zendesk.Organizations"

    static func counts(_ out: String, _ flow: String) throws -> [String: Int] {
        try UploadRoundTripTests.counts(out, flow)
    }

    static func lines(_ out: String, _ path: String) throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: out).appendingPathComponent(path).path) else { return [] }
        return try UploadRoundTripTests.importLines(out, path)
    }

    static func contactPersons(_ workspace: URL) throws -> [JSONExport] {
        let folder = workspace.appendingPathComponent("dumps/powerofficego")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("contactpersons-") }.sorted()
            .map { JSONExport(file: folder.appendingPathComponent($0)) }
    }

    static func users(_ workspace: URL) -> JSONExport {
        JSONExport(file: workspace.appendingPathComponent("dumps/youtrack/users.json.gz"))
    }

    /// Plays the upload of `out`'s files for Contactperson ↔ YouTrack Users and Zendesk
    /// Organizations (updates; creates keep their correlation value in `external_id`).
    static func upload(_ out: String, into workspace: URL) throws {
        try users(workspace).upload(lines(out, "import/youtrack/Users.update.jsonl.gz") + lines(out, "import/youtrack/Users.delete.jsonl.gz"))
        for page in try contactPersons(workspace) { try page.upload(lines(out, "import/powerofficego/Contactperson.update.jsonl.gz")) }
        let zendesk = JSONExport(file: workspace.appendingPathComponent("dumps/zendesk/organizations.json"), under: ["organizations"])
        try zendesk.upload(lines(out, "import/zendesk/Organizations.update.jsonl.gz"))
        let created = try lines(out, "import/zendesk/Organizations.create.jsonl.gz")
        try UploadRoundTripTests.append(created.enumerated().map { i, line in
            ["id": 99_000_000_000 + i, "name": line["name"] ?? "", "external_id": line["$correlation"]!]
        }, toJSON: zendesk.file, under: zendesk.under)
    }

    /// Linked pairs of a flow from `offsync links`: source id → target id.
    static func links(_ workspace: URL, flow: String) throws -> [(source: String, target: String)] {
        try Pipeline.linksCSV(workspace: workspace.path).split(separator: "\r\n").dropFirst().compactMap { row in
            let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return cells[0] == flow && cells.last == "linked" ? (cells[3], cells[6]) : nil
        }
    }

    static func importFiles(_ out: String) throws -> [String: Data] {
        let folder = URL(fileURLWithPath: out).appendingPathComponent("import")
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! where path.hasSuffix(".gz") {
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    @Test("run, upload, edit both sides, run again: each run's counts; nothing uploaded is planned twice, nothing not uploaded is lost")
    func multiRun() throws {
        let scratch = try Scratch()
        let workspace = scratch.workspace

        // Run 1: the first run; the policy decides every difference, no conflict is counted.
        let run1 = scratch.output("run1")
        _ = try Pipeline.execute(workspace: workspace.path, output: run1, mode: .run)
        var people = try Self.counts(run1, Self.people)
        #expect([people["update_target"], people["update_source"], people["conflict"]] == [10, 4, 0])
        var organizations = try Self.counts(run1, Self.organizations)
        #expect([organizations["create"], organizations["update_target"], organizations["update_source"], organizations["conflict"]] == [96, 11, 11, 0])

        // The YouTrack, Contactperson and Zendesk files are uploaded; the Customers file
        // (PowerOffice Go's CSV side) is not.
        try Self.upload(run1, into: workspace)

        // Edits: A in YouTrack only, B in PowerOffice Go only, C in both to different values.
        let pairs = try Self.links(workspace, flow: Self.people)
        #expect(pairs.count == 250)
        let (a, b, c) = (pairs[0], pairs[1], pairs[2])
        let pages = try Self.contactPersons(workspace)
        func setPerson(_ id: String, _ value: String) throws {
            #expect(try pages.map { try $0.set(id, "residenceCountryCode", value) }.contains(true))
        }
        #expect(try Self.users(workspace).set(a.target, "userType.id", "XA"))
        try setPerson(b.source, "XB")
        try setPerson(c.source, "XC")
        #expect(try Self.users(workspace).set(c.target, "userType.id", "XD"))

        // Run 2.
        let run2 = scratch.output("run2")
        _ = try Pipeline.execute(workspace: workspace.path, output: run2, mode: .run)
        people = try Self.counts(run2, Self.people)
        #expect([people["update_target"], people["update_source"], people["conflict"], people["unchanged"]] == [2, 1, 1, 247])
        // C side by side in report.json: both values, a baseline both moved from, the stamps.
        let conflicts = try UploadRoundTripTests.flow(run2, Self.people)["conflicts"] as! [[String: Any]]
        #expect(conflicts.count == 1)
        let conflict = try #require(conflicts.first)
        #expect([conflict["source_id"], conflict["target_id"], conflict["source"], conflict["target"]] as? [String]
            == [c.source, c.target, "residenceCountryCode", "userType.id"])
        #expect([conflict["source_value"], conflict["target_value"], conflict["baseline"], conflict["direction"]] as? [String]
            == ["XC", "XD", "differs_from_both", "to_target"])
        #expect((conflict["source_stamp"] as? String)?.hasPrefix("20") == true, "Contactperson has a change stamp")
        #expect(conflict["target_stamp"] is NSNull, "YouTrack Users has none")
        #expect(conflict["reason"] as? String == "changed on both sides; no change stamp on both sides: source wins")
        let toUsers = try Self.lines(run2, "import/youtrack/Users.update.jsonl.gz")
        #expect(Set(toUsers.map { "\($0["_id"]!)=\(($0["userType"] as! [String: Any])["id"]!)" }) == ["\(b.target)=XB", "\(c.target)=XC"],
                "B's edit travels; C's conflict goes to the target: YouTrack keeps no change stamp, so the source wins")
        let toPeople = try Self.lines(run2, "import/powerofficego/Contactperson.update.jsonl.gz")
        #expect(toPeople.map { "\($0["_id"]!)=\($0["residenceCountryCode"]!)" } == ["\(a.source)=XA"])
        #expect((toPeople.first?["$based_on"] as? [String: Any])?["residenceCountryCode"] as? String != "XA")
        organizations = try Self.counts(run2, Self.organizations)
        #expect([organizations["create"], organizations["update_target"], organizations["update_source"], organizations["conflict"]] == [0, 0, 11, 0],
                "the Customers updates were not uploaded: planned again; the uploaded ones are not planned twice")

        // Run 2 again, nothing uploaded: the baseline did not move, the files are the same bytes.
        let again = scratch.output("run2-again")
        _ = try Pipeline.execute(workspace: workspace.path, output: again, mode: .run)
        #expect(try Self.importFiles(again) == Self.importFiles(run2))
        #expect(try !Self.importFiles(run2).isEmpty)

        // Run 3 after uploading run 2: settled.
        try Self.upload(run2, into: workspace)
        let run3 = scratch.output("run3")
        _ = try Pipeline.execute(workspace: workspace.path, output: run3, mode: .run)
        people = try Self.counts(run3, Self.people)
        #expect([people["update_target"], people["update_source"], people["conflict"], people["unchanged"]] == [0, 0, 0, 250])
        organizations = try Self.counts(run3, Self.organizations)
        #expect([organizations["update_target"], organizations["update_source"]] == [0, 11])
    }

    /// The sample manifest with `deletes: emit`.
    static func emittingDeletes(_ workspace: URL) throws {
        let manifest = workspace.appendingPathComponent("offsync.yaml")
        try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "deletes: report", with: "deletes: emit")
            .write(to: manifest, atomically: true, encoding: .utf8)
    }

    @Test("a linked record gone from the source: its target is deleted with `deletes: emit`, and the link is forgotten once both are gone")
    func deletes() throws {
        let scratch = try Scratch()
        let workspace = scratch.workspace
        _ = try Pipeline.execute(workspace: workspace.path, output: scratch.output("run1"), mode: .run)
        let pairs = try Self.links(workspace, flow: Self.people)
        let gone = [pairs[5], pairs[6]]
        for page in try Self.contactPersons(workspace) {
            try page.edit { records in records.removeAll { record in gone.contains { $0.source == "\(record["id"]!)" } } }
        }

        // Reported only, by default.
        let reported = scratch.output("reported")
        _ = try Pipeline.execute(workspace: workspace.path, output: reported, mode: .plan)
        #expect(try Self.counts(reported, Self.people)["delete"] == 2)
        #expect(try Self.lines(reported, "import/youtrack/Users.delete.jsonl.gz").isEmpty)

        try Self.emittingDeletes(workspace)
        let run2 = scratch.output("run2")
        _ = try Pipeline.execute(workspace: workspace.path, output: run2, mode: .run)
        let deletes = try Self.lines(run2, "import/youtrack/Users.delete.jsonl.gz")
        #expect(deletes.map { $0["_id"] as! String }.sorted() == gone.map(\.target).sorted())
        #expect(deletes.allSatisfy { $0["$based_on"] is [String: Any] })

        // Uploaded: both records are gone, the links are dropped, nothing more is planned.
        try Self.upload(run2, into: workspace)
        let run3 = scratch.output("run3")
        _ = try Pipeline.execute(workspace: workspace.path, output: run3, mode: .run)
        let counts = try Self.counts(run3, Self.people)
        #expect([counts["delete"], counts["orphan"]] == [0, 0])
        let remaining = try Self.links(workspace, flow: Self.people).map(\.source)
        #expect(!gone.contains { remaining.contains($0.source) })
        #expect(try !Pipeline.linksCSV(workspace: workspace.path).contains(gone[0].target))
    }

    @Test("a truncated export trips the circuit breaker: exit 3, no files written, state untouched; --force writes")
    func circuitBreaker() throws {
        let scratch = try Scratch()
        let workspace = scratch.workspace
        _ = try Pipeline.execute(workspace: workspace.path, output: scratch.output("run1"), mode: .run)
        try Self.emittingDeletes(workspace)
        // The export is cut short: the second page of contact persons is empty.
        let pages = try Self.contactPersons(workspace)
        #expect(pages.count >= 2)
        try pages[1].edit { $0.removeAll() }
        let stateBefore = try Pipeline.linksCSV(workspace: workspace.path)

        let run2 = scratch.output("run2")
        let error = try #require(throws: OffsyncError.self) {
            try Pipeline.execute(workspace: workspace.path, output: run2, mode: .run, options: .init(allowDeletes: true))
        }
        #expect(error.kind == .circuitBreaker && error.kind.exitCode == 3)
        #expect(error.message.contains("youtrack.Users:") && error.message.contains("deletes"))
        #expect(!FileManager.default.fileExists(atPath: run2), "no output folder at all")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path)
        #expect(!siblings.contains { $0.contains("partial") }, "no staging folder left behind")
        #expect(try Pipeline.linksCSV(workspace: workspace.path) == stateBefore)

        // plan writes its report, which names what tripped.
        let planned = scratch.output("plan")
        let outcome = try Pipeline.execute(workspace: workspace.path, output: planned, mode: .plan)
        #expect(outcome.plan.breaker.tripped)
        let report = try SampleRunTests.reportJSON(planned)
        let breaker = try #require(report["circuit_breaker"] as? [String: Any])
        #expect(breaker["tripped"] as? Bool == true)
        #expect(breaker["forced"] as? Bool == false, "a plan writes no import files: nothing was forced")
        #expect((breaker["datasets"] as? [[String: Any]])?.contains { $0["system"] as? String == "youtrack" && $0["entity"] as? String == "Users" } == true)
        let markdown = try String(contentsOfFile: planned + "/report.md", encoding: .utf8)
        #expect(markdown.contains("The circuit breaker tripped") && markdown.contains("- youtrack.Users: "))

        let forced = scratch.output("forced")
        _ = try Pipeline.execute(workspace: workspace.path, output: forced, mode: .run, options: .init(force: true))
        let forcedBreaker = try #require(try SampleRunTests.reportJSON(forced)["circuit_breaker"] as? [String: Any])
        #expect(forcedBreaker["tripped"] as? Bool == true && forcedBreaker["forced"] as? Bool == true)
        for name in ["report.md", "report.html"] {
            let text = try String(contentsOfFile: forced + "/" + name, encoding: .utf8)
            #expect(text.contains("tripped and was overridden") && !text.contains("no import files are written without"), "\(name)")
        }
        #expect(try Self.lines(forced, "import/youtrack/Users.delete.jsonl.gz").count == Self.counts(forced, Self.people)["delete"]!)
        #expect(try Self.counts(forced, Self.people)["delete"]! > 28)
    }

    @Test("a first run refused once state is being made beside the plan leaves no state, whole or partial")
    func refusedFirstRunLeavesNoState() throws {
        let scratch = try Scratch()
        let workspace = scratch.workspace
        // The output folder's staging name (".<name>.partial-…") is too long for the file
        // system: refused when the outputs are about to be written, after the diffs.
        let output = scratch.output(String(repeating: "o", count: 250))
        let error = try #require(throws: OffsyncError.self) {
            try Pipeline.execute(workspace: workspace.path, output: output, mode: .run)
        }
        #expect(error.message.contains("file name too long"), "\(error.message)")
        let state = workspace.appendingPathComponent(".offsync").path
        let left = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(!left.contains("state.sqlite") && !left.contains { $0.hasPrefix("state.partial") }, "\(left)")
    }

    @Test("the breaker judges what earlier runs synced: a first run's alignment never trips it, rewriting synced records does")
    func breakerJudgesSyncedRecords() throws {
        let scratch = try Scratch()
        let workspace = scratch.workspace
        let manifest = workspace.appendingPathComponent("offsync.yaml")
        try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "circuit-breaker: 0.10", with: "circuit-breaker: 0.05")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let first = try Pipeline.execute(workspace: workspace.path, output: scratch.output("run1"), mode: .run)
        #expect(!first.plan.breaker.tripped, "\(first.plan.breaker.explanation)")
        #expect(first.plan.flows.reduce(0) { $0 + $1.counts.updateTarget + $1.counts.updateSource } > 20, "the first run does update records")

        // Every contact person of the first page moves to Sweden, edited after everything else.
        try Self.contactPersons(workspace)[0].edit { records in
            for index in records.indices {
                records[index]["residenceCountryCode"] = "SE"
                records[index]["lastChanged"] = "2099-01-01T00:00:00+01:00"
            }
        }
        let error = try #require(throws: OffsyncError.self) {
            try Pipeline.execute(workspace: workspace.path, output: scratch.output("run2"), mode: .run)
        }
        #expect(error.kind == .circuitBreaker)
        #expect(error.message.contains("youtrack.Users: 0 deletes and "), "\(error.message)")
    }

    @Test("output: csv also writes each import file as CSV, listed in manifest.json; the compression level is the manifest's")
    func csvOutput() throws {
        let scratch = try Scratch()
        let manifest = scratch.workspace.appendingPathComponent("offsync.yaml")
        try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "records: organizations, id: id,", with: "records: organizations, id: id, output: csv,")
            .replacingOccurrences(of: "deletes: report", with: "deletes: report\n  compression-level: 9")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let out = scratch.output("out")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        let csvFile = URL(fileURLWithPath: out).appendingPathComponent("import/zendesk/Organizations.create.csv.gz")
        let text = String(decoding: try Gzip.inflate([UInt8](Data(contentsOf: csvFile)), file: csvFile.path), as: UTF8.self)
        let rows = text.split(separator: "\r\n")
        #expect(rows.first == "$correlation,name")
        #expect(rows.count == 1 + 96 + 150, "Customers and Departments both create Organizations")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("manifest.json"))) as? [String: Any])
        let outputs = try #require(listed["outputs"] as? [[String: Any]])
        #expect(outputs.contains { $0["path"] as? String == "import/zendesk/Organizations.create.csv.gz" && $0["records"] as? Int == 246 })
        #expect(try SampleRunTests.reportJSON(out)["options"].flatMap { ($0 as? [String: Any])?["compression_level"] as? Int } == 9)
    }
}
