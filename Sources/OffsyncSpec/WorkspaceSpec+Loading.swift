import Foundation
import OffsyncDiagnostics

extension WorkspaceSpec {
    /// The workspace folder as an absolute path, after checking it is one: a folder that exists
    /// and holds `offsync.yaml`. Nothing is created for a workspace that is not there.
    public static func root(of workspace: String) throws(OffsyncError) -> String {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
            throw OffsyncError.badInput("there is no workspace here: the folder does not exist", at: SourceLocation(file: root))
        }
        guard isFolder.boolValue else {
            throw OffsyncError.badInput("this is a file, not a workspace folder (a folder holding offsync.yaml)", at: SourceLocation(file: root))
        }
        let manifest = (root as NSString).appendingPathComponent("offsync.yaml")
        guard FileManager.default.fileExists(atPath: manifest) else {
            throw OffsyncError.badInput("there is no manifest: the folder is not a workspace (a folder holding offsync.yaml)", at: SourceLocation(file: manifest))
        }
        return root
    }

    /// Reads `offsync.yaml` in `root` and every document it names.
    public static func load(workspace: String) throws(OffsyncError) -> WorkspaceSpec {
        let root = try Self.root(of: workspace)
        let manifestFile = (root as NSString).appendingPathComponent("offsync.yaml")
        let manifest = try Manifest(yaml: try readText(manifestFile, what: "manifest"), file: manifestFile)
        try checkInside(manifest, root: root, manifestFile: manifestFile)
        var documents: [String: DataflowDocument] = [:]
        for (index, entry) in manifest.dataflows.enumerated() {
            guard let path = entry.document, documents[path] == nil else { continue }
            let file = (root as NSString).appendingPathComponent(path)
            var location = entry.location ?? SourceLocation(file: manifestFile)
            location.key = "dataflows[\(index)].document"
            guard FileManager.default.fileExists(atPath: file) else {
                throw OffsyncError.badInput("document '\(path)' does not exist (looked for \(file))", at: location)
            }
            let document = try DataflowDocument(contentsOf: file)
            if let broken = document.unparsed.first(where: { $0.severity == .error }) {
                throw OffsyncError.badInput(broken.message + " (a run needs the tables of its documents whole)", at: broken.location)
            }
            documents[path] = document
        }
        return try WorkspaceSpec(root: root, manifestFile: manifestFile, manifest: manifest, documents: documents)
    }

    /// Refuses a `files:` glob that reaches outside the workspace (`../other/x.json`, or an
    /// absolute path elsewhere): a workspace holds its exports, so that what a run read is what
    /// the workspace holds. The check is on the path as written; a symbolic link inside the
    /// workspace may still lead elsewhere.
    static func checkInside(_ manifest: Manifest, root: String, manifestFile: String) throws(OffsyncError) {
        let folder = URL(fileURLWithPath: root).standardizedFileURL.path
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for dataset in manifest.datasets {
            for pattern in dataset.files {
                let absolute = pattern.hasPrefix("/") ? pattern : (folder as NSString).appendingPathComponent(pattern)
                let path = URL(fileURLWithPath: absolute).standardizedFileURL.path
                guard !path.hasPrefix(prefix) else { continue }
                var location = dataset.location ?? SourceLocation(file: manifestFile)
                location.key = "systems.\(dataset.key.system).datasets.\(dataset.key.entity).files"
                throw OffsyncError.badInput(
                    "'\(pattern)' is outside the workspace (\(folder)): exports are read from inside it only; copy them in, or link them with a symbolic link inside it",
                    at: location)
            }
        }
    }

    public static func readText(_ path: String, what: String) throws(OffsyncError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OffsyncError.badInput("cannot read the \(what)", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OffsyncError.badInput("the \(what) is not valid UTF-8", at: SourceLocation(file: path))
        }
        return text
    }
}

extension DataflowDocument {
    /// Reads a document file; a file that cannot be read or is not UTF-8 is an error naming it.
    public init(contentsOf path: String) throws(OffsyncError) {
        self.init(reading: try WorkspaceSpec.readText(path, what: "document"), path: path)
    }
}
