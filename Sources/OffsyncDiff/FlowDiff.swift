import OffsyncDiagnostics
import OffsyncModel
import OffsyncLink
import OffsyncSpec

/// What the diff stage decided for one flow: per linked pair, which properties must change on
/// which side, and the values of every mapped property a create carries.
public struct FlowDiff: Sendable {
    public var links: FlowLinks
    /// The mappings compared; mappings left out (a parent path, an unknown reference) are findings.
    public var mappings: [PropertyMapping]
    /// The linked pairs with something to change, in `links.pairs` order: most pairs of a
    /// workspace in use are in sync, and are only counted (`unchanged`).
    public var pairs: [PairDiff]
    /// Linked pairs with nothing to change.
    public var unchanged = 0
    /// Target fields of each create, in `links.creates` order.
    public var creates: [[(path: String, value: FieldValue)]]
    /// Per mapping (in `mappings` order): how many linked pairs differ.
    public var differing: [Int]
    /// Linked pairs and creates with a value that does not parse as its property's data type.
    public var typeErrors: Int = 0
    /// Per mapping (in `mappings` order): references to records this run creates in the
    /// target, written once those are uploaded, acknowledged and the workspace run again.
    public var pendingReferences: [Int] = []
    /// Values seen equal on both sides that differ from the stored baseline: state advances
    /// them once the run's outputs are in place.
    public var advancedBaselines: [Baseline] = []
    /// Target records whose linked source record is gone from its export.
    public var deletes: [PlannedDelete] = []
    /// Remembered links whose records are both gone: nothing is left to sync.
    public var forgotten: [RememberedLink] = []
    public var findings: [Finding]

    public var flow: BoundFlow { links.flow }
}

public struct PairDiff: Sendable {
    public var pair: LinkedPair
    public var changes: [PropertyChange]

    public var updatesTarget: Bool { changes.contains { $0.direction == .toTarget } }
    public var updatesSource: Bool { changes.contains { $0.direction == .toSource } }
    /// A property changed on both sides since the baseline, or left to a person (`manual`).
    public var hasConflict: Bool { changes.contains(where: \.isConflict) }
}

/// A target record to delete because the source record it is linked to is gone.
public struct PlannedDelete: Sendable {
    /// The target record's index in its dataset.
    public var target: Int
    public var link: RememberedLink
    /// The mapped target values seen in the export, for `$based_on`.
    public var basedOn: [(path: String, value: FieldValue?)]
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
    /// The index of `mapping` among the flow diff's `mappings`.
    public var property = 0
    public var direction: Direction
    /// The value the target should get (translated for references), or nil.
    public var targetValue: FieldValue?
    /// The value the source should get (translated back for references), or nil.
    public var sourceValue: FieldValue?
    /// The values seen in the exports, for `$based_on`.
    public var seenInSource: FieldValue?
    public var seenInTarget: FieldValue?
    public var reason: String
    /// Whether the conflict policy made the decision (both sides changed, or no baseline yet).
    public var decidedByPolicy: Bool = false
    /// Whether both sides changed since the baseline (a first run, with no baseline, knows of
    /// no conflict: the policy just decides).
    public var bothChanged: Bool = false

    /// Counted and reported as a conflict: both sides changed, or the policy leaves it to a person.
    public var isConflict: Bool { bothChanged || direction == .conflict }
}
