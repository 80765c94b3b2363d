import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

/// Checks that an error names the file (by its name in the test folder), line and column, both
/// in its location and in the text a person reads (`…/x.csv:3:5: message`).
func expectPlace(
    _ error: OffsyncError?, _ name: String, line: Int, column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let error else {
        Issue.record("expected an error at \(name):\(line):\(column)", sourceLocation: sourceLocation)
        return
    }
    #expect(error.kind == .badInput, sourceLocation: sourceLocation)
    let file = error.location?.file ?? ""
    #expect(file == name || file.hasSuffix("/" + name), "file of: \(error)", sourceLocation: sourceLocation)
    #expect(error.location?.line == line, "line of: \(error)", sourceLocation: sourceLocation)
    #expect(error.location?.column == column, "column of: \(error)", sourceLocation: sourceLocation)
    #expect("\(error)".contains("\(name):\(line):\(column): "), "text of: \(error)", sourceLocation: sourceLocation)
}

extension ReadingSizes {
    /// A run's reading paths at a scale a test writes in milliseconds: files of a few hundred
    /// KB are checkpointed as files of hundreds of MB are in a run.
    static let small = ReadingSizes(checkpoint: 16 << 10)
}

/// Loads one dataset from files written into a fresh folder, read with `sizes`.
func loadDataset(
    _ files: [(String, [UInt8])], globs: [String]? = nil, csv: CSVOptions = CSVOptions(), records: String? = nil,
    id: String = "id", filter: [FieldCondition] = [], sizes: ReadingSizes = .small
) throws(OffsyncError) -> Dataset {
    let folder = TemporaryFolder()
    for (name, bytes) in files { folder.write(name, bytes) }
    var loader = DatasetLoader(root: folder.path)
    loader.sizes = sizes
    return try loader.load(DatasetSpec(
        key: DatasetKey(system: "s", entity: "E"), files: globs ?? files.map(\.0), csv: csv, records: records, id: id,
        filter: filter))
}

extension FieldValue {
    /// Equal byte for byte: Swift compares strings by canonical equivalence, which would let a
    /// reader that normalizes `e` + combining acute into `é` pass.
    func isIdentical(to other: FieldValue) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)), (.composite(let a), .composite(let b)):
            Array(a.utf8) == Array(b.utf8)
        default:
            self == other
        }
    }
}

/// Compresses files with the gzip tool (`gzip -n -k -f`), so the tests read what gzip wrote,
/// not what offsync's own writer would; one process for many files.
func gzipFiles(_ paths: [String]) throws {
    guard !paths.isEmpty else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-n", "-k", "-f", "--"] + paths
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "gzip -n -k failed")
}

/// The bytes `gzip -n` makes of `bytes`.
func gzipTool(_ bytes: [UInt8]) throws -> [UInt8] {
    let folder = TemporaryFolder()
    let file = folder.write("data", bytes)
    try gzipFiles([file])
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: file + ".gz")))
}
