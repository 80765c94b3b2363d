import Foundation

/// CSV text as spreadsheets and import tools read it: RFC 4180 quoting, CRLF rows.
public enum CSVText {
    /// One row, every cell exactly as given: a cell is only quoted, never changed, because a
    /// changed id names another record and a changed value is imported changed.
    /// Spaces and tabs at a cell's edges are quoted too: many readers trim them otherwise.
    /// Cells a spreadsheet would run as a formula are reported instead (`FormulaCheck`).
    public static func row(_ cells: [String], delimiter: Character = ",") -> String {
        cells.map { cell in
            let needsQuotes = cell.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                || cell.first == " " || cell.last == " " || cell.first == "\t" || cell.last == "\t"
            return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: String(delimiter)) + "\r\n"
    }
}
