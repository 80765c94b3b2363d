import Foundation
import OffsyncDiagnostics
import OffsyncIngest
import OffsyncModel
import OffsyncLink
import OffsyncSpec
import OffsyncState

extension Pipeline {
    /// What `offsync ack` did with an upload receipt.
    public struct Acknowledgement: Sendable {
        /// New links remembered, per flow.
        public var linked: [String: Int]
        /// Rows whose source record already had a link (kept as it was).
        public var alreadyLinked: Int
        /// Rows of a batch receipt the upload did not create (`"success": false`, or another
        /// action than create): left out.
        public var notCreated = 0
        public var file: String
    }

    /// Remembers the links an upload receipt gives: each row holds a correlation value offsync
    /// wrote on a create and the id the target system gave the new record. The next run links
    /// the pair as remembered, even when the target keeps no correlation value.
    ///
    /// Every row is checked first, against the receipt's other rows, the source dataset's export
    /// and the remembered links; a row that contradicts them is refused with its place, and then
    /// nothing is remembered: a wrong link would pass updates between unrelated records.
    ///
    /// A receipt that names created records by their place in the upload, as Zendesk's
    /// `job_status` does (`{"index": 0, "id": 9001, "success": true}`), is read against the
    /// import file that was uploaded (`batch`): its line `index + 1` holds the correlation value.
    public static func acknowledge(
        workspace: String, receipt: String, dataset: String? = nil,
        correlationField: String? = nil, idField: String? = nil, batch: String? = nil
    ) throws(OffsyncError) -> Acknowledgement {
        let root = try WorkspaceSpec.root(of: workspace)
        let lock = try WorkspaceLock(workspace: root)
        defer { withExtendedLifetime(lock) {} }
        try finishCommitted(root)
        let spec = try WorkspaceSpec.load(workspace: root)
        let file = URL(fileURLWithPath: receipt).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: file) else {
            throw OffsyncError.badInput("there is no receipt here", at: SourceLocation(file: file))
        }
        let read = try receiptRows(
            file: file, root: root, correlationField: correlationField, idField: idField,
            batch: batch.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        let target = try dataset.map { text throws(OffsyncError) -> DatasetKey in
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            let key = parts.count == 2 ? DatasetKey(system: parts[0], entity: parts[1]) : nil
            guard let key, spec.manifest.dataset(key) != nil else {
                throw OffsyncError(.usage, "--dataset '\(text)' is not a dataset of the manifest (system.Entity)")
            }
            return key
        }
        var refusals = read.refusals
        var resolved: [(row: ReceiptRow, source: DatasetKey, sourceID: String, flows: [BoundFlow])] = []
        for row in read.rows {
            guard let (source, sourceID) = BoundFlow.parseCorrelation(row.correlation) else {
                refusals.append(Refusal(
                    location: row.location,
                    sentence: "'\(row.correlation)' is not a correlation value offsync wrote (offsync:<system>/<Entity>/<id>)"))
                continue
            }
            let flows = spec.flows.filter { $0.source == source && $0.createsWhenUnmatched && (target == nil || $0.target == target) }
            let targets = Set(flows.map(\.target))
            guard !flows.isEmpty else {
                throw OffsyncError.badInput("no flow creates records from \(source)" + (target.map { " into \($0)" } ?? ""), at: row.location)
            }
            guard targets.count == 1 else {
                throw OffsyncError.badInput(
                    "\(source) records are created in \(targets.map(\.description).sorted().joined(separator: ", ")): name the receipt's dataset with --dataset",
                    at: row.location)
            }
            resolved.append((row, source, sourceID, flows))
        }

        // The source records the rows name must be in their exports, read as a run reads them.
        let sourceKeys = Set(resolved.map(\.source))
        var loader = DatasetLoader(root: root)
        let exports = try loader.load(spec.manifest.datasets.filter { sourceKeys.contains($0.key) })
        let exported = Dictionary(uniqueKeysWithValues: exports.map { ($0.key, Set($0.records.map(\.id))) })

        // Read only: a refused receipt leaves state as it was, not even created.
        let stateFile = ((root as NSString).appendingPathComponent(".offsync") as NSString).appendingPathComponent("state.sqlite")
        let stored = FileManager.default.fileExists(atPath: stateFile) ? try LinkStore(workspace: root, readOnly: true).links() : []
        var targetOf: [String: String] = [:]
        var sourceOf: [String: String] = [:]
        for link in stored {
            targetOf["\(link.flow)\u{1F}\(link.sourceID)"] = link.targetID
            sourceOf["\(link.flow)\u{1F}\(link.targetID)"] = link.sourceID
        }

        var links: [RememberedLink] = []
        var known = 0
        var given: [String: ReceiptRow] = [:]
        rows: for (row, source, sourceID, flows) in resolved {
            func refuse(_ sentence: String) { refusals.append(Refusal(location: row.location, sentence: sentence)) }
            guard exported[source]?.contains(sourceID) == true else {
                refuse("\(row.correlation) names \(source) \(sourceID), which the export of \(source) does not have")
                continue
            }
            if let earlier = given.updateValue(row, forKey: "\(source)\u{1F}\(sourceID)") {
                refuse("\(source) \(sourceID) is given id \(row.id) here and \(earlier.id) at \(earlier.location); one record was created once")
                continue
            }
            var fresh: [RememberedLink] = []
            for flow in flows {
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
        if !refusals.isEmpty { throw refused(refusals, of: read.count) }
        if !links.isEmpty { try LinkStore(workspace: root).remember(links) }
        return Acknowledgement(
            linked: Dictionary(grouping: links, by: \.flow).mapValues(\.count), alreadyLinked: known, notCreated: read.notCreated, file: file)
    }

    /// A receipt row that cannot be remembered, and why.
    struct Refusal {
        var location: SourceLocation
        var sentence: String
    }

    /// How many refused rows the error lists; the count names the rest.
    static let listedRefusals = 20

    /// One error for all refused rows, in file order: the first row's place is the error's.
    static func refused(_ refusals: [Refusal], of rows: Int) -> OffsyncError {
        let sorted = refusals.sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
        var message = sorted[0].sentence
        for refusal in sorted.dropFirst().prefix(listedRefusals - 1) { message += "\n  \(refusal.location): \(refusal.sentence)" }
        if sorted.count > listedRefusals { message += "\n  … and \(sorted.count - listedRefusals) more" }
        message += "\n\(sorted.count) of \(rows) receipt rows refused; nothing from the receipt was remembered"
        return OffsyncError.badInput(message, at: sorted[0].location)
    }

    struct ReceiptRow {
        var correlation: String
        var id: String
        var location: SourceLocation
    }

    /// The receipt's rows, read like any export (CSV, JSON, NDJSON, gzip); the fields are the
    /// first of the usual names present unless given. Rows without an id or correlation value,
    /// and rows repeating another row's id, are refusals; `count` is every row read.
    static func receiptRows(
        file: String, root: String, correlationField: String?, idField: String?, batch: String? = nil
    ) throws(OffsyncError) -> (rows: [ReceiptRow], refusals: [Refusal], count: Int, notCreated: Int) {
        var loader = DatasetLoader(root: root)
        let key = DatasetKey(system: "receipt", entity: (file as NSString).lastPathComponent)
        func load(records: String?) throws(OffsyncError) -> Dataset? {
            for candidate in idField.map({ [$0] }) ?? ["_id", "id", "Id", "ID"] {
                let dataset = try loader.load(DatasetSpec(key: key, files: [file], records: records, id: candidate))
                if !dataset.records.isEmpty || idField != nil { return dataset }
            }
            return nil
        }
        // A list of rows, or Zendesk's job status: `{"job_status": {"results": [...]}}`.
        var loaded = try load(records: nil)
        if loaded?.records.isEmpty ?? true, let results = try? load(records: "job_status.results") { loaded = results }
        guard let dataset = loaded, !dataset.records.isEmpty else {
            throw OffsyncError.badInput("the receipt has no rows with an id (looked for _id, id, Id, ID; name it with --id-field)", at: SourceLocation(file: file))
        }
        let candidates = correlationField.map { [$0] } ?? ["$correlation", "correlation", "external_id", "ExternalCode", "externalId"]
        if correlationField == nil, !candidates.contains(where: dataset.hasPath) {
            if dataset.hasPath("index") { return try indexedRows(dataset, batch: batch, root: root) }
            if let batch, let positional = try positionalRows(file: file, idField: idField, batch: batch, root: root) { return positional }
        }
        guard let field = candidates.first(where: dataset.hasPath) else {
            throw OffsyncError.badInput(
                "the receipt has no correlation field (looked for \(candidates.joined(separator: ", ")); name it with --correlation-field, or give --batch, the import file, for a receipt that lists the created records in the order of the upload)",
                at: SourceLocation(file: file))
        }
        // The loader leaves out rows without an id and rows repeating an id: each is a refusal.
        var refusals: [Refusal] = []
        let firstRow = Dictionary(dataset.records.map { ($0.id, dataset.location(of: $0)) }, uniquingKeysWith: { a, _ in a })
        for finding in dataset.findings {
            guard let location = finding.location else { continue }
            if finding.code == .invalid {
                refusals.append(Refusal(location: location, sentence: "the row has no id ('\(dataset.spec.id)' is missing or empty)"))
            } else if finding.code == .duplicate, let id = finding.recordID {
                let first = firstRow[id].map { " (first at \($0))" } ?? ""
                refusals.append(Refusal(location: location, sentence: "the new id \(id) is given again\(first); one id belongs to one created record"))
            }
        }
        var rows: [ReceiptRow] = []
        for record in dataset.records {
            guard let value = dataset.value(record, field)?.text, !value.isEmpty else {
                refusals.append(Refusal(location: dataset.location(of: record), sentence: "the row has no '\(field)'"))
                continue
            }
            rows.append(ReceiptRow(correlation: value, id: record.id, location: dataset.location(of: record)))
        }
        return (rows, refusals, dataset.records.count + dataset.invalidCount, 0)
    }

    /// A receipt row that names its record by its place in the uploaded batch.
    struct PlacedRow {
        /// The record's index in the batch (from 0), as given.
        var index: String
        var id: String?
        /// False for a row the upload did not create.
        var created: Bool
        var location: SourceLocation
    }

    /// The rows of a receipt that names created records by their place in the uploaded batch
    /// (Zendesk's `job_status.results[]`: `index`, from 0): the correlation value is the one on
    /// that line of the batch file. Rows the upload did not create (`"success": false`, an
    /// `action` other than `create`, no id) are left out and counted.
    static func indexedRows(
        _ receipt: Dataset, batch: String?, root: String
    ) throws(OffsyncError) -> (rows: [ReceiptRow], refusals: [Refusal], count: Int, notCreated: Int) {
        let placed = receipt.records.map { record in
            PlacedRow(
                index: receipt.value(record, "index")?.text ?? "", id: record.id,
                created: receipt.value(record, "success")?.text != "false" && (receipt.value(record, "action")?.text).map { $0 == "create" } ?? true,
                location: receipt.location(of: record))
        }
        // A row without an id is one the upload did not create (Zendesk leaves it out).
        var result = try rowsAgainstBatch(placed, file: receipt.files.first?.path ?? "", batch: batch, root: root)
        result.notCreated += receipt.invalidCount
        result.count += receipt.invalidCount
        return result
    }

    /// The rows of a create response that lists the created records in request order (YouTrack's
    /// and PowerOffice Go's: a JSON array of the created objects): the record at place n is
    /// line n + 1 of the batch; an element without an id was not created. Nil when the file is
    /// not a JSON array of objects.
    static func positionalRows(
        file: String, idField: String?, batch: String, root: String
    ) throws(OffsyncError) -> (rows: [ReceiptRow], refusals: [Refusal], count: Int, notCreated: Int)? {
        guard let data = FileManager.default.contents(atPath: file),
            let array = try? JSONSerialization.jsonObject(with: data) as? [Any], array.allSatisfy({ $0 is [String: Any] })
        else { return nil }
        let placed = array.enumerated().map { index, element in
            let object = element as! [String: Any]
            let value = (idField.map { [$0] } ?? ["_id", "id", "Id", "ID"]).lazy.compactMap { object[$0] }.first
            let id = value.map { "\($0)" }.flatMap { $0.isEmpty || $0 == "<null>" ? nil : $0 }
            return PlacedRow(index: String(index), id: id, created: id != nil, location: SourceLocation(file: file, key: "[\(index)]"))
        }
        return try rowsAgainstBatch(placed, file: file, batch: batch, root: root)
    }

    /// Each placed row's correlation value from the line of the batch its index names.
    static func rowsAgainstBatch(
        _ placed: [PlacedRow], file: String, batch: String?, root: String
    ) throws(OffsyncError) -> (rows: [ReceiptRow], refusals: [Refusal], count: Int, notCreated: Int) {
        guard let batch else {
            throw OffsyncError(
                .usage,
                "the receipt \(file) names the created records by their place in the upload, not by correlation value: name the import file it answers with --batch")
        }
        var loader = DatasetLoader(root: root)
        let lines = try loader.load(DatasetSpec(key: DatasetKey(system: "batch", entity: (batch as NSString).lastPathComponent), files: [batch], id: "$correlation"))
        // An import file holds one JSON object a line: line n is the record at index n - 1.
        var correlationOf: [Int: String] = [:]
        for record in lines.records { if let line = lines.location(of: record).line { correlationOf[line - 1] = record.id } }
        let total = lines.fileRecords
        var rows: [ReceiptRow] = [], refusals: [Refusal] = []
        var notCreated = 0
        for row in placed {
            guard row.created, let id = row.id else {
                notCreated += 1
                continue
            }
            guard let index = Int(row.index), index >= 0, index < total else {
                refusals.append(Refusal(location: row.location, sentence: "index '\(row.index)' is not a line of \(batch) (\(total) lines, from index 0)"))
                continue
            }
            guard let correlation = correlationOf[index] else {
                refusals.append(Refusal(location: row.location, sentence: "line \(index + 1) of \(batch) has no $correlation: it is not a create"))
                continue
            }
            rows.append(ReceiptRow(correlation: correlation, id: id, location: row.location))
        }
        return (rows, refusals, placed.count, notCreated)
    }
}
