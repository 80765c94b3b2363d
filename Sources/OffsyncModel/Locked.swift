import Foundation

/// A value behind a lock: the one way threads here share mutable state. A pthread mutex
/// (`NSLock`) rather than the standard library's `Mutex`, whose futex ThreadSanitizer cannot see
/// on Linux: it would report every access the lock guards as a race.
public final class Locked<Value>: @unchecked Sendable {  // `value` only under `lock`
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
