import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

/// Links every flow of a workspace, then what needs all flows at once: records the sync
/// created, found again by content, and the identities several flows share (one YouTrack user
/// linked from a Contactperson and from a Customers person).
public struct Identities: Sendable {
    public var flows: [FlowLinks]
    /// Target records linked from more than one source record across flows.
    public var merged: [MergedIdentity]

    /// `linked` is told, after each flow, how many flows and linked pairs there are so far.
    public init(
        flows: [BoundFlow], datasets: [DatasetKey: Dataset], remembered: [RememberedLink],
        linked: (_ flows: Int, _ pairs: Int) -> Void = { _, _ in }
    ) {
        let keys = MergeKeyColumns()
        let idOrders = IntegerIDOrders()
        var pairs = 0
        var all = flows.enumerated().map { index, flow in
            let links = Linker(flow: flow, source: datasets[flow.source]!, target: datasets[flow.target]!, keys: keys, idOrders: idOrders)
                .link(remembered: remembered)
            pairs += links.pairs.count
            linked(index + 1, pairs)
            return links
        }
        Self.applyConditions(&all, datasets: datasets)
        Self.linkByContent(&all, datasets: datasets)
        Self.dropCreatesLinkedBySibling(&all)
        for index in all.indices { Self.reportOrphans(&all[index]) }
        self.flows = all
        self.merged = Self.mergedIdentities(all, datasets: datasets)
    }

    /// Sections of one document may bind the same source and target datasets (a merge section
    /// and an "Every X will be synchronized with a Y" section): a record one of them links, or
    /// finds ambiguous, is not created again by another, which would duplicate the target record.
    static func dropCreatesLinkedBySibling(_ all: inout [FlowLinks]) {
        let groups = Dictionary(grouping: all.indices) { [all[$0].flow.source, all[$0].flow.target] }.values.filter { $0.count > 1 }
        for group in groups {
            var decided = Set<Int>()
            for index in group {
                for pair in all[index].pairs { decided.insert(pair.source) }
                for ambiguity in all[index].ambiguous { decided.insert(ambiguity.source) }
            }
            for index in group {
                let before = all[index].creates.count
                all[index].creates.removeAll { decided.contains($0) }
                let dropped = before - all[index].creates.count
                guard dropped > 0 else { continue }
                let flow = all[index].flow
                all[index].findings.append(Finding(
                    .info, .linkedBySibling,
                    "\(flow.name): \(dropped) \(flow.source) records another section of the document links to \(flow.target) (or finds ambiguous) are not created again",
                    system: flow.source.system, entity: flow.source.entity, location: flow.flow.location))
            }
        }
    }

    /// A create whose target record already exists (uploaded, but the target keeps no
    /// correlation value and no receipt was given): every mapped property equal, one candidate
    /// on each side, and the target record linked by no flow.
    static func linkByContent(_ all: inout [FlowLinks], datasets: [DatasetKey: Dataset]) {
        // Target records some flow links or finds ambiguous, one flag each.
        var linkedTargets: [DatasetKey: Flags] = [:]
        for links in all {
            var taken = linkedTargets.removeValue(forKey: links.flow.target) ?? Flags(count: datasets[links.flow.target]!.records.count)
            for pair in links.pairs { taken.insert(pair.target) }
            for ambiguity in links.ambiguous { for t in ambiguity.candidates { taken.insert(t) } }
            linkedTargets[links.flow.target] = taken
        }
        for index in all.indices where !all[index].creates.isEmpty {
            let flow = all[index].flow
            // References hold ids of each side's own system: never equal as written.
            let properties = flow.properties.filter { flow.references[$0.source] == nil }
            guard !properties.isEmpty else { continue }
            let source = datasets[flow.source]!
            let target = datasets[flow.target]!
            let pairs = properties.map { PropertyPair(source: $0.source, target: $0.target) }
            let combination = [MergeCombination(pairs: pairs)]
            // Both sides' keys at once, on two cores.
            let shared = MergeKeyColumns()
            shared.prepare(
                MergeKeys.request(source, combinations: combination, side: \.source, comparison: flow.comparison, emptyMatchesEmpty: true)
                    + MergeKeys.request(target, combinations: combination, side: \.target, comparison: flow.comparison, emptyMatchesEmpty: true))
            let sourceKeys = MergeKeys(source, combinations: combination, side: \.source, comparison: flow.comparison, emptyMatchesEmpty: true, shared: shared)
            let targetKeys = MergeKeys(target, combinations: combination, side: \.target, comparison: flow.comparison, emptyMatchesEmpty: true, shared: shared)
            var taken = linkedTargets.removeValue(forKey: flow.target) ?? Flags(count: target.records.count)
            var isCandidate = Flags(count: target.records.count)
            for t in all[index].unmatchedTarget where !taken.contains(t) { isCandidate.insert(t) }
            let byKey = targetKeys.columns[0].table
            var claimed: [Int: [Int]] = [:]
            for s in all[index].creates {
                let targets = byKey.records(matching: sourceKeys.columns[0].keys, s) { isCandidate.contains($0) }
                if targets.count == 1 { claimed[targets[0], default: []].append(s) }
            }
            withExtendedLifetime((sourceKeys, targetKeys)) {}
            var linked: [Int: Int] = [:]
            for (t, sources) in claimed where sources.count == 1 { linked[sources[0]] = t }
            for t in linked.values { taken.insert(t) }
            linkedTargets[flow.target] = taken
            guard !linked.isEmpty else { continue }
            all[index].creates.removeAll { linked[$0] != nil }
            let linkedTargetSet = Set(linked.values)
            all[index].unmatchedTarget.removeAll { linkedTargetSet.contains($0) }
            for (s, t) in linked.sorted(by: { $0.key < $1.key }) {
                all[index].pairs.append(LinkedPair(source: s, target: t, reason: .content))
                let record = source.records[s]
                all[index].findings.append(Finding(
                    .info, .linkedByContent,
                    "\(flow.name): \(flow.source) \(record.id) linked by content to \(flow.target) \(target.records[t].id) (every mapped property equal; the target keeps no correlation value for it)",
                    system: flow.source.system, entity: flow.source.entity, recordID: record.id, location: source.location(of: record)))
            }
        }
    }

    static func reportOrphans(_ links: inout FlowLinks) {
        for orphan in links.orphans {
            if !orphan.sourcePresent && !orphan.targetPresent {
                links.findings.append(Finding(
                    .info, .orphan,
                    "\(links.flow.name): both records of the link \(orphan.link.sourceID) → \(orphan.link.targetID) are gone (deleted on both sides); the link is forgotten",
                    system: links.flow.source.system, entity: links.flow.source.entity, recordID: orphan.link.sourceID))
                continue
            }
            let gone = [orphan.sourcePresent ? nil : "\(links.flow.source) \(orphan.link.sourceID)",
                        orphan.targetPresent ? nil : "\(links.flow.target) \(orphan.link.targetID)"].compactMap { $0 }
            links.findings.append(Finding(
                .warning, .orphan,
                "\(links.flow.name): the link \(orphan.link.sourceID) → \(orphan.link.targetID) (since \(orphan.link.since ?? "an earlier run")) has lost \(gone.joined(separator: " and ")): gone from the export",
                system: orphan.sourcePresent ? links.flow.target.system : links.flow.source.system,
                entity: orphan.sourcePresent ? links.flow.target.entity : links.flow.source.entity,
                recordID: orphan.sourcePresent ? orphan.link.targetID : orphan.link.sourceID))
        }
    }

    static func mergedIdentities(_ all: [FlowLinks], datasets: [DatasetKey: Dataset]) -> [MergedIdentity] {
        struct TargetRecord: Hashable { var dataset: DatasetKey; var index: Int }
        // Count first: only target records linked more than once need their members listed.
        var linkCount: [DatasetKey: [UInt8]] = [:]
        for links in all {
            let count = datasets[links.flow.target]!.records.count
            var counts = linkCount[links.flow.target] ?? Array(repeating: 0, count: count)
            for pair in links.pairs where counts[pair.target] < 2 { counts[pair.target] += 1 }
            linkCount[links.flow.target] = counts
        }
        var members: [TargetRecord: [MergedIdentity.Member]] = [:]
        for links in all {
            let source = datasets[links.flow.source]!
            let counts = linkCount[links.flow.target] ?? []
            for pair in links.pairs where counts[pair.target] > 1 {
                members[TargetRecord(dataset: links.flow.target, index: pair.target), default: []]
                    .append(MergedIdentity.Member(dataset: links.flow.source, id: source.records[pair.source].id, flow: links.flow.name))
            }
        }
        return members.filter { $0.value.count > 1 }
            .map { key, members in
                MergedIdentity(dataset: key.dataset, id: datasets[key.dataset]!.records[key.index].id, members: members)
            }
            .sorted { ($0.dataset.description, $0.id) < ($1.dataset.description, $1.id) }
    }
}

/// One target record that several source records are linked to, through one or more flows.
public struct MergedIdentity: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var dataset: DatasetKey
        public var id: String
        public var flow: String

        public init(dataset: DatasetKey, id: String, flow: String) {
            self.dataset = dataset
            self.id = id
            self.flow = flow
        }
    }

    public var dataset: DatasetKey
    public var id: String
    public var members: [Member]

    public init(dataset: DatasetKey, id: String, members: [Member]) {
        self.dataset = dataset
        self.id = id
        self.members = members
    }
}
