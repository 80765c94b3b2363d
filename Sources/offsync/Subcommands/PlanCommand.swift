import ArgumentParser
import OffsyncPipeline

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Make the same decisions as run; write the reports only and leave state untouched.")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        try Terminal.execute(mode: .plan, options)
    }
}
