import Dispatch
import Foundation

extension RandomAccessCollection where Index == Int, Self: Sendable, Element: Sendable {
    /// `map` with the elements spread over every core; the results come back in order, so the
    /// output is what `map` gives. For a few large pieces of work (a flow's stretches of pairs,
    /// the import files of a run), not for many tiny ones.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let slots = Slots<Result>(count: count)
        let start = startIndex
        DispatchQueue.concurrentPerform(iterations: count) { offset in
            slots.set(offset, transform(self[start + offset]))
        }
        return slots.values()
    }
}

/// One slot per iteration of a concurrent map. Each iteration writes only its own slot, and
/// all are written before the map reads them: that is why the unchecked Sendable holds.
private final class Slots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value>

    init(count: Int) { buffer = .allocate(capacity: count) }

    deinit { buffer.deallocate() }

    func set(_ index: Int, _ value: Value) { (buffer.baseAddress! + index).initialize(to: value) }

    /// The values, moved out; call once, after every slot is set.
    func values() -> [Value] {
        [Value](unsafeUninitializedCapacity: buffer.count) { target, initialized in
            _ = target.moveInitialize(fromContentsOf: buffer)
            initialized = buffer.count
        }
    }
}

extension Range where Bound == Int {
    /// The range cut into stretches of about `size` elements, in order, at most four per core:
    /// the pieces a long pass over records hands to `concurrentMap`. A range below `size` is
    /// one stretch.
    public func stretches(of size: Int) -> [Range<Int>] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let pieces = Swift.max(1, Swift.min((count + size - 1) / Swift.max(size, 1), 4 * cores))
        return (0..<pieces).map { lowerBound + count * $0 / pieces..<lowerBound + count * ($0 + 1) / pieces }
    }
}
