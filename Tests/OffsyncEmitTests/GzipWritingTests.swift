import Foundation
import OffsyncEmit
import Testing

@testable import OffsyncIngest

@Suite("gzip output through zlib")
struct GzipWritingTests {
    static let text = Array((0..<2000).map { "{\"_id\":\"\($0)\",\"name\":\"Ærøy Bygg \($0 % 7)\"}\n" }.joined().utf8)

    @Test("written then read back gives the same bytes")
    func roundTrip() throws {
        let compressed = try GzipWriter.compress(Self.text)
        #expect(compressed.count < Self.text.count / 4)
        #expect(try Gzip.inflate(compressed, file: "t.gz") == Self.text)
        #expect(try Gzip.inflate(try GzipWriter.compress([]), file: "empty.gz") == [])
    }

    @Test("a member compressed piece by piece is the same text, whatever the pieces")
    func streamed() throws {
        for size in [1, 7, 4096, 70_000, Self.text.count] {
            let deflater = try GzipWriter.Deflater()
            var start = 0
            while start < Self.text.count {
                try deflater.append(Array(Self.text[start..<min(start + size, Self.text.count)]))
                start += size
            }
            #expect(try Gzip.inflate(try deflater.finish(), file: "s.gz") == Self.text, "pieces of \(size)")
        }
        #expect(try Gzip.inflate(try GzipWriter.Deflater().finish(), file: "empty.gz") == [])
    }

    @Test("the header carries no time and no file name, so equal input gives equal bytes")
    func deterministic() throws {
        let a = try GzipWriter.compress(Self.text)
        #expect(a == (try GzipWriter.compress(Self.text)))
        #expect(Array(a[0..<4]) == [0x1f, 0x8b, 0x08, 0x00])  // FLG 0: no name, no comment
        #expect(Array(a[4..<8]) == [0, 0, 0, 0])  // MTIME 0
    }

    @Test("the gzip tool reads what offsync writes")
    func gzipToolReadsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offsync-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.jsonl.gz")
        try Data(try GzipWriter.compress(Self.text, level: 9)).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc '\(file.path)'"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Array(output) == Self.text)
    }
}
