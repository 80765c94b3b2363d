#if canImport(Glibc)
import OffsyncModel
import Glibc
#else
import Darwin
#endif

/// Finds a path by its parent's id and the key's bytes, so that reading a field costs a hash of
/// the key and no dotted `String`; only a path seen for the first time builds its name.
struct ChildPaths {
    private struct Item {
        var parent: Int32
        var path: Int32
        var keyStart: Int32
        var keyCount: Int32
        var hash: UInt64
    }

    private var items: [Item] = []
    private var keys: [UInt8] = []
    /// Open addressing: index into `items`, or -1.
    private var slots = [Int32](repeating: -1, count: 64)
    /// The item read after each item last time: records of one export repeat their keys in
    /// order, so the next key is usually this one and needs no hash.
    private var next: [Int32] = []
    private var last: Int32 = -1

    /// The path of `key` below `parent` (-1: the record itself), interned in `paths` when new.
    @inline(__always)
    mutating func path(parent: Int32, key: UnsafeBufferPointer<UInt8>, in paths: inout PathTable) -> Int32 {
        if last >= 0, Int(last) < next.count {
            let guess = next[Int(last)]
            if guess >= 0, matches(Int(guess), parent, key) {
                last = guess
                return items[Int(guess)].path
            }
        }
        let item = lookUp(parent: parent, key: key, paths: &paths)
        if last >= 0 { next[Int(last)] = item }
        last = item
        return items[Int(item)].path
    }

    @inline(__always)
    private func matches(_ index: Int, _ parent: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let item = items[index]
        guard item.parent == parent, Int(item.keyCount) == key.count else { return false }
        return keys.withUnsafeBufferPointer { stored in
            key.count == 0 || memcmp(stored.baseAddress! + Int(item.keyStart), key.baseAddress!, key.count) == 0
        }
    }

    private mutating func lookUp(parent: Int32, key: UnsafeBufferPointer<UInt8>, paths: inout PathTable) -> Int32 {
        let hash = Self.hash(parent, key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            if items[Int(index)].hash == hash, matches(Int(index), parent, key) { return index }
            slot = (slot + 1) & mask
        }
        // New: the dotted name (a key with a dot may spell a path a nested key gave already).
        let keyText = String(decoding: key, as: UTF8.self)
        let name = parent < 0 ? keyText : paths.names[Int(parent)] + "." + keyText
        let index = Int32(items.count)
        items.append(Item(parent: parent, path: paths.intern(name), keyStart: Int32(keys.count), keyCount: Int32(key.count), hash: hash))
        keys.append(contentsOf: key)
        next.append(-1)
        slots[slot] = index
        if items.count * 2 > slots.count { rehash() }
        return index
    }

    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, item) in items.enumerated() {
            var slot = Int(truncatingIfNeeded: item.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a over the parent and the key, eight bytes at a time.
    private static func hash(_ parent: Int32, _ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt32(bitPattern: parent))
        let raw = UnsafeRawBufferPointer(key)
        var i = 0
        while i + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            hash ^= hash >> 29
            i += 8
        }
        while i < raw.count {
            hash = (hash ^ UInt64(raw[i])) &* 0x100_0000_01b3
            i += 1
        }
        return hash ^ (hash >> 32)
    }
}
