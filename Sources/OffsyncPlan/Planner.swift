import OffsyncDiagnostics
import OffsyncDiff
import OffsyncModel
import OffsyncLink
import OffsyncSpec

/// Turns the diffs of all flows into one plan: operations merged per record (two flows may
/// write one target record), counts per flow, and every finding of the run.
public struct Planner {
    public let datasets: [Dataset]
    /// Write delete operations (`deletes: emit`, `--allow-deletes`); otherwise deletes are reported.
    public var emitDeletes: Bool
    /// The circuit breaker's share (`circuit-breaker`).
    public var breakerShare: Double
    /// Datasets with `output: csv`: their formula-like values are reported (`FormulaCheck`).
    public var csvOutputs: Set<DatasetKey>

    public init(datasets: [Dataset], emitDeletes: Bool = false, breakerShare: Double = 0.10, csvOutputs: Set<DatasetKey> = []) {
        self.datasets = datasets
        self.emitDeletes = emitDeletes
        self.breakerShare = breakerShare
        self.csvOutputs = csvOutputs
    }

    /// The plan of `diffs`. What state keeps of them is `LinkChanges(diffs)`, apart. Each
    /// flow's diff is let go of once it is planned: handed over, its memory goes as the
    /// plan's grows.
    public func plan(_ diffs: consuming [FlowDiff], identities: [MergedIdentity] = [], specFindings: [Finding] = []) -> Plan {
        let byKey = Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, $0) })
        // Sized up front: at four million records, growing the table was a tenth of planning.
        var builder = OperationBuilder(capacity: diffs.reduce(0) { total, diff in
            total + diff.pairs.count + diff.links.creates.count + diff.deletes.count
        })
        var flows: [FlowSummary] = []
        var findings = specFindings
        var rewritten: [DatasetKey: Set<String>] = [:]
        // Sized up front: grown by doubling, a million findings were copied again and again.
        findings.reserveCapacity(findings.count + datasets.reduce(0) { $0 + $1.findings.count } + diffs.reduce(0) {
            $0 + $1.links.findings.count + $1.findings.count + $1.links.unmatchedSource.count + $1.deletes.count
        })
        for dataset in datasets { findings += dataset.findings }

        var remaining = consume diffs
        remaining.reverse()
        while let diff = remaining.popLast() {
            let flow = diff.flow
            let flowName = flow.name
            let (sourceSlot, targetSlot) = (builder.slot(flow.source), builder.slot(flow.target))
            let source = byKey[flow.source]!
            let target = byKey[flow.target]!
            let links = diff.links
            findings += links.findings
            findings += diff.findings

            var counts = FlowCounts()
            counts.source = source.records.count
            counts.target = target.records.count
            counts.linked = links.pairs.count
            counts.matched = links.pairs.count(where: \.isMatch)
            counts.create = links.creates.count
            counts.ambiguous = links.ambiguous.count
            counts.unmatchedSource = links.unmatchedSource.count
            if flow.condition != nil { counts.notConnected = links.unmatchedSource.count }
            counts.notSelected = links.notSelected.count
            counts.unmatchedTarget = links.unmatchedTarget.count
            counts.invalid = source.invalidCount + target.invalidCount
            counts.duplicate = links.duplicateSource.count + links.duplicateTarget.count
            counts.orphan = links.orphans.filter { $0.sourcePresent || $0.targetPresent }.count
            counts.delete = diff.deletes.count
            counts.typeError = diff.typeErrors
            counts.unchanged = diff.unchanged
            counts.pendingReference = diff.pendingReferences.reduce(0, +)
            for (mapping, count) in zip(diff.mappings, diff.pendingReferences) where count > 0 {
                findings.append(Finding(
                    .info, .pendingReference,
                    "\(flowName): \(count) values of '\(mapping.source)' name records this run creates in \(flow.target.system); '\(mapping.target)' is written once they exist there: upload the creates, `offsync ack` the receipt, and run again",
                    system: flow.source.system, entity: flow.source.entity))
            }

            var conflicts: [FlowSummary.ConflictExample] = []
            var properties = zip(diff.mappings, diff.differing).map {
                PropertySummary(source: $0.source, target: $0.target, dataType: $0.dataType, differing: $1)
            }
            for pairDiff in diff.pairs {
                if pairDiff.updatesTarget { counts.updateTarget += 1 }
                if pairDiff.updatesSource { counts.updateSource += 1 }
                if pairDiff.hasConflict { counts.conflict += 1 }
                let s = source.records[pairDiff.pair.source]
                let t = target.records[pairDiff.pair.target]
                let sourceID = s.id, targetID = t.id
                // What an earlier run synced: the breaker judges rewrites of these only.
                let synced = pairDiff.pair.reason == .remembered
                for change in pairDiff.changes {
                    let p = change.property
                    switch change.direction {
                    case .toTarget: properties[p].toTarget += 1
                    case .toSource: properties[p].toSource += 1
                    case .conflict: break
                    }
                    if properties[p].examples.count < PropertySummary.examplesKept {
                        properties[p].examples.append(PropertySummary.ChangeExample(
                            sourceID: sourceID, targetID: targetID, sourceValue: change.seenInSource?.text, targetValue: change.seenInTarget?.text,
                            direction: Self.direction(change.direction),
                            reason: change.reason))
                    }
                    switch change.direction {
                    case .toTarget:
                        if let value = change.targetValue {
                            builder.update(targetSlot, id: targetID, path: change.mapping.target, value: value, seen: change.seenInTarget, flow: flowName)
                            if synced { rewritten[flow.target, default: []].insert(targetID) }
                        }
                    case .toSource:
                        if let value = change.sourceValue {
                            builder.update(sourceSlot, id: sourceID, path: change.mapping.source, value: value, seen: change.seenInSource, flow: flowName)
                            if synced { rewritten[flow.source, default: []].insert(sourceID) }
                        }
                    case .conflict:
                        break
                    }
                    if change.isConflict {
                        if conflicts.count < FlowSummary.examplesKept {
                            conflicts.append(FlowSummary.ConflictExample(
                                sourceID: sourceID, targetID: targetID, source: change.mapping.source, target: change.mapping.target,
                                sourceValue: change.seenInSource?.text, targetValue: change.seenInTarget?.text,
                                baseline: change.bothChanged ? .differsFromBoth : .none,
                                sourceStamp: source.changeStamp(s), targetStamp: target.changeStamp(t),
                                direction: Self.direction(change.direction), reason: change.reason))
                        }
                        findings.append(Finding(
                            change.direction == .conflict ? .warning : .info, .conflict,
                            "\(flowName): '\(change.mapping.source)' = \(change.seenInSource?.text ?? "") and '\(change.mapping.target)' = \(change.seenInTarget?.text ?? "") differ; \(change.reason)",
                            system: flow.source.system, entity: flow.source.entity, recordID: sourceID, location: source.location(of: s)))
                    }
                }
            }
            for (index, fields) in zip(links.creates, diff.creates) {
                let record = source.records[index]
                builder.create(targetSlot, correlation: flow.correlationValue(sourceID: record.id), fields: fields, flow: flowName)
            }
            for delete in diff.deletes {
                let record = target.records[delete.target]
                if emitDeletes {
                    builder.delete(targetSlot, id: record.id, basedOn: delete.basedOn, flow: flowName)
                } else {
                    findings.append(Finding(
                        .info, .orphan,
                        "\(flowName): \(flow.target) \(record.id) would be deleted (its \(flow.source) \(delete.link.sourceID) is gone); deletes are reported only (`deletes: emit` or --allow-deletes writes them)",
                        system: flow.target.system, entity: flow.target.entity, recordID: record.id, location: target.location(of: record)))
                }
            }
            // The text around the id once per flow: a fifth of a million-record flow is unmatched.
            let unmatchedPrefix = "\(flowName): \(flow.source) "
            var unmatchedSuffix = " has no \(flow.target.entity) with equal merge values"
            var unmatchedCode = Finding.Code.unmatched
            if let condition = flow.condition {
                // Every unmatched record of a conditional flow is one no connected record names.
                let connected = condition.connections.map(\.dataset.entity)
                unmatchedSuffix += connected.isEmpty
                    ? ", and the manifest binds none of the entities its creation waits on (\(condition.statement.connectedList)); not created"
                    : ", and no \(connected.joined(separator: " or ")) record synchronized into \(flow.target.system) names it; not created"
                unmatchedCode = .notConnected
            }
            let unmatched = Dataset.RecordFindings(.info, unmatchedCode, before: unmatchedPrefix, after: unmatchedSuffix, in: source)
            for index in links.unmatchedSource { findings.append(unmatched.finding(about: source.records[index])) }
            flows.append(FlowSummary(
                name: flowName, source: flow.source, target: flow.target, document: flow.document, counts: counts,
                properties: properties, conflicts: conflicts,
                ambiguities: Self.ambiguities(links.ambiguous.prefix(FlowSummary.examplesKept), flow: flow, source: source, target: target)))
        }
        findings += builder.findings
        let summaries = datasets.map {
            DatasetSummary(key: $0.key, files: $0.files, records: $0.records.count, invalid: $0.invalidCount)
        }
        let operations = builder.operations()
        findings += FormulaCheck.findings(for: operations, csvOutputs: csvOutputs)
        Self.sort(&findings)
        var plan = Plan(
            operations: operations, flows: flows, datasets: summaries,
            findings: findings, identities: identities)
        plan.breaker = breaker(
            operations, rewritten: rewritten, records: Dictionary(uniqueKeysWithValues: datasets.map { ($0.key, $0.records.count) }))
        return plan
    }

    /// How report.json names a change's direction.
    static func direction(_ direction: PropertyChange.Direction) -> String {
        switch direction {
        case .toTarget: "to_target"
        case .toSource: "to_source"
        case .conflict: "conflict"
        }
    }

    /// Ambiguous matches with the merge values of each record, every property of the flow's
    /// merge rules once.
    static func ambiguities(
        _ ambiguities: ArraySlice<Ambiguity>, flow: BoundFlow, source: Dataset, target: Dataset
    ) -> [FlowSummary.AmbiguityExample] {
        var sourceProperties: [String] = [], targetProperties: [String] = []
        for pair in flow.flow.mergeCombinations.flatMap(\.pairs) {
            if !sourceProperties.contains(pair.source) { sourceProperties.append(pair.source) }
            if !targetProperties.contains(pair.target) { targetProperties.append(pair.target) }
        }
        func side(_ dataset: Dataset, _ index: Int, _ properties: [String]) -> FlowSummary.AmbiguityExample.Side {
            let record = dataset.records[index]
            return .init(id: record.id, values: properties.map { .init(property: $0, value: dataset.value(record, $0)?.text) })
        }
        return ambiguities.map { ambiguity in
            .init(
                source: side(source, ambiguity.source, sourceProperties),
                candidates: ambiguity.candidates.map { side(target, $0, targetProperties) })
        }
    }

    /// The datasets whose deletes and rewrites exceed the breaker's share of their records.
    /// It judges what a run would undo of what earlier runs synced: deletes (of linked
    /// records), and updates of records linked by an earlier run (`rewritten`, ids by
    /// dataset); a first run's alignment of records never trips it, and neither does a dataset
    /// smaller than `CircuitBreaker.smallestJudged`.
    func breaker(_ operations: [Operation], rewritten: [DatasetKey: Set<String>], records: [DatasetKey: Int]) -> CircuitBreaker {
        var touched: [DatasetKey: (deletes: Int, updates: Int)] = [:]
        for operation in operations where operation.kind == .delete { touched[operation.dataset, default: (0, 0)].deletes += 1 }
        for (key, ids) in rewritten { touched[key, default: (0, 0)].updates = ids.count }
        let trips = touched.keys.sorted().compactMap { key -> CircuitBreaker.Trip? in
            let (deletes, updates) = touched[key]!
            let trip = CircuitBreaker.Trip(dataset: key, records: records[key] ?? 0, deletes: deletes, updates: updates)
            return trip.records >= CircuitBreaker.smallestJudged && trip.share > breakerShare ? trip : nil
        }
        return CircuitBreaker(share: breakerShare, trips: trips)
    }

    /// Puts findings in `order`: each one's place packed into two integers beside its index,
    /// those sorted side by side (a comparison reads the message only between findings of one
    /// place), then each cycle of the order moved by swaps in the array itself (sorting the
    /// findings themselves copied each, seven strings, at every move).
    static func sort(_ findings: inout [Finding]) {
        // Each place field's values get an id in the order met (findings come in runs of one
        // place, so most lookups are the value before), then a rank in sorted order.
        struct Ranking {
            private var ids: [String: UInt64] = [:]
            private var values: [String] = []
            private var last: (value: String, id: UInt64)?

            mutating func id(_ value: String) -> UInt64 {
                if let last, last.value == value { return last.id }
                let id = ids[value] ?? {
                    values.append(value)
                    ids[value] = UInt64(values.count - 1)
                    return UInt64(values.count - 1)
                }()
                last = (value, id)
                return id
            }

            var count: Int { values.count }

            /// Rank by id.
            func ranks() -> [UInt64] {
                var ranks = [UInt64](repeating: 0, count: values.count)
                for (rank, id) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() { ranks[id] = UInt64(rank) }
                return ranks
            }
        }
        var codes = Ranking(), systems = Ranking(), entities = Ranking(), files = Ranking()
        // A finding's place as two integers beside its index, sorted where they are.
        struct Key {
            var first: UInt64
            var second: UInt64
            var index: Int
        }
        var keys = findings.indices.map { index -> Key in
            let finding = findings[index]
            let severity = UInt64(2 - (Finding.Severity.allCases.firstIndex(of: finding.severity) ?? 0))
            let first = severity << 60 | codes.id(finding.code.rawValue) << 40 | systems.id(finding.system ?? "") << 20 | entities.id(finding.entity ?? "")
            let line = UInt64(max(0, min(finding.location?.line ?? 0, 1 << 39)))
            return Key(first: first, second: files.id(finding.location?.file ?? "") << 40 | line, index: index)
        }
        guard codes.count < 1 << 20, systems.count < 1 << 20, entities.count < 1 << 20, files.count < 1 << 24 else {
            return findings.sort(by: order)
        }
        let (codeRanks, systemRanks, entityRanks, fileRanks) = (codes.ranks(), systems.ranks(), entities.ranks(), files.ranks())
        let mask: UInt64 = (1 << 20) - 1
        for k in keys.indices {
            let first = keys[k].first
            keys[k].first = first & (0xF << 60) | codeRanks[Int(first >> 40 & mask)] << 40
                | systemRanks[Int(first >> 20 & mask)] << 20 | entityRanks[Int(first & mask)]
            keys[k].second = fileRanks[Int(keys[k].second >> 40)] << 40 | keys[k].second & ((1 << 40) - 1)
        }
        keys.sort { a, b in
            if a.first != b.first { return a.first < b.first }
            if a.second != b.second { return a.second < b.second }
            return Finding.messageSortsBefore(findings[a.index], findings[b.index])
        }
        // Each cycle of the order is moved by swaps, in the array itself.
        var placed = [Bool](repeating: false, count: findings.count)
        for start in findings.indices where !placed[start] {
            var current = start
            while true {
                placed[current] = true
                let next = keys[current].index
                if next == start { break }
                findings.swapAt(current, next)
                current = next
            }
        }
    }

    /// Findings sorted for stable reports: most severe first, then by code and place, the
    /// message last.
    static func order(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.code != b.code { return a.code < b.code }
        if a.system != b.system { return (a.system ?? "") < (b.system ?? "") }
        if a.entity != b.entity { return (a.entity ?? "") < (b.entity ?? "") }
        let aFile = a.location?.file ?? "", bFile = b.location?.file ?? ""
        if aFile != bFile { return aFile < bFile }
        let aLine = a.location?.line ?? 0, bLine = b.location?.line ?? 0
        if aLine != bLine { return aLine < bLine }
        return Finding.messageSortsBefore(a, b)
    }
}

/// Collects operations, merging those that address one record.
struct OperationBuilder {
    /// A dataset operations go to, numbered as first met: a key of two strings hashed once per
    /// flow instead of once per operation.
    typealias Slot = Int

    /// The record an operation addresses: a create's correlation value stands for its id.
    struct Key: Hashable {
        var slot: Slot
        var kind: Operation.Kind
        var id: String
    }

    private var byKey: [Key: Operation] = [:]
    private var datasets: [DatasetKey] = []
    private var slots: [DatasetKey: Slot] = [:]

    init(capacity: Int = 0) { byKey.reserveCapacity(capacity) }
    var findings: [Finding] = []

    mutating func slot(_ dataset: DatasetKey) -> Slot {
        if let slot = slots[dataset] { return slot }
        datasets.append(dataset)
        slots[dataset] = datasets.count - 1
        return datasets.count - 1
    }

    mutating func update(_ slot: Slot, id: String, path: String, value: FieldValue, seen: FieldValue?, flow: String) {
        let key = Key(slot: slot, kind: .update, id: id)
        let dataset = datasets[slot]
        var operation = byKey[key] ?? Operation(
            kind: .update, dataset: dataset, recordID: id, correlation: nil, fields: [], basedOn: [], flows: [])
        if let existing = operation.fields.first(where: { $0.path == path }) {
            if existing.value != value {
                findings.append(Finding(
                    .warning, .conflict,
                    "two flows write different values to '\(path)' of \(dataset) \(id) (\(existing.value.text ?? "") by \(operation.flows.joined(separator: ", ")), \(value.text ?? "") by \(flow)); the first is kept",
                    system: dataset.system, entity: dataset.entity, recordID: id))
            }
        } else {
            operation.fields.append((path, value))
            operation.basedOn.append((path, seen))
        }
        if !operation.flows.contains(flow) { operation.flows.append(flow) }
        byKey[key] = operation
    }

    mutating func delete(_ slot: Slot, id: String, basedOn: [(path: String, value: FieldValue?)], flow: String) {
        let key = Key(slot: slot, kind: .delete, id: id)
        var operation = byKey[key] ?? Operation(
            kind: .delete, dataset: datasets[slot], recordID: id, correlation: nil, fields: [], basedOn: basedOn, flows: [])
        if !operation.flows.contains(flow) { operation.flows.append(flow) }
        byKey[key] = operation
    }

    mutating func create(_ slot: Slot, correlation: String, fields: [(path: String, value: FieldValue)], flow: String) {
        let key = Key(slot: slot, kind: .create, id: correlation)
        byKey[key] = Operation(
            kind: .create, dataset: datasets[slot], recordID: nil, correlation: correlation, fields: fields, basedOn: [], flows: [flow])
    }

    /// Sorted by dataset, kind and id: the order import files are written in. The sort moves
    /// small keys, not operations (large values to move), and ranks the few datasets once.
    func operations() -> [Operation] {
        let ranked = datasets.indices.sorted { datasets[$0] < datasets[$1] }
        var rank = [Int](repeating: 0, count: datasets.count)
        for (position, slot) in ranked.enumerated() { rank[slot] = position }
        // Keys with the table's own indexes: the operations are copied once, in order.
        var keys = byKey.indices.map { index in
            let key = byKey.keys[index]
            return (rank: rank[key.slot] * 3 + key.kind.rank, id: key.id, index: index)
        }
        keys.sort { a, b in a.rank != b.rank ? a.rank < b.rank : a.id < b.id }
        return keys.map { byKey.values[$0.index] }
    }
}
