import ArgumentParser
import OffsyncPipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan, write import files and reports, and update the workspace's state.")

    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(name: .customLong("out"), help: "Where to write the outputs (default: exports/<workspace name>).")
    var output: String?

    func run() throws {
        try Terminal.execute(workspace: workspace, output: output, mode: .run)
    }
}
