import CLibCSV
import OffsyncDiagnostics
import OffsyncSpec

/// Reads a CSV export through libcsv: a header row, then one record per row, each value a
/// string at the column's name (a dotted header such as `MailAddress.City` is a path).
///
/// The bytes are fed to libcsv one physical line at a time, so that every row knows the line
/// it starts on even when quoted fields hold line breaks.
struct CSVRecordReader {
    let file: String
    let options: CSVOptions

    /// Calls `record` for each data row with its fields and starting line.
    func read(
        _ input: UnsafeBufferPointer<UInt8>, paths: inout PathTable,
        record: (inout [Record.Field], Int) throws(OffsyncError) -> Void
    ) throws(OffsyncError) {
        var bytes = input
        if options.encoding == .utf8, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        let delimiter = options.delimiter ?? Self.sniffDelimiter(bytes)
        let collector = RowCollector(file: file, encoding: options.encoding)

        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            throw OffsyncError.badInput("libcsv could not start", at: SourceLocation(file: file))
        }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        // libcsv trims spaces and tabs around unquoted fields by default; values are kept exactly.
        csv_set_space_func(&parser) { _ in 0 }

        let context = Unmanaged.passUnretained(collector).toOpaque()
        var lineStart = 0
        var line = 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd < bytes.count { lineEnd += 1 }
            if collector.rowStartLine == nil, !Self.isBlank(bytes, lineStart..<lineEnd) {
                collector.rowStartLine = line
            }
            let chunk = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            let parsed = csv_parse(&parser, chunk.baseAddress, chunk.count, fieldEnded, rowEnded, context)
            if parsed != chunk.count {
                let reason = String(cString: csv_strerror(csv_error(&parser)))
                throw OffsyncError.badInput(
                    "CSV \(reason) (a quote inside an unquoted field, or text after a closing quote)",
                    at: SourceLocation(file: file, line: line, column: parsed + 1))
            }
            try collector.drain(into: &paths, record: record)
            lineStart = lineEnd
            line += 1
        }
        if csv_fini(&parser, fieldEnded, rowEnded, context) != 0 {
            throw OffsyncError.badInput(
                "the file ends inside a quoted field", at: SourceLocation(file: file, line: collector.rowStartLine ?? line))
        }
        try collector.drain(into: &paths, record: record)
        if collector.header == nil {
            throw OffsyncError.badInput("the CSV file has no header row", at: SourceLocation(file: file, line: 1))
        }
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
            if !quoted && byte == 0x0A { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }
}

/// Receives libcsv's callbacks: fields are decoded as they end, rows are queued with their line.
private final class RowCollector {
    let file: String
    let encoding: TextEncoding
    var header: [String]? = nil
    var rowStartLine: Int? = nil
    var current: [String] = []
    var ready: [(values: [String], line: Int)] = []
    var failure: OffsyncError? = nil

    init(file: String, encoding: TextEncoding) {
        self.file = file
        self.encoding = encoding
    }

    func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = encoding.decode(bytes) else {
            if failure == nil {
                failure = OffsyncError.badInput(
                    "field \(current.count + 1) is not valid UTF-8; if the export is Windows-1252 (common for Norwegian exports), set csv: { encoding: windows-1252 } in the manifest",
                    at: SourceLocation(file: file, line: rowStartLine))
            }
            current.append("")
            return
        }
        current.append(text)
    }

    func rowEnded() {
        ready.append((current, rowStartLine ?? 0))
        current = []
        rowStartLine = nil
    }

    /// Turns the queued rows into records (the first row is the header).
    func drain(into paths: inout PathTable, record: (inout [Record.Field], Int) throws(OffsyncError) -> Void) throws(OffsyncError) {
        if let failure { throw failure }
        for row in ready {
            guard let header else {
                try setHeader(row.values, line: row.line)
                continue
            }
            guard row.values.count == header.count else {
                throw OffsyncError.badInput(
                    "the row has \(row.values.count) fields, the header has \(header.count)",
                    at: SourceLocation(file: file, line: row.line))
            }
            var fields: [Record.Field] = []
            fields.reserveCapacity(header.count)
            for (name, value) in zip(header, row.values) {
                fields.append(Record.Field(path: paths.intern(name), value: .string(value)))
            }
            try record(&fields, row.line)
        }
        ready.removeAll(keepingCapacity: true)
    }

    func setHeader(_ names: [String], line: Int) throws(OffsyncError) {
        var seen = Set<String>()
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw OffsyncError.badInput("header column \(index + 1) has no name", at: SourceLocation(file: file, line: line, column: index + 1))
            }
            if !seen.insert(name).inserted {
                throw OffsyncError.badInput("header column \(index + 1) repeats the name '\(name)'", at: SourceLocation(file: file, line: line, column: index + 1))
            }
        }
        header = names
    }
}

private func fieldEnded(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let collector = Unmanaged<RowCollector>.fromOpaque(context!).takeUnretainedValue()
    let bytes = UnsafeBufferPointer(start: field?.assumingMemoryBound(to: UInt8.self), count: field == nil ? 0 : length)
    collector.field(bytes)
}

private func rowEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<RowCollector>.fromOpaque(context!).takeUnretainedValue().rowEnded()
}
