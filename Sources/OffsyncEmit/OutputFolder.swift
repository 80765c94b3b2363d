import Crypto
import Foundation
import OffsyncDiagnostics

/// Writes a run's outputs into a temporary folder beside the destination and renames it into
/// place when everything is written and synced: a run is complete or absent.
public struct OutputFolder {
    public let destination: String
    let staging: String
    public private(set) var written: [WrittenFile] = []

    /// A file written, as `manifest.json` lists it.
    public struct WrittenFile: Sendable, Hashable {
        public var path: String
        public var bytes: Int
        public var records: Int?
        public var sha256: String
    }

    public init(destination: String) throws(OffsyncError) {
        let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
        self.destination = absolute
        let parent = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        staging = (parent as NSString).appendingPathComponent(".\(name).partial-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: staging) { try FileManager.default.removeItem(atPath: staging) }
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw OffsyncError.badInput("cannot create the output folder: \(error.localizedDescription)", at: SourceLocation(file: absolute))
        }
    }

    public mutating func write(_ relativePath: String, _ bytes: [UInt8], records: Int? = nil) throws(OffsyncError) {
        let path = (staging as NSString).appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let url = URL(fileURLWithPath: path)
            try Data(bytes).write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OffsyncError.badInput("cannot write \(relativePath): \(error.localizedDescription)", at: SourceLocation(file: path))
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        written.append(WrittenFile(path: relativePath, bytes: bytes.count, records: records, sha256: digest))
    }

    public mutating func write(_ relativePath: String, text: String) throws(OffsyncError) {
        try write(relativePath, Array(text.utf8))
    }

    /// Replaces the destination with the staged folder. The staged folders are synced first
    /// and the parent after the rename, so a crash leaves the old run or the new one whole.
    public func commit() throws(OffsyncError) {
        let fm = FileManager.default
        let previous = staging + ".previous"
        do {
            var folders = Set<String>()
            for file in written {
                var folder = (file.path as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
            }
            for folder in folders.sorted(by: >) { Self.sync(folder: (staging as NSString).appendingPathComponent(folder)) }
            Self.sync(folder: staging)
            if fm.fileExists(atPath: destination) { try fm.moveItem(atPath: destination, toPath: previous) }
            try fm.moveItem(atPath: staging, toPath: destination)
            Self.sync(folder: (destination as NSString).deletingLastPathComponent)
            if fm.fileExists(atPath: previous) { try fm.removeItem(atPath: previous) }
        } catch {
            throw OffsyncError.badInput("cannot move the outputs into place: \(error.localizedDescription)", at: SourceLocation(file: destination))
        }
    }

    /// Flushes a folder's entries (new names, renames) to disk; best effort where unsupported.
    static func sync(folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// Removes the staged folder after a failure, so no partial output is left behind.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
