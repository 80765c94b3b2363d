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

    /// The mark a job noted in a file: in the footer's metadata (DuckDB), or in a column's
    /// metadata inside the schema Spark keeps in the footer (Spark writes no other keys).
    static func stateRead(_ table: ParquetFile) -> String? {
        if let read = table.metadata[stateReadKey] { return read }
        guard let schema = table.metadata["org.apache.spark.sql.parquet.row.metadata"],
            let parsed = try? JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any],
            let fields = parsed["fields"] as? [[String: Any]]
        else { return nil }
        return fields.lazy.compactMap { ($0["metadata"] as? [String: Any])?[stateReadKey] as? String }.first
    }

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
            guard let read = stateRead(table) else {
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
        // Each flow's links numbered in row order: a link's number names its source and its
        // target record for state (`FlowRows`), and its baselines find it by source id.
        struct Flow {
            var name: String
            var linkRows: [Int] = []
            var numbers: [String: Int32] = [:]
            var properties: [String] = []
            var baselines: [(link: Int32, property: Int32, row: Int)] = []
        }
        var flows: [Flow] = []
        var flowIndexes: [String: Int] = [:]
        func flowIndex(_ name: String) -> Int {
            // Rows come grouped by flow: the last one again is one comparison.
            if let last = flows.indices.last, flows[last].name == name { return last }
            if let index = flowIndexes[name] { return index }
            flows.append(Flow(name: name))
            flowIndexes[name] = flows.count - 1
            return flows.count - 1
        }
        let (linkFlows, linkSources, linkTargets) = (linkRows.columns[0], linkRows.columns[1], linkRows.columns[2])
        for row in 0..<links.rowCount {
            let f = flowIndex(linkFlows[row])
            guard known.contains(flows[f].name) else {
                throw linkRows.error(
                    "names the flow '\(flows[f].name)', which neither the manifest nor the state has: was the job compiled for another workspace?",
                    column: "flow", row: row)
            }
            guard flows[f].numbers.updateValue(Int32(flows[f].linkRows.count), forKey: linkSources[row]) == nil else {
                throw linkRows.error("links source record \(linkSources[row]) of flow '\(flows[f].name)' a second time", column: "source_id", row: row)
            }
            flows[f].linkRows.append(row)
        }
        let (baselineFlows, baselineSources, baselineTargets, baselineProperties) =
            (baselineRows.columns[0], baselineRows.columns[1], baselineRows.columns[2], baselineRows.columns[3])
        for row in 0..<baselines.rowCount {
            let f = flowIndex(baselineFlows[row])
            guard let link = flows[f].numbers[baselineSources[row]], linkTargets[flows[f].linkRows[Int(link)]] == baselineTargets[row] else {
                throw baselineRows.error(
                    "is a baseline of a link links.parquet does not hold (\(flows[f].name): \(baselineSources[row]) → \(baselineTargets[row]))",
                    column: "source_id", row: row)
            }
            // A handful of properties a flow: looked up in order.
            let name = baselineProperties[row]
            let property = flows[f].properties.firstIndex(of: name) ?? { flows[f].properties.append(name); return flows[f].properties.count - 1 }()
            flows[f].baselines.append((link, Int32(property), row))
        }

        let rows = flows.map { flow in
            let sources = flow.linkRows.map { RecordID(linkSources[$0]) }, targets = flow.linkRows.map { RecordID(linkTargets[$0]) }
            var rows = LinkStore.Changes.FlowRows(
                name: flow.name, properties: flow.properties, sourceID: { sources[Int($0)] }, targetID: { targets[Int($0)] })
            rows.reserve(links: flow.linkRows.count, baselines: flow.baselines.count)
            for (number, row) in flow.linkRows.enumerated() {
                rows.link(source: Int32(number), target: Int32(number), how: linkRows.columns[3][row])
            }
            for item in flow.baselines {
                rows.baseline(source: item.link, target: item.link, property: item.property, digest: digests[item.row])
            }
            return rows
        }
        try LinkStore(workspace: root).replace(with: LinkStore.Changes(flows: rows, forgetting: []))
        return StateImport(
            links: links.rowCount, baselines: baselines.rowCount,
            flows: Dictionary(flows.map { ($0.name, $0.linkRows.count) }, uniquingKeysWith: +), folder: base, replaced: mark)
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
