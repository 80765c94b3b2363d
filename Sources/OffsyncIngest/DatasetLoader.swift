import CIngestSupport
import Crypto
import Foundation
import OffsyncDiagnostics
import OffsyncModel
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
    /// Files being read ahead on other threads by `load(_ specs:)`, by their number there.
    private var readingAhead: (files: ReadAheadFiles, numbers: [FileKey: Int])?
    /// Told the size of each file once it is read and parsed (from any thread), for a
    /// progress line.
    public var fileRead: (@Sendable (_ bytes: Int) -> Void)?
    /// How files are cut and paced while read (small only in tests).
    var sizes = ReadingSizes()

    public init(root: String) {
        self.root = root
    }

    /// Loads the datasets in manifest order. Their files are read on every core (each with its
    /// own path table), and each dataset is joined as soon as its files are read, while the rest
    /// are still being read. Joining goes in the order a one-by-one load would take, so path
    /// ids, records and the first error are the same.
    public mutating func load(_ specs: [DatasetSpec]) throws(OffsyncError) -> [Dataset] {
        let finished = readAhead(specs)
        defer {
            // Refused or done: no more files are started, and the readers are waited for.
            readingAhead?.files.stop()
            finished?.wait()
            readingAhead = nil
        }
        var result: [Dataset] = []
        for spec in specs { result.append(try load(spec)) }
        return result
    }

    /// Starts reading the files of `specs` on every core, up to the first dataset whose globs
    /// fail (a one-by-one load stops there); the group is left when the readers are done.
    private mutating func readAhead(_ specs: [DatasetSpec]) -> DispatchGroup? {
        var keys: [FileKey] = []
        for spec in specs {
            guard let files = try? expand(spec) else { break }
            for file in files {
                let key = FileKey(path: file, csv: spec.csv, records: spec.records)
                if parsed[key] == nil, !keys.contains(key) { keys.append(key) }
            }
        }
        guard keys.count > 1 else { return nil }
        let files = keys
        let sizes = keys.map { key in ((try? FileManager.default.attributesOfItem(atPath: key.path)[.size]) as? Int) ?? 0 }
        let results = ReadAheadFiles(sizes: sizes)
        readingAhead = (results, Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }))
        let fileRead = self.fileRead
        let readingSizes = self.sizes
        // Threads of their own, one per core: a read waits for work it hands to Dispatch (the
        // hash), which must not wait behind the reads.
        let workers = min(keys.count, ProcessInfo.processInfo.activeProcessorCount)
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            Thread {
                while let index = results.next() {
                    let key = files[index]
                    let read = Result { () throws(OffsyncError) in
                        try Self.readFile(key.path, csv: key.csv, records: key.records, sizes: readingSizes)
                    }
                    if case .success(let file) = read { fileRead?(file.input.bytes) }
                    results.set(index, read)
                }
                finished.leave()
            }.start()
        }
        return finished
    }

    public mutating func load(_ spec: DatasetSpec) throws(OffsyncError) -> Dataset {
        let files = try expand(spec)
        var parsedFiles: [ParsedFile] = []
        for file in files { parsedFiles.append(try read(file, spec: spec)) }
        var records: [Record] = []
        var findings: [Finding] = []
        var invalid = 0
        let inputs = parsedFiles.map(\.input)
        let total = parsedFiles.reduce(0) { $0 + $1.records.count }
        // The index of the record that first had each id; a place is built only for a repeat.
        var firstSeen = IDIndex(capacity: total)
        records.reserveCapacity(total)
        let idPath = paths.intern(spec.id)
        let conditions = spec.filter.map { (paths.intern($0.path), $0.value.lowercased()) }

        for (fileIndex, parsedFile) in parsedFiles.enumerated() {
            // Rows `lenient` skipped: the filter cannot tell whose they were, so every dataset
            // reading the file reports them.
            for note in parsedFile.skipped {
                invalid += 1
                findings.append(Finding(
                    .warning, .invalid, note.message + "; the row is skipped (csv: { lenient: true })",
                    system: spec.key.system, entity: spec.key.entity,
                    location: SourceLocation(file: parsedFile.input.path, line: note.line, column: note.column)))
            }
            // Each block's candidates are computed while the block before is checked: another
            // core starts on them, and this one joins in when its check is done.
            let count = parsedFile.records.count
            func block(from start: Int) -> CandidateBlock? {
                start == count ? nil : CandidateBlock(
                    parsedFile, start..<min(start + IDCandidate.blockSize, count), idPath: idPath, conditions: conditions)
            }
            var pending = block(from: 0)
            while let current = pending {
                let range = current.range
                let candidates = current.finish()
                defer { candidates.deallocate() }
                pending = block(from: range.upperBound)
                // Raw views and moves: this loop runs once per record, in order, on one core. An id's
                // `String` is made only for a message or when its hash matches an earlier one.
                parsedFile.records.withUnsafeBufferPointer { raws in
                    var part = parsedFile.partStarts.lastIndex { $0 <= range.lowerBound } ?? 0
                    var store = parsedFile.stores[part]
                    for index in range {
                        let ahead = index - range.lowerBound + IDIndex.prefetchDistance
                        if ahead < candidates.count, candidates[ahead].passes { firstSeen.prefetch(hash: candidates[ahead].hash) }
                        // Moved out: each candidate is taken exactly once.
                        let candidate = (candidates.baseAddress! + (index - range.lowerBound)).move()
                        guard candidate.passes else { continue }
                        while part + 1 < parsedFile.partStarts.count, parsedFile.partStarts[part + 1] <= index {
                            part += 1
                            store = parsedFile.stores[part]
                        }
                        let line = raws[index].line
                        var location: SourceLocation { SourceLocation(file: parsedFile.input.path, line: Int(line)) }
                        let idText = candidate.idText
                        if !parsedFile.notes.isEmpty, let notes = parsedFile.notes[index] {
                            let id = idText.flatMap { $0.isEmpty ? nil : store.string($0) }
                            for note in notes {
                                findings.append(Finding(
                                    .warning, .duplicateKey, note.message,
                                    system: spec.key.system, entity: spec.key.entity, recordID: id,
                                    location: SourceLocation(file: parsedFile.input.path, line: note.line, column: note.column)))
                            }
                        }
                        guard let idText, !idText.isEmpty else {
                            invalid += 1
                            findings.append(Finding(
                                .warning, .invalid, "record has no id (field '\(spec.id)' is missing or empty); it is left out",
                                system: spec.key.system, entity: spec.key.entity, location: location))
                            continue
                        }
                        if let first = firstSeen.insert(records.count, hash: candidate.hash, where: { records[$0].id == store.string(idText) }) {
                            invalid += 1
                            let id = store.string(idText)
                            let firstPlace = SourceLocation(file: inputs[Int(records[first].file)].path, line: Int(records[first].line))
                            findings.append(Finding(
                                .warning, .duplicate, "id \(id) appears again (first at \(firstPlace)); this record is left out",
                                system: spec.key.system, entity: spec.key.entity, recordID: id, location: location))
                            continue
                        }
                        records.append(Record(
                            id: idText, store: store, entries: raws[index].entries, file: Int32(fileIndex), line: line))
                    }
                }
            }
        }
        return Dataset(
            spec: spec, paths: paths, records: records, files: inputs, findings: findings, invalidCount: invalid,
            fileColumns: Set(parsedFiles.flatMap(\.columns)), fileRecords: total)
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
    static func refuseUTF16(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(OffsyncError) {
        guard bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) else { return }
        throw OffsyncError.badInput(
            "the file is UTF-16 (it starts with the byte order mark \(bytes[0] == 0xFF ? "ff fe" : "fe ff")); offsync reads UTF-8 (and CSV in Windows-1252 or ISO-8859-1): save the export as UTF-8",
            at: SourceLocation(file: file, line: 1, column: 1))
    }

    private mutating func read(_ file: String, spec: DatasetSpec) throws(OffsyncError) -> ParsedFile {
        let key = FileKey(path: file, csv: spec.csv, records: spec.records)
        if let cached = parsed[key] { return cached }
        let read: ReadFile
        if let ahead = readingAhead, let number = ahead.numbers[key], let result = ahead.files.take(number) {
            read = try result.get()
        } else {
            read = try Self.readFile(file, csv: spec.csv, records: spec.records, sizes: sizes)
            fileRead?(read.input.bytes)
        }
        // The file's paths join the loader's table in the order the file gave them.
        let globalOf = read.paths.names.map { paths.intern($0) }
        let result = ParsedFile(
            input: read.input, stores: read.records.parts.map { RecordStore($0, globalOf: globalOf) },
            records: read.records.records, partStarts: read.records.partStarts, notes: read.records.notes, skipped: read.skipped,
            columns: globalOf)
        parsed[key] = result
        return result
    }

    /// Reads and parses one file with its own path table; safe to run for several files at once.
    private static func readFile(
        _ file: String, csv: CSVOptions, records recordsPath: String?, sizes: ReadingSizes
    ) throws(OffsyncError) -> ReadFile {
        let stored = try LoadedBytes(file: file)
        // The SHA-256 for manifest.json is taken on another core while the file is parsed:
        // it costs about as much as reading the file.
        let digest = FileChecksum()
        let hashing = DispatchGroup()
        DispatchQueue.global().async(group: hashing) { [stored] in
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(stored.buffer))
            digest.value = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
        defer { hashing.wait() }
        let compressed = Gzip.isCompressed(stored.buffer)
        if !compressed, file.lowercased().hasSuffix(".gz") {
            throw OffsyncError.badInput(
                stored.buffer.isEmpty ? "the gzip file is empty" : "the file is named .gz but is not gzip data (it does not start with the bytes 1f 8b)",
                at: SourceLocation(file: file))
        }
        let bytes = compressed ? LoadedBytes(inflated: try Gzip.inflate(stored.buffer, file: file)) : stored
        let buffer = bytes.buffer
        try Self.refuseUTF16(buffer, file: file)
        let format = ExportFormat(path: file, bytes: buffer)
        let (records, paths, skipped, delimiter): (ReadRecords, PathTable, [ReadNote], UInt8?)
        switch format {
        case .csv:
            var reader = CSVRecordReader(file: file, options: csv)
            let read = try reader.read(buffer)
            (records, paths, skipped, delimiter) = (read.records, read.paths, read.skipped, read.delimiter)
        case .json, .lines:
            var reader = JSONRecordReader(file: file, bytes: buffer)
            reader.checkpointStep = sizes.checkpoint
            try reader.read(recordsPath: recordsPath.map { $0.split(separator: ".").map(String.init) }, lines: format.isLines)
            (records, paths) = reader.finished()
            (skipped, delimiter) = ([], nil)
        }
        hashing.wait()
        return ReadFile(
            input: InputFile(path: file, bytes: stored.buffer.count, records: records.records.count, sha256: digest.value, csvDelimiter: delimiter),
            records: records, paths: paths, skipped: skipped)
    }
}

/// The SHA-256 computed beside parsing.
private final class FileChecksum: @unchecked Sendable {
    var value = ""
}

private struct FileKey: Hashable {
    var path: String
    var csv: CSVOptions
    var records: String?
}

/// A file as its reader left it: paths in its own table, not yet the loader's.
struct ReadFile: @unchecked Sendable {  // handed from the reading thread once, then only read
    var input: InputFile
    var records: ReadRecords
    var paths: PathTable
    var skipped: [ReadNote]
}

extension Finding.Code {
    /// A JSON object gave one key (or one dotted path) twice; the last value was kept.
    public static let duplicateKey: Finding.Code = "duplicate_key"
}
