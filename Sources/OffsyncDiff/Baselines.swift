import OffsyncModel
import OffsyncSpec

/// One property of one link, as last seen equal on both sides: what the diff measures each
/// side's change against. State keeps them; the diff reads and advances them. Only equality is
/// ever asked of a baseline, so it is kept as a digest of the value, not the value.
public struct Baseline: Sendable, Hashable {
    public var flow: String
    public var sourceID: String
    public var targetID: String
    /// `source -> target` of the mapping (`PropertyMapping.baselineKey`).
    public var property: String
    /// `Baseline.digest(of:)` of the value's canonical text by its data type (`""` for empty
    /// on both sides).
    public var digest: UInt64

    public init(flow: String, sourceID: String, targetID: String, property: String, digest: UInt64) {
        self.flow = flow
        self.sourceID = sourceID
        self.targetID = targetID
        self.property = property
        self.digest = digest
    }

    public init(flow: String, sourceID: String, targetID: String, property: String, value: String) {
        self.init(flow: flow, sourceID: sourceID, targetID: targetID, property: property, digest: Self.digest(of: value))
    }

    /// The digest state keeps of a canonical value.
    public static func digest(of value: String) -> UInt64 { ByteHash.hash(value) }
}

/// The baselines of a workspace, looked up per flow, link and property. A million links hold
/// one small entry each, their digests side by side in one array.
public struct Baselines: Sendable {
    /// One link's digests: `count` entries of `entries` from `start`.
    public struct Link: Sendable {
        var targetID: String
        var start: Int32
        var count: Int32
    }

    struct Entry: Sendable {
        var property: Int32
        var digest: UInt64
    }

    private var byFlow: [String: [String: Link]] = [:]
    private var propertyIDs: [String: Int32] = [:]
    private var entries: [Entry] = []

    public init(_ baselines: some Sequence<Baseline> = []) {
        for baseline in baselines { insert(baseline) }
    }

    public mutating func insert(_ baseline: Baseline) {
        let property = propertyIDs[baseline.property] ?? {
            let id = Int32(propertyIDs.count)
            propertyIDs[baseline.property] = id
            return id
        }()
        let entry = Entry(property: property, digest: baseline.digest)
        guard var link = byFlow[baseline.flow]?[baseline.sourceID], link.targetID == baseline.targetID else {
            // A link made again to another target starts afresh.
            byFlow[baseline.flow, default: [:]][baseline.sourceID] = Link(
                targetID: baseline.targetID, start: Int32(entries.count), count: 1)
            entries.append(entry)
            return
        }
        let range = Int(link.start)..<Int(link.start + link.count)
        if let index = range.first(where: { entries[$0].property == property }) {
            entries[index].digest = baseline.digest
            return
        }
        if range.upperBound != entries.count {
            // Not the last link inserted: its entries move to the end, where they can grow.
            entries.append(contentsOf: entries[range])
            link.start = Int32(entries.count - range.count)
        }
        entries.append(entry)
        link.count += 1
        byFlow[baseline.flow]![baseline.sourceID] = link
    }

    /// The id a property's digests carry; nil when no link has a baseline for it.
    func propertyID(_ property: String) -> Int32? { propertyIDs[property] }

    /// One flow's links with baselines, by source id.
    func links(flow: String) -> [String: Link] { byFlow[flow] ?? [:] }

    /// One link's digest of a property; nil when it has none.
    func digest(_ link: Link?, property: Int32?) -> UInt64? {
        guard let link, let property else { return nil }
        for index in Int(link.start)..<Int(link.start + link.count) where entries[index].property == property {
            return entries[index].digest
        }
        return nil
    }
}

extension PropertyMapping {
    /// How state names the mapping's baseline.
    public var baselineKey: String { "\(source) -> \(target)" }
}
