import OffsyncDiagnostics
import OffsyncDiff
import OffsyncModel
import OffsyncLink
import OffsyncSpec

/// Everything one run decided: operations per system and entity type, per-flow counts, per
/// dataset summaries, and findings. The emit stage writes it; nothing here touches files.
public struct Plan: Sendable {
    public var operations: [Operation]
    public var flows: [FlowSummary]
    public var datasets: [DatasetSummary]
    public var findings: [Finding]
    /// Target records linked from several source records across flows.
    public var identities: [Identity] = []
    public typealias Identity = MergedIdentity
    /// Datasets this plan would delete or rewrite more of than the circuit breaker allows.
    public var breaker = CircuitBreaker(share: 0.10, trips: [])
}

extension Plan {
    /// A count summed over every flow.
    public func total(_ count: (FlowCounts) -> Int) -> Int { flows.reduce(0) { $0 + count($1.counts) } }

    /// Records left out, over every dataset (a dataset two flows read counts once).
    public var invalidRecords: Int { datasets.reduce(0) { $0 + $1.invalid } }

    /// What stands between this plan and an import, by name and count: the counts a person
    /// must look at before go-live, and the breaker. Empty when nothing does.
    public var blockers: [(name: String, count: Int)] {
        let counts: [(name: String, count: Int)] = [
            ("conflicts", total(\.conflict)), ("ambiguous", total(\.ambiguous)), ("invalid", invalidRecords),
            ("type errors", total(\.typeError)), ("pending references", total(\.pendingReference)),
        ]
        var blockers = counts.filter { $0.count > 0 }
        if breaker.tripped { blockers.append(("datasets over the circuit breaker", breaker.trips.count)) }
        return blockers
    }

    /// The verdict a migration lead reads first: ready, or what stands in the way.
    public var verdict: String {
        let blockers = self.blockers
        guard !blockers.isEmpty else { return "Ready: nothing here stands in the way of the import." }
        return "Not ready: " + blockers.map { "\($0.count) \($0.name)" }.joined(separator: ", ") + "."
    }
}

/// The check that keeps a truncated or broken export from wiping a system: no run may delete
/// or rewrite more than `share` of any dataset's records that earlier runs synced.
public struct CircuitBreaker: Sendable {
    public var share: Double
    public var trips: [Trip]

    /// Datasets with fewer records are not judged: a few changes are a large share of them,
    /// and their review is the report's.
    public static let smallestJudged = 20

    public struct Trip: Sendable, Hashable {
        public var dataset: DatasetKey
        /// Records in the dataset's export.
        public var records: Int
        public var deletes: Int
        public var updates: Int

        /// Records touched: deleted or rewritten.
        public var affected: Int { deletes + updates }
        public var share: Double { records == 0 ? 1 : Double(affected) / Double(records) }
    }

    public var tripped: Bool { !trips.isEmpty }

    /// What tripped, one line per dataset: `zendesk.Users: 40 deletes and 3 updates of 251 records (17.1% > 10%)`.
    public var explanation: [String] {
        trips.map { trip in
            "\(trip.dataset): \(trip.deletes) deletes and \(trip.updates) updates of \(trip.records) records (\(Self.percent(trip.share)) > \(Self.percent(share)))"
        }
    }

    /// A share as people read it: `0.1` → `10.0%`.
    public static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }
}

/// One record to create, update or delete in one system.
public struct Operation: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case create, update, delete

        var rank: Int {
            switch self {
            case .create: 0
            case .update: 1
            case .delete: 2
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    public var kind: Kind
    /// The dataset that receives the operation.
    public var dataset: DatasetKey
    /// The record's id in that system; nil for a create.
    public var recordID: String?
    /// The correlation value the created record must keep (Zendesk `external_id`, ...).
    public var correlation: String?
    /// Dotted target paths and the values to write.
    public var fields: [(path: String, value: FieldValue)]
    /// The values seen in the export for the fields written, so an upload can refuse a record
    /// changed meanwhile.
    public var basedOn: [(path: String, value: FieldValue?)]
    /// The flows that asked for it.
    public var flows: [String]

    public init(
        kind: Kind, dataset: DatasetKey, recordID: String?, correlation: String?,
        fields: [(path: String, value: FieldValue)], basedOn: [(path: String, value: FieldValue?)], flows: [String]
    ) {
        self.kind = kind
        self.dataset = dataset
        self.recordID = recordID
        self.correlation = correlation
        self.fields = fields
        self.basedOn = basedOn
        self.flows = flows
    }

    /// The key import files are sorted by: the id, or the correlation value for a create.
    public var sortKey: String { recordID ?? correlation ?? "" }
}

/// What state keeps of a run: the links made, the baselines advanced and the links forgotten,
/// per flow, as record numbers. Taken from the diffs apart from the plan, so that a run can
/// write state on one core while it plans on the other, and drop it once state has its rows.
public struct LinkChanges: Sendable {
    public struct Flow: Sendable {
        public var name: String
        public var source: DatasetKey
        public var target: DatasetKey
        /// How state names each mapped property's baseline, by the index `Baseline.property` holds.
        public var baselineKeys: [String]
    }

    /// In the order of the plan's flows.
    public var flows: [Flow] = []
    /// The links made this run (not the remembered ones they were found from).
    public var newLinks: [NewLink] = []
    /// Per flow: values seen equal on both sides this run.
    public var advancedBaselines: [[Baseline]] = []
    /// Remembered links to drop from state: both records are gone.
    public var forgottenLinks: [RememberedLink] = []

    public init() {}

    public init(_ diffs: [FlowDiff]) {
        newLinks.reserveCapacity(diffs.reduce(0) { $0 + $1.links.pairs.count })
        for (index, diff) in diffs.enumerated() {
            flows.append(Flow(
                name: diff.flow.name, source: diff.flow.source, target: diff.flow.target,
                baselineKeys: diff.mappings.map(\.baselineKey)))
            for pair in diff.links.pairs where pair.reason != .remembered {
                newLinks.append(NewLink(flow: Int32(index), source: Int32(pair.source), target: Int32(pair.target), reason: pair.reason))
            }
            advancedBaselines.append(diff.advancedBaselines)
            forgottenLinks += diff.forgotten
        }
    }
}

/// A link made this run, as indexes: the flow in `Plan.flows`, the records in the flow's
/// source and target datasets.
public struct NewLink: Sendable, Hashable {
    public var flow: Int32
    public var source: Int32
    public var target: Int32
    /// The reason in 32 bits: a merge combination's index, or a negative code for the others,
    /// so that a link takes 16 bytes, not 32.
    private var code: Int32

    public init(flow: Int32, source: Int32, target: Int32, reason: LinkedPair.Reason) {
        self.flow = flow
        self.source = source
        self.target = target
        switch reason {
        case .merged(let combination): code = Int32(combination)
        case .remembered: code = -1
        case .correlation: code = -2
        case .content: code = -3
        }
    }

    public var reason: LinkedPair.Reason {
        switch code {
        case -1: .remembered
        case -2: .correlation
        case -3: .content
        default: .merged(combination: Int(code))
        }
    }

    /// How state names the way it was made (`LinkedPair.how`).
    public var how: String { LinkedPair(source: Int(source), target: Int(target), reason: reason).how }
}

public struct FlowSummary: Sendable {
    public var name: String
    public var source: DatasetKey
    public var target: DatasetKey
    public var document: String?
    public var counts: FlowCounts
    public var properties: [PropertySummary]
    /// The flow's first conflicts (at most `FlowSummary.examplesKept`), each with both values,
    /// the baseline, the change stamps and the decision, for a person to look at side by side.
    public var conflicts: [ConflictExample] = []
    /// The flow's first ambiguous matches (at most `FlowSummary.examplesKept`): the source
    /// record and the target records it matches, each with its merge values.
    public var ambiguities: [AmbiguityExample] = []

    public static let examplesKept = 100

    /// One property of one linked pair that changed on both sides, or that the policy leaves
    /// to a person.
    public struct ConflictExample: Sendable, Hashable {
        public var sourceID: String
        public var targetID: String
        /// The source and target property.
        public var source: String
        public var target: String
        public var sourceValue: String?
        public var targetValue: String?
        /// What state knows of the last synced value: state keeps a digest of it, so this says
        /// whether there is one and that both sides moved away from it.
        public var baseline: Baseline
        /// The records' change stamps as exported; nil where the dataset has none.
        public var sourceStamp: String?
        public var targetStamp: String?
        /// `to_target`, `to_source`, or `conflict` (left to a person).
        public var direction: String
        public var reason: String

        public enum Baseline: String, Sendable, Hashable {
            /// No earlier run synced the property of this pair.
            case none
            /// An earlier run synced a value, and both sides hold another one now.
            case differsFromBoth = "differs_from_both"
        }
    }

    /// A source record that matches more than one target record, or one that other source
    /// records match too: none of them is linked.
    public struct AmbiguityExample: Sendable, Hashable {
        public var source: Side
        public var candidates: [Side]

        /// A record and its merge values, in the merge rules' order.
        public struct Side: Sendable, Hashable {
            public var id: String
            public var values: [Field]
        }

        public struct Field: Sendable, Hashable {
            public var property: String
            /// As exported; nil where the record has no value.
            public var value: String?
        }
    }
}

/// The counts of one flow, under the names `report.json` uses (README, "Outputs").
public struct FlowCounts: Sendable, Hashable {
    public var source = 0
    public var target = 0
    public var linked = 0
    public var matched = 0
    public var create = 0
    public var updateTarget = 0
    public var updateSource = 0
    public var unchanged = 0
    public var conflict = 0
    public var ambiguous = 0
    public var unmatchedSource = 0
    /// Of `unmatchedSource`: records a conditional creation does not create, as no record
    /// connected to them is synchronized into the target system.
    public var notConnected = 0
    /// Source records the dataflow's `where:` does not select: neither matched nor created.
    public var notSelected = 0
    public var unmatchedTarget = 0
    public var invalid = 0
    public var duplicate = 0
    public var orphan = 0
    /// Target records planned for deletion (or, with `deletes: report`, that would be).
    public var delete = 0
    /// Linked pairs or creates with a value that is not of its property's data type.
    public var typeError = 0
    /// References to records this run creates in the target: written by a later run, once the
    /// creates are uploaded and acknowledged.
    public var pendingReference = 0

    public init() {}

    /// In the order and spelling of `report.json`.
    public var named: [(String, Int)] {
        [
            ("source", source), ("target", target), ("linked", linked), ("matched", matched), ("create", create),
            ("update_target", updateTarget), ("update_source", updateSource), ("unchanged", unchanged),
            ("conflict", conflict), ("ambiguous", ambiguous), ("unmatched_source", unmatchedSource), ("not_connected", notConnected), ("not_selected", notSelected),
            ("unmatched_target", unmatchedTarget), ("invalid", invalid), ("duplicate", duplicate), ("orphan", orphan),
            ("delete", delete), ("type_error", typeError), ("pending_reference", pendingReference),
        ]
    }
}

public struct PropertySummary: Sendable, Hashable {
    public var source: String
    public var target: String
    public var dataType: String?
    /// Linked pairs whose values differ.
    public var differing: Int
    /// Linked pairs whose target gets the source's value, and whose source gets the target's.
    public var toTarget = 0
    public var toSource = 0
    /// The first changes of the property (at most `PropertySummary.examplesKept`): which
    /// records, the value on each side, where it goes and why.
    public var examples: [ChangeExample] = []

    public static let examplesKept = 5

    public struct ChangeExample: Sendable, Hashable {
        public var sourceID: String
        public var targetID: String
        public var sourceValue: String?
        public var targetValue: String?
        /// `to_target`, `to_source`, or `conflict` (left to a person).
        public var direction: String
        /// Why that side wins: a newer stamp, a value beats an empty one, the policy.
        public var reason: String
    }
}

public struct DatasetSummary: Sendable {
    public var key: DatasetKey
    public var files: [InputFile]
    public var records: Int
    public var invalid: Int
}
