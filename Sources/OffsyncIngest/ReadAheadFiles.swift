import Foundation
import OffsyncDiagnostics
import OffsyncModel

/// The files a load reads ahead on several threads: handed out largest first, so that the
/// longest reads start at once and the small ones fill in beside them, and taken by the load in
/// manifest order as each is ready, so that joining a dataset overlaps the reading of the rest.
///
/// Files are numbered in manifest order. None is handed out past one that has failed (the load
/// stops there), nor once the load has stopped.
final class ReadAheadFiles: @unchecked Sendable {  // every field under `condition`
    private enum Slot {
        case waiting
        case ready(Result<ReadFile, OffsyncError>)
        case taken
    }

    private let condition = NSCondition()
    private var slots: [Slot]
    /// The order files are handed out in, and how far it has got.
    private let order: [Int]
    private var handedOut = 0
    /// The first file (by number) that failed.
    private var failed: Int? = nil
    private var stopped = false

    /// `sizes`: each file's size in bytes, for the order they are read in (larger first; ties
    /// in manifest order).
    init(sizes: [Int]) {
        slots = Array(repeating: .waiting, count: sizes.count)
        order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    /// The next file to read, or nil when all are handed out or the load needs no more.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while handedOut < order.count, !stopped {
            let index = order[handedOut]
            handedOut += 1
            if index < failed ?? .max { return index }
        }
        return nil
    }

    /// What reading file `index` gave.
    func set(_ index: Int, _ result: Result<ReadFile, OffsyncError>) {
        condition.lock()
        slots[index] = .ready(result)
        if case .failure = result { failed = min(failed ?? index, index) }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for file `index` and hands its result over (the list keeps none). Nil when the
    /// file will not be read: it was already taken, or a file before it failed.
    func take(_ index: Int) -> Result<ReadFile, OffsyncError>? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch slots[index] {
            case .ready(let result):
                slots[index] = .taken
                return result
            case .taken:
                return nil
            case .waiting:
                guard index < failed ?? .max, !stopped else { return nil }
                condition.wait()
            }
        }
    }

    /// Hands out no more files (the load is done, or refused).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
