import OffsyncIngest
import OffsyncSpec

/// The normalized merge values of one side's records, one key per record and combination:
/// all the combination's properties joined, or nil when any is empty (empty values never link).
/// For linking by content, `emptyMatchesEmpty` lets an empty value equal an empty one (a
/// created record leaves out what its source lacks); a key still needs one non-empty value.
struct MergeKeys {
    let combinations: Int
    /// Record-major: `keys[record * combinations + combination]`.
    private let keys: [MergeKey?]

    init(
        _ dataset: Dataset, combinations: [MergeCombination], side: KeyPath<PropertyPair, String>, comparison: MergeComparison,
        emptyMatchesEmpty: Bool = false
    ) {
        self.combinations = combinations.count
        let resolved = combinations.map { combination in
            combination.pairs.map { pair in (path: dataset.paths.id(of: pair[keyPath: side]), comparison: comparison.comparison(for: pair)) }
        }
        var keys: [MergeKey?] = []
        keys.reserveCapacity(dataset.records.count * combinations.count)
        for record in dataset.records {
            for properties in resolved {
                keys.append(Self.key(record, properties, emptyMatchesEmpty: emptyMatchesEmpty))
            }
        }
        self.keys = keys
    }

    static func key(_ record: Record, _ properties: [(path: Int32?, comparison: Comparison)], emptyMatchesEmpty: Bool) -> MergeKey? {
        var joined = ""
        var anyValue = false
        for (i, property) in properties.enumerated() {
            let value = property.path.flatMap { record.value(at: $0) }
            let normalized = value.flatMap { $0.isEmpty ? nil : $0.text }.map(property.comparison.normalize) ?? ""
            if normalized.isEmpty && !emptyMatchesEmpty { return nil }
            anyValue = anyValue || !normalized.isEmpty
            if i > 0 { joined.append("\u{1F}") }
            joined.append(normalized)
        }
        return anyValue ? MergeKey(joined) : nil
    }

    subscript(record: Int, combination: Int) -> MergeKey? { keys[record * combinations + combination] }

    /// Record indexes whose key, in some combination, another record of the same side shares.
    func duplicates() -> Set<Int> {
        var result = Set<Int>()
        guard combinations > 0 else { return result }
        for c in 0..<combinations {
            var seen: [MergeKey: Int] = [:]
            seen.reserveCapacity(keys.count / combinations)
            for record in 0..<(keys.count / combinations) {
                guard let key = self[record, c] else { continue }
                if let first = seen.updateValue(record, forKey: key) {
                    result.insert(first)
                    result.insert(record)
                    seen[key] = first
                }
            }
        }
        return result
    }

    /// Per combination, the records (that `include` lets in) by key.
    func index(where include: (Int) -> Bool) -> [KeyIndex] {
        (0..<combinations).map { c in
            var index = KeyIndex()
            for record in 0..<(keys.count / combinations) where include(record) {
                if let key = self[record, c] { index.add(key, record) }
            }
            return index
        }
    }
}

/// Records by key without an array per key: most keys have one record.
struct KeyIndex {
    private var first: [MergeKey: Int] = [:]
    private var more: [MergeKey: [Int]] = [:]

    mutating func add(_ key: MergeKey, _ record: Int) {
        if first[key] == nil { first[key] = record } else { more[key, default: []].append(record) }
    }

    func records(_ key: MergeKey) -> [Int]? {
        guard let one = first[key] else { return nil }
        return [one] + (more[key] ?? [])
    }
}

/// A normalized merge value compared and hashed by its UTF-8 bytes: it is already normalized,
/// and `String`'s own hashing normalizes non-ASCII text again on every lookup (measured).
struct MergeKey: Hashable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    static func == (a: MergeKey, b: MergeKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
