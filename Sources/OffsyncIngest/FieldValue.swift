/// One value of an export, kept as written: numbers are their literal text (64-bit ids and
/// decimals are never rounded through Double); arrays and objects that are not flattened are
/// kept as their JSON text.
public enum FieldValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    /// An array (or an object inside an array): its JSON text, as written.
    case composite(String)

    /// The value as text for comparing and writing; nil for null.
    public var text: String? {
        switch self {
        case .string(let text), .number(let text), .composite(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: nil
        }
    }

    /// Null, or text that is empty after trimming: never links, never beats a value.
    public var isEmpty: Bool {
        guard let text else { return true }
        return text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }
}

/// One record: its id, where it was read, and its fields by path id, packed in the store of
/// the file it came from (the id too: a place in the store's text).
public struct Record: Sendable {
    public var file: Int32
    public var line: Int32
    let store: RecordStore
    let first: UInt32
    let count: UInt32
    private let idText: IDText

    /// The id's text, without surrounding white space.
    public var id: String { store.string(idText) }

    /// The id's text as bytes, without making a `String` (`true`/`false` for a JSON boolean).
    public func withIDBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        store.withBytes(of: idText, body)
    }

    public struct Field: Sendable {
        public var path: Int32
        public var value: FieldValue

        public init(path: Int32, value: FieldValue) {
            self.path = path
            self.value = value
        }
    }

    init(id: IDText, store: RecordStore, entries: Range<Int>, file: Int32, line: Int32) {
        idText = id
        self.store = store
        first = UInt32(entries.lowerBound)
        count = UInt32(entries.count)
        self.file = file
        self.line = line
    }

    /// A record of its own from fields sorted by path id (the readers pack many records into one store).
    public init(id: String, sortedFields fields: [Field], file: Int32, line: Int32) {
        var buffers = RecordBuffers(expectedText: 64)
        for (local, field) in fields.enumerated() {
            if let text = field.value.text, field.value != .bool(true), field.value != .bool(false) {
                var text = text
                text.withUTF8 { buffers.text.append($0) }
            }
            let kind: Entry.Kind = switch field.value {
            case .string: .string
            case .number: .number
            case .composite: .composite
            case .bool(let flag): flag ? .yes : .no
            case .null: .null
            }
            buffers.field(Int32(local), kind)
        }
        let entries = buffers.commit()
        // The id's text after the fields' (no field owns it).
        let idStart = buffers.text.count
        var id = id
        id.withUTF8 { buffers.text.append($0) }
        self.init(
            id: IDText(start: UInt32(idStart), end: UInt32(buffers.text.count)),
            store: RecordStore(buffers, globalOf: fields.map(\.path)), entries: entries, file: file, line: line)
    }

    var entries: Range<Int> { Int(first)..<(Int(first) + Int(count)) }

    public func value(at path: Int32) -> FieldValue? { store.value(at: path, in: entries) }

    /// The value at a path id as the bytes of its text (`value(at:)?.text`), without making a
    /// `String`: for loops over every record, such as making merge keys.
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

/// Interns dotted paths (`MailAddress.CountryCode`) to small integers shared by all records of
/// a file or dataset.
public struct PathTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    public mutating func intern(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public func id(of name: String) -> Int32? { ids[name] }
}
