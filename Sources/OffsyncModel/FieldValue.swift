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
