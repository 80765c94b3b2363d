import OffsyncModel

/// A file read, its paths mapped to the loader's table: what the id check goes through.
struct ParsedFile {
    var input: InputFile
    /// The file's records' fields (one store per 2 GB of text).
    var stores: [RecordStore]
    var records: [RawRecord]
    /// The first record of each store.
    var partStarts: [Int]
    /// What the reader noticed about records, by index.
    var notes: [Int: [ReadNote]]
    /// Rows a lenient CSV read skipped.
    var skipped: [ReadNote]
    /// The paths the file gave (in the loader's table): a CSV file's header, the keys of JSON records.
    var columns: [Int32]
}
