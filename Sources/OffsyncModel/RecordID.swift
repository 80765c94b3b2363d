/// A record's id as a key: an integer when the text is a plain decimal number, text otherwise,
/// so that reading it back gives the very same text. Ordered as SQLite orders them (integers
/// before text): state keeps ids this way, and rows and lookups in this order walk straight.
public enum RecordID: Comparable, Hashable, Sendable {
    case integer(Int64)
    case text(String)

    /// From the id's UTF-8 bytes, without making a `String` for a decimal id (most of them).
    /// Only the canonical spelling is an integer: "007", "+7" and "-0" stay text, as does a
    /// number past 64 bits.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        if let value = Self.plainInteger(bytes) {
            self = .integer(value)
            return
        }
        let negative = bytes.first == UInt8(ascii: "-")
        let digits = negative ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes
        var value: Int64? = nil
        if let first = digits.first, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "0") && bytes.count == 1 {
            value = 0
            for digit in digits {
                // Accumulated on the sign's side, so that Int64.min fits.
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), let current = value else { value = nil; break }
                let (shifted, over) = current.multipliedReportingOverflow(by: 10)
                let step = Int64(digit - UInt8(ascii: "0"))
                let (next, overAgain) = negative ? shifted.subtractingReportingOverflow(step) : shifted.addingReportingOverflow(step)
                value = over || overAgain ? nil : next
            }
        }
        self = value.map { .integer($0) } ?? .text(String(decoding: bytes, as: UTF8.self))
    }

    /// The integer of most ids: up to 18 digits, not led by a zero, which no Int64 overflows;
    /// nil for anything else (which may still be an integer id: `init(bytes:)` decides).
    @inlinable @inline(__always)
    public static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count <= 18, let first = bytes.first,
              first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") || bytes.count == 1 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            if digit > 9 { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { RecordID(bytes: $0) }
    }

    /// The id's text.
    public var text: String {
        switch self {
        case .integer(let value): String(value)
        case .text(let text): text
        }
    }

    public static func < (a: RecordID, b: RecordID) -> Bool {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): x < y
        case (.integer, .text): true
        case (.text, .integer): false
        case (.text(let x), .text(let y)): x < y
        }
    }
}
