import OffsyncModel
import OffsyncSpec

/// One property of one linked pair, as seen equal on both sides this run: a baseline state
/// advances to. The diff measures each side's change against the one stored. Only equality is
/// ever asked of a baseline, so it is kept as a digest of the value, and the pair and property
/// as indexes (the flow's records and mappings): a million of them are a row of numbers each.
public struct Baseline: Sendable, Hashable {
    /// The pair's source and target record indexes in their datasets.
    public var source: Int32
    public var target: Int32
    /// The index of the property's mapping among the flow diff's `mappings`.
    public var property: Int32
    /// `Baseline.digest(of:)` of the value's canonical text by its data type (`""` for empty
    /// on both sides).
    public var digest: UInt64

    public init(source: Int32, target: Int32, property: Int32, digest: UInt64) {
        self.source = source
        self.target = target
        self.property = property
        self.digest = digest
    }

    /// The digest state keeps of a canonical value.
    public static func digest(of value: String) -> UInt64 { ByteHash.hash(value) }
}

/// The baselines of a workspace, by remembered link: the diff finds a pair's baselines through
/// the link it was made from (`LinkedPair.remembered`), with no lookup by id. Links made this
/// run have none. A million links hold one range each, their digests side by side in one array.
public struct Baselines: Sendable {
    struct Entry: Sendable {
        var property: Int32
        var digest: UInt64
    }

    /// Per remembered link: `count` entries of `entries` from `start`.
    private var ranges: [(start: Int32, count: Int32)] = []
    private var entries: [Entry] = []
    private var propertyIDs: [String: Int32] = [:]

    public init() {}

    /// Sets the digest of a remembered link's property (`link` indexes the run's remembered links).
    public mutating func insert(link: Int, property name: String, digest: UInt64) {
        let property = propertyIDs[name] ?? {
            let id = Int32(propertyIDs.count)
            propertyIDs[name] = id
            return id
        }()
        if ranges.count <= link { ranges.append(contentsOf: repeatElement((start: Int32(0), count: Int32(0)), count: link + 1 - ranges.count)) }
        var range = ranges[link]
        let current = Int(range.start)..<Int(range.start + range.count)
        if let index = current.first(where: { entries[$0].property == property }) {
            entries[index].digest = digest
            return
        }
        if current.isEmpty {
            range.start = Int32(entries.count)
        } else if current.upperBound != entries.count {
            // Not the last link inserted: its entries move to the end, where they can grow
            // (copied out first: appending a slice of the array to itself copies the array).
            let moved = Array(entries[current])
            entries.append(contentsOf: moved)
            range.start = Int32(entries.count - current.count)
        }
        entries.append(Entry(property: property, digest: digest))
        range.count += 1
        ranges[link] = range
    }

    /// The id a property's digests carry; nil when no link has a baseline for it.
    func propertyID(_ property: String) -> Int32? { propertyIDs[property] }

    /// A remembered link's digest of a property; nil when it has none.
    func digest(link: Int?, property: Int32?) -> UInt64? {
        guard let link, let property, link < ranges.count else { return nil }
        let range = ranges[link]
        for index in Int(range.start)..<Int(range.start + range.count) where entries[index].property == property {
            return entries[index].digest
        }
        return nil
    }
}

extension PropertyMapping {
    /// How state names the mapping's baseline.
    public var baselineKey: String { "\(source) -> \(target)" }
}
