import OffsyncDiagnostics
import OffsyncPlan

extension Report {
    /// How many example findings report.md and report.html show per group: the reports are
    /// read by people, `findings.jsonl.gz` has every finding.
    static let examplesShown = 5

    /// Findings by severity, code and dataset, most severe first, each with its count, a few
    /// examples (in the plan's order) and what to do about the code: what the Markdown and
    /// HTML reports show instead of a list cut off after its first records.
    struct FindingGroup {
        var count: FindingCount
        var examples: [Finding]
        var dataset: String { [count.system, count.entity].compactMap { $0 }.joined(separator: ".") }
        var more: Int { count.count - examples.count }
    }

    var findingGroups: [FindingGroup] {
        struct Key: Hashable {
            var severity: Finding.Severity, code: Finding.Code, system: String?, entity: String?
        }
        var examplesByGroup: [Key: [Finding]] = [:]
        for finding in examples {
            let key = Key(severity: finding.severity, code: finding.code, system: finding.system, entity: finding.entity)
            if examplesByGroup[key, default: []].count < Self.examplesShown { examplesByGroup[key, default: []].append(finding) }
        }
        return findingCounts.map { count in
            FindingGroup(
                count: count,
                examples: examplesByGroup[Key(severity: count.severity, code: count.code, system: count.system, entity: count.entity)] ?? [])
        }
    }

    /// One sentence on what to do about a finding's code; nil for a code without advice.
    static func advice(_ code: Finding.Code) -> String? {
        switch code {
        case .ambiguous: "Several records share the merge values, so none is linked: make the values unique in one system, or link the right pair by hand with `offsync ack`."
        case .unmatched: "No record on the other side has equal merge values: correct the values, create the record there, or leave it out if it does not belong."
        case .duplicate: "Records of one dataset share a merge value and only one can link: merge or correct the duplicates in their own system."
        case .invalid: "Rows without an id, or that could not be read, are left out: fix them in the export."
        case .typeError: "A value does not read as its property's data type and is never written: correct it where it is kept."
        case .conflict: "Both sides changed since the last run: the conflict policy chose (info), or a person must (warning); check the value that wins."
        case .orphan: "A linked record is gone from its export: check the export is whole; deletes follow `deletes:`."
        case .unresolvedReference: "A reference names a record that no flow links: sync that record first, or correct the reference."
        case .pendingReference: "References to records this run creates: upload the creates, `offsync ack` the receipt, and run again to fill them in."
        case .linkedByContent: "A created record was found again by its values: record the upload's receipt with `offsync ack` next time."
        case .mergedIdentity: "One target record is linked from several source records: check they are the same person or company."
        case .reference: "The values look like ids of another dataset: declare the reference (`references:`) so they are translated."
        case .formulaLike: "A spreadsheet would run these values as formulas: import the CSV as text, or use the JSON lines file."
        case .spec: "The dataflow document or manifest needs a look: the message says where."
        case .notConnected: "The document creates these only for records a synchronized connected record names (an order, an invoice, a project): nothing is wrong unless one should be connected; `offsync explain` shows the records looked at."
        case .unboundConnection: "Say which property of each connected dataset names the record (`connections:` on the dataflow), or the records connected through it are never created."
        case .linkedBySibling: "Two sections of one document bind the same datasets: what one links, the other does not create again; nothing to do."
        case .conditionNotApplied: "The document states a condition in words that offsync cannot apply: apply it with `where:` on the dataset, or accept that every record syncs."
        case "duplicate_key": "A JSON record repeats a key: the last value is used; fix the export."
        default: nil
        }
    }
}
