/// 64 bits from bytes, 8 at a time, each word folded into the state by a full 128-bit product
/// (the "mum" step of wyhash). Not keyed like `Hasher`: the text is the user's own exports, and
/// a collision costs a comparison, never a wrong answer; SipHash costs several times more per id.
public enum ByteHash {
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        @inline(__always) func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let (high, low) = a.multipliedFullWidth(by: b)
            return high ^ low
        }
        let count = bytes.count
        var state = mum(UInt64(count) ^ 0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB)
        var offset = 0
        while offset + 8 <= count {
            state = mum(state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), 0xE703_7ED1_A0B4_28DB)
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            for index in offset..<count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
            state = mum(state ^ tail, 0x8EBC_6AF0_9C88_C6E3)
        }
        return mum(state, 0x5899_65CC_7537_4CC3)
    }
}

extension ByteHash {
    /// The hash of a text's UTF-8 bytes: what state keeps of a baseline value, whose only
    /// question is "equal or not?". Stable across runs and machines (no seed), so a digest
    /// written by one run is compared by the next.
    public static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
}
