import CZlib
import OffsyncDiagnostics

/// Compresses bytes into a gzip member with zlib's default header: no file name and a zero
/// modification time, so the same input gives the same bytes.
public enum GzipWriter {
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws(OffsyncError) -> [UInt8] {
        var stream = z_stream()
        guard offsync_deflateInit2(&stream, level, 15 + 16, 8) == Z_OK else {
            throw OffsyncError.badInput("zlib could not start compressing (level \(level))")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw OffsyncError.badInput("zlib could not compress (status \(status))")
        }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
