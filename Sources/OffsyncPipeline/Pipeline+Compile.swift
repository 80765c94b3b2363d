import Foundation
import OffsyncCompile
import OffsyncDiagnostics
import OffsyncSpec

extension Pipeline {
    /// Writes the workspace's job for `engine` into `out` (`offsync compile`): a folder that
    /// does not exist, an empty one, or an earlier job, whose files are replaced. Returns the
    /// paths written.
    public static func compile(workspace: String, engine: Engine, out: String) throws(OffsyncError) -> [String] {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        let folder = URL(fileURLWithPath: out).standardizedFileURL.path
        let spec = try WorkspaceSpec.load(workspace: root)
        let job = try JobCompiler(spec: spec).compile(engine: engine, workspace: relativePath(from: folder, to: root))
        try checkJobFolder(folder, replacing: Set(job.files.map(\.path)))
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OffsyncError(.io, "cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: folder))
        }
        var written: [String] = []
        for file in job.files {
            let path = (folder as NSString).appendingPathComponent(file.path)
            do {
                // Atomic: written beside, then renamed over, so a reader never sees half a job.
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                try manager.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: path)
            } catch {
                throw OffsyncError(.io, "cannot write the file: \(error.localizedDescription)", at: SourceLocation(file: path))
            }
            written.append(path)
        }
        return written
    }

    /// A job folder may be new, empty, or an earlier job holding nothing but its files: anything
    /// else is someone's, and offsync never overwrites a file it did not write.
    static func checkJobFolder(_ folder: String, replacing names: Set<String>) throws(OffsyncError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw OffsyncError.badInput("--out names a file, not a folder", at: SourceLocation(file: folder))
        }
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard !present.isEmpty else { return }
        let description = (folder as NSString).appendingPathComponent("job.json")
        let earlier = FileManager.default.contents(atPath: description).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        guard earlier?["generator"] as? String == "offsync compile", Set(present).isSubset(of: names) else {
            throw OffsyncError.badInput(
                "--out holds files that are not an earlier `offsync compile` job (\(present.sorted().prefix(5).joined(separator: ", "))); choose an empty or new folder",
                at: SourceLocation(file: folder))
        }
    }

    /// `target` as a path from `base` (both absolute and standardized).
    static func relativePath(from base: String, to target: String) -> String {
        let from = base.split(separator: "/"), to = target.split(separator: "/")
        let common = zip(from, to).prefix { $0 == $1 }.count
        let path = Array(repeating: "..", count: from.count - common) + to.dropFirst(common).map(String.init)
        return path.isEmpty ? "." : path.joined(separator: "/")
    }
}
