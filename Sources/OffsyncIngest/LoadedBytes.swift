#if canImport(Glibc)
import OffsyncModel
import Glibc
#else
import Darwin
#endif
import CIngestSupport
import OffsyncDiagnostics

/// The bytes a reader reads: a file mapped read-only (no copy, no zeroed pages to fault in), or
/// what inflating a gzip file gave. Freed with the last reference.
final class LoadedBytes: @unchecked Sendable {  // never written after init
    let buffer: UnsafeBufferPointer<UInt8>
    private let mapped: Bool
    private let owner: Allocation?
    /// What the SIGBUS handler prints should the mapped file be cut short while it is read.
    private var lostMessage: UnsafeMutablePointer<CChar>? = nil

    init(inflated: consuming Growable<UInt8>) {
        let (owner, elements) = inflated.finished()
        buffer = UnsafeBufferPointer(elements)
        mapped = false
        self.owner = owner
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
        let (owner, elements) = memory.finished()
        buffer = UnsafeBufferPointer(elements)
        mapped = false
        self.owner = owner
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
