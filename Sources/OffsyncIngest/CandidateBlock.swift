import Foundation
import OffsyncModel

/// The candidates of a block of records, computed in chunks that whichever thread is free
/// claims: another core starts on a block while the loader checks the block before, and the
/// loader joins in when it is done. The loader waits only for a chunk another thread is
/// computing, never for one queued: a helper that has not started when all is claimed finds
/// nothing left to do.
final class CandidateBlock: @unchecked Sendable {  // the counts change under `condition`
    let range: Range<Int>
    private let file: ParsedFile
    private let idPath: Int32
    private let conditions: [(Int32, String)]
    private let candidates: UnsafeMutableBufferPointer<IDCandidate>
    private let condition = NSCondition()
    private let chunks: Int
    private var claimed = 0
    private var computed = 0

    /// Records per chunk: enough to make a claim cheap, few enough to share a block evenly.
    static let chunkSize = 1024

    /// Starts another thread on the candidates of `range`.
    init(_ file: ParsedFile, _ range: Range<Int>, idPath: Int32, conditions: [(Int32, String)]) {
        self.range = range
        self.file = file
        self.idPath = idPath
        self.conditions = conditions
        chunks = (range.count + Self.chunkSize - 1) / Self.chunkSize
        candidates = .allocate(capacity: range.count)
        candidates.initialize(repeating: IDCandidate())
        DispatchQueue.global().async { self.work() }
    }

    /// Computes chunks until none is left unclaimed.
    private func work() {
        while true {
            condition.lock()
            let chunk = claimed
            if chunk < chunks { claimed += 1 }
            condition.unlock()
            guard chunk < chunks else { return }
            let start = range.lowerBound + chunk * Self.chunkSize
            IDCandidate.fill(
                file, start..<min(start + Self.chunkSize, range.upperBound), into: candidates.baseAddress! + chunk * Self.chunkSize,
                idPath: idPath, conditions: conditions)
            condition.lock()
            computed += 1
            if computed == chunks { condition.broadcast() }
            condition.unlock()
        }
    }

    /// The block's candidates, once this thread has computed what was left; the caller moves
    /// each out once and deallocates.
    func finish() -> UnsafeMutableBufferPointer<IDCandidate> {
        work()
        condition.lock()
        while computed < chunks { condition.wait() }
        condition.unlock()
        return candidates
    }
}
