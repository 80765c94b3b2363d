import Foundation
import OffsyncCompile
import OffsyncPipeline
import Testing

/// offsync's own engine and the compiled Spark job (local mode) on the same workspaces: every
/// flow's counts, every import line and the next state must be equal, as for the DuckDB job.
/// `make test-engines` installs PySpark and names its interpreter in `OFFSYNC_SPARK_PYTHON`.
@Suite("a compiled Spark job decides as offsync run does", .serialized)
struct SparkDifferentialTests {
    typealias Scratch = DifferentialTests.Scratch

    @Test("the sample workspace: every flow of the six documents, conditional creations included")
    func samples() throws {
        let scratch = try Scratch()
        try DifferentialTests.compare(try scratch.samples(), scratch, engine: .spark)
    }

    @Test("the bench's workspace shape: correlation, ambiguity, content links, pending references")
    func benchShape() throws {
        try DifferentialTests.benchShape(engine: .spark)
    }

    @Test("the circuit breaker: both refuse a second run that rewrites most organizations; --force writes the same")
    func circuitBreaker() throws {
        try DifferentialTests.circuitBreaker(engine: .spark)
    }

    @Test("merge combinations, types, policies, where, sibling sections and batches; then a second run with edits on both sides")
    func edges() throws {
        let scratch = try Scratch()
        let workspace = scratch.path("edges")
        try EdgeWorkspace.write(to: workspace)
        try DifferentialTests.compare(workspace, scratch, engine: .spark)
        try EdgeWorkspace.write(to: workspace, edited: true)
        let second = try Scratch()
        let counts = try DifferentialTests.compare(workspace, second, engine: .spark, allowDeletes: true)
        let people = try #require(counts.first)
        #expect(people.counts["conflict"] == 1 && people.counts["orphan"] == 2 && people.counts["delete"] == 1)
    }

    @Test("Spark job, then offsync, then the job; and the reverse: the same as offsync three times, state carried by import")
    func alternating() throws {
        try StateImportTests.alternate(engine: .spark)
    }
}
