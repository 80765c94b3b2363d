import Foundation

/// Work that runs on the second core beside the pipeline's main line: started at once on a
/// thread of its own, its value taken when the main line needs it: after ingest the run is
/// otherwise one core busy and one idle.
final class Background<Value>: @unchecked Sendable {
    // Written once by the worker before it signals, read only after the wait: the semaphore
    // orders the two, which is why the unchecked Sendable holds.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to finish and gives its value (again on every call).
    func value() -> Value {
        done.wait()
        defer { done.signal() }
        return result!
    }

    /// Waits for the work to finish and hands its value over: nothing keeps a copy, so a large
    /// value is freed when its new owner is done with it. Call once, instead of `value()`.
    func take() -> Value {
        done.wait()
        defer { result = nil }
        return result!
    }
}
