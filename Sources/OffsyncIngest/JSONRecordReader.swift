import OffsyncModel
import OffsyncDiagnostics

/// The project's own byte-level JSON reader: it walks the bytes once and appends each record's
/// flattened fields (`profile.email.email`) to a `RecordSink`, numbers kept as written.
///
/// Reads a top-level array of records, an object holding the array under a path
/// (`organizations`, `d.results`), or NDJSON (one object per line).
///
/// A key given twice in one object (or a dotted key that spells the path of a nested one,
/// `"a.b"` beside `"a": {"b": …}`) is not an error: the last value is kept, as JavaScript and
/// most JSON readers do, and the record carries a note saying where both are.
///
/// Values are copied as bytes into the sink (no `String` per value); paths are found by their
/// parent's id and the key's bytes, so no dotted name is built for a path already seen.
struct JSONRecordReader: ~Copyable {
    /// Nesting beyond this is refused with an error at the bracket. Each level is a recursive
    /// call: at 512, objects nested 448 deep overflowed an 8 MB stack under AddressSanitizer
    /// (20 KB a level) and the deep-nesting test overflowed under ThreadSanitizer.
    static let maxDepth = 128

    let file: String
    /// The file's text (after a byte order mark).
    private(set) var bytes: UnsafeBufferPointer<UInt8>
    /// Bytes before `bytes` (a byte order mark).
    private var shift = 0
    /// Where positions for messages are counted from: a record's end, moved on every
    /// `checkpointStep` bytes, so a minified file's positions are not counted from its start
    /// each time.
    private var checkpoint = TextPosition()
    var checkpointStep = ReadingSizes().checkpoint
    /// The file's own paths (ids in first-seen order); the loader maps them to its table.
    var paths = PathTable()
    var sink: RecordSink
    var position = 0
    /// The line of `position`'s last line break seen by `skipWhitespace` (JSON has line breaks
    /// only between tokens: inside strings they must be escaped).
    private var line = 1
    private var lineStart = 0
    private var children = ChildPaths()
    private var keyScratch = Growable<UInt8>(capacity: 64)

    /// Duplicate-key bookkeeping, indexed by path id: the record and object that last gave the
    /// path, and the offset of that key. Records and objects are numbered as they are read.
    private var seen = Growable<Seen>(capacity: 64)
    private var recordSerial = 0
    private var objectSerial = 0
    private var recordStart = TextPosition()
    /// Path ids of the nested objects of the current record, for forgetting what a repeated key replaces.
    private var recordObjects: [Int32] = []
    private var notes: [ReadNote] = []

    struct Seen {
        var record = 0
        var object = 0
        var offset = 0
    }

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        // A UTF-8 byte order mark is allowed before the value; columns count from after it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            self.bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            shift = 3
        } else {
            self.bytes = bytes
        }
        sink = RecordSink(expectedText: bytes.count)
    }

    /// What the reader read, once `read` has returned.
    consuming func finished() -> (ReadRecords, PathTable) {
        let paths = self.paths
        return (sink.finished(), paths)
    }

    /// Reads every record into `sink`. `lines`: the file is NDJSON by name, so an empty file is
    /// an export of no records.
    mutating func read(recordsPath: [String]?, lines: Bool = false) throws(OffsyncError) {
        skipWhitespace()
        if position == bytes.count && lines && recordsPath == nil { return }
        guard position < bytes.count else { throw error("the file is empty: expected JSON records") }
        if let recordsPath, !recordsPath.isEmpty {
            try readWrapped(recordsPath, path: recordsPath.joined(separator: "."))
        } else if bytes[position] == UInt8(ascii: "[") {
            try readArray()
        } else if bytes[position] == UInt8(ascii: "{") {
            // NDJSON: objects one after another.
            while position < bytes.count {
                try readRecord()
                skipWhitespace()
            }
            return
        } else {
            throw error("expected a JSON array or object of records, found \(describe(position))")
        }
        skipWhitespace()
        if position < bytes.count { throw error("expected the end of the file after the JSON value, found \(describe(position))") }
    }

    private mutating func readArray() throws(OffsyncError) {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "{") else {
                throw error("a record must be a JSON object, found \(describe(position))")
            }
            try readRecord()
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                position += 1
            } else if peek == UInt8(ascii: "]") {
                position += 1
                return
            } else {
                throw error("expected ',' or ']' in an array, found \(describe(position))")
            }
        }
    }

    /// Walks objects along `recordsPath` to the records array; everything beside it is skipped.
    private mutating func readWrapped(_ recordsPath: [String], path: String) throws(OffsyncError) {
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
                    try this.readArray()
                } else {
                    try this.readWrapped(Array(recordsPath.dropFirst()), path: path)
                }
            } else {
                try this.skipValue(depth: 1)
            }
        }
        if !found { throw error("no records at '\(path)': the object has no key '\(recordsPath[0])'", at: 0) }
    }

    private mutating func readRecord() throws(OffsyncError) {
        let line = self.line
        recordSerial += 1
        recordStart = TextPosition(line: line, lineStart: lineStart)
        if !recordObjects.isEmpty { recordObjects.removeAll(keepingCapacity: true) }
        try readObject(parent: -1, depth: 1)
        sink.commit(line: line, notes: notes)
        if !notes.isEmpty { notes = [] }
        if position - checkpoint.lineStart >= checkpointStep {
            // Records are read once: what lies before this one's end is needed by no message.
            // No line break lies between the later of the line's start and the checkpoint, and here.
            let from = countingBase(TextPosition(line: self.line, lineStart: lineStart))
            let characters = UTF8Check.characterCount(UnsafeBufferPointer(rebasing: bytes[from.lineStart..<position]))
            checkpoint = TextPosition(line: self.line, lineStart: position, column: from.column + characters)
        }
    }

    /// Reads an object's members into flattened fields; nested objects extend the path.
    private mutating func readObject(parent: Int32, depth: Int) throws(OffsyncError) {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        try expect(UInt8(ascii: "{"))
        objectSerial += 1
        let object = objectSerial
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a key in quotes, found \(describe(position))") }
            let keyOffset = position
            let key = try readKey()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            // By depth, not by an empty prefix: `{"": {"x": 1}}` gives the paths `""` and `.x`.
            let id = children.path(parent: depth == 1 ? -1 : parent, key: key, in: &paths)
            checkRepeated(id, key: key, object: object, keyOffset: keyOffset)
            switch peek {
            case UInt8(ascii: "\""):
                try readString(into: .value)
                sink.buffers.field(id, .string)
            case UInt8(ascii: "{"):
                recordObjects.append(id)
                try readObject(parent: id, depth: depth + 1)
            case UInt8(ascii: "["):
                let start = position
                try skipValue(depth: depth + 1)
                sink.buffers.field(id, .composite, bytes: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            default:
                let kind = try readOtherScalar()
                if kind == .number { sink.buffers.text.append(UnsafeBufferPointer(rebasing: bytes[scalarStart..<position])) }
                sink.buffers.field(id, kind)
            }
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                position += 1
            } else if peek == UInt8(ascii: "}") {
                position += 1
                return
            } else {
                throw error("expected ',' or '}' in an object, found \(describe(position))")
            }
        }
    }

    /// Notes a path the current record gives a second time and drops what the earlier key gave
    /// (its value, or every field of its object): the last value is kept.
    @inline(__always)
    private mutating func checkRepeated(_ id: Int32, key: UnsafeBufferPointer<UInt8>, object: Int, keyOffset: Int) {
        let index = Int(id)
        while index >= seen.count { seen.append(Seen()) }
        let earlier = seen[index]
        seen[index] = Seen(record: recordSerial, object: object, offset: keyOffset)
        guard earlier.record == recordSerial else { return }
        noteRepeated(id, key: String(decoding: key, as: UTF8.self), earlier: earlier, object: object, keyOffset: keyOffset)
    }

    private mutating func noteRepeated(_ id: Int32, key: String, earlier: Seen, object: Int, keyOffset: Int) {
        let path = paths.names[Int(id)]
        let before = countingBase(recordStart).advanced(to: earlier.offset, in: bytes)
        let here = countingBase(recordStart).advanced(to: keyOffset, in: bytes)
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
        for i in 0..<sink.buffers.currentCount {
            let field = sink.buffers.currentPath(i)
            if field != id && replaced(field) { seen[Int(field)].record = 0 }
        }
        for nested in recordObjects where nested != id && replaced(nested) { seen[Int(nested)].record = 0 }
        sink.buffers.removeCurrent(where: replaced)
    }

    /// Reads `"key": value` members up to the closing brace (the opening one is consumed);
    /// `member` must consume the value. Only for what is skipped or walked through, not records.
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
            let key = String(decoding: try this.readKey(), as: UTF8.self)
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

    /// Where the last number `readOtherScalar` read began.
    private var scalarStart = 0

    /// A number, `true`, `false` or `null` (strings are read by the caller).
    @inline(__always)
    private mutating func readOtherScalar() throws(OffsyncError) -> Entry.Kind {
        switch peek {
        case UInt8(ascii: "t"): try literal("true"); return .trueLiteral
        case UInt8(ascii: "f"): try literal("false"); return .falseLiteral
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            scalarStart = position
            try readNumber()
            return .number
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
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                } else if peek == UInt8(ascii: "]") {
                    position += 1
                    return
                } else {
                    throw error("expected ',' or ']' in an array, found \(describe(position))")
                }
            }
        case UInt8(ascii: "\""):
            // Checked like any string, kept nowhere.
            try readString(into: .nowhere)
        default:
            _ = try readOtherScalar()
        }
    }

    private mutating func readNumber() throws(OffsyncError) {
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
    }

    /// A key's bytes: the file's own when it has no escapes, else decoded into a scratch buffer
    /// (valid until the next key).
    @inline(__always)
    private mutating func readKey() throws(OffsyncError) -> UnsafeBufferPointer<UInt8> {
        let start = position + 1
        if let end = try scanPlain() { return UnsafeBufferPointer(rebasing: bytes[start..<end]) }
        keyScratch.count = 0
        try readEscaped(from: start, into: .key)
        return UnsafeBufferPointer(keyScratch.buffer)
    }

    /// Scans a string without escapes from its opening quote: its end (the closing quote, now
    /// consumed), or nil with `position` at the first backslash. Checks control characters and UTF-8.
    @inline(__always)
    private mutating func scanPlain() throws(OffsyncError) -> Int? {
        position += 1
        let start = position
        var high: UInt64 = 0
        let base = bytes.baseAddress!
        // Eight bytes at a time up to the first quote, backslash or control character.
        while position + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let quote = word ^ 0x2222_2222_2222_2222
            let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let ones: UInt64 = 0x0101_0101_0101_0101
            let found = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- 0x2020_2020_2020_2020) & ~word)
                & 0x8080_8080_8080_8080
            if found == 0 {
                high |= word
                position += 8
                continue
            }
            let skip = found.trailingZeroBitCount &>> 3
            if skip > 0 { high |= word & (UInt64.max &>> (64 - skip * 8)) }
            position += skip
            break
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let end = position
                position += 1
                if high & 0x8080_8080_8080_8080 != 0, !UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    position = end
                    throw invalidUTF8(from: start)
                }
                return end
            }
            if byte == UInt8(ascii: "\\") { return nil }
            if byte < 0x20 { throw rawControl(byte) }
            high |= UInt64(byte)
            position += 1
        }
        throw error("the string is not closed", at: start - 1)
    }

    /// Where a string's decoded bytes go.
    private enum StringTarget {
        case value, key, nowhere
    }

    @inline(__always)
    private mutating func append(_ slice: UnsafeBufferPointer<UInt8>, to target: StringTarget) {
        switch target {
        case .value: sink.buffers.text.append(slice)
        case .key: keyScratch.append(slice)
        case .nowhere: break
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8, to target: StringTarget) {
        switch target {
        case .value: sink.buffers.text.append(byte)
        case .key: keyScratch.append(byte)
        case .nowhere: break
        }
    }

    /// Reads a quoted string, decoding escapes (`\u` surrogate pairs included); the text must be UTF-8.
    @inline(__always)
    private mutating func readString(into target: StringTarget) throws(OffsyncError) {
        let start = position + 1
        if let end = try scanPlain() {
            append(UnsafeBufferPointer(rebasing: bytes[start..<end]), to: target)
            return
        }
        try readEscaped(from: start, into: target)
    }

    /// The rest of a string from its first backslash (`position`); `start` is after its opening quote.
    private mutating func readEscaped(from start: Int, into target: StringTarget) throws(OffsyncError) {
        let open = start - 1
        append(UnsafeBufferPointer(rebasing: bytes[start..<position]), to: target)
        // Escapes decode to whole characters, so the text is UTF-8 when the raw bytes between them are.
        var high: UInt8 = 0
        for byte in UnsafeBufferPointer(rebasing: bytes[start..<position]) { high |= byte }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                if high & 0x80 != 0, !UTF8Check.isValid(UnsafeBufferPointer(rebasing: bytes[start..<position])) {
                    throw invalidUTF8(from: start)
                }
                return
            }
            if byte < 0x20 { throw rawControl(byte) }
            if byte != UInt8(ascii: "\\") {
                append(byte, to: target)
                high |= byte
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): append(0x22, to: target)
            case UInt8(ascii: "\\"): append(0x5C, to: target)
            case UInt8(ascii: "/"): append(0x2F, to: target)
            case UInt8(ascii: "b"): append(0x08, to: target)
            case UInt8(ascii: "f"): append(0x0C, to: target)
            case UInt8(ascii: "n"): append(0x0A, to: target)
            case UInt8(ascii: "r"): append(0x0D, to: target)
            case UInt8(ascii: "t"): append(0x09, to: target)
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
                var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
                var count = 0
                UTF8.encode(unicode) { byte in
                    withUnsafeMutableBytes(of: &encoded) { $0[count] = byte }
                    count += 1
                }
                withUnsafeBytes(of: encoded) { append(UnsafeBufferPointer(rebasing: $0.bindMemory(to: UInt8.self)[..<count]), to: target) }
            default:
                throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: position - 2)
            }
        }
        throw error("the string is not closed", at: open)
    }

    /// The error for a raw control character inside a string (a NUL says more than its code).
    private func rawControl(_ byte: UInt8) -> OffsyncError {
        if byte == 0 { return error("\(Self.nul) inside a string") }
        return error("a control character (0x\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))) inside a string must be escaped")
    }

    /// A NUL byte, in messages: never in JSON text, where one is the mark of a partly written file.
    static let nul = "a NUL byte (0x00; JSON text never holds one, a file preallocated and only partly written does: export it again)"

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

    @inline(__always)
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

    /// The byte at `position`, or 0 at the end.
    private var peek: UInt8 {
        @inline(__always) get { position < bytes.count ? bytes[position] : 0 }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws(OffsyncError) {
        guard peek == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))', found \(describe(position))")
        }
        position += 1
    }

    /// Skips white space, counting lines (LF, CRLF or a lone CR, as `TextPosition` counts them).
    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09: position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            case 0x0D:
                position += 1
                if position == bytes.count || bytes[position] != 0x0A {
                    line += 1
                    lineStart = position
                }
            default: return
            }
        }
    }

    private func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0 { return Self.nul }
        if byte == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBB, bytes[offset + 2] == 0xBF {
            return "a byte order mark (EF BB BF; it belongs only at the start of a file: were several exports joined into one?)"
        }
        return "byte 0x\(String(byte, radix: 16))"
    }

    /// Where to count a position on the line of `start` from: `start`, or the checkpoint when
    /// that is later on the same line (no need to count the bytes before it again).
    private func countingBase(_ start: TextPosition) -> TextPosition {
        start.lineStart >= checkpoint.lineStart ? start : checkpoint
    }

    /// An error at `offset` (default: the current position), with line and column counted from the start.
    func error(_ message: String, at offset: Int? = nil) -> OffsyncError {
        // Columns count characters, not bytes.
        let at = min(offset ?? position, bytes.count)
        let here = (at >= checkpoint.lineStart ? checkpoint : TextPosition()).advanced(to: at, in: bytes)
        return OffsyncError.badInput(message, at: SourceLocation(file: file, line: here.line, column: here.column))
    }
}
