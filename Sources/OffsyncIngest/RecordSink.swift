import OffsyncModel

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
