import CZlib
import OffsyncDiagnostics

/// Reading gzip input through zlib.
enum Gzip {
    /// Whether the bytes start with the gzip magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The uncompressed bytes of a whole gzip file; concatenated members are read one after another.
    /// `inputChunk`: how much input zlib is given at a time (it counts in 32 bits); small only in tests.
    static func inflate(_ input: [UInt8], file: String, inputChunk: Int = 1 << 30) throws(OffsyncError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        guard offsync_inflateInit2(&stream, 15 + 16) == Z_OK else {
            throw OffsyncError.badInput("zlib could not start", at: SourceLocation(file: file))
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 18
        var buffer = [UInt8](repeating: 0, count: chunk)
        var failure: String? = nil
        input.withUnsafeBufferPointer { inputBuffer in
            var fed = 0
            func feed() {
                let count = min(inputBuffer.count - fed, inputChunk)
                stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress.map { $0 + fed })
                stream.avail_in = UInt32(count)
                fed += count
            }
            feed()
            var memberStart = 0
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(chunk)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: buffer[0..<(chunk - Int(stream.avail_out))])
                let consumed = fed - Int(stream.avail_in)
                let more = fed < inputBuffer.count
                if stream.avail_in == 0 && more { feed() }
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another member may follow (gzip files can be concatenated).
                    if stream.avail_in == 0 && !more { return }
                    memberStart = consumed
                    if inflateReset(&stream) != Z_OK {
                        failure = "corrupt gzip data after the member ending at byte \(consumed)"
                        return
                    }
                case Z_BUF_ERROR where more:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    failure = "the gzip file is truncated: it ends inside the compressed data, after \(output.count) bytes of content"
                    return
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    failure = memberStart > 0 && consumed <= memberStart + 10
                        ? "the gzip file has \(inputBuffer.count - memberStart) bytes after its data that are not gzip (\(reason))"
                        : "corrupt gzip data near byte \(consumed) of the file: \(reason)"
                    return
                }
            }
        }
        if let failure {
            throw OffsyncError.badInput(failure, at: SourceLocation(file: file))
        }
        return output
    }
}
