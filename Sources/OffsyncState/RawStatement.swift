import GRDB
import GRDBSQLite
import OffsyncModel

/// A prepared statement driven through SQLite's own calls, for the loops that write or read
/// every link of a run: GRDB's `StatementArguments` and `Row` box each value in an existential
/// and retain it, a cost paid per value of a million rows.
struct RawStatement {
    /// Kept alive for the handle: GRDB finalizes the statement when it goes.
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection!
    }

    /// SQLite copies text and blobs bound with this destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32(bytes.count), Self.transient) }
        }
    }

    func bind(_ index: Int32, _ id: RecordID) {
        switch id {
        case .integer(let value): bind(index, value)
        case .text(let text): bind(index, text)
        }
    }

    func bind(_ index: Int32, blob bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = sqlite3_bind_blob(handle, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count), Self.transient) }
    }

    /// Runs the statement one step: true with a row to read, false when done (and reset).
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        return false
    }

    /// Runs a statement that returns no rows, then clears it for the next bindings.
    func run() throws {
        while try step() {}
    }

    /// Clears a statement left on a row, for the next bindings.
    func reset() { sqlite3_reset(handle) }

    /// Rows the last `run` changed.
    var changes: Int32 { sqlite3_changes(connection) }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func id(_ column: Int32) -> RecordID {
        if sqlite3_column_type(handle, column) == SQLITE_INTEGER { return .integer(sqlite3_column_int64(handle, column)) }
        return .text(text(column))
    }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let start = sqlite3_column_blob(handle, column)
        return UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(handle, column)))
    }
}
