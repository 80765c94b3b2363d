// gzip's CRC-32 by carry-less multiplication, for the part of an inflated stream it can take:
// x86-64 with PCLMULQDQ and SSE4.1 (chosen at run time; the target is built for x86-64's
// baseline, so the function names the instructions it may use). Elsewhere zlib does it all.
#include "ingest_support.h"

#if defined(__x86_64__)
#include <immintrin.h>

/// `x` folded 128 bits forward by the constant pair `k`, added to `next`.
__attribute__((target("pclmul,sse4.1"), always_inline))
static inline __m128i offsync_crc32_fold(__m128i x, __m128i k, __m128i next) {
    return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11)), next);
}

/// gzip's CRC-32 (reflected polynomial 0xEDB88320, zlib's `crc32` convention: pass 0 to start)
/// of `count` bytes, `count` at least 64 and a multiple of 16: four 128-bit lanes folded 64
/// bytes at a time by carry-less multiplication, then one lane, then a Barrett reduction (Gopal
/// et al., "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ", Intel 2009; the
/// constants are x^(4*128+32), x^(4*128-32), x^(128+32), x^(128-32) and x^64 mod P, reflected, as
/// the Linux kernel's crc32-pclmul uses them).
__attribute__((target("pclmul,sse4.1")))
static uint32_t offsync_crc32_clmul(uint32_t crc, const unsigned char *bytes, size_t count) {
    const __m128i k12 = _mm_set_epi64x(0x1c6e41596, 0x154442bd4);
    const __m128i k34 = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0);
    const __m128i k5 = _mm_set_epi64x(0, 0x163cd6124);
    const __m128i barrett = _mm_set_epi64x(0x1f7011641, 0x1db710641);  /* u', P' */
    const __m128i low32 = _mm_set_epi32(0, 0, 0, -1);
    __m128i x1 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)bytes), _mm_cvtsi32_si128((int)~crc));
    __m128i x2 = _mm_loadu_si128((const __m128i *)(bytes + 16));
    __m128i x3 = _mm_loadu_si128((const __m128i *)(bytes + 32));
    __m128i x4 = _mm_loadu_si128((const __m128i *)(bytes + 48));
    size_t offset = 64;
    for (; offset + 64 <= count; offset += 64) {
        x1 = offsync_crc32_fold(x1, k12, _mm_loadu_si128((const __m128i *)(bytes + offset)));
        x2 = offsync_crc32_fold(x2, k12, _mm_loadu_si128((const __m128i *)(bytes + offset + 16)));
        x3 = offsync_crc32_fold(x3, k12, _mm_loadu_si128((const __m128i *)(bytes + offset + 32)));
        x4 = offsync_crc32_fold(x4, k12, _mm_loadu_si128((const __m128i *)(bytes + offset + 48)));
    }
    x1 = offsync_crc32_fold(x1, k34, x2);
    x1 = offsync_crc32_fold(x1, k34, x3);
    x1 = offsync_crc32_fold(x1, k34, x4);
    for (; offset + 16 <= count; offset += 16) {
        x1 = offsync_crc32_fold(x1, k34, _mm_loadu_si128((const __m128i *)(bytes + offset)));
    }
    // 128 bits to 64 (adding the 32 zero bits a CRC appends), to 32, then the Barrett reduction.
    x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), _mm_clmulepi64_si128(x1, k34, 0x10));
    x1 = _mm_xor_si128(_mm_srli_si128(x1, 4), _mm_clmulepi64_si128(_mm_and_si128(x1, low32), k5, 0x00));
    __m128i t = _mm_and_si128(_mm_clmulepi64_si128(_mm_and_si128(x1, low32), barrett, 0x10), low32);
    x1 = _mm_xor_si128(x1, _mm_clmulepi64_si128(t, barrett, 0x00));
    return ~(uint32_t)_mm_extract_epi32(x1, 1);
}

size_t offsync_crc32_prefix(uint32_t *crc, const unsigned char *bytes, size_t count) {
    if (count < 64 || !(offsync_cpu_features() & OFFSYNC_CPU_PCLMUL)) return 0;
    size_t whole = count & ~(size_t)15;
    *crc = offsync_crc32_clmul(*crc, bytes, whole);
    return whole;
}

#else

size_t offsync_crc32_prefix(uint32_t *crc, const unsigned char *bytes, size_t count) {
    (void)crc;
    (void)bytes;
    (void)count;
    return 0;
}

#endif
