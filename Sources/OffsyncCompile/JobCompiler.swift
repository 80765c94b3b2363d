import Foundation
import OffsyncDiagnostics
import OffsyncSpec

/// Compiles a workspace's flows into a job for another engine: SQL that makes offsync's
/// decisions (links, changes, operations, counts) over the same exports, and a driver that
/// reads the exports, runs the SQL and writes the import files and counts.
///
/// What the job cannot do for a workspace is named before anything is written
/// (`unsupported`): compiling refuses rather than plan something else than offsync would.
public struct JobCompiler {
    public let spec: WorkspaceSpec
    public init(spec: WorkspaceSpec) {
        self.spec = spec
    }

    /// Each part of the workspace the compiled job would not decide as offsync does, with its
    /// place. Empty: the job plans what `offsync run` plans.
    public func unsupported() -> [OffsyncError] {
        var refused: [OffsyncError] = []
        if spec.flows.isEmpty { refused.append(.badInput("the workspace has no flows to compile", at: SourceLocation(file: spec.manifestFile, key: "dataflows"))) }
        for flow in spec.flows {
            for mapping in flow.properties + flow.flow.mergeCombinations.flatMap(\.pairs).map({ PropertyMapping(source: $0.source, target: $0.target) }) {
                for path in [mapping.source, mapping.target] where path.contains("\"") || path.contains("'") {
                    refused.append(.badInput("\(flow.name): the property '\(path)' holds a quote, which a compiled job cannot name", at: mapping.location ?? flow.flow.location))
                }
            }
        }
        return refused
    }

    /// The job for `engine`. `workspace` is how the job's driver finds the workspace: relative
    /// to the job folder, or absolute.
    public func compile(engine: Engine, workspace: String) throws(OffsyncError) -> CompiledJob {
        let refused = unsupported()
        if !refused.isEmpty {
            let lines = refused.map { "  \($0)" }.joined(separator: "\n")
            throw OffsyncError.badInput("the workspace cannot be compiled for \(engine.rawValue):\n\(lines)")
        }
        let dialect: SQLDialect = switch engine {
        case .duckdb: .duckdb
        case .spark: .spark
        }
        return CompiledJob(engine: engine, files: [
            .init(path: "job.sql", contents: SQLJob(spec: spec, datasets: usedDatasets, dialect: dialect).sql()),
            .init(path: "job.json", contents: jobDescription(engine: engine, workspace: workspace)),
            .init(path: "run", contents: JobDriver.script(for: engine), executable: true),
            .init(path: "README.md", contents: readme(engine: engine)),
        ])
    }

    /// The datasets the flows read (sources, targets), in manifest order.
    var usedDatasets: [DatasetSpec] {
        let used = Set(spec.flows.flatMap { [$0.source, $0.target] })
        return spec.manifest.datasets.filter { used.contains($0.key) }
    }

    /// What the driver needs beyond the SQL: where the exports are and how to read them, and
    /// the import files the SQL's operations go to.
    func jobDescription(engine: Engine, workspace: String) -> String {
        let description = JobDescription(
            engine: engine.rawValue, workspace: workspace, circuitBreaker: spec.manifest.options.circuitBreaker,
            compressionLevel: spec.manifest.options.compressionLevel,
            datasets: usedDatasets.enumerated().map { index, dataset in
                .init(
                    table: "raw\(index)", dataset: dataset.key.description, files: dataset.files, records: dataset.records,
                    delimiter: dataset.csv.delimiter.map { String(UnicodeScalar($0)) }, encoding: dataset.csv.encoding.rawValue,
                    batch: dataset.batch, csvOutput: dataset.output.contains(.csv), lenient: dataset.csv.lenient)
            },
            flows: spec.flows.map { .init(name: $0.name, source: $0.source.description, target: $0.target.description, document: $0.document) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(description), as: UTF8.self) + "\n"
    }

    /// `job.json`: what the driver reads.
    struct JobDescription: Encodable {
        enum CodingKeys: String, CodingKey {
            case generator, engine, workspace, circuitBreaker = "circuit_breaker", compressionLevel = "compression_level", datasets, flows
        }

        var generator = "offsync compile"
        var engine: String
        var workspace: String
        var circuitBreaker: Double
        var compressionLevel: Int
        var datasets: [Dataset]
        var flows: [Flow]

        struct Dataset: Encodable {
            var table: String
            var dataset: String
            var files: [String]
            var records: String?
            var delimiter: String?
            var encoding: String
            var batch: Int?
            /// `output: csv`: CSV import files beside the JSON lines, in the dataset's delimiter.
            var csvOutput: Bool
            /// `csv: { lenient: true }`: rows with too many or too few fields are skipped, counted invalid.
            var lenient: Bool

            enum CodingKeys: String, CodingKey {
                case table, dataset, files, records, delimiter, encoding, batch, csvOutput = "csv_output", lenient
            }
        }

        struct Flow: Encodable {
            var name: String
            var source: String
            var target: String
            var document: String?
        }
    }

    func readme(engine: Engine) -> String {
        let running: String
        let differences: String
        switch engine {
        case .duckdb:
            running = """
                    ./run OUT [--workspace DIR] [--force] [--allow-deletes] [--memory-limit SIZE]

                `--force` writes even when the circuit breaker trips (otherwise it exits 3 and writes
                nothing); `--allow-deletes` writes delete operations whatever `deletes:` says;
                `--memory-limit 4GB` keeps DuckDB under that much memory, working from a temporary
                folder beyond it. OUT is written beside and renamed into place: whole or absent.
                It needs Python 3 with the `duckdb` package (`pip install duckdb`). `job.sql` holds the
                decisions, `job.json` where the exports are; both are regenerated by `offsync compile`.
                """
            differences = """
                Known differences from offsync, all from DuckDB's JSON reader: numbers are read as
                numbers (a text property holding `1.50` compares and is written as `1.5`), an array is
                compared in DuckDB's compact form (white space inside it is not a change), and of a key
                given twice in one object the first value counts (offsync takes the last).
                """
        case .spark:
            running = """
                    ./run OUT [--workspace DIR] [--force] [--allow-deletes] [--master URL] [--driver-memory SIZE]
                    spark-submit [options] run OUT [--workspace DIR] [--force] [--allow-deletes]

                Run by Python it starts Spark in local mode (`--master`, default `local[*]`); run by
                `spark-submit` it runs where spark-submit sends it, with the exports and OUT on a file
                system every node sees. `--force` and `--allow-deletes` are as for `offsync run`. OUT
                is written beside and renamed into place: whole or absent. It needs Python 3 with the
                `pyspark` package (`pip install pyspark`) and Java 17 or later. `job.sql` holds the
                decisions (each `CREATE TABLE` is computed once and checkpointed), `job.json` where
                the exports are; both are regenerated by `offsync compile`.
                """
            differences = """
                Known differences from offsync, all from Spark's JSON values (VARIANT): numbers are
                read as numbers (`1.50` is `1.5`, `1e20` is `1.0E20`, `-0.0` is `0`, an integer of
                more than 38 digits becomes a double), and an array is compared in Spark's compact
                form (`[2.0]` is `[2]`). A JSON file holding one array is read as one value: it must
                fit the driver's memory. CSV files in another encoding than UTF-8 are converted on the
                driver's disk first.
                """
        }
        return """
            # A compiled offsync job (\(engine.rawValue))

            Written by `offsync compile`. It reads the workspace's exports and the links and
            baselines earlier runs left in `.offsync/state.sqlite`, makes the decisions `offsync run`
            makes, and writes into OUT (new or empty) `import/<system>/<Entity>.<op>.jsonl.gz` (and
            `.csv.gz` for datasets with `output: csv`) and
            `report.json` (under offsync's keys: each flow's counts, `datasets`, `imports`,
            `circuit_breaker`; no findings), and in `state/` the links and baselines offsync would
            keep after this run, as Parquet (`links.parquet`: flow, source_id, target_id, how;
            `baselines.parquet`: flow, source_id, target_id, property, digest; both note the state
            they were computed from). The workspace's own state is only read: `offsync state import
            WORKSPACE --from OUT` makes the job's state the workspace's, and the next run, by offsync
            or by this job, goes on from there.

            \(running)

            \(differences)

            """
    }
}
