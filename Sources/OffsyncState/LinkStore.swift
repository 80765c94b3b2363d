import Foundation
import GRDB
import OffsyncDiagnostics

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

    /// The last value of one link's property seen equal on both sides.
    public struct StoredBaseline: Sendable, Hashable {
        public var flow: String
        public var sourceID: String
        public var targetID: String
        public var property: String
        public var value: String

        public init(flow: String, sourceID: String, targetID: String, property: String, value: String) {
            self.flow = flow
            self.sourceID = sourceID
            self.targetID = targetID
            self.property = property
            self.value = value
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
            pool = try DatabasePool(path: path)
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

    public func links() throws(OffsyncError) -> [StoredLink] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT flow, source_id, target_id, how, since FROM link ORDER BY flow, source_id").map {
                    StoredLink(flow: $0["flow"], sourceID: $0["source_id"], targetID: $0["target_id"], how: $0["how"], since: $0["since"])
                }
            }
        } catch {
            throw OffsyncError.badInput("cannot read links: \(error)", at: SourceLocation(file: path))
        }
    }

    public func baselines() throws(OffsyncError) -> [StoredBaseline] {
        do {
            return try pool.read { db in
                // A database from before baselines existed (opened read-only, not migrated) has none.
                guard try db.tableExists("baseline") else { return [] }
                return try Row.fetchAll(db, sql: "SELECT flow, source_id, target_id, property, value FROM baseline ORDER BY flow, source_id, property").map {
                    StoredBaseline(flow: $0["flow"], sourceID: $0["source_id"], targetID: $0["target_id"], property: $0["property"], value: $0["value"])
                }
            }
        } catch {
            throw OffsyncError.badInput("cannot read baselines: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Remembers new links in one transaction; a link already known for a source record is kept.
    public func remember(_ links: [StoredLink], since: Date = Date()) throws(OffsyncError) {
        try update(links: links, baselines: [], forgetting: [], since: since)
    }

    /// A run's whole change to state, in one transaction: new links (a link already known for a
    /// source record is kept), advanced baselines, and links whose records are both gone
    /// dropped with their baselines.
    /// `publishing` is recorded in the same transaction: the output folder that goes with it.
    public func update(
        links: [StoredLink], baselines: [StoredBaseline], forgetting: [(flow: String, sourceID: String)],
        publishing: PendingOutput? = nil, since: Date = Date()
    ) throws(OffsyncError) {
        let stamp = ISO8601DateFormatter().string(from: since)
        // In key order, each insert lands at the end of its table's B-tree instead of on a
        // random page. Measured: in the exports' order, a million links and their baselines
        // missed SQLite's page cache on most inserts.
        let links = links.sorted { a, b in a.flow != b.flow ? a.flow < b.flow : a.sourceID < b.sourceID }
        let baselines = baselines.sorted { a, b in
            if a.flow != b.flow { return a.flow < b.flow }
            return a.sourceID != b.sourceID ? a.sourceID < b.sourceID : a.property < b.property
        }
        do {
            try pool.write { db in
                let link = try db.makeStatement(
                    sql: "INSERT OR IGNORE INTO link (flow, source_id, target_id, how, since) VALUES (?, ?, ?, ?, ?)")
                for item in links {
                    try link.execute(arguments: [item.flow, item.sourceID, item.targetID, item.how, stamp])
                }
                let baseline = try db.makeStatement(sql: """
                    INSERT INTO baseline (flow, source_id, target_id, property, value, since) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (flow, source_id, property) DO UPDATE SET target_id = excluded.target_id, value = excluded.value, since = excluded.since
                    """)
                for item in baselines {
                    try baseline.execute(arguments: [item.flow, item.sourceID, item.targetID, item.property, item.value, stamp])
                }
                let dropLink = try db.makeStatement(sql: "DELETE FROM link WHERE flow = ? AND source_id = ?")
                let dropBaselines = try db.makeStatement(sql: "DELETE FROM baseline WHERE flow = ? AND source_id = ?")
                for item in forgetting {
                    try dropLink.execute(arguments: [item.flow, item.sourceID])
                    try dropBaselines.execute(arguments: [item.flow, item.sourceID])
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
