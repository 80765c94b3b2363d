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

    /// Replaces the destination with the staged folder.
    public func commit() throws(OffsyncError) {
        let fm = FileManager.default
        let previous = staging + ".previous"
        do {
            if fm.fileExists(atPath: destination) { try fm.moveItem(atPath: destination, toPath: previous) }
            try fm.moveItem(atPath: staging, toPath: destination)
            if fm.fileExists(atPath: previous) { try fm.removeItem(atPath: previous) }
        } catch {
            throw OffsyncError.badInput("cannot move the outputs into place: \(error.localizedDescription)", at: SourceLocation(file: destination))
        }
    }

    /// Removes the staged folder after a failure, so no partial output is left behind.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
