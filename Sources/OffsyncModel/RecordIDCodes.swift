import CPrefetch

/// Record ids to small integer codes, for lookups per record on both cores: integer ids in open
/// addressing over two flat arrays (no `String` made or hashed, nothing retained), other ids in
/// a dictionary. The last code set for an id wins. Its owner frees it (`deallocate`).
public struct RecordIDCodes: @unchecked Sendable {
    @usableFromInline var keys: UnsafeMutableBufferPointer<Int64>
    /// `empty` where no id is.
    @usableFromInline var codes: UnsafeMutableBufferPointer<Int32>
    @usableFromInline var shift: Int
    @usableFromInline var texts: [String: Int32] = [:]
    /// Integer ids held.
    private var count = 0
    @usableFromInline static let empty = Int32.min

    /// A table sized for `capacity` integer ids; it grows past them.
    public init(capacity: Int) {
        // At most three quarters full.
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        shift = 64 - size.trailingZeroBitCount
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0)
        codes = .allocate(capacity: size)
        codes.initialize(repeating: Self.empty)
    }

    public func deallocate() {
        keys.deallocate()
        codes.deallocate()
    }

    /// Where an integer id's probe starts: the top bits of a multiplicative hash, which spread
    /// ids that count up.
    @inlinable @inline(__always)
    func home(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    public mutating func set(_ id: RecordID, _ code: Int32) {
        switch id {
        case .text(let text): texts[text] = code
        case .integer(let key):
            var slot = home(key)
            while codes[slot] != Self.empty, keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            if codes[slot] == Self.empty {
                guard (count + 1) * 4 <= keys.count * 3 else {
                    grow()
                    return set(id, code)
                }
                count += 1
            }
            keys[slot] = key
            codes[slot] = code
        }
    }

    /// Twice the slots, the ids placed again.
    private mutating func grow() {
        var larger = RecordIDCodes(capacity: keys.count * 3 / 2 + 1)
        for slot in keys.indices where codes[slot] != Self.empty { larger.set(.integer(keys[slot]), codes[slot]) }
        deallocate()
        (keys, codes, shift, count) = (larger.keys, larger.codes, larger.shift, larger.count)
    }

    @inlinable @inline(__always)
    public func code(of id: RecordID) -> Int32? {
        switch id {
        case .text(let text): return texts[text]
        case .integer(let key):
            var slot = home(key)
            while true {
                let code = codes[slot]
                if code == Self.empty { return nil }
                if keys[slot] == key { return code }
                slot = (slot + 1) & (keys.count - 1)
            }
        }
    }

    /// Asks for the slot where an integer id's probe starts, ahead of `code(of:)`.
    @inlinable @inline(__always)
    public func prefetch(_ key: Int64) {
        let slot = home(key)
        offsync_prefetch_for_read(keys.baseAddress! + slot)
        offsync_prefetch_for_read(codes.baseAddress! + slot)
    }
}
