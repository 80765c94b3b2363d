/// How the values of a mapped property compare and are written: the documents' "Data Type"
/// column (`"string"`, `"integer"`, `"float"`, `"boolean"`), or the manifest's `types:`.
public enum DataType: String, Sendable, Hashable, CaseIterable {
    /// Text, compared exactly after trimming.
    case text
    /// A whole number: `007` equals `7`.
    case integer
    /// A decimal number, compared by value without rounding: `1.50` equals `1.5`.
    case decimal
    /// `true`/`false` (also `1`/`0`, `yes`/`no`).
    case boolean
    /// A calendar date: `1980-01-01T00:00:00` equals `1980-01-01`.
    case date
    /// An instant: `2024-05-01T12:00:00+02:00` equals `2024-05-01T10:00:00Z`.
    case dateTime = "date-time"

    /// The type a document or manifest spells (`"string"`, `float`, `N/A`); text when unknown.
    public init(declared: String?) {
        self = Self(spelling: declared ?? "") ?? .text
    }

    /// The type for a known spelling, nil otherwise (manifest values must be known).
    public init?(spelling: String) {
        let folded = spelling.trimmingCharacters("\" '`").lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch folded {
        case "string", "text", "str": self = .text
        case "integer", "int", "long", "int32", "int64": self = .integer
        case "float", "double", "decimal", "number", "numeric", "money": self = .decimal
        case "boolean", "bool": self = .boolean
        case "date": self = .date
        case "datetime", "timestamp", "instant", "datetimeoffset": self = .dateTime
        default: return nil
        }
    }
}
