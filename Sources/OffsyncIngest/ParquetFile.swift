import Foundation
import OffsyncDiagnostics

/// A Parquet file read column by column: how offsync takes back the state a compiled job
/// writes (`offsync state import`). It reads flat tables as DuckDB and Spark write them:
/// plain and dictionary encodings, data pages of both versions, uncompressed, gzip or snappy
/// pages. Anything else (nested columns, other encodings or codecs) is refused by name.
///
/// The package list has no Parquet reader, and the part of the format a flat table uses is
/// small; this is that part.
public struct ParquetFile: Sendable {
    /// A column's storage type, as the file declares it.
    public enum PhysicalType: Int32, Sendable {
        case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLengthByteArray = 7
    }

    public struct Column: Sendable {
        public let name: String
        public let type: PhysicalType
        /// Whether a row may hold no value (Parquet's `OPTIONAL`).
        public let isOptional: Bool
    }

    /// One column's values, a row each; nil where an optional column holds none.
    public enum Values: Sendable, Equatable {
        /// INT32 and INT64 columns. Unsigned 64-bit numbers keep their bits.
        case integers([Int64?])
        /// BYTE_ARRAY columns, as UTF-8.
        case texts([String?])
        case doubles([Double?])
        case booleans([Bool?])
    }

    public let path: String
    public let rowCount: Int
    public let columns: [Column]
    /// The footer's key-value metadata (a writer's notes, such as the state a job read).
    public let metadata: [String: String]
    let bytes: [UInt8]
    let rowGroups: [RowGroup]

    /// A row group's chunk of one column: where its pages are and how many values they hold.
    struct Chunk: Sendable {
        var path: [String] = []
        var type: Int32 = -1
        var codec: Int32 = 0
        var valueCount: Int64 = 0
        var dataPageOffset: Int64 = -1
        var dictionaryPageOffset: Int64?
        var inAnotherFile = false
    }

    struct RowGroup: Sendable {
        var rowCount: Int64 = 0
        var chunks: [Chunk] = []
    }

    /// What is wrong with a file, worded for a message; the public calls add the file and column.
    struct Damage: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    public init(path: String) throws(OffsyncError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw OffsyncError(.io, "cannot read the file: \((error as NSError).localizedDescription)", at: SourceLocation(file: path))
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// The file held in `bytes`; `path` names it in messages.
    public init(bytes: [UInt8], path: String) throws(OffsyncError) {
        self.path = path
        self.bytes = bytes
        let magic: [UInt8] = Array("PAR1".utf8)
        guard bytes.count >= 12, bytes.prefix(4).elementsEqual(magic), bytes.suffix(4).elementsEqual(magic) else {
            throw OffsyncError.badInput("not a Parquet file (it does not start and end with PAR1)", at: SourceLocation(file: path))
        }
        let length = bytes[bytes.count - 8..<bytes.count - 4].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count - 12 else {
            throw OffsyncError.badInput("the Parquet footer's length (\(length) bytes) is more than the file holds", at: SourceLocation(file: path))
        }
        let start = bytes.count - 8 - length
        do {
            (rowCount, columns, rowGroups, metadata) = try bytes.withRawBytes { (raw) throws(Damage) in
                try Self.footer(UnsafeRawBufferPointer(rebasing: raw[start..<start + length]))
            }
        } catch {
            throw OffsyncError.badInput("damaged Parquet footer: \(error.message)", at: SourceLocation(file: path))
        }
    }

    /// Every value of the column named `name`, a row each.
    public func values(of name: String) throws(OffsyncError) -> Values {
        guard let index = columns.firstIndex(where: { $0.name == name }) else {
            throw OffsyncError.badInput(
                "has no column \(name) (its columns: \(columns.map(\.name).joined(separator: ", ")))", at: SourceLocation(file: path))
        }
        let column = columns[index]
        do throws(Damage) {
            switch column.type {
            case .int32, .int64: return .integers(try read(index, as: Int64.self))
            case .byteArray: return .texts(try read(index, as: String.self))
            case .float, .double: return .doubles(try read(index, as: Double.self))
            case .boolean: return .booleans(try read(index, as: Bool.self))
            case .int96, .fixedLengthByteArray: throw Damage("its type (\(column.type)) is not one offsync reads")
            }
        } catch {
            throw OffsyncError.badInput("column \(name): \(error.message)", at: SourceLocation(file: path))
        }
    }

    /// The footer: the schema (flat, one column per leaf) and the row groups' chunks.
    private static func footer(_ raw: UnsafeRawBufferPointer) throws(Damage) -> (Int, [Column], [RowGroup], [String: String]) {
        struct Element {
            var type: Int32?
            var repetition: Int32 = 0
            var name = ""
            var children = 0
        }
        var reader = ThriftReader(raw)
        var elements: [Element] = []
        var rows: Int64 = -1
        var groups: [RowGroup] = []
        var metadata: [String: String] = [:]
        try reader.structure { (r, id, _) throws(Damage) in
            switch id {
            case 2:
                elements = try r.list { (r) throws(Damage) in
                    var element = Element()
                    try r.structure { (r, id, _) throws(Damage) in
                        switch id {
                        case 1: element.type = try r.i32()
                        case 3: element.repetition = try r.i32()
                        case 4: element.name = try r.string()
                        case 5: element.children = try r.size()
                        default: return false
                        }
                        return true
                    }
                    return element
                }
            case 3: rows = try r.i64()
            case 4: groups = try r.list { (r) throws(Damage) in try rowGroup(&r) }
            case 5:
                let pairs = try r.list { (r) throws(Damage) in
                    var pair: (key: String, value: String) = ("", "")
                    try r.structure { (r, id, _) throws(Damage) in
                        switch id {
                        case 1: pair.key = try r.string()
                        case 2: pair.value = try r.string()
                        default: return false
                        }
                        return true
                    }
                    return pair
                }
                metadata = Dictionary(pairs, uniquingKeysWith: { _, last in last })
            default: return false
            }
            return true
        }
        // A flat table: the root, then its leaves.
        guard let root = elements.first, root.children == elements.count - 1, rows >= 0, rows <= Int64(Int32.max) else {
            throw Damage("the schema is missing or is not a flat table")
        }
        var columns: [Column] = []
        for element in elements.dropFirst() {
            guard element.children == 0, let raw = element.type, element.repetition != 2 else {
                throw Damage("column \(element.name) is nested or repeated, which offsync does not read")
            }
            guard let type = PhysicalType(rawValue: raw) else { throw Damage("column \(element.name) has an unknown type (\(raw))") }
            columns.append(Column(name: element.name, type: type, isOptional: element.repetition == 1))
        }
        var total: Int64 = 0
        for group in groups {
            guard group.chunks.count == columns.count, group.rowCount >= 0 else {
                throw Damage("a row group does not have one chunk per column")
            }
            for (chunk, column) in zip(group.chunks, columns) where chunk.path != [column.name] || chunk.type != column.type.rawValue {
                throw Damage("a row group's chunk of column \(column.name) does not match the schema")
            }
            total += group.rowCount
        }
        guard total == rows else { throw Damage("the row groups hold \(total) rows where the footer says \(rows)") }
        return (Int(rows), columns, groups, metadata)
    }

    private static func rowGroup(_ r: inout ThriftReader) throws(Damage) -> RowGroup {
        var group = RowGroup()
        try r.structure { (r, id, _) throws(Damage) in
            switch id {
            case 1:
                group.chunks = try r.list { (r) throws(Damage) in
                    var chunk = Chunk()
                    try r.structure { (r, id, _) throws(Damage) in
                        switch id {
                        case 1: chunk.inAnotherFile = !(try r.binary()).isEmpty
                        case 3:
                            try r.structure { (r, id, _) throws(Damage) in
                                switch id {
                                case 1: chunk.type = try r.i32()
                                case 3: chunk.path = try r.list { (r) throws(Damage) in try r.string() }
                                case 4: chunk.codec = try r.i32()
                                case 5: chunk.valueCount = try r.i64()
                                case 9: chunk.dataPageOffset = try r.i64()
                                case 11: chunk.dictionaryPageOffset = try r.i64()
                                default: return false
                                }
                                return true
                            }
                        default: return false
                        }
                        return true
                    }
                    return chunk
                }
            case 3: group.rowCount = try r.i64()
            default: return false
            }
            return true
        }
        return group
    }
}
