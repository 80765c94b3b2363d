import OffsyncDiagnostics

/// One row of an upload receipt: the correlation value offsync wrote on a create, and the id the
/// target system gave the record it created.
public struct ReceiptRow: Sendable, Hashable {
    public var correlation: String
    public var id: String
    public var location: SourceLocation

    public init(correlation: String, id: String, location: SourceLocation) {
        self.correlation = correlation
        self.id = id
        self.location = location
    }
}

/// A receipt row that cannot be remembered, and why (a sentence, without its place).
public struct ReceiptRefusal: Sendable, Hashable {
    public var location: SourceLocation
    public var sentence: String

    public init(location: SourceLocation, sentence: String) {
        self.location = location
        self.sentence = sentence
    }
}

/// What reading a receipt gave: its usable rows, the rows refused while reading, every row
/// read, and the rows the upload did not create (left out, counted).
public struct ReceiptRows: Sendable {
    public var rows: [ReceiptRow]
    public var refusals: [ReceiptRefusal]
    public var count: Int
    public var notCreated: Int

    public init(rows: [ReceiptRow], refusals: [ReceiptRefusal], count: Int, notCreated: Int) {
        self.rows = rows
        self.refusals = refusals
        self.count = count
        self.notCreated = notCreated
    }
}
