import OffsyncDiagnostics
import OffsyncIngest
import OffsyncLink
import OffsyncSpec

/// What the diff stage decided for one flow: per linked pair, which properties must change on
/// which side, and the values of every mapped property a create carries.
public struct FlowDiff: Sendable {
    public var links: FlowLinks
    /// The mappings compared; mappings left out (a parent path, an unknown reference) are findings.
    public var mappings: [PropertyMapping]
    /// One entry per linked pair, in `links.pairs` order.
    public var pairs: [PairDiff]
    /// Target fields of each create, in `links.creates` order.
    public var creates: [[(path: String, value: FieldValue)]]
    /// Per mapping (in `mappings` order): how many linked pairs differ.
    public var differing: [Int]
    public var findings: [Finding]

    public var flow: BoundFlow { links.flow }
}

public struct PairDiff: Sendable {
    public var pair: LinkedPair
    public var changes: [PropertyChange]

    public var updatesTarget: Bool { changes.contains { $0.direction == .toTarget } }
    public var updatesSource: Bool { changes.contains { $0.direction == .toSource } }
    public var hasConflict: Bool { changes.contains { $0.direction == .conflict } }
}

/// One property of one linked pair that is not equal on both sides, and what to do about it.
public struct PropertyChange: Sendable {
    public enum Direction: Sendable, Hashable {
        /// Write the source's value into the target.
        case toTarget
        /// Write the target's value back into the source ("regardless of where it is edited").
        case toSource
        /// Both sides hold values and the policy (`manual`) lets a person decide.
        case conflict
    }

    public var mapping: PropertyMapping
    public var direction: Direction
    /// The value the target should get (translated for references), or nil.
    public var targetValue: FieldValue?
    /// The value the source should get (translated back for references), or nil.
    public var sourceValue: FieldValue?
    /// The values seen in the exports, for `$based_on`.
    public var seenInSource: FieldValue?
    public var seenInTarget: FieldValue?
    public var reason: String
}
