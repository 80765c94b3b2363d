/// A change stamp read as an instant, so `10:30+02:00` is earlier than `09:00Z`.
///
/// Reads ISO 8601 dates and date-times (offset `Z`, `±HH:MM`, `±HHMM`, or none = UTC) and the
/// OData form `/Date(1630291140000)/` that Exact Online exports.
public enum ChangeStamp {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when the text is no stamp.
    public static func instant(_ text: String) -> Double? {
        let bytes = Array(text.utf8.filter { $0 != 0x20 })
        if bytes.starts(with: Array("/Date(".utf8)) {
            let digits = bytes.dropFirst(6).prefix { $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) }
            guard let millis = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
            return millis / 1000
        }
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[i..<(i + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            i += count
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), skip(UInt8(ascii: "-")),
            let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        guard i < bytes.count else { return seconds }
        guard skip(UInt8(ascii: "T")) || skip(UInt8(ascii: "t")), let hour = number(2), skip(UInt8(ascii: ":")),
            let minute = number(2)
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if skip(UInt8(ascii: ":")) {
            guard let second = number(2) else { return nil }
            seconds += Double(second)
            if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                var scale = 0.1
                while i < bytes.count, bytes[i] >= 48 && bytes[i] <= 57 {
                    seconds += Double(bytes[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        if i == bytes.count || skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) {
            return i == bytes.count ? seconds : nil
        }
        let sign: Double
        if skip(UInt8(ascii: "+")) { sign = 1 } else if skip(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let offsetHours = number(2) else { return nil }
        _ = skip(UInt8(ascii: ":"))
        let offsetMinutes = number(2) ?? 0
        guard i == bytes.count else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a day count since 1970-01-01 (the inverse of `daysFromCivil`).
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
