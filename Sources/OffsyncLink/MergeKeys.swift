#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import OffsyncIngest
import OffsyncModel
import OffsyncSpec

/// The normalized merge values of one side's records, one key per record and combination:
/// all the combination's properties joined, or nil when any is empty (empty values never link).
/// For linking by content, `emptyMatchesEmpty` lets an empty value equal an empty one (a
/// created record leaves out what its source lacks); a key still needs one non-empty value.
struct MergeKeys {
    /// One per combination, shared through a `MergeKeyColumns` by every flow that asks for the
    /// same properties of the same dataset (Users by email, from contacts and from customers).
    let columns: [MergeKeyColumn]

    init(
        _ dataset: Dataset, combinations: [MergeCombination], side: KeyPath<PropertyPair, String>, comparison: MergeComparison,
        emptyMatchesEmpty: Bool = false, shared: MergeKeyColumns = MergeKeyColumns()
    ) {
        columns = combinations.map { combination in
            let properties = combination.pairs.map { pair in (path: pair[keyPath: side], comparison: comparison.comparison(for: pair)) }
            return shared.column(dataset, properties, emptyMatchesEmpty: emptyMatchesEmpty)
        }
    }

    var combinations: Int { columns.count }

    subscript(record: Int, combination: Int) -> MergeKey? { columns[combination].keys[record] }

    /// Record indexes whose key, in some combination, another record of the same side shares.
    func duplicates() -> Set<Int> {
        var result = Set<Int>()
        for column in columns { result.formUnion(column.duplicates) }
        return result
    }

    /// Per combination, the records (that `include` lets in) by key.
    func index(where include: (Int) -> Bool) -> [KeyIndex] {
        columns.map { column in
            var index = KeyIndex(capacity: column.keys.count)
            for (record, key) in column.keys.enumerated() where include(record) {
                if let key { index.add(key, record) }
            }
            return index
        }
    }
}

/// The merge keys of one dataset for one list of properties, made once per run.
final class MergeKeyColumn {
    let keys: [MergeKey?]

    init(_ dataset: Dataset, _ properties: [(path: String, comparison: Comparison)], emptyMatchesEmpty: Bool) {
        let resolved = properties.map { (path: dataset.paths.id(of: $0.path), comparison: $0.comparison) }
        keys = dataset.records.map { MergeKeyColumn.key($0, resolved, emptyMatchesEmpty: emptyMatchesEmpty) }
    }

    /// Records sharing their key with another record of the dataset.
    lazy var duplicates: Set<Int> = {
        var result = Set<Int>()
        var seen: [MergeKey: Int] = [:]
        seen.reserveCapacity(keys.count)
        for (record, key) in keys.enumerated() {
            guard let key else { continue }
            if let first = seen.updateValue(record, forKey: key) {
                result.insert(first)
                result.insert(record)
                seen[key] = first
            }
        }
        return result
    }()

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
}

/// The merge key columns made so far in a run, by dataset and properties.
final class MergeKeyColumns {
    struct Key: Hashable {
        var dataset: DatasetKey
        var properties: [String]
        var emptyMatchesEmpty: Bool
    }

    private var made: [Key: MergeKeyColumn] = [:]

    func column(_ dataset: Dataset, _ properties: [(path: String, comparison: Comparison)], emptyMatchesEmpty: Bool) -> MergeKeyColumn {
        let key = Key(dataset: dataset.key, properties: properties.map { "\($0.path)\u{1F}\($0.comparison.rawValue)" }, emptyMatchesEmpty: emptyMatchesEmpty)
        if let column = made[key] { return column }
        let column = MergeKeyColumn(dataset, properties, emptyMatchesEmpty: emptyMatchesEmpty)
        made[key] = column
        return column
    }
}

/// Records by key without an array per key: most keys have one record.
struct KeyIndex {
    private var first: [MergeKey: Int] = [:]
    private var more: [MergeKey: [Int]] = [:]

    init(capacity: Int = 0) {
        first.reserveCapacity(capacity)
    }

    mutating func add(_ key: MergeKey, _ record: Int) {
        if first[key] == nil { first[key] = record } else { more[key, default: []].append(record) }
    }

    func records(_ key: MergeKey) -> [Int]? {
        guard let one = first[key] else { return nil }
        return [one] + (more[key] ?? [])
    }
}

/// A normalized merge value compared by its UTF-8 bytes and hashed once, when made: a table
/// lookup then hashes one word and compares bytes only on an equal hash. Measured: hashing the
/// text (SipHash) and comparing through `UTF8View` on every lookup were a tenth of a run.
struct MergeKey: Hashable {
    let text: String
    let digest: UInt64

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.digest = text.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0)) }
        self.text = text
    }

    static func == (a: MergeKey, b: MergeKey) -> Bool {
        guard a.digest == b.digest else { return false }
        var a = a.text, b = b.text
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}
