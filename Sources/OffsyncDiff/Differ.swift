import OffsyncDiagnostics
import OffsyncIngest
import OffsyncLink
import OffsyncSpec

/// Compares the mapped properties of every linked pair and decides, by the conflict policy,
/// which side gets which value. Ids of other linked entities are translated through the links
/// of the flow that syncs them, never copied raw.
public struct Differ {
    public let datasets: [DatasetKey: Dataset]
    /// Every flow's links, to translate references.
    public let allLinks: [FlowLinks]
    public let policy: ConflictPolicy

    public init(datasets: [DatasetKey: Dataset], allLinks: [FlowLinks], policy: ConflictPolicy) {
        self.datasets = datasets
        self.allLinks = allLinks
        self.policy = policy
    }

    public func diff(_ links: FlowLinks) -> FlowDiff {
        let flow = links.flow
        let source = datasets[flow.source]!
        let target = datasets[flow.target]!
        var findings: [Finding] = []
        let mappings = usableMappings(flow, target: target, findings: &findings)
        let translators = mappings.map { reference(for: $0, in: flow) }

        var differing = Array(repeating: 0, count: mappings.count)
        var pairs: [PairDiff] = []
        for pair in links.pairs {
            let s = source.records[pair.source]
            let t = target.records[pair.target]
            var changes: [PropertyChange] = []
            for (m, mapping) in mappings.enumerated() {
                let seenSource = source.value(s, mapping.source)
                let seenTarget = target.value(t, mapping.target)
                var sourceAsTarget = seenSource
                var targetAsSource = seenTarget
                if let translator = translators[m] {
                    sourceAsTarget = translator.toTarget(seenSource)
                    targetAsSource = translator.toSource(seenTarget)
                    if !(seenSource?.isEmpty ?? true), sourceAsTarget == nil {
                        findings.append(unresolved(mapping, seenSource, flow: flow, record: s, dataset: source))
                        continue
                    }
                }
                let sourceText = Self.comparable(sourceAsTarget)
                let targetText = Self.comparable(seenTarget)
                guard sourceText != targetText else { continue }
                differing[m] += 1
                let (direction, reason) = decide(
                    sourceText: sourceText, targetText: targetText,
                    sourceStamp: stamp(source, s), targetStamp: stamp(target, t))
                changes.append(PropertyChange(
                    mapping: mapping, direction: direction, targetValue: sourceAsTarget, sourceValue: targetAsSource,
                    seenInSource: seenSource, seenInTarget: seenTarget, reason: reason))
            }
            pairs.append(PairDiff(pair: pair, changes: changes))
        }

        var creates: [[(path: String, value: FieldValue)]] = []
        for index in links.creates {
            let record = source.records[index]
            var fields: [(path: String, value: FieldValue)] = []
            for (m, mapping) in mappings.enumerated() {
                guard var value = source.value(record, mapping.source), !value.isEmpty else { continue }
                if let translator = translators[m] {
                    guard let translated = translator.toTarget(value) else {
                        findings.append(unresolved(mapping, value, flow: flow, record: record, dataset: source))
                        continue
                    }
                    value = translated
                }
                fields.append((mapping.target, value))
            }
            creates.append(fields)
        }
        return FlowDiff(
            links: links, mappings: mappings, pairs: pairs, creates: creates, differing: differing, findings: findings)
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

    /// The text two values compare by: trimmed, empty as nil.
    static func comparable(_ value: FieldValue?) -> String? {
        guard let value, !value.isEmpty, let text = value.text else { return nil }
        return text.trimmedWhitespace
    }

    /// Non-empty beats empty whatever the policy; otherwise the policy decides.
    func decide(sourceText: String?, targetText: String?, sourceStamp: Double?, targetStamp: Double?) -> (PropertyChange.Direction, String) {
        if sourceText == nil { return (.toSource, "empty in the source") }
        if targetText == nil { return (.toTarget, "empty in the target") }
        switch policy {
        case .sourceWins: return (.toTarget, "source wins (policy)")
        case .targetWins: return (.toSource, "target wins (policy)")
        case .manual: return (.conflict, "both sides differ; conflicts are manual")
        case .latestWins:
            guard let sourceStamp, let targetStamp else { return (.toTarget, "no change stamp on both sides: source wins") }
            if targetStamp > sourceStamp { return (.toSource, "changed later in the target") }
            return (.toTarget, sourceStamp == targetStamp ? "equal change stamps: source wins" : "changed later in the source")
        }
    }

    func stamp(_ dataset: Dataset, _ record: Record) -> Double? {
        guard let field = dataset.spec.modified, let text = dataset.value(record, field)?.text else { return nil }
        return ChangeStamp.instant(text)
    }

    func unresolved(_ mapping: PropertyMapping, _ value: FieldValue?, flow: BoundFlow, record: Record, dataset: Dataset) -> Finding {
        Finding(
            .warning, .unresolvedReference,
            "\(flow.name): '\(mapping.source)' = \(value?.text ?? "") names a record with no linked counterpart yet; '\(mapping.target)' is not written",
            system: flow.source.system, entity: flow.source.entity, recordID: record.id, location: dataset.location(of: record))
    }

    // MARK: References

    struct Translator {
        var toTarget: (FieldValue?) -> FieldValue?
        var toSource: (FieldValue?) -> FieldValue?
    }

    /// For a mapping declared under `references`, translation through the links of the flow
    /// from the referenced dataset into the target system.
    func reference(for mapping: PropertyMapping, in flow: BoundFlow) -> Translator? {
        guard let referenced = flow.references[mapping.source] else { return nil }
        guard let via = allLinks.first(where: { $0.flow.source == referenced && $0.flow.target.system == flow.target.system }),
            let viaSource = datasets[via.flow.source], let viaTarget = datasets[via.flow.target]
        else {
            return Translator(toTarget: { _ in nil }, toSource: { _ in nil })
        }
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]
        for pair in via.pairs {
            let s = viaSource.records[pair.source].id
            let t = viaTarget.records[pair.target].id
            forward[s] = t
            backward[t] = s
        }
        func translate(_ value: FieldValue?, _ table: [String: String]) -> FieldValue? {
            guard let text = value?.text?.trimmedWhitespace, !text.isEmpty, let id = table[text] else { return nil }
            // Ids that look like integers are written as JSON numbers.
            return id.allSatisfy(\.isNumber) ? .number(id) : .string(id)
        }
        return Translator(toTarget: { translate($0, forward) }, toSource: { translate($0, backward) })
    }
}
