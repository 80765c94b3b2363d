import OffsyncModel
import OffsyncDiagnostics
import OffsyncSpec

extension Dataset {
    /// Refuses an `id:` or `where:` field that no record of the dataset's files has: a misspelled
    /// name, or a CSV file read with the wrong delimiter (its header is then one column). Left
    /// alone, a `where:` would leave the dataset without records and an `id:` every record
    /// invalid, and a run would go on as if the export were empty.
    public func checkNamedFields() throws(OffsyncError) {
        // Files without records or a header say nothing about the fields.
        guard fileRecords > 0 || !fileColumns.isEmpty else { return }
        // The filter first: it applies first, and a field it lacks empties the dataset.
        var named: [(path: String, key: String, location: SourceLocation?)] = spec.filter.map { ($0.path, "where.\($0.path)", $0.location) }
        named.append((spec.id, "id", spec.idLocation))
        for (path, key, location) in named {
            if let id = paths.id(of: path), fileColumns.contains(id) { continue }
            throw missingField(path, key: key, location: location)
        }
    }

    /// Refuses a dataflow's `where:` field that no record of this (source) dataset has: the
    /// flow would select nothing.
    public func checkSelected(_ conditions: [FieldCondition]) throws(OffsyncError) {
        guard fileRecords > 0 || !fileColumns.isEmpty else { return }
        for condition in conditions {
            if let id = paths.id(of: condition.path), fileColumns.contains(id) { continue }
            throw missingField(condition.path, key: "flow where", location: condition.location)
        }
    }

    /// How many of the fields that do exist a message lists.
    static let listedFields = 8

    private func missingField(_ path: String, key: String, location: SourceLocation?) -> OffsyncError {
        let csv = files.contains { $0.csvDelimiter != nil }
        let all = fileColumns.map { paths.names[Int($0)] }
        // A JSON object is a path too, but holds no value of its own.
        let names = all.filter { name in !all.contains { $0.hasPrefix(name + ".") } }.sorted()
        let what = key == "id" ? "the id field" : key == "flow where" ? "the dataflow's where field" : "the where field"
        var message = "\(what) '\(path)' is in no record of \(spec.key)"
        if let near = nearestName(to: path, among: names) { message += " (did you mean '\(near)'?)" }
        if names.isEmpty {
            message += "; its \(fileRecords) records have no fields"
        } else {
            let listed = names.prefix(Self.listedFields).map { "'\($0)'" }.joined(separator: ", ")
            let more = names.count > Self.listedFields ? ", … (\(names.count) in all)" : ""
            message += "; \(csv ? "the header's columns" : "the records' fields"): \(listed)\(more)"
        }
        if csv { message += "; " + delimiterNote(names) }
        message += key == "id" ? "; as it is, every record would be left out"
            : key == "flow where" ? "; as it is, the flow would select no record" : "; as it is, the dataset would have no records"
        var place = location ?? spec.location ?? SourceLocation(file: "offsync.yaml")
        // The dataflow's `where` keeps the key it was read with.
        if key != "flow where" { place.key = "systems.\(spec.key.system).datasets.\(spec.key.entity).\(key)" }
        return OffsyncError.badInput(message, at: place)
    }

    /// Which delimiter the CSV files were read with and where it came from; a header read as one
    /// column that holds another delimiter says which one the file most likely uses.
    private func delimiterNote(_ names: [String]) -> String {
        let used = Set(files.compactMap(\.csvDelimiter)).sorted()
        var note = "read with the delimiter " + used.map(Self.spell).joined(separator: " and ")
        note += spec.csv.delimiter == nil ? " (sniffed from the header line)" : " (given in csv: { delimiter })"
        if names.count == 1, let other = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09].first(where: { byte in
            !used.contains(byte) && names[0].utf8.contains(byte)
        }) {
            note += "; the header was read as one column, and it holds \(Self.spell(other)): set csv: { delimiter: \(other == 0x09 ? "tab" : "\"\(Character(Unicode.Scalar(other)))\"") }"
        }
        return note
    }

    private static func spell(_ delimiter: UInt8) -> String {
        delimiter == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(delimiter)))'"
    }
}
