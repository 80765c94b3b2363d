import Foundation

/// Places in the repository and beside it, found from this file's path.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samples = root.appendingPathComponent("samples")
    /// `../shared`, present on developer machines and in CI, absent in a bare clone.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path) }

    /// Every dataflow document a test can read: the samples' (the seeds' flows, and a corpus
    /// document) always; the five seeds and the talk-docs corpus where `../shared` is present.
    static var corpusDocuments: [URL] {
        files(in: samples.appendingPathComponent("dataflows"), suffixes: [".rst"])
            + files(in: shared.appendingPathComponent("seeds"), suffixes: [".txt"])
            + files(in: shared.appendingPathComponent("reference/talk-docs"), suffixes: [".rst"])
    }

    /// The sample document made from each seed: the seed's sections, tables and lines, with
    /// another introduction and `Generated:` stamp.
    static let sampleOfSeed = [
        "000": "powerofficego-youtrack.rst", "001": "powerofficego-zendesk.rst", "002": "powerofficego-crmoffice.rst",
        "003": "powerofficego-exact.rst", "004": "powerofficego-custompms.rst",
    ]

    /// The seed numbered `number` where `../shared` is present, else its sample document;
    /// `isSeed` says which.
    static func seed(_ number: String) -> (url: URL, isSeed: Bool) {
        if let seed = files(in: shared.appendingPathComponent("seeds"), suffixes: [".txt"]).first(where: { $0.lastPathComponent.hasPrefix(number) }) {
            return (seed, true)
        }
        return (samples.appendingPathComponent("dataflows/\(sampleOfSeed[number]!)"), false)
    }

    static func files(in folder: URL, suffixes: [String]) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted().map { folder.appendingPathComponent($0) }
    }
}
