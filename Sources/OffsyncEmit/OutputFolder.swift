import Crypto
import Foundation
import OffsyncDiagnostics

/// A run's output folder, written whole or not at all, and never over anything offsync did
/// not write.
///
/// Files are staged in a hidden folder beside the destination and synced; `publish()` renames
/// the staged folder into place. The destination may be a folder that does not exist, an
/// empty one, or one holding an earlier offsync output whose `manifest.json` lists every file
/// in it; anything else is refused before a byte is written.
public struct OutputFolder {
    /// The destination, absolute, symbolic links resolved.
    public let destination: String
    /// The hidden folder the files are written into until `publish()`.
    public let staging: String
    public private(set) var written: [WrittenFile] = []
    /// Told of each file once it is written and synced, for a progress line.
    public var fileWritten: (@Sendable (WrittenFile) -> Void)?

    /// A file written, as `manifest.json` lists it.
    public struct WrittenFile: Sendable, Hashable {
        public var path: String
        public var bytes: Int
        public var records: Int?
        public var sha256: String
    }

    /// Checks the destination (see `check`), removes what crashed runs left beside it, and
    /// creates the staging folder.
    public init(destination: String, mode: String, protecting: [String]) throws(OffsyncError) {
        self.destination = try Self.check(destination, mode: mode, protecting: protecting)
        let parent = (self.destination as NSString).deletingLastPathComponent
        let name = (self.destination as NSString).lastPathComponent
        staging = (parent as NSString).appendingPathComponent(
            "\(Self.stagingPrefix(name))\(getpid())-\(UUID().uuidString.prefix(8).lowercased())")
        try Self.makeFolders(parent, for: self.destination)
        Self.removeAbandoned(beside: self.destination)
        Self.gate.lock.lock()
        defer { Self.gate.lock.unlock() }
        guard mkdir(staging, 0o755) == 0 else {
            throw OffsyncError(.io, "cannot write the output folder here: \(Self.reason(errno))", at: SourceLocation(file: parent))
        }
        Self.gate.staged.insert(staging)
        Self.gate.committed = false
    }

    /// Where `destination` resolves to, after refusing every destination offsync does not own:
    /// a file; a folder holding anything but an earlier offsync output; the output of a `run`
    /// when `mode` is `plan`; or a folder that is, or holds, one of `protecting` (the
    /// workspace, its state, its inputs).
    public static func check(_ destination: String, mode: String, protecting: [String]) throws(OffsyncError) -> String {
        let absolute = canonical(destination)
        let here = SourceLocation(file: absolute)
        for path in protecting.map(canonical) where path == absolute || path.hasPrefix(absolute == "/" ? "/" : absolute + "/") {
            throw OffsyncError.badInput(
                "the output folder holds the workspace or its inputs (\(path)); offsync writes its outputs only into a folder of their own: choose another --out",
                at: here)
        }
        var status = stat()
        guard stat(absolute, &status) == 0 else {
            if errno == ENOENT { return absolute }
            let why = errno == ENOTDIR ? "a file is in the way of its path" : reason(errno)
            throw OffsyncError.badInput("cannot use the output folder: \(why)", at: here)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw OffsyncError.badInput("the output folder is a file, not a folder; offsync never replaces a file it did not write", at: here)
        }
        let files = try filesBelow(absolute)
        guard !files.isEmpty else { return absolute }
        guard let earlier = EarlierOutput(folder: absolute) else {
            throw OffsyncError.badInput(
                "the output folder holds files offsync did not write (\(sample(files))); offsync writes only into a new folder or over its own earlier output: choose another --out",
                at: here)
        }
        let foreign = files.filter { $0 != "manifest.json" && !earlier.outputs.contains($0) }
        guard foreign.isEmpty else {
            throw OffsyncError.badInput(
                "the output folder holds files its manifest.json does not list (\(sample(foreign))), so offsync did not write them; move them away or choose another --out",
                at: here)
        }
        if mode == "plan", earlier.mode == "run" {
            throw OffsyncError.badInput(
                "the output folder holds the import files of `offsync run`; `offsync plan` never replaces them: give plan another --out",
                at: here)
        }
        return absolute
    }

    /// What an earlier offsync output's `manifest.json` (and `report.json`, for outputs from
    /// before the manifest named its mode) says about it.
    struct EarlierOutput {
        var outputs: Set<String>
        var mode: String?

        init?(folder: String) {
            let manifest = (folder as NSString).appendingPathComponent("manifest.json")
            guard let data = FileManager.default.contents(atPath: manifest),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let outputs = object["outputs"] as? [[String: Any]], object["inputs"] is [Any]
            else { return nil }
            self.outputs = Set(outputs.compactMap { $0["path"] as? String })
            mode = object["mode"] as? String
            if mode == nil,
                let report = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("report.json")),
                let object = try? JSONSerialization.jsonObject(with: report) as? [String: Any]
            {
                mode = object["mode"] as? String
            }
        }
    }

    public mutating func write(_ relativePath: String, _ bytes: [UInt8], records: Int? = nil) throws(OffsyncError) {
        Self.gate.lock.lock()
        defer { Self.gate.lock.unlock() }
        let path = (staging as NSString).appendingPathComponent(relativePath)
        try Self.makeFolders((path as NSString).deletingLastPathComponent, for: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw writeError(errno, relativePath) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw writeError(count < 0 ? errno : ENOSPC, relativePath) }
            offset += count
        }
        guard fsync(descriptor) == 0 else { throw writeError(errno, relativePath) }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        written.append(WrittenFile(path: relativePath, bytes: bytes.count, records: records, sha256: digest))
        fileWritten?(written[written.count - 1])
    }

    public mutating func write(_ relativePath: String, text: String) throws(OffsyncError) {
        try write(relativePath, Array(text.utf8))
    }

    /// Syncs the staged files' folders and checks the destination again (a file may have
    /// appeared in it while the run worked): after this, `publish()` only renames.
    public func prepareToPublish(mode: String) throws(OffsyncError) {
        sync()
        _ = try Self.check(destination, mode: mode, protecting: [])
    }

    /// Syncs the staged folders, so that once a run's state names this folder (its commit
    /// point) the files are on disk.
    func sync() {
        var folders = Set<String>()
        for file in written {
            var folder = (file.path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
        }
        for folder in folders.sorted(by: >) { Self.sync(folder: (staging as NSString).appendingPathComponent(folder)) }
        Self.sync(folder: staging)
    }

    /// Renames the staged folder into place, the earlier output removed.
    public func publish() throws(OffsyncError) {
        try Self.publish(staging: staging, destination: destination)
    }

    /// Finishes a publish that may have been cut short at any step: the earlier output moved
    /// aside, the staged folder renamed into place, the earlier output removed. Running it
    /// again after it completed changes nothing.
    public static func publish(staging: String, destination: String) throws(OffsyncError) {
        let previous = staging + ".previous"
        if exists(staging) {
            if exists(destination), !exists(previous), rename(destination, previous) != 0 {
                throw OffsyncError.badInput("cannot move the earlier output aside: \(reason(errno))", at: SourceLocation(file: destination))
            }
            guard rename(staging, destination) == 0 else {
                throw OffsyncError.badInput("cannot move the outputs into place: \(reason(errno))", at: SourceLocation(file: destination))
            }
        }
        sync(folder: (destination as NSString).deletingLastPathComponent)
        if exists(previous) { try? FileManager.default.removeItem(atPath: previous) }
    }

    /// Removes the staged folder after a failure, so no partial output is left behind.
    public func discard() {
        Self.gate.lock.withLock { _ = Self.gate.staged.remove(staging) }
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Removes staging folders beside `destination` that runs which died (crash, SIGKILL, power
    /// loss) before their commit point left behind. A folder of a process still alive is kept.
    public static func removeAbandoned(beside destination: String) {
        let parent = (destination as NSString).deletingLastPathComponent
        let prefix = stagingPrefix((destination as NSString).lastPathComponent)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(pid), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
        }
    }

    static func stagingPrefix(_ name: String) -> String { ".\(name).partial-" }

    /// The path with `.`, `..` and symbolic links resolved as far as it exists.
    static func canonical(_ path: String) -> String {
        var absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var missing: [String] = []
        while absolute != "/" {
            if let resolved = realpath(absolute, nil) {
                defer { free(resolved) }
                absolute = String(cString: resolved)
                break
            }
            missing.insert((absolute as NSString).lastPathComponent, at: 0)
            absolute = (absolute as NSString).deletingLastPathComponent
        }
        return missing.reduce(absolute) { ($0 as NSString).appendingPathComponent($1) }
    }

    /// Every file and link below `folder`, relative to it, in name order.
    static func filesBelow(_ folder: String) throws(OffsyncError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw OffsyncError(.io, "cannot read the output folder", at: SourceLocation(file: folder))
        }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType != .typeDirectory { files.append(path) }
        }
        return files.sorted()
    }

    static func sample(_ files: [String]) -> String {
        files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
    }

    static func makeFolders(_ folder: String, for path: String) throws(OffsyncError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            var missing = folder
            while !exists((missing as NSString).deletingLastPathComponent), missing != "/" { missing = (missing as NSString).deletingLastPathComponent }
            let code = mkdir(missing, 0o755) == 0 ? EEXIST : errno
            throw OffsyncError(.io, 
                "cannot create the folder \(folder): \(code == ENOTDIR ? "a file is in the way" : reason(code))", at: SourceLocation(file: path))
        }
    }

    func writeError(_ code: Int32, _ file: String) -> OffsyncError {
        let why = code == ENOSPC || code == EDQUOT ? "the disk is full" : Self.reason(code)
        return OffsyncError(.io, "cannot write \(file) of the outputs: \(why)", at: SourceLocation(file: destination))
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Flushes a folder's entries (new names, renames) to disk; best effort where unsupported.
    static func sync(folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
