import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

/// Values a spreadsheet would run as a formula if a CSV import file were opened in one. Import
/// files carry every id and value exactly (an altered id would name another record), so such
/// values are reported instead: one finding per dataset and CSV column, with a count.
public enum FormulaCheck {
    /// How many record ids a finding names as examples.
    static let examples = 3

    /// Text starting with `=`, `+`, `-`, `@`, tab or carriage return, the characters spreadsheets
    /// start a formula with; a plain number such as `-12.5` or `+1e3` runs nothing.
    public static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return true
        case UInt8(ascii: "-"), UInt8(ascii: "+"): return !isPlainNumber(text)
        default: return false
        }
    }

    /// `-12`, `+3.5`, `-1e-5`: a sign, digits with at most one point, an optional exponent.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = text.utf8.dropFirst()[...]
        var digits = 0
        var points = 0
        while let byte = bytes.first, byte == UInt8(ascii: ".") || (48...57).contains(byte) {
            if byte == UInt8(ascii: ".") { points += 1 } else { digits += 1 }
            bytes = bytes.dropFirst()
        }
        guard digits > 0, points <= 1 else { return false }
        guard let e = bytes.first else { return true }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        bytes = bytes.dropFirst()
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy { (48...57).contains($0) }
    }

    /// One warning per dataset with `output: csv` and CSV column (`_id`, a field path,
    /// `$based_on.<path>`) holding formula-like values, in the columns' order of first use.
    public static func findings(for operations: [Operation], csvOutputs: Set<DatasetKey>) -> [Finding] {
        var columns: [DatasetKey: [String]] = [:]
        var hits: [DatasetKey: [String: (count: Int, records: [String], first: String)]] = [:]
        for operation in operations where csvOutputs.contains(operation.dataset) {
            // The cells `ImportFile.csv` writes for this operation.
            var cells: [(String, String?)] = [("_id", operation.recordID), ("$correlation", operation.correlation)]
            cells += operation.fields.map { ($0.path, $0.value.text) }
            cells += operation.basedOn.map { ("$based_on." + $0.path, $0.value?.text) }
            for case let (column, text?) in cells where isFormulaLike(text) {
                let record = operation.recordID ?? operation.correlation ?? ""
                var hit = hits[operation.dataset, default: [:]][column] ?? (0, [], text)
                if hit.count == 0 { columns[operation.dataset, default: []].append(column) }
                hit.count += 1
                if hit.records.count < examples { hit.records.append(record) }
                hits[operation.dataset, default: [:]][column] = hit
            }
        }
        return columns.keys.sorted().flatMap { dataset in
            columns[dataset]!.map { column in
                let hit = hits[dataset]![column]!
                let more = hit.count > hit.records.count ? ", …" : ""
                return Finding(
                    .warning, .formulaLike,
                    "\(hit.count) \(hit.count == 1 ? "value" : "values") of '\(column)' in the CSV import files of \(dataset) start like a spreadsheet formula (=, +, -, @, tab or carriage return), e.g. '\(hit.first.prefix(40))'; records \(hit.records.joined(separator: ", "))\(more). They are written exactly: import the file as text, do not open it in a spreadsheet",
                    system: dataset.system, entity: dataset.entity)
            }
        }
    }
}
