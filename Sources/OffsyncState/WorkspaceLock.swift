import Foundation
import OffsyncDiagnostics

/// One writer per workspace: an advisory lock on `.offsync/lock`, held by the process for as
/// long as the value lives. The kernel drops it when the process ends, so a crash frees it.
///
/// Commands that change state or write outputs (`run`, `plan`, `ack`) take it before they read
/// anything; read-only commands (`check`, `explain`, `links`) do not.
public final class WorkspaceLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock or fails at once, naming the process that holds it.
    public init(workspace: String) throws(OffsyncError) {
        let folder = (workspace as NSString).appendingPathComponent(".offsync")
        path = (folder as NSString).appendingPathComponent("lock")
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw OffsyncError(.io, "cannot create the state folder: \(Self.reason(errno))", at: SourceLocation(file: folder))
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OffsyncError(.io, "cannot open the workspace lock: \(Self.reason(errno))", at: SourceLocation(file: path))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw OffsyncError.badInput(
                "another offsync is working on \(workspace)" + (holder.map { " (pid \($0))" } ?? "")
                    + "; wait for it to finish, or stop it")
        }
        self.descriptor = descriptor
        // The holder's pid, for the message a second process prints.
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
