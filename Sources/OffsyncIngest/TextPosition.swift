import OffsyncModel

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
    /// Offset of the first byte of `line`, or of a later byte of it at `column` (a reader's
    /// checkpoint inside a long line: minified JSON is one line).
    var lineStart: Int
    /// The column of the byte at `lineStart`.
    var column: Int

    init(line: Int = 1, lineStart: Int = 0, column: Int = 1) {
        self.line = line
        self.lineStart = lineStart
        self.column = column
    }

    /// The line and column of `offset`, scanning forward from this position (which must be at
    /// or before it). With `utf8` false every byte is a character (single-byte encodings).
    func advanced(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>, utf8: Bool = true) -> (line: Int, column: Int) {
        var line = self.line
        var lineStart = self.lineStart
        var column = self.column
        var i = lineStart
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
                column = 1
            }
            i += 1
        }
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

extension UTF8Check {
    /// Whether the bytes are UTF-8 (what `String(validating:)` accepts: no overlong forms, no
    /// surrogates, nothing above U+10FFFF). ASCII is skipped eight bytes at a time, the rest
    /// checked a sequence at a time.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i < count {
            while i + 8 <= count,
                  UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { return true }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            if !validSequence(base, count, &i, lead) { return false }
        }
        return true
    }

    /// How many characters UTF-8 text holds: its bytes but continuation bytes (`10xxxxxx`),
    /// eight at a time.
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Bit 7 set and bit 6 (shifted up to bit 7) clear; the ones summed by a multiply into
            // the top byte (no POPCNT instruction in the baseline target).
            let flags = (word & ~(word << 1) & high) &>> 7
            continuations &+= Int(truncatingIfNeeded: (flags &* 0x0101_0101_0101_0101) &>> 56)
            i &+= 8
        }
        while i < bytes.count {
            if base[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return bytes.count - continuations
    }

    /// Whether no byte has its high bit set.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return isASCII(base, bytes.count)
    }

    /// Whether no byte has its high bit set: whole words, the last one overlapping.
    @inline(__always)
    private static func isASCII(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        if count >= 8 {
            var i = 0
            while i + 8 <= count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high != 0 { return false }
                i += 8
            }
            return raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) & high == 0
        }
        if count >= 4 {
            let words = raw.loadUnaligned(as: UInt32.self) | raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            return words & 0x8080_8080 == 0
        }
        var bits: UInt8 = 0
        for i in 0..<count { bits |= base[i] }
        return bits & 0x80 == 0
    }

    private static func validSequence(_ base: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, _ lead: UInt8) -> Bool {
        func continuation(_ offset: Int) -> UInt8? {
            guard i + offset < count else { return nil }
            let byte = base[i + offset]
            return byte & 0xC0 == 0x80 ? byte : nil
        }
        switch lead {
        case 0xC2...0xDF:
            guard continuation(1) != nil else { return false }
            i += 2
        case 0xE0...0xEF:
            guard let second = continuation(1), continuation(2) != nil else { return false }
            if lead == 0xE0 && second < 0xA0 { return false }  // overlong
            if lead == 0xED && second >= 0xA0 { return false }  // surrogates
            i += 3
        case 0xF0...0xF4:
            guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else { return false }
            if lead == 0xF0 && second < 0x90 { return false }  // overlong
            if lead == 0xF4 && second >= 0x90 { return false }  // above U+10FFFF
            i += 4
        default:
            return false
        }
        return true
    }
}
