import Foundation

/// CSV text as spreadsheets and import tools read it: RFC 4180 quoting, CRLF rows.
public enum CSVText {
    /// One row; `neutralizingFormulas` prefixes a `'` to cells a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return). A plain number such
    /// as `-12.5` is left as it is: it runs nothing, and an import must read it as a number.
    public static func row(_ cells: [String], delimiter: Character = ",", neutralizingFormulas: Bool = false) -> String {
        cells.map { cell in
            var cell = cell
            if neutralizingFormulas, let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
                !isPlainNumber(cell)
            {
                cell = "'" + cell
            }
            let needsQuotes = cell.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                || cell.first == " " || cell.last == " "
            return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: String(delimiter)) + "\r\n"
    }

    /// `-12`, `+3.5`: a sign, digits, at most one point.
    static func isPlainNumber(_ cell: String) -> Bool {
        guard let sign = cell.utf8.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
        let body = cell.utf8.dropFirst()
        var points = 0
        for byte in body {
            if byte == UInt8(ascii: ".") { points += 1 } else if !(48...57).contains(byte) { return false }
        }
        return points <= 1 && body.contains { (48...57).contains($0) }
    }
}
