import Foundation
import GRDB
import OffsyncModel

// How a link and its baselines sit in one row of `link` (schema v4): small integer ids for
// flow, how and run names; record ids as integers when they are plain decimal numbers; the
// baselines as one blob of (property id, 64-bit digest). At a million links this is a tenth
// of the text rows it replaced, and one pass reads it all back.

extension RecordID {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .int64(let integer): self = .integer(integer)
        case .string(let text): self = .text(text)
        case .double(let number): self = .text(String(number))
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        case .null: self = .text("")
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let value): value.databaseValue
        case .text(let text): text.databaseValue
        }
    }
}

/// A link's baselines as one blob: per property, its id as an unsigned LEB128 number and the
/// value's digest as 8 little-endian bytes.
enum BaselineBlob {
    static func append(_ property: Int64, _ digest: UInt64, to bytes: inout [UInt8]) {
        var property = UInt64(property)
        while property >= 0x80 {
            bytes.append(UInt8(property & 0x7F) | 0x80)
            property >>= 7
        }
        bytes.append(UInt8(property))
        withUnsafeBytes(of: digest.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func encode(_ items: [(property: Int64, digest: UInt64)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for item in items { append(item.property, item.digest, to: &bytes) }
        return bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, _ body: (Int64, UInt64) throws -> Void) throws {
        var offset = 0
        while offset < bytes.count {
            var property: Int64 = 0
            var shift: Int64 = 0
            while true {
                guard offset < bytes.count, shift < 63 else { throw DatabaseError(message: "a link's baselines are damaged") }
                let byte = bytes[offset]
                offset += 1
                property |= Int64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            guard offset + 8 <= bytes.count else { throw DatabaseError(message: "a link's baselines are damaged") }
            try body(property, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> [(property: Int64, digest: UInt64)] {
        var items: [(property: Int64, digest: UInt64)] = []
        try decode(bytes) { items.append(($0, $1)) }
        return items
    }

    /// Sets one property's digest among `items`; false when it already held it.
    static func set(_ property: Int64, _ digest: UInt64, in items: inout [(property: Int64, digest: UInt64)]) -> Bool {
        if let index = items.firstIndex(where: { $0.property == property }) {
            if items[index].digest == digest { return false }
            items[index].digest = digest
        } else {
            items.append((property, digest))
        }
        return true
    }
}

/// The small tables that name what rows of `link` number: `flow`, `property`, `how`.
struct NameTable {
    let table: String
    private(set) var ids: [String: Int64] = [:]
    private(set) var names: [Int64: String] = [:]

    init(_ db: Database, table: String) throws {
        self.table = table
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)") {
            let id: Int64 = row[0]
            let name: String = row[1]
            ids[name] = id
            names[id] = name
        }
    }

    private var last: (name: String, id: Int64)?

    /// The id of a name, adding the name when it is new.
    mutating func id(_ db: Database, _ name: String) throws -> Int64 {
        // Rows come grouped by flow: the same name again is one comparison, not a hash.
        if let last, last.name == name { return last.id }
        if let id = ids[name] {
            last = (name, id)
            return id
        }
        try db.execute(sql: "INSERT INTO \(table) (name) VALUES (?)", arguments: [name])
        let id = db.lastInsertedRowID
        ids[name] = id
        names[id] = name
        return id
    }

    func name(_ id: Int64) -> String { names[id] ?? "?" }
}

extension LinkStore {
    static func createCompactTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE run (id INTEGER PRIMARY KEY, at TEXT NOT NULL);
            CREATE TABLE flow (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE property (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE how (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            -- flow, how and run name rows of the tables above (no REFERENCES: checking three
            -- parents per insert was a third of SQLite's time at a million links).
            CREATE TABLE link (
                flow INTEGER NOT NULL,
                source_id NOT NULL,
                target_id NOT NULL,
                how INTEGER NOT NULL,
                run INTEGER NOT NULL,
                baselines BLOB NOT NULL,
                PRIMARY KEY (flow, source_id)
            ) WITHOUT ROWID;
            """)
    }

    /// v3 → v4: the text rows of `link` and `baseline` become compact rows. A baseline whose
    /// target is not its link's (a row the diff never read) is left behind.
    static func migrateToCompactLinks(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE link RENAME TO link_v3")
        try createCompactTables(db)
        var flows = try NameTable(db, table: "flow")
        var properties = try NameTable(db, table: "property")
        var hows = try NameTable(db, table: "how")
        var runs: [String: Int64] = [:]
        let insert = try db.makeStatement(sql: "INSERT INTO link (flow, source_id, target_id, how, run, baselines) VALUES (?, ?, ?, ?, ?, ?)")
        try forEachOldLink(db, table: "link_v3") { link, digests in
            let since = link.since ?? ""
            let run: Int64
            if let known = runs[since] {
                run = known
            } else {
                try db.execute(sql: "INSERT INTO run (at) VALUES (?)", arguments: [since])
                run = db.lastInsertedRowID
                runs[since] = run
            }
            var blob: [UInt8] = []
            for item in digests { BaselineBlob.append(try properties.id(db, item.property), item.digest, to: &blob) }
            try insert.execute(arguments: [
                try flows.id(db, link.flow), RecordID(link.sourceID).databaseValue, RecordID(link.targetID).databaseValue,
                try hows.id(db, link.how), run, Data(blob),
            ])
        }
        try db.execute(sql: "DROP TABLE link_v3; DROP TABLE baseline")
    }

    /// The text rows of a state before v4 (`table` holds its links), each link with the
    /// digests of its baselines. A baseline row for another target than its link's (a row the
    /// diff never read) is left out, as the diff of that version left it out.
    static func forEachOldLink(
        _ db: Database, table: String, _ body: (RememberedLink, [(property: String, digest: UInt64)]) throws -> Void
    ) throws {
        var baselines: [String: [String: (target: String, digests: [(property: String, digest: UInt64)])]] = [:]
        if try db.tableExists("baseline") {
            for row in try Row.fetchAll(db, sql: "SELECT flow, source_id, target_id, property, value FROM baseline ORDER BY flow, source_id, property") {
                let flow: String = row[0], source: String = row[1], target: String = row[2]
                var entry = baselines[flow]?[source] ?? (target, [])
                // A link made again to another target started afresh.
                if entry.target != target { entry = (target, []) }
                entry.digests.append((row[3], ByteHash.hash(row[4] as String)))
                baselines[flow, default: [:]][source] = entry
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT flow, source_id, target_id, how, since FROM \(table) ORDER BY flow, source_id") {
            let link = RememberedLink(flow: row[0], sourceID: row[1], targetID: row[2], how: row[3], since: row[4])
            let known = baselines[link.flow]?[link.sourceID]
            try body(link, known?.target == link.targetID ? known!.digests : [])
        }
    }
}
