import Foundation
import Testing

/// `--fail-on`, seen from outside as a pipeline sees it: the exit code, what is printed and
/// what is written.
@Suite("--fail-on gates a pipeline on the report's counts")
struct FailOnTests {
    typealias Scratch = SampleRunTests.Scratch

    @Test("a listed count above zero exits 4 once the report (and a run's outputs and state) are written; zero counts exit 0")
    func gate() throws {
        let scratch = try Scratch()
        let clean = try OffsyncProcess.run(["plan", "samples", "--fail-on", "conflict", "--out", "clean"], in: scratch.folder)
        #expect(clean.status == 0, "the samples have no conflict: \(clean.error)")

        let gated = try OffsyncProcess.run(["plan", "samples", "--fail-on", "conflict,ambiguous", "--out", "gated"], in: scratch.folder)
        #expect(gated.status == 4)
        let flows = try #require(try SampleRunTests.reportJSON(scratch.output("gated"))["flows"] as? [[String: Any]])
        let ambiguous = flows.compactMap { ($0["counts"] as? [String: Int])?["ambiguous"] }.reduce(0, +)
        #expect(ambiguous > 0)
        #expect(gated.error.contains("--fail-on: ambiguous \(ambiguous) "), "\(gated.error)")
        #expect(!gated.error.contains("conflict"), "a count at zero is not named")

        let run = try OffsyncProcess.run(["run", "samples", "--force", "--fail-on", "ambiguous", "--out", "run"], in: scratch.folder)
        #expect(run.status == 4)
        #expect(FileManager.default.fileExists(atPath: scratch.output("run") + "/report.json"))
        #expect(FileManager.default.fileExists(atPath: scratch.workspace.path + "/.offsync/state.sqlite"), "the run is committed first")
    }

    @Test("a name that is not a count is a usage error", arguments: ["conflicts", "ambiguous,", ""])
    func unknownName(_ names: String) throws {
        let scratch = try Scratch()
        let ended = try OffsyncProcess.run(["plan", "samples", "--fail-on", names], in: scratch.folder)
        #expect(ended.status == 2, "\(ended.error)")
        #expect(!FileManager.default.fileExists(atPath: scratch.folder.appendingPathComponent("exports").path))
    }
}
