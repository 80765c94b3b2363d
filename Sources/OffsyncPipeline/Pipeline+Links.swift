import Foundation
import OffsyncDiagnostics
import OffsyncEmit
import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import OffsyncState

extension Pipeline {
    /// The workspace's remembered links as CSV (`offsync links`), each with its status against
    /// the current exports: `linked`, or `orphan` with the side whose record is gone.
    public static func linksCSV(workspace: String) throws(OffsyncError) -> String {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        let spec = try WorkspaceSpec.load(workspace: root)
        let stored = try LinkStore(workspace: root, readOnly: true).links()
        let flows = Dictionary(spec.flows.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let datasets = try loadDatasets(spec)
        let ids = Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, Set($0.records.map(\.id))) })

        var text = CSVText.row([
            "flow", "source_system", "source_entity", "source_id", "target_system", "target_entity", "target_id",
            "how", "since", "status",
        ])
        for link in stored {
            guard let flow = flows[link.flow] else {
                text += CSVText.row([link.flow, "", "", link.sourceID, "", "", link.targetID, link.how, link.since ?? "", "flow no longer in the manifest"])
                continue
            }
            let sourceGone = !(ids[flow.source]?.contains(link.sourceID) ?? false)
            let targetGone = !(ids[flow.target]?.contains(link.targetID) ?? false)
            let status = switch (sourceGone, targetGone) {
            case (false, false): "linked"
            case (true, false): "orphan: source gone"
            case (false, true): "orphan: target gone"
            case (true, true): "orphan: both gone"
            }
            text += CSVText.row([
                link.flow, flow.source.system, flow.source.entity, link.sourceID, flow.target.system, flow.target.entity,
                link.targetID, link.how, link.since ?? "", status,
            ])
        }
        return text
    }
}
