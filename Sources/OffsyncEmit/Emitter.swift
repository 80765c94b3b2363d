import OffsyncDiagnostics
import OffsyncIngest
import OffsyncPlan
import OffsyncSpec

/// Writes a run: import files (unless only reporting), `report.json`, `report.md`,
/// `report.html` and `manifest.json`, into a staged `OutputFolder` that the caller publishes.
public struct Emitter {
    public var compressionLevel: Int32 = 6

    public init(compressionLevel: Int32 = 6) {
        self.compressionLevel = compressionLevel
    }

    /// Stages every output in `folder`. `csvOutputs` holds the datasets with `output: csv` and
    /// the delimiter their CSV import files use.
    public func write(
        _ plan: Plan, workspace: String, mode: String, options: Manifest.Options, inputs: [InputFile],
        into folder: inout OutputFolder, importFiles: Bool, csvOutputs: [DatasetKey: Character] = [:]
    ) throws(OffsyncError) {
        let imports = ImportFile.files(for: plan.operations)
        var listed: [(path: String, records: Int)] = []
        for file in imports {
            listed.append((file.path, file.operations.count))
            if importFiles {
                let text = file.lines.joined(separator: "\n") + "\n"
                try folder.write(file.path, try compress(text), records: file.operations.count)
            }
            if let delimiter = csvOutputs[file.dataset] {
                listed.append((file.csvPath, file.operations.count))
                if importFiles {
                    try folder.write(file.csvPath, try compress(file.csv(delimiter: delimiter)), records: file.operations.count)
                }
            }
        }
        let report = Report(
            workspace: workspace, mode: mode, options: options, plan: plan, imports: importFiles ? listed : [])
        try folder.write(Report.findingsFile, try report.findingLines(level: compressionLevel), records: plan.findings.count)
        try folder.write("report.json", report.json.bytes(pretty: true) + [UInt8(ascii: "\n")])
        try folder.write("report.md", text: report.markdown)
        try folder.write("report.html", text: report.html)
        try folder.write("manifest.json", manifest(mode: mode, inputs: inputs, outputs: folder.written, report: report).bytes(pretty: true) + [UInt8(ascii: "\n")])
    }

    func compress(_ text: String) throws(OffsyncError) -> [UInt8] {
        try GzipWriter.compress(Array(text.utf8), level: compressionLevel)
    }

    /// Every input and output with its size, record count and SHA-256, and the mode that wrote
    /// them: what marks the folder as offsync's own (`OutputFolder.check`).
    func manifest(mode: String, inputs: [InputFile], outputs: [OutputFolder.WrittenFile], report: Report) -> JSONValue {
        var seen = Set<String>()
        let uniqueInputs = inputs.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
        return .object([
            ("generator", .string("offsync")), ("mode", .string(mode)),
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


