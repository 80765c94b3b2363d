import OffsyncIngest
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
    public var lines: [String]

    public static func files(for operations: [Operation]) -> [ImportFile] {
        var files: [ImportFile] = []
        for operation in operations {
            // Operations arrive sorted by dataset and kind, so a file's lines are contiguous.
            if files.last?.dataset != operation.dataset || files.last?.kind != operation.kind {
                files.append(ImportFile(
                    path: "import/\(operation.dataset.system)/\(operation.dataset.entity).\(operation.kind.rawValue).jsonl.gz",
                    dataset: operation.dataset, kind: operation.kind, lines: []))
            }
            files[files.count - 1].lines.append(line(for: operation))
        }
        return files
    }

    static func line(for operation: Operation) -> String {
        var members: [(String, JSONValue)] = []
        if let id = operation.recordID { members.append(("_id", .string(id))) }
        if let correlation = operation.correlation { members.append(("$correlation", .string(correlation))) }
        if operation.kind == .update {
            let seen = operation.basedOn.map { (path: $0.path, value: $0.value.map(JSONValue.init) ?? .null) }
            members.append(("$based_on", JSONValue.nested(seen)))
        }
        if case .object(let fields) = JSONValue.nested(operation.fields.map { ($0.path, JSONValue($0.value)) }) {
            members += fields
        }
        return JSONValue.object(members).serialized()
    }
}
