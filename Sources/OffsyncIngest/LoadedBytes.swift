#if canImport(Glibc)
import OffsyncModel
import Glibc
#else
import Darwin
#endif
import CIngestSupport
import OffsyncDiagnostics

/// Bytes whose pages a reader gives back once it has passed them.
protocol ReleasablePages: AnyObject, Sendable {
    /// Lets go of the whole pages in `start..<offset`.
    func release(from start: Int, upTo offset: Int)
}

/// The bytes a reader reads: a file mapped read-only (no copy, no zeroed pages to fault in), or
/// what inflating a gzip file gave. Freed with the last reference.
final class LoadedBytes: ReleasablePages, @unchecked Sendable {  // never written after init
    let buffer: UnsafeBufferPointer<UInt8>
    private let mapped: Bool
    private let owner: Allocation?
    /// What the SIGBUS handler prints should the mapped file be cut short while it is read.
    private var lostMessage: UnsafeMutablePointer<CChar>? = nil

    init(inflated: Growable<UInt8>) {
        buffer = UnsafeBufferPointer(start: inflated.base, count: inflated.count)
        mapped = false
        owner = inflated.allocation
    }

    /// Maps the file; a file that cannot be mapped is read into memory instead.
    init(file: String) throws(OffsyncError) {
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else {
            throw OffsyncError(.io, "cannot read the file (\(String(cString: strerror(errno))))", at: SourceLocation(file: file))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw OffsyncError.badInput("not a regular file", at: SourceLocation(file: file))
        }
        let size = Int(status.st_size)
        #if canImport(Glibc)
        let flags = MAP_PRIVATE
        #else
        let flags = MAP_PRIVATE
        #endif
        if size > 0, let address = mmap(nil, size, PROT_READ, flags, descriptor, 0), address != MAP_FAILED {
            buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
            madvise(address, size, MADV_SEQUENTIAL)
            mapped = true
            owner = nil
            guardMapping(file: file)
            return
        }
        var memory = Growable<UInt8>(capacity: size)
        var failed = false
        while memory.count < size {
            let n = read(descriptor, memory.base + memory.count, size - memory.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                failed = n < 0
                break
            }
            memory.count += n
        }
        if failed || memory.count != size {
            throw OffsyncError(.io, "cannot read the whole file (\(memory.count) of \(size) bytes)", at: SourceLocation(file: file))
        }
        buffer = UnsafeBufferPointer(start: memory.base, count: memory.count)
        mapped = false
        owner = memory.allocation
    }

    /// Lets go of the pages before `offset` a reader has passed: a mapped file's pages come back
    /// from the page cache if read again (for an error message), so the resident set stays a
    /// window instead of the whole file. Inflated bytes are kept.
    func release(from start: Int = 0, upTo offset: Int) {
        guard mapped, let base = buffer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (start + page - 1) / page * page
        let end = min(offset, buffer.count) / page * page
        if end > first { madvise(UnsafeMutableRawPointer(mutating: base + first), end - first, MADV_DONTNEED) }
    }

    /// Gives back the pages a reader has passed, a step at a time: the reader says how far it
    /// has `reached`, and every `step` bytes the pages behind it are released.
    struct PassedPageReleaser {
        let bytes: (any ReleasablePages)?
        /// The offset of the reader's buffer in the loaded bytes (a skipped byte order mark).
        var shift = 0
        /// Where the reader began (the second half of a file leaves the first half's pages alone).
        var floor = 0 {
            didSet { next = floor + step }
        }
        /// How far a reader goes between two calls (smaller only in tests).
        let step: Int
        private var next: Int
        static let step = ReadingSizes().release

        init(_ bytes: (any ReleasablePages)?, step: Int = PassedPageReleaser.step) {
            self.bytes = bytes
            self.step = step
            next = step
        }

        /// The reader is at `offset`; past the next step, the pages before it are given back.
        @inline(__always)
        mutating func reached(_ offset: Int) {
            guard offset >= next else { return }
            releaseAll(upTo: offset)
        }

        /// Lets go of all a reader has passed, at its end: the pages since its last step would
        /// otherwise stay to the end of the read, one step's worth for each part of a file read
        /// in parts.
        mutating func releaseAll(upTo offset: Int) {
            next = offset + step
            bytes?.release(from: floor + shift, upTo: offset + shift)
        }
    }

    /// A file cut short by another program while it is mapped loses the pages past its new end,
    /// and reading one raises SIGBUS: where the executable installed `MappedFileGuard`, its
    /// handler then names the file and exits 1, as for any bad input, instead of the process
    /// crashing (nothing is written before files are read). Without it, SIGBUS does what it did.
    private func guardMapping(file: String) {
        let error = OffsyncError.badInput(
            "the file was cut short while it was being read (is another program writing it?); run again once it is complete",
            at: SourceLocation(file: file))
        // Formatted as the command line prints errors: the handler can only write bytes.
        lostMessage = strdup("offsync: error: \(error)\n")
        if let message = lostMessage, let base = buffer.baseAddress {
            // With all slots taken (64 files mapped at once), the file is read unguarded.
            _ = offsync_guard_mapping(base, buffer.count, message, strlen(message))
        }
    }

    deinit {
        if mapped, let base = buffer.baseAddress {
            offsync_unguard_mapping(base)
            munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        }
        free(lostMessage)
    }
}

/// The SIGBUS handler behind `LoadedBytes`' guard, for the executable to install: a library
/// does not take over a process's signal. Once installed, a mapped file cut short by another
/// program while it is read ends the process with exit code 1 and a message naming the file;
/// every other SIGBUS still goes to the action that was there before.
public enum MappedFileGuard {
    /// Installs the handler; later calls do nothing. Call it at start, before files are read.
    public static func install() {
        offsync_mapping_guard_install()
    }
}
