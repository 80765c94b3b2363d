import ArgumentParser

@main
struct Offsync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Offline reconciliation of business-system exports.",
        discussion: "Reads the exports of two or more systems, links their records as a live two-way sync would, and writes import files for each system plus a reconciliation report.",
        version: "0.1.0",
        subcommands: [Run.self, PlanCommand.self, Check.self, Explain.self, Links.self, Ack.self, Spec.self])
}
