import Foundation
import OffsyncDiagnostics
import OffsyncTestSupport
import Testing

@testable import OffsyncIngest

/// The files in `ParquetFiles/` were written by DuckDB (`make.py` there): one table of 2,500
/// rows in two or three row groups, each value a function of its row number.
@Suite("Parquet files as DuckDB and Spark write them")
struct ParquetFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ParquetFiles").path

    static func file(_ name: String) throws -> ParquetFile {
        try ParquetFile(path: "\(folder)/\(name)")
    }

    @Test("every value of every column, in each layout offsync reads", arguments: [
        "plain-gzip.parquet", "dictionary-snappy.parquet", "dictionary-uncompressed-v2.parquet", "plain-snappy-v2.parquet",
        "prefixes-pyarrow.parquet",
    ])
    func readsEveryLayout(_ name: String) throws {
        let file = try Self.file(name)
        let rows = 0..<2500
        #expect(file.rowCount == 2500)
        #expect(file.columns.map(\.name) == ["id", "name", "digest", "small", "scattered", "flag", "ratio", "how"])
        // pyarrow marks every column optional, DuckDB those that hold a null.
        #expect(file.columns.map(\.isOptional) == (name.contains("pyarrow") ? Array(repeating: true, count: 8) : [false, true, false, false, false, true, false, false]))
        #expect(try file.values(of: "id") == .integers(rows.map { Int64($0) }))
        #expect(try file.values(of: "name") == .texts(rows.map { $0 % 7 == 3 ? nil : "name-\($0)" + ($0 % 10 == 0 ? " ñ✓" : "") }))
        // Unsigned 64-bit numbers above Int64.max keep their bits.
        #expect(try file.values(of: "digest") == .integers(rows.map { Int64(bitPattern: UInt64($0) &* 11_400_714_819_323_198_485) }))
        #expect(try file.values(of: "small") == .integers(rows.map { Int64($0 % 5 - 2) }))
        // Differences of all 64 bits, in the delta encoding's widest packing.
        #expect(try file.values(of: "scattered") == .integers(rows.map { Int64(bitPattern: UInt64($0 * $0) &* 11_400_714_819_323_198_485) }))
        #expect(try file.values(of: "flag") == .booleans(rows.map { $0 % 11 == 0 ? nil : $0 % 3 == 0 }))
        #expect(try file.values(of: "ratio") == .doubles(rows.map { Double($0) / 4 }))
        #expect(try file.values(of: "how") == .texts(rows.map { $0 % 2 == 0 ? "merge 1" : "correlation" }))
    }

    @Test("the footer's key-value metadata")
    func metadata() throws {
        #expect(try Self.file("plain-gzip.parquet").metadata["written_by"] == "make.py")
    }

    @Test("a codec offsync does not read is named with the file and column")
    func refusesZstd() throws {
        let file = try Self.file("zstd.parquet")
        let error = #expect(throws: OffsyncError.self) { try file.values(of: "name") }
        #expect(error?.location?.file.hasSuffix("zstd.parquet") == true)
        #expect(error?.message == "column name: its pages are compressed with codec 6; offsync reads uncompressed, snappy and gzip pages")
    }

    @Test("a column the file lacks is named, with the columns it has")
    func missingColumn() throws {
        let error = #expect(throws: OffsyncError.self) { try Self.file("plain-gzip.parquet").values(of: "target_id") }
        #expect(error?.message == "has no column target_id (its columns: id, name, digest, small, scattered, flag, ratio, how)")
    }

    @Test("a file that is not Parquet, or is cut short, is refused by name")
    func notParquet() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/plain-gzip.parquet")))
        for cut in [Array("[{\"id\": 1}]".utf8), Array(bytes.prefix(bytes.count / 2)), Array(bytes.prefix(8))] {
            let error = #expect(throws: OffsyncError.self) { try ParquetFile(bytes: cut, path: "state/links.parquet") }
            #expect(error?.location?.file == "state/links.parquet")
            #expect(error?.kind == .badInput)
        }
    }

    /// Damage anywhere (a byte changed in the footer, a page header or a page) is a message or,
    /// where the change still makes a valid file, other values: never a crash or a read past
    /// the end. Seeded: the same 600 files every run.
    @Test("damaged files are refused, never a crash", arguments: ["plain-gzip.parquet", "dictionary-snappy.parquet", "dictionary-uncompressed-v2.parquet"])
    func damage(_ name: String) throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(name)")))
        var numbers = SeededNumbers(seed: 17)
        var refused = 0
        for round in 0..<200 {
            var bytes = original
            // The footer is the last few hundred bytes: a third of the rounds change it.
            let place = round % 3 == 0 ? bytes.count - 8 - numbers.next(min(600, bytes.count - 12)) : numbers.next(bytes.count)
            bytes[place] ^= UInt8(1 + numbers.next(255))
            do {
                let file = try ParquetFile(bytes: bytes, path: name)
                for column in file.columns { _ = try file.values(of: column.name) }
            } catch {
                #expect(error.location?.file == name)
                refused += 1
            }
        }
        // Many changes are caught (39 to 163 of 200: the gzip checks, lengths, counts); a changed
        // byte of a value in an uncompressed page, or of the footer's statistics, is not damage
        // a reader could see.
        #expect(refused > 30)
    }
}
