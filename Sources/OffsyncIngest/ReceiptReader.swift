import Foundation
import OffsyncDiagnostics
import OffsyncModel
import OffsyncSpec

/// Reads an upload receipt into rows: a list of created records with their correlation values,
/// Zendesk's job status (rows by their place in the uploaded batch), or a create response that
/// lists the created records in request order.
public enum ReceiptReader {
    /// The receipt's rows, read like any export (CSV, JSON, NDJSON, gzip); the fields are the
    /// first of the usual names present unless given. Rows without an id or correlation value,
    /// and rows repeating another row's id, are refusals; `count` is every row read.
    public static func rows(
        file: String, root: String, correlationField: String?, idField: String?, batch: String? = nil
    ) throws(OffsyncError) -> ReceiptRows {
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
        var refusals: [ReceiptRefusal] = []
        let firstRow = Dictionary(dataset.records.map { ($0.id, dataset.location(of: $0)) }, uniquingKeysWith: { a, _ in a })
        for finding in dataset.findings {
            guard let location = finding.location else { continue }
            if finding.code == .invalid {
                refusals.append(ReceiptRefusal(location: location, sentence: "the row has no id ('\(dataset.spec.id)' is missing or empty)"))
            } else if finding.code == .duplicate, let id = finding.recordID {
                let first = firstRow[id].map { " (first at \($0))" } ?? ""
                refusals.append(ReceiptRefusal(location: location, sentence: "the new id \(id) is given again\(first); one id belongs to one created record"))
            }
        }
        var rows: [ReceiptRow] = []
        for record in dataset.records {
            guard let value = dataset.value(record, field)?.text, !value.isEmpty else {
                refusals.append(ReceiptRefusal(location: dataset.location(of: record), sentence: "the row has no '\(field)'"))
                continue
            }
            rows.append(ReceiptRow(correlation: value, id: record.id, location: dataset.location(of: record)))
        }
        return ReceiptRows(rows: rows, refusals: refusals, count: dataset.records.count + dataset.invalidCount, notCreated: 0)
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
    ) throws(OffsyncError) -> ReceiptRows {
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
    ) throws(OffsyncError) -> ReceiptRows? {
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
    ) throws(OffsyncError) -> ReceiptRows {
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
        var rows: [ReceiptRow] = [], refusals: [ReceiptRefusal] = []
        var notCreated = 0
        for row in placed {
            guard row.created, let id = row.id else {
                notCreated += 1
                continue
            }
            guard let index = Int(row.index), index >= 0, index < total else {
                refusals.append(ReceiptRefusal(location: row.location, sentence: "index '\(row.index)' is not a line of \(batch) (\(total) lines, from index 0)"))
                continue
            }
            guard let correlation = correlationOf[index] else {
                refusals.append(ReceiptRefusal(location: row.location, sentence: "line \(index + 1) of \(batch) has no $correlation: it is not a create"))
                continue
            }
            rows.append(ReceiptRow(correlation: correlation, id: id, location: row.location))
        }
        return ReceiptRows(rows: rows, refusals: refusals, count: placed.count, notCreated: notCreated)
    }
}
