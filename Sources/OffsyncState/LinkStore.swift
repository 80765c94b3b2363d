import Foundation
import GRDB
import OffsyncDiagnostics

/// The workspace's memory between runs: links (and, later, baselines) in SQLite at
/// `.offsync/state.sqlite`. Written in one transaction after a run's outputs are in place.
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
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path)
            try Self.migrator.migrate(pool)
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
        return migrator
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

    /// Remembers new links in one transaction; a link already known for a source record is kept.
    public func remember(_ links: [StoredLink], since: Date = Date()) throws(OffsyncError) {
        let stamp = ISO8601DateFormatter().string(from: since)
        do {
            try pool.write { db in
                for link in links {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO link (flow, source_id, target_id, how, since) VALUES (?, ?, ?, ?, ?)",
                        arguments: [link.flow, link.sourceID, link.targetID, link.how, stamp])
                }
            }
        } catch {
            throw OffsyncError.badInput("cannot write links: \(error)", at: SourceLocation(file: path))
        }
    }
}
