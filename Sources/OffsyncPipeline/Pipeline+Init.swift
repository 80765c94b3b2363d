import Foundation
import OffsyncDiagnostics
import OffsyncSpec

extension Pipeline {
    /// What `offsync init` made.
    public struct Initialized: Sendable {
        public var root: String
        /// The files and folders it created, relative to `root`.
        public var created: [String]
        /// The export folders, relative to `root`.
        public var dumpFolders: [String]
    }

    /// Makes a workspace for dataflow documents: `offsync.yaml` with every system and entity
    /// type they name (`WorkspaceScaffold`), the documents under `dataflows/` (those already
    /// inside the folder stay where they are), a `dumps/<system>/` folder each, and a README
    /// saying what goes where. Nothing that exists is replaced: a folder that already holds a
    /// manifest, or a document name taken by another file, is refused before anything is written.
    public static func initialize(folder: String, documents paths: [String]) throws(OffsyncError) -> Initialized {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        let fileManager = FileManager.default
        let manifestPath = (root as NSString).appendingPathComponent("offsync.yaml")
        guard !fileManager.fileExists(atPath: manifestPath) else {
            throw OffsyncError.badInput("a workspace is already here: offsync init never replaces a file", at: SourceLocation(file: manifestPath))
        }
        var sources = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if sources.isEmpty {
            let folder = (root as NSString).appendingPathComponent("dataflows")
            sources = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".rst") || $0.hasSuffix(".txt") }.sorted()
                .map { (folder as NSString).appendingPathComponent($0) }
        }
        guard !sources.isEmpty else {
            throw OffsyncError(.usage, "name the dataflow documents with --document (or put them in \(root)/dataflows/)")
        }

        // Read and place every document before writing anything.
        // `copy`: the text to write into dataflows/, for a document not there yet.
        var placed: [(path: String, document: DataflowDocument, copy: String?)] = []
        for source in sources {
            let text = try WorkspaceSpec.readText(source, what: "document")
            let document = DataflowDocument(reading: text, path: source)
            guard !document.flows.isEmpty else {
                throw OffsyncError.badInput("no flow found: this is not a dataflow document", at: SourceLocation(file: source))
            }
            if source.hasPrefix(root + "/") {
                placed.append((String(source.dropFirst(root.count + 1)), document, nil))
                continue
            }
            let relative = "dataflows/" + (source as NSString).lastPathComponent
            let destination = (root as NSString).appendingPathComponent(relative)
            if let existing = fileManager.contents(atPath: destination), existing != Data(text.utf8) {
                throw OffsyncError.badInput("another file is already there; offsync init never replaces a file", at: SourceLocation(file: destination))
            }
            guard !placed.contains(where: { $0.path == relative }) else {
                throw OffsyncError(.usage, "two documents are named \((source as NSString).lastPathComponent): rename one")
            }
            placed.append((relative, document, fileManager.fileExists(atPath: destination) ? nil : text))
        }
        let scaffold = WorkspaceScaffold(documents: placed.map { ($0.path, $0.document) })
        let manifest = scaffold.manifest
        // What it writes binds: a manifest `check` cannot read would be a poor first step.
        let parsed = try Manifest(yaml: manifest, file: manifestPath)
        _ = try WorkspaceSpec(
            root: root, manifestFile: manifestPath, manifest: parsed,
            documents: Dictionary(placed.map { ($0.path, $0.document) }, uniquingKeysWith: { a, _ in a }))

        var created: [String] = []
        func write(_ relative: String, _ text: String) throws(OffsyncError) {
            let path = (root as NSString).appendingPathComponent(relative)
            guard !fileManager.fileExists(atPath: path) else { return }
            do {
                try fileManager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // Created, never replaced: `.withoutOverwriting` fails if a file appeared meanwhile.
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                throw OffsyncError(.io, "cannot write it: \(error.localizedDescription)", at: SourceLocation(file: path))
            }
            created.append(relative)
        }
        for document in placed {
            if let text = document.copy { try write(document.path, text) }
        }
        try write("offsync.yaml", manifest)
        for folder in scaffold.dumpFolders {
            let path = (root as NSString).appendingPathComponent(folder)
            if !fileManager.fileExists(atPath: path) {
                do { try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                    throw OffsyncError(.io, "cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: path))
                }
                created.append(folder + "/")
            }
        }
        try write("README.md", Self.workspaceReadme(scaffold))
        return Initialized(root: root, created: created, dumpFolders: scaffold.dumpFolders)
    }

    static func workspaceReadme(_ scaffold: WorkspaceScaffold) -> String {
        """
        # An offsync workspace

        - `offsync.yaml`: the manifest. Each dataset names its export files (`files:`, under
          `dumps/<system>/`), the field holding each record's id, and where it knows them the change
          stamp (`modified:`) and the field the target keeps for records the sync created
          (`correlation:`). Lines marked TODO need you.
        - `dataflows/`: the dataflow documents: which records link, which properties sync.
        - \(scaffold.dumpFolders.map { "`\($0)/`" }.joined(separator: ", ")): the exports, one folder per system
          (JSON, NDJSON or CSV, plain or gzip).

        Then:

        ```
        offsync check .     # names every file, field and binding still missing
        offsync plan .      # the report of what a run would do, in exports/<workspace>-plan/
        offsync run .       # import files, report and state
        ```

        """
    }
}
