/// Where a message points: a file position, or a manifest key.
///
/// Every message offsync prints about bad input names one of these, so a person can go
/// straight to the place and fix it.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// A manifest key path such as `systems.zendesk.datasets.Users.files`.
    public var key: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `file:line:column` (as compilers print it), followed by the key when there is one.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let key { text += " (\(key))" }
        return text
    }
}
