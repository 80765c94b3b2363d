#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import OffsyncModel

/// A gzip file inflated on another core while a reader reads what is ready: into one buffer of
/// the trailer's size, which never moves. A file that turns out larger (several members) stops
/// with `overflow`, and the caller reads it the plain way.
final class GzipStream: ReleasablePages, @unchecked Sendable {  // shared state only under `changed`
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private let output: Allocation
    private let input: LoadedBytes
    /// Guards the state below; signalled when the bytes ready or the bytes given back change.
    private let changed = NSCondition()
    private var ready = 0
    private var done = false
    private var failure: String? = nil
    private var overflow = false
    /// How far inflating may run ahead of what the reader has given back (nil: as far as it
    /// goes): a reader starved of CPU for a moment would otherwise let inflating hold more than
    /// the whole content.
    private let maxLead: Int?
    /// What the reader has given back (`release`): it has passed it.
    private var given = 0
    /// Whether the reader is waiting for bytes: inflating never waits for it then.
    private var readerWaits = false

    /// `size`: the trailer's size of the content; `maxLead`: how far inflating may run ahead
    /// of what the reader gives back (it must give back as it goes, and wait for bytes only when
    /// it needs them).
    init(_ input: LoadedBytes, size: Int, maxLead: Int? = nil) {
        self.input = input
        self.maxLead = maxLead
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
            // The compressed pages zlib has passed are given back too: for CSV they are a
            // quarter of the content's size, held to the end otherwise.
            var passedInput = LoadedBytes.PassedPageReleaser(input)
            let result = Gzip.inflate(input.buffer, into: &buffer, fixed: true) { count, consumed in
                // Publishing every step would wake the reader too often; a step is 256 KB.
                self.publish(count, done: false)
                passedInput.reached(consumed)
                self.keepLead(count)
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

    /// Waits, on the inflating thread, while it is `maxLead` ahead of what the reader has given
    /// back and the reader is not waiting for bytes.
    private func keepLead(_ count: Int) {
        guard let maxLead else { return }
        changed.lock()
        while count - given > maxLead && !readerWaits { changed.wait() }
        changed.unlock()
    }

    /// Waits until `count` bytes are ready or inflating ended; returns what is ready and whether it ended.
    func wait(for count: Int) -> (ready: Int, done: Bool) {
        changed.lock()
        if ready < count && !done {
            readerWaits = true
            changed.broadcast()
            while ready < count && !done { changed.wait() }
            readerWaits = false
        }
        let state = (ready, done)
        changed.unlock()
        return state
    }

    /// Lets go of the pages before `offset`, which the reader has passed and will not read again
    /// (they would read as zeros).
    func release(upTo offset: Int) { release(from: 0, upTo: offset) }

    func release(from start: Int, upTo offset: Int) {
        if maxLead != nil {
            changed.lock()
            given = max(given, offset)
            changed.broadcast()
            changed.unlock()
        }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        // The buffer is malloc's: whole pages inside it only.
        let first = (UInt(bitPattern: base) + UInt(start) + page - 1) / page * page
        let end = (UInt(bitPattern: base) + UInt(offset)) / page * page
        if end > first { madvise(UnsafeMutableRawPointer(bitPattern: first), Int(end - first), MADV_DONTNEED) }
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
