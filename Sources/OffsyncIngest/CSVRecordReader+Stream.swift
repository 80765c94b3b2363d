#if canImport(Glibc)
import OffsyncModel
import Glibc
#else
import Darwin
#endif
import Dispatch
import OffsyncDiagnostics
import CIngestSupport
import CLibCSV

extension CSVRecordReader {
    /// Reads CSV in gzip while `stream` inflates it (the caller has not started it): this thread
    /// reads the rows ready so far, and once inflating has ended, the thread that inflated reads
    /// the rows after a line break halfway through what is left. Each time it is done, it takes
    /// the second half of what this thread has left, while that is worth it.
    ///
    /// Parts are taken again because one split leaves a core idle whenever the other is slowed
    /// by other work on the host. Inflating first and then reading would take the inflating time
    /// on top of the reading.
    ///
    /// Returns nil when anything goes wrong (in the rows or in the gzip data), and when the
    /// content turns out larger than the trailer said: the caller then inflates the file whole and
    /// reads it the plain way, which reports the problem exactly as always.
    func read(_ stream: GzipStream, size: Int) -> Output? {
        let shared = StreamShared()
        let inflated = DispatchGroup()
        inflated.enter()
        let reader = self
        stream.start { total in
            reader.pacing?.beforeTakingOver()
            // Splits before this thread's reader can see the end (and take it all).
            guard total == size, let second = reader.takeOverPart(stream, shared: shared) else {
                reader.pacing?.afterTakingOver()
                inflated.leave()
                return nil
            }
            return {
                var part: TakenOverPart? = second
                while let taken = part {
                    reader.read(taken)
                    part = taken.pass.failed ? nil : reader.takeOverPart(stream, shared: shared)
                }
                reader.pacing?.afterTakingOver()
                inflated.leave()
            }
        }
        let first = readFirstPart(stream, size: size, shared: shared)
        inflated.wait()
        let end = stream.end()
        guard end.failure == nil, !end.overflow, end.bytes.count == size, let first else { return nil }
        let taken = shared.state.withLock { $0.taken }
        guard !taken.contains(where: \.pass.failed) else { return nil }
        // Taken from the back of what the first thread had left: the last taken comes first.
        return try? Self.joined([first] + taken.reversed().map(\.pass))
    }

    /// This thread's part: the header, then rows as they are inflated, up to the end or to where
    /// the other thread took over. Nil at the first problem.
    private func readFirstPart(_ stream: GzipStream, size: Int, shared: StreamShared) -> Pass? {
        defer { shared.state.withLock { $0.firstStopped = true } }
        let (ready, _) = stream.wait(for: 3)
        // UTF-16 is refused the plain way.
        guard (try? DatasetLoader.refuseUTF16(UnsafeBufferPointer(start: stream.base, count: ready), file: file)) != nil else { return nil }
        var shift = 0
        if ready >= 3, stream.base[0] == 0xEF, stream.base[1] == 0xBB, stream.base[2] == 0xBF {
            // A byte order mark beside another encoding is an error: the plain way words it.
            guard options.encoding == .utf8 else { return nil }
            shift = 3
        }
        let bytes = UnsafeBufferPointer(start: stream.base + shift, count: max(size - shift, 0))
        do throws(OffsyncError) {
            // The header line whole, for the delimiter.
            var (cut, done) = readyLines(stream, bytes, from: 0)
            while !done, !Self.hasLineBreakOutsideQuotes(UnsafeBufferPointer(rebasing: bytes[..<cut])) {
                (cut, done) = readyLines(stream, bytes, from: cut)
            }
            let delimiter = options.delimiter ?? Self.sniffDelimiter(UnsafeBufferPointer(rebasing: bytes[..<cut]))
            let pass = try Pass(self, bytes, delimiter: delimiter)
            while pass.collector.pointee.header == nil, pass.lineStart < cut || !done {
                if pass.lineStart == cut { (cut, done) = readyLines(stream, bytes, from: cut) }
                try pass.feed(to: cut, untilHeader: true)
            }
            let header = pass.collector.pointee.header
            let headerEnd = pass.lineStart
            shared.state.withLock { state in
                state.bytes = bytes
                state.delimiter = delimiter
                state.header = header
                state.headerEnd = headerEnd
                state.claimed = headerEnd
                state.shift = shift
            }
            // The quotes before `claimed`, counted as it is claimed, once: the other thread
            // splits from there without counting again.
            var counted = headerEnd
            while true {
                if pass.lineStart == cut, !done { (cut, done) = readyLines(stream, bytes, from: cut) }
                let quotes = counted < cut ? offsync_count_quotes(bytes.baseAddress! + counted, cut - counted) : 0
                // Never past a split the other thread has made; it splits only past what is claimed.
                let end = shared.state.withLock { state in
                    if let split = state.split, split < cut {
                        state.claimed = split
                    } else {
                        state.claimed = cut
                        state.claimedQuotes += quotes
                    }
                    return state.claimed
                }
                counted = max(counted, end)
                pacing?.afterClaim()
                if end > pass.lineStart { try pass.feed(to: end) }
                if end < cut || done { break }
            }
            try pass.finish()
            return pass
        } catch {
            return nil
        }
    }

    /// The other thread's next part, once inflating has ended: from a line break halfway between
    /// where the first thread has claimed and where it stops (the end, or the last part taken),
    /// when that leaves enough to be worth it.
    private func takeOverPart(_ stream: GzipStream, shared: StreamShared) -> TakenOverPart? {
        // All under the lock: meanwhile the first thread claims nothing more, so `claimed` and
        // its quote count stay where the split is looked for (a few ms: it waits that long at
        // most, once per split).
        shared.state.withLock { state in
            let stop = state.split ?? state.bytes.count
            guard !state.firstStopped, let header = state.header, stop - state.claimed >= sizes.split,
                  let split = Self.lineBreakOutsideQuotes(
                    state.bytes, from: state.claimed, quoted: state.claimedQuotes % 2 == 1, near: (state.claimed + stop) / 2),
                  split < stop
            else { return nil }
            guard let pass = try? Pass(self, state.bytes, delimiter: state.delimiter, from: split, header: header)
            else { return nil }
            state.split = split
            let part = TakenOverPart(pass: pass, end: stop)
            state.taken.append(part)
            return part
        }
    }

    /// Reads a part the other thread took; it stays `failed` at a problem.
    private func read(_ part: TakenOverPart) {
        do throws(OffsyncError) {
            try part.pass.feed(to: part.end)
            try part.pass.finish()
            part.pass.failed = false
        } catch {}
    }

    /// Waits until the bytes after `position` hold a whole line (or inflating ends); returns the
    /// end of the last whole line ready within a step (a longer line: the line), and whether that
    /// is the end of the content. A step at a time, so that the other thread can take over close
    /// behind this one.
    private func readyLines(_ stream: GzipStream, _ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> (end: Int, done: Bool) {
        let shift = bytes.baseAddress! - UnsafePointer(stream.base)
        var wanted = position + 1
        // Bytes before `from` hold no line end; a line longer than a step lifts the step.
        var from = position
        var stepped = true
        while true {
            let (ready, done) = stream.wait(for: shift + wanted)
            let available = min(ready - shift, bytes.count)
            let end = stepped ? min(available, position + sizes.streamStep) : available
            if let cut = Self.lastLineEnd(bytes, from..<end) { return (cut, false) }
            if end == available {
                if done { return (max(available, position), true) }
                wanted = available + 1
            } else {
                stepped = false
            }
            from = max(from, end - 1)
        }
    }

    /// The end of the last line break in `range`: after an LF, or after a CR whose next byte is
    /// in the range (so not an LF).
    static func lastLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.upperBound - 1
        while index >= range.lowerBound, bytes[index] != 0x0A { index -= 1 }
        if index >= range.lowerBound { return index + 1 }
        index = range.upperBound - 2
        while index >= range.lowerBound, bytes[index] != 0x0D { index -= 1 }
        return index >= range.lowerBound ? index + 1 : nil
    }

    /// Whether `bytes` hold a line break outside quotes (the header line is whole).
    static func hasLineBreakOutsideQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == 0x0A || byte == 0x0D) { return true }
        }
        return false
    }
}

/// What the two threads reading an inflating CSV file share.
private final class StreamShared: Sendable {
    let state = Locked(StreamSplit())
}

private struct StreamSplit: @unchecked Sendable {  // the buffer and passes are handed over under the mutex
    /// The content after any byte order mark (its full size; only what is inflated may be read).
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var shift = 0
    var delimiter = UInt8(ascii: ",")
    var header: [String]? = nil
    var headerEnd = 0
    /// Where the first thread may read up to: it never passes a split made after.
    var claimed = 0
    /// The quotes between `headerEnd` and `claimed` (whether `claimed` is inside a quoted field,
    /// for placing a split); once the first thread reaches a split, `claimed` is the split and
    /// nothing is left to take.
    var claimedQuotes = 0
    /// Where the first thread stops: the start of the last part the other thread took.
    var split: Int? = nil
    var firstStopped = false
    /// The parts the other thread took, each before the one taken earlier.
    var taken: [TakenOverPart] = []
}

/// A run of lines the thread that inflated took over from the first reader, up to `end`.
private struct TakenOverPart: @unchecked Sendable {  // the pass is read by one thread at a time
    let pass: CSVRecordReader.Pass
    let end: Int
}

