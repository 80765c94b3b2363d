#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Owns a malloc'd block (freed with its last reference, also when a reader stops at an error).
///
/// Plain pages: 2 MB pages (MADV_HUGEPAGE) cost the kernel more to find, zero and fault in than
/// they saved in missed translations, and held memory a run did not use.
package final class Allocation: @unchecked Sendable {
    package let pointer: UnsafeMutableRawPointer

    /// Zeroed bytes.
    package init(zeroedBytes bytes: Int) {
        pointer = calloc(max(bytes, 1), 1)!
    }

    /// Owns `pointer`, a block from malloc or realloc.
    package init(adopting pointer: UnsafeMutableRawPointer) {
        self.pointer = pointer
    }

    deinit { free(pointer) }
}
