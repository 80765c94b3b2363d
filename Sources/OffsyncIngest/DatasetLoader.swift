import Crypto
import Foundation
import OffsyncDiagnostics
import OffsyncSpec

/// Reads every dataset of a workspace. A file named by several datasets (Customers and
/// Customers person in one CSV) is read once.
///
/// What the readers read past becomes findings of the dataset: rows a lenient CSV read skipped
/// (`invalid`, counted in `invalidCount`) and duplicate JSON keys (`duplicate_key`; the record is
/// kept with the last value).
public struct DatasetLoader {
    public let root: String
    private var paths = PathTable()
    private var parsed: [FileKey: ParsedFile] = [:]

    public init(root: String) {
        self.root = root
    }

    /// Loads the datasets in manifest order.
    public mutating func load(_ specs: [DatasetSpec]) throws(OffsyncError) -> [Dataset] {
        var result: [Dataset] = []
        for spec in specs { result.append(try load(spec)) }
        return result
    }

    public mutating func load(_ spec: DatasetSpec) throws(OffsyncError) -> Dataset {
        let files = try expand(spec)
        var records: [Record] = []
        var findings: [Finding] = []
        var invalid = 0
        var inputs: [InputFile] = []
        // The index of the record that first had each id; a place is built only for a repeat.
        var firstSeen: [String: Int] = [:]
        let idPath = paths.intern(spec.id)
        let conditions = spec.filter.map { (paths.intern($0.path), $0.value.lowercased()) }

        for (fileIndex, file) in files.enumerated() {
            let parsedFile = try read(file, spec: spec)
            inputs.append(parsedFile.input)
            // Rows `lenient` skipped: the filter cannot tell whose they were, so every dataset
            // reading the file reports them.
            for note in parsedFile.skipped {
                invalid += 1
                findings.append(Finding(
                    .warning, .invalid, note.message + "; the row is skipped (csv: { lenient: true })",
                    system: spec.key.system, entity: spec.key.entity,
                    location: SourceLocation(file: parsedFile.input.path, line: note.line, column: note.column)))
            }
            for raw in parsedFile.records {
                let passes = conditions.allSatisfy { path, wanted in
                    raw.value(at: path)?.text?.lowercased() == wanted
                }
                guard passes else { continue }
                var location: SourceLocation { SourceLocation(file: parsedFile.input.path, line: raw.line) }
                let id = raw.value(at: idPath)?.text?.trimmedWhitespace
                for note in raw.notes {
                    findings.append(Finding(
                        .warning, .duplicateKey, note.message,
                        system: spec.key.system, entity: spec.key.entity, recordID: id?.isEmpty == false ? id : nil,
                        location: SourceLocation(file: parsedFile.input.path, line: note.line, column: note.column)))
                }
                guard let id, !id.isEmpty else {
                    invalid += 1
                    findings.append(Finding(
                        .warning, .invalid, "record has no id (field '\(spec.id)' is missing or empty); it is left out",
                        system: spec.key.system, entity: spec.key.entity, location: location))
                    continue
                }
                if let first = firstSeen[id] {
                    invalid += 1
                    let firstPlace = SourceLocation(file: inputs[Int(records[first].file)].path, line: Int(records[first].line))
                    findings.append(Finding(
                        .warning, .duplicate, "id \(id) appears again (first at \(firstPlace)); this record is left out",
                        system: spec.key.system, entity: spec.key.entity, recordID: id, location: location))
                    continue
                }
                firstSeen[id] = records.count
                records.append(Record(id: id, sortedFields: raw.fields, file: Int32(fileIndex), line: Int32(raw.line)))
            }
        }
        return Dataset(spec: spec, paths: paths, records: records, files: inputs, findings: findings, invalidCount: invalid)
    }

    /// The files a dataset's globs match, sorted; a glob matching nothing is an error.
    private func expand(_ spec: DatasetSpec) throws(OffsyncError) -> [String] {
        var files: [String] = []
        for pattern in spec.files {
            let absolute = pattern.hasPrefix("/") ? pattern : (root as NSString).appendingPathComponent(pattern)
            let matches = Self.glob(absolute)
            if matches.isEmpty {
                var location = spec.location ?? SourceLocation(file: "offsync.yaml")
                location.key = "systems.\(spec.key.system).datasets.\(spec.key.entity).files"
                throw OffsyncError.badInput("'\(pattern)' matches no file (looked in \(root))", at: location)
            }
            files += matches.filter { !files.contains($0) }
        }
        return files
    }

    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Foundation.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    /// UTF-16 (from some Windows tools) would otherwise fail on its first zero byte with a puzzling message.
    static func refuseUTF16(_ bytes: [UInt8], file: String) throws(OffsyncError) {
        guard bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) else { return }
        throw OffsyncError.badInput(
            "the file is UTF-16 (it starts with the byte order mark \(bytes[0] == 0xFF ? "ff fe" : "fe ff")); offsync reads UTF-8 (and CSV in Windows-1252 or ISO-8859-1): save the export as UTF-8",
            at: SourceLocation(file: file, line: 1, column: 1))
    }

    private mutating func read(_ file: String, spec: DatasetSpec) throws(OffsyncError) -> ParsedFile {
        let key = FileKey(path: file, csv: spec.csv, records: spec.records)
        if let cached = parsed[key] { return cached }
        let stored = try Self.contents(of: file)
        // The SHA-256 for manifest.json is taken on the other core while the file is parsed
        // (measured: hashing first cost as much as a third of the JSON reading time).
        let digest = Digest()
        let hashing = DispatchGroup()
        DispatchQueue.global().async(group: hashing) { [stored] in
            digest.value = SHA256.hash(data: stored).map { String(format: "%02x", $0) }.joined()
        }
        defer { hashing.wait() }
        let compressed = Gzip.isCompressed(stored)
        if !compressed, file.lowercased().hasSuffix(".gz") {
            throw OffsyncError.badInput(
                stored.isEmpty ? "the gzip file is empty" : "the file is named .gz but is not gzip data (it does not start with the bytes 1f 8b)",
                at: SourceLocation(file: file))
        }
        let bytes = compressed ? try Gzip.inflate(stored, file: file) : stored
        try Self.refuseUTF16(bytes, file: file)
        var records: [RawRecord] = []
        var skipped: [ReadNote] = []
        let format = ExportFormat(path: file, bytes: bytes)
        try bytes.withUnsafeBufferPointer { (buffer) throws(OffsyncError) in
            switch format {
            case .csv:
                skipped = try CSVRecordReader(file: file, options: spec.csv).read(buffer, paths: &paths) { fields, line in
                    records.append(RawRecord(fields: fields, line: line))
                }
            case .json, .lines:
                var reader = JSONRecordReader(file: file, bytes: buffer, paths: paths)
                let recordsPath = spec.records.map { $0.split(separator: ".").map(String.init) }
                try reader.read(recordsPath: recordsPath, lines: format.isLines) { fields, line, notes in
                    records.append(RawRecord(fields: fields, line: line, notes: notes))
                }
                paths = reader.paths
            }
        }
        hashing.wait()
        let result = ParsedFile(
            input: InputFile(path: file, bytes: stored.count, records: records.count, sha256: digest.value), records: records,
            skipped: skipped)
        parsed[key] = result
        return result
    }
}

extension DatasetLoader {
    /// The file's bytes, read straight into one array (not `Data` and then a copy).
    static func contents(of file: String) throws(OffsyncError) -> [UInt8] {
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else {
            throw OffsyncError.badInput("cannot read the file (\(String(cString: strerror(errno))))", at: SourceLocation(file: file))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw OffsyncError.badInput("not a regular file", at: SourceLocation(file: file))
        }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failed = n < 0
                    break
                }
                count += n
            }
        }
        if failed || bytes.count != size {
            throw OffsyncError.badInput("cannot read the whole file (\(bytes.count) of \(size) bytes)", at: SourceLocation(file: file))
        }
        return bytes
    }
}

/// The SHA-256 computed beside parsing.
private final class Digest: @unchecked Sendable {
    var value = ""
}

private struct FileKey: Hashable {
    var path: String
    var csv: CSVOptions
    var records: String?
}

private struct ParsedFile {
    var input: InputFile
    var records: [RawRecord]
    /// Rows a lenient CSV read skipped.
    var skipped: [ReadNote]
}

/// A record as read, before the dataset's filter and id check.
struct RawRecord {
    var fields: [Record.Field]
    var line: Int
    /// What the reader noticed about the record (duplicate JSON keys).
    var notes: [ReadNote]

    init(fields: [Record.Field], line: Int, notes: [ReadNote] = []) {
        self.fields = fields.sorted { $0.path < $1.path }
        self.line = line
        self.notes = notes
    }

    func value(at path: Int32) -> FieldValue? {
        fields.value(at: path)
    }
}

/// Which reader a file needs: by its name without `.gz`, else by its first byte.
enum ExportFormat {
    case csv, json
    /// NDJSON by name (`.ndjson`, `.jsonl`): read as JSON, and an empty file holds no records.
    case lines

    var isLines: Bool { self == .lines }

    init(path: String, bytes: [UInt8]) {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".csv") || name.hasSuffix(".tsv") || name.hasSuffix(".txt") {
            self = .csv
        } else if name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl") {
            self = .lines
        } else if name.hasSuffix(".json") {
            self = .json
        } else {
            let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            self = first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
        }
    }
}

extension Finding.Code {
    /// A JSON object gave one key (or one dotted path) twice; the last value was kept.
    public static let duplicateKey: Finding.Code = "duplicate_key"
}
