/// The sizes that decide how a file is read: from what size a CSV file is read in two halves,
/// how often the pages a reader passed are given back, how far inflating runs ahead. A run uses
/// the defaults; tests pass small ones, so the same paths run on inputs of kilobytes.
struct ReadingSizes: Sendable {
    /// CSV files (and inflated gzip CSV left to read) from this size are read on two cores.
    var split = 4 << 20
    /// A reader gives back the pages it has passed every this many bytes.
    var release = 4 << 20
    /// A reader of CSV in gzip takes this many inflated bytes at a time.
    var streamStep = 1 << 20
    /// A reader of JSON in gzip reads a record once this many bytes past its start are inflated.
    var jsonMargin = 1 << 20
    /// How far inflating may run ahead of the pages a JSON reader has given back.
    var inflatedLead = 32 << 20
}
