/// The sizes that decide how a file is read: from what size a CSV file is read in two halves,
/// how often a JSON reader moves the point its positions are counted from. A run uses the
/// defaults; tests pass small ones, so the same paths run on inputs of kilobytes.
struct ReadingSizes: Sendable {
    /// CSV files from this size are read on two cores.
    var split = 4 << 20
    /// A JSON reader counts the positions of its messages from a record's end it passed at
    /// most this many bytes before (a minified file is one line).
    var checkpoint = 4 << 20
}
