import OffsyncEmit

extension Pipeline {
    /// Called from a signal handler's thread (SIGINT, SIGTERM): waits for a write or a commit in
    /// progress to end and removes the outputs still staged. The caller ends the process.
    /// State needs nothing: it changes only in a commit, which is whole or not begun.
    public static func interrupt() -> OutputFolder.Interrupted {
        OutputFolder.interrupt()
    }
}
