import ArgumentParser

/// The workspace and output folder, shared by the commands that write outputs.
struct WorkspaceOptions: ParsableArguments {
    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(name: .customLong("out"), help: "Where to write the outputs (default: exports/<workspace name>).")
    var output: String?

    @Flag(help: "Print the seconds each stage took.")
    var timings = false

    @Flag(help: "Print nothing but errors and what --fail-on found.")
    var quiet = false

    @Flag(help: "Print the report's summary as JSON on standard output (mode, verdict, circuit breaker, flows, finding counts, the files written, and where report.json is) instead of the table.")
    var json = false

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit 4 once the report is written when any of these counts, separated by commas, is not zero.",
            valueName: "counts"))
    var failOn: FailOn?
}
