import OffsyncModel

/// What a reader writes: the records of one file, their fields in `RecordBuffers` (a new one
/// each 4 GB of text), and per record where it starts and what was noticed about it.
struct RecordSink: ~Copyable {
    var buffers: RecordBuffers
    /// Buffers filled before `buffers`, in order.
    var full: [RecordBuffers.Filled] = []
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
            var filled = RecordBuffers(expectedText: expectedText - (full.count + 1) * recordStoreTextLimit, columns: buffers.columns)
            swap(&filled, &buffers)
            full.append(filled.finished())
            partStarts.append(records.count)
        }
    }

    /// The records read, each part's buffers handed on.
    consuming func finished() -> ReadRecords {
        let (records, partStarts, notes) = (self.records, self.partStarts, self.notes)
        return ReadRecords(parts: full + [buffers.finished()], records: records, partStarts: partStarts, notes: notes)
    }
}

/// What a reader read of a file: its records' fields in parts, in order, and per record where
/// it starts and what was noticed about it.
struct ReadRecords: Sendable {
    var parts: [RecordBuffers.Filled]
    var records: [RawRecord]
    /// The first record of each part.
    var partStarts: [Int]
    var notes: [Int: [ReadNote]]
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
