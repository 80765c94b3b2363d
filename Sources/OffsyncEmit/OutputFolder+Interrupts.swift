import Foundation
import OffsyncDiagnostics

extension OutputFolder {
    /// What an interrupt (SIGINT, SIGTERM) found when it stopped the process.
    public enum Interrupted: Sendable {
        /// Before a commit: staged outputs removed.
        case discarded
        /// After the last commit had ended: its outputs are in place.
        case completed
    }

    /// Called from a signal handler's thread: waits for a file write or a commit in progress to
    /// end, then removes the folders still staged. The caller ends the process; the gate is
    /// never opened again, so nothing more is written or committed.
    public static func interrupt() -> Interrupted {
        gate.lock.lock()
        for path in gate.staged { try? FileManager.default.removeItem(atPath: path) }
        return gate.staged.isEmpty && gate.committed ? .completed : .discarded
    }

    /// Runs `body` (a run's state transaction and `publish()`) with interrupts held off; from
    /// the moment it begins, the staged folder is no longer an interrupt's to remove.
    public func commit<T>(_ body: () throws(OffsyncError) -> T) throws(OffsyncError) -> T {
        Self.gate.lock.lock()
        defer { Self.gate.lock.unlock() }
        Self.gate.staged.remove(staging)
        let value = try body()
        Self.gate.committed = true
        return value
    }

    /// The folders being staged and the lock every write and commit holds, so that an
    /// interrupt acts between them, never inside one.
    final class Gate: @unchecked Sendable {
        let lock = NSLock()
        var staged: Set<String> = []
        var committed = false
    }

    static let gate = Gate()
}
