/// A problem a reader noticed and read past (a CSV row skipped by `lenient`, a duplicate JSON
/// key): the loader turns it into a finding of every dataset it concerns.
struct ReadNote: Sendable, Hashable {
    var message: String
    var line: Int
    var column: Int?
}

/// Line and column of byte offsets, counted the way editors show them: lines end at LF, CRLF or
/// a lone CR; columns count characters (UTF-8 continuation bytes do not start one), from 1.
struct TextPosition {
    var line: Int
    /// Offset of the first byte of `line`.
    var lineStart: Int

    init(line: Int = 1, lineStart: Int = 0) {
        self.line = line
        self.lineStart = lineStart
    }

    /// The line and column of `offset`, scanning forward from this position (which must be at
    /// or before it). With `utf8` false every byte is a character (single-byte encodings).
    func advanced(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>, utf8: Bool = true) -> (line: Int, column: Int) {
        var line = self.line
        var lineStart = self.lineStart
        var i = lineStart
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for j in lineStart..<end where !utf8 || bytes[j] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }
}

enum UTF8Check {
    /// The offset of the first byte at or after `start` that does not begin a valid UTF-8
    /// sequence, or nil when the rest is valid.
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
        var offset = start
        var iterator = UnsafeBufferPointer(rebasing: bytes[start..<(end ?? bytes.count)]).makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// `byte 0xF8` or `bytes 0xC3 0x28`: the bytes at `offset` that are not UTF-8, for messages.
    static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        "byte 0x" + String(bytes[offset], radix: 16, uppercase: true)
    }
}
