import ArgumentParser

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tell why a record is linked, ambiguous, created or unmatched.",
        usage: "offsync explain [WORKSPACE] SYSTEM ENTITY ID")

    @Argument(help: "[WORKSPACE] SYSTEM ENTITY ID: the workspace (default .), a system of the manifest, a dataset's entity type, a record id.")
    var words: [String]

    func validate() throws {
        guard words.count == 3 || words.count == 4 else {
            throw ValidationError("expected [WORKSPACE] SYSTEM ENTITY ID (quote an entity with spaces: \"Customers person\")")
        }
    }

    func run() throws {
        let (workspace, rest) = words.count == 4 ? (words[0], Array(words.dropFirst())) : (".", words)
        try Terminal.explain(workspace: workspace, system: rest[0], entity: rest[1], id: rest[2])
    }
}
