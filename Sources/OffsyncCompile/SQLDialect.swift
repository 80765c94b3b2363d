/// The few places a compiled job's SQL is spelled differently for DuckDB and for Spark SQL:
/// the functions it starts with, how a record's JSON is read, the digest's type and quoted
/// names. Every statement is otherwise the same text for both engines.
enum SQLDialect: Sendable {
    case duckdb
    case spark

    /// The value functions: DuckDB macros, or the same rules as Spark SQL functions.
    var prelude: String {
        switch self {
        case .duckdb: DuckDBPrelude.sql
        case .spark: SparkPrelude.sql
        }
    }

    /// A baseline's digest (`os_hash`): unsigned 64-bit; Spark has no such type.
    var digestType: String {
        switch self {
        case .duckdb: "UBIGINT"
        case .spark: "DECIMAL(20, 0)"
        }
    }

    /// A string literal: quotes doubled; Spark also reads backslashes as escapes.
    func literal(_ text: String) -> String {
        let quoted = text.replacingOccurrences(of: "'", with: "''")
        switch self {
        case .duckdb: return "'" + quoted + "'"
        case .spark: return "'" + quoted.replacingOccurrences(of: "\\", with: "\\\\") + "'"
        }
    }

    /// A column name that is also a keyword (`create`, `delete`).
    func quoted(_ name: String) -> String {
        switch self {
        case .duckdb: "\"\(name)\""
        case .spark: "`\(name)`"
        }
    }

    /// Where a dotted path's value may be in a record, as this engine writes a JSON path:
    /// nested objects, then one key holding the dots (a CSV column named `profile.email`).
    func jsonPaths(_ path: String) -> [String] {
        let steps = path.split(separator: ".", omittingEmptySubsequences: false)
        let keys = steps.count == 1 ? [steps.map(String.init)] : [steps.map(String.init), [path]]
        return keys.map { keys in
            switch self {
            case .duckdb: "$." + keys.map { "\"\($0)\"" }.joined(separator: ".")
            case .spark: "$" + keys.map { "['\($0)']" }.joined()
            }
        }
    }

    /// The JSON node at one JSON path of a record: a JSON value in DuckDB (`rec` is JSON), a
    /// VARIANT in Spark (`rec` was parsed once when loaded).
    func node(at jsonPath: String, in rec: String) -> String {
        switch self {
        case .duckdb: "json_extract(\(rec), \(literal(jsonPath)))"
        case .spark: "try_variant_get(\(rec), \(literal(jsonPath)), 'variant')"
        }
    }
}
