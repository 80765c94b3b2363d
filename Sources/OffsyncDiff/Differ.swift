import OffsyncDiagnostics
import OffsyncModel
import OffsyncLink
import OffsyncSpec

/// Compares the mapped properties of every linked pair against each other and against the
/// baseline, by the property's data type, and decides which side gets which value: only the
/// source changed → the target, only the target changed → the source, both → the conflict
/// policy. Ids of other linked entities are translated through the links of the flow that
/// syncs them, never copied raw.
public struct Differ: Sendable {
    public let datasets: [DatasetKey: Dataset]
    /// Every flow's links, to translate references.
    public let allLinks: [FlowLinks]
    /// The workspace's policy; a flow's own `conflicts:` comes first.
    public let policy: ConflictPolicy
    public let baselines: Baselines
    /// Whether to list the baselines that advance: only a run that updates state needs them
    /// (a million pairs make millions of entries).
    public var collectsBaselines = true
    /// Pairs per stretch diffed on a core of its own: a flow of a million pairs uses both cores,
    /// a small one stays on one (tests set it low to diff in many stretches).
    public var stretch = 50_000

    public init(datasets: [DatasetKey: Dataset], allLinks: [FlowLinks], policy: ConflictPolicy, baselines: Baselines = Baselines()) {
        self.datasets = datasets
        self.allLinks = allLinks
        self.policy = policy
        self.baselines = baselines
    }

    public func diff(_ links: FlowLinks) -> FlowDiff {
        let flow = links.flow
        let source = datasets[flow.source]!
        let target = datasets[flow.target]!
        let policy = flow.conflicts ?? self.policy
        var findings: [Finding] = []
        let mappings = usableMappings(flow, target: target, findings: &findings)
        // Kept to the end of the flow's diff; the translators are views of them.
        let tables = mappings.map { referenceTables(for: $0, in: flow) }
        defer { withExtendedLifetime(tables) {} }
        let translators = tables.map { $0.map(Translator.init) }
        let types = mappings.map { flow.dataType(of: $0) }

        // Once per flow, not per pair: names and paths are the same for every record.
        let baselineKeys = mappings.map(\.baselineKey)
        let baselineProperties = baselineKeys.map { baselines.propertyID($0) }
        let sourcePaths = mappings.map { source.paths.id(of: $0.source) }
        let targetPaths = mappings.map { target.paths.id(of: $0.target) }
        let prefetchedPaths = Array(Set(targetPaths.compactMap { $0 })).sorted()
        let prefetchedReferences = mappings.indices.compactMap { m in
            translators[m].flatMap { translator in sourcePaths[m].map { (translator, $0) } }
        }
        // Text compared as it is, on both sides: equal bytes are an equal value.
        let plainText = mappings.indices.map {
            types[$0] == .text && translators[$0] == nil && sourcePaths[$0] != nil && targetPaths[$0] != nil
        }

        /// The pairs of one stretch of the flow's links, diffed on their own.
        struct Stretch: Sendable {
            var pairs: [PairDiff] = []
            var unchanged = 0
            var findings: [Finding] = []
            var differing: [Int]
            var pending: [Int]
            var typeErrors = 0
            var advanced: [Baseline] = []
        }
        @Sendable func diff(_ linked: ArraySlice<LinkedPair>) -> Stretch {
            var part = Stretch(differing: Array(repeating: 0, count: mappings.count), pending: Array(repeating: 0, count: mappings.count))
            source.records.withUnsafeBufferPointer { sources in
                target.records.withUnsafeBufferPointer { targets in
                    for index in linked.indices {
                        // Targets come in the source's order, at random in memory: each is asked for
                        // three steps ahead of its turn (record, entries, values), so that the waits overlap.
                        let end = linked.endIndex
                        if index + 3 * Self.lookahead < end { targets.prefetch(at: linked[index + 3 * Self.lookahead].target) }
                        if index + 2 * Self.lookahead < end { targets.view(linked[index + 2 * Self.lookahead].target).prefetchEntries() }
                        if index + Self.lookahead < end {
                            let ahead = linked[index + Self.lookahead]
                            let target = targets.view(ahead.target)
                            for path in prefetchedPaths { target.prefetchValue(at: path) }
                            // A reference's table is read at random too: its place, from the source value.
                            for (translator, path) in prefetchedReferences {
                                sources.view(ahead.source).withValueBytes(at: path) { translator.prefetch($0) }
                            }
                        }
                        let pair = linked[index]
                        let s = sources.view(pair.source)
                        let t = targets.view(pair.target)
                        let remembered = pair.remembered
                        var changes: [PropertyChange] = []
                        var typeError = false
                        // By index: a mapping (three strings) is copied only where a change or finding needs it.
                        for m in mappings.indices {
                            if plainText[m], let digest = Self.samePlainText(s, sourcePaths[m]!, t, targetPaths[m]!) {
                                // In sync, as the general path below would find, with no `String` made.
                                if collectsBaselines, baselines.digest(link: remembered, property: baselineProperties[m]) != digest {
                                    part.advanced.append(Baseline(source: Int32(pair.source), target: Int32(pair.target), property: Int32(m), digest: digest))
                                }
                                continue
                            }
                            let seenSource = sourcePaths[m].flatMap { s.value(at: $0) }
                            let seenTarget = targetPaths[m].flatMap { t.value(at: $0) }
                            var sourceAsTarget = seenSource
                            if let translator = translators[m] {
                                let translated = translator.toTarget(seenSource)
                                sourceAsTarget = translated.linked
                                if !(seenSource?.isEmpty ?? true), sourceAsTarget == nil {
                                    if translated.pending {
                                        part.pending[m] += 1
                                    } else {
                                        part.findings.append(unresolved(mappings[m], seenSource, flow: flow, record: source.records[pair.source], dataset: source))
                                    }
                                    continue
                                }
                            }
                            let sourceTyped = types[m].typed(sourceAsTarget)
                            let targetTyped = types[m].typed(seenTarget)
                            guard let sourceValue = sourceTyped.canonical, let targetValue = targetTyped.canonical else {
                                typeError = true
                                part.findings += typeErrorFindings(
                                    mappings[m], types[m], flow: flow, (sourceTyped, sources[pair.source], source), (targetTyped, targets[pair.target], target))
                                continue
                            }
                            let baseline = baselines.digest(link: remembered, property: baselineProperties[m])
                            if sourceValue == targetValue {
                                if collectsBaselines {
                                    let digest = Baseline.digest(of: sourceValue)
                                    if baseline != digest {
                                        part.advanced.append(Baseline(
                                            source: Int32(pair.source), target: Int32(pair.target), property: Int32(m), digest: digest))
                                    }
                                }
                                continue
                            }
                            part.differing[m] += 1
                            let decision = decide(
                                source: sourceValue, target: targetValue, baseline: baseline, policy: policy,
                                sourceStamp: stamp(source, sources[pair.source]), targetStamp: stamp(target, targets[pair.target]))
                            // Translated back only where the values differ: most pairs are in sync.
                            let targetAsSource = translators[m].map { $0.toSource(seenTarget) } ?? seenTarget
                            var change = change(mappings[m], decision, sourceTyped, types[m].typed(targetAsSource), seenSource, seenTarget)
                            change.property = m
                            changes.append(change)
                        }
                        if typeError { part.typeErrors += 1 }
                        if changes.isEmpty {
                            part.unchanged += 1
                        } else {
                            part.pairs.append(PairDiff(pair: pair, changes: changes))
                        }
                    }
                }
            }
            return part
        }

        // Stretches of the links on every core, put back together in order: the same diff as
        // one pass. A flow below `stretch` pairs is one stretch.
        let count = links.pairs.count
        let linkedPairs = links.pairs
        var parts = (0..<count).stretches(of: stretch)
            .concurrentMap { diff(linkedPairs[$0]) }
        var differing = Array(repeating: 0, count: mappings.count)
        var pending = Array(repeating: 0, count: mappings.count)
        var typeErrors = 0
        var advanced: [Baseline] = []
        var pairs: [PairDiff] = []
        var unchanged = 0
        for index in parts.indices {
            // Each stretch's arrays go as soon as they are copied: one stretch more at a time, not the whole flow twice.
            pairs += parts[index].pairs
            parts[index].pairs = []
            unchanged += parts[index].unchanged
            findings += parts[index].findings
            for m in mappings.indices {
                differing[m] += parts[index].differing[m]
                pending[m] += parts[index].pending[m]
            }
            typeErrors += parts[index].typeErrors
            advanced += parts[index].advanced
            parts[index].advanced = []
        }

        var creates: [[(path: String, value: FieldValue)]] = []
        for index in links.creates {
            let record = source.records[index]
            var fields: [(path: String, value: FieldValue)] = []
            var typeError = false
            for m in mappings.indices {
                guard let path = sourcePaths[m], var value = record.value(at: path), !value.isEmpty else { continue }
                if let translator = translators[m] {
                    let translation = translator.toTarget(value)
                    guard let translated = translation.linked else {
                        if translation.pending {
                            pending[m] += 1
                        } else {
                            findings.append(unresolved(mappings[m], value, flow: flow, record: record, dataset: source))
                        }
                        continue
                    }
                    value = translated
                }
                switch types[m].typed(value) {
                case .value(_, let written): fields.append((mappings[m].target, written))
                case .empty: continue
                case .invalid(let raw):
                    typeError = true
                    findings.append(typeErrorFinding(mappings[m].source, raw, types[m], flow: flow, record: record, dataset: source, side: flow.source))
                }
            }
            if typeError { typeErrors += 1 }
            creates.append(fields)
        }

        var deletes: [PlannedDelete] = []
        var forgotten: [RememberedLink] = []
        for orphan in links.orphans {
            switch (orphan.sourceIndex, orphan.targetIndex) {
            case (nil, let t?):
                let record = target.records[t]
                deletes.append(PlannedDelete(
                    target: t, link: orphan.link,
                    basedOn: mappings.map { ($0.target, target.value(record, $0.target)) }.filter { $0.1 != nil }))
            case (nil, nil):
                forgotten.append(orphan.link)
            default:
                // The target is gone: the source record stays, reported as an orphan (deletes
                // follow the flow's direction; the reverse flow deletes the other way).
                break
            }
        }
        var diff = FlowDiff(
            links: links, mappings: mappings, pairs: pairs, creates: creates, differing: differing, findings: findings)
        diff.unchanged = unchanged
        diff.typeErrors = typeErrors
        diff.pendingReferences = pending
        diff.advancedBaselines = advanced
        diff.deletes = deletes
        diff.forgotten = forgotten
        return diff
    }

    /// Pairs between the steps of fetching a target record ahead of its turn.
    static let lookahead = 4

    /// The digest of a text value whose bytes are the same on both sides and begin and end
    /// with a visible ASCII character (so nothing is trimmed: the bytes are its canonical
    /// text); nil otherwise. Most mapped values of a workspace in use are in sync, and this
    /// answers them without making, trimming and comparing a `String` per side.
    @inline(__always)
    static func samePlainText(_ s: RecordView, _ sourcePath: Int32, _ t: RecordView, _ targetPath: Int32) -> UInt64? {
        s.withValueBytes(at: sourcePath) { a in
            t.withValueBytes(at: targetPath) { b -> UInt64? in
                guard let a, let b, a.count == b.count, let first = a.first, let last = a.last,
                      (0x21...0x7E).contains(first), (0x21...0x7E).contains(last),
                      a.elementsEqual(b) else { return nil }
                return ByteHash.hash(UnsafeRawBufferPointer(a))
            }
        }
    }

    private func change(
        _ mapping: PropertyMapping, _ decision: Decision, _ toTarget: TypedValue, _ toSource: TypedValue,
        _ seenSource: FieldValue?, _ seenTarget: FieldValue?
    ) -> PropertyChange {
        var change = PropertyChange(
            mapping: mapping, direction: decision.direction, targetValue: toTarget.written, sourceValue: toSource.written,
            seenInSource: seenSource, seenInTarget: seenTarget, reason: decision.reason)
        change.decidedByPolicy = decision.byPolicy
        change.bothChanged = decision.bothChanged
        return change
    }

    /// The flow's mappings minus those whose target path is a parent: of another mapped target
    /// path (seed 000 maps `profile.email` and `profile.email.email`), or of fields the target's
    /// export holds. A value cannot be both text and an object, and writing text there would
    /// wipe the object: the leaf wins.
    func usableMappings(_ flow: BoundFlow, target: Dataset, findings: inout [Finding]) -> [PropertyMapping] {
        let targets = flow.properties.map(\.target)
        return flow.properties.filter { mapping in
            let reason: String
            if targets.contains(where: { $0.hasPrefix(mapping.target + ".") }) {
                reason = "'\(mapping.target)' is also the parent of a mapped property; the leaf mapping is used"
            } else if target.isParentPath(mapping.target) {
                reason = "'\(mapping.target)' holds an object in the \(flow.target) export, not a value"
            } else {
                return true
            }
            findings.append(Finding(
                .warning, .spec, "\(flow.name): '\(mapping.source)' → '\(mapping.target)' is left out: \(reason)",
                system: flow.target.system, entity: flow.target.entity, location: mapping.location ?? flow.flow.location))
            return false
        }
    }

    struct Decision {
        var direction: PropertyChange.Direction
        var reason: String
        var byPolicy = false
        var bothChanged = false
    }

    /// Decides one differing property from canonical values (`""` = empty): a value beats an
    /// empty one whatever else holds; then the side that still holds the baseline (its digest) is the one
    /// that did not change; then the policy.
    func decide(
        source: String, target: String, baseline: UInt64?, policy: ConflictPolicy, sourceStamp: Double?, targetStamp: Double?
    ) -> Decision {
        if source.isEmpty { return Decision(direction: .toSource, reason: "empty in the source; a value beats an empty one") }
        if target.isEmpty { return Decision(direction: .toTarget, reason: "empty in the target; a value beats an empty one") }
        if let baseline {
            if Baseline.digest(of: target) == baseline { return Decision(direction: .toTarget, reason: "changed in the source") }
            if Baseline.digest(of: source) == baseline { return Decision(direction: .toSource, reason: "changed in the target") }
        }
        let bothChanged = baseline != nil
        let why = bothChanged ? "changed on both sides" : "no baseline yet"
        func byPolicy(_ direction: PropertyChange.Direction, _ rule: String) -> Decision {
            Decision(direction: direction, reason: "\(why); \(rule)", byPolicy: true, bothChanged: bothChanged)
        }
        switch policy {
        case .sourceWins: return byPolicy(.toTarget, "source wins (policy)")
        case .targetWins: return byPolicy(.toSource, "target wins (policy)")
        case .manual: return byPolicy(.conflict, "conflicts are decided by hand (policy manual)")
        case .latestWins:
            guard let sourceStamp, let targetStamp else { return byPolicy(.toTarget, "no change stamp on both sides: source wins") }
            if targetStamp > sourceStamp { return byPolicy(.toSource, "changed later in the target") }
            return byPolicy(.toTarget, sourceStamp == targetStamp ? "equal change stamps: source wins" : "changed later in the source")
        }
    }

    func typeErrorFindings(
        _ mapping: PropertyMapping, _ type: DataType, flow: BoundFlow,
        _ source: (TypedValue, Record, Dataset), _ target: (TypedValue, Record, Dataset)
    ) -> [Finding] {
        var findings: [Finding] = []
        if case .invalid(let raw) = source.0 {
            findings.append(typeErrorFinding(mapping.source, raw, type, flow: flow, record: source.1, dataset: source.2, side: flow.source))
        }
        if case .invalid(let raw) = target.0 {
            findings.append(typeErrorFinding(mapping.target, raw, type, flow: flow, record: target.1, dataset: target.2, side: flow.target))
        }
        return findings
    }

    func typeErrorFinding(
        _ property: String, _ raw: String, _ type: DataType, flow: BoundFlow, record: Record, dataset: Dataset, side: DatasetKey
    ) -> Finding {
        Finding(
            .warning, .typeError,
            "\(flow.name): '\(property)' = '\(raw.prefix(60))' of \(side) \(record.id) is not a \(type.rawValue); the property is not compared or written",
            system: side.system, entity: side.entity, recordID: record.id, location: dataset.location(of: record))
    }

    func stamp(_ dataset: Dataset, _ record: Record) -> Double? {
        dataset.changeStamp(record).flatMap(ChangeStamp.instant)
    }

    func unresolved(_ mapping: PropertyMapping, _ value: FieldValue?, flow: BoundFlow, record: Record, dataset: Dataset) -> Finding {
        Finding(
            .warning, .unresolvedReference,
            "\(flow.name): '\(mapping.source)' = \(value?.text ?? "") names a record with no linked counterpart yet; '\(mapping.target)' is not written",
            system: flow.source.system, entity: flow.source.entity, recordID: record.id, location: dataset.location(of: record))
    }
}
