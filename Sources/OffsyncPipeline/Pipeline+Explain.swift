import Foundation
import OffsyncDiagnostics
import OffsyncIngest
import OffsyncModel
import OffsyncLink
import OffsyncSpec
import OffsyncState

extension Pipeline {
    /// Why a record is linked, ambiguous, created or unmatched, flow by flow, with the links
    /// remembered in state (read only).
    public static func explain(workspace: String, system: String, entity: String, id: String) throws(OffsyncError) -> [String] {
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        let spec = try WorkspaceSpec.load(workspace: root)
        guard let datasetSpec = spec.manifest.datasets.first(where: {
            $0.key.system.lowercased() == system.lowercased() && $0.key.entity.lowercased() == entity.lowercased()
        }) else {
            let known = spec.manifest.datasets.map { "\($0.key.system) \"\($0.key.entity)\"" }.joined(separator: ", ")
            throw OffsyncError(.usage, "no dataset \(system).\(entity) in the manifest (datasets: \(known))")
        }
        let remembered = try rememberedLinks(workspace: root, readOnly: true)
        let datasets = try loadDatasets(spec)
        let byKey = Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, $0) })
        let dataset = byKey[datasetSpec.key]!
        guard let index = dataset.records.firstIndex(where: { $0.id == id }) else {
            let left = dataset.findings.filter { $0.recordID == id }.map(\.message)
            throw OffsyncError.badInput(
                "\(dataset.key) has no record with id \(id) (\(dataset.records.count) records)" + (left.isEmpty ? "" : ": " + left.joined(separator: "; ")))
        }
        let identities = Identities(flows: spec.flows, datasets: byKey, remembered: remembered)
        return identities.explain(dataset.key, index: index, datasets: byKey, remembered: remembered)
    }

    /// The links in state; none when the workspace has no state yet and `readOnly` is set.
    static func rememberedLinks(workspace: String, readOnly: Bool) throws(OffsyncError) -> [RememberedLink] {
        let store = readOnly ? try? LinkStore(workspace: workspace, readOnly: true) : try LinkStore(workspace: workspace)
        return try store?.links() ?? []
    }
}
