/// `offsync-bench`: ingest throughput and peak memory on the exports `bench/generate.py` writes
/// (issue 4). Not a test: it prints figures to compare against the targets.
///
///     offsync-bench [--dir .bench] [--runs 3]   every case, each run in its own child process
///     offsync-bench --case json [--dir ...]     one run of one case: seconds, CPU seconds, records, peak RSS
///
/// The reader cases go through `DatasetLoader.load`, the path `offsync run` takes (read the file,
/// SHA-256, inflate, parse, id check), so the figures are what users get. The baselines (file
/// read, SHA-256, zlib, libcsv) show how much of that time the libraries alone need.
///
/// Peak RSS is the kernel's high-water mark (VmHWM), so each run is a fresh process: a figure is
/// never inflated by an earlier run's or case's memory.
import CLibCSV
import CZlib
import Crypto
import Foundation
import OffsyncIngest
import OffsyncModel
import OffsyncSpec

/// One thing to time: what it reads and what it does with the bytes.
struct Case {
    let name: String
    let file: String
    /// Runs once; returns the records read (0 where that means nothing).
    let run: (String) throws -> Int
}

/// A contact-person dataset over one file, as a manifest would declare it (a workspace at the
/// file's folder); a fresh loader each time, since a loader keeps the files it has read.
func loadDataset(_ path: String, csv: CSVOptions = CSVOptions()) throws -> Int {
    var loader = DatasetLoader(root: (path as NSString).deletingLastPathComponent)
    let spec = DatasetSpec(
        key: DatasetKey(system: "bench", entity: "Contactperson"), files: [(path as NSString).lastPathComponent],
        csv: csv, id: "Id")
    let dataset = try loader.load(spec)
    return dataset.records.count + dataset.invalidCount
}

func readBytes(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
    return [UInt8](data)
}

let semicolon = CSVOptions(delimiter: UInt8(ascii: ";"))
let cases: [Case] = [
    Case(name: "json", file: "contactpersons.json") { try loadDataset($0) },
    Case(name: "ndjson", file: "contactpersons.ndjson") { try loadDataset($0) },
    Case(name: "csv", file: "contactpersons.csv") { try loadDataset($0, csv: semicolon) },
    Case(name: "json.gz", file: "contactpersons.json.gz") { try loadDataset($0) },
    Case(name: "csv.gz", file: "contactpersons.csv.gz") { try loadDataset($0, csv: semicolon) },
    // Minified to one line, as API dumps often are: no line starts to give pages back at.
    Case(name: "json.gz one line", file: "contactpersons-one-line.json.gz") { try loadDataset($0) },
    // Baselines: the libraries alone, without building records.
    Case(name: "read file alone", file: "contactpersons.json") { _ = readBytes($0); return 0 },
    Case(name: "sha256 alone", file: "contactpersons.json") { _ = SHA256.hash(data: readBytes($0)); return 0 },
    Case(name: "zlib alone", file: "contactpersons.json.gz") { inflateAlone(readBytes($0)) },
    // CSV compresses less than JSON: more bytes in per byte out, a slower inflate.
    Case(name: "zlib alone (csv)", file: "contactpersons.csv.gz") { inflateAlone(readBytes($0)) },
    Case(name: "libcsv alone", file: "contactpersons.csv") { libcsvAlone(readBytes($0)) },
]

/// Inflates the whole gzip member into one buffer of the trailer's size; returns 0 records.
func inflateAlone(_ input: [UInt8]) -> Int {
    var output = [UInt8](repeating: 0, count: isize(input.suffix(4)))
    var stream = z_stream()
    precondition(offsync_inflateInit2(&stream, 15 + 16) == Z_OK)
    defer { inflateEnd(&stream) }
    let status = input.withUnsafeBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(inBuffer.count)
            stream.next_out = outBuffer.baseAddress
            stream.avail_out = UInt32(outBuffer.count)
            return inflate(&stream, Z_FINISH)
        }
    }
    precondition(status == Z_STREAM_END, "zlib: \(status)")
    return 0
}

/// libcsv over the whole file in one call, callbacks that only count rows; returns data rows.
func libcsvAlone(_ input: [UInt8]) -> Int {
    var parser = csv_parser()
    precondition(csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0)
    defer { csv_free(&parser) }
    csv_set_delim(&parser, UInt8(ascii: ";"))
    var rows = 0
    withUnsafeMutablePointer(to: &rows) { counter in
        let parsed = input.withUnsafeBufferPointer { csv_parse(&parser, $0.baseAddress, $0.count, nil, { _, context in
            context!.assumingMemoryBound(to: Int.self).pointee += 1
        }, counter) }
        precondition(parsed == input.count, "libcsv stopped at \(parsed)")
        precondition(csv_fini(&parser, nil, { _, context in context!.assumingMemoryBound(to: Int.self).pointee += 1 }, counter) == 0)
    }
    return rows - 1
}

/// The size a gzip file inflates to, from its last 4 bytes (ISIZE, little-endian; exact below 4 GiB).
func isize<Trailer: BidirectionalCollection<UInt8>>(_ trailer: Trailer) -> Int {
    trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
}

/// A field of /proc/self/status in bytes (VmHWM: peak resident set; VmRSS: current). Read with
/// `read` into a small buffer: nothing the reading allocates can count in what it reads.
func procStatus(_ field: String) -> Int {
    var bytes = [UInt8](repeating: 0, count: 1 << 14)
    let descriptor = open("/proc/self/status", O_RDONLY)
    let count = descriptor < 0 ? 0 : bytes.withUnsafeMutableBytes { max(read(descriptor, $0.baseAddress, $0.count), 0) }
    if descriptor >= 0 { close(descriptor) }
    let text = String(decoding: bytes[..<count], as: UTF8.self)
    let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
}

func option(_ name: String) -> String? {
    let args = CommandLine.arguments
    return args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
}

let dir = option("--dir") ?? ".bench"
let runs = Int(option("--runs") ?? "") ?? 3
let header = ["case", "input MB", "uncompr. MB", "records", "best s", "MB/s", "cpu s", "peak RSS MB", "RSS/bytes"]
let widths = [16, 9, 12, 9, 7, 7, 7, 12, 9]
func row(_ cells: [String]) -> String {
    zip(cells, widths).enumerated().map { $0 == 0 ? $1.0.padding(toLength: $1.1, withPad: " ", startingAt: 0)
        : String(repeating: " ", count: max(0, $1.1 - $1.0.count)) + $1.0 }.joined(separator: "  ")
}
/// CPU seconds this process has used: next to wall time, it shows when other work shared the cores.
func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

if let name = option("--case") {
    // Child: one run of one case; prints seconds, CPU seconds, records and the process's peak memory.
    guard let bench = cases.first(where: { $0.name == name }) else { fatalError("no case \(name)") }
    let path = (dir as NSString).appendingPathComponent(bench.file)
    var records = 0
    let clock = ContinuousClock()
    let cpuStart = cpuSeconds()
    let elapsed: Duration
    do {
        elapsed = try clock.measure { records = try bench.run(path) }
    } catch {
        FileHandle.standardError.write("offsync-bench: \(name): \(error)\n".data(using: .utf8)!)
        exit(1)
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print(seconds, cpuSeconds() - cpuStart, records, procStatus("VmHWM"))
} else {
    // Parent: every run of every case in a fresh child, so that a peak RSS is one load's alone
    // (a second load in one process reuses, and fragments, what the first one freed).
    print("offsync-bench: \(dir), best of \(runs) runs, each in its own process (wall clock; cpu s: least CPU time of a run), MB = 10^6 bytes of uncompressed input, RSS/bytes = highest peak RSS of a run / uncompressed bytes")
    print(row(header))
    print(row(widths.map { String(repeating: "-", count: $0) }))
    var failed = false
    /// Best seconds and uncompressed bytes by case, for the bound below.
    var bestOf: [String: (seconds: Double, bytes: Int)] = [:]
    for bench in cases {
        let path = (dir as NSString).appendingPathComponent(bench.file)
        let inputBytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        var bytes = inputBytes
        if path.hasSuffix(".gz"), let handle = FileHandle(forReadingAtPath: path) {
            try handle.seek(toOffset: UInt64(inputBytes - 4))
            bytes = isize([UInt8](handle.readDataToEndOfFile()))
        }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var peak = 0
        var records = 0
        for _ in 0..<runs {
            let child = Process()
            let output = Pipe()
            child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            child.arguments = ["--case", bench.name, "--dir", dir]
            child.standardOutput = output
            try child.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            child.waitUntilExit()
            let fields = text.split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
            guard child.terminationStatus == 0, fields.count == 4 else {
                failed = true
                break
            }
            best = min(best, fields[0])
            bestCPU = min(bestCPU, fields[1])
            records = Int(fields[2])
            peak = max(peak, Int(fields[3]))
        }
        guard best.isFinite else { continue }
        print(row([bench.name, fixed(Double(inputBytes) / 1e6, 1), fixed(Double(bytes) / 1e6, 1), records == 0 ? "-" : "\(records)",
                   fixed(best, 3), fixed(Double(bytes) / 1e6 / best, 0), fixed(bestCPU, 3), fixed(Double(peak) / 1e6, 0),
                   fixed(Double(peak) / Double(bytes), 2)]))
        fflush(nil)  // each row as soon as it is known
        bestOf[bench.name] = (best, bytes)
    }
    // This host's speed swings from minute to minute, and CSV in gzip is bound by two libraries'
    // CPU time: their own time, split perfectly over two cores, is what no reader can beat.
    if let gz = bestOf["csv.gz"], let zlib = bestOf["zlib alone (csv)"], let libcsv = bestOf["libcsv alone"] {
        let megabytes = Double(gz.bytes) / 1e6
        let bound = 2 * megabytes / (zlib.seconds + libcsv.seconds)
        print("csv.gz bound in this run: 2 × \(fixed(megabytes, 1)) MB / (zlib alone s + libcsv alone s) = \(fixed(bound, 0)) MB/s; csv.gz reached \(fixed(megabytes / gz.seconds / bound, 2)) of it")
    }
    exit(failed ? 1 : 0)
}
