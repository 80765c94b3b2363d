import ArgumentParser
import OffsyncPipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan, write import files and reports, and update the workspace's state.")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        try Terminal.execute(mode: .run, options)
    }
}
