import ArgumentParser

/// The workspace and output folder, shared by the commands that write outputs.
struct WorkspaceOptions: ParsableArguments {
    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(name: .customLong("out"), help: "Where to write the outputs (default: exports/<workspace name>).")
    var output: String?

    @Flag(help: "Print the seconds each stage took.")
    var timings = false
}
