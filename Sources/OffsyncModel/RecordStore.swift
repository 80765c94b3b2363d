#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The values of one file's records, packed: one text arena (UTF-8, already validated) and one
/// 8-byte entry per field, instead of a `FieldValue` with its own `String` per field.
///
/// A field's text runs from the previous entry's end to its own end (records are appended one
/// after another, so this holds across records too). Entries are sorted by path within a record.
/// Path ids are the file's own (`local`), mapped to the loader's table by `localOf`, so files can
/// be read in parallel with their own tables and joined afterwards in file order.
///
/// A CSV file's records all have the same fields in the same order, so its store keeps only each
/// field's end: the field at entry `first + i` of a record is column `i`, path `i`. The end is
/// 2 bytes, from the record's start, while every record's text is under 64 KB (else 4 bytes,
/// from the store's start): 54 MB less for a 150 MB file of 26 columns.
@usableFromInline package final class RecordStore: @unchecked Sendable {  // immutable once built; the buffers are its own
    /// Per field, path, kind and end (empty in a store of columns).
    @usableFromInline package let entries: UnsafeMutableBufferPointer<Entry>
    /// Per field, its end from its record's start (a store of narrow columns only).
    @usableFromInline package let narrowEnds: UnsafeMutableBufferPointer<UInt16>
    /// Per record, where its text starts (a store of narrow columns only).
    @usableFromInline package let recordStarts: UnsafeMutableBufferPointer<UInt32>
    /// Per field, its end (a store of wide columns only).
    @usableFromInline package let ends: UnsafeMutableBufferPointer<UInt32>
    /// Fields per record in a store of columns; 0 when entries hold paths.
    @usableFromInline package let columns: Int
    /// Whether the columns' ends are 2 bytes from each record's start.
    @usableFromInline package let narrow: Bool
    @usableFromInline package let text: UnsafeMutableBufferPointer<UInt8>
    private let owned: [Allocation]
    /// The loader's path id → this file's path id, or -1 where the file lacks the path.
    @usableFromInline package let localOf: [Int32]
    /// This file's path id → the loader's.
    @usableFromInline package let globalOf: [Int32]

    /// A store over buffers a reader filled; `owned` frees them with the store.
    package init(
        entries: UnsafeMutableBufferPointer<Entry>, narrowEnds: UnsafeMutableBufferPointer<UInt16>,
        recordStarts: UnsafeMutableBufferPointer<UInt32>, ends: UnsafeMutableBufferPointer<UInt32>,
        columns: Int, narrow: Bool, text: UnsafeMutableBufferPointer<UInt8>, owned: [Allocation], globalOf: [Int32]
    ) {
        self.entries = entries
        self.narrowEnds = narrowEnds
        self.recordStarts = recordStarts
        self.ends = ends
        self.columns = columns
        self.narrow = narrow
        self.text = text
        self.owned = owned
        self.globalOf = globalOf
        var localOf = [Int32](repeating: -1, count: Int(globalOf.max().map { $0 + 1 } ?? 0))
        for (local, global) in globalOf.enumerated() { localOf[Int(global)] = Int32(local) }
        self.localOf = localOf
    }

    /// The value at a loader path id among the entries `range`, or nil when absent.
    @inlinable @inline(__always)
    package func value(at path: Int32, in range: Range<Int>) -> FieldValue? {
        guard let index = index(ofPath: path, in: range) else { return nil }
        return value(ofEntry: index)
    }

    /// The entry of a loader path id among a record's entries `range`, or nil when absent.
    @inlinable @inline(__always)
    package func index(ofPath path: Int32, in range: Range<Int>) -> Int? {
        guard path >= 0, Int(path) < localOf.count else { return nil }
        return index(of: localOf[Int(path)], in: range)
    }

    /// The entry of a local path among a record's entries `range`, or nil when absent.
    @inlinable @inline(__always)
    package func index(of local: Int32, in range: Range<Int>) -> Int? {
        guard local >= 0 else { return nil }
        if columns > 0 { return Int(local) < range.count ? range.lowerBound + Int(local) : nil }
        // Binary search: a record's entries are sorted by path.
        let key = UInt32(local) << 3
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low + high) &>> 1
            if entries[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && entries[low].key &>> 3 == UInt32(local) ? low : nil
    }

    /// The local path of entry `index` of the record whose entries begin at `first`.
    @inline(__always)
    package func path(ofEntry index: Int, first: Int) -> Int32 {
        columns > 0 ? Int32(index - first) : entries[index].path
    }

    /// Where the text of entry `index` starts and ends.
    @inlinable @inline(__always)
    package func bounds(ofEntry index: Int) -> (start: Int, end: Int) {
        if narrow {
            let (record, column) = index.quotientAndRemainder(dividingBy: columns)
            let base = Int(recordStarts[record])
            return (column == 0 ? base : base + Int(narrowEnds[index - 1]), base + Int(narrowEnds[index]))
        }
        if columns > 0 { return (index == 0 ? 0 : Int(ends[index - 1]), Int(ends[index])) }
        return (index == 0 ? 0 : Int(entries[index - 1].end), Int(entries[index].end))
    }

    @inlinable @inline(__always)
    package func kind(ofEntry index: Int) -> Entry.Kind {
        columns > 0 ? .string : entries[index].kind
    }

    /// Where the value at a loader path id is once surrounding white space is trimmed (what an
    /// id is); nil when absent or null. A record keeps this instead of a `String` of its own:
    /// ids of 16 bytes or more would each be a heap allocation.
    package func idText(at path: Int32, in range: Range<Int>) -> IDText? {
        guard let index = index(ofPath: path, in: range) else { return nil }
        switch kind(ofEntry: index) {
        case .trueLiteral: return .bool(true)
        case .falseLiteral: return .bool(false)
        case .null: return nil
        case .string, .number, .composite: break
        }
        var (start, end) = bounds(ofEntry: index)
        // ASCII white space here; other white space (rare) by Unicode's White_Space property.
        while start < end, text[start] == 0x20 || (0x09...0x0D).contains(text[start]) { start += 1 }
        while end > start, text[end - 1] == 0x20 || (0x09...0x0D).contains(text[end - 1]) { end -= 1 }
        if start < end, text[start] >= 0x80 || text[end - 1] >= 0x80 {
            let value = string(start, end)
            let scalars = value.unicodeScalars
            if let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
               let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) {
                end = start + value.utf8.distance(from: value.startIndex, to: scalars.index(after: last))
                start += value.utf8.distance(from: value.startIndex, to: first)
            } else {
                end = start
            }
        }
        return IDText(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end))
    }

    /// The text of the value at a loader path id as bytes (`true`/`false` for booleans); nil
    /// when absent or null.
    @inlinable @inline(__always)
    package func withValueBytes<Result>(at path: Int32, in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard let index = index(ofPath: path, in: range) else { return body(nil) }
        switch kind(ofEntry: index) {
        case .trueLiteral: return withBytes(of: .bool(true), body)
        case .falseLiteral: return withBytes(of: .bool(false), body)
        case .null: return body(nil)
        case .string, .number, .composite:
            let (start, end) = bounds(ofEntry: index)
            return body(UnsafeBufferPointer(rebasing: text[start..<end]))
        }
    }

    /// The bytes of an id found in this store (`true` or `false` for a JSON boolean).
    @usableFromInline
    package func withBytes<Result>(of id: IDText, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if id.start == IDText.boolMark {
            let word: StaticString = id.end == 1 ? "true" : "false"
            return body(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        }
        return body(UnsafeBufferPointer(rebasing: text[Int(id.start)..<Int(id.end)]))
    }

    /// The text of an id `idText` found in this store.
    package func string(_ id: IDText) -> String {
        id.start == IDText.boolMark ? (id.end == 1 ? "true" : "false") : string(Int(id.start), Int(id.end))
    }

    @usableFromInline
    package func value(ofEntry index: Int) -> FieldValue {
        let (start, end) = bounds(ofEntry: index)
        switch kind(ofEntry: index) {
        case .string: return .string(string(start, end))
        case .number: return .number(string(start, end))
        case .composite: return .composite(string(start, end))
        case .trueLiteral: return .bool(true)
        case .falseLiteral: return .bool(false)
        case .null: return .null
        }
    }

    @inline(__always)
    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }
}

/// Where a record's id is in its store's text, or a JSON `true`/`false` (marked by a start no
/// text reaches: stores hold under 4 GB).
@usableFromInline package struct IDText: Sendable {
    @usableFromInline package let start: UInt32
    @usableFromInline package let end: UInt32

    @usableFromInline package static let boolMark = UInt32.max

    package init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = end
    }

    @usableFromInline package static func bool(_ flag: Bool) -> IDText { IDText(start: boolMark, end: flag ? 1 : 0) }

    /// Whether the id is empty text (a missing id, to the dataset).
    package var isEmpty: Bool { start == end }
}

/// One field: its path id (high bits) and kind (low 3 bits), and where its text ends.
@usableFromInline package struct Entry {
    @usableFromInline package var key: UInt32
    @usableFromInline package var end: UInt32

    /// What the text is; JSON `true` and `false` keep no text.
    @usableFromInline package enum Kind: UInt32 {
        case string = 0, number, composite, trueLiteral, falseLiteral, null
    }

    @inlinable @inline(__always)
    package init(path: Int32, kind: Kind, end: Int) {
        key = UInt32(path) << 3 | kind.rawValue
        self.end = UInt32(truncatingIfNeeded: end)
    }

    @inlinable package var path: Int32 { Int32(key >> 3) }
    @inlinable package var kind: Kind { Kind(rawValue: key & 7)! }
}

/// The most a store's text may hold: entries keep 32-bit ends.
package let recordStoreTextLimit = Int(UInt32.max)
