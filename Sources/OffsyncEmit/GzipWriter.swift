import CZlib
import OffsyncDiagnostics

/// Compresses bytes into a gzip member with zlib's default header: no file name and a zero
/// modification time, so the same input gives the same bytes.
public enum GzipWriter {
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws(OffsyncError) -> [UInt8] {
        var stream = z_stream()
        guard offsync_deflateInit2(&stream, level, 15 + 16, 8) == Z_OK else {
            throw OffsyncError(.internal, "zlib could not start compressing (level \(level))")
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

extension GzipWriter {
    /// One gzip member compressed as its text is made, so a large file (every finding of a
    /// million-record run) is never held whole before compressing. zlib's stream keeps a
    /// pointer to itself, hence the class and the stream's fixed address.
    public final class Deflater {
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private(set) public var output: [UInt8] = []
        private var chunk = [UInt8](repeating: 0, count: 1 << 16)

        public init(level: Int32 = 6) throws(OffsyncError) {
            stream.initialize(to: z_stream())
            guard offsync_deflateInit2(stream, level, 15 + 16, 8) == Z_OK else {
                stream.deallocate()
                throw OffsyncError(.internal, "zlib could not start compressing (level \(level))")
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// Compresses `bytes` (they may be dropped afterwards).
        public func append(_ bytes: [UInt8]) throws(OffsyncError) {
            try run(bytes, flush: Z_NO_FLUSH)
        }

        /// Ends the member: the returned bytes are the whole gzip file.
        public func finish() throws(OffsyncError) -> [UInt8] {
            try run([], flush: Z_FINISH)
            return output
        }

        private func run(_ bytes: [UInt8], flush: Int32) throws(OffsyncError) {
            var status = Z_OK
            bytes.withUnsafeBufferPointer { source in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = UInt32(source.count)
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                        stream.pointee.next_out = target.baseAddress
                        stream.pointee.avail_out = UInt32(target.count)
                        status = deflate(stream, flush)
                        return target.count - Int(stream.pointee.avail_out)
                    }
                    output.append(contentsOf: chunk[..<produced])
                } while status == Z_OK && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0 || (flush == Z_FINISH))
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw OffsyncError.badInput("zlib could not compress (status \(status))")
            }
        }
    }
}

extension GzipWriter {
    /// A gzip file of lines written into `JSONBytes` and compressed a megabyte at a time: no
    /// `String` per line and no whole text before compressing (import files and findings).
    struct Lines {
        var out = JSONBytes(capacity: 1 << 20)
        private let deflater: Deflater

        init(level: Int32) throws(OffsyncError) {
            deflater = try Deflater(level: level)
        }

        /// Ends the line written into `out` since the last one.
        mutating func endLine() throws(OffsyncError) {
            out.byte(UInt8(ascii: "\n"))
            if out.bytes.count >= 1 << 20 {
                try deflater.append(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }

        /// The whole gzip file.
        consuming func finish() throws(OffsyncError) -> [UInt8] {
            try deflater.append(out.bytes)
            return try deflater.finish()
        }
    }
}

