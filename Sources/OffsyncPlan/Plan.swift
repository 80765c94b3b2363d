import OffsyncDiagnostics
import OffsyncIngest
import OffsyncLink
import OffsyncSpec

/// Everything one run decided: operations per system and entity type, per-flow counts, per
/// dataset summaries, and findings. The emit stage writes it; nothing here touches files.
public struct Plan: Sendable {
    public var operations: [Operation]
    public var flows: [FlowSummary]
    public var datasets: [DatasetSummary]
    public var findings: [Finding]
    /// The links made this run, to remember in state once the outputs are in place.
    public var newLinks: [NewLink]
    /// Target records linked from several source records across flows.
    public var identities: [MergedIdentity] = []
}

/// One record to create, update or delete in one system.
public struct Operation: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case create, update, delete

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
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

/// A link to keep in state.
public struct NewLink: Sendable, Hashable {
    public var flow: String
    public var sourceID: String
    public var targetID: String
    public var how: String
}

public struct FlowSummary: Sendable {
    public var name: String
    public var source: DatasetKey
    public var target: DatasetKey
    public var document: String?
    public var counts: FlowCounts
    public var properties: [PropertySummary]
}

/// The counts of one flow, under the names `report.json` uses (DESIGN.md).
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
    public var unmatchedTarget = 0
    public var invalid = 0
    public var duplicate = 0
    public var orphan = 0

    public init() {}

    /// In the order and spelling of `report.json`.
    public var named: [(String, Int)] {
        [
            ("source", source), ("target", target), ("linked", linked), ("matched", matched), ("create", create),
            ("update_target", updateTarget), ("update_source", updateSource), ("unchanged", unchanged),
            ("conflict", conflict), ("ambiguous", ambiguous), ("unmatched_source", unmatchedSource),
            ("unmatched_target", unmatchedTarget), ("invalid", invalid), ("duplicate", duplicate), ("orphan", orphan),
        ]
    }
}

public struct PropertySummary: Sendable, Hashable {
    public var source: String
    public var target: String
    public var dataType: String?
    /// Linked pairs whose values differ.
    public var differing: Int
}

public struct DatasetSummary: Sendable {
    public var key: DatasetKey
    public var files: [InputFile]
    public var records: Int
    public var invalid: Int
}
