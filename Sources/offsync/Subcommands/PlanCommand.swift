import ArgumentParser
import OffsyncPipeline

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Make the same decisions as run; write the reports only and leave state untouched.")

    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(name: .customLong("out"), help: "Where to write the reports (default: exports/<workspace name>).")
    var output: String?

    func run() throws {
        try Terminal.execute(workspace: workspace, output: output, mode: .plan)
    }
}
