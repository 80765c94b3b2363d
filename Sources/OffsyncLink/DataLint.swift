import Foundation
import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

/// Lint that needs the exports: mapped or merge properties no record has (with the nearest
/// field name), merge properties that are mostly empty, and data types the values disagree with.
public struct DataLint {
    public let datasets: [DatasetKey: Dataset]

    public init(datasets: [DatasetKey: Dataset]) {
        self.datasets = datasets
    }

    /// Share of empty values above which a merge property is reported: it will link little.
    static let mostlyEmpty = 0.5

    public func findings(for flows: [BoundFlow]) -> [Finding] {
        var findings: [Finding] = []
        var ids: [DatasetKey: Set<UInt64>] = [:]
        for flow in flows {
            guard let source = datasets[flow.source], let target = datasets[flow.target] else { continue }
            var checked = Set<String>()
            for mapping in flow.properties {
                let location = mapping.location ?? flow.flow.location
                for (dataset, path) in [(source, mapping.source), (target, mapping.target)] where checked.insert("\(dataset.key)|\(path)").inserted {
                    if let finding = missing(path, in: dataset, flow: flow, location: location) { findings.append(finding) }
                }
                if let finding = typeDisagreement(mapping, in: target, flow: flow, location: location) { findings.append(finding) }
                if let finding = undeclaredReference(mapping, flow: flow, location: location, ids: &ids) { findings.append(finding) }
            }
            for combination in flow.flow.mergeCombinations {
                let location = combination.location ?? flow.flow.location
                for pair in combination.pairs {
                    for (dataset, path) in [(source, pair.source), (target, pair.target)] {
                        if checked.insert("\(dataset.key)|\(path)").inserted,
                            let finding = missing(path, in: dataset, flow: flow, location: location)
                        {
                            findings.append(finding)
                        } else if let finding = mostlyEmpty(path, in: dataset, flow: flow, location: location) {
                            findings.append(finding)
                        }
                    }
                }
            }
        }
        return findings
    }

    func missing(_ path: String, in dataset: Dataset, flow: BoundFlow, location: SourceLocation) -> Finding? {
        guard !dataset.records.isEmpty, !dataset.hasPath(path), !dataset.isParentPath(path) else { return nil }
        let names = dataset.presentPaths.map { dataset.paths.names[Int($0)] }
        let suggestion = Self.nearest(path, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        return Finding(
            .warning, .spec, "\(flow.name): no record of \(dataset.key) has '\(path)'\(suggestion)",
            system: dataset.key.system, entity: dataset.key.entity, location: location)
    }

    func mostlyEmpty(_ path: String, in dataset: Dataset, flow: BoundFlow, location: SourceLocation) -> Finding? {
        guard !dataset.records.isEmpty, dataset.hasPath(path), let id = dataset.paths.id(of: path) else { return nil }
        // The path resolved once and each value's bytes looked at, not made into text: this
        // runs over every record of every merge property.
        // Views, not copies: the linker reads the same records on the other core.
        var empty = 0
        dataset.records.forEachView { _, record in
            let isEmpty = record.withValueBytes(at: id) { bytes in
                bytes?.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? true
            }
            if isEmpty { empty += 1 }
        }
        let share = Double(empty) / Double(dataset.records.count)
        guard share > Self.mostlyEmpty else { return nil }
        return Finding(
            .warning, .spec,
            "\(flow.name): merge property '\(path)' is empty in \(empty) of \(dataset.records.count) \(dataset.key) records; empty values never link",
            system: dataset.key.system, entity: dataset.key.entity, location: location)
    }

    /// A declared `"integer"`, `"number"` or `"boolean"` that some target values do not parse as.
    func typeDisagreement(_ mapping: PropertyMapping, in target: Dataset, flow: BoundFlow, location: SourceLocation) -> Finding? {
        guard let declared = mapping.dataType?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).lowercased() else { return nil }
        let accepts: (String) -> Bool
        switch declared {
        case "integer": accepts = { Int64($0) != nil }
        case "number", "decimal": accepts = { Double($0) != nil }
        case "boolean": accepts = { ["true", "false"].contains($0.lowercased()) }
        default: return nil
        }
        let values = target.records.compactMap { target.value($0, mapping.target).flatMap { $0.isEmpty ? nil : $0.text } }
        let wrong = values.filter { !accepts($0.trimmingCharacters(in: .whitespaces)) }
        guard let example = wrong.first else { return nil }
        return Finding(
            .warning, .typeError,
            "\(flow.name): '\(mapping.target)' is declared \(mapping.dataType!) but \(wrong.count) of \(values.count) values in \(target.key) are not (e.g. '\(example.prefix(40))')",
            system: target.key.system, entity: target.key.entity, location: location)
    }

    /// The name closest to `path` by edit distance (ignoring case), when it is close enough to be a typo.
    static func nearest(_ path: String, among names: [String]) -> String? {
        nearestName(to: path, among: names)
    }

    /// Share of a property's distinct values that must be ids of another dataset before
    /// `check` suggests declaring it a reference.
    static let referenceShare = 0.8

    /// A mapped source property, not declared in `references`, whose values are mostly ids of
    /// another dataset of the source system: copied raw, they would mean nothing in the target.
    /// Values are compared with ids by their 64-bit digests (`ByteHash`, a set made once per
    /// dataset) rather than as a set of every id's string, which costs more than the rest of
    /// the lint; two texts sharing a digest would only miscount a suggestion by one.
    func undeclaredReference(
        _ mapping: PropertyMapping, flow: BoundFlow, location: SourceLocation, ids: inout [DatasetKey: Set<UInt64>]
    ) -> Finding? {
        guard flow.references[mapping.source] == nil, let source = datasets[flow.source],
            let path = source.paths.id(of: mapping.source)
        else { return nil }
        let others = datasets.keys.filter { $0.system == flow.source.system && $0 != flow.source }.sorted()
        guard !others.isEmpty else { return nil }
        func values(every stride: Int) -> Set<UInt64> {
            var values = Set<UInt64>()
            for index in Swift.stride(from: 0, to: source.records.count, by: stride) {
                if let value = source.records[index].value(at: path), !value.isEmpty, let text = value.text {
                    values.insert(ByteHash.hash(text))
                }
            }
            return values
        }
        func best(_ values: Set<UInt64>) -> (DatasetKey, Int)? {
            var best: (DatasetKey, Int)? = nil
            for key in others {
                if ids[key] == nil {
                    let records = datasets[key]!.records
                    var digests = Set<UInt64>(minimumCapacity: records.count)
                    records.forEachView { _, record in digests.insert(record.withIDBytes { ByteHash.hash(UnsafeRawBufferPointer($0)) }) }
                    ids[key] = digests
                }
                let known = ids[key]!
                let hits = values.count { known.contains($0) }
                if hits > (best?.1 ?? 0) { best = (key, hits) }
            }
            return best
        }
        // A sample of about a thousand records first: most mapped properties (names, emails) have
        // no value that is an id, and a million values need not say so. Half the share in the
        // sample, not all of it, lets sampling noise through to the exact count below.
        let sampleStride = max(1, source.records.count / 1000)
        if sampleStride > 1 {
            let sample = values(every: sampleStride)
            guard sample.count >= 5, let (_, hits) = best(sample),
                Double(hits) >= Self.referenceShare / 2 * Double(sample.count)
            else { return nil }
        }
        let values = values(every: 1)
        guard values.count >= 5, let (key, hits) = best(values),
            Double(hits) >= Self.referenceShare * Double(values.count)
        else { return nil }
        return Finding(
            .warning, .reference,
            "\(flow.name): \(hits) of \(values.count) values of '\(mapping.source)' are ids of \(key); declare `references: { \(mapping.source): \(key.entity) }` so they are translated through the links instead of copied raw",
            system: flow.source.system, entity: flow.source.entity, location: location)
    }
}
