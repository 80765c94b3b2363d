import Foundation
import GRDB
import OffsyncDiagnostics

extension LinkStore {
    /// What names a state as it is now: its last run's number and time (`run 3 at
    /// 2026-12-04T10:00:00Z`), or `none` before any. Every change to state (a run, `ack`, an
    /// import) adds a run, so a job that noted the mark of the state it read can tell later
    /// whether the workspace's state is still that one. A compiled job's driver makes the same text.
    public func mark() throws(OffsyncError) -> String {
        do {
            return try pool.read { db in
                guard try db.tableExists("run"), let row = try Row.fetchOne(db, sql: "SELECT id, at FROM run ORDER BY id DESC LIMIT 1") else {
                    return Self.noMark
                }
                return "run \(row[0] as Int64) at \(row[1] as String)"
            }
        } catch {
            throw OffsyncError(.io, "cannot read the state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// The mark of a workspace without state.
    public static let noMark = "none"

    /// Replaces every link and baseline with `changes`, in one transaction: what another
    /// engine computed as the state after its run. A link that was already stored to the same
    /// target keeps the run it was first made in (`since`); the others start with this one.
    public func replace(with changes: Changes, since: Date = Date()) throws(OffsyncError) {
        let stamp = ISO8601DateFormatter().string(from: since)
        do {
            try pool.write { db in
                try db.execute(sql: """
                    CREATE TEMP TABLE kept (flow INTEGER, source_id, target_id, run INTEGER, PRIMARY KEY (flow, source_id)) WITHOUT ROWID;
                    INSERT INTO kept SELECT flow, source_id, target_id, run FROM link;
                    DELETE FROM link;
                    """)
                try Self.insert(changes, into: db, stamp: stamp)
                try db.execute(sql: """
                    UPDATE link SET run = kept.run FROM kept
                    WHERE kept.flow = link.flow AND kept.source_id = link.source_id AND kept.target_id = link.target_id;
                    DROP TABLE kept;
                    """)
            }
        } catch {
            throw OffsyncError(.io, "cannot write state: \(error)", at: SourceLocation(file: path))
        }
    }
}

extension LinkStore {
    /// Every flow name the state has held links for.
    public func flowNames() throws(OffsyncError) -> Set<String> {
        do {
            return try pool.read { db in
                guard try db.tableExists("flow") else { return Set(try String.fetchAll(db, sql: "SELECT DISTINCT flow FROM link")) }
                return Set(try String.fetchAll(db, sql: "SELECT name FROM flow"))
            }
        } catch {
            throw OffsyncError(.io, "cannot read the state: \(error)", at: SourceLocation(file: path))
        }
    }
}
