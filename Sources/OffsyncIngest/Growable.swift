#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

import OffsyncModel

/// A growable buffer of trivial values on malloc and realloc: large buffers grow in place (mremap)
/// without a second copy resident, and give back what they did not use.
///
/// Not copyable: it is the one owner of its memory, which it frees, or hands to an `Allocation`
/// when it is `finished`. A copy would keep a pointer that the other's growth moves.
struct Growable<Element>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = malloc(self.capacity * MemoryLayout<Element>.stride)!.assumingMemoryBound(to: Element.self)
    }

    deinit { free(base) }

    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) set { base[index] = newValue }
    }

    @inline(__always)
    mutating func reserve(_ more: Int) {
        // Wrapping arithmetic: a count is far from overflowing, and the checks cost on every field.
        if count &+ more > capacity { grow(count &+ more) }
    }

    /// Out of line: appends on hot paths stay small.
    @inline(never)
    private mutating func grow(_ needed: Int) {
        capacity = max(needed, capacity + capacity / 2)
        base = realloc(base, capacity * MemoryLayout<Element>.stride)!.assumingMemoryBound(to: Element.self)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(count &+ 1) }
        base[count] = element
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        reserve(elements.count)
        if let source = elements.baseAddress { memcpy(base + count, source, elements.count &* MemoryLayout<Element>.stride) }
        count &+= elements.count
    }

    /// Appends `elements`, whose memory can be read 32 bytes from its start whatever its count:
    /// up to 32 bytes are copied as one block, with no call (the bytes of the block past the
    /// count are written too, and left as room).
    @inline(__always)
    mutating func append(readingAhead elements: UnsafeBufferPointer<Element>) where Element == UInt8 {
        guard let source = elements.baseAddress else { return }
        reserve(elements.count &+ 32)
        if elements.count <= 32 {
            UnsafeMutableRawPointer(base + count).storeBytes(
                of: UnsafeRawPointer(source).loadUnaligned(as: SIMD32<UInt8>.self), as: SIMD32<UInt8>.self)
        } else {
            memcpy(base + count, source, elements.count)
        }
        count &+= elements.count
    }

    mutating func move(from range: Range<Int>, to destination: Int) {
        memmove(base + destination, base + range.lowerBound, range.count * MemoryLayout<Element>.stride)
    }

    /// The elements cut to their count, handed to an `Allocation` that owns them from now on.
    consuming func finished() -> (owner: Allocation, elements: UnsafeMutableBufferPointer<Element>) {
        let pointer = realloc(base, max(count * MemoryLayout<Element>.stride, 1))!
        let elements = UnsafeMutableBufferPointer(start: pointer.assumingMemoryBound(to: Element.self), count: count)
        discard self
        return (Allocation(adopting: pointer), elements)
    }
}
