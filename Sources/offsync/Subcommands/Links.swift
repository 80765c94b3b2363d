import ArgumentParser

struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the workspace's remembered links as CSV, each with its status against the current exports.")

    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(name: .customLong("out"), help: "Write the CSV to this file instead of standard output.")
    var output: String?

    func run() throws {
        try Terminal.links(workspace: workspace, output: output)
    }
}
