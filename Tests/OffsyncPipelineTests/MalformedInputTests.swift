import Foundation
import OffsyncDiagnostics
import OffsyncPipeline
import Testing

@testable import OffsyncIngest

/// Malformed exports in the sample workspace: the run fails with a bad-input error (exit 1)
/// naming file, line and column, and leaves no output folder behind (not even a staging one).
@Suite("malformed exports, end to end")
struct MalformedInputTests {
    typealias Scratch = SampleRunTests.Scratch

    /// Runs the workspace, expecting a bad-input error; checks that nothing was written.
    static func failingRun(_ scratch: Scratch, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> OffsyncError {
        let out = scratch.output("out")
        let error = try #require(throws: OffsyncError.self, sourceLocation: sourceLocation) {
            try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        }
        #expect(error.kind == .badInput, sourceLocation: sourceLocation)
        #expect(error.kind.exitCode == 1, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), "no output folder", sourceLocation: sourceLocation)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0 != "samples" }
        #expect(leftovers.isEmpty, "nothing beside the workspace: \(leftovers)", sourceLocation: sourceLocation)
        return error
    }

    /// Line and column (in characters) of the first occurrence of `needle` in `text`.
    static func place(of needle: String, in text: String) throws -> (line: Int, column: Int) {
        let range = try #require(text.range(of: needle))
        let before = text.unicodeScalars[..<range.lowerBound]
        let line = 1 + before.filter { $0 == "\n" }.count
        let lineStart = before.lastIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.unicodeScalars.startIndex
        return (line, 1 + text.unicodeScalars[lineStart..<range.lowerBound].count)
    }

    func expectPlace(_ error: OffsyncError, _ suffix: String, _ line: Int, _ column: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(error.location?.file.hasSuffix(suffix) == true, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location?.column == column, "\(error)", sourceLocation: sourceLocation)
        #expect("\(error)".contains("\(suffix):\(line):\(column): "), "\(error)", sourceLocation: sourceLocation)
    }

    func dump(_ scratch: Scratch, _ path: String) -> URL { scratch.workspace.appendingPathComponent("dumps/" + path) }

    /// `gzip -n` of some bytes, made by the gzip tool.
    static func gzip(_ bytes: [UInt8], in folder: URL) throws -> [UInt8] {
        let file = folder.appendingPathComponent("gzip-input")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", "-f", file.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        defer { try? FileManager.default.removeItem(atPath: file.path + ".gz") }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: file.path + ".gz")))
    }

    @Test("a JSON syntax error deep in a paged export names file, line and column")
    func badJSON() throws {
        let scratch = try Scratch()
        let page = dump(scratch, "powerofficego/contactpersons-1.json")
        var text = try String(contentsOf: page, encoding: .utf8)
        // Break the tenth record: a doubled comma after its id.
        let ids = text.ranges(of: "\"id\":")
        try #require(ids.count > 10)
        let valueEnd = try #require(text[ids[9].upperBound...].firstIndex(of: ","))
        text.insert(",", at: valueEnd)
        try text.write(to: page, atomically: true, encoding: .utf8)
        let broken = try Self.place(of: ",,", in: text)
        let error = try Self.failingRun(scratch)
        expectPlace(error, "dumps/powerofficego/contactpersons-1.json", broken.line, broken.column + 1)
        #expect(broken.line > 1)
    }

    @Test("a CSV row with too few fields names file, line and column, and suggests lenient")
    func shortCSVRow() throws {
        let scratch = try Scratch()
        let file = dump(scratch, "powerofficego/customers.csv")
        let bytes = [UInt8](try Data(contentsOf: file))
        try #require(bytes.last == 0x0A)
        let lines = bytes.filter { $0 == 0x0A }.count
        try Data(bytes + Array("999;short\r\n".utf8)).write(to: file)
        let error = try Self.failingRun(scratch)
        expectPlace(error, "dumps/powerofficego/customers.csv", lines + 1, 10)
        #expect(error.message.contains("lenient"))
    }

    @Test("with csv lenient the short row is skipped, counted invalid and reported with file and line")
    func lenientCSVRow() throws {
        let scratch = try Scratch()
        let file = dump(scratch, "powerofficego/customers.csv")
        let bytes = [UInt8](try Data(contentsOf: file))
        let lines = bytes.filter { $0 == 0x0A }.count
        try Data(bytes + Array("999;short\r\n".utf8)).write(to: file)
        let manifest = scratch.workspace.appendingPathComponent("offsync.yaml")
        let yaml = try String(contentsOf: manifest, encoding: .utf8)
        let lenient = yaml.replacingOccurrences(of: "encoding: windows-1252 }", with: "encoding: windows-1252, lenient: true }")
        try #require(lenient != yaml)
        try lenient.write(to: manifest, atomically: true, encoding: .utf8)

        let out = scratch.output("out")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        let report = try SampleRunTests.reportJSON(out)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let skipped = findings.filter {
            $0["code"] as? String == "invalid" && $0["file"] as? String == "dumps/powerofficego/customers.csv" && $0["line"] as? Int == lines + 1
        }
        #expect(skipped.count == 2)  // Customers and Customers person both read the file
        #expect(skipped.allSatisfy { $0["column"] as? Int == 10 && ($0["message"] as? String)?.contains("skipped") == true })
        let expected = try SampleRunTests.expected()
        let datasets = try #require(report["datasets"] as? [[String: Any]])
        for entity in ["Customers", "Customers person"] {
            let dataset = try #require(datasets.first { $0["system"] as? String == "powerofficego" && $0["entity"] as? String == entity })
            #expect(dataset["invalid"] as? Int == (expected.datasets["powerofficego.\(entity)"]?["invalid"] ?? 0) + 1)
            #expect(dataset["records"] as? Int == expected.datasets["powerofficego.\(entity)"]?["records"])
        }
    }

    @Test("a byte that is not UTF-8 in a UTF-8 CSV names file, line and column and suggests the encoding")
    func invalidUTF8() throws {
        let scratch = try Scratch()
        let file = dump(scratch, "custompms/customers.csv")
        var bytes = [UInt8](try Data(contentsOf: file))
        // "Bjørn" as Windows-1252 at the start of the third line.
        var offset = 0
        for _ in 0..<2 { offset = bytes[offset...].firstIndex(of: 0x0A)! + 1 }
        bytes.insert(contentsOf: Array("Bj".utf8) + [0xF8] + Array("rn".utf8), at: offset)
        try Data(bytes).write(to: file)
        let error = try Self.failingRun(scratch)
        expectPlace(error, "dumps/custompms/customers.csv", 3, 3)
        #expect(error.message.contains("windows-1252"))
    }

    @Test("a truncated gzip export is an error naming the file")
    func truncatedGzip() throws {
        let scratch = try Scratch()
        let file = dump(scratch, "youtrack/users.json.gz")
        let bytes = [UInt8](try Data(contentsOf: file))
        try Data(bytes.prefix(bytes.count / 2)).write(to: file)
        let error = try Self.failingRun(scratch)
        #expect(error.location?.file.hasSuffix("dumps/youtrack/users.json.gz") == true)
        #expect(error.message.contains("truncated"))
    }

    @Test("corrupt gzip data is an error naming the file")
    func corruptGzip() throws {
        let scratch = try Scratch()
        let file = dump(scratch, "youtrack/users.json.gz")
        var bytes = [UInt8](try Data(contentsOf: file))
        for i in stride(from: 20, to: min(bytes.count - 8, 60), by: 3) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: file)
        let error = try Self.failingRun(scratch)
        #expect(error.location?.file.hasSuffix("dumps/youtrack/users.json.gz") == true)
        #expect(error.message.contains("corrupt gzip data"))
    }

    @Test("a JSON error inside a gzip export names the .gz file with line and column")
    func badJSONInsideGzip() throws {
        let scratch = try Scratch()
        let file = dump(scratch, "powerofficego/products.json.gz")
        let plain = try Gzip.inflate([UInt8](try Data(contentsOf: file)), file: file.path)
        var text = String(decoding: plain, as: UTF8.self)
        let second = try #require(text.ranges(of: "\"id\":").dropFirst().first)
        text.replaceSubrange(second, with: "\"id\"::")
        try Data(try Self.gzip(Array(text.utf8), in: scratch.folder)).write(to: file)
        let broken = try Self.place(of: "::", in: text)
        let error = try Self.failingRun(scratch)
        expectPlace(error, "dumps/powerofficego/products.json.gz", broken.line, broken.column + 1)
    }

    @Test("a duplicate JSON key is a finding in report.json, not a failure")
    func duplicateKey() throws {
        let scratch = try Scratch()
        let page = dump(scratch, "zendesk/organizations.json")
        var text = try String(contentsOf: page, encoding: .utf8)
        let first = try #require(text.range(of: "\"name\":"))
        text.insert(contentsOf: "\"name\": \"shadowed\", ", at: first.lowerBound)
        try text.write(to: page, atomically: true, encoding: .utf8)
        let out = scratch.output("out")
        _ = try Pipeline.execute(workspace: scratch.workspace.path, output: out, mode: .run)
        let findings = try #require(try SampleRunTests.reportJSON(out)["findings"] as? [[String: Any]])
        let duplicates = findings.filter { $0["code"] as? String == "duplicate_key" }
        #expect(duplicates.count == 1)
        let finding = try #require(duplicates.first)
        #expect(finding["file"] as? String == "dumps/zendesk/organizations.json")
        let inserted = try Self.place(of: "\"name\": \"shadowed\"", in: text)
        #expect(finding["line"] as? Int == inserted.line)
        #expect(finding["column"] as? Int == inserted.column + 20)
        #expect((finding["message"] as? String)?.contains("the last value is kept") == true)
        #expect(finding["record_id"] != nil)
    }
}
