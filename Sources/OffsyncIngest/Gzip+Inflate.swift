import OffsyncModel
import CZlib
import OffsyncDiagnostics

/// Reading gzip input through zlib.
enum Gzip {
    /// Whether the bytes start with the gzip magic number.
    static func isCompressed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The uncompressed bytes of a whole gzip file; concatenated members are read one after another.
    /// `inputChunk`: how much input zlib is given at a time (it counts in 32 bits); small only in tests.
    static func inflate(_ input: [UInt8], file: String, inputChunk: Int = 1 << 30) throws(OffsyncError) -> [UInt8] {
        try input.withUnsafeBufferPointer { (buffer) throws(OffsyncError) in
            let output = try inflate(buffer, file: file, inputChunk: inputChunk)
            return Array(UnsafeBufferPointer(start: output.base, count: output.count))
        }
    }

    /// The size the gzip trailer gives (the last member's, modulo 4 GB): exact for the usual
    /// file of one member.
    static func trailerSize(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        input.count >= 18 ? input.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) } : 0
    }

    /// Inflates straight into a buffer sized by the gzip trailer (the last member's size), grown
    /// in place when that was short (several members, or 4 GB and more).
    static func inflate(_ input: UnsafeBufferPointer<UInt8>, file: String, inputChunk: Int = 1 << 30) throws(OffsyncError) -> Growable<UInt8> {
        var output = Growable<UInt8>(capacity: min(max(trailerSize(input), input.count * 2), input.count * 1100) + (1 << 18))
        if let failure = try inflate(input, into: &output, inputChunk: inputChunk, file: file) {
            throw OffsyncError.badInput(failure, at: SourceLocation(file: file))
        }
        return output
    }

    /// gzip's CRC-32 of `bytes` added to `crc` (0 to start), through zlib.
    static func crc32(_ crc: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(truncatingIfNeeded: crc32_z(UInt(crc), base, bytes.count))
    }

    /// Inflates every member of `input` onto `output`, checking each member's CRC-32 and size;
    /// returns what was wrong with the data, worded for a message, or nil. zlib failing to
    /// start is not the file's fault: an internal error.
    private static func inflate(
        _ input: UnsafeBufferPointer<UInt8>, into output: inout Growable<UInt8>, inputChunk: Int, file: String
    ) throws(OffsyncError) -> String? {
        var stream = z_stream()
        guard offsync_inflateInit2(&stream, 15 + 16) == Z_OK else {
            throw OffsyncError(.internal, "zlib could not start inflating", at: SourceLocation(file: file))
        }
        defer { inflateEnd(&stream) }
        // zlib's own check of each member's CRC-32 and size is off: they are checked here (see `crc32`).
        inflateValidate(&stream, 0)
        var check: UInt32 = 0
        var memberOutput = output.count
        let chunk = 1 << 18
        var failure: String? = nil
        do {
            let inputBuffer = UnsafeBufferPointer(rebasing: input[...])
            var fed = 0
            func feed() {
                let count = min(inputBuffer.count - fed, inputChunk)
                stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress.map { $0 + fed })
                stream.avail_in = UInt32(count)
                fed += count
            }
            feed()
            var memberStart = 0
            inflating: while true {
                output.reserve(chunk)
                let room = min(output.capacity - output.count, Int(UInt32.max))
                stream.next_out = output.base + output.count
                stream.avail_out = UInt32(room)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                let produced = room - Int(stream.avail_out)
                check = crc32(check, UnsafeBufferPointer(start: output.base + output.count, count: produced))
                output.count += produced
                let consumed = fed - Int(stream.avail_in)
                let more = fed < inputBuffer.count
                if stream.avail_in == 0 && more { feed() }
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // The member's trailer, just consumed: its CRC-32, then its size modulo 2^32.
                    let trailer = inputBuffer.baseAddress! + consumed - 8
                    func stored(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(trailer[at + $1]) << (8 * $1) } }
                    if check != stored(0) {
                        failure = "corrupt gzip data near byte \(consumed) of the file: incorrect data check"
                        break inflating
                    }
                    if UInt32(truncatingIfNeeded: output.count - memberOutput) != stored(4) {
                        failure = "corrupt gzip data near byte \(consumed) of the file: incorrect length check"
                        break inflating
                    }
                    check = 0
                    memberOutput = output.count
                    // Another member may follow (gzip files can be concatenated).
                    if stream.avail_in == 0 && !more { break inflating }
                    memberStart = consumed
                    if inflateReset(&stream) != Z_OK {
                        failure = "corrupt gzip data after the member ending at byte \(consumed)"
                        break inflating
                    }
                case Z_BUF_ERROR where more:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    failure = "the gzip file is truncated: it ends inside the compressed data, after \(output.count) bytes of content"
                    break inflating
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    failure = memberStart > 0 && consumed <= memberStart + 10
                        ? "the gzip file has \(inputBuffer.count - memberStart) bytes after its data that are not gzip (\(reason))"
                        : "corrupt gzip data near byte \(consumed) of the file: \(reason)"
                    break inflating
                }
            }
        }
        return failure
    }
}
