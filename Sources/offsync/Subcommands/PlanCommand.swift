import ArgumentParser
import OffsyncPipeline

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Make the same decisions as run; write the reports only and leave state untouched.")

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Exit 0 instead of 3 when the circuit breaker trips (a run would delete or rewrite more than the manifest's circuit-breaker share of a dataset's synced records); the report says so either way.")
    var force = false

    @Flag(help: "Count and report delete operations for linked records gone from the source, whatever the manifest's 'deletes' says.")
    var allowDeletes = false

    func run() throws {
        try Terminal.execute(mode: .plan, options, Pipeline.RunOptions(force: force, allowDeletes: allowDeletes))
    }
}
