import Foundation
import Testing

@testable import OffsyncPipeline

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

    @Test("each command's help says what it does to files and state: plan never offers to write import files")
    func help() throws {
        let scratch = try Scratch()
        let plan = try OffsyncProcess.run(["plan", "--help"], in: scratch.folder)
        let run = try OffsyncProcess.run(["run", "--help"], in: scratch.folder)
        #expect(plan.status == 0 && run.status == 0)
        // As one line of words: the help wraps to the terminal's width.
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(words(plan.output).contains("leave state untouched") && words(plan.output).contains("--force Exit 0 instead of 3"))
        #expect(!words(plan.output).contains("import file") && !words(plan.output).contains("update state"), "\(plan.output)")
        #expect(words(run.output).contains("--force Write the import files and update state even when the circuit breaker trips"))
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

/// What a run tells its progress line: each stage as it starts, then how far it got.
@Suite("a run's progress")
struct RunProgressTests {
    /// The events of one run, in order (told from several threads: kept under a lock).
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [Pipeline.Progress] = []
        func add(_ event: Pipeline.Progress) { lock.withLock { events.append(event) } }
        var all: [Pipeline.Progress] { lock.withLock { events } }
    }

    @Test("stages in order; files read with their bytes, flows linked and compared, files written")
    func events() throws {
        let scratch = try SampleRunTests.Scratch()
        let events = Events()
        let outcome = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run) { events.add($0) }
        var stages: [String] = []
        var details: [String: [String]] = [:]
        for event in events.all {
            switch event {
            case .started(let stage): stages.append(stage)
            case .advanced(let detail): details[stages.last ?? "", default: []].append(detail)
            }
        }
        #expect(stages == [
            "reading the manifest and documents", "reading the exports", "reading state", "linking", "comparing", "planning",
            "writing the outputs", "saving state",
        ])
        let flows = outcome.plan.flows.count
        let files = outcome.plan.datasets.flatMap(\.files)
        let distinct = Set(files.map(\.path))
        let bytes = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }).values.reduce(0, +)
        #expect(details["reading the exports"]?.count == distinct.count)
        #expect(details["reading the exports"]?.last == "\(distinct.count) files, \(Pipeline.megabytes(bytes)) read")
        let linked = try #require(details["linking"])
        #expect(linked.count == flows && linked.last?.hasPrefix("\(flows) of \(flows) flows, ") == true, "\(linked)")
        #expect(details["comparing"] == (1...flows).map { "\($0) of \(flows) flows" })
        // Each file as it is written, one at a time.
        #expect(details["writing the outputs"] == (1...outcome.written.count).map { "\($0) files written" })
    }
}
