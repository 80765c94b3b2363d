import Foundation
import OffsyncCompile
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncState
import Testing

/// A workspace moves between engines between runs: a compiled job's next state, imported
/// with `offsync state import`, is where offsync's next run goes on from, and the reverse.
@Suite("offsync state import: runs alternate between offsync and a compiled job")
struct StateImportTests {
    typealias Scratch = DifferentialTests.Scratch

    /// Runs the workspace's compiled job into `out` (the job compiled afresh into `job`).
    static func runJob(_ workspace: String, _ scratch: Scratch, out: String, options: [String] = [], engine: Engine = .duckdb) throws {
        let python = try DifferentialTests.python(for: engine)
        let job = scratch.path("job")
        _ = try Pipeline.compile(workspace: workspace, engine: engine, out: job)
        try DifferentialTests.execute(python, [job + "/run", out, "--workspace", workspace] + options)
    }

    /// Three runs of the hand-made workspace (the exports edited after the first, on both
    /// sides), each by offsync alone and by engines taking turns, with the state carried by
    /// import: every run's outputs and the state after it are the same.
    @Test("job, then offsync, then job; and offsync, then job, then offsync: the same as offsync three times")
    func alternating() throws {
        try Self.alternate(engine: .duckdb)
    }

    /// Three runs by offsync alone, and the same three with `engine`'s job taking turns.
    static func alternate(engine: Engine) throws {
        let scratch = try Scratch()
        let alone = scratch.path("alone"), jobFirst = scratch.path("job-first"), ownFirst = scratch.path("own-first")
        for workspace in [alone, jobFirst, ownFirst] { try EdgeWorkspace.write(to: workspace) }
        let options = Pipeline.RunOptions(allowDeletes: true)

        // Run 1.
        _ = try Pipeline.execute(workspace: alone, output: scratch.path("alone-1"), mode: .run, options: options)
        try Self.runJob(jobFirst, scratch, out: scratch.path("job-first-1"), engine: engine)
        let imported = try Pipeline.importState(workspace: jobFirst, from: scratch.path("job-first-1"))
        _ = try Pipeline.execute(workspace: ownFirst, output: scratch.path("own-first-1"), mode: .run, options: options)
        try DifferentialTests.expectSameOutputs(scratch.path("alone-1"), scratch.path("job-first-1"))
        #expect(imported.replaced == LinkStore.noMark)
        #expect(imported.links > 0 && imported.baselines > 0)
        #expect(try DifferentialTests.storedState(jobFirst) == DifferentialTests.storedState(alone))

        // Run 2, after edits on each side, on both sides, and deleted records.
        for workspace in [alone, jobFirst, ownFirst] { try EdgeWorkspace.write(to: workspace, edited: true) }
        _ = try Pipeline.execute(workspace: alone, output: scratch.path("alone-2"), mode: .run, options: options)
        _ = try Pipeline.execute(workspace: jobFirst, output: scratch.path("job-first-2"), mode: .run, options: options)
        try Self.runJob(ownFirst, scratch, out: scratch.path("own-first-2"), options: ["--allow-deletes"], engine: engine)
        _ = try Pipeline.importState(workspace: ownFirst, from: scratch.path("own-first-2") + "/state")
        let second = try DifferentialTests.expectSameOutputs(scratch.path("alone-2"), scratch.path("job-first-2"))
        try DifferentialTests.expectSameOutputs(scratch.path("alone-2"), scratch.path("own-first-2"))
        // The second run sees the edits: the imported baselines are what it diffs against.
        #expect(second.first?.counts["conflict"] == 1 && second.first?.counts["delete"] == 1)
        for workspace in [jobFirst, ownFirst] { #expect(try DifferentialTests.storedState(workspace) == DifferentialTests.storedState(alone)) }

        // Run 3, nothing edited: nothing more to write, the same state.
        _ = try Pipeline.execute(workspace: alone, output: scratch.path("alone-3"), mode: .run, options: options)
        try Self.runJob(jobFirst, scratch, out: scratch.path("job-first-3"), options: ["--allow-deletes"], engine: engine)
        _ = try Pipeline.importState(workspace: jobFirst, from: scratch.path("job-first-3"))
        _ = try Pipeline.execute(workspace: ownFirst, output: scratch.path("own-first-3"), mode: .run, options: options)
        try DifferentialTests.expectSameOutputs(scratch.path("alone-3"), scratch.path("job-first-3"))
        try DifferentialTests.expectSameOutputs(scratch.path("alone-3"), scratch.path("own-first-3"))
        for workspace in [jobFirst, ownFirst] { #expect(try DifferentialTests.storedState(workspace) == DifferentialTests.storedState(alone)) }
    }

    @Test("a job's state is not imported over a state that changed since the job read it, unless --force")
    func staleState() throws {
        let scratch = try Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        try Self.runJob(workspace, scratch, out: scratch.path("job-1"))
        // offsync runs meanwhile: the job's state was computed from none, the workspace has one now.
        _ = try Pipeline.execute(workspace: workspace, output: scratch.path("own-1"), mode: .run)
        let store = try LinkStore(workspace: workspace, readOnly: true)
        let mark = try store.mark()
        let before = try DifferentialTests.storedState(workspace)
        let error = #expect(throws: OffsyncError.self) { try Pipeline.importState(workspace: workspace, from: scratch.path("job-1")) }
        #expect(error?.location?.file == scratch.path("job-1") + "/state/links.parquet")
        #expect(error?.message.hasPrefix("was computed from the state at none, but the workspace's state is now at \(mark)") == true)
        #expect(try store.mark() == mark)
        #expect(try DifferentialTests.storedState(workspace) == before)

        let forced = try Pipeline.importState(workspace: workspace, from: scratch.path("job-1"), force: true)
        #expect(forced.replaced == mark)
        #expect(try store.mark() != mark)
    }

    @Test("files that do not fit the workspace are refused by file, column and row, and the state is left as it was")
    func refusals() throws {
        let scratch = try Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        _ = try Pipeline.execute(workspace: workspace, output: scratch.path("own-1"), mode: .run)
        let mark = try LinkStore(workspace: workspace, readOnly: true).mark()
        let python = try DifferentialTests.python()

        /// Writes links.parquet and baselines.parquet from two SELECTs, noting the workspace's mark.
        func state(_ name: String, links: String, baselines: String) throws -> String {
            let folder = scratch.path(name)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try DifferentialTests.execute(python, ["-c", """
                import duckdb, sys
                c = duckdb.connect()
                for name, query in (("links", sys.argv[2]), ("baselines", sys.argv[3])):
                    c.execute(f"COPY ({query}) TO '{sys.argv[1]}/{name}.parquet' (FORMAT parquet, KV_METADATA {{offsync_state_read: '{sys.argv[4]}'}})")
                """, folder, links, baselines, mark])
            return folder
        }
        let flow = "crm.People -> hub.Contacts"
        let noBaselines = "SELECT 'x' AS flow, 'a' AS source_id, 'b' AS target_id, 'p' AS property, 1::UBIGINT AS digest WHERE false"
        let cases: [(folder: String, file: String, message: String)] = [
            (try state("unknown-flow", links: "SELECT 'crm.People -> elsewhere.Contacts' AS flow, '1' AS source_id, '2' AS target_id, 'merge 1' AS how", baselines: noBaselines),
             "links.parquet (column flow)",
             "row 1 names the flow 'crm.People -> elsewhere.Contacts', which neither the manifest nor the state has: was the job compiled for another workspace?"),
            (try state("twice", links: "SELECT '\(flow)' AS flow, s AS source_id, t AS target_id, 'merge 1' AS how FROM (VALUES ('1', '2'), ('3', '4'), ('1', '5')) v(s, t)", baselines: noBaselines),
             "links.parquet (column source_id)", "row 3 links source record 1 of flow '\(flow)' a second time"),
            (try state("stray-baseline", links: "SELECT '\(flow)' AS flow, '1' AS source_id, '2' AS target_id, 'merge 1' AS how",
                       baselines: "SELECT '\(flow)' AS flow, '1' AS source_id, '9' AS target_id, 'first -> name.first' AS property, 7::UBIGINT AS digest"),
             "baselines.parquet (column source_id)", "row 1 is a baseline of a link links.parquet does not hold (\(flow): 1 → 9)"),
            (try state("null-id", links: "SELECT '\(flow)' AS flow, NULL::VARCHAR AS source_id, '2' AS target_id, 'merge 1' AS how", baselines: noBaselines),
             "links.parquet (column source_id)", "row 1 has no value"),
            (try state("no-target", links: "SELECT '\(flow)' AS flow, '1' AS source_id, 'merge 1' AS how", baselines: noBaselines),
             "links.parquet", "has no column target_id (its columns: flow, source_id, how)"),
        ]
        for item in cases {
            let error = #expect(throws: OffsyncError.self) { try Pipeline.importState(workspace: workspace, from: item.folder) }
            #expect(error.map { "\($0.location!)" } == item.folder + "/" + item.file)
            #expect(error?.message == item.message)
        }
        let empty = scratch.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let missing = #expect(throws: OffsyncError.self) { try Pipeline.importState(workspace: workspace, from: empty) }
        #expect(missing?.location?.file == empty + "/links.parquet")
        #expect(try LinkStore(workspace: workspace, readOnly: true).mark() == mark, "nothing was written")
    }
}
