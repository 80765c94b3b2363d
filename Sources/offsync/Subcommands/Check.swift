import ArgumentParser
import OffsyncPipeline

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the manifest, documents and exports and report what is wrong; write nothing.")

    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    func run() throws {
        try Terminal.check(workspace: workspace)
    }
}
