import Foundation
import OffsyncDiagnostics

extension Pipeline {
    /// What an interrupt (SIGINT, SIGTERM) found when it stopped the run.
    public enum Interrupted: Sendable {
        /// Before the commit point: staged outputs removed, state as it was.
        case discarded
        /// After it: the run's state and outputs are both written.
        case completed
    }

    /// Called from a signal handler's thread: waits for a commit in progress to end, then
    /// removes the outputs still staged. The caller ends the process; the commit lock is
    /// never given back, so no later commit can begin.
    public static func interrupt() -> Interrupted {
        commits.lock.lock()
        let staged = commits.staged
        for path in staged { try? FileManager.default.removeItem(atPath: path) }
        return staged.isEmpty && commits.finished ? .completed : .discarded
    }

    /// The staged output folders an interrupt removes, and the lock that makes a run's commit
    /// (state transaction, then the rename) happen whole before an interrupt acts.
    final class Commits: @unchecked Sendable {
        let lock = NSLock()
        var staged: Set<String> = []
        var finished = false

        func stage(_ path: String) {
            lock.withLock {
                staged.insert(path)
                finished = false
            }
        }
        func unstage(_ path: String) { lock.withLock { _ = staged.remove(path) } }

        /// Runs `body` with interrupts held off; the staged folder is no longer the interrupt's
        /// to remove once `body` has begun committing.
        func commit<T>(_ staging: String, _ body: () throws(OffsyncError) -> T) throws(OffsyncError) -> T {
            lock.lock()
            defer { lock.unlock() }
            let value = try body()
            staged.remove(staging)
            finished = true
            return value
        }
    }

    static let commits = Commits()
}
