/// The sizes that decide how a file is read. A run uses the defaults; tests pass small ones, so
/// the same paths run on inputs of kilobytes.
struct ReadingSizes: Sendable {
    /// A JSON reader counts the positions of its messages from a record's end it passed at
    /// most this many bytes before (a minified file is one line).
    var checkpoint = 4 << 20
}
