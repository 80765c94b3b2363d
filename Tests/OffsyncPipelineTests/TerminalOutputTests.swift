import Foundation
import Testing

/// What `run` and `plan` print and exit with, seen from outside the process as a person or a
/// pipeline sees it: `--fail-on`, `--quiet`, `--json`, the verdict.
@Suite("what the command line prints")
struct TerminalOutputTests {
    typealias Scratch = SampleRunTests.Scratch

    @Test("the summary ends with the verdict, in plain text when the output is not a terminal")
    func verdict() throws {
        let scratch = try Scratch()
        let ended = try OffsyncProcess.run(["plan", "samples", "--out", "plan"], in: scratch.folder)
        #expect(ended.status == 0)
        let lines = ended.output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Not ready: ") && $0.contains(" ambiguous") })
        #expect(!ended.output.contains("\u{1B}["), "no colour codes into a pipe")
    }

    @Test("--quiet prints nothing when all is well, and still writes the outputs")
    func quiet() throws {
        let scratch = try Scratch()
        let ended = try OffsyncProcess.run(["run", "samples", "--quiet", "--out", "out"], in: scratch.folder)
        #expect(ended.status == 0 && ended.output.isEmpty && ended.error.isEmpty, "\(ended.output)\(ended.error)")
        #expect(FileManager.default.fileExists(atPath: scratch.output("out") + "/report.json"))
    }

    @Test("--json prints the report's summary as one JSON object: the flows' counts, the verdict, where the report is")
    func json() throws {
        let scratch = try Scratch()
        let ended = try OffsyncProcess.run(["plan", "samples", "--json", "--out", "plan"], in: scratch.folder)
        #expect(ended.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(ended.output.utf8)) as? [String: Any])
        let report = try SampleRunTests.reportJSON(scratch.output("plan"))
        #expect(summary["report"] as? String == scratch.output("plan") + "/report.json")
        #expect((summary["flows"] as? [[String: Any]])?.count == (report["flows"] as? [[String: Any]])?.count)
        #expect(NSDictionary(dictionary: try #require(summary["summary"] as? [String: Any])).isEqual(to: try #require(report["summary"] as? [String: Any])))
        #expect((summary["verdict"] as? String)?.hasPrefix("Not ready: ") == true && summary["ready"] as? Bool == false)
        #expect(summary["findings"] == nil, "the findings stay in the report")
    }

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
