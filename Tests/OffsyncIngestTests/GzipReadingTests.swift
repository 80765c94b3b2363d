import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest

@Suite("gzip input through zlib")
struct GzipReadingTests {
    /// `printf '[{"id":1,"name":"Ærø"}]' | gzip -n` — made by the gzip tool, not by offsync.
    static let gzipped: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x8b, 0xae, 0x56, 0xca, 0x4c, 0x51,
        0xb2, 0x32, 0xd4, 0x51, 0xca, 0x4b, 0xcc, 0x4d, 0x55, 0xb2, 0x52, 0x3a, 0xdc, 0x56, 0x74, 0x78,
        0x87, 0x52, 0x6d, 0x2c, 0x00, 0xc9, 0x7c, 0x69, 0xb2, 0x19, 0x00, 0x00, 0x00,
    ]

    @Test("a .gz export made by gzip is read transparently")
    func readsGzip() throws {
        let folder = TemporaryFolder()
        folder.write("x.json.gz", Self.gzipped)
        var loader = DatasetLoader(root: folder.path)
        let dataset = try loader.load(DatasetSpec(key: DatasetKey(system: "s", entity: "E"), files: ["x.json.gz"], id: "id"))
        #expect(dataset.value(dataset.records[0], "name") == .string("Ærø"))
    }

    @Test("a truncated gzip file is an error naming the file")
    func truncated() {
        let error = #expect(throws: OffsyncError.self) { try Gzip.inflate(Array(Self.gzipped.dropLast(12)), file: "cut.json.gz") }
        #expect(error?.location?.file == "cut.json.gz")
        #expect(error?.message.contains("truncated") == true)
    }

    @Test("corrupt gzip data is an error")
    func corrupt() {
        var bytes = Self.gzipped
        bytes[14] ^= 0xFF
        bytes[15] ^= 0xFF
        #expect(throws: OffsyncError.self) { try Gzip.inflate(bytes, file: "bad.gz") }
    }
}
