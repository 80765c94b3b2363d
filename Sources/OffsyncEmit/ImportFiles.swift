import OffsyncDiagnostics
import OffsyncModel
import OffsyncPlan
import OffsyncSpec

/// The import files of a plan: one gzip JSONL file per system, entity type and operation,
/// records sorted by id. Each line is the target's own nested record plus `_id` (absent on
/// create), `$correlation` and `$based_on`.
public struct ImportFile: Sendable {
    /// `import/<system>/<Entity>.<operation>.jsonl.gz`, relative to the output folder.
    public var path: String
    public var dataset: DatasetKey
    public var kind: Operation.Kind
    public var operations: [Operation]
    /// The batch's number (from 1) when the dataset's `batch:` splits its files; nil otherwise.
    public var batch: Int?

    /// `import/<system>/<Entity>.<operation>.csv.gz`, for datasets with `output: csv`.
    public var csvPath: String { String(path.dropLast(".jsonl.gz".count)) + ".csv.gz" }

    /// The import files of `operations`; a dataset in `batches` gets its files split into
    /// numbered batches of at most that many records (`Users.create.0001.jsonl.gz`, ...), in
    /// the order of the unsplit file.
    public static func files(for operations: [Operation], batches: [DatasetKey: Int] = [:]) -> [ImportFile] {
        files(for: operations).flatMap { file -> [ImportFile] in
            guard let size = batches[file.dataset] else { return [file] }
            return stride(from: 0, to: file.operations.count, by: size).enumerated().map { number, start in
                var batch = file
                batch.batch = number + 1
                batch.path = String(file.path.dropLast(".jsonl.gz".count)) + "." + String(format: "%04d", number + 1) + ".jsonl.gz"
                batch.operations = Array(file.operations[start..<min(start + size, file.operations.count)])
                return batch
            }
        }
    }

    private static func files(for operations: [Operation]) -> [ImportFile] {
        var files: [ImportFile] = []
        for operation in operations {
            // Operations arrive sorted by dataset and kind, so a file's lines are contiguous.
            if files.last?.dataset != operation.dataset || files.last?.kind != operation.kind {
                files.append(ImportFile(
                    path: "import/\(operation.dataset.system)/\(operation.dataset.entity).\(operation.kind.rawValue).jsonl.gz",
                    dataset: operation.dataset, kind: operation.kind, operations: []))
            }
            files[files.count - 1].operations.append(operation)
        }
        return files
    }

    static func line(for operation: Operation) -> String {
        var out = JSONBytes()
        write(operation, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The file's lines compressed, each written straight into the compressor's buffer.
    func gzip(level: Int32) throws(OffsyncError) -> [UInt8] {
        var lines = try GzipWriter.Lines(level: level)
        for operation in operations {
            Self.write(operation, to: &lines.out)
            try lines.endLine()
        }
        return try lines.finish()
    }

    /// One operation's line. Paths without a dot (most) are written straight, keys sorted
    /// and the first of a repeated path kept, as `JSONValue.nested` has it; dotted paths go
    /// through the tree, whose nodes and dictionaries cost more than the bytes they make.
    static func write(_ operation: Operation, to out: inout JSONBytes) {
        func flat(_ path: String) -> Bool { !path.utf8.contains(UInt8(ascii: ".")) }
        guard operation.fields.allSatisfy({ flat($0.path) }), operation.basedOn.allSatisfy({ flat($0.path) }) else {
            json(for: operation).write(to: &out, pretty: false, indent: 0)
            return
        }
        var first = true
        func key(_ name: String) {
            out.byte(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.string(name)
            out.byte(UInt8(ascii: ":"))
        }
        // By path, the first of a repeated path only, as `JSONValue.nested` keeps them (the
        // sort is stable).
        func byPath<Value>(_ members: [(path: String, value: Value)]) -> [Int] {
            let order = members.indices.sorted { members[$0].path < members[$1].path }
            return order.indices.filter { $0 == 0 || members[order[$0]].path != members[order[$0 - 1]].path }.map { order[$0] }
        }
        if let id = operation.recordID { key("_id"); out.string(id) }
        if let correlation = operation.correlation { key("$correlation"); out.string(correlation) }
        if operation.kind != .create {
            key("$based_on")
            let seen = byPath(operation.basedOn)
            for (n, index) in seen.enumerated() {
                out.byte(n == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
                out.string(operation.basedOn[index].path)
                out.byte(UInt8(ascii: ":"))
                (operation.basedOn[index].value.map(JSONValue.init) ?? .null).write(to: &out, pretty: false, indent: 0)
            }
            out.raw(seen.isEmpty ? "{}" : "}")
        }
        // The fields are the line's own members, after those above.
        for index in byPath(operation.fields) {
            key(operation.fields[index].path)
            JSONValue(operation.fields[index].value).write(to: &out, pretty: false, indent: 0)
        }
        out.raw(first ? "{}" : "}")
    }

    static func json(for operation: Operation) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let id = operation.recordID { members.append(("_id", .string(id))) }
        if let correlation = operation.correlation { members.append(("$correlation", .string(correlation))) }
        if operation.kind != .create {
            let seen = operation.basedOn.map { (path: $0.path, value: $0.value.map(JSONValue.init) ?? .null) }
            members.append(("$based_on", JSONValue.nested(seen)))
        }
        if case .object(let fields) = JSONValue.nested(operation.fields.map { ($0.path, JSONValue($0.value)) }) {
            members += fields
        }
        return JSONValue.object(members)
    }

    /// The same records as CSV for systems that import CSV: a header of `_id`, `$correlation`,
    /// the dotted field paths and `$based_on.<path>`, in first-seen order; an empty cell leaves
    /// the field alone (offsync never plans to blank a field). Every cell is written exactly;
    /// text a spreadsheet would run as a formula is reported by the plan (`FormulaCheck`).
    public func csv(delimiter: Character = ",") -> String {
        var columns: [String] = []
        var seen = Set<String>()
        func column(_ name: String) {
            if seen.insert(name).inserted { columns.append(name) }
        }
        if kind != .create { column("_id") }
        if operations.contains(where: { $0.correlation != nil }) { column("$correlation") }
        for operation in operations { operation.fields.forEach { column($0.path) } }
        for operation in operations { operation.basedOn.forEach { column("$based_on." + $0.path) } }

        var text = CSVText.row(columns, delimiter: delimiter)
        for operation in operations {
            var cells: [String: String] = [:]
            cells["_id"] = operation.recordID
            cells["$correlation"] = operation.correlation
            for field in operation.fields { cells[field.path] = field.value.text }
            for field in operation.basedOn { cells["$based_on." + field.path] = field.value?.text }
            text += CSVText.row(columns.map { cells[$0] ?? "" }, delimiter: delimiter)
        }
        return text
    }
}
