import Foundation
import OffsyncDiagnostics
import OffsyncEmit
import OffsyncPipeline
import OffsyncModel
import OffsyncState
import Testing

/// A copy of the sample workspace holding the state one run of it leaves, as a user's workspace
/// would, for a corpus case to break; removed afterwards.
final class CorpusWorkspace: @unchecked Sendable {  // used by one test at a time
    let scratch: SampleRunTests.Scratch
    /// The workspace path as the pipeline names files in it.
    let root: String

    static let corpus = SampleRunTests.repository.appendingPathComponent("Tests/OffsyncPipelineTests/MalformedCorpus")

    init() throws {
        scratch = try SampleRunTests.Scratch()
        root = scratch.workspace.standardizedFileURL.path
        let state = try Self.template.get()
        let folder = scratch.workspace.appendingPathComponent(".offsync")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(state.bytes).write(to: folder.appendingPathComponent("state.sqlite"))
    }

    /// What one run of the unmodified samples remembers.
    struct Template: Sendable {
        var bytes: [UInt8]
        var links: [RememberedLink]
        var baselines: [LinkStore.StoredBaseline]
    }

    struct TemplateFailure: Error, Sendable {
        var reason: String
    }

    /// Made once, by the first case that needs it.
    static let template: Result<Template, TemplateFailure> = {
        do {
            let scratch = try SampleRunTests.Scratch()
            _ = try Pipeline.execute(workspace: scratch.workspace.path, output: scratch.output("out"), mode: .run)
            let store = try LinkStore(workspace: scratch.workspace.path, readOnly: true)
            let state = Template(
                bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.path))), links: try store.links(),
                baselines: try store.baselines())
            guard !state.links.isEmpty, !state.baselines.isEmpty else { return .failure(TemplateFailure(reason: "the sample run remembered nothing")) }
            return .success(state)
        } catch {
            return .failure(TemplateFailure(reason: "\(error)"))
        }
    }()

    func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative)))) }

    func write(_ relative: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path(relative))) }

    func text(_ relative: String) throws -> String { String(decoding: try bytes(relative), as: UTF8.self) }

    /// Replaces the first `old` in a text file; the file must hold it.
    func edit(_ relative: String, _ old: String, _ new: String) throws {
        let text = try text(relative)
        let range = try #require(text.range(of: old), "\(relative) holds \(old.debugDescription)")
        try write(relative, Array(text.replacingCharacters(in: range, with: new).utf8))
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path(relative)) }

    /// A fixture's bytes (`MalformedCorpus/<name>`).
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpus.appendingPathComponent(name)))
    }

    /// Puts a fixture in place of an export.
    func install(_ fixture: String, as relative: String) throws { try write(relative, try Self.fixture(fixture)) }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] { try GzipWriter.compress(bytes) }

    /// The exports a fixture of this kind stands in for: small enough that places are easy to
    /// count, shaped like the samples' (the same id fields).
    static let customersCSV = "dumps/custompms/customers.csv"
    static let companiesJSON = "dumps/crmoffice/companies.json"
    static let usersNDJSON = "dumps/zendesk/users.ndjson"
    static let manifest = "offsync.yaml"
}

/// `fixture` with `insert` placed before the first `before`.
func inserting(_ insert: [UInt8], before: String, in fixture: [UInt8]) throws -> [UInt8] {
    let needle = Array(before.utf8)
    let at = try #require((0...(fixture.count - needle.count)).first { Array(fixture[$0..<$0 + needle.count]) == needle })
    return Array(fixture[..<at]) + insert + Array(fixture[at...])
}

/// Where a refusal must point: a file of the workspace, at a line and column, or at a manifest key.
struct Place: Sendable, CustomStringConvertible {
    var file: String
    /// The line, or the text whose line it is (in the file as patched).
    var line: Line? = nil
    /// The column, or the text (on that line) whose first character it is.
    var column: Column? = nil
    var key: String? = nil

    enum Line: Sendable {
        case at(Int)
        case of(String)
    }

    enum Column: Sendable, ExpressibleByIntegerLiteral {
        case at(Int)
        case of(String)

        init(integerLiteral value: Int) { self = .at(value) }
    }

    var description: String {
        var text = file
        switch line {
        case .at(let number): text += ":\(number)"
        case .of(let needle): text += ":<line of \(needle.debugDescription)>"
        case nil: break
        }
        switch column {
        case .at(let number): text += ":\(number)"
        case .of(let needle): text += ":<column of \(needle.debugDescription)>"
        case nil: break
        }
        if let key { text += " (\(key))" }
        return text
    }

    /// The expected location in `workspace`, the line found where it is given as text.
    func location(in workspace: CorpusWorkspace) throws -> OffsyncDiagnostics.SourceLocation {
        var number: Int? = nil
        var lineText: Substring? = nil
        switch line {
        case .at(let given): number = given
        case .of(let needle):
            let text = try workspace.text(file)
            let range = try #require(text.range(of: needle), "\(file) holds \(needle.debugDescription)")
            number = 1 + text[..<range.lowerBound].filter { $0 == "\n" }.count
            let start = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            lineText = text[start...].prefix { $0 != "\n" }
        case nil: break
        }
        var columnNumber: Int? = nil
        switch column {
        case .at(let given): columnNumber = given
        case .of(let needle):
            let line = try #require(lineText, "a column by its text needs the line by its text")
            let range = try #require(line.range(of: needle), "line \(line.debugDescription) holds \(needle.debugDescription)")
            columnNumber = 1 + line[..<range.lowerBound].unicodeScalars.count
        case nil: break
        }
        return OffsyncDiagnostics.SourceLocation(file: workspace.path(file), line: number, column: columnNumber, key: key)
    }
}

/// An input offsync must refuse: exit 1, a message naming the place, nothing written, state as it was.
struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var place: Place
    /// The message, or its key part.
    var message: String
    var patch: @Sendable (CorpusWorkspace) throws -> Void

    var testDescription: String { name }
}

/// An input where only a record is bad: it is reported with file and line, and the run goes on.
struct RecordReport: Sendable, CustomTestStringConvertible {
    var name: String
    var code: Finding.Code
    var file: String
    var line: Int
    var message: String
    var patch: @Sendable (CorpusWorkspace) throws -> Void

    var testDescription: String { name }
}
