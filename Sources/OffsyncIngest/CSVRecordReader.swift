#if canImport(Glibc)
import OffsyncModel
import Glibc
#else
import Darwin
#endif
import CIngestSupport
import CLibCSV
import Dispatch
import OffsyncDiagnostics
import OffsyncSpec

/// Reads a CSV export through libcsv: a header row, then one record per row, each value a
/// string at the column's name (a dotted header such as `MailAddress.City` is a path). An empty
/// cell is an empty string; a column the header lacks is an absent path.
///
/// The bytes are fed to libcsv one physical line at a time (lines end at LF, CRLF or a lone
/// CR), so that every row knows the line it starts on even when quoted fields hold line breaks.
/// Every error names the line and column; with `lenient`, rows with too many or too few fields
/// are skipped and returned as notes instead.
struct CSVRecordReader {
    let file: String
    let options: CSVOptions
    /// Whether lines where libcsv's own space handling is exact skip the space function (off
    /// only in tests, to compare against).
    var plainLinesSkipSpaceFunction = true

    /// What a read gives: the rows in a sink (path ids are the file's own: the header's columns
    /// in order), the rows `lenient` skipped, and the delimiter used (given or sniffed, for messages).
    typealias Output = (records: ReadRecords, paths: PathTable, skipped: [ReadNote], delimiter: UInt8)

    /// Reads every data row into a sink.
    mutating func read(_ input: UnsafeBufferPointer<UInt8>) throws(OffsyncError) -> Output {
        var bytes = input
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            guard options.encoding == .utf8 else {
                throw OffsyncError.badInput(
                    "the file starts with a UTF-8 byte order mark, but the manifest says csv: { encoding: \(options.encoding.rawValue) }; the file is most likely UTF-8 (the default): remove the encoding",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        let delimiter = options.delimiter ?? Self.sniffDelimiter(bytes)
        let pass = try Pass(self, bytes, delimiter: delimiter)
        try pass.feed(to: bytes.count)
        try pass.finish()
        return try pass.result()
    }

    /// libcsv over a file's lines, with the collector its callbacks fill.
    final class Pass {
        let file: String
        let bytes: UnsafeBufferPointer<UInt8>
        // The callbacks' state sits behind a pointer: no exclusivity checks per field.
        let collector: UnsafeMutablePointer<RowCollector>
        private let parser: UnsafeMutablePointer<csv_parser>
        /// Whether `result` has moved the collector out.
        private var collected = false
        private(set) var lineStart: Int
        private(set) var line = 1
        private let delimiter: UInt8
        /// Whether the manifest gave the delimiter (else it was sniffed), for messages.
        private let delimiterGiven: Bool
        /// Whether libcsv's own space handling is on (for lines where it keeps values exactly).
        private var libcsvSpaces = false
        private let skipsSpaceFunction: Bool

        init(
            _ reader: CSVRecordReader, _ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8
        ) throws(OffsyncError) {
            file = reader.file
            self.bytes = bytes
            lineStart = 0
            collector = UnsafeMutablePointer<RowCollector>.allocate(capacity: 1)
            collector.initialize(to: RowCollector(file: reader.file, bytes: bytes, delimiter: delimiter, options: reader.options))
            parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
            guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
                parser.deallocate()
                collector.deinitialize(count: 1).deallocate()
                throw OffsyncError(.internal, "libcsv could not start", at: SourceLocation(file: reader.file))
            }
            csv_set_delim(parser, delimiter)
            // Its field buffer grows in blocks of this size (its default, set so as not to depend
            // on it): a field callback may read 32 bytes from a field's start whatever its length.
            csv_set_blk_size(parser, 128)
            // libcsv trims spaces and tabs around unquoted fields by default; values are kept exactly,
            // through a space function wherever a line has spaces libcsv would trim (see `scanLine`).
            csv_set_space_func(parser, keepSpaces)
            self.delimiter = delimiter
            delimiterGiven = reader.options.delimiter != nil
            skipsSpaceFunction = reader.plainLinesSkipSpaceFunction
        }

        deinit {
            csv_free(parser)
            parser.deallocate()
            if !collected { collector.deinitialize(count: 1) }
            collector.deallocate()
        }

        /// Feeds the lines up to `end` (a line start).
        func feed(to end: Int) throws(OffsyncError) {
            let context = UnsafeMutableRawPointer(collector)
            let bytes = UnsafeBufferPointer(start: self.bytes.baseAddress, count: end)
            // Locals in the loop, written back after: no exclusivity checks per line.
            var lineStart = self.lineStart
            var line = self.line
            var libcsvSpaces = self.libcsvSpaces
            defer {
                self.libcsvSpaces = libcsvSpaces
                self.lineStart = lineStart
                self.line = line
            }
            while lineStart < end {
                var (lineEnd, plain, nul) = CSVRecordReader.scanLine(
                    bytes, from: lineStart, delimiter: delimiter, quoted: parser.pointee.quoted != 0)
                // Both refused in every mode, `lenient` too: they say the whole file is bad, not a row.
                if nul { throw refusal(CSVRecordReader.nulMessage, at: lineEnd, line: line, lineStart: lineStart) }
                if bytes[lineStart] == 0xEF, CSVRecordReader.opensWithByteOrderMark(bytes, lineStart..<lineEnd), parser.pointee.quoted == 0 {
                    throw refusal(CSVRecordReader.byteOrderMarkMessage, at: lineStart, line: line, lineStart: lineStart)
                }
                plain = plain && skipsSpaceFunction
                if plain != libcsvSpaces {
                    csv_set_space_func(parser, plain ? nil : keepSpaces)
                    libcsvSpaces = plain
                }
                if collector.pointee.rowStart == nil, !CSVRecordReader.isBlank(bytes, lineStart..<lineEnd) {
                    collector.pointee.rowStart = TextPosition(line: line, lineStart: lineStart)
                }
                let chunk = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                collector.pointee.lineRead(chunk)
                let parsed = csv_parse(parser, chunk.baseAddress, chunk.count, fieldEnded, rowEnded, context)
                if parsed != chunk.count {
                    let code = csv_error(parser)
                    let here = TextPosition(line: line, lineStart: lineStart)
                        .advanced(to: lineStart + parsed, in: bytes, utf8: collector.pointee.utf8)
                    var message = code == CSV_EPARSE
                        ? "a quote inside an unquoted field, or text after a closing quote"
                        : "CSV: " + String(cString: csv_strerror(code))
                    if let rowStart = collector.pointee.rowStart, rowStart.line < line {
                        message += " (the row began on line \(rowStart.line): a quoted field there may lack its closing quote)"
                    }
                    // A wrong delimiter leaves quotes inside fields: say which one split them.
                    message += "; fields are split at \(delimiter == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(delimiter)))'") ("
                        + (delimiterGiven ? "csv: { delimiter } in the manifest)" : "sniffed from the header line)")
                    throw OffsyncError.badInput(message, at: SourceLocation(file: file, line: here.line, column: here.column))
                }
                try collector.pointee.check()
                lineStart = lineEnd
                line += 1
            }
        }

        /// An error at `offset` on the line that starts at `lineStart`.
        private func refusal(_ message: String, at offset: Int, line: Int, lineStart: Int) -> OffsyncError {
            let here = TextPosition(line: line, lineStart: lineStart).advanced(to: offset, in: bytes, utf8: collector.pointee.utf8)
            return OffsyncError.badInput(message, at: SourceLocation(file: file, line: here.line, column: here.column))
        }

        /// Ends the last row (a file need not end with a line break).
        func finish() throws(OffsyncError) {
            let context = UnsafeMutableRawPointer(collector)
            if csv_fini(parser, fieldEnded, rowEnded, context) != 0 {
                let rowStart = collector.pointee.rowStart ?? TextPosition(line: line, lineStart: lineStart)
                let open = collector.pointee.fields(from: rowStart).starts.last ?? rowStart.lineStart
                let here = rowStart.advanced(to: open, in: bytes, utf8: collector.pointee.utf8)
                throw OffsyncError.badInput(
                    "the file ends inside a quoted field: the quote opened here is never closed",
                    at: SourceLocation(file: file, line: here.line, column: here.column))
            }
            try collector.pointee.check()
        }

        /// What the pass read; the pass reads nothing more after.
        func result() throws(OffsyncError) -> Output {
            if collector.pointee.header == nil {
                throw OffsyncError.badInput(
                    "the CSV file has no header row (it is empty)", at: SourceLocation(file: file, line: 1, column: 1))
            }
            collected = true
            let rows = collector.move()
            return (rows.sink.finished(), rows.paths, rows.skipped, delimiter)
        }
    }

    static let nulMessage =
        "a NUL byte (0x00): text exports never hold one; a file preallocated and only partly written does (an export cut short, or still being written): export it again"
    static let byteOrderMarkMessage =
        "a byte order mark (EF BB BF) starts this line: it belongs only at the start of a file, so this looks like several exports joined into one; export it again, or remove the mark and any repeated header row"

    /// Whether the line opens with a UTF-8 byte order mark: a row that does (outside quotes) is
    /// a file's first line pasted after another file's rows.
    static func opensWithByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        line.count >= 3 && bytes[line.lowerBound] == 0xEF && bytes[line.lowerBound + 1] == 0xBB && bytes[line.lowerBound + 2] == 0xBF
    }

    /// The end of the physical line starting at `start` (after its LF, CRLF or lone CR), and
    /// whether libcsv's own space handling reads the line exactly; `nul`: the line holds a NUL
    /// byte, and `end` is its offset.
    ///
    /// libcsv drops spaces and tabs at the start and end of unquoted fields and after a closing
    /// quote; a space function that keeps them costs a call per byte. Such spaces are outside quotes and touch a delimiter, quote, line
    /// break or end of the line, so a line without one is read the same either way. `quoted`: the
    /// line begins inside a quoted field (libcsv's state after the lines before).
    @inline(__always)
    static func scanLine(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, quoted: Bool = false
    ) -> (end: Int, plain: Bool, nul: Bool) {
        guard let base = bytes.baseAddress, start < bytes.count else { return (start, true, false) }
        var plain: Int32 = 0
        let end = offsync_csv_scan_line(base, bytes.count, start, delimiter, quoted ? 1 : 0, &plain)
        return (end, plain > 0, plain < 0)
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.allSatisfy { bytes[$0] == 0x0A || bytes[$0] == 0x0D }
    }

    /// The delimiter among `,` `;` and tab that the header line (outside quotes) uses most.
    static func sniffDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 0x0A || byte == 0x0D) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }
}

/// Receives libcsv's callbacks: each field is checked (or decoded) straight into the sink, and
/// each row is committed, skipped or refused when it ends. Errors wait for `check`, after the
/// chunk libcsv was given (a callback cannot throw); text that is not UTF-8 comes first.
struct RowCollector: ~Copyable {
    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    let encoding: TextEncoding
    let lenient: Bool
    /// Whether columns count UTF-8 characters (else bytes, for single-byte encodings).
    var utf8: Bool { encoding == .utf8 }
    private let utf8Text: Bool
    var header: [String]? = nil
    private var headerCount = 0 { didSet { updatePlainFields() } }
    var paths = PathTable()
    /// Where the row being parsed starts; nil between rows.
    var rowStart: TextPosition? = nil
    /// Fields of the row being parsed so far.
    private var fieldCount = 0
    private var headerNames: [String] = []
    var sink: RecordSink
    var skipped: [ReadNote] = []
    private var invalid: OffsyncError? = nil
    private var refused: OffsyncError? = nil
    /// Whether `invalid` or `refused` is set: a plain flag, cheaper per field than testing the
    /// optional errors.
    private var stopped = false { didSet { updatePlainFields() } }
    /// Whether every line of the row so far is UTF-8. UTF-8 is checked a line at a time, 32 or
    /// 16 bytes at a time rather than per field; a row with a line that is not is checked field by field, for the message.
    private var linesValid = true { didSet { updatePlainFields() } }
    /// The fields of a row before this index are copied straight in, with no other test: the
    /// header's count while the text is UTF-8, the row's lines are and nothing stopped the
    /// reading; else 0. The callback runs once per field: each test it skips counts.
    private var plainFields = 0

    private mutating func updatePlainFields() {
        plainFields = utf8Text && linesValid && !stopped ? headerCount : 0
    }

    init(file: String, bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, options: CSVOptions) {
        self.file = file
        self.bytes = bytes
        self.delimiter = delimiter
        self.encoding = options.encoding
        self.lenient = options.lenient
        utf8Text = options.encoding == .utf8
        sink = RecordSink(expectedText: bytes.count)
    }

    /// Throws what the callbacks met since the last check.
    @inline(__always)
    func check() throws(OffsyncError) {
        guard stopped else { return }
        if let invalid { throw invalid }
        if let refused { throw refused }
    }

    /// Checks a line before libcsv reads it. Delimiters, quotes and line breaks are ASCII, so a
    /// row's fields are UTF-8 when its lines are.
    @inline(__always)
    mutating func lineRead(_ line: UnsafeBufferPointer<UInt8>) {
        if utf8Text, linesValid, !UTF8Check.isValid(line) { linesValid = false }
    }

    @inline(__always)
    mutating func field(_ field: UnsafeBufferPointer<UInt8>) {
        let index = fieldCount
        fieldCount &+= 1
        guard index < plainFields else { return otherField(field, index) }
        // libcsv's field buffer has 32 bytes to read at least (see `Pass.init`).
        sink.buffers.text.append(readingAhead: field)
        // The header has set a store of columns: field `index` is column `index`.
        sink.buffers.columnField()
    }

    /// A field off the plain path: of the header, past the header's count, in a row with a
    /// line that is not UTF-8, in another encoding, or after the reading stopped.
    @inline(never)
    private mutating func otherField(_ field: UnsafeBufferPointer<UInt8>, _ index: Int) {
        // Fields past the header's count are never kept: the row is refused or skipped.
        guard index < headerCount, !stopped else {
            if headerCount == 0 { headerField(field, index) }
            return
        }
        if utf8Text {
            guard linesValid || UTF8Check.isValid(field) else { return invalidField(index) }
            sink.buffers.text.append(field)
        } else {
            encoding.transcode(field, to: &sink.buffers.text)
        }
        sink.buffers.columnField()
    }

    /// Out of line, so that the hot path never touches the errors.
    @inline(never)
    private mutating func invalidField(_ index: Int) {
        invalid = invalidText(index)
        stopped = true
    }

    @inline(never)
    private mutating func headerField(_ field: UnsafeBufferPointer<UInt8>, _ index: Int) {
        guard header == nil, !stopped else { return }
        if let name = encoding.decode(field) {
            headerNames.append(name)
        } else {
            invalid = invalidText(index)
            stopped = true
        }
    }

    /// The error for a field that is not UTF-8, at its first bad byte. Earlier fields decoded,
    /// and delimiters, quotes and line breaks are ASCII, so the first bad byte since the row
    /// began is in this field.
    private func invalidText(_ index: Int) -> OffsyncError {
        let start = rowStart ?? TextPosition()
        let offset = UTF8Check.firstInvalid(bytes, from: start.lineStart) ?? start.lineStart
        let here = start.advanced(to: offset, in: bytes)
        let names = header ?? headerNames
        let column = index < names.count && header != nil ? " ('\(names[index])')" : ""
        return OffsyncError.badInput(
            "\(UTF8Check.describe(bytes, at: offset)) in field \(index + 1)\(column) is not valid UTF-8; if the export is Windows-1252 (common for Norwegian exports), set csv: { encoding: windows-1252 } in the manifest (or iso-8859-1)",
            at: SourceLocation(file: file, line: here.line, column: here.column))
    }

    @inline(__always)
    mutating func rowEnded() {
        let count = fieldCount
        let start = rowStart ?? TextPosition()
        fieldCount = 0
        rowStart = nil
        if !linesValid { linesValid = true }
        guard !stopped else {
            sink.buffers.discard()
            return
        }
        guard header != nil else {
            do throws(OffsyncError) {
                try setHeader(headerNames, start: start)
            } catch {
                refused = error
                stopped = true
            }
            return
        }
        guard count == headerCount else {
            sink.buffers.discard()
            let note = mismatch(count, headerCount, start)
            if lenient {
                skipped.append(note)
            } else {
                stopped = true
                refused = OffsyncError.badInput(
                    note.message + " (set csv: { lenient: true } in the manifest to skip such rows and report them)",
                    at: SourceLocation(file: file, line: note.line, column: note.column))
            }
            return
        }
        sink.commit(line: start.line, notes: [])
    }

    /// A row whose field count differs from the header's: placed at its first extra field, or
    /// where it ends too early.
    private func mismatch(_ count: Int, _ expected: Int, _ start: TextPosition) -> ReadNote {
        let layout = fields(from: start)
        let offset = count > expected && expected < layout.starts.count ? layout.starts[expected] : layout.end
        let here = start.advanced(to: offset, in: bytes, utf8: utf8)
        let message = count > expected
            ? "the row has \(count) fields, the header has \(expected): field \(expected + 1) is one too many"
            : "the row has \(count) field\(count == 1 ? "" : "s"), the header has \(expected): it ends before field \(count + 1) ('\(header![count])')"
        return ReadNote(message: message, line: here.line, column: here.column)
    }

    mutating func setHeader(_ names: [String], start: TextPosition) throws(OffsyncError) {
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw OffsyncError.badInput(
                    "header field \(index + 1) has no name; every column needs one",
                    at: location(ofField: index, in: start))
            }
            if let first = seen[name] {
                throw OffsyncError.badInput(
                    "header field \(index + 1) repeats the name '\(name)' of field \(first + 1); column names must be unique",
                    at: location(ofField: index, in: start))
            }
            seen[name] = index
        }
        header = names
        headerCount = names.count
        // Every kept row has the header's fields in its order: a store of columns.
        sink = RecordSink(expectedText: bytes.count, columns: names.count)
        // Unique names in a fresh table: column i is path i.
        for name in names { _ = paths.intern(name) }
    }

    private func location(ofField index: Int, in start: TextPosition) -> SourceLocation {
        let starts = fields(from: start).starts
        let here = start.advanced(to: index < starts.count ? starts[index] : start.lineStart, in: bytes, utf8: utf8)
        return SourceLocation(file: file, line: here.line, column: here.column)
    }

    /// Where the fields of the row starting at `start` begin, and where the row ends (its line
    /// break, or the end of the file). Only for messages: libcsv did the parsing.
    func fields(from start: TextPosition) -> (starts: [Int], end: Int) {
        var starts = [start.lineStart]
        var quoted = false
        var i = start.lineStart
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if byte == delimiter { starts.append(i + 1) }
                if byte == 0x0A || byte == 0x0D { break }
            }
            i += 1
        }
        return (starts, i)
    }
}

/// The space function that keeps every space and tab.
private func keepSpaces(_ byte: UInt8) -> Int32 { 0 }

@inline(__always)
private func fieldEnded(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let bytes = UnsafeBufferPointer(start: field?.assumingMemoryBound(to: UInt8.self), count: field == nil ? 0 : length)
    context!.assumingMemoryBound(to: RowCollector.self).pointee.field(bytes)
}

@inline(__always)
private func rowEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RowCollector.self).pointee.rowEnded()
}
