import OffsyncDiagnostics
import OffsyncModel
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
    /// the delimiter their CSV import files use; `batches` the datasets whose import files are
    /// split (`batch:`); `uploadOrder` the target datasets, referenced ones first.
    public func write(
        _ plan: Plan, workspace: String, mode: String, options: Manifest.Options, inputs: [InputFile],
        into folder: inout OutputFolder, importFiles: Bool, csvOutputs: [DatasetKey: Character] = [:], forced: Bool = false,
        batches: [DatasetKey: Int] = [:], uploadOrder: [DatasetKey] = []
    ) throws(OffsyncError) {
        let imports = ImportFile.files(for: plan.operations, batches: batches)
        var listed: [(path: String, records: Int)] = []
        var compressed: [Compressed] = []
        for file in imports {
            listed.append((file.path, file.operations.count))
            if importFiles { compressed.append(.jsonLines(file)) }
            if let delimiter = csvOutputs[file.dataset] {
                listed.append((file.csvPath, file.operations.count))
                if importFiles { compressed.append(.csv(file, delimiter)) }
            }
        }
        var report = Report(
            workspace: workspace, mode: mode, options: options, plan: plan, imports: importFiles ? listed : [])
        report.forced = forced
        if importFiles { report.uploads = Self.uploads(imports, order: uploadOrder) }
        compressed.append(.findings(report))
        compressed.append(.identities(report))
        // Each file is made and compressed on a core of its own, the largest first (the findings
        // of a large run take longest: started last, they would run alone at the end), then
        // written in this order.
        let level = compressionLevel
        let largestFirst = compressed.indices.sorted { compressed[$0].records > compressed[$1].records }
        let made = largestFirst.map { compressed[$0] }.concurrentMap { output in
            Result { () throws(OffsyncError) in try output.bytes(level: level) }
        }
        for (index, result) in zip(largestFirst, made).sorted(by: { $0.0 < $1.0 }) {
            try folder.write(compressed[index].path, try result.get(), records: compressed[index].records)
        }
        report.written = folder.written
        try folder.write("report.json", report.json.bytes(pretty: true) + [UInt8(ascii: "\n")])
        try folder.write("report.md", text: report.markdown)
        try folder.write("report.html", text: report.html)
        try folder.write("manifest.json", manifest(mode: mode, inputs: inputs, outputs: folder.written, report: report).bytes(pretty: true) + [UInt8(ascii: "\n")])
    }

    /// The import files in the order to upload them: every create first, referenced datasets
    /// before those that reference them; then updates; then deletes, referencing datasets first;
    /// batches in their numbers' order.
    static func uploads(_ files: [ImportFile], order: [DatasetKey]) -> [(path: String, records: Int)] {
        func rank(_ file: ImportFile) -> (Int, Int, Int) {
            let position = order.firstIndex(of: file.dataset) ?? order.count
            switch file.kind {
            case .create: return (0, position, file.batch ?? 0)
            case .update: return (1, position, file.batch ?? 0)
            case .delete: return (2, order.count - position, file.batch ?? 0)
            }
        }
        return files.enumerated().sorted { a, b in
            let (x, y) = (rank(a.element), rank(b.element))
            return x != y ? x < y : a.offset < b.offset
        }.map { ($0.element.path, $0.element.operations.count) }
    }

    /// A gzip file of a run: an import file (JSON lines or CSV), every finding or every merged identity.
    enum Compressed: Sendable {
        case jsonLines(ImportFile)
        case csv(ImportFile, Character)
        case findings(Report)
        case identities(Report)

        var path: String {
            switch self {
            case .jsonLines(let file): file.path
            case .csv(let file, _): file.csvPath
            case .findings: Report.findingsFile
            case .identities: Report.identitiesFile
            }
        }

        var records: Int {
            switch self {
            case .jsonLines(let file), .csv(let file, _): file.operations.count
            case .findings(let report): report.plan.findings.count
            case .identities(let report): report.plan.identities.count
            }
        }

        func bytes(level: Int32) throws(OffsyncError) -> [UInt8] {
            switch self {
            case .jsonLines(let file): try file.gzip(level: level)
            case .csv(let file, let delimiter): try GzipWriter.compress(Array(file.csv(delimiter: delimiter).utf8), level: level)
            case .findings(let report): try report.findingLines(level: level)
            case .identities(let report): try report.identityLines(level: level)
            }
        }
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


