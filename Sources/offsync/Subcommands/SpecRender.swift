import ArgumentParser

struct SpecRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write dataflow documents from the flows offsync reads from them.",
        discussion: """
            Renders each document in the generator's format from the parsed model, so that reading \
            the result gives the same flows. Without --out or --in-place the documents are printed. \
            A document with sentences offsync does not understand is refused: rendering would drop them.
            """)

    @Argument(help: "Dataflow documents, or folders whose .rst and .txt files are rendered.")
    var documents: [String]

    @Option(name: .customLong("out"), help: "Write the rendered documents into this folder, under their file names.")
    var output: String?

    @Flag(help: "Rewrite each document in place.")
    var inPlace = false

    @Flag(help: "Write nothing; exit 1 if a document differs from its rendering.")
    var check = false

    func validate() throws {
        if [output != nil, inPlace, check].filter({ $0 }).count > 1 {
            throw ValidationError("--out, --in-place and --check exclude each other")
        }
    }

    func run() throws {
        let destination: Terminal.RenderDestination =
            check ? .check : inPlace ? .inPlace : output.map { .folder($0) } ?? .standardOutput
        try Terminal.render(documents: documents, to: destination)
    }
}
