#ifndef OFFSYNC_INGEST_SUPPORT_H
#define OFFSYNC_INGEST_SUPPORT_H
// What the ingest stage needs from C and Swift lacks: prefetches, the CPU features the vector
// paths may use, a UTF-8 check 16 or 32 bytes at a time and gzip's CRC-32 by carry-less
// multiplication. Declarations, and small helpers without state that Swift inlines into its
// loops; the definitions and the one copy of any state are in this target's .c files.
#include <stddef.h>
#include <stdint.h>

/// Asks for the cache line at `address` ahead of a write to it. A plain load issued ahead
/// stalls when it reaches the head of the reorder buffer unfinished; a prefetch retires at once.
static inline void offsync_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Asks for the cache line at `address` ahead of a read of it.
static inline void offsync_prefetch_for_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// The CPU features the vector paths use, as bits of `offsync_cpu_features()`.
enum {
    OFFSYNC_CPU_SSSE3 = 1 << 0,
    /// AVX2, and the OS saves the AVX registers (OSXSAVE, and XCR0's SSE and AVX bits).
    OFFSYNC_CPU_AVX2 = 1 << 1,
    /// PCLMULQDQ, and SSE4.1 which the CRC-32's last step also uses.
    OFFSYNC_CPU_PCLMUL = 1 << 2,
};

/// Which of the `OFFSYNC_CPU_*` features this CPU has: asked of the CPU once per process, by
/// whichever thread calls first (the others wait for its answer). 0 on CPUs other than x86-64,
/// where every vector path here falls back to portable code.
unsigned offsync_cpu_features(void);

/// Whether this CPU has SSSE3.
static inline int offsync_has_ssse3(void) {
    return (offsync_cpu_features() & OFFSYNC_CPU_SSSE3) != 0;
}

/// Whether this CPU has AVX2 and the OS saves its registers.
static inline int offsync_has_avx2(void) {
    return (offsync_cpu_features() & OFFSYNC_CPU_AVX2) != 0;
}

/// Whether `bytes[0..<count]` is UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF): 1 or 0, or -1 where this CPU has no vector check (the caller checks by itself).
/// 32 bytes at a time with AVX2, else 16 with SSSE3.
int offsync_utf8_valid(const unsigned char *bytes, size_t count);

#if defined(__x86_64__)
/// `offsync_utf8_valid` 16 bytes at a time; only where `offsync_has_ssse3()`. Public for the
/// tests, which check each width on its own.
int offsync_utf8_valid_ssse3(const unsigned char *bytes, size_t count);

/// `offsync_utf8_valid` 32 bytes at a time; only where `offsync_has_avx2()`.
int offsync_utf8_valid_avx2(const unsigned char *bytes, size_t count);
#endif

/// Adds the bytes of `bytes[0..<count]` to gzip's CRC-32 `*crc` (zlib's `crc32` convention:
/// start from 0) that it can by carry-less multiplication: the longest prefix of whole 16-byte
/// blocks, from 64 bytes; returns how many bytes that was (0 where the CPU lacks PCLMULQDQ, and
/// on CPUs other than x86-64). The caller adds the rest through zlib.
size_t offsync_crc32_prefix(uint32_t *crc, const unsigned char *bytes, size_t count);

#endif
