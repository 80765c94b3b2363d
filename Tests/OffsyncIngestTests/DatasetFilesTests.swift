#if canImport(Glibc)
import Glibc
#endif
import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

@Suite("datasets over several files")
struct DatasetFilesTests {
    @Test("a paged export read through a glob keeps file and line on every record")
    func pages() throws {
        let folder = TemporaryFolder()
        folder.write("dumps/customers-1.json", "[\n{\"id\":\"a\"},\n{\"id\":\"b\"}\n]")
        try gzipFiles([folder.write("dumps/customers-2.json", "[{\"id\":\"c\"},\n\n{\"id\":\"d\"}]")])
        folder.write("dumps/customers-3.ndjson", "{\"id\":\"e\"}\n\n\n{\"id\":\"f\"}\n")
        folder.write("dumps/other.json", "[{\"id\":\"no\"}]")
        var loader = DatasetLoader(root: folder.path)
        let dataset = try loader.load(DatasetSpec(
            key: DatasetKey(system: "s", entity: "Customers"), files: ["dumps/customers-*.json.gz", "dumps/customers-[13].*json"], id: "id"))
        #expect(dataset.files.map { $0.path.split(separator: "/").last! } == ["customers-2.json.gz", "customers-1.json", "customers-3.ndjson"])
        #expect(dataset.files.map(\.records) == [2, 2, 2])
        #expect(dataset.records.map(\.id) == ["c", "d", "a", "b", "e", "f"])
        let places = dataset.records.map { dataset.location(of: $0) }
        #expect(places.map { $0.file.split(separator: "/").last! } == [
            "customers-2.json.gz", "customers-2.json.gz", "customers-1.json", "customers-1.json", "customers-3.ndjson", "customers-3.ndjson",
        ])
        #expect(places.map(\.line) == [1, 3, 2, 3, 1, 4])
    }

    @Test("with the guard installed, a mapped file cut short by another program while it is read exits 1 naming the file, instead of crashing on SIGBUS")
    func cutShortWhileRead() async {
        let result = await #expect(processExitsWith: .exitCode(1), observing: [\.standardErrorContent]) {
            MappedFileGuard.install()  // as the executable does at start
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("offsync-cut-\(getpid()).json").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: " "), count: 1 << 20))
            defer { unlink(path) }
            let bytes = try LoadedBytes(file: path)
            // As a shell's `>` does to an export being written again.
            truncate(path, 0)
            var sum = 0
            for offset in stride(from: 0, to: bytes.buffer.count, by: 4096) { sum &+= Int(bytes.buffer[offset]) }
            print(sum)  // not reached: the first page read raises SIGBUS
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.hasPrefix("offsync: error: /"))
        #expect(message.contains("offsync-cut-"))
        #expect(message.contains(".json: the file was cut short while it was being read"))
    }

    @Test("without the guard installed, the library leaves SIGBUS alone: a mapped file cut short while it is read kills the process with SIGBUS")
    func cutShortUnguarded() async {
        await #expect(processExitsWith: .signal(SIGBUS)) {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("offsync-unguarded-\(getpid()).json").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: " "), count: 1 << 16))
            defer { unlink(path) }
            let bytes = try LoadedBytes(file: path)  // registers the mapping, installs nothing
            truncate(path, 0)
            print(bytes.buffer[8192])
        }
    }

    @Test("a SIGBUS outside the files the loader mapped is left to the action before (the process still dies of it)")
    func otherSIGBUS() async {
        await #expect(processExitsWith: .signal(SIGBUS)) {
            MappedFileGuard.install()
            let folder = FileManager.default.temporaryDirectory.path
            let guarded = folder + "/offsync-guarded-\(getpid()).json", other = folder + "/offsync-other-\(getpid()).json"
            for path in [guarded, other] {
                _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: " "), count: 1 << 16))
            }
            defer { unlink(guarded); unlink(other) }
            let bytes = try LoadedBytes(file: guarded)
            let descriptor = open(other, O_RDONLY)
            let mapped = mmap(nil, 1 << 16, PROT_READ, MAP_PRIVATE, descriptor, 0)!
            truncate(other, 0)
            print(bytes.buffer.count, mapped.load(fromByteOffset: 8192, as: UInt8.self))
        }
    }

    @Test("an id repeated in a later file is reported there, naming the first file and line")
    func duplicateAcrossFiles() throws {
        let dataset = try loadDataset(
            [("p-1.csv", Array("Id;Name\n1;a\n2;b\n".utf8)), ("p-2.csv", Array("Id;Name\n3;c\n\n2;again\n".utf8))],
            globs: ["p-*.csv"], id: "Id")
        #expect(dataset.records.map(\.id) == ["1", "2", "3"])
        let finding = try #require(dataset.findings.first { $0.code == .duplicate })
        #expect(finding.location?.file.hasSuffix("/p-2.csv") == true)
        #expect(finding.location?.line == 4)
        #expect(finding.message.contains("p-1.csv:3"))
    }

    @Test("a file matched by two globs is read once")
    func overlappingGlobs() throws {
        let dataset = try loadDataset([("a.json", Array("[{\"id\":1}]".utf8))], globs: ["a.json", "*.json"])
        #expect(dataset.files.count == 1)
        #expect(dataset.records.count == 1)
    }

    @Test("an error in the second file names that file")
    func errorInLaterFile() {
        let error = #expect(throws: OffsyncError.self) {
            try loadDataset([("p-1.json", Array("[{\"id\":1}]".utf8)), ("p-2.json", Array("[{\"id\":2},\n {\"id\" 3}]".utf8))], globs: ["p-*.json"])
        }
        expectPlace(error, "p-2.json", line: 2, column: 8)
    }

    @Test("files read ahead are handed out largest first, none after one has failed, and taken as they are ready")
    func readAheadOrder() {
        let bad = OffsyncError.badInput("bad", at: SourceLocation(file: "b.json", line: 1, column: 1))
        let files = ReadAheadFiles(sizes: [10, 30, 20, 5, 1])
        #expect(files.next() == 1)
        #expect(files.next() == 2)
        files.set(2, .failure(bad))
        #expect(files.next() == 0, "before the failed file: the load reaches it first")
        #expect(files.next() == nil, "after it: never read, the load stops at file 2")
        #expect(files.take(3) == nil, "not read, and not waited for")
        guard case .failure(let error)? = files.take(2) else { Issue.record("file 2's failure"); return }
        #expect(error == bad)
        #expect(files.take(2) == nil, "handed over once")

        let stopped = ReadAheadFiles(sizes: [1, 2])
        #expect(stopped.next() == 1)
        stopped.stop()
        #expect(stopped.next() == nil)
        #expect(stopped.take(0) == nil, "a stopped load waits for nothing")
    }

    @Test("datasets joined while later files are still read give what a one-by-one load gives")
    func joinedWhileReading() throws {
        let folder = TemporaryFolder()
        // The large file last in the manifest is read first; the small ones join meanwhile.
        folder.write("a.json", "[{\"id\":1,\"x\":\"a\"}]")
        folder.write("b.ndjson", "{\"id\":2,\"y\":\"b\"}\n")
        folder.write("c.json", "[" + (0..<20_000).map { "{\"id\":\($0),\"z\":\"c\($0)\"}" }.joined(separator: ",") + "]")
        let specs = ["a.json", "b.ndjson", "c.json"].map {
            DatasetSpec(key: DatasetKey(system: "s", entity: $0), files: [$0], id: "id")
        }
        var together = DatasetLoader(root: folder.path)
        let all = try together.load(specs)
        var apart = DatasetLoader(root: folder.path)
        let one = try specs.map { spec throws(OffsyncError) in try apart.load(spec) }
        #expect(all.map { $0.records.map(\.id) } == one.map { $0.records.map(\.id) })
        #expect(all.map { $0.paths.names } == one.map { $0.paths.names }, "path ids in manifest order")
    }

    @Test("a glob that matches nothing is an error naming the manifest key")
    func noMatch() {
        let error = #expect(throws: OffsyncError.self) { try loadDataset([], globs: ["dumps/missing-*.json"]) }
        #expect(error?.location?.key == "systems.s.datasets.E.files")
        #expect(error?.message.contains("matches no file") == true)
    }
}
