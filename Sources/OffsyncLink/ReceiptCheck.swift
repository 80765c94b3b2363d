import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

/// The check of an upload receipt's rows before any is remembered: each must name a record
/// offsync created (a correlation value it wrote, in a flow that creates, in the source's
/// export), once, and agree with the links already remembered. A row that contradicts them is
/// refused with its place; one refusal refuses the receipt, since a wrong link would pass
/// updates between unrelated records.
public struct ReceiptCheck {
    /// A row with the source record its correlation value names and the flows that create it.
    struct Resolved {
        var row: ReceiptRow
        var source: DatasetKey
        var sourceID: String
        var flows: [BoundFlow]
    }

    private var resolved: [Resolved] = []
    public private(set) var refusals: [ReceiptRefusal]

    /// Resolves each row's correlation value to its source record and the flows that create it
    /// (into `target` only, when given). A source created into several datasets needs `target`.
    public init(_ read: ReceiptRows, flows: [BoundFlow], target: DatasetKey?) throws(OffsyncError) {
        refusals = read.refusals
        for row in read.rows {
            guard let (source, sourceID) = BoundFlow.parseCorrelation(row.correlation) else {
                refusals.append(ReceiptRefusal(
                    location: row.location,
                    sentence: "'\(row.correlation)' is not a correlation value offsync wrote (offsync:<system>/<Entity>/<id>)"))
                continue
            }
            let creating = flows.filter { $0.source == source && $0.createsWhenUnmatched && (target == nil || $0.target == target) }
            let targets = Set(creating.map(\.target))
            guard !creating.isEmpty else {
                throw OffsyncError.badInput("no flow creates records from \(source)" + (target.map { " into \($0)" } ?? ""), at: row.location)
            }
            guard targets.count == 1 else {
                throw OffsyncError.badInput(
                    "\(source) records are created in \(targets.map(\.description).sorted().joined(separator: ", ")): name the receipt's dataset with --dataset",
                    at: row.location)
            }
            resolved.append(Resolved(row: row, source: source, sourceID: sourceID, flows: creating))
        }
    }

    /// The datasets whose exports must hold the rows' source records.
    public var sourceDatasets: Set<DatasetKey> { Set(resolved.map(\.source)) }

    /// The new links, and how many rows were already linked as they say; refusals are kept.
    public mutating func links(exported: [DatasetKey: Set<String>], remembered: [RememberedLink]) -> (links: [RememberedLink], alreadyLinked: Int) {
        var targetOf: [String: String] = [:]
        var sourceOf: [String: String] = [:]
        for link in remembered {
            targetOf["\(link.flow)\u{1F}\(link.sourceID)"] = link.targetID
            sourceOf["\(link.flow)\u{1F}\(link.targetID)"] = link.sourceID
        }

        var links: [RememberedLink] = []
        var known = 0
        var given: [String: ReceiptRow] = [:]
        rows: for item in resolved {
            let (row, source, sourceID) = (item.row, item.source, item.sourceID)
            func refuse(_ sentence: String) { refusals.append(ReceiptRefusal(location: row.location, sentence: sentence)) }
            guard exported[source]?.contains(sourceID) == true else {
                refuse("\(row.correlation) names \(source) \(sourceID), which the export of \(source) does not have")
                continue
            }
            if let earlier = given.updateValue(row, forKey: "\(source)\u{1F}\(sourceID)") {
                refuse("\(source) \(sourceID) is given id \(row.id) here and \(earlier.id) at \(earlier.location); one record was created once")
                continue
            }
            var fresh: [RememberedLink] = []
            for flow in item.flows {
                if let linked = targetOf["\(flow.name)\u{1F}\(sourceID)"] {
                    if linked == row.id {
                        known += 1
                        continue
                    }
                    refuse("\(source) \(sourceID) is already linked to \(flow.target) \(linked) in \(flow.name); the receipt gives it \(row.id)")
                    continue rows
                }
                if let other = sourceOf["\(flow.name)\u{1F}\(row.id)"] {
                    refuse("\(flow.target) \(row.id) is already linked to \(source) \(other) in \(flow.name); the receipt gives it to \(sourceID)")
                    continue rows
                }
                fresh.append(RememberedLink(flow: flow.name, sourceID: sourceID, targetID: row.id, how: "receipt"))
            }
            links += fresh
        }
        return (links, known)
    }

    /// How many refused rows the error lists; the count names the rest.
    static let listedRefusals = 20

    /// One error for all refused rows, in file order (the first row's place is the error's);
    /// nil when none was refused.
    public func refused(of rows: Int) -> OffsyncError? {
        guard !refusals.isEmpty else { return nil }
        let sorted = refusals.sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
        var message = sorted[0].sentence
        for refusal in sorted.dropFirst().prefix(Self.listedRefusals - 1) { message += "\n  \(refusal.location): \(refusal.sentence)" }
        if sorted.count > Self.listedRefusals { message += "\n  … and \(sorted.count - Self.listedRefusals) more" }
        message += "\n\(sorted.count) of \(rows) receipt rows refused; nothing from the receipt was remembered"
        return OffsyncError.badInput(message, at: sorted[0].location)
    }
}
