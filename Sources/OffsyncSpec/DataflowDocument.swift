import OffsyncDiagnostics

/// A dataflow document as read: its title's two system names, its flows, and every sentence or
/// table the reader did not understand (nothing is dropped silently).
public struct DataflowDocument: Sendable, Hashable {
    /// The file the document was read from, as the user named it.
    public var path: String
    /// The title's source system name, as written.
    public var sourceSystem: String
    /// The title's target system name, as written; blank in some documents (seeds 000, 001, 003).
    public var targetSystem: String
    /// The `Generated:` stamp, as written.
    public var generated: String?
    /// The introduction's heading as written (`Introduction.` in the seeds, `Introduction` in the corpus).
    public var introductionHeading = "Introduction"
    /// The introduction's text, paragraph by paragraph.
    public var introduction: [String]
    public var flows: [Flow]
    /// Sentences, lines and tables the reader could not place, with file and line.
    public var unparsed: [Finding]
    /// `\r\n` for documents written with CRLF, so rendering gives back the same bytes.
    public var lineEnding = "\n"

    public init(
        path: String, sourceSystem: String, targetSystem: String, generated: String? = nil,
        introduction: [String] = [], flows: [Flow] = [], unparsed: [Finding] = []
    ) {
        self.path = path
        self.sourceSystem = sourceSystem
        self.targetSystem = targetSystem
        self.generated = generated
        self.introduction = introduction
        self.flows = flows
        self.unparsed = unparsed
    }
}
