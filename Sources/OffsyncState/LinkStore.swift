import Foundation
import GRDB
import OffsyncDiagnostics
import OffsyncModel

/// The workspace's memory between runs: links and baselines in SQLite at
/// `.offsync/state.sqlite`. A run writes it in one transaction, its commit point, after its outputs are staged.
public struct LinkStore: Sendable {
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

    /// A pool (write-ahead log: readers beside the writer) for the workspace's state; a queue
    /// without a journal for a first state made off to the side (`FirstState`).
    let pool: any DatabaseWriter
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
                throw OffsyncError(.io, "cannot create the state folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: folder))
            }
            pool = try Self.openWritable(path)
        } catch let error as OffsyncError {
            throw error
        } catch {
            throw OffsyncError(.io, "cannot open the state database: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Creates a state in an existing folder, for `FirstState`: no journal and no syncing while
    /// it is written (no write-ahead log to write each page to and then copy back). A run that
    /// dies meanwhile leaves only this folder, which the next run removes; `FirstState.install`
    /// syncs the file before it becomes the workspace's state.
    init(folder: String) throws(OffsyncError) {
        path = (folder as NSString).appendingPathComponent("state.sqlite")
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
            pool = queue
        } catch {
            throw OffsyncError(.io, "cannot open the state database: \(error)", at: SourceLocation(file: path))
        }
    }

    private static func openWritable(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        // A run's transaction rewrites most of the table: with SQLite's default 2 MB page
        // cache it spilled to the WAL and read pages back tens of thousands of times. The
        // cap is a ceiling, not an allocation.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -262144") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
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
            throw OffsyncError(.io, "cannot read the state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// SQLite's own check of the file (`PRAGMA integrity_check`): `ok`, or what is wrong.
    public func integrityCheck() throws(OffsyncError) -> String {
        do {
            return try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
        } catch {
            throw OffsyncError(.io, "cannot read the state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Forgets a pending output once it is in place.
    public func published(_ output: PendingOutput) throws(OffsyncError) {
        do {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM pending_output WHERE staging = ?", arguments: [output.staging])
            }
        } catch {
            throw OffsyncError(.io, "cannot write state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Every stored link in key order (flow, then source id), each with its baselines: one
    /// pass over the table.
    public func forEachLink(_ body: (RememberedLink, [(property: String, digest: UInt64)]) throws -> Void) throws(OffsyncError) {
        do {
            try pool.read { db in
                // A state from before v4, opened read-only and so not migrated: its text rows as they are.
                guard try db.tableExists("run") else { return try Self.forEachOldLink(db, table: "link", body) }
                let flows = try NameTable(db, table: "flow")
                let properties = try NameTable(db, table: "property")
                let hows = try NameTable(db, table: "how")
                var runs: [Int64: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, at FROM run") { runs[row[0]] = row[1] }
                let names = (flows: flows.names, hows: hows.names, properties: properties.names)
                var digests: [(property: String, digest: UInt64)] = []
                // Rows come by flow, and most share a how and a run: each name is looked up
                // when it changes, not per row.
                var flow = (id: Int64.min, name: "?"), how = (id: Int64.min, name: "?"), run = (id: Int64.min, at: String?.none)
                let rows = try RawStatement(db, sql: "SELECT flow, source_id, target_id, how, run, baselines FROM link ORDER BY flow, source_id")
                while try rows.step() {
                    if rows.int64(0) != flow.id { flow = (rows.int64(0), names.flows[rows.int64(0)] ?? "?") }
                    if rows.int64(3) != how.id { how = (rows.int64(3), names.hows[rows.int64(3)] ?? "?") }
                    if rows.int64(4) != run.id { run = (rows.int64(4), runs[rows.int64(4)]) }
                    let link = RememberedLink(flow: flow.name, sourceKey: rows.id(1), targetKey: rows.id(2), how: how.name, since: run.at)
                    digests.removeAll(keepingCapacity: true)
                    try BaselineBlob.decode(rows.blob(5)) { digests.append((names.properties[$0] ?? "?", $1)) }
                    try body(link, digests)
                }
            }
        } catch let error as OffsyncError {
            throw error
        } catch {
            throw OffsyncError(.io, "cannot read links: \(error)", at: SourceLocation(file: path))
        }
    }

    public func links() throws(OffsyncError) -> [RememberedLink] {
        var links: [RememberedLink] = []
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
}
