#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
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
/// its normalized values joined by U+001F, as bytes side by side, with a 64-bit hash.
///
/// The column owns its memory and lends it out as `Keys` and `KeyTable`, plain pointers:
/// the linking loop runs on both cores over the same columns, and reference counting on
/// shared arrays there (atomic, on one cache line from two cores) was half its time.
/// Sendable without checks because nothing changes once it is shared: the lazy table and
/// duplicates are made by the one job that makes the column (`MergeKeyColumns.prepare`) or
/// before any concurrent reading.
final class MergeKeyColumn: @unchecked Sendable {
    let keys: Keys
    private var madeTable: KeyTable?

    var count: Int { keys.count }

    init(_ dataset: Dataset, _ properties: [(path: String, comparison: Comparison)], emptyMatchesEmpty: Bool) {
        let resolved = properties.map { (path: dataset.paths.id(of: $0.path), comparison: $0.comparison) }
        let count = dataset.records.count
        let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        let digests = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 24)
        // Views, not copies: the lint reads the same records on the other core.
        dataset.records.forEachView { index, record in
            let start = bytes.count
            if !Self.appendKey(record, resolved, emptyMatchesEmpty: emptyMatchesEmpty, to: &bytes) { bytes.removeSubrange(start...) }
            ends[index] = bytes.count
            digests[index] = bytes.withUnsafeBytes { ByteHash.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        }
        let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = text.initialize(from: bytes)
        keys = Keys(ends: UnsafeBufferPointer(ends), bytes: UnsafeBufferPointer(text), digests: UnsafeBufferPointer(digests))
    }

    deinit {
        UnsafeMutableBufferPointer(mutating: keys.ends).deallocate()
        UnsafeMutableBufferPointer(mutating: keys.bytes).deallocate()
        UnsafeMutableBufferPointer(mutating: keys.digests).deallocate()
        madeTable?.deallocate()
    }

    func hasKey(_ record: Int) -> Bool { keys.hasKey(record) }

    /// The key as text (for `explain`); nil when the record has none.
    func text(_ record: Int) -> String? {
        let range = keys.range(record)
        return range.isEmpty ? nil : String(decoding: keys.bytes[range], as: UTF8.self)
    }

    /// Every record by key, made on first use and kept as long as the column.
    var table: KeyTable {
        if let madeTable { return madeTable }
        let table = KeyTable(keys)
        madeTable = table
        return table
    }

    /// Records sharing their key with another record of the dataset.
    lazy var duplicates: Set<Int> = table.recordsInGroups()

    /// Appends a record's key; false when it has none (an empty value where empty never links,
    /// or no value at all).
    static func appendKey(
        _ record: RecordView, _ properties: [(path: Int32?, comparison: Comparison)], emptyMatchesEmpty: Bool, to bytes: inout [UInt8]
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

/// A column's keys, lent as plain pointers: valid while the column lives.
struct Keys: @unchecked Sendable {
    /// Where each record's key ends in `bytes`; it starts where the previous one ends. An
    /// empty key is no key.
    let ends: UnsafeBufferPointer<Int>
    let bytes: UnsafeBufferPointer<UInt8>
    let digests: UnsafeBufferPointer<UInt64>

    var count: Int { ends.count }

    @inline(__always)
    func range(_ record: Int) -> Range<Int> { (record == 0 ? 0 : ends[record - 1])..<ends[record] }

    @inline(__always)
    func hasKey(_ record: Int) -> Bool { record == 0 ? ends[0] > 0 : ends[record] > ends[record - 1] }

    /// Whether a record's key equals another column's record's key (both present).
    @inline(__always)
    func key(_ record: Int, equals other: Keys, _ otherRecord: Int) -> Bool {
        guard digests[record] == other.digests[otherRecord] else { return false }
        let mine = range(record), theirs = other.range(otherRecord)
        guard mine.count == theirs.count, !mine.isEmpty else { return false }
        return memcmp(bytes.baseAddress! + mine.lowerBound, other.bytes.baseAddress! + theirs.lowerBound, mine.count) == 0
    }
}

/// A column's records by key: an open-addressing table of each key's first record, sized up
/// front, and per record the next one with the same key, in record order. No allocation per
/// key; a lookup hashes nothing (the key's hash is kept) and compares bytes on an equal hash.
/// Plain pointers into memory its column owns and frees.
struct KeyTable: @unchecked Sendable {
    let keys: Keys
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let next: UnsafeMutableBufferPointer<Int32>
    private let mask: Int

    init(_ keys: Keys) {
        self.keys = keys
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1)
        next = .allocate(capacity: keys.count)
        next.initialize(repeating: -1)
        // From the last record to the first, each in front of its group: groups in record order.
        for record in stride(from: keys.count - 1, through: 0, by: -1) where keys.hasKey(record) {
            var slot = Int(truncatingIfNeeded: keys.digests[record]) & mask
            while slots[slot] >= 0, !keys.key(Int(slots[slot]), equals: keys, record) { slot = (slot + 1) & mask }
            next[record] = slots[slot]
            slots[slot] = Int32(record)
        }
    }

    /// Frees the table's memory (its column's `deinit`).
    func deallocate() {
        slots.deallocate()
        next.deallocate()
    }

    /// The first record whose key equals `other`'s record's key, or nil; then `next(after:)`.
    @inline(__always)
    func first(matching other: Keys, _ record: Int) -> Int? {
        guard other.hasKey(record) else { return nil }
        var slot = Int(truncatingIfNeeded: other.digests[record]) & mask
        while slots[slot] >= 0 {
            if keys.key(Int(slots[slot]), equals: other, record) { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Step 1 of 2 ahead of a lookup of `other`'s record: the slot its key starts at.
    @inline(__always)
    func prefetchSlot(matching other: Keys, _ record: Int) {
        UnsafeBufferPointer(slots).prefetch(at: Int(truncatingIfNeeded: other.digests[record]) & mask)
    }

    /// Step 2 of 2 (the slot is in cache): the digest, key end and next record of the record
    /// the slot holds, which the lookup compares first.
    @inline(__always)
    func prefetchFirst(matching other: Keys, _ record: Int) {
        let found = slots[Int(truncatingIfNeeded: other.digests[record]) & mask]
        guard found >= 0 else { return }
        keys.digests.prefetch(at: Int(found))
        keys.ends.prefetch(at: Int(found))
        UnsafeBufferPointer(next).prefetch(at: Int(found))
    }

    /// The next record with the same key, in record order, or nil.
    @inline(__always)
    func next(after record: Int) -> Int? { next[record] < 0 ? nil : Int(next[record]) }

    /// The records whose key `other`'s record has, that `include` lets in.
    @inline(__always)
    func records(matching other: Keys, _ record: Int, where include: (Int) -> Bool) -> [Int] {
        var found: [Int] = []
        var current = first(matching: other, record)
        while let r = current {
            if include(r) { found.append(r) }
            current = next(after: r)
        }
        return found
    }

    /// How many records (0, 1, or 2 for two or more) have the key `other`'s record has and
    /// `include` lets in, and the first: `records(matching:)` without making a list, for the
    /// usual answer (one record, or none).
    @inline(__always)
    func countUpToTwo(matching other: Keys, _ record: Int, where include: (Int) -> Bool) -> (count: Int, first: Int) {
        var count = 0, first = -1
        var current = self.first(matching: other, record)
        while let r = current {
            if include(r) {
                if count == 0 { first = r }
                count += 1
                if count == 2 { break }
            }
            current = next(after: r)
        }
        return (count, first)
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

extension Comparison {
    /// Appends a value's normalized bytes: ASCII and Latin-1 text in place (trimmed, lowercased
    /// where the comparison folds case), anything else through `normalize`, which knows Unicode.
    func appendNormalized(_ value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // An empty value (`FieldValue.isEmpty`) whatever the comparison.
        if value.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
        guard value.allSatisfy({ $0 < 0x80 }) else {
            if self != .digitsOnly, Self.appendLatin1(value, foldingCase: self != .exact, to: &bytes) { return }
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
            let (start, end) = Self.trimmedASCIISpace(value)
            for byte in value[start..<end] { bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
        }
    }

    /// Where `value` starts and ends without white space as `trimmedWhitespace` has it in
    /// ASCII: tab to carriage return, and space.
    private static func trimmedASCIISpace(_ value: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var start = 0, end = value.count
        while start < end, isSpace(value[start]) { start += 1 }
        while end > start, isSpace(value[end - 1]) { end -= 1 }
        return (start, end)
    }

    /// Appends text of ASCII and Latin-1 letters (two-byte UTF-8 led by C2 or C3: Norwegian,
    /// German, French names) as `normalize` gives it, without making a `String`: it is in NFC
    /// already, and lowercasing adds 0x20 to U+00C0-U+00DE but for U+00D7. False, with nothing
    /// appended, for any other text, for µ and ß (case folding changes them) and, where case
    /// folds, for a no-break space or next-line at an end (white space, trimmed the slow way).
    static func appendLatin1(_ value: UnsafeBufferPointer<UInt8>, foldingCase: Bool, to bytes: inout [UInt8]) -> Bool {
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte < 0x80 { index += 1; continue }
            guard byte == 0xC2 || byte == 0xC3, index + 1 < value.count, (0x80...0xBF).contains(value[index + 1]) else { return false }
            let next = value[index + 1]
            if (byte == 0xC2 && next == 0xB5) || (byte == 0xC3 && next == 0x9F) { return false }
            index += 2
        }
        guard foldingCase else {
            bytes.append(contentsOf: value)
            return true
        }
        let (start, end) = trimmedASCIISpace(value)
        func isSpace(_ at: Int) -> Bool { value[at] == 0xC2 && (value[at + 1] == 0xA0 || value[at + 1] == 0x85) }
        if end - start >= 2, isSpace(start) || isSpace(end - 2) { return false }
        var lead: UInt8 = 0
        for byte in value[start..<end] {
            if lead == 0xC3, (0x80...0x9E).contains(byte), byte != 0x97 {
                bytes.append(byte + 0x20)
            } else {
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            lead = byte
        }
        return true
    }
}
