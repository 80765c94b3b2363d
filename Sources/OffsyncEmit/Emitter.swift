import OffsyncDiagnostics
import OffsyncIngest
import OffsyncPlan
import OffsyncSpec

/// Writes a run: import files (unless only reporting), `report.json`, `report.md`,
/// `report.html` and `manifest.json`, all at once or not at all.
public struct Emitter {
    public var compressionLevel: Int32 = 6

    public init(compressionLevel: Int32 = 6) {
        self.compressionLevel = compressionLevel
    }

    /// Returns the files written, relative to `destination`.
    @discardableResult
    public func write(
        _ plan: Plan, workspace: String, mode: String, options: Manifest.Options, inputs: [InputFile],
        to destination: String, importFiles: Bool
    ) throws(OffsyncError) -> [OutputFolder.WrittenFile] {
        var folder = try OutputFolder(destination: destination)
        do {
            let imports = ImportFile.files(for: plan.operations)
            if importFiles {
                for file in imports {
                    let text = file.lines.joined(separator: "\n") + "\n"
                    try folder.write(file.path, try GzipWriter.compress(Array(text.utf8), level: compressionLevel), records: file.lines.count)
                }
            }
            let report = Report(
                workspace: workspace, mode: mode, options: options, plan: plan,
                imports: importFiles ? imports.map { ($0.path, $0.lines.count) } : [])
            try folder.write("report.json", text: report.json.serialized(pretty: true) + "\n")
            try folder.write("report.md", text: report.markdown)
            try folder.write("report.html", text: report.html)
            try folder.write("manifest.json", text: manifest(inputs: inputs, outputs: folder.written, report: report).serialized(pretty: true) + "\n")
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
        return folder.written
    }

    /// Every input and output with its size, record count and SHA-256.
    func manifest(inputs: [InputFile], outputs: [OutputFolder.WrittenFile], report: Report) -> JSONValue {
        var seen = Set<String>()
        let uniqueInputs = inputs.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
        return .object([
            ("inputs", .array(uniqueInputs.map { file in
                .object([
                    ("path", .string(report.relative(file.path))), ("bytes", .int(file.bytes)),
                    ("records", .int(file.records)), ("sha256", .string(file.sha256)),
                ])
            })),
            ("outputs", .array(outputs.map { file in
                .object([
                    ("path", .string(file.path)), ("bytes", .int(file.bytes)),
                    ("records", file.records.map { .int($0) } ?? .null), ("sha256", .string(file.sha256)),
                ])
            })),
        ])
    }
}


