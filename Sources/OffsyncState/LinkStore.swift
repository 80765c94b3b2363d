import Foundation
import GRDB
import OffsyncDiagnostics
import OffsyncModel

/// The workspace's memory between runs: links and baselines in SQLite at
/// `.offsync/state.sqlite`. A run writes it in one transaction, its commit point, after its outputs are staged.
public struct LinkStore {
    /// A remembered pair of record ids in one flow.
    public struct StoredLink: Sendable, Hashable {
        public var flow: String
        public var sourceID: String
        public var targetID: String
        /// How the link was made (`merged(combination: 0)`, `correlation`, `receipt`, ...).
        public var how: String
        /// When it was made (ISO 8601); nil for a link not yet stored.
        public var since: String?

        public init(flow: String, sourceID: String, targetID: String, how: String, since: String? = nil) {
            self.flow = flow
            self.sourceID = sourceID
            self.targetID = targetID
            self.how = how
            self.since = since
        }
    }

    /// The digest of one link's property as last seen equal on both sides: all the diff asks
    /// of a baseline is whether a side still holds it (`ByteHash` of the canonical text).
    public struct StoredBaseline: Sendable, Hashable {
        public var flow: String
        public var sourceID: String
        public var targetID: String
        public var property: String
        public var digest: UInt64

        public init(flow: String, sourceID: String, targetID: String, property: String, digest: UInt64) {
            self.flow = flow
            self.sourceID = sourceID
            self.targetID = targetID
            self.property = property
            self.digest = digest
        }
    }

    let pool: DatabasePool
    public let path: String

    /// Opens (creating when absent) the workspace's state and brings its schema up to date;
    /// `readOnly` opens an existing state without changing it and fails when there is none.
    public init(workspace: String, readOnly: Bool = false) throws(OffsyncError) {
        let folder = (workspace as NSString).appendingPathComponent(".offsync")
        path = (folder as NSString).appendingPathComponent("state.sqlite")
        do {
            if readOnly {
                guard FileManager.default.fileExists(atPath: path) else {
                    throw OffsyncError.badInput("the workspace has no state yet", at: SourceLocation(file: path))
                }
                var configuration = Configuration()
                configuration.readonly = true
                pool = try DatabasePool(path: path, configuration: configuration)
                return
            }
            // Only `.offsync` itself: a workspace that does not exist is never created.
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                throw OffsyncError.badInput("cannot create the state folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: folder))
            }
            var configuration = Configuration()
            // A run's transaction rewrites most of the table: with SQLite's default 2 MB page
            // cache it spilled to the WAL and read pages back tens of thousands of times. The
            // cap is a ceiling, not an allocation.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -262144") }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch let error as OffsyncError {
            throw error
        } catch {
            throw OffsyncError.badInput("cannot open the state database: \(error)", at: SourceLocation(file: path))
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: links") { db in
            try db.create(table: "link") { table in
                table.column("flow", .text).notNull()
                table.column("source_id", .text).notNull()
                table.column("target_id", .text).notNull()
                table.column("how", .text).notNull()
                table.column("since", .text).notNull()
                table.primaryKey(["flow", "source_id"])
            }
        }
        migrator.registerMigration("v2: baselines") { db in
            try db.create(table: "baseline") { table in
                table.column("flow", .text).notNull()
                table.column("source_id", .text).notNull()
                table.column("target_id", .text).notNull()
                table.column("property", .text).notNull()
                table.column("value", .text).notNull()
                table.column("since", .text).notNull()
                table.primaryKey(["flow", "source_id", "property"])
            }
        }
        migrator.registerMigration("v3: pending outputs") { db in
            try db.create(table: "pending_output") { table in
                table.column("staging", .text).notNull().primaryKey()
                table.column("destination", .text).notNull()
            }
        }
        migrator.registerMigration("v4: compact links", migrate: migrateToCompactLinks)
        return migrator
    }

    /// A run's staged output folder whose state is committed but which may not be in place
    /// yet: the state transaction is a run's commit point, and the rename that follows is
    /// finished by whichever run comes next if the process dies in between.
    public struct PendingOutput: Sendable, Hashable {
        public var staging: String
        public var destination: String

        public init(staging: String, destination: String) {
            self.staging = staging
            self.destination = destination
        }
    }

    public func pendingOutputs() throws(OffsyncError) -> [PendingOutput] {
        do {
            return try pool.read { db in
                guard try db.tableExists("pending_output") else { return [] }
                return try Row.fetchAll(db, sql: "SELECT staging, destination FROM pending_output ORDER BY staging").map {
                    PendingOutput(staging: $0["staging"], destination: $0["destination"])
                }
            }
        } catch {
            throw OffsyncError.badInput("cannot read the state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// SQLite's own check of the file (`PRAGMA integrity_check`): `ok`, or what is wrong.
    public func integrityCheck() throws(OffsyncError) -> String {
        do {
            return try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
        } catch {
            throw OffsyncError.badInput("cannot read the state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Forgets a pending output once it is in place.
    public func published(_ output: PendingOutput) throws(OffsyncError) {
        do {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM pending_output WHERE staging = ?", arguments: [output.staging])
            }
        } catch {
            throw OffsyncError.badInput("cannot write state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Every stored link in key order (flow, then source id), each with its baselines: one
    /// pass over the table.
    public func forEachLink(_ body: (StoredLink, [(property: String, digest: UInt64)]) throws -> Void) throws(OffsyncError) {
        do {
            try pool.read { db in
                guard try db.tableExists("run") else { return try forEachOldLink(db, body) }
                let flows = try NameTable(db, table: "flow")
                let properties = try NameTable(db, table: "property")
                let hows = try NameTable(db, table: "how")
                var runs: [Int64: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, at FROM run") { runs[row[0]] = row[1] }
                let names = (flows: flows.names, hows: hows.names, properties: properties.names)
                var digests: [(property: String, digest: UInt64)] = []
                let rows = try RawStatement(db, sql: "SELECT flow, source_id, target_id, how, run, baselines FROM link ORDER BY flow, source_id")
                while try rows.step() {
                    let link = StoredLink(
                        flow: names.flows[rows.int64(0)] ?? "?", sourceID: rows.id(1).text, targetID: rows.id(2).text,
                        how: names.hows[rows.int64(3)] ?? "?", since: runs[rows.int64(4)])
                    digests.removeAll(keepingCapacity: true)
                    try BaselineBlob.decode(rows.blob(5)) { digests.append((names.properties[$0] ?? "?", $1)) }
                    try body(link, digests)
                }
            }
        } catch let error as OffsyncError {
            throw error
        } catch {
            throw OffsyncError.badInput("cannot read links: \(error)", at: SourceLocation(file: path))
        }
    }

    /// A state from before v4, opened read-only and so not migrated: its text rows as they are.
    private func forEachOldLink(_ db: Database, _ body: (StoredLink, [(property: String, digest: UInt64)]) throws -> Void) throws {
        var baselines: [String: [String: (target: String, digests: [(property: String, digest: UInt64)])]] = [:]
        if try db.tableExists("baseline") {
            for row in try Row.fetchAll(db, sql: "SELECT flow, source_id, target_id, property, value FROM baseline ORDER BY flow, source_id, property") {
                let flow: String = row[0], source: String = row[1], target: String = row[2]
                baselines[flow, default: [:]][source, default: (target, [])].digests.append((row[3], ByteHash.hash(row[4] as String)))
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT flow, source_id, target_id, how, since FROM link ORDER BY flow, source_id") {
            let link = StoredLink(flow: row[0], sourceID: row[1], targetID: row[2], how: row[3], since: row[4])
            let known = baselines[link.flow]?[link.sourceID]
            try body(link, known?.target == link.targetID ? known!.digests : [])
        }
    }

    public func links() throws(OffsyncError) -> [StoredLink] {
        var links: [StoredLink] = []
        try forEachLink { link, _ in links.append(link) }
        return links
    }

    public func baselines() throws(OffsyncError) -> [StoredBaseline] {
        var baselines: [StoredBaseline] = []
        try forEachLink { link, digests in
            for item in digests {
                baselines.append(StoredBaseline(
                    flow: link.flow, sourceID: link.sourceID, targetID: link.targetID, property: item.property, digest: item.digest))
            }
        }
        return baselines
    }

    /// Remembers new links in one transaction; a link already known for a source record is kept.
    public func remember(_ links: [StoredLink], since: Date = Date()) throws(OffsyncError) {
        try update(links: links, baselines: [], forgetting: [], since: since)
    }

    /// A run's whole change to state, in one transaction: new links (a link already known for a
    /// source record is kept), advanced baselines (kept only for the link's own target), and
    /// links whose records are both gone dropped with their baselines.
    /// `publishing` is recorded in the same transaction: the output folder that goes with it.
    public func update(
        links: [StoredLink], baselines: [StoredBaseline], forgetting: [(flow: String, sourceID: String)],
        publishing: PendingOutput? = nil, since: Date = Date()
    ) throws(OffsyncError) {
        let stamp = ISO8601DateFormatter().string(from: since)
        do {
            try pool.write { db in
                var flows = try NameTable(db, table: "flow")
                var properties = try NameTable(db, table: "property")
                var hows = try NameTable(db, table: "how")
                try db.execute(sql: "INSERT INTO run (at) VALUES (?)", arguments: [stamp])
                let run = db.lastInsertedRowID

                // In key order, each write lands at the end of the table's B-tree or on the page
                // the last one touched. The pipeline's order is already close to it, and the
                // sort is stable, so this costs little.
                struct Key: Comparable {
                    var flow: Int64
                    var id: StoredID
                    static func < (a: Key, b: Key) -> Bool { a.flow != b.flow ? a.flow < b.flow : a.id < b.id }
                }
                var fresh: [(key: Key, index: Int)] = []
                fresh.reserveCapacity(links.count)
                for (index, link) in links.enumerated() {
                    fresh.append((Key(flow: try flows.id(db, link.flow), id: StoredID(link.sourceID)), index))
                }
                fresh.sort { $0.key < $1.key }
                var advanced: [(key: Key, targetID: String, property: Int64, digest: UInt64)] = []
                advanced.reserveCapacity(baselines.count)
                for item in baselines {
                    advanced.append((
                        Key(flow: try flows.id(db, item.flow), id: StoredID(item.sourceID)), item.targetID,
                        try properties.id(db, item.property), item.digest))
                }
                advanced.sort { $0.key < $1.key }

                let insert = try RawStatement(db, sql: """
                    INSERT INTO link (flow, source_id, target_id, how, run, baselines) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (flow, source_id) DO NOTHING
                    """)
                let select = try RawStatement(db, sql: "SELECT target_id, baselines FROM link WHERE flow = ? AND source_id = ?")
                let change = try RawStatement(db, sql: "UPDATE link SET baselines = ? WHERE flow = ? AND source_id = ?")
                var blob: [UInt8] = []
                var digests: [(targetID: String, property: Int64, digest: UInt64)] = []
                var l = 0, b = 0
                while l < fresh.count || b < advanced.count {
                    let key = l < fresh.count && (b == advanced.count || !(advanced[b].key < fresh[l].key)) ? fresh[l].key : advanced[b].key
                    digests.removeAll(keepingCapacity: true)
                    while b < advanced.count, advanced[b].key == key {
                        digests.append((advanced[b].targetID, advanced[b].property, advanced[b].digest))
                        b += 1
                    }
                    var link: StoredLink?
                    while l < fresh.count, fresh[l].key == key {
                        if link == nil { link = links[fresh[l].index] }
                        l += 1
                    }
                    if let link {
                        blob.removeAll(keepingCapacity: true)
                        var seen: [Int64] = []
                        // The last digest of a property wins, as an update of it would.
                        for item in digests.reversed() where item.targetID == link.targetID && !seen.contains(item.property) {
                            seen.append(item.property)
                            BaselineBlob.append(item.property, item.digest, to: &blob)
                        }
                        insert.bind(1, key.flow)
                        insert.bind(2, key.id)
                        insert.bind(3, StoredID(link.targetID))
                        insert.bind(4, try hows.id(db, link.how))
                        insert.bind(5, run)
                        insert.bind(6, blob: blob)
                        try insert.run()
                        if insert.changes == 1 { continue }
                    }
                    // Baselines of a link already stored: merged into its blob.
                    guard !digests.isEmpty else { continue }
                    select.bind(1, key.flow)
                    select.bind(2, key.id)
                    guard try select.step() else { continue }
                    let target = select.id(0).text
                    var items = try BaselineBlob.decode(select.blob(1))
                    select.reset()
                    var changed = false
                    for item in digests where item.targetID == target {
                        changed = BaselineBlob.set(item.property, item.digest, in: &items) || changed
                    }
                    guard changed else { continue }
                    change.bind(1, blob: BaselineBlob.encode(items))
                    change.bind(2, key.flow)
                    change.bind(3, key.id)
                    try change.run()
                }

                let drop = try db.makeStatement(sql: "DELETE FROM link WHERE flow = ? AND source_id = ?")
                for item in forgetting {
                    guard let flow = flows.ids[item.flow] else { continue }
                    try drop.execute(arguments: [flow, StoredID(item.sourceID).databaseValue])
                }
                if let publishing {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO pending_output (staging, destination) VALUES (?, ?)",
                        arguments: [publishing.staging, publishing.destination])
                }
            }
        } catch {
            throw OffsyncError.badInput("cannot write state: \(error)", at: SourceLocation(file: path))
        }
    }
}
