import Foundation

/// CSV text as spreadsheets and import tools read it: RFC 4180 quoting, CRLF rows.
public enum CSVText {
    /// One row; `neutralizingFormulas` prefixes a `'` to cells a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return).
    public static func row(_ cells: [String], delimiter: Character = ",", neutralizingFormulas: Bool = false) -> String {
        cells.map { cell in
            var cell = cell
            if neutralizingFormulas, let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                cell = "'" + cell
            }
            let needsQuotes = cell.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                || cell.first == " " || cell.last == " "
            return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: String(delimiter)) + "\r\n"
    }
}
