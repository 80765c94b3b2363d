import ArgumentParser

/// `offsync spec …`: the dataflow documents on their own, without a workspace.
struct Spec: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read and write dataflow documents.",
        subcommands: [SpecConvert.self, SpecRender.self])
}
