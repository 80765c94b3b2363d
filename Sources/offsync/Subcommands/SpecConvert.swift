import ArgumentParser

struct SpecConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Print the flows offsync reads from a dataflow document.",
        discussion: "Exits 1 when a sentence or table of the document is not understood (it is listed).")

    @Argument(help: "The dataflow document (.rst or .txt).")
    var document: String

    @Flag(help: "Print a stable JSON form for scripts instead of the outline.")
    var json = false

    func run() throws {
        try Terminal.convert(document: document, json: json)
    }
}
