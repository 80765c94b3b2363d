import CIngestSupport

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
final class RecordStore: @unchecked Sendable {  // immutable once built; the buffers are its own
    /// Per field, path, kind and end (empty in a store of columns).
    let entries: UnsafeMutableBufferPointer<Entry>
    /// Per field, its end from its record's start (a store of narrow columns only).
    let narrowEnds: UnsafeMutableBufferPointer<UInt16>
    /// Per record, where its text starts (a store of narrow columns only).
    let recordStarts: UnsafeMutableBufferPointer<UInt32>
    /// Per field, its end (a store of wide columns only).
    let ends: UnsafeMutableBufferPointer<UInt32>
    /// Fields per record in a store of columns; 0 when entries hold paths.
    let columns: Int
    /// Whether the columns' ends are 2 bytes from each record's start.
    let narrow: Bool
    let text: UnsafeMutableBufferPointer<UInt8>
    private let owned: [Allocation]
    /// The loader's path id → this file's path id, or -1 where the file lacks the path.
    let localOf: [Int32]
    /// This file's path id → the loader's.
    let globalOf: [Int32]

    init(_ buffers: RecordBuffers, globalOf: [Int32]) {
        entries = buffers.entries.shrunk()
        ends = buffers.ends.shrunk()
        narrowEnds = buffers.narrowEnds.shrunk()
        recordStarts = buffers.recordStarts.shrunk()
        columns = buffers.columns
        narrow = buffers.columns > 0 && !buffers.wide
        text = buffers.text.shrunk()
        owned = [
            buffers.entries.allocation, buffers.ends.allocation, buffers.narrowEnds.allocation,
            buffers.recordStarts.allocation, buffers.text.allocation,
        ]
        self.globalOf = globalOf
        var localOf = [Int32](repeating: -1, count: Int(globalOf.max().map { $0 + 1 } ?? 0))
        for (local, global) in globalOf.enumerated() { localOf[Int(global)] = Int32(local) }
        self.localOf = localOf
    }

    /// The value at a loader path id among the entries `range`, or nil when absent.
    @inline(__always)
    func value(at path: Int32, in range: Range<Int>) -> FieldValue? {
        guard let index = index(ofPath: path, in: range) else { return nil }
        return value(ofEntry: index)
    }

    /// The entry of a loader path id among a record's entries `range`, or nil when absent.
    @inline(__always)
    private func index(ofPath path: Int32, in range: Range<Int>) -> Int? {
        guard path >= 0, Int(path) < localOf.count else { return nil }
        return index(of: localOf[Int(path)], in: range)
    }

    /// The entry of a local path among a record's entries `range`, or nil when absent.
    @inline(__always)
    func index(of local: Int32, in range: Range<Int>) -> Int? {
        guard local >= 0 else { return nil }
        if columns > 0 { return Int(local) < range.count ? range.lowerBound + Int(local) : nil }
        return entries.index(of: local, in: range)
    }

    /// The local path of entry `index` of the record whose entries begin at `first`.
    @inline(__always)
    func path(ofEntry index: Int, first: Int) -> Int32 {
        columns > 0 ? Int32(index - first) : entries[index].path
    }

    /// Where the text of entry `index` starts and ends.
    @inline(__always)
    private func bounds(ofEntry index: Int) -> (start: Int, end: Int) {
        if narrow {
            let (record, column) = index.quotientAndRemainder(dividingBy: columns)
            let base = Int(recordStarts[record])
            return (column == 0 ? base : base + Int(narrowEnds[index - 1]), base + Int(narrowEnds[index]))
        }
        if columns > 0 { return (index == 0 ? 0 : Int(ends[index - 1]), Int(ends[index])) }
        return (index == 0 ? 0 : Int(entries[index - 1].end), Int(entries[index].end))
    }

    @inline(__always)
    private func kind(ofEntry index: Int) -> Entry.Kind {
        columns > 0 ? .string : entries[index].kind
    }

    /// Where the value at a loader path id is once surrounding white space is trimmed (what an
    /// id is); nil when absent or null. A record keeps this instead of a `String` of its own:
    /// ids of 16 bytes or more would each be a heap allocation (measured: 35 MB for 540k records).
    func idText(at path: Int32, in range: Range<Int>) -> IDText? {
        guard let index = index(ofPath: path, in: range) else { return nil }
        switch kind(ofEntry: index) {
        case .yes: return .bool(true)
        case .no: return .bool(false)
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

    /// Asks for the cache line where the value at a loader path id starts, ahead of `idText`:
    /// a file's records were read before their ids are checked, and their text has left the cache.
    @inline(__always)
    func prefetchValue(at path: Int32, in range: Range<Int>) {
        guard let index = index(ofPath: path, in: range), let base = text.baseAddress else { return }
        offsync_prefetch_for_read(base + bounds(ofEntry: index).start)
    }

    /// The text of the value at a loader path id as bytes (`true`/`false` for booleans); nil
    /// when absent or null.
    @inline(__always)
    func withValueBytes<Result>(at path: Int32, in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard let index = index(ofPath: path, in: range) else { return body(nil) }
        switch kind(ofEntry: index) {
        case .yes: return withBytes(of: .bool(true), body)
        case .no: return withBytes(of: .bool(false), body)
        case .null: return body(nil)
        case .string, .number, .composite:
            let (start, end) = bounds(ofEntry: index)
            return body(UnsafeBufferPointer(rebasing: text[start..<end]))
        }
    }

    /// The bytes of an id found in this store (`true` or `false` for a JSON boolean).
    func withBytes<Result>(of id: IDText, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if id.start == IDText.boolMark {
            let word: StaticString = id.end == 1 ? "true" : "false"
            return body(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        }
        return body(UnsafeBufferPointer(rebasing: text[Int(id.start)..<Int(id.end)]))
    }

    /// The text of an id `idText` found in this store.
    func string(_ id: IDText) -> String {
        id.start == IDText.boolMark ? (id.end == 1 ? "true" : "false") : string(Int(id.start), Int(id.end))
    }

    func value(ofEntry index: Int) -> FieldValue {
        let (start, end) = bounds(ofEntry: index)
        switch kind(ofEntry: index) {
        case .string: return .string(string(start, end))
        case .number: return .number(string(start, end))
        case .composite: return .composite(string(start, end))
        case .yes: return .bool(true)
        case .no: return .bool(false)
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
struct IDText {
    let start: UInt32
    let end: UInt32

    static let boolMark = UInt32.max

    static func bool(_ flag: Bool) -> IDText { IDText(start: boolMark, end: flag ? 1 : 0) }

    /// Whether the id is empty text (a missing id, to the dataset).
    var isEmpty: Bool { start == end }
}

/// One field: its path id (high bits) and kind (low 3 bits), and where its text ends.
struct Entry {
    var key: UInt32
    var end: UInt32

    enum Kind: UInt32 {
        case string = 0, number, composite, yes, no, null
    }

    init(path: Int32, kind: Kind, end: Int) {
        key = UInt32(path) << 3 | kind.rawValue
        self.end = UInt32(truncatingIfNeeded: end)
    }

    var path: Int32 { Int32(key >> 3) }
    var kind: Kind { Kind(rawValue: key & 7)! }
}

extension UnsafeMutableBufferPointer where Element == Entry {
    /// Binary search for a path among entries sorted by path.
    @inline(__always)
    func index(of path: Int32, in range: Range<Int>) -> Int? {
        let key = UInt32(path) << 3
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low + high) &>> 1
            if self[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && self[low].key &>> 3 == UInt32(path) ? low : nil
    }
}

/// The most a store's text may hold: entries keep 32-bit ends.
let recordStoreTextLimit = Int(UInt32.max)

/// Entries and text while a file is read; a reader appends fields of the record it is reading
/// and commits or discards them.
struct RecordBuffers {
    var entries: Growable<Entry>
    /// Field ends when every record has `columns` fields in column order (a CSV file's rows):
    /// 2 bytes from the record's start, with each record's start, until a record's text passes
    /// 64 KB; then all 4 bytes from the store's start (`wide`).
    var narrowEnds: Growable<UInt16>
    var recordStarts: Growable<UInt32>
    var ends: Growable<UInt32>
    private(set) var wide = false
    let columns: Int
    var text: Growable<UInt8>
    /// Where the record being read begins.
    private(set) var recordEntries = 0
    private(set) var recordText = 0

    /// `expectedText`: about how many bytes of values will come (reserved, not touched).
    /// `columns`: the fields every record has, in order, all strings (0: any fields).
    init(expectedText: Int, columns: Int = 0) {
        text = Growable(capacity: min(max(expectedText, 64), recordStoreTextLimit))
        self.columns = columns
        entries = Growable(capacity: columns > 0 ? 1 : max(expectedText / 16, 16))
        narrowEnds = Growable(capacity: columns > 0 ? max(expectedText / 8, 16) : 1)
        recordStarts = Growable(capacity: columns > 0 ? max(expectedText / 8 / columns, 16) : 1)
        ends = Growable(capacity: 1)
    }

    /// Fields so far.
    var count: Int { columns == 0 ? entries.count : wide ? ends.count : narrowEnds.count }

    /// Past half the limit, so that any record under 2 GB still fits.
    var isFull: Bool { text.count > recordStoreTextLimit / 2 || count > Int(Int32.max) / 2 }

    /// Appends a field whose text was appended to `text` just before (in a store of columns,
    /// the record's next column: `path` and `kind` are implied).
    @inline(__always)
    mutating func field(_ path: Int32, _ kind: Entry.Kind) {
        if columns > 0 {
            columnField()
        } else {
            entries.append(Entry(path: path, kind: kind, end: text.count))
        }
    }

    /// Appends the next column's field in a store of columns (its text appended just before).
    @inline(__always)
    mutating func columnField() {
        let end = text.count &- recordText
        if end <= 0xFFFF && !wide {
            narrowEnds.append(UInt16(truncatingIfNeeded: end))
        } else {
            wideField()
        }
    }

    @inline(__always)
    mutating func field(_ path: Int32, _ kind: Entry.Kind, bytes: UnsafeBufferPointer<UInt8>) {
        text.append(bytes)
        field(path, kind)
    }

    /// A field of a store of wide columns, which it becomes at the first record of 64 KB.
    @inline(never)
    private mutating func wideField() {
        if !wide {
            ends = Growable(capacity: narrowEnds.capacity)
            for index in 0..<narrowEnds.count {
                let record = index / columns
                let start = record < recordStarts.count ? Int(recordStarts[record]) : recordText
                ends.append(UInt32(truncatingIfNeeded: start + Int(narrowEnds[index])))
            }
            narrowEnds = Growable(capacity: 1)
            recordStarts = Growable(capacity: 1)
            wide = true
        }
        ends.append(UInt32(truncatingIfNeeded: text.count))
    }

    var currentCount: Int { entries.count - recordEntries }

    /// The path of the current record's field `index` (0-based, in reading order until commit).
    func currentPath(_ index: Int) -> Int32 { entries[recordEntries + index].path }

    /// Drops the current record's fields for which `drop` holds, with their text.
    mutating func removeCurrent(where drop: (Int32) -> Bool) {
        var write = recordEntries
        var writeText = recordText
        var start = recordText
        for read in recordEntries..<entries.count {
            let entry = entries[read]
            let end = Int(entry.end)
            if !drop(entry.path) {
                if writeText != start { text.move(from: start..<end, to: writeText) }
                writeText += end - start
                entries[write] = Entry(path: entry.path, kind: entry.kind, end: writeText)
                write += 1
            }
            start = end
        }
        entries.count = write
        text.count = writeText
    }

    /// Ends the current record: its fields sorted by path; returns its entries.
    mutating func commit() -> Range<Int> {
        let range = recordEntries..<count
        if columns == 0, !isSorted(range) { sort(range) }
        if columns > 0, !wide { recordStarts.append(UInt32(truncatingIfNeeded: recordText)) }
        recordEntries = count
        recordText = text.count
        return range
    }

    /// Forgets the current record's fields.
    mutating func discard() {
        if columns == 0 {
            entries.count = recordEntries
        } else if wide {
            ends.count = recordEntries
        } else {
            narrowEnds.count = recordEntries
        }
        text.count = recordText
    }

    private func isSorted(_ range: Range<Int>) -> Bool {
        guard range.count > 1 else { return true }
        for i in range.dropFirst() where entries[i - 1].key >= entries[i].key { return false }
        return true
    }

    /// Sorts the record's entries by path and lays its text out in that order (rare: a file's
    /// paths get their ids in first-seen order, so records usually come sorted).
    private mutating func sort(_ range: Range<Int>) {
        var fields: [(entry: Entry, start: Int)] = []
        var start = recordText
        for i in range {
            fields.append((entries[i], start))
            start = Int(entries[i].end)
        }
        fields.sort { $0.entry.key < $1.entry.key }
        let copy = Array(UnsafeBufferPointer(rebasing: text.buffer[recordText..<text.count]))
        var end = recordText
        for (offset, field) in fields.enumerated() {
            let length = Int(field.entry.end) - field.start
            copy.withUnsafeBytes { source in
                _ = memcpy(text.base + end, source.baseAddress! + (field.start - recordText), length)
            }
            end += length
            entries[range.lowerBound + offset] = Entry(path: field.entry.path, kind: field.entry.kind, end: end)
        }
    }
}

/// Owns a malloc'd block (freed with its last reference, also when a reader stops at an error).
final class Allocation: @unchecked Sendable {
    var pointer: UnsafeMutableRawPointer

    init(bytes: Int) {
        pointer = malloc(max(bytes, 1))!
        Self.preferLargePages(pointer, bytes)
    }

    /// Zeroed bytes starting on a 2 MB boundary, on 2 MB pages where the system gives them: for
    /// a table read at random, whose reads otherwise miss the TLB. Measured: the id check's loop
    /// over a 3.6 MB table took 4 ms less of 38 (a 150 MB CSV file).
    init(zeroedBytes bytes: Int) {
        let large = 2 << 20
        var aligned: UnsafeMutableRawPointer? = nil
        if bytes >= large, posix_memalign(&aligned, large, bytes) == 0, let aligned {
            #if os(Linux)
            madvise(aligned, bytes & ~(large - 1), MADV_HUGEPAGE)
            #endif
            pointer = aligned
        } else {
            pointer = malloc(max(bytes, 1))!
        }
        memset(pointer, 0, bytes)
    }

    func resize(_ bytes: Int) {
        pointer = realloc(pointer, max(bytes, 1))!
        Self.preferLargePages(pointer, bytes)
    }

    /// Asks for 2 MB pages where the system gives them on request (transparent huge pages set
    /// to `madvise`): a 150 MB file's text and inflated bytes otherwise fault in 4 KB at a
    /// time. Measured: the kernel's page faults were a tenth of reading a CSV file in gzip.
    private static func preferLargePages(_ pointer: UnsafeMutableRawPointer, _ bytes: Int) {
        #if os(Linux)
        guard bytes >= Self.largePagesFrom else { return }
        let large = 2 << 20
        let start = (UInt(bitPattern: pointer) + UInt(large - 1)) & ~UInt(large - 1)
        let end = (UInt(bitPattern: pointer) + UInt(bytes)) & ~UInt(large - 1)
        if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE) }
        #endif
    }

    static let largePagesFrom = 8 << 20

    deinit { free(pointer) }
}

/// A growable buffer of trivial values on malloc and realloc: large buffers grow in place (mremap)
/// without a second copy resident, and give back what they did not use.
struct Growable<Element> {
    let allocation: Allocation
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        allocation = Allocation(bytes: self.capacity * MemoryLayout<Element>.stride)
        base = allocation.pointer.assumingMemoryBound(to: Element.self)
    }

    /// A view of an allocation another owner sized; it must not grow.
    init(fixed allocation: Allocation, capacity: Int) {
        self.allocation = allocation
        base = allocation.pointer.assumingMemoryBound(to: Element.self)
        self.capacity = capacity
    }

    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) set { base[index] = newValue }
    }

    @inline(__always)
    mutating func reserve(_ more: Int) {
        // Wrapping arithmetic: a count is far from overflowing, and the checks cost on every field.
        if count &+ more > capacity { grow(count &+ more) }
    }

    /// Out of line: appends on hot paths stay small.
    @inline(never)
    private mutating func grow(_ needed: Int) {
        capacity = max(needed, capacity + capacity / 2)
        allocation.resize(capacity * MemoryLayout<Element>.stride)
        base = allocation.pointer.assumingMemoryBound(to: Element.self)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(count &+ 1) }
        base[count] = element
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        reserve(elements.count)
        if let source = elements.baseAddress { memcpy(base + count, source, elements.count &* MemoryLayout<Element>.stride) }
        count &+= elements.count
    }

    /// Appends `elements`, whose memory can be read 32 bytes from its start whatever its count:
    /// up to 32 bytes are copied as one block, with no call (the bytes of the block past the
    /// count are written too, and left as room).
    @inline(__always)
    mutating func append(readingAhead elements: UnsafeBufferPointer<Element>) where Element == UInt8 {
        guard let source = elements.baseAddress else { return }
        reserve(elements.count &+ 32)
        if elements.count <= 32 {
            UnsafeMutableRawPointer(base + count).storeBytes(
                of: UnsafeRawPointer(source).loadUnaligned(as: SIMD32<UInt8>.self), as: SIMD32<UInt8>.self)
        } else {
            memcpy(base + count, source, elements.count)
        }
        count &+= elements.count
    }

    mutating func move(from range: Range<Int>, to destination: Int) {
        memmove(base + destination, base + range.lowerBound, range.count * MemoryLayout<Element>.stride)
    }

    /// The buffer cut to its count (the allocation keeps owning it).
    func shrunk() -> UnsafeMutableBufferPointer<Element> {
        allocation.resize(count * MemoryLayout<Element>.stride)
        return UnsafeMutableBufferPointer(start: allocation.pointer.assumingMemoryBound(to: Element.self), count: count)
    }
}

/// What a reader writes: the records of one file, their fields in `RecordBuffers` (a new one
/// each 4 GB of text), and per record where it starts and what was noticed about it.
struct RecordSink {
    var buffers: RecordBuffers
    /// Buffers filled before `buffers`, in order.
    var full: [RecordBuffers] = []
    var records: [RawRecord] = []
    /// The first record of each part (`full`, then `buffers`): records come in order of parts.
    var partStarts: [Int] = [0]
    /// What the reader noticed about a record (duplicate JSON keys), by record index: rare, so
    /// not a field of every record.
    var notes: [Int: [ReadNote]] = [:]
    private let expectedText: Int

    init(expectedText: Int, columns: Int = 0) {
        self.expectedText = expectedText
        buffers = RecordBuffers(expectedText: expectedText, columns: columns)
    }

    @inline(__always)
    mutating func commit(line: Int, notes: [ReadNote]) {
        let entries = buffers.commit()
        if !notes.isEmpty { self.notes[records.count] = notes }
        records.append(RawRecord(entries: entries, line: line))
        if buffers.isFull {
            full.append(buffers)
            partStarts.append(records.count)
            buffers = RecordBuffers(expectedText: expectedText - full.count * recordStoreTextLimit, columns: buffers.columns)
        }
    }
}

extension RecordSink {
    /// Adds the records another reader read after this one's (the second half of a file), whose
    /// lines counted from 1 where it began.
    mutating func append(_ other: RecordSink, lineOffset: Int) {
        full.append(buffers)
        full += other.full
        buffers = other.buffers
        let offset = records.count
        partStarts += other.partStarts.map { $0 + offset }
        for (index, notes) in other.notes {
            self.notes[index + offset] = notes.map { ReadNote(message: $0.message, line: $0.line + lineOffset, column: $0.column) }
        }
        records.reserveCapacity(records.count + other.records.count)
        for var record in other.records {
            record.line += Int32(truncatingIfNeeded: lineOffset)
            records.append(record)
        }
    }
}

/// A record as read, before the dataset's filter and id check: where its fields are in the
/// buffers of its part (12 bytes: a 150 MB CSV file has half a million records).
struct RawRecord {
    var first: UInt32
    var count: UInt32
    var line: Int32

    init(entries: Range<Int>, line: Int) {
        first = UInt32(entries.lowerBound)
        count = UInt32(entries.count)
        self.line = Int32(truncatingIfNeeded: line)
    }

    var entries: Range<Int> { Int(first)..<(Int(first) + Int(count)) }
}
