import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

/// What the link stage decided for one flow: which source and target records are the same,
/// which source records get a new target record, and which could not be decided.
public struct FlowLinks: Sendable {
    public var flow: BoundFlow
    public var pairs: [LinkedPair]
    /// Source record indexes without a link for which the target gets a new record.
    public var creates: [Int]
    public var ambiguous: [Ambiguity]
    /// Source record indexes that found no candidate (merge flows).
    public var unmatchedSource: [Int]
    /// Target record indexes no source record is linked to.
    public var unmatchedTarget: [Int]
    /// Source record indexes the dataflow's `where` does not select (and nothing linked before).
    public var notSelected: [Int] = []
    /// Records sharing a merge value with another record of their own dataset.
    public var duplicateSource: Set<Int>
    public var duplicateTarget: Set<Int>
    /// Remembered links whose source or target record is gone from its export.
    public var orphans: [Orphan]
    public var findings: [Finding]

    public init(flow: BoundFlow) {
        self.flow = flow
        self.pairs = []
        self.creates = []
        self.ambiguous = []
        self.unmatchedSource = []
        self.unmatchedTarget = []
        self.duplicateSource = []
        self.duplicateTarget = []
        self.orphans = []
        self.findings = []
    }
}

/// A source record and a target record considered the same.
public struct LinkedPair: Sendable, Hashable {
    public var source: Int
    public var target: Int
    public var reason: Reason
    /// -1, or the remembered link's index: 32 bits keep a million pairs at 32 bytes each.
    private var rememberedIndex: Int32

    public init(source: Int, target: Int, reason: Reason, remembered: Int? = nil) {
        self.source = source
        self.target = target
        self.reason = reason
        self.rememberedIndex = remembered.map { Int32($0) } ?? -1
    }

    /// The index, among the run's remembered links, of the one this pair was made from.
    public var remembered: Int? { rememberedIndex < 0 ? nil : Int(rememberedIndex) }

    public enum Reason: Sendable, Hashable {
        /// Linked on an earlier run and kept in state.
        case remembered
        /// All properties of merge combination `index` are equal.
        case merged(combination: Int)
        /// A record the sync created, found again by its correlation value.
        case correlation
        /// A record the sync created, found again because every mapped property is equal.
        case content
    }

    /// How the link was made, as state and `offsync links` keep it: `merge 1` (the merge
    /// table's row), `correlation`, `content`, `remembered`; `ack` adds `receipt`.
    public var how: String {
        switch reason {
        case .merged(let combination): "merge \(combination + 1)"
        case .remembered: "remembered"
        case .correlation: "correlation"
        case .content: "content"
        }
    }

    /// Whether the link is new in this run (for the `matched` count).
    public var isMatch: Bool {
        if case .merged = reason { return true }
        return false
    }
}

/// A record with several candidates on the other side, or a candidate claimed by several.
public struct Ambiguity: Sendable, Hashable {
    public var source: Int
    public var candidates: [Int]
}

/// A remembered link one of whose records is gone from its export (deleted in that system, or
/// a truncated export): reported, and the record still present is not linked or created anew.
public struct Orphan: Sendable, Hashable {
    public var link: RememberedLink
    /// The index of the record still present, if any (the diff plans deletes from it).
    public var sourceIndex: Int?
    public var targetIndex: Int?

    public var sourcePresent: Bool { sourceIndex != nil }
    public var targetPresent: Bool { targetIndex != nil }
}

extension BoundFlow {
    /// The correlation value of a source record: stable across runs, kept by the target system
    /// in its correlation field so a created record is found again.
    public func correlationValue(sourceID: String) -> String {
        "offsync:\(source.system)/\(source.entity)/\(sourceID)"
    }

    /// The source dataset and record id a correlation value names; nil for other text.
    public static func parseCorrelation(_ value: String) -> (DatasetKey, String)? {
        guard value.hasPrefix("offsync:") else { return nil }
        let parts = value.dropFirst("offsync:".count).split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        return (DatasetKey(system: String(parts[0]), entity: String(parts[1])), String(parts[2]))
    }
}
