import Foundation
import OffsyncModel

/// A gzip file inflated on another core while a reader reads what is ready: into one buffer of
/// the trailer's size, which never moves. A file that turns out larger (several members) stops
/// with `overflow`, and the caller reads it the plain way.
final class GzipStream: @unchecked Sendable {  // shared state only under `changed`
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private let output: Allocation
    private let input: LoadedBytes
    /// Guards the state below; signalled when the bytes ready change.
    private let changed = NSCondition()
    private var ready = 0
    private var done = false
    private var failure: String? = nil
    private var overflow = false

    /// `size`: the trailer's size of the content.
    init(_ input: LoadedBytes, size: Int) {
        self.input = input
        capacity = size + (1 << 16)
        let buffer = Growable<UInt8>(capacity: capacity)
        output = buffer.allocation
        base = buffer.base
    }

    /// Starts inflating on another thread. That thread then calls `ending` with the content's
    /// size (nil when inflating failed or overflowed) before a reader can see the end, and runs
    /// the work `ending` returns after: a reader of part of the content can take the rest to it.
    func start(ending: @escaping @Sendable (Int?) -> (@Sendable () -> Void)? = { _ in nil }) {
        DispatchQueue.global().async { [self] in
            var buffer = Growable<UInt8>(fixed: output, capacity: capacity)
            let result = Gzip.inflate(input.buffer, into: &buffer, fixed: true) { count in
                // Publishing every step would wake the reader too often; a step is 256 KB.
                self.publish(count, done: false)
            }
            changed.lock()
            failure = result.failure
            overflow = result.overflow
            changed.unlock()
            let work = ending(result.failure == nil && !result.overflow ? buffer.count : nil)
            publish(buffer.count, done: true)
            work?()
        }
    }

    private func publish(_ count: Int, done: Bool) {
        changed.lock()
        ready = count
        self.done = self.done || done
        changed.broadcast()
        changed.unlock()
    }

    /// Waits until `count` bytes are ready or inflating ended; returns what is ready and whether it ended.
    func wait(for count: Int) -> (ready: Int, done: Bool) {
        changed.lock()
        while ready < count && !done { changed.wait() }
        let state = (ready, done)
        changed.unlock()
        return state
    }

    /// Waits for the end: the failure message (as `Gzip.inflate` words it), or whether the
    /// content did not fit.
    func end() -> (failure: String?, overflow: Bool, bytes: UnsafeBufferPointer<UInt8>) {
        let (count, _) = wait(for: Int.max)
        changed.lock()
        defer { changed.unlock() }
        return (failure, overflow, UnsafeBufferPointer(start: base, count: count))
    }
}
