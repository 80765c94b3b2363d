import ArgumentParser

/// The workspace and output folder, shared by the commands that write outputs.
struct WorkspaceOptions: ParsableArguments {
    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(name: .customLong("out"), help: "Where to write the outputs (default: exports/<workspace name>).")
    var output: String?

    @Flag(help: "Print the seconds each stage took.")
    var timings = false

    @Flag(help: "Write the import files even when the circuit breaker trips (a run that deletes or rewrites more than the manifest's circuit-breaker share of a dataset).")
    var force = false

    @Flag(help: "Write delete operations for linked records gone from the source, whatever the manifest's 'deletes' says.")
    var allowDeletes = false

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit 4 once the report is written when any of these counts, separated by commas, is not zero.",
            valueName: "counts"))
    var failOn: FailOn?
}
