/// One record: its id, where it was read, and its fields by path id, packed in the store of
/// the file it came from (the id too: a place in the store's text).
public struct Record: Sendable {
    public var file: Int32
    public var line: Int32
    @usableFromInline package let store: RecordStore
    @usableFromInline package let first: UInt32
    @usableFromInline package let count: UInt32
    @usableFromInline package let idText: IDText

    /// The id's text, without surrounding white space.
    public var id: String { store.string(idText) }

    /// The id's text as bytes, without making a `String` (`true`/`false` for a JSON boolean).
    public func withIDBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        store.withBytes(of: idText, body)
    }

    /// The id as state keys it: an integer for a decimal id, read from the bytes without a `String`.
    public var idKey: RecordID { withIDBytes { RecordID(bytes: $0) } }

    public struct Field: Sendable {
        public var path: Int32
        public var value: FieldValue

        public init(path: Int32, value: FieldValue) {
            self.path = path
            self.value = value
        }
    }

    package init(id: IDText, store: RecordStore, entries: Range<Int>, file: Int32, line: Int32) {
        idText = id
        self.store = store
        first = UInt32(entries.lowerBound)
        count = UInt32(entries.count)
        self.file = file
        self.line = line
    }

    @inlinable package var entries: Range<Int> { Int(first)..<(Int(first) + Int(count)) }

    public func value(at path: Int32) -> FieldValue? { store.value(at: path, in: entries) }

    /// The value at a path id as the bytes of its text (`value(at:)?.text`), without making a
    /// `String`: for loops over every record, such as making merge keys.
    @inlinable
    public func withValueBytes<Result>(at path: Int32, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        store.withValueBytes(at: path, in: entries, body)
    }

    public var fieldCount: Int { Int(count) }

    /// Every field, sorted by path id (built on demand: for tests and tools, not for hot paths).
    public var fields: [Field] {
        entries.map { Field(path: store.globalOf[Int(store.path(ofEntry: $0, first: Int(first)))], value: store.value(ofEntry: $0)) }
            .sorted { $0.path < $1.path }
    }
}
