import Foundation

/// Places in the repository and beside it, found from this file's path.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = root.appendingPathComponent("samples")
    /// `../shared`, present on developer machines and in CI, absent in a bare clone.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path) }

    /// The five seeds and the talk-docs corpus under `../shared`.
    static var corpusDocuments: [URL] {
        files(in: shared.appendingPathComponent("seeds"), suffixes: [".txt"])
            + files(in: shared.appendingPathComponent("reference/talk-docs"), suffixes: [".rst"])
    }

    static func files(in folder: URL, suffixes: [String]) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map { folder.appendingPathComponent($0) }
    }
}
