import Foundation
import OffsyncModel
import OffsyncEmit

extension Pipeline {
    /// Called from a signal handler's thread (SIGINT, SIGTERM): waits for a write or a commit in
    /// progress to end and removes the outputs still staged and a first state not yet in
    /// place. The caller ends the process. The state file needs nothing: it changes only in a
    /// commit, which is whole or not begun.
    public static func interrupt() -> OutputFolder.Interrupted {
        let interrupted = OutputFolder.interrupt()
        // After the gate is shut no commit follows: a first state still in its folder is not the workspace's.
        for folder in partialStates.all() { try? FileManager.default.removeItem(atPath: folder) }
        return interrupted
    }

    /// Folders of first states this process is making (`LinkStore.FirstState`).
    static let partialStates = PathSet()

    final class PathSet: Sendable {
        private let paths = Locked<Set<String>>([])

        func insert(_ path: String) { paths.withLock { _ = $0.insert(path) } }
        func all() -> [String] { paths.withLock { Array($0) } }
    }
}
