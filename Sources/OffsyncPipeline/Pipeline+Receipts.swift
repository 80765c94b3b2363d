import Foundation
import OffsyncDiagnostics
import OffsyncIngest
import OffsyncModel
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
        /// Rows of a batch receipt the upload did not create (`"success": false`, or another
        /// action than create): left out.
        public var notCreated = 0
        public var file: String
    }

    /// Remembers the links an upload receipt gives: each row holds a correlation value offsync
    /// wrote on a create and the id the target system gave the new record. The next run links
    /// the pair as remembered, even when the target keeps no correlation value.
    ///
    /// Ingest reads the rows (`ReceiptReader`), the link stage checks them (`ReceiptCheck`),
    /// state remembers them: a refused row refuses the whole receipt.
    ///
    /// A receipt that names created records by their place in the upload, as Zendesk's
    /// `job_status` does (`{"index": 0, "id": 9001, "success": true}`), is read against the
    /// import file that was uploaded (`batch`): its line `index + 1` holds the correlation value.
    public static func acknowledge(
        workspace: String, receipt: String, dataset: String? = nil,
        correlationField: String? = nil, idField: String? = nil, batch: String? = nil
    ) throws(OffsyncError) -> Acknowledgement {
        let root = try WorkspaceSpec.root(of: workspace)
        let lock = try WorkspaceLock(workspace: root)
        defer { withExtendedLifetime(lock) {} }
        try finishCommitted(root)
        let spec = try WorkspaceSpec.load(workspace: root)
        let file = URL(fileURLWithPath: receipt).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: file) else {
            throw OffsyncError.badInput("there is no receipt here", at: SourceLocation(file: file))
        }
        let read = try ReceiptReader.rows(
            file: file, root: root, correlationField: correlationField, idField: idField,
            batch: batch.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        let target = try dataset.map { text throws(OffsyncError) -> DatasetKey in
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            let key = parts.count == 2 ? DatasetKey(system: parts[0], entity: parts[1]) : nil
            guard let key, spec.manifest.dataset(key) != nil else {
                throw OffsyncError(.usage, "--dataset '\(text)' is not a dataset of the manifest (system.Entity)")
            }
            return key
        }
        var check = try ReceiptCheck(read, flows: spec.flows, target: target)

        // The source records the rows name must be in their exports, read as a run reads them.
        let sourceKeys = check.sourceDatasets
        var loader = DatasetLoader(root: root)
        let exports = try loader.load(spec.manifest.datasets.filter { sourceKeys.contains($0.key) })
        let exported = Dictionary(uniqueKeysWithValues: exports.map { ($0.key, Set($0.records.map(\.id))) })

        // Read only: a refused receipt leaves state as it was, not even created.
        let stateFile = ((root as NSString).appendingPathComponent(".offsync") as NSString).appendingPathComponent("state.sqlite")
        let stored = FileManager.default.fileExists(atPath: stateFile) ? try LinkStore(workspace: root, readOnly: true).links() : []
        let (links, known) = check.links(exported: exported, remembered: stored)
        if let refused = check.refused(of: read.count) { throw refused }
        if !links.isEmpty { try LinkStore(workspace: root).remember(links) }
        return Acknowledgement(
            linked: Dictionary(grouping: links, by: \.flow).mapValues(\.count), alreadyLinked: known, notCreated: read.notCreated, file: file)
    }
}
