import OffsyncDiagnostics

/// A value type a column's PLAIN bytes decode into.
protocol ParquetValue {
    /// `count` values of physical type `type` from the front of `bytes`; how many bytes they took.
    static func plain(_ bytes: UnsafeRawBufferPointer, count: Int, type: ParquetFile.PhysicalType, into values: inout [Self]) throws(ParquetFile.Damage) -> Int
    /// `count` values in an encoding particular to the type (delta, run lengths), where it has one.
    static func special(_ bytes: UnsafeRawBufferPointer, count: Int, encoding: ParquetFile.Encoding, into values: inout [Self]) throws(ParquetFile.Damage)
}

extension ParquetValue {
    static func special(_ bytes: UnsafeRawBufferPointer, count: Int, encoding: ParquetFile.Encoding, into values: inout [Self]) throws(ParquetFile.Damage) {
        throw ParquetFile.Damage("a page has encoding \(encoding.rawValue), which is not one for its type")
    }
}

extension Int64: ParquetValue {
    static func plain(_ bytes: UnsafeRawBufferPointer, count: Int, type: ParquetFile.PhysicalType, into values: inout [Int64]) throws(ParquetFile.Damage) -> Int {
        try fixedWidth(bytes, count: count, narrow: type == .int32, into: &values) { word, narrow in
            narrow ? Int64(Int32(truncatingIfNeeded: word)) : Int64(bitPattern: word)
        }
    }

    static func special(_ bytes: UnsafeRawBufferPointer, count: Int, encoding: ParquetFile.Encoding, into values: inout [Int64]) throws(ParquetFile.Damage) {
        guard encoding == .deltaBinaryPacked else { throw ParquetFile.Damage("a page has encoding \(encoding.rawValue), which is not one for integers") }
        values.append(contentsOf: try ParquetDelta.integers(bytes, count: count).values)
    }
}

extension Double: ParquetValue {
    static func plain(_ bytes: UnsafeRawBufferPointer, count: Int, type: ParquetFile.PhysicalType, into values: inout [Double]) throws(ParquetFile.Damage) -> Int {
        try fixedWidth(bytes, count: count, narrow: type == .float, into: &values) { word, narrow in
            narrow ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: word))) : Double(bitPattern: word)
        }
    }
}

extension ParquetValue {
    /// `count` little-endian values of 4 bytes (`narrow`) or 8, each made from its bits by `make`;
    /// how many bytes they took.
    static func fixedWidth(
        _ bytes: UnsafeRawBufferPointer, count: Int, narrow: Bool, into values: inout [Self], _ make: (UInt64, Bool) -> Self
    ) throws(ParquetFile.Damage) -> Int {
        let width = narrow ? 4 : 8
        guard count <= bytes.count / width else { throw ParquetFile.Damage("a page holds fewer values than it says") }
        for index in 0..<count {
            let word = narrow
                ? UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
                : UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            values.append(make(word, narrow))
        }
        return count * width
    }
}

extension Bool: ParquetValue {
    static func plain(_ bytes: UnsafeRawBufferPointer, count: Int, type: ParquetFile.PhysicalType, into values: inout [Bool]) throws(ParquetFile.Damage) -> Int {
        guard count <= bytes.count * 8 else { throw ParquetFile.Damage("a page holds fewer values than it says") }
        for index in 0..<count { values.append(bytes[index / 8] >> (index % 8) & 1 == 1) }
        return (count + 7) / 8
    }

    static func special(_ bytes: UnsafeRawBufferPointer, count: Int, encoding: ParquetFile.Encoding, into values: inout [Bool]) throws(ParquetFile.Damage) {
        // Run lengths of one bit, after their length in 4 bytes.
        guard encoding == .rle else { throw ParquetFile.Damage("a page has encoding \(encoding.rawValue), which is not one for booleans") }
        guard bytes.count >= 4 else { throw ParquetFile.Damage("a page ends before its values") }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
        guard length <= bytes.count - 4 else { throw ParquetFile.Damage("a page's run lengths run past it") }
        var runs = RLEReader(UnsafeRawBufferPointer(rebasing: bytes[4..<4 + length]), bitWidth: 1)
        values.append(contentsOf: try runs.values(count).lazy.map { $0 == 1 })
    }
}

extension String: ParquetValue {
    static func plain(_ bytes: UnsafeRawBufferPointer, count: Int, type: ParquetFile.PhysicalType, into values: inout [String]) throws(ParquetFile.Damage) -> Int {
        var offset = 0
        for _ in 0..<count {
            guard bytes.count - offset >= 4 else { throw ParquetFile.Damage("a page holds fewer values than it says") }
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            offset += 4
            guard length <= bytes.count - offset else { throw ParquetFile.Damage("a text value runs past its page") }
            values.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self))
            offset += length
        }
        return offset
    }

    static func special(_ bytes: UnsafeRawBufferPointer, count: Int, encoding: ParquetFile.Encoding, into values: inout [String]) throws(ParquetFile.Damage) {
        let texts = switch encoding {
        case .deltaLengthByteArray: try ParquetDelta.texts(bytes, count: count).values
        case .deltaByteArray: try ParquetDelta.prefixedTexts(bytes, count: count)
        default: throw ParquetFile.Damage("a page has encoding \(encoding.rawValue), which is not one for texts")
        }
        values.append(contentsOf: texts.lazy.map { String(decoding: $0, as: UTF8.self) })
    }
}

extension ParquetFile {
    enum Codec: Int32 { case uncompressed = 0, snappy = 1, gzip = 2 }
    enum Encoding: Int32 {
        case plain = 0, plainDictionary = 2, rle = 3, deltaBinaryPacked = 5, deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9
    }

    /// A page header's fields that reading a flat column needs.
    struct PageHeader {
        var type: Int32 = -1
        var uncompressedSize = 0
        var compressedSize = 0
        var valueCount = 0
        var encoding: Int32 = 0
        var definitionEncoding: Int32 = Encoding.rle.rawValue
        /// Data pages v2: levels stand uncompressed before the values.
        var definitionLength = 0
        var repetitionLength = 0
        var valuesCompressed = true

        static let data: Int32 = 0, dictionary: Int32 = 2, dataV2: Int32 = 3

        init(_ r: inout ThriftReader) throws(Damage) {
            var header = PageHeader(empty: ())
            try r.structure { (r, id, _) throws(Damage) in
                switch id {
                case 1: header.type = try r.i32()
                case 2: header.uncompressedSize = try r.size()
                case 3: header.compressedSize = try r.size()
                case 5, 7, 8:
                    let kind = id
                    try r.structure { (r, id, type) throws(Damage) in
                        switch (kind, id) {
                        case (_, 1): header.valueCount = try r.size()
                        case (5, 2), (7, 2), (8, 4): header.encoding = try r.i32()
                        case (5, 3): header.definitionEncoding = try r.i32()
                        case (8, 5): header.definitionLength = try r.size()
                        case (8, 6): header.repetitionLength = try r.size()
                        case (8, 7): header.valuesCompressed = type == .boolTrue
                        default: return false
                        }
                        return true
                    }
                default: return false
                }
                return true
            }
            self = header
        }

        private init(empty: Void) {}
    }

    /// Every value of column `index` across the row groups, a row each.
    func read<Value: ParquetValue>(_ index: Int, as: Value.Type) throws(Damage) -> [Value?] {
        let column = columns[index]
        var values: [Value?] = []
        // A damaged footer may claim two billion rows: room for what the file could plainly hold.
        values.reserveCapacity(min(rowCount, bytes.count + 1024))
        try bytes.withRawBytes { (file) throws(Damage) in
            for group in rowGroups {
                let chunk = group.chunks[index]
                guard !chunk.inAnotherFile else { throw Damage("its data is in another file, which offsync does not read") }
                guard let codec = Codec(rawValue: chunk.codec) else {
                    throw Damage("its pages are compressed with codec \(chunk.codec); offsync reads uncompressed, snappy and gzip pages")
                }
                guard chunk.valueCount == group.rowCount else { throw Damage("a row group holds \(chunk.valueCount) values for \(group.rowCount) rows") }
                var offset = chunk.dataPageOffset
                if let dictionary = chunk.dictionaryPageOffset, dictionary > 0, dictionary < offset { offset = dictionary }
                var dictionary: [Value]? = nil
                let end = values.count + Int(group.rowCount)
                while values.count < end {
                    guard offset >= 4, offset < Int64(file.count) else { throw Damage("a page lies outside the file") }
                    var reader = ThriftReader(file, at: Int(offset))
                    let header = try PageHeader(&reader)
                    guard header.compressedSize <= file.count - reader.offset else { throw Damage("a page runs past the end of the file") }
                    let body = UnsafeRawBufferPointer(rebasing: file[reader.offset..<reader.offset + header.compressedSize])
                    offset = Int64(reader.offset + header.compressedSize)
                    switch header.type {
                    case PageHeader.dictionary:
                        let page = try Self.decompress(body, codec, size: header.uncompressedSize)
                        var entries: [Value] = []
                        entries.reserveCapacity(header.valueCount)
                        guard header.encoding == Encoding.plain.rawValue || header.encoding == Encoding.plainDictionary.rawValue else {
                            throw Damage("its dictionary page has encoding \(header.encoding); offsync reads plain ones")
                        }
                        _ = try page.withRawBytes { (raw) throws(Damage) in try Value.plain(raw, count: header.valueCount, type: column.type, into: &entries) }
                        dictionary = entries
                    case PageHeader.data, PageHeader.dataV2:
                        guard header.valueCount <= end - values.count else { throw Damage("its pages hold more values than the row group's rows") }
                        try readDataPage(header, body, codec, column, dictionary, into: &values)
                    default:
                        continue
                    }
                }
            }
        }
        return values
    }

    /// One data page's values (nil where the definition level says none), onto `values`.
    private func readDataPage<Value: ParquetValue>(
        _ header: PageHeader, _ body: UnsafeRawBufferPointer, _ codec: Codec, _ column: Column, _ dictionary: [Value]?,
        into values: inout [Value?]
    ) throws(Damage) {
        // Definition levels (0: no value, 1: a value) and the values' bytes.
        var defined: [UInt32]? = nil
        let page: [UInt8]
        var start = 0
        if header.type == PageHeader.dataV2 {
            let levels = header.definitionLength + header.repetitionLength
            guard header.repetitionLength == 0, levels <= body.count else { throw Damage("a page's levels do not fit it") }
            if column.isOptional {
                var levelBytes = RLEReader(UnsafeRawBufferPointer(rebasing: body[0..<header.definitionLength]), bitWidth: 1)
                defined = try levelBytes.values(header.valueCount)
            }
            let rest = UnsafeRawBufferPointer(rebasing: body[levels...])
            page = header.valuesCompressed ? try Self.decompress(rest, codec, size: header.uncompressedSize - levels) : Array(rest)
        } else {
            page = try Self.decompress(body, codec, size: header.uncompressedSize)
            if column.isOptional {
                guard header.definitionEncoding == Encoding.rle.rawValue else {
                    throw Damage("its definition levels have encoding \(header.definitionEncoding); offsync reads RLE ones")
                }
                guard page.count >= 4 else { throw Damage("a page ends before its definition levels") }
                let length = page[0..<4].reversed().reduce(0) { $0 << 8 | Int($1) }
                guard length <= page.count - 4 else { throw Damage("a page's definition levels run past it") }
                defined = try page.withRawBytes { (raw) throws(Damage) in
                    var levels = RLEReader(UnsafeRawBufferPointer(rebasing: raw[4..<4 + length]), bitWidth: 1)
                    return try levels.values(header.valueCount)
                }
                start = 4 + length
            }
        }
        let present = defined.map { $0.lazy.filter { $0 == 1 }.count } ?? header.valueCount
        var decoded: [Value] = []
        decoded.reserveCapacity(present)
        try page.withRawBytes { (raw) throws(Damage) in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[start...])
            switch Encoding(rawValue: header.encoding) {
            case .plain:
                _ = try Value.plain(bytes, count: present, type: column.type, into: &decoded)
            case .plainDictionary, .rleDictionary:
                guard let dictionary else { throw Damage("a page refers to a dictionary the column does not have") }
                guard let width = bytes.first, width <= 32 else { throw Damage("a page's dictionary indexes are damaged") }
                var indexes = RLEReader(UnsafeRawBufferPointer(rebasing: bytes[1...]), bitWidth: Int(width))
                for index in try indexes.values(present) {
                    guard Int(index) < dictionary.count else { throw Damage("a page refers past its dictionary") }
                    decoded.append(dictionary[Int(index)])
                }
            case .deltaBinaryPacked, .deltaLengthByteArray, .deltaByteArray, .rle:
                try Value.special(bytes, count: present, encoding: Encoding(rawValue: header.encoding)!, into: &decoded)
            case .byteStreamSplit:
                // Byte k of every value, then byte k + 1: put back together, then plain.
                let width = column.type == .int32 || column.type == .float ? 4 : 8
                guard column.type != .byteArray, column.type != .boolean, present <= bytes.count / width else {
                    throw Damage("a page split into byte streams is damaged")
                }
                var joined = [UInt8](repeating: 0, count: present * width)
                for value in 0..<present {
                    for byte in 0..<width { joined[value * width + byte] = bytes[byte * present + value] }
                }
                _ = try joined.withRawBytes { (raw) throws(Damage) in try Value.plain(raw, count: present, type: column.type, into: &decoded) }
            default:
                throw Damage("a page has encoding \(header.encoding); offsync reads plain, dictionary, delta, run length and byte stream split ones")
            }
        }
        guard let defined else {
            values.append(contentsOf: decoded.lazy.map { Optional($0) })
            return
        }
        var next = 0
        for level in defined {
            if level == 1 {
                values.append(decoded[next])
                next += 1
            } else {
                values.append(nil)
            }
        }
    }

    /// A page's bytes as written, `size` of them.
    static func decompress(_ body: UnsafeRawBufferPointer, _ codec: Codec, size: Int) throws(Damage) -> [UInt8] {
        let bytes: [UInt8]
        switch codec {
        case .uncompressed:
            bytes = Array(body)
        case .gzip:
            do {
                bytes = try Gzip.inflate(Array(body), file: "")
            } catch {
                throw Damage("a gzip page is damaged (\(error.message))")
            }
        case .snappy:
            bytes = try Snappy.decompress(body)
        }
        guard bytes.count == size else { throw Damage("a page is \(bytes.count) bytes where its header says \(size)") }
        return bytes
    }
}

/// Parquet's run-length / bit-packed hybrid: definition levels and dictionary indexes.
struct RLEReader {
    let bytes: UnsafeRawBufferPointer
    let bitWidth: Int
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer, bitWidth: Int) {
        self.bytes = bytes
        self.bitWidth = bitWidth
    }

    mutating func values(_ count: Int) throws(ParquetFile.Damage) -> [UInt32] {
        var values: [UInt32] = []
        values.reserveCapacity(count)
        while values.count < count {
            guard let header = bytes.varint(at: &offset) else { throw ParquetFile.Damage("a run of levels or indexes is damaged") }
            if header & 1 == 0 {
                // A run: one value, repeated.
                let width = (bitWidth + 7) / 8
                guard width <= bytes.count - offset else { throw ParquetFile.Damage("a run of levels or indexes is damaged") }
                var value: UInt32 = 0
                for index in 0..<width { value |= UInt32(bytes[offset + index]) << (8 * index) }
                offset += width
                let run = min(header >> 1, UInt64(count - values.count))
                values.append(contentsOf: repeatElement(value, count: Int(run)))
            } else {
                // Groups of eight values, bitWidth bits each, lowest bits first.
                let groups = header >> 1
                guard groups <= UInt64(bytes.count - offset), Int(groups) * bitWidth <= bytes.count - offset else {
                    throw ParquetFile.Damage("a run of levels or indexes is damaged")
                }
                let mask: UInt64 = bitWidth == 32 ? 0xFFFF_FFFF : (1 << UInt64(bitWidth)) - 1
                let total = Int(groups) * 8
                for index in 0..<total where values.count < count {
                    let bit = index * bitWidth
                    var word: UInt64 = 0
                    for byte in 0..<min(8, bytes.count - offset - bit / 8) { word |= UInt64(bytes[offset + bit / 8 + byte]) << (8 * UInt64(byte)) }
                    values.append(UInt32((word >> UInt64(bit % 8)) & mask))
                }
                offset += Int(groups) * bitWidth
            }
        }
        return values
    }
}

/// Snappy's raw format (Spark's default Parquet codec): literals and back references.
enum Snappy {
    static func decompress(_ input: UnsafeRawBufferPointer) throws(ParquetFile.Damage) -> [UInt8] {
        var offset = 0
        func byte() throws(ParquetFile.Damage) -> UInt8 {
            guard offset < input.count else { throw ParquetFile.Damage("a snappy page is damaged") }
            defer { offset += 1 }
            return input[offset]
        }
        // A back reference of 3 bytes makes at most 64: a larger claim is damage, not an allocation.
        guard let length = input.varint(at: &offset), length <= UInt64(input.count) * 22 + 64 else {
            throw ParquetFile.Damage("a snappy page is damaged")
        }
        var output: [UInt8] = []
        output.reserveCapacity(Int(length))
        while offset < input.count {
            let tag = try byte()
            var count: Int
            var distance: Int
            switch tag & 3 {
            case 0:
                count = Int(tag >> 2) + 1
                if count > 60 {
                    let extra = count - 60
                    count = 0
                    for index in 0..<extra { count |= Int(try byte()) << (8 * index) }
                    count += 1
                }
                guard count <= input.count - offset, output.count + count <= Int(length) else { throw ParquetFile.Damage("a snappy page is damaged") }
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[offset..<offset + count]))
                offset += count
                continue
            case 1:
                count = Int((tag >> 2) & 7) + 4
                distance = Int(tag >> 5) << 8 | Int(try byte())
            case 2:
                count = Int(tag >> 2) + 1
                distance = Int(try byte()) | Int(try byte()) << 8
            default:
                count = Int(tag >> 2) + 1
                distance = 0
                for index in 0..<4 { distance |= Int(try byte()) << (8 * index) }
            }
            guard distance > 0, distance <= output.count, output.count + count <= Int(length) else {
                throw ParquetFile.Damage("a snappy page is damaged")
            }
            // Byte by byte: a reference may overlap what it writes.
            let from = output.count - distance
            for index in 0..<count { output.append(output[from + index]) }
        }
        guard output.count == Int(length) else { throw ParquetFile.Damage("a snappy page is damaged") }
        return output
    }
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` with the closure's own error type (the standard one rethrows `any Error`).
    func withRawBytes<Result, Failure>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try withUnsafeBufferPointer { (buffer) throws(Failure) in try body(UnsafeRawBufferPointer(buffer)) }
    }
}
