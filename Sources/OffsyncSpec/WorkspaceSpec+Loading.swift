import Foundation
import OffsyncDiagnostics

extension WorkspaceSpec {
    /// Reads `offsync.yaml` in `root` and every document it names.
    public static func load(workspace root: String) throws(OffsyncError) -> WorkspaceSpec {
        let manifestFile = (root as NSString).appendingPathComponent("offsync.yaml")
        let manifest = try Manifest(yaml: try readText(manifestFile, what: "manifest"), file: manifestFile)
        var documents: [String: DataflowDocument] = [:]
        for (index, entry) in manifest.dataflows.enumerated() {
            guard let path = entry.document, documents[path] == nil else { continue }
            let file = (root as NSString).appendingPathComponent(path)
            var location = entry.location ?? SourceLocation(file: manifestFile)
            location.key = "dataflows[\(index)].document"
            guard FileManager.default.fileExists(atPath: file) else {
                throw OffsyncError.badInput("document '\(path)' does not exist (looked for \(file))", at: location)
            }
            documents[path] = try DataflowDocument(contentsOf: file)
        }
        return try WorkspaceSpec(root: root, manifestFile: manifestFile, manifest: manifest, documents: documents)
    }

    static func readText(_ path: String, what: String) throws(OffsyncError) -> String {
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
