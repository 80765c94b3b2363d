import OffsyncSpec

/// One property of one link, as last seen equal on both sides: what the diff measures each
/// side's change against. State keeps them; the diff reads and advances them.
public struct Baseline: Sendable, Hashable {
    public var flow: String
    public var sourceID: String
    public var targetID: String
    /// `source -> target` of the mapping (`PropertyMapping.baselineKey`).
    public var property: String
    /// The value's canonical text by its data type; `""` for empty on both sides.
    public var value: String

    public init(flow: String, sourceID: String, targetID: String, property: String, value: String) {
        self.flow = flow
        self.sourceID = sourceID
        self.targetID = targetID
        self.property = property
        self.value = value
    }
}

/// The baselines of a workspace, looked up per flow, link and property.
public struct Baselines: Sendable {
    struct Link: Sendable {
        var targetID: String
        var values: [String: String]
    }

    private var byFlow: [String: [String: Link]] = [:]

    public init(_ baselines: some Sequence<Baseline> = []) {
        for baseline in baselines { insert(baseline) }
    }

    public mutating func insert(_ baseline: Baseline) {
        var link = byFlow[baseline.flow]?[baseline.sourceID] ?? Link(targetID: baseline.targetID, values: [:])
        // A link made again to another target starts afresh.
        if link.targetID != baseline.targetID { link = Link(targetID: baseline.targetID, values: [:]) }
        link.values[baseline.property] = baseline.value
        byFlow[baseline.flow, default: [:]][baseline.sourceID] = link
    }

    /// The values of one link's properties; empty when the link has none or is now to another record.
    func values(flow: String, sourceID: String, targetID: String) -> [String: String] {
        guard let link = byFlow[flow]?[sourceID], link.targetID == targetID else { return [:] }
        return link.values
    }
}

extension PropertyMapping {
    /// How state names the mapping's baseline.
    public var baselineKey: String { "\(source) -> \(target)" }
}
