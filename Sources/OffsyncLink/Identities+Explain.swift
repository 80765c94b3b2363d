import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

extension Identities {
    /// Why one record is linked, ambiguous, created or unmatched in every flow it takes part
    /// in (`offsync explain`): the rule and values, the remembered link's age, the candidates,
    /// or its normalized merge values and the nearest records on the other side.
    public func explain(
        _ key: DatasetKey, index: Int, datasets: [DatasetKey: Dataset], remembered: [RememberedLink]
    ) -> [String] {
        let dataset = datasets[key]!
        let record = dataset.records[index]
        var out = ["\(key) \(record.id) (\(dataset.location(of: record)))"]
        for links in flows where links.flow.source == key || links.flow.target == key {
            let flow = links.flow
            let isSource = flow.source == key
            let other = datasets[isSource ? flow.target : flow.source]!
            out.append("")
            out.append("\(flow.name), as its \(isSource ? "source" : "target"):")
            let combinations = flow.flow.mergeCombinations
            func values(_ dataset: Dataset, _ record: Record, _ combination: MergeCombination, source: Bool) -> String {
                combination.pairs.map { pair in
                    let path = source ? pair.source : pair.target
                    let text = dataset.value(record, path)?.text ?? ""
                    return "\(path) = \"\(text)\" (compared as \"\(flow.comparison.comparison(for: pair).normalize(text))\")"
                }.joined(separator: ", ")
            }
            if let pair = links.pairs.first(where: { (isSource ? $0.source : $0.target) == index }) {
                let partner = other.records[isSource ? pair.target : pair.source]
                let (s, t) = isSource ? (record, partner) : (partner, record)
                let (sourceSet, targetSet) = isSource ? (dataset, other) : (other, dataset)
                switch pair.reason {
                case .merged(let c):
                    out.append("  linked to \(isSource ? flow.target : flow.source) \(partner.id) by merge combination \(c + 1):")
                    out.append("    source: \(values(sourceSet, s, combinations[c], source: true))")
                    out.append("    target: \(values(targetSet, t, combinations[c], source: false))")
                case .remembered:
                    let link = remembered.first { $0.flow == flow.name && $0.sourceID == s.id }
                    out.append("  linked to \(isSource ? flow.target : flow.source) \(partner.id): remembered since \(link?.since ?? "an earlier run") (first linked by \(link?.how ?? "an earlier run"))")
                case .correlation:
                    out.append("  linked to \(flow.target) \(t.id), a record offsync created: it keeps the correlation value \(flow.correlationValue(sourceID: s.id)) in '\(targetSet.spec.correlation ?? "")'")
                case .content:
                    out.append("  linked to \(isSource ? flow.target : flow.source) \(partner.id), a record offsync created, by content: every mapped property is equal")
                }
                let identity = merged.first { $0.dataset == flow.target && $0.id == t.id }
                if let identity {
                    out.append("  \(flow.target) \(t.id) is one identity with: " + identity.members.map { "\($0.dataset) \($0.id)" }.joined(separator: ", "))
                }
                continue
            }
            if let orphan = links.orphans.first(where: { isSource ? $0.link.sourceID == record.id : $0.link.targetID == record.id }) {
                out.append("  orphan: remembered link \(orphan.link.sourceID) → \(orphan.link.targetID) since \(orphan.link.since ?? "an earlier run"); its \(isSource ? "target" : "source") record is gone from the export, so this record is neither matched again nor created again")
                continue
            }
            let ambiguity = links.ambiguous.first { isSource ? $0.source == index : $0.candidates.contains(index) }
            if let ambiguity {
                let source = isSource ? record : other.records[ambiguity.source]
                out.append("  ambiguous, not linked: \(flow.source) \(source.id) matches \(ambiguity.candidates.count) \(flow.target) records:")
                let targetSet = isSource ? other : dataset
                for candidate in ambiguity.candidates {
                    let t = targetSet.records[candidate]
                    out.append("    \(t.id): " + combinations.map { values(targetSet, t, $0, source: false) }.joined(separator: " | "))
                }
                continue
            }
            if isSource, links.notSelected.contains(index) {
                let conditions = flow.where.map { "\($0.path) = \"\($0.value)\"" }.joined(separator: ", ")
                out.append("  not selected: the dataflow's where (\(conditions)) leaves it out, so it is neither matched nor created")
                continue
            }
            if isSource, links.creates.contains(index) {
                out.append("  no \(flow.target) record is linked: a create is planned with correlation value \(flow.correlationValue(sourceID: record.id))")
                if flow.condition != nil { out += connections(index, links, datasets) }
                continue
            }
            if isSource, let condition = flow.condition {
                let statement = condition.statement
                out.append("  not created (not_connected): a new \(flow.target.entity) is created only from a record connected to a \(statement.connectedList) synchronized into \(statement.into)")
                out += connections(index, links, datasets)
            }
            guard !combinations.isEmpty else {
                out.append(isSource
                    ? "  not linked: this flow has no merge rule, and nothing links it"
                    : "  no \(flow.source) record is linked to it (the flow has no merge rule; only remembered, correlation and content links reach it)")
                continue
            }
            out.append("  unmatched: no \(isSource ? flow.target : flow.source) record has equal merge values")
            let mine = MergeKeys(dataset, combinations: combinations, side: isSource ? \.source : \.target, comparison: flow.comparison)
            let theirs = MergeKeys(other, combinations: combinations, side: isSource ? \.target : \.source, comparison: flow.comparison)
            for (c, combination) in combinations.enumerated() {
                out.append("    combination \(c + 1): \(values(dataset, record, combination, source: isSource))")
                guard let key = mine.columns[c].text(index) else {
                    out.append("      an empty value never links")
                    continue
                }
                let nearest = other.records.indices.compactMap { i -> (Int, Int)? in
                    guard let candidate = theirs.columns[c].text(i) else { return nil }
                    return (i, editDistance(key, candidate, limit: max(3, key.count / 2)))
                }.filter { $0.1 <= max(3, key.count / 2) }.sorted { ($0.1, other.records[$0.0].id) < ($1.1, other.records[$1.0].id) }.prefix(3)
                if nearest.isEmpty { out.append("      no record of \(other.key) comes close") }
                for (i, distance) in nearest {
                    out.append("      nearest: \(other.records[i].id) \(values(other, other.records[i], combination, source: !isSource)), \(distance) edits away")
                }
            }
        }
        return out
    }

    /// The connected records a conditional creation looked at for source record `index`.
    private func connections(_ index: Int, _ links: FlowLinks, _ datasets: [DatasetKey: Dataset]) -> [String] {
        guard let condition = links.flow.condition else { return [] }
        guard !condition.connections.isEmpty else {
            return ["    the manifest binds none of them (`connections:`), so no connected record was looked at"]
        }
        let system = links.flow.target.system
        let found = connectedRecords(of: index, in: links, datasets: datasets)
        if found.isEmpty {
            let where_ = condition.connections.map { "\($0.dataset) '\($0.property)'" }.joined(separator: ", ")
            return ["    no connected record names it (looked at \(where_))"]
        }
        return found.map { "    \($0.dataset) \($0.id) names it: \($0.synchronized ? "synchronized into" : "not synchronized into") \(system)" }
    }
}
