/// The delta encodings of Parquet's second format version (DuckDB's `PARQUET_VERSION v2`,
/// Spark's `parquet.writer.version=v2`): integers as packed differences, texts as packed
/// lengths (and shared prefixes) before their bytes.
enum ParquetDelta {
    /// `count` integers in DELTA_BINARY_PACKED; returns them and the bytes they took.
    static func integers(_ bytes: UnsafeRawBufferPointer, count: Int) throws(ParquetFile.Damage) -> (values: [Int64], size: Int) {
        var offset = 0
        func varint() throws(ParquetFile.Damage) -> UInt64 {
            guard let value = bytes.varint(at: &offset) else { throw ParquetFile.Damage("a delta-encoded page is damaged") }
            return value
        }
        func zigzag() throws(ParquetFile.Damage) -> Int64 {
            let raw = try varint()
            return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        }
        let blockSize = try varint(), miniblocks = try varint(), total = try varint()
        var value = try zigzag()
        guard miniblocks > 0, blockSize % 128 == 0, blockSize > 0, blockSize <= 1 << 20, (blockSize / miniblocks) % 32 == 0, blockSize % miniblocks == 0,
              total >= UInt64(count), total <= UInt64(Int32.max)
        else { throw ParquetFile.Damage("a delta-encoded page's header is damaged") }
        let perMiniblock = Int(blockSize / miniblocks)
        var values: [Int64] = []
        values.reserveCapacity(Int(total))
        if total > 0 { values.append(value) }
        while values.count < Int(total) {
            let minimum = try zigzag()
            guard Int(miniblocks) <= bytes.count - offset else { throw ParquetFile.Damage("a delta-encoded page is damaged") }
            let widths = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(miniblocks)])
            offset += Int(miniblocks)
            for width in widths where values.count < Int(total) {
                guard width <= 64 else { throw ParquetFile.Damage("a delta-encoded page is damaged") }
                let size = perMiniblock * Int(width) / 8
                guard size <= bytes.count - offset else { throw ParquetFile.Damage("a delta-encoded page is damaged") }
                for index in 0..<perMiniblock where values.count < Int(total) {
                    var delta: UInt64 = 0
                    let bit = index * Int(width)
                    // Up to 64 bits starting mid-byte: nine bytes at most.
                    for byte in 0..<(Int(width) + bit % 8 + 7) / 8 {
                        let part = UInt64(bytes[offset + bit / 8 + byte])
                        let shift = 8 * byte - bit % 8
                        delta |= shift >= 0 ? part << UInt64(shift) : part >> UInt64(-shift)
                    }
                    if width < 64 { delta &= (1 << UInt64(width)) - 1 }
                    value = value &+ minimum &+ Int64(bitPattern: delta)
                    values.append(value)
                }
                offset += size
            }
        }
        return (Array(values.prefix(count)), offset)
    }

    /// `count` texts in DELTA_LENGTH_BYTE_ARRAY: their lengths, then their bytes one after another.
    static func texts(_ bytes: UnsafeRawBufferPointer, count: Int) throws(ParquetFile.Damage) -> (values: [[UInt8]], size: Int) {
        let (lengths, start) = try integers(bytes, count: count)
        var offset = start
        var values: [[UInt8]] = []
        values.reserveCapacity(count)
        for length in lengths {
            guard length >= 0, length <= Int64(bytes.count - offset) else { throw ParquetFile.Damage("a text value runs past its page") }
            values.append(Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)])))
            offset += Int(length)
        }
        return (values, offset)
    }

    /// `count` texts in DELTA_BYTE_ARRAY: each is a prefix of the one before and a suffix.
    static func prefixedTexts(_ bytes: UnsafeRawBufferPointer, count: Int) throws(ParquetFile.Damage) -> [[UInt8]] {
        let (prefixes, start) = try integers(bytes, count: count)
        let (suffixes, _) = try texts(UnsafeRawBufferPointer(rebasing: bytes[start...]), count: count)
        var values: [[UInt8]] = []
        values.reserveCapacity(count)
        var previous: [UInt8] = []
        for (prefix, suffix) in zip(prefixes, suffixes) {
            guard prefix >= 0, prefix <= Int64(previous.count) else { throw ParquetFile.Damage("a text value's shared prefix is damaged") }
            previous = Array(previous.prefix(Int(prefix))) + suffix
            values.append(previous)
        }
        return values
    }
}
