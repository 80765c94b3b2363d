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

    @Test("samples/compiled and samples/compiled-spark are the jobs `offsync compile` writes for the samples today",
          arguments: zip([Engine.duckdb, .spark], ["compiled", "compiled-spark"]))
    func committedSampleJob(engine: Engine, folder: String) throws {
        let scratch = try DifferentialTests.Scratch()
        let fresh = scratch.path("job")
        _ = try Pipeline.compile(workspace: Self.samples, engine: engine, out: fresh)
        let committed = Self.samples + "/" + folder
        for name in ["job.sql", "run", "README.md"] {
            #expect(try String(contentsOfFile: committed + "/" + name, encoding: .utf8) == String(contentsOfFile: fresh + "/" + name, encoding: .utf8),
                    "samples/\(folder)/\(name) is out of date: run `make samples`")
        }
        // The workspace is named relative to the job folder: `..` for samples/compiled.
        func description(_ folder: String) throws -> NSMutableDictionary {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/job.json")))
            return try #require((object as? NSDictionary)?.mutableCopy() as? NSMutableDictionary)
        }
        let old = try description(committed), new = try description(fresh)
        #expect(old["workspace"] as? String == "..")
        old.removeObject(forKey: "workspace")
        new.removeObject(forKey: "workspace")
        #expect(old == new)
    }

    @Test("names what it cannot compile at its manifest key, and writes nothing")
    func refusesWhatItCannotDecide() throws {
        let scratch = try DifferentialTests.Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        let manifest = workspace + "/offsync.yaml"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
            .replacingOccurrences(of: "properties: { Name: title }", with: "properties: { Name: title, \"Kind's\": kind }")
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        let refused = JobCompiler(spec: try WorkspaceSpec.load(workspace: workspace)).unsupported()
        #expect(refused.count == 1)
        #expect(refused.map(\.message).contains { $0.contains("crm.Teams -> hub.Groups: the property 'Kind's' holds a quote") })
        #expect(refused.allSatisfy { $0.location?.file.hasSuffix("offsync.yaml") == true && $0.location?.line != nil })
        let job = scratch.path("job")
        #expect(throws: OffsyncError.self) { try Pipeline.compile(workspace: workspace, engine: .duckdb, out: job) }
        #expect(!FileManager.default.fileExists(atPath: job))
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
