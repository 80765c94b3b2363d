/// The ids of a dataset's records as state keys them, for lookups by record number in any
/// order. Integer ids (most exports) are read once, in file order, into a flat array: a lookup
/// in link order then reads 8 bytes instead of a record and its id's bytes, two places far
/// apart in memory. Text ids are read when asked.
public struct RecordIDTable: Sendable {
    private let records: [Record]
    private let integers: [Int64]
    /// Marks a record whose id is not an integer (an integer id of this value is asked of its
    /// record as well: slower, the same answer).
    private static let other = Int64.min

    public init(_ records: [Record]) {
        self.records = records
        var integers = [Int64](repeating: Self.other, count: records.count)
        records.forEachView { index, record in
            if case .integer(let value) = record.idKey { integers[index] = value }
        }
        self.integers = integers
    }

    public subscript(index: Int32) -> RecordID {
        let value = integers[Int(index)]
        return value != Self.other ? .integer(value) : records.idKey(at: Int(index))
    }
}
