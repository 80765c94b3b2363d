import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

@Suite("gzip input through zlib")
struct GzipReadingTests {
    /// `printf '[{"id":1,"name":"Ærø"}]' | gzip -n` — made by the gzip tool, not by offsync.
    static let gzipped: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x8b, 0xae, 0x56, 0xca, 0x4c, 0x51,
        0xb2, 0x32, 0xd4, 0x51, 0xca, 0x4b, 0xcc, 0x4d, 0x55, 0xb2, 0x52, 0x3a, 0xdc, 0x56, 0x74, 0x78,
        0x87, 0x52, 0x6d, 0x2c, 0x00, 0xc9, 0x7c, 0x69, 0xb2, 0x19, 0x00, 0x00, 0x00,
    ]

    func loadError(_ name: String, _ bytes: [UInt8]) -> OffsyncError? {
        #expect(throws: OffsyncError.self) { try loadDataset([(name, bytes)]) }
    }

    @Test("a .gz export made by gzip is read transparently")
    func readsGzip() throws {
        let dataset = try loadDataset([("x.json.gz", Self.gzipped)])
        #expect(dataset.value(dataset.records[0], "name") == .string("Ærø"))
        // The file as stored is what manifest.json lists: compressed size and digest.
        #expect(dataset.files[0].bytes == Self.gzipped.count)
    }

    @Test("CSV, NDJSON and JSON exports read the same plain and gzipped", arguments: [
        ("x.csv", "Id;Name\r\n1;\"Bjørn\r\nÆrø\"\r\n2;x\r\n"),
        ("x.ndjson", "{\"Id\":\"1\",\"Name\":\"Bjørn\\r\\nÆrø\"}\n\n{\"Id\":\"2\",\"Name\":\"x\"}\n"),
        ("x.json", "{\"data\":[\n{\"Id\":\"1\",\"Name\":\"Bjørn\\r\\nÆrø\"},\n\n{\"Id\":\"2\",\"Name\":\"x\"}]}"),
    ])
    func sameAsPlain(_ name: String, _ text: String) throws {
        let records = name == "x.json" ? "data" : nil
        let plain = try loadDataset([(name, Array(text.utf8))], records: records, id: "Id")
        let packed = try loadDataset([(name + ".gz", try gzipTool(Array(text.utf8)))], records: records, id: "Id")
        #expect(plain.records.map(\.id) == ["1", "2"])
        #expect(packed.records.map(\.id) == plain.records.map(\.id))
        #expect(packed.records.map(\.line) == plain.records.map(\.line))
        #expect(packed.value(packed.records[0], "Name") == .string("Bjørn\r\nÆrø"))
    }

    @Test("a Windows-1252 CSV inside gzip decodes as the manifest says")
    func windows1252() throws {
        let bytes: [UInt8] = Array("Id;Name\r\n1;Bj".utf8) + [0xF8, 0x72, 0x6E, 0x0D, 0x0A]
        let dataset = try loadDataset([("x.csv.gz", try gzipTool(bytes))], csv: CSVOptions(encoding: .windows1252), id: "Id")
        #expect(dataset.value(dataset.records[0], "Name") == .string("Bjørn"))
    }

    @Test("concatenated gzip members are read one after another")
    func members() throws {
        let bytes = try gzipTool(Array("{\"id\":1}\n".utf8)) + (try gzipTool(Array("{\"id\":2}\n{\"id\":3}\n".utf8)))
        let dataset = try loadDataset([("x.ndjson.gz", bytes)])
        #expect(dataset.records.map(\.id) == ["1", "2", "3"])
        #expect(dataset.records.map(\.line) == [1, 2, 3])
    }

    @Test("a file larger than one inflate buffer is read whole")
    func large() throws {
        let text = (1...20_000).map { "{\"id\":\($0),\"pad\":\"\(String(repeating: "x", count: $0 % 50))\"}\n" }.joined()
        let dataset = try loadDataset([("x.ndjson.gz", try gzipTool(Array(text.utf8)))])
        #expect(dataset.records.count == 20_000)
        #expect(dataset.records.last?.line == 20_000)
    }

    @Test("input handed to zlib in small pieces reads the same, and fails the same", arguments: [1, 7, 64])
    func smallInputChunks(_ size: Int) throws {
        let members = try gzipTool(Array("{\"id\":1}\n".utf8)) + (try gzipTool(Array("{\"id\":2}\n".utf8)))
        #expect(try Gzip.inflate(members, file: "x.gz", inputChunk: size) == Array("{\"id\":1}\n{\"id\":2}\n".utf8))
        let cut = #expect(throws: OffsyncError.self) { try Gzip.inflate(Array(members.dropLast(5)), file: "x.gz", inputChunk: size) }
        #expect(cut?.message.contains("truncated") == true)
        let garbage = #expect(throws: OffsyncError.self) { try Gzip.inflate(members + [1, 2, 3], file: "x.gz", inputChunk: size) }
        #expect(garbage?.message.contains("3 bytes after its data that are not gzip") == true)
    }

    @Test("gzip's CRC-32, folded 64 bytes at a time, equals the bit-by-bit definition at every length and start")
    func crc32() {
        /// The CRC-32 of gzip one bit at a time (RFC 1952, section 8), nothing shared with the fast one.
        func reference(_ crc: UInt32, _ bytes: ArraySlice<UInt8>) -> UInt32 {
            var crc = ~crc
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        #expect(Gzip.crc32(0, Array("123456789".utf8).withUnsafeBufferPointer { $0 }) == 0xCBF4_3926)
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var lengths = Array(0...300) + [511, 512, 513, 1023, 1024, 1040, 4096, 4999]
        lengths += (0..<200).map { _ in Int.random(in: 0...4900, using: &generator) }
        for length in lengths {
            let start = Int.random(in: 0...(bytes.count - length), using: &generator)
            let seed = length % 3 == 0 ? 0 : UInt32.random(in: 0...UInt32.max, using: &generator)
            let fast = bytes.withUnsafeBufferPointer { Gzip.crc32(seed, UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
            let expected = reference(seed, bytes[start..<start + length])
            #expect(fast == expected, "length \(length) at \(start)")
            if fast != expected { return }
        }
    }

    @Test("a gzip member whose CRC-32 or size disagrees with its content is an error, in any chunking", arguments: [1, 7, 1 << 30])
    func trailerChecks(_ inputChunk: Int) throws {
        let content = Array((0..<3000).map { "line \($0)\n" }.joined().utf8)
        let good = try gzipTool(content)
        #expect(try Gzip.inflate(good + good, file: "x.gz", inputChunk: inputChunk) == content + content)
        for (at, words) in [(good.count - 8, "incorrect data check"), (good.count - 4, "incorrect length check")] {
            var bad = good
            bad[at] ^= 0x01
            // In the second member too: each member is checked against its own trailer.
            for file in [bad, good + bad] {
                let error = #expect(throws: OffsyncError.self) { try Gzip.inflate(file, file: "x.gz", inputChunk: inputChunk) }
                #expect(error?.message.contains("corrupt gzip data near byte \(file.count) of the file: \(words)") == true)
            }
        }
    }

    @Test("a truncated gzip file is an error naming the file", arguments: [1, 4, 8, 12, 20])
    func truncated(_ cut: Int) {
        let error = loadError("cut.json.gz", Array(Self.gzipped.dropLast(cut)))
        #expect(error?.location?.file.hasSuffix("/cut.json.gz") == true)
        #expect(error?.message.contains("truncated") == true)
        #expect("\(String(describing: error))".contains("cut.json.gz: "))
    }

    @Test("corrupt gzip data is an error naming the file", arguments: [14, 20, 30, 38, 41])
    func corrupt(_ offset: Int) {
        var bytes = Self.gzipped
        bytes[offset] ^= 0xFF
        let error = loadError("bad.json.gz", bytes)
        #expect(error?.location?.file.hasSuffix("/bad.json.gz") == true)
        #expect(error?.message.contains("corrupt gzip data") == true)
    }

    @Test("bytes after the gzip data that are not gzip are an error naming the file")
    func trailingGarbage() {
        let error = loadError("x.json.gz", Self.gzipped + Array("garbage".utf8))
        #expect(error?.location?.file.hasSuffix("/x.json.gz") == true)
        #expect(error?.message.contains("7 bytes after its data that are not gzip") == true)
    }

    @Test("a .gz file that is not gzip, or empty, is an error naming the file", arguments: [Array("[{\"id\":1}]".utf8), []])
    func notGzip(_ bytes: [UInt8]) {
        let error = loadError("x.json.gz", bytes)
        #expect(error?.location?.file.hasSuffix("/x.json.gz") == true)
        #expect(error?.message.contains("gzip") == true)
    }

    @Test("errors inside gzipped content name the .gz file with line and column of the content")
    func errorInside() throws {
        let error = loadError("x.json.gz", try gzipTool(Array("[\n{\"id\":1,}]".utf8)))
        expectPlace(error, "x.json.gz", line: 2, column: 9)
    }
}
