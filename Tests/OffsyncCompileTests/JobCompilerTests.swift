import Foundation
import OffsyncCompile
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncSpec
import Testing

/// What `offsync compile` refuses, and where it writes.
@Suite("offsync compile")
struct JobCompilerTests {
    static let samples = DifferentialTests.repository.appendingPathComponent("samples").path

    @Test("names each conditional creation it cannot compile, at its line")
    func refusesConditionalCreations() throws {
        let spec = try WorkspaceSpec.load(workspace: Self.samples)
        let refused = JobCompiler(spec: spec).unsupported()
        #expect(refused.count == 2)
        #expect(refused.allSatisfy { $0.location?.file.hasSuffix("powerofficego-tidsbanken.rst") == true && $0.location?.line != nil })
        #expect(refused.allSatisfy { $0.message.contains("conditional creation") })
        #expect(throws: OffsyncError.self) { try JobCompiler(spec: spec).compile(engine: .duckdb, workspace: ".") }
    }

    @Test("refuses a workspace that remembers links: the job plans a first run")
    func refusesState() throws {
        let scratch = try DifferentialTests.Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        let spec = try WorkspaceSpec.load(workspace: workspace)
        #expect(JobCompiler(spec: spec).unsupported().isEmpty)
        let refused = JobCompiler(spec: spec, hasState: true).unsupported()
        #expect(refused.map(\.message).contains { $0.contains("state.sqlite") })
    }

    @Test("writes a new folder, replaces an earlier job, and leaves anyone else's folder alone")
    func jobFolder() throws {
        let scratch = try DifferentialTests.Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        let job = scratch.path("job")
        let written = try Pipeline.compile(workspace: workspace, engine: .duckdb, out: job)
        #expect(Set(written.map { ($0 as NSString).lastPathComponent }) == ["job.sql", "job.json", "run", "README.md"])
        let attributes = try FileManager.default.attributesOfItem(atPath: job + "/run")
        #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o111 != 0)
        let description = try String(contentsOfFile: job + "/job.json", encoding: .utf8)
        #expect(description.contains("\"workspace\" : \"..\\/edges\"") || description.contains("\"workspace\" : \"../edges\""))
        _ = try Pipeline.compile(workspace: workspace, engine: .duckdb, out: job)

        let someone = scratch.path("someone")
        try FileManager.default.createDirectory(atPath: someone, withIntermediateDirectories: true)
        try "mine".write(toFile: someone + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: OffsyncError.self) { try Pipeline.compile(workspace: workspace, engine: .duckdb, out: someone) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: someone) == ["notes.txt"])
        #expect(try String(contentsOfFile: someone + "/notes.txt", encoding: .utf8) == "mine")
    }
}
