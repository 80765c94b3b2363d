import Foundation
import GRDB
import OffsyncDiagnostics

extension LinkStore {
    /// A workspace's first state, written in a folder of its own beside `state.sqlite` while
    /// the run writes its outputs, then moved into place as the run's commit point. A first
    /// run writes every link it makes (a million at a million records a side); made this way
    /// it costs the run no time of its own.
    public struct FirstState: Sendable {
        /// `.offsync/state.partial-<pid>`: removed when the run fails or is interrupted, and
        /// by the next run (under the workspace lock) if the process died.
        public let folder: String
        let store: LinkStore
        let destination: String

        static let prefix = "state.partial-"

        /// Creates the folder and the database in it and writes `changes`, uncommitted to the
        /// workspace until `install`.
        public static func make(workspace: String, changes: Changes, since: Date = Date()) throws(OffsyncError) -> FirstState {
            let state = (workspace as NSString).appendingPathComponent(".offsync")
            let folder = Self.folder(workspace: workspace)
            if mkdir(folder, 0o755) != 0 {
                throw OffsyncError(.io, "cannot create the state folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: folder))
            }
            do {
                let store = try LinkStore(folder: folder)
                try store.apply(changes, since: since)
                return FirstState(folder: folder, store: store, destination: (state as NSString).appendingPathComponent("state.sqlite"))
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
        }

        /// The folder this process makes a workspace's first state in.
        public static func folder(workspace: String) -> String {
            ((workspace as NSString).appendingPathComponent(".offsync") as NSString).appendingPathComponent("\(prefix)\(getpid())")
        }

        /// Records `publishing`, closes the database and links it into place as
        /// `.offsync/state.sqlite`: the run's commit point. Refuses to replace a state that
        /// appeared meanwhile.
        public func install(publishing: PendingOutput) throws(OffsyncError) {
            do {
                try store.pool.write { db in
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO pending_output (staging, destination) VALUES (?, ?)",
                        arguments: [publishing.staging, publishing.destination])
                }
                // Marked for the write-ahead log every later open uses (readers beside a
                // writer), as a state made by a pool is: a flag in the header, nothing copied.
                try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                try store.pool.close()
            } catch {
                throw OffsyncError(.io, "cannot write state: \(error)", at: SourceLocation(file: store.path))
            }
            // Written without syncing: on disk before it is put in place.
            let file = open(store.path, O_RDONLY)
            guard file >= 0, fsync(file) == 0 else {
                let reason = String(cString: strerror(errno))
                if file >= 0 { close(file) }
                throw OffsyncError(.io, "cannot write state: \(reason)", at: SourceLocation(file: store.path))
            }
            close(file)
            // link() fails if the name exists: a state made meanwhile is never replaced.
            guard link(store.path, destination) == 0 else {
                throw OffsyncError.badInput(
                    "cannot put the state in place: \(String(cString: strerror(errno)))", at: SourceLocation(file: destination))
            }
            try? FileManager.default.removeItem(atPath: folder)
        }

        /// Drops the state made: the run did not reach its commit point.
        public func discard() {
            try? store.pool.close()
            try? FileManager.default.removeItem(atPath: folder)
        }

        /// Removes the folders of first states whose run died before its commit point. Call
        /// only with the workspace lock held: no other run is making one then.
        public static func removeAbandoned(workspace: String) {
            let state = (workspace as NSString).appendingPathComponent(".offsync")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: state)) ?? [] where name.hasPrefix(prefix) {
                try? FileManager.default.removeItem(atPath: (state as NSString).appendingPathComponent(name))
            }
        }
    }
}
