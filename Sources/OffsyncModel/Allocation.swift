#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Owns a malloc'd block (freed with its last reference, also when a reader stops at an error).
package final class Allocation: @unchecked Sendable {
    package var pointer: UnsafeMutableRawPointer

    package init(bytes: Int) {
        pointer = malloc(max(bytes, 1))!
        Self.preferLargePages(pointer, bytes)
    }

    /// Zeroed bytes starting on a 2 MB boundary, on 2 MB pages where the system gives them: for
    /// a table read at random, whose reads otherwise miss the TLB.
    package init(zeroedBytes bytes: Int) {
        let large = 2 << 20
        var aligned: UnsafeMutableRawPointer? = nil
        if bytes >= large, posix_memalign(&aligned, large, bytes) == 0, let aligned {
            #if os(Linux)
            madvise(aligned, bytes & ~(large - 1), MADV_HUGEPAGE)
            #endif
            pointer = aligned
        } else {
            pointer = malloc(max(bytes, 1))!
        }
        memset(pointer, 0, bytes)
    }

    package func resize(_ bytes: Int) {
        pointer = realloc(pointer, max(bytes, 1))!
        Self.preferLargePages(pointer, bytes)
    }

    /// Asks for 2 MB pages where the system gives them on request (transparent huge pages set
    /// to `madvise`): a 150 MB file's text and inflated bytes otherwise fault in 4 KB at a
    /// time, and the kernel's page faults become a visible share of reading.
    private static func preferLargePages(_ pointer: UnsafeMutableRawPointer, _ bytes: Int) {
        #if os(Linux)
        guard bytes >= Self.largePagesFrom else { return }
        let large = 2 << 20
        let start = (UInt(bitPattern: pointer) + UInt(large - 1)) & ~UInt(large - 1)
        let end = (UInt(bitPattern: pointer) + UInt(bytes)) & ~UInt(large - 1)
        if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE) }
        #endif
    }

    package static let largePagesFrom = 8 << 20

    deinit { free(pointer) }
}
