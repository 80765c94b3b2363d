import Foundation
import OffsyncDiagnostics
import OffsyncIngest
import OffsyncSpec

/// Links the records of one flow the way the vendor's live sync does: remembered links first,
/// then records the sync created (by correlation value), then the merge rules on normalized
/// values; an every-flow's remaining source records become creates.
public struct Linker {
    public let flow: BoundFlow
    public let source: Dataset
    public let target: Dataset

    public init(flow: BoundFlow, source: Dataset, target: Dataset) {
        self.flow = flow
        self.source = source
        self.target = target
    }

    public func link(remembered: [RememberedLink] = []) -> FlowLinks {
        var links = FlowLinks(flow: flow)
        var linkedSource = Set<Int>()
        var linkedTarget = Set<Int>()
        func pair(_ s: Int, _ t: Int, _ reason: LinkedPair.Reason) {
            links.pairs.append(LinkedPair(source: s, target: t, reason: reason))
            linkedSource.insert(s)
            linkedTarget.insert(t)
        }

        // 1. Remembered links.
        let sourceIndex = Dictionary(source.records.indices.map { (source.records[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let targetIndex = Dictionary(target.records.indices.map { (target.records[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        for link in remembered where link.flow == flow.name {
            guard let s = sourceIndex[link.sourceID], let t = targetIndex[link.targetID],
                !linkedSource.contains(s), !linkedTarget.contains(t)
            else { continue }
            pair(s, t, .remembered)
        }

        // 2. Records the sync created, found by their correlation value.
        if let field = target.spec.correlation {
            var byCorrelation: [String: Int] = [:]
            for (t, record) in target.records.enumerated() where !linkedTarget.contains(t) {
                if let value = target.value(record, field)?.text, !value.isEmpty { byCorrelation[value] = t }
            }
            for (s, record) in source.records.enumerated() where !linkedSource.contains(s) {
                if let t = byCorrelation[flow.correlationValue(sourceID: record.id)], !linkedTarget.contains(t) {
                    pair(s, t, .correlation)
                }
            }
        }

        // 3. Merge rules.
        let combinations = flow.flow.mergeCombinations
        if !combinations.isEmpty {
            let merged = mergeByRules(combinations, into: &links, linkedSource: linkedSource, linkedTarget: linkedTarget)
            for (s, t, combination) in merged { pair(s, t, .merged(combination: combination)) }
        }

        // 4. What is left.
        let createsWhenUnmatched = flow.flow.syncsEveryRecord
            || flow.flow.createsWhenUnmatched.contains { $0.hasSuffix(flow.target.entity) }
        let ambiguousSources = Set(links.ambiguous.map(\.source))
        for s in source.records.indices where !linkedSource.contains(s) && !ambiguousSources.contains(s) {
            if createsWhenUnmatched { links.creates.append(s) } else { links.unmatchedSource.append(s) }
        }
        links.unmatchedTarget = target.records.indices.filter { !linkedTarget.contains($0) }
        return links
    }

    /// Links by the merge combinations; returns the new pairs and records ambiguities and
    /// duplicates in `links`.
    private func mergeByRules(
        _ combinations: [MergeCombination], into links: inout FlowLinks,
        linkedSource: Set<Int>, linkedTarget: Set<Int>
    ) -> [(source: Int, target: Int, combination: Int)] {
        var merged: [(source: Int, target: Int, combination: Int)] = []
        // Keys per combination for every record; nil when a value is empty.
        let sourceKeys = source.records.map { record in
            combinations.map { Self.key(source, record, $0.pairs.map(\.source)) }
        }
        let targetKeys = target.records.map { record in
            combinations.map { Self.key(target, record, $0.pairs.map(\.target)) }
        }
        links.duplicateSource = Self.duplicates(sourceKeys)
        links.duplicateTarget = Self.duplicates(targetKeys)

        // Candidates among records not yet linked.
        var targetsByKey: [[String: [Int]]] = Array(repeating: [:], count: combinations.count)
        for (t, keys) in targetKeys.enumerated() where !linkedTarget.contains(t) {
            for (c, key) in keys.enumerated() { if let key { targetsByKey[c][key, default: []].append(t) } }
        }
        var sourcesByKey: [[String: [Int]]] = Array(repeating: [:], count: combinations.count)
        for (s, keys) in sourceKeys.enumerated() where !linkedSource.contains(s) {
            for (c, key) in keys.enumerated() { if let key { sourcesByKey[c][key, default: []].append(s) } }
        }
        func candidates(ofSource s: Int) -> (targets: [Int], combination: Int?) {
            var found: [Int] = []
            var first: Int? = nil
            for (c, key) in sourceKeys[s].enumerated() {
                guard let key, let targets = targetsByKey[c][key] else { continue }
                if first == nil { first = c }
                for t in targets where !found.contains(t) { found.append(t) }
            }
            return (found, first)
        }
        func claimants(ofTarget t: Int) -> [Int] {
            var found: [Int] = []
            for (c, key) in targetKeys[t].enumerated() {
                guard let key, let sources = sourcesByKey[c][key] else { continue }
                for s in sources where !found.contains(s) { found.append(s) }
            }
            return found
        }

        for s in source.records.indices where !linkedSource.contains(s) {
            let (targets, combination) = candidates(ofSource: s)
            guard !targets.isEmpty else { continue }
            if targets.count == 1, claimants(ofTarget: targets[0]) == [s], let combination {
                merged.append((s, targets[0], combination))
                continue
            }
            // Several candidates, or one candidate that several source records claim.
            let others = targets.count == 1 ? claimants(ofTarget: targets[0]).filter { $0 != s } : []
            links.ambiguous.append(Ambiguity(source: s, candidates: targets))
            let record = source.records[s]
            let candidateIDs = targets.map { target.records[$0].id }.joined(separator: ", ")
            let message = others.isEmpty
                ? "\(flow.source) \(record.id) matches \(targets.count) \(flow.target) records (\(candidateIDs)); not linked"
                : "\(flow.source) \(record.id) and \(others.map { source.records[$0].id }.joined(separator: ", ")) all match \(flow.target) \(candidateIDs); not linked"
            links.findings.append(Finding(
                .warning, .ambiguous, message, system: flow.source.system, entity: flow.source.entity,
                recordID: record.id, location: source.location(of: record)))
        }
        for (side, dataset, set) in [(flow.source, source, links.duplicateSource), (flow.target, target, links.duplicateTarget)] {
            for index in set.sorted() {
                let record = dataset.records[index]
                links.findings.append(Finding(
                    .info, .duplicate, "\(side) \(record.id) shares a merge value with another \(side.entity) record",
                    system: side.system, entity: side.entity, recordID: record.id, location: dataset.location(of: record)))
            }
        }
        return merged
    }

    /// The normalized values of a combination's properties joined, or nil when any is empty:
    /// empty values never link.
    static func key(_ dataset: Dataset, _ record: Record, _ paths: [String]) -> String? {
        var parts: [String] = []
        for path in paths {
            guard let value = dataset.value(record, path), !value.isEmpty, let text = value.text else { return nil }
            parts.append(normalize(text))
        }
        return parts.joined(separator: "\u{1F}")
    }

    /// Trimmed, Unicode-normalized (NFC) and case-folded.
    public static func normalize(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive], locale: nil)
    }

    /// Record indexes whose key, in some combination, another record of the same side shares.
    static func duplicates(_ keys: [[String?]]) -> Set<Int> {
        var result = Set<Int>()
        let combinations = keys.first?.count ?? 0
        for c in 0..<combinations {
            var seen: [String: Int] = [:]
            for (index, recordKeys) in keys.enumerated() {
                guard let key = recordKeys[c] else { continue }
                if let first = seen[key] {
                    result.insert(first)
                    result.insert(index)
                } else {
                    seen[key] = index
                }
            }
        }
        return result
    }
}
