import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import OffsyncPlan
import Testing

@testable import OffsyncIngest

/// The sample workspace run end to end, checked against what its generator planted
/// (`samples/expected.json`, computed by the generator from the files it wrote).
@Suite("the sample workspace, end to end")
struct SampleRunTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fresh copy of `samples/` (without state) and an output folder, removed afterwards.
    final class Scratch {
        let folder: URL
        let workspace: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("offsync-e2e-\(UUID().uuidString)")
            workspace = folder.appendingPathComponent("samples")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: SampleRunTests.repository.appendingPathComponent("samples"), to: workspace)
            try? FileManager.default.removeItem(at: workspace.appendingPathComponent(".offsync"))
        }

        func output(_ name: String) -> String { folder.appendingPathComponent(name).path }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    struct Expected: Decodable {
        var datasets: [String: [String: Int]]
        var flows: [String: [String: Int]]
    }

    static func expected() throws -> Expected {
        let data = try Data(contentsOf: repository.appendingPathComponent("samples/expected.json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    static func reportJSON(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("report.json counts equal what the sample generator planted")
    func countsMatchTheGenerator() throws {
        let scratch = try Scratch()
        let out = scratch.output("out")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        let report = try Self.reportJSON(out)
        let expected = try Self.expected()

        let flows = try #require(report["flows"] as? [[String: Any]])
        for (name, counts) in expected.flows {
            let flow = try #require(flows.first { "\($0["source"]!) -> \($0["target"]!)" == name }, "flow \(name) is reported")
            let reported = try #require(flow["counts"] as? [String: Int])
            for (key, value) in counts {
                #expect(reported[key] == value, "\(name): \(key)")
            }
        }
        let datasets = try #require(report["datasets"] as? [[String: Any]])
        #expect(datasets.count == expected.datasets.count)
        for dataset in datasets {
            let name = "\(dataset["system"]!).\(dataset["entity"]!)"
            #expect(dataset["records"] as? Int == expected.datasets[name]?["records"], "\(name) records")
            #expect(dataset["invalid"] as? Int == expected.datasets[name]?["invalid"], "\(name) invalid")
        }
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "invalid" && $0["file"] as? String == "dumps/powerofficego/contactpersons-2.json" && $0["line"] != nil })
    }

    @Test("the run writes valid gzip import files, the reports and a manifest with SHA-256")
    func outputs() throws {
        let scratch = try Scratch()
        let out = scratch.output("out")
        let outcome = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        let written = Set(outcome.written.map(\.path))
        for name in ["report.json", "report.md", "report.html", "manifest.json",
                     "import/youtrack/Users.update.jsonl.gz", "import/zendesk/Organizations.create.jsonl.gz",
                     "import/zendesk/Organizations.update.jsonl.gz", "import/powerofficego/Customers.update.jsonl.gz"] {
            #expect(written.contains(name), "\(name) is written")
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) exists")
        }
        let expected = try Self.expected()
        let organizations = expected.flows["powerofficego.Customers -> zendesk.Organizations"]!
        for file in outcome.written where file.path.hasSuffix(".gz") {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + file.path)))
            let lines = try Gzip.inflate(bytes, file: file.path).split(separator: UInt8(ascii: "\n"))
            #expect(lines.count == file.records, "\(file.path)")
            for line in lines { _ = try JSONSerialization.jsonObject(with: Data(line)) }
        }
        // Each create file holds the creates of every flow into its dataset (Customers and
        // Departments both create Zendesk Organizations), one per source record: two sections
        // of one document binding the same datasets (Tidsbanken's conditional and every
        // section) create a record once, so they count once, as the larger of the two.
        let flows = try #require(try Self.reportJSON(out)["flows"] as? [[String: Any]])
        for file in outcome.written where file.path.hasSuffix(".create.jsonl.gz") {
            let dataset = file.path.dropFirst("import/".count).dropLast(".create.jsonl.gz".count).replacingOccurrences(of: "/", with: ".")
            var bySource: [String: Int] = [:]
            for flow in flows where flow["target"] as? String == dataset {
                let creates = try #require((flow["counts"] as? [String: Int])?["create"])
                bySource[flow["source"] as! String] = max(bySource[flow["source"] as! String] ?? 0, creates)
            }
            #expect(file.records == bySource.values.reduce(0, +), "\(file.path)")
        }
        #expect(flows.contains { $0["source"] as? String == "powerofficego.Customers" && ($0["counts"] as? [String: Int])?["create"] == organizations["create"] })

        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.count == 26)
        #expect(inputs.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        #expect(outputs.count == outcome.written.count - 1)  // all but manifest.json itself

        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("powerofficego.Contactperson → youtrack.Users"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script src"))
    }

    @Test("the same inputs give byte-identical outputs")
    func deterministic() throws {
        let first = try Scratch()
        let second = try Scratch()
        let a = try Pipeline.execute(workspace: first.workspace.path, output: first.output("out"), mode: .run)
        let b = try Pipeline.execute(workspace: second.workspace.path, output: second.output("out"), mode: .run)
        #expect(a.written.map(\.path) == b.written.map(\.path))
        #expect(a.written.map(\.sha256) == b.written.map(\.sha256))
    }

    @Test("references to records the same run creates are counted as pending, in one finding, not one warning each")
    func pendingReferences() throws {
        let scratch = try Scratch()
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run, options: .init(force: true))
        let report = try Self.reportJSON(scratch.output("out"))
        let flows = try #require(report["flows"] as? [[String: Any]])
        let projects = try #require(flows.first { $0["source"] as? String == "powerofficego.Projects" && $0["target"] as? String == "crmoffice.Activities" })
        let pending = try #require((projects["counts"] as? [String: Int])?["pending_reference"])
        #expect(pending > 0, "project managers are employees this run creates as crmoffice contacts")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let activities = "powerofficego.Projects -> crmoffice.Activities"
        let grouped = findings.filter { $0["code"] as? String == "pending_reference" && ($0["message"] as? String)?.hasPrefix(activities) == true }
        #expect(grouped.count == 1)
        #expect((grouped.first?["message"] as? String)?.contains("\(pending) values of 'ProjectManagerEmployeeId'") == true)
        #expect((grouped.first?["message"] as? String)?.contains("`offsync ack`") == true)
        #expect(!findings.contains {
            $0["code"] as? String == "unresolved_reference" && ($0["message"] as? String)?.hasPrefix(activities) == true
        })
    }

    @Test("each mapped property says how many linked pairs change which way, with its first changes as examples")
    func changesByProperty() throws {
        let scratch = try Scratch()
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run)
        let flows = try #require(try Self.reportJSON(scratch.output("out"))["flows"] as? [[String: Any]])
        var seen = 0
        for flow in flows {
            let counts = try #require(flow["counts"] as? [String: Int])
            let properties = try #require(flow["properties"] as? [[String: Any]])
            let toTarget = properties.compactMap { $0["to_target"] as? Int }, toSource = properties.compactMap { $0["to_source"] as? Int }
            // A pair updated in two properties counts in both.
            #expect(toTarget.reduce(0, +) >= counts["update_target"]! && toSource.reduce(0, +) >= counts["update_source"]!)
            #expect(toTarget.allSatisfy { $0 <= counts["update_target"]! } && toSource.allSatisfy { $0 <= counts["update_source"]! })
            for property in properties {
                let examples = try #require(property["examples"] as? [[String: Any]])
                let changes = (property["to_target"] as! Int) + (property["to_source"] as! Int)
                #expect(examples.count <= 5 && (changes == 0 || !examples.isEmpty))
                for example in examples {
                    #expect(["to_target", "to_source", "conflict"].contains(example["direction"] as? String))
                    #expect(!(example["reason"] as? String ?? "").isEmpty && example["source_id"] is String && example["target_id"] is String)
                    seen += 1
                }
            }
        }
        #expect(seen >= 10, "the samples change values both ways")
    }

    @Test("plan writes the reports only and leaves no state behind")
    func planOnly() throws {
        let scratch = try Scratch()
        let outcome = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("plan"), mode: .plan)
        #expect(outcome.written.map(\.path).sorted() == ["findings.jsonl.gz", "identities.jsonl.gz", "manifest.json", "report.html", "report.json", "report.md"])
        // Only the workspace lock: no state.
        #expect(!FileManager.default.fileExists(atPath: scratch.workspace.appendingPathComponent(".offsync/state.sqlite").path))
    }

    @Test("a second run remembers the links of the first")
    func rememberedLinks() throws {
        let scratch = try Scratch()
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("one"), mode: .run)
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("two"), mode: .run)
        let flows = try #require(try Self.reportJSON(scratch.output("two"))["flows"] as? [[String: Any]])
        let users = try #require(flows.first { $0["source"] as? String == "powerofficego.Contactperson" && $0["target"] as? String == "youtrack.Users" })
        let counts = try #require(users["counts"] as? [String: Int])
        let expected = try Self.expected().flows["powerofficego.Contactperson -> youtrack.Users"]!
        #expect(counts["linked"] == expected["linked"])
        #expect(counts["matched"] == 0)
    }

    @Test("bad input exits with a message naming the place, and no output folder is left behind")
    func badInput() throws {
        let scratch = try Scratch()
        let page = scratch.workspace.appendingPathComponent("dumps/powerofficego/contactpersons-2.json")
        var text = try String(contentsOf: page, encoding: .utf8)
        text.insert(contentsOf: "{oops", at: text.index(text.startIndex, offsetBy: 1))
        try text.write(to: page, atomically: true, encoding: .utf8)
        let out = scratch.output("out")
        let error = #expect(throws: OffsyncError.self) {
            try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        }
        #expect(error?.kind == .badInput)
        #expect(error?.location?.file.hasSuffix("contactpersons-2.json") == true)
        #expect(error?.location?.line == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }
}
