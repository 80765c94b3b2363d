#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

import OffsyncModel

/// Entries and text while a file is read; a reader appends fields of the record it is reading
/// and commits or discards them. Not copyable, as the buffers it owns; `finished` hands them on.
struct RecordBuffers: ~Copyable {
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

extension RecordBuffers {
    /// What a reader filled, cut to size and owned by allocations: what a `RecordStore` is made of.
    struct Filled: @unchecked Sendable {  // never written; the memory is freed with `owners`
        let entries: UnsafeMutableBufferPointer<Entry>
        let narrowEnds: UnsafeMutableBufferPointer<UInt16>
        let recordStarts: UnsafeMutableBufferPointer<UInt32>
        let ends: UnsafeMutableBufferPointer<UInt32>
        let text: UnsafeMutableBufferPointer<UInt8>
        let columns: Int
        let wide: Bool
        let owners: [Allocation]
    }

    consuming func finished() -> Filled {
        let (columns, wide) = (self.columns, self.wide)
        let entries = self.entries.finished(), narrowEnds = self.narrowEnds.finished()
        let recordStarts = self.recordStarts.finished(), ends = self.ends.finished(), text = self.text.finished()
        return Filled(
            entries: entries.elements, narrowEnds: narrowEnds.elements, recordStarts: recordStarts.elements,
            ends: ends.elements, text: text.elements, columns: columns, wide: wide,
            owners: [entries.owner, narrowEnds.owner, recordStarts.owner, ends.owner, text.owner])
    }
}
