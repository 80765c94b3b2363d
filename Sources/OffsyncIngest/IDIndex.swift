import CPrefetch
import OffsyncModel

/// Record indices by the hash of their id (open addressing): finds a repeated id without a
/// dictionary of strings. 5 bytes a slot, three quarters full at most: a table of 8-byte slots
/// sized to a power of two would be more than twice as large.
struct IDIndex {
    /// Both arrays, in one zeroed block.
    private let storage: Allocation
    /// Record index + 1 (0: empty).
    private let indices: UnsafeMutablePointer<UInt32>
    /// Eight more bits of each slot's hash: most slots of other ids are passed without comparing.
    private let tags: UnsafeMutablePointer<UInt8>
    private let size: Int

    init(capacity: Int) {
        size = max(16, capacity + capacity / 3 + 1)
        storage = Allocation(zeroedBytes: size * 5)
        indices = storage.pointer.bindMemory(to: UInt32.self, capacity: size)
        tags = (storage.pointer + size * 4).bindMemory(to: UInt8.self, capacity: size)
    }

    /// Where an id with this hash starts: the hash's low 32 bits scaled to the size, which need
    /// not be a power of two.
    @inline(__always)
    private func home(_ hash: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(truncatingIfNeeded: hash)) &* UInt64(size)) >> 32)
    }

    /// How far ahead of its insert a candidate's slot is fetched.
    static let prefetchDistance = 16

    /// Fetches the slot where an id with this hash starts into cache, ahead of its insert: the
    /// slots are read at random, and an insert otherwise waits on memory.
    @inline(__always)
    func prefetch(hash: Int) {
        let slot = home(hash)
        offsync_prefetch_for_write(indices + slot)
        offsync_prefetch_for_write(tags + slot)
    }

    /// Adds `index` unless a record already there has the same id (`same`); returns that record.
    mutating func insert(_ index: Int, hash: Int, where same: (Int) -> Bool) -> Int? {
        let tag = UInt8(truncatingIfNeeded: UInt(bitPattern: hash) >> 56)
        var slot = home(hash)
        while true {
            let found = indices[slot]
            if found == 0 {
                indices[slot] = UInt32(index + 1)
                tags[slot] = tag
                return nil
            }
            if tags[slot] == tag, same(Int(found) - 1) { return Int(found) - 1 }
            slot = slot + 1 == size ? 0 : slot + 1
        }
    }
}
