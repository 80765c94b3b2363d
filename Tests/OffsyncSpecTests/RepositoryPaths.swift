import Foundation

/// Places in the repository and beside it, found from this file's path.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = root.appendingPathComponent("samples")
    /// Copies of the five seed documents and the vendor's 76 corpus documents, the
    /// specification and the real-world corpus the reader is held to.
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// The seeds, the corpus and the samples' documents.
    static var corpusDocuments: [URL] {
        files(in: fixtures.appendingPathComponent("seeds"), suffixes: [".txt"])
            + files(in: fixtures.appendingPathComponent("talk-docs"), suffixes: [".rst"])
            + files(in: samples.appendingPathComponent("dataflows"), suffixes: [".rst"])
    }

    /// The seed numbered `number` (`000` … `004`).
    static func seed(_ number: String) -> URL {
        files(in: fixtures.appendingPathComponent("seeds"), suffixes: [".txt"]).first { $0.lastPathComponent.hasPrefix(number) }!
    }

    static func files(in folder: URL, suffixes: [String]) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map { folder.appendingPathComponent($0) }
    }
}
