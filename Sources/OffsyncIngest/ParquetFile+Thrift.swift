/// Parquet's metadata (the footer and each page's header) is written in Thrift's compact
/// protocol: fields as (id delta, type) bytes, integers as zigzag varints. This reads the
/// fields Parquet readers need and skips the rest, every length checked against the bytes
/// there are: a damaged file is a message, never a read past the end.
struct ThriftReader {
    enum FieldType: UInt8 {
        case stop = 0, boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8
        case list = 9, set = 10, map = 11, structure = 12
    }

    let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int
    /// Structures nested deeper than this are damage: skipping them must not exhaust the stack.
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func byte() throws(ParquetFile.Damage) -> UInt8 {
        guard offset < bytes.count else { throw ParquetFile.Damage("metadata ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(ParquetFile.Damage) -> UInt64 {
        guard let value = bytes.varint(at: &offset) else { throw ParquetFile.Damage("a number in the metadata is damaged") }
        return value
    }

    mutating func i64() throws(ParquetFile.Damage) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func i32() throws(ParquetFile.Damage) -> Int32 {
        let value = try i64()
        guard let narrow = Int32(exactly: value) else { throw ParquetFile.Damage("a 32-bit number in the metadata is out of range") }
        return narrow
    }

    /// A count or size: a 32-bit number that is not negative.
    mutating func size() throws(ParquetFile.Damage) -> Int {
        let value = try i32()
        guard value >= 0 else { throw ParquetFile.Damage("a size in the metadata is negative") }
        return Int(value)
    }

    mutating func binary() throws(ParquetFile.Damage) -> UnsafeRawBufferPointer {
        let count = try varint()
        guard count <= UInt64(bytes.count - offset) else { throw ParquetFile.Damage("a string in the metadata runs past its end") }
        defer { offset += Int(count) }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(count)])
    }

    mutating func string() throws(ParquetFile.Damage) -> String {
        String(decoding: try binary(), as: UTF8.self)
    }

    /// A list's element type and count.
    mutating func listHeader() throws(ParquetFile.Damage) -> (type: FieldType, count: Int) {
        let header = try byte()
        guard let type = FieldType(rawValue: header & 0x0F) else { throw ParquetFile.Damage("unknown type in the metadata") }
        var count = Int(header >> 4)
        if count == 15 {
            let long = try varint()
            // Each element takes at least a byte (or none for an empty struct's stop byte): a
            // count beyond what is left is damage.
            guard long <= UInt64(bytes.count - offset) else { throw ParquetFile.Damage("a list in the metadata runs past its end") }
            count = Int(long)
        }
        return (type, count)
    }

    /// The elements of a list, each read by `element`.
    mutating func list<Element>(_ element: (inout ThriftReader) throws(ParquetFile.Damage) -> Element) throws(ParquetFile.Damage) -> [Element] {
        let (_, count) = try listHeader()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(&self)) }
        return elements
    }

    /// Walks a structure's fields: `field` reads the ones it knows (returning true), the others
    /// are skipped. A boolean field's value is in its type (`.boolTrue`).
    mutating func structure(_ field: (inout ThriftReader, Int16, FieldType) throws(ParquetFile.Damage) -> Bool) throws(ParquetFile.Damage) {
        depth += 1
        guard depth < 64 else { throw ParquetFile.Damage("the metadata nests too deep") }
        defer { depth -= 1 }
        var id: Int16 = 0
        while true {
            let header = try byte()
            guard let type = FieldType(rawValue: header & 0x0F) else { throw ParquetFile.Damage("unknown type in the metadata") }
            if type == .stop { return }
            let delta = Int16(header >> 4)
            if delta == 0 {
                let value = try i64()
                guard let explicit = Int16(exactly: value) else { throw ParquetFile.Damage("a field id in the metadata is out of range") }
                id = explicit
            } else {
                id &+= delta
            }
            if try !field(&self, id, type) { try skip(type) }
        }
    }

    mutating func skip(_ type: FieldType) throws(ParquetFile.Damage) {
        switch type {
        case .stop, .boolTrue, .boolFalse: return
        case .byte: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double:
            guard bytes.count - offset >= 8 else { throw ParquetFile.Damage("metadata ends early") }
            offset += 8
        case .binary: _ = try binary()
        case .list, .set:
            let (element, count) = try listHeader()
            for _ in 0..<count { try skipElement(element) }
        case .map:
            let count = try varint()
            guard count > 0 else { return }
            guard count <= UInt64(bytes.count - offset) else { throw ParquetFile.Damage("a map in the metadata runs past its end") }
            let types = try byte()
            guard let key = FieldType(rawValue: types >> 4), let value = FieldType(rawValue: types & 0x0F) else {
                throw ParquetFile.Damage("unknown type in the metadata")
            }
            for _ in 0..<count {
                try skipElement(key)
                try skipElement(value)
            }
        case .structure: try structure { _, _, _ in false }
        }
    }

    /// An element of a list or map: booleans there are a byte each, not in the type.
    private mutating func skipElement(_ type: FieldType) throws(ParquetFile.Damage) {
        if type == .boolTrue || type == .boolFalse { _ = try byte() } else { try skip(type) }
    }
}

extension UnsafeRawBufferPointer {
    /// The unsigned LEB128 number at `offset`, which moves past it: how Thrift, Parquet's runs and
    /// snappy write numbers. Nil when it runs past the end or beyond 64 bits.
    func varint(at offset: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count, shift < 64 {
            let byte = self[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }
}
