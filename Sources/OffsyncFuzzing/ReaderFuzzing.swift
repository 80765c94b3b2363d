import Foundation
import OffsyncDiagnostics
import OffsyncDiff
import OffsyncEmit
import OffsyncIngest
import OffsyncModel
import OffsyncSpec

/// The entry points the fuzz targets (`offsync-fuzz`) and the corpus test share: each feeds one
/// input through a reader the way `offsync run` reads a file.
///
/// An `OffsyncError` is a normal outcome: bad input must give one. What is a finding is a crash,
/// a hang, a sanitizer report, or a broken promise checked here: a CSV or JSON export and the
/// same bytes in gzip read the same (the gzip readers read while inflating, on another path),
/// and a document the reader understood renders to text that reads back to the same rendering.
public enum ReaderFuzzing {
    public enum Target: String, CaseIterable, Sendable {
        /// The bytes as a CSV export.
        case csv
        /// The bytes as a JSON, NDJSON or wrapped JSON export.
        case json
        /// The bytes as a dataflow document.
        case document
        /// The bytes as a gzip file, read as a JSON and as a CSV export.
        case gzip
        /// The bytes as a Parquet file (`state import`), every column read.
        case parquet
        /// The bytes as a mapped value's text, read by every data type and as a change stamp.
        case values
    }

    /// Feeds `bytes` through `target`; a broken promise stops the process with both sides.
    /// Returns what was read, one line per reading, for the replayer to print.
    @discardableResult
    public static func run(_ target: Target, _ bytes: UnsafeRawBufferPointer) -> [String] {
        switch target {
        case .csv: return csv(bytes)
        case .json: return json(bytes)
        case .document: return document(bytes)
        case .gzip: return gzip(bytes)
        case .parquet: return parquet(bytes)
        case .values: return values(bytes)
        }
    }

    public static func run(_ target: Target, _ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBytes { run(target, $0) }
    }

    // MARK: Targets

    static func csv(_ bytes: UnsafeRawBufferPointer) -> [String] {
        // The default options: the delimiter sniffed, UTF-8, a bad row stops the reading.
        let plain = load(bytes, as: "export.csv", spec: Self.spec("export.csv", id: "id"))
        let zipped = compressed(bytes).withUnsafeBytes { load($0, as: "export.csv.gz", spec: Self.spec("export.csv.gz", id: "id")) }
        same(plain, zipped, "a CSV export and its gzip")
        // Lenient, Windows-1252 and a filter: other paths through the row collector and the loader.
        let options = CSVOptions(delimiter: UInt8(ascii: ";"), encoding: .windows1252, lenient: true)
        let other = load(bytes, as: "export.csv", spec: Self.spec(
            "export.csv", id: "Id", csv: options, filter: [FieldCondition(path: "IsPerson", value: "true")]))
        return ["csv: \(plain)", "csv (windows-1252, ';', lenient, filtered): \(other)"]
    }

    static func json(_ bytes: UnsafeRawBufferPointer) -> [String] {
        let plain = load(bytes, as: "export.json", spec: Self.spec("export.json", id: "id"))
        let zipped = compressed(bytes).withUnsafeBytes { load($0, as: "export.json.gz", spec: Self.spec("export.json.gz", id: "id")) }
        same(plain, zipped, "a JSON export and its gzip")
        let lines = load(bytes, as: "export.ndjson", spec: Self.spec("export.ndjson", id: "id"))
        let wrapped = load(bytes, as: "export.json", spec: Self.spec("export.json", id: "id", records: "data.records"))
        return ["json: \(plain)", "ndjson: \(lines)", "json (records at data.records): \(wrapped)"]
    }

    static func gzip(_ bytes: UnsafeRawBufferPointer) -> [String] {
        let json = load(bytes, as: "export.json.gz", spec: Self.spec("export.json.gz", id: "id"))
        let csv = load(bytes, as: "export.csv.gz", spec: Self.spec("export.csv.gz", id: "id"))
        return ["json.gz: \(json)", "csv.gz: \(csv)"]
    }

    static func parquet(_ bytes: UnsafeRawBufferPointer) -> [String] {
        do {
            let file = try ParquetFile(bytes: Array(bytes), path: "state.parquet")
            var readings = ["parquet: \(file.rowCount) rows, \(file.columns.count) columns"]
            for column in file.columns {
                do {
                    // Every row once, whatever the type: a column must hold as many values as the file has rows.
                    let count = switch try file.values(of: column.name) {
                    case .integers(let values): values.count
                    case .texts(let values): values.count
                    case .doubles(let values): values.count
                    case .booleans(let values): values.count
                    }
                    if count != file.rowCount { fatalError("offsync-fuzz: column \(column.name) read \(count) values for \(file.rowCount) rows") }
                    readings.append("\(column.name): \(count) values")
                } catch {
                    readings.append("\(column.name): refused: \(error.message)")
                }
            }
            return readings
        } catch {
            return ["parquet: refused: \(error.message)"]
        }
    }

    /// Every type reads the text (as a JSON string and as a JSON number) to a value, empty, or
    /// a type error; a value's written form, read again, is the same value: what one run writes
    /// into an import file, the next reads back unchanged.
    static func values(_ bytes: UnsafeRawBufferPointer) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var readings = ["stamp: \(ChangeStamp.instant(text).map { String($0) } ?? "none")"]
        for type in DataType.allCases {
            for value in [FieldValue.string(text), .number(text)] {
                let typed = type.typed(value)
                if case .value(let canonical, let written) = typed {
                    let again = type.typed(written).canonical
                    if again != canonical {
                        fatalError("offsync-fuzz: \(type.rawValue) \(value) reads as '\(canonical)', its written form \(written) as '\(again ?? "a type error")'")
                    }
                }
                readings.append("\(type.rawValue): \(typed.canonical ?? "type error")")
            }
        }
        return readings
    }

    static func document(_ bytes: UnsafeRawBufferPointer) -> [String] {
        // As `DataflowDocument(contentsOf:)` takes a file: text that is not UTF-8 is refused.
        guard let text = String(data: Data(bytes), encoding: .utf8) else { return ["document: not UTF-8 (refused)"] }
        let document = DataflowDocument(reading: text, path: "document.rst")
        _ = document.outline()
        let rendered = document.rendered()
        // `spec render` refuses a document with text the reader did not understand; one it
        // understood must render to text that reads without problems and renders the same again.
        if document.unparsed.isEmpty {
            let again = DataflowDocument(reading: rendered, path: "document.rst")
            if !again.unparsed.isEmpty {
                broken("a rendered document reads with problems: \(again.unparsed.map(\.message))", text, rendered)
            }
            if again.rendered() != rendered { broken("a rendered document renders differently when read again", text, rendered) }
        }
        return ["document: \(document.flows.count) flows, \(document.unparsed.count) unparsed"]
    }

    // MARK: Reading

    /// What one reading gave: the records with their fields, the findings, or the error.
    /// File names are left out, so readings of one export under two names compare.
    public struct Outcome: Equatable, CustomStringConvertible {
        public var records: [String] = []
        public var findings: [String] = []
        public var invalid = 0
        public var error: String? = nil

        public var description: String {
            if let error { return "refused: \(error)" }
            return "\(records.count) records, \(findings.count) findings, \(invalid) invalid"
        }
    }

    static func spec(
        _ file: String, id: String, csv: CSVOptions = CSVOptions(), records: String? = nil, filter: [FieldCondition] = []
    ) -> DatasetSpec {
        DatasetSpec(key: DatasetKey(system: "fuzz", entity: "Export"), files: [file], csv: csv, records: records, id: id, filter: filter)
    }

    /// Writes the bytes to a file of that name in a folder of its own and loads it as `offsync run` does.
    static func load(_ bytes: UnsafeRawBufferPointer, as name: String, spec: DatasetSpec) -> Outcome {
        let folder = Scratch.folder()
        defer { rmdir(folder) }
        let path = folder + "/" + name
        write(bytes, to: path)
        defer { unlink(path) }
        var loader = DatasetLoader(root: folder)
        func placed(_ location: SourceLocation?) -> String {
            guard let location else { return "" }
            return "\(location.line.map(String.init) ?? "-"):\(location.column.map(String.init) ?? "-") "
        }
        func unnamed(_ message: String) -> String { message.replacingOccurrences(of: path, with: "FILE") }
        do {
            let dataset = try loader.load(spec)
            var outcome = Outcome()
            for record in dataset.records {
                let fields = record.fields.map { "\(dataset.paths.names[Int($0.path)])=\($0.value)" }
                outcome.records.append("\(record.line) \(record.id) \(fields.joined(separator: " "))")
            }
            outcome.findings = dataset.findings.map { "\(placed($0.location))\($0.code.rawValue) \(unnamed($0.message))" }
            outcome.invalid = dataset.invalidCount
            return outcome
        } catch {
            return Outcome(error: placed(error.location) + unnamed(error.message))
        }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("offsync-fuzz: cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { fatalError("offsync-fuzz: cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    /// The bytes in gzip: one member when their count is even, else two (split in the middle),
    /// so that readings of several members are fuzzed too.
    static func compressed(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        let input = Array(bytes)
        if input.count % 2 == 0 { return member(input[...]) }
        return member(input[..<(input.count / 2)]) + member(input[(input.count / 2)...])
    }

    private static func member(_ input: ArraySlice<UInt8>) -> [UInt8] {
        guard let member = try? GzipWriter.compress(Array(input)) else { fatalError("offsync-fuzz: zlib could not compress") }
        return member
    }

    // MARK: Promises

    private static func same(_ one: Outcome, _ other: Outcome, _ what: String) {
        guard one != other else { return }
        let lines = [
            "offsync-fuzz: \(what) read differently", "plain: \(one)", "gzip:  \(other)",
        ] + zip(one.records + one.findings + [one.error ?? ""], other.records + other.findings + [other.error ?? ""])
            .filter { $0 != $1 }.prefix(3).map { "  \($0)\n  \($1)" }
        fatalError(lines.joined(separator: "\n"))
    }

    private static func broken(_ what: String, _ text: String, _ rendered: String) -> Never {
        fatalError("offsync-fuzz: \(what)\n--- read:\n\(text)\n--- rendered:\n\(rendered)")
    }
}

/// A folder of this process's own under the temporary directory (in memory where `/dev/shm`
/// exists: the fuzzer writes a file per reading), with a fresh subfolder per reading so that
/// tests running at once do not share files.
enum Scratch {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var root: String? = nil
    nonisolated(unsafe) private static var count = 0

    static func folder() -> String {
        lock.lock()
        defer { lock.unlock() }
        if root == nil {
            let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            let made = (base as NSString).appendingPathComponent("offsync-fuzz-\(getpid())")
            mkdir(made, 0o700)
            root = made
            atexit { Scratch.removeRoot() }
        }
        count += 1
        let folder = root! + "/\(count)"
        guard mkdir(folder, 0o700) == 0 else { fatalError("offsync-fuzz: cannot make \(folder): \(String(cString: strerror(errno)))") }
        return folder
    }

    private static func removeRoot() {
        if let root { try? FileManager.default.removeItem(atPath: root) }
    }
}
