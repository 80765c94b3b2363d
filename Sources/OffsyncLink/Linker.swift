import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

/// Links the records of one flow the way the vendor's live sync does: remembered links first,
/// then records the sync created (by correlation value), then the merge rules on normalized
/// values; a remaining source record of a flow that syncs every record becomes a create.
/// Linking by content needs every flow's links and happens in `Identities`.
public struct Linker {
    public let flow: BoundFlow
    public let source: Dataset
    public let target: Dataset
    /// Merge keys already made this run, shared with the other flows' linkers.
    let keys: MergeKeyColumns
    /// Datasets' integer ids in order, made this run, shared likewise.
    let idOrders: IntegerIDOrders
    /// Source records per stretch matched on a core of its own (tests set it low).
    public var stretch = 50_000

    public init(flow: BoundFlow, source: Dataset, target: Dataset) {
        self.init(flow: flow, source: source, target: target, keys: MergeKeyColumns())
    }

    init(flow: BoundFlow, source: Dataset, target: Dataset, keys: MergeKeyColumns, idOrders: IntegerIDOrders = IntegerIDOrders()) {
        self.flow = flow
        self.source = source
        self.target = target
        self.keys = keys
        self.idOrders = idOrders
    }

    public func link(remembered: [RememberedLink] = []) -> FlowLinks {
        var links = FlowLinks(flow: flow)
        var linkedSource = Flags(count: source.records.count)
        var linkedTarget = Flags(count: target.records.count)
        func pair(_ s: Int, _ t: Int, _ reason: LinkedPair.Reason, remembered: Int? = nil) {
            links.pairs.append(LinkedPair(source: s, target: t, reason: reason, remembered: remembered))
            linkedSource.insert(s)
            linkedTarget.insert(t)
        }

        // 1. Remembered links; one whose record vanished from an export is an orphan, and the
        // record still present is neither matched again nor created again.
        let name = flow.name
        let mine = remembered.indices.filter { remembered[$0].flow == name }
        let sourceNumbers = source.recordNumbers(ofKeys: mine.map { remembered[$0].sourceKey }, orders: idOrders)
        let targetNumbers = target.recordNumbers(ofKeys: mine.map { remembered[$0].targetKey }, orders: idOrders)
        for (k, index) in mine.enumerated() {
            let link = remembered[index]
            let s = sourceNumbers[k]
            let t = targetNumbers[k]
            guard let s, let t else {
                links.orphans.append(Orphan(link: link, sourceIndex: s, targetIndex: t))
                if let s { linkedSource.insert(s) }
                if let t { linkedTarget.insert(t) }
                continue
            }
            guard !linkedSource.contains(s), !linkedTarget.contains(t) else { continue }
            pair(s, t, .remembered, remembered: index)
        }

        // 2. Records the sync created, found by their correlation value.
        if let field = target.spec.correlation, let path = target.paths.id(of: field) {
            // Values this flow wrote are its prefix and a source id: looked up by the id, no
            // correlation value is made per source record.
            // Compared as bytes, ids keyed as state keys them (no `String` per record); text
            // that is not ASCII after the prefix is compared as Swift compares text.
            let prefix = flow.correlationValue(sourceID: "")
            let prefixBytes = Array(prefix.utf8)
            let prefixIsASCII = prefixBytes.allSatisfy { $0 < 0x80 }
            var byID = RecordIDCodes(capacity: 0)
            defer { byID.deallocate() }
            var found = false
            target.records.forEachView { t, record in
                guard !linkedTarget.contains(t) else { return }
                record.withValueBytes(at: path) { value in
                    guard let value else { return }
                    if value.starts(with: prefixBytes), value.count == prefixBytes.count || value[prefixBytes.count] < 0x80 {
                        byID.set(RecordID(bytes: UnsafeBufferPointer(rebasing: value[prefixBytes.count...])), Int32(t))
                        found = true
                    } else if !prefixIsASCII || value.contains(where: { $0 >= 0x80 }) {
                        let text = String(decoding: value, as: UTF8.self)
                        guard text.hasPrefix(prefix) else { return }
                        byID.set(RecordID(String(text.dropFirst(prefix.count))), Int32(t))
                        found = true
                    }
                }
            }
            if found {
                source.records.forEachView { s, record in
                    guard !linkedSource.contains(s), let t = byID.code(of: record.idKey).map(Int.init),
                          !linkedTarget.contains(t) else { return }
                    pair(s, t, .correlation)
                }
            }
        }

        // The dataflow's `where`: records it does not select keep the links made above (they
        // were synchronized before), but are neither matched by rules nor created.
        if !flow.where.isEmpty {
            // Paths resolved once; a path no record has selects nothing.
            let conditions = flow.where.map { (source.paths.id(of: $0.path), $0.value.lowercased()) }
            links.notSelected = source.records.indices.filter { s in
                !linkedSource.contains(s) && !conditions.allSatisfy { path, wanted in
                    path.flatMap { source.records[s].value(at: $0) }?.text?.lowercased() == wanted
                }
            }
        }
        for s in links.notSelected { linkedSource.insert(s) }

        // 3. Merge rules.
        let combinations = flow.flow.mergeCombinations
        if !combinations.isEmpty {
            let merged = mergeByRules(combinations, into: &links, linkedSource: linkedSource, linkedTarget: linkedTarget)
            links.pairs.reserveCapacity(links.pairs.count + merged.count)
            for (s, t, combination) in merged { pair(s, t, .merged(combination: combination)) }
        }

        // 4. What is left.
        var ambiguousSources = Flags(count: source.records.count)
        for ambiguity in links.ambiguous { ambiguousSources.insert(ambiguity.source) }
        for s in source.records.indices where !linkedSource.contains(s) && !ambiguousSources.contains(s) {
            if flow.createsWhenUnmatched { links.creates.append(s) } else { links.unmatchedSource.append(s) }
        }
        links.unmatchedTarget = target.records.indices.filter { !linkedTarget.contains($0) }
        return links
    }

    /// Records between the steps of asking for a source record's table places ahead of its turn.
    static let lookahead = 8

    /// Links by the merge combinations; returns the new pairs and records ambiguities and
    /// duplicates in `links`.
    private func mergeByRules(
        _ combinations: [MergeCombination], into links: inout FlowLinks,
        linkedSource: Flags, linkedTarget: Flags
    ) -> [(source: Int, target: Int, combination: Int)] {
        // Both sides' keys and tables at once, on two cores; then every lookup only reads them.
        keys.prepare([
            MergeKeys.request(source, combinations: combinations, side: \.source, comparison: flow.comparison),
            MergeKeys.request(target, combinations: combinations, side: \.target, comparison: flow.comparison),
        ].flatMap { $0 })
        let sourceKeys = MergeKeys(source, combinations: combinations, side: \.source, comparison: flow.comparison, shared: keys)
        let targetKeys = MergeKeys(target, combinations: combinations, side: \.target, comparison: flow.comparison, shared: keys)
        links.duplicateSource = sourceKeys.duplicates()
        links.duplicateTarget = targetKeys.duplicates()

        // Candidates among records not yet linked.
        // Plain pointers into the columns, which `sourceKeys` and `targetKeys` keep alive.
        let sourceColumns = sourceKeys.columns.map(\.keys), targetColumns = targetKeys.columns.map(\.keys)
        let targetTables = targetKeys.columns.map(\.table), sourceTables = sourceKeys.columns.map(\.table)
        @Sendable func candidates(ofSource s: Int) -> (targets: [Int], combination: Int?) {
            // One combination (most flows): its records are the candidates, no merging of lists.
            if combinations.count == 1 {
                let targets = targetTables[0].records(matching: sourceColumns[0], s) { !linkedTarget.contains($0) }
                return (targets, targets.isEmpty ? nil : 0)
            }
            var found: [Int] = []
            var first: Int? = nil
            for c in combinations.indices {
                let targets = targetTables[c].records(matching: sourceColumns[c], s) { !linkedTarget.contains($0) }
                guard !targets.isEmpty else { continue }
                if first == nil { first = c }
                for t in targets where !found.contains(t) { found.append(t) }
            }
            return (found, first)
        }
        @Sendable func claimants(ofTarget t: Int) -> [Int] {
            if combinations.count == 1 {
                return sourceTables[0].records(matching: targetColumns[0], t) { !linkedSource.contains($0) }
            }
            var found: [Int] = []
            for c in combinations.indices {
                for s in sourceTables[c].records(matching: targetColumns[c], t, where: { !linkedSource.contains($0) }) where !found.contains(s) {
                    found.append(s)
                }
            }
            return found
        }

        /// What one stretch of the source records finds: pairs, ambiguities and their findings.
        struct Stretch: Sendable {
            var merged: [(source: Int, target: Int, combination: Int)] = []
            var ambiguous: [Ambiguity] = []
            var findings: [Finding] = []
        }
        let (flow, source, target) = (self.flow, self.source, self.target)
        let count = source.records.count
        let parts = (0..<count).stretches(of: stretch).concurrentMap { range in
            var part = Stretch()
            for s in range where !linkedSource.contains(s) {
                // One combination, one candidate that only this record claims (most records):
                // decided without making a list. The tables are read at random: the places a
                // record a few ahead looks at are asked for first, in two steps.
                if combinations.count == 1 {
                    if s + 2 * Self.lookahead < range.upperBound, sourceColumns[0].hasKey(s + 2 * Self.lookahead) {
                        targetTables[0].prefetchSlot(matching: sourceColumns[0], s + 2 * Self.lookahead)
                        sourceTables[0].prefetchSlot(matching: sourceColumns[0], s + 2 * Self.lookahead)
                    }
                    if s + Self.lookahead < range.upperBound, sourceColumns[0].hasKey(s + Self.lookahead) {
                        targetTables[0].prefetchFirst(matching: sourceColumns[0], s + Self.lookahead)
                    }
                    let (count, t) = targetTables[0].countUpToTwo(matching: sourceColumns[0], s) { !linkedTarget.contains($0) }
                    if count == 0 { continue }
                    if count == 1,
                       sourceTables[0].countUpToTwo(matching: targetColumns[0], t, where: { !linkedSource.contains($0) }) == (1, s) {
                        part.merged.append((s, t, 0))
                        continue
                    }
                }
                let (targets, combination) = candidates(ofSource: s)
                guard !targets.isEmpty else { continue }
                if targets.count == 1, claimants(ofTarget: targets[0]) == [s], let combination {
                    part.merged.append((s, targets[0], combination))
                    continue
                }
                // Several candidates, or one candidate that several source records claim.
                let others = targets.count == 1 ? claimants(ofTarget: targets[0]).filter { $0 != s } : []
                part.ambiguous.append(Ambiguity(source: s, candidates: targets))
                let record = source.records[s]
                let candidateIDs = targets.map { target.records[$0].id }.joined(separator: ", ")
                let message = others.isEmpty
                    ? "\(flow.source) \(record.id) matches \(targets.count) \(flow.target) records (\(candidateIDs)); not linked"
                    : "\(flow.source) \(record.id) and \(others.map { source.records[$0].id }.joined(separator: ", ")) all match \(flow.target) \(candidateIDs); not linked"
                part.findings.append(Finding(
                    .warning, .ambiguous, message, system: flow.source.system, entity: flow.source.entity,
                    recordID: record.id, location: source.location(of: record)))
            }
            return part
        }
        withExtendedLifetime((sourceKeys, targetKeys)) {}
        var merged: [(source: Int, target: Int, combination: Int)] = []
        for part in parts {
            merged += part.merged
            links.ambiguous += part.ambiguous
            links.findings += part.findings
        }
        for (side, dataset, set) in [(flow.source, source, links.duplicateSource), (flow.target, target, links.duplicateTarget)] {
            let duplicates = Dataset.RecordFindings(
                .info, .duplicate, before: "\(side) ", after: " shares a merge value with another \(side.entity) record", in: dataset)
            for index in set.sorted() { links.findings.append(duplicates.finding(about: dataset.records[index])) }
        }
        return merged
    }
}

extension Dataset {
    /// The number of the record with each id, nil where none has it (ids are unique after
    /// loading). Both lists are put in id order and walked once, side by side: exports mostly
    /// list records by id and state lists links by source id, so each sort mostly finds its
    /// input in order, and no id becomes a `String` or is hashed. `orders` keeps this
    /// dataset's integer ids in order for the next flow that asks.
    func recordNumbers(ofIDs ids: [String], orders: IntegerIDOrders? = nil) -> [Int?] {
        recordNumbers(ofKeys: ids.map(RecordID.init), orders: orders)
    }

    /// `recordNumbers(ofIDs:)` of ids keyed as state keys them.
    func recordNumbers(ofKeys wanted: [RecordID], orders: IntegerIDOrders? = nil) -> [Int?] {
        guard !wanted.isEmpty else { return [] }
        if let queries = Self.integerQueries(wanted) {
            return Self.walk(queries, orders?.order(of: self) ?? integerIDOrder(), count: wanted.count)
        }
        let have = records.indices.map { records.idKey(at: $0) }
        let queries = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        let order = have.indices.sorted { have[$0] < have[$1] }
        var numbers = [Int?](repeating: nil, count: wanted.count)
        var next = 0
        for query in queries {
            let id = wanted[query]
            while next < order.count, have[order[next]] < id { next += 1 }
            if next < order.count, have[order[next]] == id { numbers[query] = order[next] }
        }
        return numbers
    }

    /// The records with integer ids, by id: the other side of `recordNumbers`' walk when every
    /// id asked for is an integer (the usual export). Plain pairs of numbers sort without the
    /// enum's comparisons and reference counting. Records with text ids are left out: no
    /// integer equals them.
    func integerIDOrder() -> [(value: Int64, index: Int)] {
        var order: [(value: Int64, index: Int)] = []
        order.reserveCapacity(records.count)
        records.forEachView { index, record in
            if case .integer(let value) = record.idKey { order.append((value, index)) }
        }
        order.sort { $0.value < $1.value }
        return order
    }

    /// The ids asked for as (value, index) pairs in id order; nil when one of them is text.
    private static func integerQueries(_ wanted: [RecordID]) -> [(value: Int64, index: Int)]? {
        var queries: [(value: Int64, index: Int)] = []
        queries.reserveCapacity(wanted.count)
        for (index, id) in wanted.enumerated() {
            guard case .integer(let value) = id else { return nil }
            queries.append((value, index))
        }
        queries.sort { $0.value < $1.value }
        return queries
    }

    private static func walk(_ queries: [(value: Int64, index: Int)], _ order: [(value: Int64, index: Int)], count: Int) -> [Int?] {
        var numbers = [Int?](repeating: nil, count: count)
        var next = 0
        for query in queries {
            while next < order.count, order[next].value < query.value { next += 1 }
            if next < order.count, order[next].value == query.value { numbers[query.index] = order[next].index }
        }
        return numbers
    }
}

/// Each dataset's `integerIDOrder`, made once per run: several flows look up the same target
/// dataset by remembered links (Users, from contacts and from customers).
final class IntegerIDOrders {
    private var made: [DatasetKey: [(value: Int64, index: Int)]] = [:]

    func order(of dataset: Dataset) -> [(value: Int64, index: Int)] {
        if let order = made[dataset.key] { return order }
        let order = dataset.integerIDOrder()
        made[dataset.key] = order
        return order
    }
}

/// Record indexes as one flag each: a million inserts and lookups without hashing.
struct Flags {
    private var bits: [Bool]

    init(count: Int) {
        bits = Array(repeating: false, count: count)
    }

    mutating func insert(_ index: Int) { bits[index] = true }

    func contains(_ index: Int) -> Bool { bits[index] }
}
