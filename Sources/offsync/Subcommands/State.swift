import ArgumentParser

/// `offsync state …`: the workspace's memory between runs, moved between engines.
struct State: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move the workspace's state (links and baselines) between offsync and a compiled job.",
        subcommands: [StateImport.self])
}
