import ArgumentParser

struct StateImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make the workspace's state the one a compiled job wrote (OUT/state/*.parquet), so the next run goes on from it.",
        discussion: """
            Refuses a job's state computed from another state than the workspace holds now (a run, ack or import came since), \
            unless --force. Links kept to the same record keep the run they were first made in.
            """)

    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(name: .customLong("from"), help: "The job's output folder (or its state folder) holding links.parquet and baselines.parquet.")
    var folder: String

    @Flag(help: "Replace the workspace's state even though it changed since the job read it.")
    var force = false

    func run() throws {
        try Terminal.importState(workspace: workspace, from: folder, force: force)
    }
}
