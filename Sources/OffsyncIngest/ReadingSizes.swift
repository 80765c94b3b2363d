/// The sizes that decide how a file is read: from what size a CSV file is read in two halves,
/// how much of a gzip stream a reader takes at a time. A run uses the defaults; tests pass
/// small ones, so the same paths run on inputs of kilobytes.
struct ReadingSizes: Sendable {
    /// CSV files (and inflated gzip CSV left to read) from this size are read on two cores.
    var split = 4 << 20
    /// A JSON reader counts the positions of its messages from a record's end it passed at
    /// most this many bytes before (a minified file is one line).
    var checkpoint = 4 << 20
    /// A reader of CSV in gzip takes this many inflated bytes at a time.
    var streamStep = 1 << 20
    /// A reader of JSON in gzip reads a record once this many bytes past its start are inflated.
    var jsonMargin = 1 << 20
}
