import ArgumentParser

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a workspace for dataflow documents: offsync.yaml, dataflows/, dumps/<system>/ and a README; replaces nothing.")

    @Argument(help: "The folder to make the workspace in (made if missing).")
    var folder: String = "."

    @Option(name: .customLong("document"), help: "A dataflow document (repeat for several); default: the folder's dataflows/*.rst.")
    var documents: [String] = []

    func run() throws {
        try Terminal.initialize(folder: folder, documents: documents)
    }
}
