import OffsyncModel

/// A JSON value with ordered object keys, written byte for byte the same every time:
/// import lines and reports must be deterministic.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    /// A number's literal text, as read from an export (never rounded).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text kept from an export (an array value), written as is.
    case raw(String)

    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.bytes() == rhs.bytes() }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes()) }

    init(_ value: FieldValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let text): self = .number(text)
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        case .composite(let text): self = .raw(text)
        }
    }

    /// Compact JSON (`pretty` indents by two spaces, for reports people read).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, for files.
    public func bytes(pretty: Bool = false) -> [UInt8] {
        var out = JSONBytes()
        write(to: &out, pretty: pretty, indent: 0)
        return out.bytes
    }

    public func write(to out: inout JSONBytes, pretty: Bool, indent: Int) {
        switch self {
        case .string(let text): out.string(text)
        case .number(let text), .raw(let text): out.raw(text)
        case .bool(let flag): out.raw(flag ? "true" : "false")
        case .null: out.raw("null")
        case .array(let items):
            if items.isEmpty {
                out.raw("[]")
                return
            }
            out.byte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.byte(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.raw("{}")
                return
            }
            out.byte(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 1) }
                out.string(key)
                out.raw(pretty ? ": " : ":")
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.byte(UInt8(ascii: "}"))
        }
    }

    static func newline(_ out: inout JSONBytes, _ indent: Int) {
        out.byte(UInt8(ascii: "\n"))
        for _ in 0..<indent { out.raw("  ") }
    }

    /// Builds nested objects from dotted paths (`profile.email.email` → `{"profile":{"email":{"email":…}}}`),
    /// keys sorted at every level. A path that runs into an existing leaf is left out.
    static func nested(_ fields: [(path: String, value: JSONValue)]) -> JSONValue {
        final class Node {
            var leaf: JSONValue?
            var children: [String: Node] = [:]
        }
        let root = Node()
        for (path, value) in fields {
            var node = root
            var blocked = false
            for part in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
                if node.leaf != nil {
                    blocked = true
                    break
                }
                let child = node.children[part] ?? Node()
                node.children[part] = child
                node = child
            }
            if !blocked && node.children.isEmpty && node.leaf == nil { node.leaf = value }
        }
        func build(_ node: Node) -> JSONValue {
            if let leaf = node.leaf { return leaf }
            return .object(node.children.keys.sorted().map { ($0, build(node.children[$0]!)) })
        }
        return build(root)
    }
}
