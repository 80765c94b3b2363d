import OffsyncDiagnostics
import OffsyncSpec

/// The records of one entity type, read from its files, filtered, with ids checked.
public struct Dataset: Sendable {
    public let spec: DatasetSpec
    public let paths: PathTable
    /// Valid records (with an id, passing the filter), in file order.
    public let records: [Record]
    /// The files read, in the order records refer to them.
    public let files: [InputFile]
    /// Records without an id, duplicate ids, and other per-record problems.
    public let findings: [Finding]
    /// Records left out because they have no usable id.
    public let invalidCount: Int
    /// The path ids that at least one record of this dataset has.
    public let presentPaths: Set<Int32>
    /// The path ids its files gave, whether or not the records kept have them: a CSV file's
    /// header, the keys (and objects) of JSON records, filtered out or not.
    public let fileColumns: Set<Int32>
    /// Records its files held, before the filter and the id check.
    public let fileRecords: Int

    public var key: DatasetKey { spec.key }

    public init(
        spec: DatasetSpec, paths: PathTable, records: [Record], files: [InputFile], findings: [Finding], invalidCount: Int,
        fileColumns: Set<Int32>? = nil, fileRecords: Int? = nil
    ) {
        self.spec = spec
        self.paths = paths
        self.records = records
        self.files = files
        self.findings = findings
        self.invalidCount = invalidCount
        self.presentPaths = Self.paths(of: records)
        self.fileColumns = fileColumns ?? presentPaths
        self.fileRecords = fileRecords ?? records.count + invalidCount
    }

    /// The paths records have: marked per store by the file's own ids, then mapped.
    private static func paths(of records: [Record]) -> Set<Int32> {
        var stores: [RecordStore] = []
        var seen: [[Bool]] = []
        var index: [ObjectIdentifier: Int] = [:]
        records.withUnsafeBufferPointer { records in
            // A run of records in one store at a time: no reference counting per record.
            var start = 0
            while start < records.count {
                let store = records[start].store
                var end = start + 1
                while end < records.count, records[end].store === store { end += 1 }
                defer { start = end }
                let current: Int
                if let known = index[ObjectIdentifier(store)] {
                    current = known
                } else {
                    current = stores.count
                    index[ObjectIdentifier(store)] = current
                    stores.append(store)
                    // A store of columns: every record has every column.
                    seen.append((0..<store.globalOf.count).map { $0 < store.columns })
                }
                if store.columns > 0 { continue }
                seen[current].withUnsafeMutableBufferPointer { marks in
                    for record in records[start..<end] {
                        let first = record.entries.lowerBound
                        for entry in record.entries { marks[Int(store.path(ofEntry: entry, first: first))] = true }
                    }
                }
            }
        }
        var result = Set<Int32>()
        for (store, marks) in zip(stores, seen) {
            for (local, present) in marks.enumerated() where present { result.insert(store.globalOf[local]) }
        }
        return result
    }

    /// The value at a dotted path, or nil when the record lacks it.
    public func value(_ record: Record, _ path: String) -> FieldValue? {
        guard let id = paths.id(of: path) else { return nil }
        return record.value(at: id)
    }

    /// The record's change stamp (`modified:`) as exported; nil when the dataset has none or
    /// the record lacks it.
    public func changeStamp(_ record: Record) -> String? {
        spec.modified.flatMap { value(record, $0)?.text }
    }

    /// Whether any record has this path: for lint and for telling a parent from a leaf.
    public func hasPath(_ path: String) -> Bool {
        guard let id = paths.id(of: path) else { return false }
        return presentPaths.contains(id)
    }

    /// Whether some record has a field below `path` (`profile.email` is a parent of `profile.email.email`).
    public func isParentPath(_ path: String) -> Bool {
        let prefix = path + "."
        return presentPaths.contains { paths.names[Int($0)].hasPrefix(prefix) }
    }

    public func location(of record: Record) -> SourceLocation {
        SourceLocation(file: files[Int(record.file)].path, line: Int(record.line))
    }
}
