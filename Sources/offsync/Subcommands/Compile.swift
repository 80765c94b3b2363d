import ArgumentParser
import OffsyncCompile

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a job that makes the workspace's decisions on another engine: SQL and a `run` script.",
        discussion: "Refuses, naming each one, what the job would not decide as `offsync run` does.")

    @Argument(help: "The workspace folder (holding offsync.yaml).")
    var workspace: String = "."

    @Option(help: "The engine the job runs on.")
    var engine: Engine

    @Option(help: "The job folder: new, empty, or an earlier job.")
    var out: String

    func run() throws {
        try Terminal.compile(workspace: workspace, engine: engine, out: out)
    }
}

extension Engine: ExpressibleByArgument {}
