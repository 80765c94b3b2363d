import ArgumentParser

struct Ack: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remember the ids an upload gave to created records, from the upload's receipt.",
        discussion: """
            The receipt is a CSV, JSON or NDJSON file (plain or gzip) with one row per created record: \
            the correlation value offsync wrote ($correlation) and the new record's id. The next run links \
            each pair as remembered and plans no second create. A receipt that names the records by their place \
            in the upload instead (Zendesk's {"job_status": {"results": [{"index": 0, "id": 9001, "success": true}]}}) \
            is read with --batch, the import file that was uploaded.
            """)

    @Argument(help: "The receipt file.")
    var receipt: String

    @Option(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(help: "The dataset the records were created in (system.Entity), when several flows create from one source.")
    var dataset: String?

    @Option(help: "The receipt's field holding the correlation value (default: $correlation, correlation, external_id, ExternalCode, externalId).")
    var correlationField: String?

    @Option(help: "The receipt's field holding the new id (default: _id, id, Id, ID).")
    var idField: String?

    @Option(help: "The import file the receipt answers, for a receipt that names created records by their place in the upload (Zendesk's job status: index, id, success).")
    var batch: String?

    func run() throws {
        try Terminal.acknowledge(
            workspace: workspace, receipt: receipt, dataset: dataset, correlationField: correlationField, idField: idField, batch: batch)
    }
}
