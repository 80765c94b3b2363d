/// A file that was read, as `manifest.json` lists it.
public struct InputFile: Sendable, Hashable {
    public var path: String
    public var bytes: Int
    /// Records the file held (before filtering).
    public var records: Int
    /// Hex SHA-256 of the file's bytes as stored (compressed for `.gz`).
    public var sha256: String
    /// The delimiter a CSV file was read with (given or sniffed); nil for JSON.
    public var csvDelimiter: UInt8?

    public init(path: String, bytes: Int, records: Int, sha256: String, csvDelimiter: UInt8? = nil) {
        self.path = path
        self.bytes = bytes
        self.records = records
        self.sha256 = sha256
        self.csvDelimiter = csvDelimiter
    }
}
