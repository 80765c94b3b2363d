/// A record's values read without owning its store. Copying a `Record` retains its store, and
/// the records of a dataset share a few stores: a loop over records on both cores then writes
/// one reference count from two cores per record, and the cache line travels between them.
/// A view is only valid while the records it came from are: it is for loops over a dataset's
/// own records, never to be kept.
public struct RecordView {
    @usableFromInline let store: Unmanaged<RecordStore>
    @usableFromInline let first: UInt32
    @usableFromInline let count: UInt32
    @usableFromInline let idText: IDText

    @inlinable @inline(__always)
    init(store: Unmanaged<RecordStore>, first: UInt32, count: UInt32, idText: IDText) {
        self.store = store
        self.first = first
        self.count = count
        self.idText = idText
    }

    @inlinable
    var entries: Range<Int> { Int(first)..<(Int(first) + Int(count)) }

    /// What `Record.value(at:)` gives.
    @inlinable
    public func value(at path: Int32) -> FieldValue? {
        store._withUnsafeGuaranteedRef { $0.value(at: path, in: entries) }
    }

    /// What `Record.withIDBytes(_:)` gives.
    @inlinable @inline(__always)
    public func withIDBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        store._withUnsafeGuaranteedRef { $0.withBytes(of: idText, body) }
    }

    /// What `Record.idKey` gives.
    @inlinable
    public var idKey: RecordID { withIDBytes { RecordID(bytes: $0) } }

    /// What `Record.withValueBytes(at:_:)` gives.
    @inlinable @inline(__always)
    public func withValueBytes<Result>(at path: Int32, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        store._withUnsafeGuaranteedRef { $0.withValueBytes(at: path, in: entries, body) }
    }
}

extension UnsafeBufferPointer where Element == Record {
    /// A view of the record at `index`, for a loop that lives no longer than the records. Its
    /// fields are read as bits: a copy of the record would retain its store.
    @inlinable @inline(__always)
    public func view(_ index: Int) -> RecordView {
        let record = UnsafeRawPointer(baseAddress! + index)
        return RecordView(
            store: record.load(fromByteOffset: MemoryLayout<Record>.offset(of: \.store)!, as: Unmanaged<RecordStore>.self),
            first: record.load(fromByteOffset: MemoryLayout<Record>.offset(of: \.first)!, as: UInt32.self),
            count: record.load(fromByteOffset: MemoryLayout<Record>.offset(of: \.count)!, as: UInt32.self),
            idText: record.load(fromByteOffset: MemoryLayout<Record>.offset(of: \.idText)!, as: IDText.self))
    }
}

extension Array where Element == Record {
    /// The id of the record at `index` as state keys it, read without a copy of the record.
    @inlinable
    public func idKey(at index: Int) -> RecordID {
        withUnsafeBufferPointer { $0.view(index).idKey }
    }

    /// Calls `body` with a view of each record, in order.
    @inlinable
    public func forEachView(_ body: (_ index: Int, _ record: RecordView) throws -> Void) rethrows {
        try withUnsafeBufferPointer { records in
            for index in records.indices { try body(index, records.view(index)) }
        }
    }
}
