import CZlib
import OffsyncDiagnostics

/// Reading gzip input through zlib.
enum Gzip {
    /// Whether the bytes start with the gzip magic number.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The uncompressed bytes of a whole gzip file; concatenated members are read one after another.
    static func inflate(_ input: [UInt8], file: String) throws(OffsyncError) -> [UInt8] {
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
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(chunk)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: buffer[0..<(chunk - Int(stream.avail_out))])
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another member may follow (gzip files can be concatenated).
                    if stream.avail_in == 0 { return }
                    if inflateReset(&stream) != Z_OK {
                        failure = "corrupt gzip data after a member"
                        return
                    }
                case Z_BUF_ERROR where stream.avail_in == 0:
                    failure = "the gzip file is truncated (it ends inside the compressed data)"
                    return
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    failure = "corrupt gzip data: \(reason)"
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
