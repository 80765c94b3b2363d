import OffsyncDiagnostics
import OffsyncModel

/// The files a load reads ahead on several threads: handed out in order, and their results
/// kept by index until the load joins them.
final class ReadAheadFiles: Sendable {
    private struct State {
        var slots: [Result<ReadFile, OffsyncError>?]
        var taken = 0
        /// The first file that failed: the load stops there, so no later file is started.
        var failed: Int? = nil
    }

    private let state: Locked<State>

    init(count: Int) { state = Locked(State(slots: Array(repeating: nil, count: count))) }

    /// The next file to read, in order, or nil when all are taken or an earlier one failed.
    func next() -> Int? {
        state.withLock { state in
            guard state.taken < state.slots.count, state.taken < state.failed ?? .max else { return nil }
            state.taken += 1
            return state.taken - 1
        }
    }

    func set(_ index: Int, _ result: Result<ReadFile, OffsyncError>) {
        state.withLock { state in
            state.slots[index] = result
            if case .failure = result { state.failed = min(state.failed ?? index, index) }
        }
    }

    /// What was read, by file index; files not started are missing.
    var values: [Int: Result<ReadFile, OffsyncError>] {
        state.withLock { state in
            var read: [Int: Result<ReadFile, OffsyncError>] = [:]
            for (index, slot) in state.slots.enumerated() { if let slot { read[index] = slot } }
            return read
        }
    }
}
