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

/// One record: its id, its fields by path id, and where it was read.
public struct Record: Sendable {
    public var id: String
    /// Sorted by path id, so lookups are a binary search.
    public var fields: [Field]
    public var file: Int32
    public var line: Int32

    public struct Field: Sendable {
        public var path: Int32
        public var value: FieldValue
    }

    /// `fields` must be sorted by path id (the readers hand them over that way).
    public init(id: String, sortedFields fields: [Field], file: Int32, line: Int32) {
        self.id = id
        self.fields = fields
        self.file = file
        self.line = line
    }

    public func value(at path: Int32) -> FieldValue? { fields.value(at: path) }
}

extension Array where Element == Record.Field {
    /// Binary search in fields sorted by path id.
    func value(at path: Int32) -> FieldValue? {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].path < path { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low].path == path ? self[low].value : nil
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
