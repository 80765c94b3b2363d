import Foundation
import OffsyncDiagnostics
import OffsyncIngest
import OffsyncLink
import OffsyncSpec
import OffsyncState

extension Pipeline {
    /// What `offsync ack` did with an upload receipt.
    public struct Acknowledgement: Sendable {
        /// New links remembered, per flow.
        public var linked: [String: Int]
        /// Rows whose source record already had a link (kept as it was).
        public var alreadyLinked: Int
        public var file: String
    }

    /// Remembers the links an upload receipt gives: each row holds a correlation value offsync
    /// wrote on a create and the id the target system gave the new record. The next run links
    /// the pair as remembered, even when the target keeps no correlation value.
    public static func acknowledge(
        workspace: String, receipt: String, dataset: String? = nil,
        correlationField: String? = nil, idField: String? = nil
    ) throws(OffsyncError) -> Acknowledgement {
        let root = try WorkspaceSpec.root(of: workspace)
        let lock = try WorkspaceLock(workspace: root)
        defer { withExtendedLifetime(lock) {} }
        try finishCommitted(root)
        let spec = try WorkspaceSpec.load(workspace: root)
        let file = URL(fileURLWithPath: receipt).standardizedFileURL.path
        let rows = try receiptRows(file: file, root: root, correlationField: correlationField, idField: idField)
        let target = try dataset.map { text throws(OffsyncError) -> DatasetKey in
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            let key = parts.count == 2 ? DatasetKey(system: parts[0], entity: parts[1]) : nil
            guard let key, spec.manifest.dataset(key) != nil else {
                throw OffsyncError(.usage, "--dataset '\(text)' is not a dataset of the manifest (system.Entity)")
            }
            return key
        }
        var links: [LinkStore.StoredLink] = []
        for row in rows {
            guard let (source, sourceID) = BoundFlow.parseCorrelation(row.correlation) else {
                throw OffsyncError.badInput("'\(row.correlation)' is not a correlation value offsync wrote (offsync:<system>/<Entity>/<id>)", at: row.location)
            }
            let flows = spec.flows.filter { $0.source == source && $0.createsWhenUnmatched && (target == nil || $0.target == target) }
            let targets = Set(flows.map(\.target))
            guard !flows.isEmpty else {
                throw OffsyncError.badInput("no flow creates records from \(source)" + (target.map { " into \($0)" } ?? ""), at: row.location)
            }
            guard targets.count == 1 else {
                throw OffsyncError.badInput(
                    "\(source) records are created in \(targets.map(\.description).sorted().joined(separator: ", ")): name the receipt's dataset with --dataset",
                    at: row.location)
            }
            links += flows.map { LinkStore.StoredLink(flow: $0.name, sourceID: sourceID, targetID: row.id, how: "receipt") }
        }
        let store = try LinkStore(workspace: root)
        let known = Set(try store.links().map { "\($0.flow)\u{1F}\($0.sourceID)" })
        let fresh = links.filter { !known.contains("\($0.flow)\u{1F}\($0.sourceID)") }
        try store.remember(fresh)
        return Acknowledgement(
            linked: Dictionary(grouping: fresh, by: \.flow).mapValues(\.count), alreadyLinked: links.count - fresh.count, file: file)
    }

    struct ReceiptRow {
        var correlation: String
        var id: String
        var location: SourceLocation
    }

    /// The receipt's rows, read like any export (CSV, JSON, NDJSON, gzip); the fields are the
    /// first of the usual names present unless given.
    static func receiptRows(file: String, root: String, correlationField: String?, idField: String?) throws(OffsyncError) -> [ReceiptRow] {
        var loader = DatasetLoader(root: root)
        let key = DatasetKey(system: "receipt", entity: (file as NSString).lastPathComponent)
        var loaded: Dataset? = nil
        for candidate in idField.map({ [$0] }) ?? ["_id", "id", "Id", "ID"] {
            let dataset = try loader.load(DatasetSpec(key: key, files: [file], id: candidate))
            if !dataset.records.isEmpty || idField != nil {
                loaded = dataset
                break
            }
        }
        guard let dataset = loaded, !dataset.records.isEmpty else {
            throw OffsyncError.badInput("the receipt has no rows with an id (looked for _id, id, Id, ID; name it with --id-field)", at: SourceLocation(file: file))
        }
        let candidates = correlationField.map { [$0] } ?? ["$correlation", "correlation", "external_id", "ExternalCode", "externalId"]
        guard let field = candidates.first(where: dataset.hasPath) else {
            throw OffsyncError.badInput(
                "the receipt has no correlation field (looked for \(candidates.joined(separator: ", ")); name it with --correlation-field)",
                at: SourceLocation(file: file))
        }
        return try dataset.records.map { record throws(OffsyncError) in
            guard let value = dataset.value(record, field)?.text, !value.isEmpty else {
                throw OffsyncError.badInput("the row has no '\(field)'", at: dataset.location(of: record))
            }
            return ReceiptRow(correlation: value, id: record.id, location: dataset.location(of: record))
        }
    }
}
