import ArgumentParser
import OffsyncPipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan, write import files and reports, and update the workspace's state.")

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Write the import files and update state even when the circuit breaker trips (this run would delete or rewrite more than the manifest's circuit-breaker share of a dataset's synced records).")
    var force = false

    @Flag(help: "Write delete operations for linked records gone from the source into the import files, whatever the manifest's 'deletes' says.")
    var allowDeletes = false

    func run() throws {
        try Terminal.execute(mode: .run, options, Pipeline.RunOptions(force: force, allowDeletes: allowDeletes))
    }
}
