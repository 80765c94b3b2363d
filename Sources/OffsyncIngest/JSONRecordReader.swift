import OffsyncDiagnostics

/// The project's own byte-level JSON reader: it walks the bytes once and hands out each record
/// as flattened fields (`profile.email.email`), numbers kept as written.
///
/// Reads a top-level array of records, an object holding the array under a path
/// (`organizations`, `d.results`), or NDJSON (one object per line).
struct JSONRecordReader {
    static let maxDepth = 512

    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    var paths: PathTable
    var position = 0
    private var lineCursor = 0
    private var lineNumber = 1

    init(file: String, bytes: UnsafeBufferPointer<UInt8>, paths: PathTable) {
        self.file = file
        self.bytes = bytes
        self.paths = paths
        // A UTF-8 byte order mark is allowed before the value.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// Calls `record` for every record with its fields and the line it starts on.
    mutating func read(recordsPath: [String]?, record: (inout [Record.Field], Int) throws(OffsyncError) -> Void) throws(OffsyncError) {
        skipWhitespace()
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

    private mutating func readArray(record: (inout [Record.Field], Int) throws(OffsyncError) -> Void) throws(OffsyncError) {
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
        _ recordsPath: [String], path: String, record: (inout [Record.Field], Int) throws(OffsyncError) -> Void
    ) throws(OffsyncError) {
        guard peek == UInt8(ascii: "{") else {
            throw error("expected an object holding the records under '\(path)', found \(describe(position))")
        }
        position += 1
        var found = false
        try Self.readMembers(&self) { (this: inout JSONRecordReader, key: String) throws(OffsyncError) in
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

    private mutating func readRecord(_ record: (inout [Record.Field], Int) throws(OffsyncError) -> Void) throws(OffsyncError) {
        let line = lineNumber(at: position)
        var fields: [Record.Field] = []
        fields.reserveCapacity(16)
        try readObject(prefix: "", into: &fields, depth: 1)
        try record(&fields, line)
    }

    /// Reads an object's members into flattened fields; nested objects extend the path.
    private mutating func readObject(prefix: String, into fields: inout [Record.Field], depth: Int) throws(OffsyncError) {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        try expect(UInt8(ascii: "{"))
        try Self.readMembers(&self) { (this: inout JSONRecordReader, key: String) throws(OffsyncError) in
            let path = prefix.isEmpty ? key : prefix + "." + key
            switch this.peek {
            case UInt8(ascii: "{"):
                try this.readObject(prefix: path, into: &fields, depth: depth + 1)
            case UInt8(ascii: "["):
                let start = this.position
                try this.skipValue(depth: depth + 1)
                let text = String(decoding: UnsafeBufferPointer(rebasing: this.bytes[start..<this.position]), as: UTF8.self)
                fields.append(Record.Field(path: this.paths.intern(path), value: .composite(text)))
            default:
                let value = try this.readScalar()
                fields.append(Record.Field(path: this.paths.intern(path), value: value))
            }
        }
    }

    /// Reads `"key": value` members up to the closing brace (the opening one is consumed);
    /// `member` must consume the value. Static over an `inout` reader, so the closure may
    /// use the reader without overlapping access to it.
    private static func readMembers(
        _ this: inout JSONRecordReader, _ member: (inout JSONRecordReader, String) throws(OffsyncError) -> Void
    ) throws(OffsyncError) {
        this.skipWhitespace()
        if this.peek == UInt8(ascii: "}") {
            this.position += 1
            return
        }
        while true {
            this.skipWhitespace()
            guard this.peek == UInt8(ascii: "\"") else { throw this.error("expected a key in quotes, found \(this.describe(this.position))") }
            let key = try this.readString()
            this.skipWhitespace()
            try this.expect(UInt8(ascii: ":"))
            this.skipWhitespace()
            try member(&this, key)
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
            try Self.readMembers(&self) { (this: inout JSONRecordReader, _: String) throws(OffsyncError) in try this.skipValue(depth: depth + 1) }
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
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw error("the text is not valid UTF-8", at: start)
                }
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
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw error("the text is not valid UTF-8", at: start)
                }
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
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by `\u` and a low one.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("a \\u escape holds a lone high surrogate", at: position - 6)
                    }
                    position += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw error("a \\u surrogate pair is broken", at: position - 6) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw error("a \\u escape holds a lone low surrogate", at: position - 6)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("a \\u escape is not a character", at: position - 6) }
                scratch.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: position - 2)
            }
        }
        throw error("the string is not closed", at: open)
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

    /// The 1-based line of `offset`; offsets must not go backwards between calls.
    private mutating func lineNumber(at offset: Int) -> Int {
        while lineCursor < offset {
            if bytes[lineCursor] == 0x0A { lineNumber += 1 }
            lineCursor += 1
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
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        let column = 1 + (lineStart..<offset).filter { bytes[$0] & 0xC0 != 0x80 }.count
        return OffsyncError.badInput(message, at: SourceLocation(file: file, line: line, column: column))
    }
}
