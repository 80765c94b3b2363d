import OffsyncDiagnostics

/// The project's own byte-level JSON reader: it walks the bytes once and hands out each record
/// as flattened fields (`profile.email.email`), numbers kept as written.
///
/// Reads a top-level array of records, an object holding the array under a path
/// (`organizations`, `d.results`), or NDJSON (one object per line).
///
/// A key given twice in one object (or a dotted key that spells the path of a nested one,
/// `"a.b"` beside `"a": {"b": …}`) is not an error: the last value is kept, as JavaScript and
/// most JSON readers do, and the record carries a note saying where both are.
struct JSONRecordReader {
    static let maxDepth = 512

    /// What `record` receives: the flattened fields, the line the record starts on, and the
    /// notes about it (duplicate keys), usually none.
    typealias RecordHandler = (inout [Record.Field], Int, [ReadNote]) throws(OffsyncError) -> Void

    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    var paths: PathTable
    var position = 0
    private var lineCursor = 0
    private var lineNumber = 1
    private var lineCursorStart = 0

    /// Duplicate-key bookkeeping, indexed by path id: the record and object that last gave the
    /// path, and the offset of that key. Records and objects are numbered as they are read.
    private var seen: [Seen] = []
    private var recordSerial = 0
    private var objectSerial = 0
    private var recordStart = TextPosition()
    /// Path ids of the nested objects of the current record, for forgetting what a repeated key replaces.
    private var recordObjects: [Int32] = []
    private var notes: [ReadNote] = []

    private struct Seen {
        var record = 0
        var object = 0
        var offset = 0
    }

    init(file: String, bytes: UnsafeBufferPointer<UInt8>, paths: PathTable) {
        self.file = file
        // A UTF-8 byte order mark is allowed before the value; columns count from after it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            self.bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        } else {
            self.bytes = bytes
        }
        self.paths = paths
    }

    /// Calls `record` for every record with its fields, the line it starts on and its notes.
    /// `lines`: the file is NDJSON by name, so an empty file is an export of no records.
    mutating func read(recordsPath: [String]?, lines: Bool = false, record: RecordHandler) throws(OffsyncError) {
        skipWhitespace()
        if position == bytes.count && lines && recordsPath == nil { return }
        guard position < bytes.count else { throw error("the file is empty: expected JSON records") }
        if let recordsPath, !recordsPath.isEmpty {
            try readWrapped(recordsPath, path: recordsPath.joined(separator: "."), record: record)
        } else if bytes[position] == UInt8(ascii: "[") {
            try readArray(record: record)
        } else if bytes[position] == UInt8(ascii: "{") {
            // NDJSON: objects one after another.
            while position < bytes.count {
                try readRecord(record)
                skipWhitespace()
            }
            return
        } else {
            throw error("expected a JSON array or object of records, found \(describe(position))")
        }
        skipWhitespace()
        if position < bytes.count { throw error("unexpected \(describe(position)) after the JSON value") }
    }

    private mutating func readArray(record: RecordHandler) throws(OffsyncError) {
        try expect(UInt8(ascii: "["))
        try Self.readElements(&self) { (this: inout JSONRecordReader) throws(OffsyncError) in
            guard this.peek == UInt8(ascii: "{") else {
                throw this.error("a record must be a JSON object, found \(this.describe(this.position))")
            }
            try this.readRecord(record)
        }
    }

    /// Reads array elements up to the closing bracket (the opening one is consumed); `element`
    /// must consume one value.
    private static func readElements(
        _ this: inout JSONRecordReader, _ element: (inout JSONRecordReader) throws(OffsyncError) -> Void
    ) throws(OffsyncError) {
        this.skipWhitespace()
        if this.peek == UInt8(ascii: "]") {
            this.position += 1
            return
        }
        while true {
            this.skipWhitespace()
            try element(&this)
            this.skipWhitespace()
            if this.peek == UInt8(ascii: ",") {
                this.position += 1
            } else if this.peek == UInt8(ascii: "]") {
                this.position += 1
                return
            } else {
                throw this.error("expected ',' or ']' in an array, found \(this.describe(this.position))")
            }
        }
    }

    /// Walks objects along `recordsPath` to the records array; everything beside it is skipped.
    private mutating func readWrapped(
        _ recordsPath: [String], path: String, record: RecordHandler
    ) throws(OffsyncError) {
        guard peek == UInt8(ascii: "{") else {
            throw error("expected an object holding the records under '\(path)', found \(describe(position))")
        }
        position += 1
        var found = false
        try Self.readMembers(&self) { (this: inout JSONRecordReader, key: String, _: Int) throws(OffsyncError) in
            if key == recordsPath[0], !found {
                found = true
                if recordsPath.count == 1 {
                    guard this.peek == UInt8(ascii: "[") else {
                        throw this.error("expected an array of records at '\(path)', found \(this.describe(this.position))")
                    }
                    try this.readArray(record: record)
                } else {
                    try this.readWrapped(Array(recordsPath.dropFirst()), path: path, record: record)
                }
            } else {
                try this.skipValue(depth: 1)
            }
        }
        if !found { throw error("no records at '\(path)': the object has no key '\(recordsPath[0])'", at: 0) }
    }

    private mutating func readRecord(_ record: RecordHandler) throws(OffsyncError) {
        let line = lineNumber(at: position)
        recordSerial += 1
        recordStart = TextPosition(line: line, lineStart: lineCursorStart)
        if !recordObjects.isEmpty { recordObjects.removeAll(keepingCapacity: true) }
        var fields: [Record.Field] = []
        fields.reserveCapacity(16)
        try readObject(prefix: "", into: &fields, depth: 1)
        try record(&fields, line, notes)
        if !notes.isEmpty { notes = [] }
    }

    /// Reads an object's members into flattened fields; nested objects extend the path.
    private mutating func readObject(prefix: String, into fields: inout [Record.Field], depth: Int) throws(OffsyncError) {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        try expect(UInt8(ascii: "{"))
        objectSerial += 1
        let object = objectSerial
        try Self.readMembers(&self) { (this: inout JSONRecordReader, key: String, keyOffset: Int) throws(OffsyncError) in
            // By depth, not by an empty prefix: `{"": {"x": 1}}` gives the paths `""` and `.x`.
            let path = depth == 1 ? key : prefix + "." + key
            let id = this.paths.intern(path)
            this.checkRepeated(id, path: path, key: key, object: object, keyOffset: keyOffset, fields: &fields)
            switch this.peek {
            case UInt8(ascii: "{"):
                this.recordObjects.append(id)
                try this.readObject(prefix: path, into: &fields, depth: depth + 1)
            case UInt8(ascii: "["):
                let start = this.position
                try this.skipValue(depth: depth + 1)
                let text = String(decoding: UnsafeBufferPointer(rebasing: this.bytes[start..<this.position]), as: UTF8.self)
                fields.append(Record.Field(path: id, value: .composite(text)))
            default:
                let value = try this.readScalar()
                fields.append(Record.Field(path: id, value: value))
            }
        }
    }

    /// Notes a path the current record gives a second time and drops what the earlier key gave
    /// (its value, or every field of its object): the last value is kept.
    private mutating func checkRepeated(
        _ id: Int32, path: String, key: String, object: Int, keyOffset: Int, fields: inout [Record.Field]
    ) {
        let index = Int(id)
        if index >= seen.count { seen.append(contentsOf: repeatElement(Seen(), count: index - seen.count + 1)) }
        let earlier = seen[index]
        seen[index] = Seen(record: recordSerial, object: object, offset: keyOffset)
        guard earlier.record == recordSerial else { return }

        let before = recordStart.advanced(to: earlier.offset, in: bytes)
        let here = recordStart.advanced(to: keyOffset, in: bytes)
        let message: String
        if earlier.object == object {
            let named = path == key ? "'\(key)'" : "'\(key)' (path '\(path)')"
            message = "duplicate key \(named) in one object (given before at line \(before.line), column \(before.column)); the last value is kept"
        } else {
            message = "the path '\(path)' is given twice in one record, by a key with a dot and by nested objects (before at line \(before.line), column \(before.column)); the last value is kept"
        }
        notes.append(ReadNote(message: message, line: here.line, column: here.column))

        // Forget what the earlier key gave, so its value is not kept and its members are not
        // reported again when the later key gives them too.
        let prefix = path + "."
        let names = paths.names
        func replaced(_ path: Int32) -> Bool { path == id || names[Int(path)].hasPrefix(prefix) }
        for field in fields where field.path != id && replaced(field.path) { seen[Int(field.path)].record = 0 }
        for nested in recordObjects where nested != id && replaced(nested) { seen[Int(nested)].record = 0 }
        fields.removeAll { replaced($0.path) }
    }

    /// Reads `"key": value` members up to the closing brace (the opening one is consumed);
    /// `member` must consume the value. Static over an `inout` reader, so the closure may
    /// use the reader without overlapping access to it.
    private static func readMembers(
        _ this: inout JSONRecordReader, _ member: (inout JSONRecordReader, String, Int) throws(OffsyncError) -> Void
    ) throws(OffsyncError) {
        this.skipWhitespace()
        if this.peek == UInt8(ascii: "}") {
            this.position += 1
            return
        }
        while true {
            this.skipWhitespace()
            guard this.peek == UInt8(ascii: "\"") else { throw this.error("expected a key in quotes, found \(this.describe(this.position))") }
            let keyOffset = this.position
            let key = try this.readString()
            this.skipWhitespace()
            try this.expect(UInt8(ascii: ":"))
            this.skipWhitespace()
            try member(&this, key, keyOffset)
            this.skipWhitespace()
            if this.peek == UInt8(ascii: ",") {
                this.position += 1
            } else if this.peek == UInt8(ascii: "}") {
                this.position += 1
                return
            } else {
                throw this.error("expected ',' or '}' in an object, found \(this.describe(this.position))")
            }
        }
    }

    // MARK: Values

    private mutating func readScalar() throws(OffsyncError) -> FieldValue {
        switch peek {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw error("expected a value, found \(describe(position))")
        }
    }

    private mutating func skipValue(depth: Int) throws(OffsyncError) {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        switch peek {
        case UInt8(ascii: "{"):
            position += 1
            try Self.readMembers(&self) { (this: inout JSONRecordReader, _: String, _: Int) throws(OffsyncError) in try this.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            position += 1
            try Self.readElements(&self) { (this: inout JSONRecordReader) throws(OffsyncError) in try this.skipValue(depth: depth + 1) }
        default:
            _ = try readScalar()
        }
    }

    private mutating func readNumber() throws(OffsyncError) -> String {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        func digits(_ reader: inout JSONRecordReader) -> Int {
            let from = reader.position
            while reader.position < reader.bytes.count, reader.bytes[reader.position] &- UInt8(ascii: "0") < 10 { reader.position += 1 }
            return reader.position - from
        }
        let integerStart = position
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("a number needs digits", at: start) }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw error("a number may not start with 0", at: start) }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw error("a number needs digits after '.'", at: start) }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw error("a number needs digits in its exponent", at: start) }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// Reads a quoted string, decoding escapes (`\u` surrogate pairs included); the text must be UTF-8.
    private mutating func readString() throws(OffsyncError) -> String {
        let open = position
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                guard let text = String(validating: slice, as: UTF8.self) else { throw invalidUTF8(from: start) }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("a control character inside a string must be escaped") }
            position += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                guard let text = String(validating: scratch, as: UTF8.self) else { throw invalidUTF8(from: start) }
                return text
            }
            if byte < 0x20 { throw error("a control character inside a string must be escaped") }
            if byte != UInt8(ascii: "\\") {
                scratch.append(byte)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                let escapeStart = position - 2
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by `\u` and a low one.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("\(escapeText(escapeStart)) is a lone high surrogate: a \\udc00–\\udfff escape must follow it", at: escapeStart)
                    }
                    position += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else {
                        throw error("\(escapeText(escapeStart)) is a high surrogate, but \(escapeText(position - 6)) after it is not a low one (\\udc00–\\udfff)", at: escapeStart)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw error("\(escapeText(escapeStart)) is a lone low surrogate: no high surrogate escape comes before it", at: escapeStart)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("\(escapeText(escapeStart)) is not a character", at: escapeStart) }
                UTF8.encode(unicode) { scratch.append($0) }
            default:
                throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: position - 2)
            }
        }
        throw error("the string is not closed", at: open)
    }

    /// The error for a string that is not UTF-8, at its first bad byte (escapes are ASCII, so
    /// the raw bytes go bad where the decoded text does).
    private func invalidUTF8(from start: Int) -> OffsyncError {
        let offset = UTF8Check.firstInvalid(bytes, from: start, to: position) ?? start
        return error(
            "\(UTF8Check.describe(bytes, at: offset)) in a string is not valid UTF-8; JSON exports must be UTF-8 (a Windows-1252 or ISO-8859-1 file must be converted, e.g. iconv -f windows-1252 -t utf-8)",
            at: offset)
    }

    /// The six bytes of the `\\uXXXX` escape at `offset`, for messages.
    private func escapeText(_ offset: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<min(offset + 6, bytes.count)]), as: UTF8.self)
    }

    private mutating func hex4() throws(OffsyncError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(OffsyncError) {
        let count = word.utf8CodeUnitCount
        let start = position
        guard position + count <= bytes.count else { throw error("expected '\(word)'", at: start) }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[start + $0] == expected[$0] }
        }
        guard matches else { throw error("expected '\(word)', found \(describe(start))", at: start) }
        position += count
    }

    // MARK: Bytes

    private var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    private mutating func expect(_ byte: UInt8) throws(OffsyncError) {
        guard peek == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))', found \(describe(position))")
        }
        position += 1
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The 1-based line of `offset` (lines end at LF, CRLF or a lone CR, as `TextPosition`
    /// counts them); offsets must not go backwards between calls.
    private mutating func lineNumber(at offset: Int) -> Int {
        while lineCursor < offset {
            let byte = bytes[lineCursor]
            lineCursor += 1
            if byte == 0x0A || (byte == 0x0D && (lineCursor == bytes.count || bytes[lineCursor] != 0x0A)) {
                lineNumber += 1
                lineCursorStart = lineCursor
            }
        }
        return lineNumber
    }

    private func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    /// An error at `offset` (default: the current position), with line and column counted from the start.
    func error(_ message: String, at offset: Int? = nil) -> OffsyncError {
        // Columns count characters, not bytes.
        let here = TextPosition().advanced(to: min(offset ?? position, bytes.count), in: bytes)
        return OffsyncError.badInput(message, at: SourceLocation(file: file, line: here.line, column: here.column))
    }
}
