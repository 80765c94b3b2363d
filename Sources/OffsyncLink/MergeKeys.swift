#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import OffsyncIngest
import OffsyncModel
import OffsyncSpec

/// The normalized merge values of one side's records, one key per record and combination:
/// all the combination's properties joined, or none when any is empty (empty values never link).
/// For linking by content, `emptyMatchesEmpty` lets an empty value equal an empty one (a
/// created record leaves out what its source lacks); a key still needs one non-empty value.
struct MergeKeys {
    /// One per combination, shared through a `MergeKeyColumns` by every flow that asks for the
    /// same properties of the same dataset (Users by email, from contacts and from customers).
    let columns: [MergeKeyColumn]

    init(
        _ dataset: Dataset, combinations: [MergeCombination], side: KeyPath<PropertyPair, String>, comparison: MergeComparison,
        emptyMatchesEmpty: Bool = false, shared: MergeKeyColumns = MergeKeyColumns()
    ) {
        columns = combinations.map { combination in
            let properties = combination.pairs.map { pair in (path: pair[keyPath: side], comparison: comparison.comparison(for: pair)) }
            return shared.column(dataset, properties, emptyMatchesEmpty: emptyMatchesEmpty)
        }
    }

    /// The columns `init` asks `shared` for, so that they can be made beforehand (`MergeKeyColumns.prepare`).
    static func request(
        _ dataset: Dataset, combinations: [MergeCombination], side: KeyPath<PropertyPair, String>, comparison: MergeComparison,
        emptyMatchesEmpty: Bool = false
    ) -> [MergeKeyColumns.Request] {
        combinations.map { combination in
            MergeKeyColumns.Request(
                dataset: dataset,
                properties: combination.pairs.map { pair in (path: pair[keyPath: side], comparison: comparison.comparison(for: pair)) },
                emptyMatchesEmpty: emptyMatchesEmpty)
        }
    }

    /// Record indexes whose key, in some combination, another record of the same side shares.
    func duplicates() -> Set<Int> {
        var result = Set<Int>()
        for column in columns { result.formUnion(column.duplicates) }
        return result
    }
}

/// The merge keys of one dataset for one list of properties, made once per run: per record,
/// its normalized values joined by U+001F, as bytes side by side in one array, with a 64-bit
/// hash. Measured at a million records a side: a `String` per key, hashed and retained in
/// dictionaries, was most of the link stage.
///
/// Sendable without checks because nothing changes once it is shared: the lazy table and
/// duplicates are made by the one job that makes the column (`MergeKeyColumns.prepare`) or
/// before any concurrent reading.
final class MergeKeyColumn: @unchecked Sendable {
    /// Where each record's key ends in `bytes`; it starts where the previous one ends. An
    /// empty key is no key.
    private let ends: [Int]
    private let bytes: [UInt8]
    private let digests: [UInt64]

    var count: Int { ends.count }

    init(_ dataset: Dataset, _ properties: [(path: String, comparison: Comparison)], emptyMatchesEmpty: Bool) {
        let resolved = properties.map { (path: dataset.paths.id(of: $0.path), comparison: $0.comparison) }
        var ends: [Int] = []
        var bytes: [UInt8] = []
        var digests: [UInt64] = []
        ends.reserveCapacity(dataset.records.count)
        digests.reserveCapacity(dataset.records.count)
        bytes.reserveCapacity(dataset.records.count * 24)
        for record in dataset.records {
            let start = bytes.count
            if !Self.appendKey(record, resolved, emptyMatchesEmpty: emptyMatchesEmpty, to: &bytes) { bytes.removeSubrange(start...) }
            ends.append(bytes.count)
            digests.append(bytes.withUnsafeBytes { ByteHash.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) })
        }
        self.ends = ends
        self.bytes = bytes
        self.digests = digests
    }

    @inline(__always)
    private func range(_ record: Int) -> Range<Int> { (record == 0 ? 0 : ends[record - 1])..<ends[record] }

    func hasKey(_ record: Int) -> Bool { !range(record).isEmpty }

    /// The key as text (for `explain`); nil when the record has none.
    func text(_ record: Int) -> String? {
        let range = range(record)
        return range.isEmpty ? nil : String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether a record's key equals another column's record's key (both present).
    @inline(__always)
    func key(_ record: Int, equals other: MergeKeyColumn, _ otherRecord: Int) -> Bool {
        guard digests[record] == other.digests[otherRecord] else { return false }
        let mine = range(record), theirs = other.range(otherRecord)
        guard mine.count == theirs.count, !mine.isEmpty else { return false }
        return bytes.withUnsafeBufferPointer { a in
            other.bytes.withUnsafeBufferPointer { b in memcmp(a.baseAddress! + mine.lowerBound, b.baseAddress! + theirs.lowerBound, mine.count) == 0 }
        }
    }

    /// Every record by key, made on first use and kept as long as the column. It holds no
    /// reference back to the column (that cycle kept every column alive to the end of the run).
    lazy var table = KeyTable(self)

    /// Records sharing their key with another record of the dataset.
    lazy var duplicates: Set<Int> = table.recordsInGroups()

    /// Appends a record's key; false when it has none (an empty value where empty never links,
    /// or no value at all).
    static func appendKey(
        _ record: Record, _ properties: [(path: Int32?, comparison: Comparison)], emptyMatchesEmpty: Bool, to bytes: inout [UInt8]
    ) -> Bool {
        var anyValue = false
        for (i, property) in properties.enumerated() {
            if i > 0 { bytes.append(0x1F) }
            let before = bytes.count
            if let path = property.path {
                record.withValueBytes(at: path) { value in
                    guard let value else { return }
                    property.comparison.appendNormalized(value, to: &bytes)
                }
            }
            let empty = bytes.count == before
            if empty && !emptyMatchesEmpty { return false }
            anyValue = anyValue || !empty
        }
        return anyValue
    }
}

/// The merge key columns made so far in a run, by dataset and properties.
final class MergeKeyColumns {
    struct Key: Hashable {
        var dataset: DatasetKey
        var properties: [String]
        var emptyMatchesEmpty: Bool
    }

    private var made: [Key: MergeKeyColumn] = [:]

    /// A column to make: a dataset's properties, each with its comparison.
    struct Request: Sendable {
        var dataset: Dataset
        var properties: [(path: String, comparison: Comparison)]
        var emptyMatchesEmpty: Bool

        var key: Key {
            Key(dataset: dataset.key, properties: properties.map { "\($0.path)\u{1F}\($0.comparison.rawValue)" }, emptyMatchesEmpty: emptyMatchesEmpty)
        }
    }

    /// Makes the columns not made yet, with their tables, each on a core of its own.
    func prepare(_ requests: [Request]) {
        var missing: [Request] = []
        for request in requests where made[request.key] == nil && !missing.contains(where: { $0.key == request.key }) {
            missing.append(request)
        }
        let columns = missing.concurrentMap { request in
            let column = MergeKeyColumn(request.dataset, request.properties, emptyMatchesEmpty: request.emptyMatchesEmpty)
            _ = column.table
            return column
        }
        for (request, column) in zip(missing, columns) { made[request.key] = column }
    }

    func column(_ dataset: Dataset, _ properties: [(path: String, comparison: Comparison)], emptyMatchesEmpty: Bool) -> MergeKeyColumn {
        let key = Request(dataset: dataset, properties: properties, emptyMatchesEmpty: emptyMatchesEmpty).key
        if let column = made[key] { return column }
        let column = MergeKeyColumn(dataset, properties, emptyMatchesEmpty: emptyMatchesEmpty)
        made[key] = column
        return column
    }
}

/// A column's records by key: an open-addressing table of each key's first record, sized up
/// front, and per record the next one with the same key, in record order. No allocation per
/// key; a lookup hashes nothing (the key's hash is kept) and compares bytes on an equal hash.
struct KeyTable {
    private var slots: [Int32]
    private var next: [Int32]
    private let mask: Int

    init(_ column: MergeKeyColumn) {
        var capacity = 16
        while capacity < column.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = Array(repeating: -1, count: capacity)
        next = Array(repeating: -1, count: column.count)
        // From the last record to the first, each in front of its group: groups in record order.
        for record in stride(from: column.count - 1, through: 0, by: -1) where column.hasKey(record) {
            var slot = Int(truncatingIfNeeded: column.digest(record)) & mask
            while slots[slot] >= 0, !column.key(Int(slots[slot]), equals: column, record) { slot = (slot + 1) & mask }
            next[record] = slots[slot]
            slots[slot] = Int32(record)
        }
    }

    /// The first record of `column` (the one the table was made of) whose key equals `other`'s
    /// record's key, or nil; then `next(after:)`.
    @inline(__always)
    func first(of column: MergeKeyColumn, matching other: MergeKeyColumn, _ record: Int) -> Int? {
        guard other.hasKey(record) else { return nil }
        var slot = Int(truncatingIfNeeded: other.digest(record)) & mask
        while slots[slot] >= 0 {
            if column.key(Int(slots[slot]), equals: other, record) { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The next record with the same key, in record order, or nil.
    @inline(__always)
    func next(after record: Int) -> Int? { next[record] < 0 ? nil : Int(next[record]) }

    /// The records of `column` whose key `other`'s record has, that `include` lets in.
    @inline(__always)
    func records(of column: MergeKeyColumn, matching other: MergeKeyColumn, _ record: Int, where include: (Int) -> Bool) -> [Int] {
        var found: [Int] = []
        var current = first(of: column, matching: other, record)
        while let r = current {
            if include(r) { found.append(r) }
            current = next(after: r)
        }
        return found
    }

    /// Records in a group of two or more.
    func recordsInGroups() -> Set<Int> {
        var result = Set<Int>()
        for head in slots where head >= 0 && next[Int(head)] >= 0 {
            var current: Int32 = head
            while current >= 0 {
                result.insert(Int(current))
                current = next[Int(current)]
            }
        }
        return result
    }
}

extension MergeKeyColumn {
    @inline(__always)
    fileprivate func digest(_ record: Int) -> UInt64 { digests[record] }
}

extension Comparison {
    /// Appends a value's normalized bytes: ASCII in place (trimmed, lowercased where the
    /// comparison folds case), anything else through `normalize`, which knows Unicode.
    func appendNormalized(_ value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // An empty value (`FieldValue.isEmpty`) whatever the comparison.
        if value.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
        guard value.allSatisfy({ $0 < 0x80 }) else {
            var normalized = normalize(String(decoding: value, as: UTF8.self))
            normalized.withUTF8 { bytes.append(contentsOf: $0) }
            return
        }
        switch self {
        case .exact:
            bytes.append(contentsOf: value)
        case .digitsOnly:
            for byte in value where (0x30...0x39).contains(byte) { bytes.append(byte) }
        case .caseInsensitive, .email:
            // White space as `trimmedWhitespace` has it, in ASCII: tab to carriage return, space.
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var start = 0, end = value.count
            while start < end, isSpace(value[start]) { start += 1 }
            while end > start, isSpace(value[end - 1]) { end -= 1 }
            for byte in value[start..<end] { bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
        }
    }
}
