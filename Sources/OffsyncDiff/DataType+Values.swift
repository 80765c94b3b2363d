import OffsyncModel
import OffsyncSpec

/// A value read by its property's data type: what it compares (and is remembered in the
/// baseline) by, and how it is written into an import file.
public enum TypedValue: Sendable, Hashable {
    /// Null or white space only: never beats a value.
    case empty
    /// `canonical` is equal for equal values (`007` and `7`; `1980-01-01T00:00:00` and
    /// `1980-01-01` for a date); `written` is the value in the type's JSON form.
    case value(canonical: String, written: FieldValue)
    /// Text that is not a value of the type: a `type_error` finding, never an update.
    case invalid(String)

    /// The text compared and kept as a baseline; `""` for empty.
    public var canonical: String? {
        switch self {
        case .empty: ""
        case .value(let canonical, _): canonical
        case .invalid: nil
        }
    }

    /// The value to write; nil for empty or invalid.
    public var written: FieldValue? {
        if case .value(_, let written) = self { return written }
        return nil
    }
}

extension DataType {
    /// Reads a value of an export as this type.
    public func typed(_ value: FieldValue?) -> TypedValue {
        guard let value, !value.isEmpty, let raw = value.text else { return .empty }
        let text = raw.trimmedWhitespace
        switch self {
        case .text:
            // An array stays JSON; anything else is written as the text it reads as.
            if case .composite = value { return .value(canonical: text, written: value) }
            return .value(canonical: text, written: .string(raw))
        case .integer:
            guard let number = DecimalText(text), number.isWhole else { return .invalid(raw) }
            return .value(canonical: number.plain, written: .number(number.plain))
        case .decimal:
            guard let number = DecimalText(text) else { return .invalid(raw) }
            return .value(canonical: number.plain, written: .number(number.plain))
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes", "ja", "y": return .value(canonical: "true", written: .bool(true))
            case "false", "0", "no", "nei", "n": return .value(canonical: "false", written: .bool(false))
            default: return .invalid(raw)
            }
        case .date:
            guard let day = Self.calendarDate(text) else { return .invalid(raw) }
            return .value(canonical: day, written: .string(day))
        case .dateTime:
            guard let instant = ChangeStamp.instant(text) else { return .invalid(raw) }
            return .value(canonical: String(instant), written: .string(text))
        }
    }

    /// `YYYY-MM-DD` of a date or date-time as written (its own offset, not converted to UTC:
    /// a birthday written `1980-01-01T00:00:00+01:00` is the first of January), or of an OData
    /// `/Date(ms)/` stamp in UTC.
    static func calendarDate(_ text: String) -> String? {
        guard let instant = ChangeStamp.instant(text) else { return nil }
        // Read as `ChangeStamp` reads it: spaces anywhere are left out.
        let text = text.contains(" ") ? text.replacingOccurrences(of: " ", with: "") : text
        if text.hasPrefix("/Date(") {
            // A day of the years 0000-9999, the ones a date written out can name; beyond them
            // (up to infinity, for a stamp of 400 digits) it is no date.
            let days = (instant / 86_400).rounded(.down)
            guard days >= Self.firstDay, days <= Self.lastDay else { return nil }
            let (y, m, d) = ChangeStamp.civilFromDays(Int(days))
            return dayText(y, m, d)
        }
        return String(text.prefix(10))
    }

    /// 0000-01-01 and 9999-12-31, in days since 1970-01-01.
    static let firstDay = -719_528.0, lastDay = 2_932_896.0

    private static func dayText(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A decimal number read from its text without going through Double, so 64-bit ids and long
/// decimals compare exactly: `+1.50`, `1.5` and `15e-1` are all `1.5`.
struct DecimalText: Hashable {
    var negative: Bool
    /// Significant digits, without leading or trailing zeros ("" for zero).
    var digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    var exponent: Int

    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var mantissa: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while let byte = bytes.first {
            if byte >= 48 && byte <= 57 {
                mantissa.append(byte)
                if sawPoint { exponent -= 1 }
                sawDigit = true
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let rest = bytes.dropFirst()
            guard let power = Int(Swift.String(decoding: rest, as: UTF8.self)), (-400...400).contains(power) else { return nil }
            exponent += power
            bytes = []
        }
        guard bytes.isEmpty else { return nil }
        while mantissa.first == 48 { mantissa.removeFirst() }
        while mantissa.last == 48 {
            mantissa.removeLast()
            exponent += 1
        }
        if mantissa.isEmpty {
            negative = false
            exponent = 0
        }
        self.digits = mantissa
        self.exponent = exponent
    }

    var isWhole: Bool { exponent >= 0 }

    /// Plain decimal notation, valid JSON: `-0.015`, `1200`, `0`.
    var plain: String {
        if digits.isEmpty { return "0" }
        var text = negative ? "-" : ""
        let body = Swift.String(decoding: digits, as: UTF8.self)
        if exponent >= 0 {
            text += body + Swift.String(repeating: "0", count: exponent)
        } else if -exponent < digits.count {
            let split = body.index(body.endIndex, offsetBy: exponent)
            text += body[..<split] + "." + body[split...]
        } else {
            text += "0." + Swift.String(repeating: "0", count: -exponent - digits.count) + body
        }
        return text
    }
}
