import Foundation
import OffsyncDiagnostics
import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import OffsyncState

extension Pipeline {
    /// What `offsync state import` did.
    public struct StateImport: Sendable {
        public var links: Int
        public var baselines: Int
        /// Links per flow.
        public var flows: [String: Int]
        /// The folder the Parquet files were read from.
        public var folder: String
        /// The mark of the state that was replaced (`LinkStore.mark`).
        public var replaced: String
    }

    /// The key a job writes into both Parquet files' metadata: the mark of the state it read.
    static let stateReadKey = "offsync_state_read"

    /// Makes the workspace's state the one a compiled job wrote (`links.parquet` and
    /// `baselines.parquet`, in `folder` or its `state/`), so that the next run, by offsync or
    /// by a job, goes on from where that job left off.
    ///
    /// The job notes which state it read; a state changed since (a run, `ack`, an import) is
    /// not replaced unless `force`, since its newer links would be lost. The files are checked
    /// whole before anything is written: one link per source record and flow, every baseline
    /// on a link, every flow one of the manifest's or the state's.
    public static func importState(workspace: String, from folder: String, force: Bool = false) throws(OffsyncError) -> StateImport {
        let root = try WorkspaceSpec.root(of: workspace)
        let lock = try WorkspaceLock(workspace: root)
        defer { withExtendedLifetime(lock) {} }
        try finishCommitted(root)
        let spec = try WorkspaceSpec.load(workspace: root)

        let given = URL(fileURLWithPath: folder).standardizedFileURL.path
        let nested = (given as NSString).appendingPathComponent("state")
        let base = FileManager.default.fileExists(atPath: (nested as NSString).appendingPathComponent("links.parquet")) ? nested : given
        let files = (links: (base as NSString).appendingPathComponent("links.parquet"), baselines: (base as NSString).appendingPathComponent("baselines.parquet"))
        for file in [files.links, files.baselines] where !FileManager.default.fileExists(atPath: file) {
            throw OffsyncError.badInput("there is no such file: give the job's output folder or its state folder", at: SourceLocation(file: file))
        }
        let links = try ParquetFile(path: files.links)
        let baselines = try ParquetFile(path: files.baselines)

        let current = hasState(root) ? try LinkStore(workspace: root, readOnly: true) : nil
        let mark = try current?.mark() ?? LinkStore.noMark
        for table in [links, baselines] where !force {
            guard let read = table.metadata[stateReadKey] else {
                throw OffsyncError.badInput(
                    "does not say which state it was computed from (\(stateReadKey)); --force imports it anyway", at: SourceLocation(file: table.path))
            }
            guard read == mark else {
                throw OffsyncError.badInput(
                    "was computed from the state at \(read), but the workspace's state is now at \(mark): a run, ack or import came since, "
                        + "and importing would lose what it remembered. Run the job again, or --force to replace it anyway",
                    at: SourceLocation(file: table.path))
            }
        }

        let known = Set(spec.flows.map(\.name)).union(try current?.flowNames() ?? [])
        let linkRows = try StateColumns(links, ["flow", "source_id", "target_id", "how"])
        let baselineRows = try StateColumns(baselines, ["flow", "source_id", "target_id", "property"])
        let digests = try baselineRows.digests("digest")
        var remembered: [RememberedLink] = []
        remembered.reserveCapacity(links.rowCount)
        var linked: [String: [String: String]] = [:]
        for row in 0..<links.rowCount {
            let (flow, source, target) = (linkRows.columns[0][row], linkRows.columns[1][row], linkRows.columns[2][row])
            guard known.contains(flow) else {
                throw linkRows.error(
                    "names the flow '\(flow)', which neither the manifest nor the state has: was the job compiled for another workspace?",
                    column: "flow", row: row)
            }
            guard linked[flow, default: [:]].updateValue(target, forKey: source) == nil else {
                throw linkRows.error("links source record \(source) of flow '\(flow)' a second time", column: "source_id", row: row)
            }
            remembered.append(RememberedLink(flow: flow, sourceID: source, targetID: target, how: linkRows.columns[3][row]))
        }
        var stored: [LinkStore.StoredBaseline] = []
        stored.reserveCapacity(baselines.rowCount)
        for row in 0..<baselines.rowCount {
            let (flow, source, target) = (baselineRows.columns[0][row], baselineRows.columns[1][row], baselineRows.columns[2][row])
            guard linked[flow]?[source] == target else {
                throw baselineRows.error("is a baseline of a link links.parquet does not hold (\(flow): \(source) → \(target))", column: "source_id", row: row)
            }
            stored.append(LinkStore.StoredBaseline(flow: flow, sourceID: source, targetID: target, property: baselineRows.columns[3][row], digest: digests[row]))
        }

        try LinkStore(workspace: root).replace(with: LinkStore.Changes(links: remembered, baselines: stored, forgetting: []))
        return StateImport(
            links: remembered.count, baselines: stored.count, flows: Dictionary(grouping: remembered, by: \.flow).mapValues(\.count),
            folder: base, replaced: mark)
    }
}

/// The text columns of a state table, every row holding a value; ids written as numbers are
/// read as their decimal text, as offsync reads an id.
private struct StateColumns {
    let file: ParquetFile
    let columns: [[String]]

    init(_ file: ParquetFile, _ names: [String]) throws(OffsyncError) {
        self.file = file
        var columns: [[String]] = []
        for name in names {
            let texts: [String?] = switch try file.values(of: name) {
            case .texts(let values): values
            case .integers(let values): values.map { $0.map(String.init) }
            default: throw OffsyncError.badInput("column \(name) holds neither text nor integers", at: SourceLocation(file: file.path))
            }
            if let row = texts.firstIndex(of: nil) { throw Self.error(file, "has no value", column: name, row: row) }
            columns.append(texts.map { $0! })
        }
        self.columns = columns
    }

    /// A 64-bit digest column: unsigned or signed integers, their bits as written.
    func digests(_ name: String) throws(OffsyncError) -> [UInt64] {
        guard case .integers(let values) = try file.values(of: name) else {
            throw OffsyncError.badInput("column \(name) does not hold 64-bit integers", at: SourceLocation(file: file.path))
        }
        if let row = values.firstIndex(of: nil) { throw Self.error(file, "has no value", column: name, row: row) }
        return values.map { UInt64(bitPattern: $0!) }
    }

    func error(_ message: String, column: String, row: Int) -> OffsyncError {
        Self.error(file, message, column: column, row: row)
    }

    static func error(_ file: ParquetFile, _ message: String, column: String, row: Int) -> OffsyncError {
        OffsyncError.badInput("row \(row + 1) \(message)", at: SourceLocation(file: file.path, key: "column \(column)"))
    }
}
