#ifndef OFFSYNC_CINGESTSUPPORT_H
#define OFFSYNC_CINGESTSUPPORT_H
// What the ingest stage needs from C and Swift lacks: prefetches, a UTF-8 check 16 or 32
// bytes at a time, gzip's CRC-32 by carry-less multiplication, and a SIGBUS handler for mapped
// files cut short while they are read. SwiftPM does not rebuild its users when only this header changes: touch
// DatasetLoader.swift, TextPosition.swift and CSVRecordReader.swift.
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#endif

/// Asks for the cache line at `address` ahead of a write to it. A plain load issued ahead
/// stalls when it reaches the head of the reorder buffer unfinished; a prefetch retires at once.
static inline void offsync_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Asks for the cache line at `address` ahead of a read of it.
static inline void offsync_prefetch_for_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#if defined(__x86_64__) || defined(__i386__)
/// Whether this CPU has SSSE3; asked once.
static inline int offsync_has_ssse3(void) {
    static int ssse3 = -1;
    if (ssse3 < 0) {
        unsigned a = 0, b = 0, c = 0, d = 0;
        ssse3 = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) ? 1 : 0;
    }
    return ssse3;
}

/// Whether this CPU has AVX2 and the OS saves its registers (OSXSAVE, and XCR0's SSE and AVX
/// bits); asked once.
static inline int offsync_has_avx2(void) {
    static int avx2 = -1;
    if (avx2 < 0) {
        unsigned a = 0, b = 0, c = 0, d = 0;
        int os_saves = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_OSXSAVE) && (c & bit_AVX);
        if (os_saves) {
            unsigned low, high;
            __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
            os_saves = (low & 6) == 6;
        }
        avx2 = os_saves && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_AVX2) ? 1 : 0;
    }
    return avx2;
}

// The lookup algorithm of Keiser and Lemire ("Validating UTF-8 in less than one instruction per
// byte", 2021): three table lookups on the high and low nibbles of each byte and its predecessor
// flag every error two bytes can show; the 3- and 4-byte sequences' later continuation bytes are
// checked against the lead bytes 2 and 3 back. The tables, for 16 and 32 bytes at a time:
#define OFFSYNC_UTF8_TOO_SHORT (1 << 0)
#define OFFSYNC_UTF8_TOO_LONG (1 << 1)
#define OFFSYNC_UTF8_OVERLONG_3 (1 << 2)
#define OFFSYNC_UTF8_TOO_LARGE (1 << 3)
#define OFFSYNC_UTF8_SURROGATE (1 << 4)
#define OFFSYNC_UTF8_OVERLONG_2 (1 << 5)
#define OFFSYNC_UTF8_TOO_LARGE_1000 (1 << 6)
#define OFFSYNC_UTF8_OVERLONG_4 (1 << 6)
#define OFFSYNC_UTF8_TWO_CONTS ((char)(1 << 7))
#define OFFSYNC_UTF8_CARRY (OFFSYNC_UTF8_TOO_SHORT | OFFSYNC_UTF8_TOO_LONG | OFFSYNC_UTF8_TWO_CONTS)
#define OFFSYNC_UTF8_LARGE (OFFSYNC_UTF8_CARRY | OFFSYNC_UTF8_TOO_LARGE | OFFSYNC_UTF8_TOO_LARGE_1000)
#define OFFSYNC_UTF8_CONTINUED (OFFSYNC_UTF8_TOO_LONG | OFFSYNC_UTF8_OVERLONG_2 | OFFSYNC_UTF8_TWO_CONTS)
#define OFFSYNC_UTF8_BYTE_1_HIGH                                                                      \
    OFFSYNC_UTF8_TOO_LONG, OFFSYNC_UTF8_TOO_LONG, OFFSYNC_UTF8_TOO_LONG, OFFSYNC_UTF8_TOO_LONG,       \
    OFFSYNC_UTF8_TOO_LONG, OFFSYNC_UTF8_TOO_LONG, OFFSYNC_UTF8_TOO_LONG, OFFSYNC_UTF8_TOO_LONG,       \
    OFFSYNC_UTF8_TWO_CONTS, OFFSYNC_UTF8_TWO_CONTS, OFFSYNC_UTF8_TWO_CONTS, OFFSYNC_UTF8_TWO_CONTS,   \
    OFFSYNC_UTF8_TOO_SHORT | OFFSYNC_UTF8_OVERLONG_2, OFFSYNC_UTF8_TOO_SHORT,                         \
    OFFSYNC_UTF8_TOO_SHORT | OFFSYNC_UTF8_OVERLONG_3 | OFFSYNC_UTF8_SURROGATE,                        \
    OFFSYNC_UTF8_TOO_SHORT | OFFSYNC_UTF8_TOO_LARGE | OFFSYNC_UTF8_TOO_LARGE_1000 | OFFSYNC_UTF8_OVERLONG_4
#define OFFSYNC_UTF8_BYTE_1_LOW                                                                       \
    OFFSYNC_UTF8_CARRY | OFFSYNC_UTF8_OVERLONG_3 | OFFSYNC_UTF8_OVERLONG_2 | OFFSYNC_UTF8_OVERLONG_4,  \
    OFFSYNC_UTF8_CARRY | OFFSYNC_UTF8_OVERLONG_2, OFFSYNC_UTF8_CARRY, OFFSYNC_UTF8_CARRY,              \
    OFFSYNC_UTF8_CARRY | OFFSYNC_UTF8_TOO_LARGE, OFFSYNC_UTF8_LARGE, OFFSYNC_UTF8_LARGE,               \
    OFFSYNC_UTF8_LARGE, OFFSYNC_UTF8_LARGE, OFFSYNC_UTF8_LARGE, OFFSYNC_UTF8_LARGE, OFFSYNC_UTF8_LARGE, \
    OFFSYNC_UTF8_LARGE, OFFSYNC_UTF8_LARGE | OFFSYNC_UTF8_SURROGATE, OFFSYNC_UTF8_LARGE, OFFSYNC_UTF8_LARGE
#define OFFSYNC_UTF8_BYTE_2_HIGH                                                                      \
    OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT,   \
    OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT,   \
    OFFSYNC_UTF8_CONTINUED | OFFSYNC_UTF8_OVERLONG_3 | OFFSYNC_UTF8_TOO_LARGE_1000 | OFFSYNC_UTF8_OVERLONG_4, \
    OFFSYNC_UTF8_CONTINUED | OFFSYNC_UTF8_OVERLONG_3 | OFFSYNC_UTF8_TOO_LARGE,                        \
    OFFSYNC_UTF8_CONTINUED | OFFSYNC_UTF8_SURROGATE | OFFSYNC_UTF8_TOO_LARGE,                         \
    OFFSYNC_UTF8_CONTINUED | OFFSYNC_UTF8_SURROGATE | OFFSYNC_UTF8_TOO_LARGE,                         \
    OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT, OFFSYNC_UTF8_TOO_SHORT
/// Where a sequence is cut off by the end of a block: its lead is among the last three bytes.
#define OFFSYNC_UTF8_LAST_LEADS (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1)

/// One block of sixteen bytes' errors (nonzero lanes), given the block before.
__attribute__((target("ssse3")))
static inline __m128i offsync_utf8_block_errors(__m128i input, __m128i previous) {
    const __m128i nibble = _mm_set1_epi8(0x0F);
    __m128i prev1 = _mm_alignr_epi8(input, previous, 16 - 1);
    __m128i byte_1_high = _mm_shuffle_epi8(_mm_setr_epi8(OFFSYNC_UTF8_BYTE_1_HIGH), _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble));
    __m128i byte_1_low = _mm_shuffle_epi8(_mm_setr_epi8(OFFSYNC_UTF8_BYTE_1_LOW), _mm_and_si128(prev1, nibble));
    __m128i byte_2_high = _mm_shuffle_epi8(_mm_setr_epi8(OFFSYNC_UTF8_BYTE_2_HIGH), _mm_and_si128(_mm_srli_epi16(input, 4), nibble));
    __m128i special = _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
    // Bytes 2 and 3 back leading 3- and 4-byte sequences: this byte must be a continuation.
    __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 16 - 2), _mm_set1_epi8((char)(0xE0 - 0x80)));
    __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, previous, 16 - 3), _mm_set1_epi8((char)(0xF0 - 0x80)));
    __m128i must_continue = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8((char)0x80));
    return _mm_xor_si128(must_continue, special);
}

/// The loop of `offsync_utf8_valid` over blocks of `width` bytes with the intrinsics of prefix
/// `mm` and integer type suffix `si`; `last_leads` flags a sequence cut by a block's end, and
/// `errors` is the block's check.
#define OFFSYNC_UTF8_VALID(width, mm, si, vector, last_leads, errors)                                 \
    vector error = mm##_setzero_##si(), previous = mm##_setzero_##si(), incomplete = mm##_setzero_##si(); \
    size_t offset = 0;                                                                                \
    while (offset < count) {                                                                          \
        vector input;                                                                                 \
        if (count - offset >= (width)) {                                                              \
            input = mm##_loadu_##si((const vector *)(bytes + offset));                                \
        } else {                                                                                      \
            unsigned char block[width] = {0}; /* zeros are ASCII: a sequence cut by the end shows as too short */ \
            memcpy(block, bytes + offset, count - offset);                                            \
            input = mm##_loadu_##si((const vector *)block);                                           \
        }                                                                                             \
        if (mm##_movemask_epi8(input) == 0) {                                                         \
            error = mm##_or_##si(error, incomplete);                                                  \
            incomplete = mm##_setzero_##si();                                                         \
        } else {                                                                                      \
            error = mm##_or_##si(error, errors(input, previous));                                     \
            incomplete = mm##_subs_epu8(input, last_leads);                                           \
        }                                                                                             \
        previous = input;                                                                             \
        offset += (width);                                                                            \
    }                                                                                                 \
    error = mm##_or_##si(error, incomplete);                                                          \
    return (uint32_t)mm##_movemask_epi8(mm##_cmpeq_epi8(error, mm##_setzero_##si())) == ((width) == 32 ? 0xFFFFFFFFu : 0xFFFFu);

/// `offsync_utf8_valid` 16 bytes at a time.
__attribute__((target("ssse3")))
static inline int offsync_utf8_valid_ssse3(const unsigned char *bytes, size_t count) {
    const __m128i last_leads = _mm_setr_epi8(
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, (char)255, (char)255, OFFSYNC_UTF8_LAST_LEADS);
    OFFSYNC_UTF8_VALID(16, _mm, si128, __m128i, last_leads, offsync_utf8_block_errors)
}

/// One block of 32 bytes' errors: the same lookups in both 128-bit lanes, the bytes before
/// each lane's first ones taken across the lanes.
__attribute__((target("avx2")))
static inline __m256i offsync_utf8_block_errors_avx2(__m256i input, __m256i previous) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    // The high lane of `previous` and the low lane of `input`: what precedes each lane.
    __m256i before = _mm256_permute2x128_si256(previous, input, 0x21);
    __m256i prev1 = _mm256_alignr_epi8(input, before, 16 - 1);
    __m256i byte_1_high = _mm256_shuffle_epi8(
        _mm256_setr_epi8(OFFSYNC_UTF8_BYTE_1_HIGH, OFFSYNC_UTF8_BYTE_1_HIGH), _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
    __m256i byte_1_low = _mm256_shuffle_epi8(
        _mm256_setr_epi8(OFFSYNC_UTF8_BYTE_1_LOW, OFFSYNC_UTF8_BYTE_1_LOW), _mm256_and_si256(prev1, nibble));
    __m256i byte_2_high = _mm256_shuffle_epi8(
        _mm256_setr_epi8(OFFSYNC_UTF8_BYTE_2_HIGH, OFFSYNC_UTF8_BYTE_2_HIGH), _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble));
    __m256i special = _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
    __m256i third = _mm256_subs_epu8(_mm256_alignr_epi8(input, before, 16 - 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(_mm256_alignr_epi8(input, before, 16 - 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(must_continue, special);
}

/// `offsync_utf8_valid` 32 bytes at a time.
__attribute__((target("avx2")))
static inline int offsync_utf8_valid_avx2(const unsigned char *bytes, size_t count) {
    const __m256i last_leads = _mm256_setr_epi8(
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, OFFSYNC_UTF8_LAST_LEADS);
    OFFSYNC_UTF8_VALID(32, _mm256, si256, __m256i, last_leads, offsync_utf8_block_errors_avx2)
}
#endif

/// Whether `bytes[0..<count]` is UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF): 1 or 0, or -1 where this CPU has no vector check (the caller checks by itself).
static inline int offsync_utf8_valid(const unsigned char *bytes, size_t count) {
#if defined(__x86_64__) || defined(__i386__)
    if (offsync_has_avx2()) return offsync_utf8_valid_avx2(bytes, count);
    if (offsync_has_ssse3()) return offsync_utf8_valid_ssse3(bytes, count);
#endif
    (void)bytes;
    (void)count;
    return -1;
}

#if defined(__x86_64__) || defined(__i386__)
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
static inline uint32_t offsync_crc32_clmul(uint32_t crc, const unsigned char *bytes, size_t count) {
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
#endif

/// Adds the bytes of `bytes[0..<count]` to gzip's CRC-32 `*crc` that it can by carry-less
/// multiplication: the longest prefix of whole 16-byte blocks, from 64 bytes; returns how many
/// bytes that was (0 where the CPU lacks PCLMULQDQ). The caller adds the rest through zlib.
static inline size_t offsync_crc32_prefix(uint32_t *crc, const unsigned char *bytes, size_t count) {
#if defined(__x86_64__) || defined(__i386__)
    static int clmul = -1;
    if (clmul < 0) {
        unsigned a = 0, b = 0, c = 0, d = 0;
        clmul = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_PCLMUL) && (c & bit_SSE4_1) ? 1 : 0;
    }
    if (clmul && count >= 64) {
        size_t whole = count & ~(size_t)15;
        *crc = offsync_crc32_clmul(*crc, bytes, whole);
        return whole;
    }
#endif
    (void)crc;
    (void)bytes;
    (void)count;
    return 0;
}

/// A mapped input file and the message to print when a page of it is gone.
struct offsync_guarded_mapping {
    const char *start;  /* these two only through __atomic builtins */
    size_t count;       /* 0 while the slot is free or being filled */
    const char *message;
    size_t length;
};

enum { OFFSYNC_GUARDED_MAPPINGS = 64 };

/// The slots (a static inside a function: Swift emits no static globals of a header).
static inline struct offsync_guarded_mapping *offsync_guarded_slots(void) {
    static struct offsync_guarded_mapping slots[OFFSYNC_GUARDED_MAPPINGS];
    return slots;
}

/// The SIGBUS action before ours (the Swift runtime's backtracer, or the default).
static inline struct sigaction *offsync_previous_sigbus(void) {
    static struct sigaction previous;
    return &previous;
}

/// A mapped file that another program cuts short while it is read raises SIGBUS at the first
/// page past its new end. That is bad input, not a crash: print the file's message and exit 1
/// (nothing has been written yet: files are read before any output). Only `write` and `_exit`,
/// which a signal handler may call. A SIGBUS elsewhere goes to the action before ours: it is put
/// back, and the faulting access, run again on return, raises the signal there.
static void offsync_mapping_lost(int signal, siginfo_t *info, void *context) {
    (void)context;
    const char *address = (const char *)info->si_addr;
    struct offsync_guarded_mapping *slots = offsync_guarded_slots();
    for (int slot = 0; slot < OFFSYNC_GUARDED_MAPPINGS; slot++) {
        const char *start = __atomic_load_n(&slots[slot].start, __ATOMIC_SEQ_CST);
        size_t count = __atomic_load_n(&slots[slot].count, __ATOMIC_SEQ_CST);
        if (start && address >= start && address < start + count) {
            ssize_t written = write(2, slots[slot].message, slots[slot].length);
            (void)written;
            _exit(1);
        }
    }
    sigaction(signal, offsync_previous_sigbus(), NULL);
}

/// Guards `start[0..<count]`, a mapped file (call this and `offsync_unguard_mapping` from one
/// Swift file: each file of a module built without whole-module optimization has its own copy
/// of these static functions and slots): a SIGBUS there prints `message` (kept by the caller
/// until `offsync_unguard_mapping`) and exits 1. Returns 0 when all slots are taken (the file is
/// read unguarded, as before).
static inline int offsync_guard_mapping(const void *start, size_t count, const char *message, size_t length) {
    static int installed = 0;
    if (!__atomic_exchange_n(&installed, 1, __ATOMIC_SEQ_CST)) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = offsync_mapping_lost;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, offsync_previous_sigbus());
    }
    struct offsync_guarded_mapping *slots = offsync_guarded_slots();
    for (int slot = 0; slot < OFFSYNC_GUARDED_MAPPINGS; slot++) {
        const char *free_slot = NULL;
        // A slot's count is 0 until its message is in place: the handler matches nothing there.
        if (__atomic_compare_exchange_n(&slots[slot].start, &free_slot, (const char *)start,
                                        0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
            slots[slot].message = message;
            slots[slot].length = length;
            __atomic_store_n(&slots[slot].count, count, __ATOMIC_SEQ_CST);
            return 1;
        }
    }
    return 0;
}

/// Stops guarding the mapping at `start` (before it is unmapped).
static inline void offsync_unguard_mapping(const void *start) {
    struct offsync_guarded_mapping *slots = offsync_guarded_slots();
    for (int slot = 0; slot < OFFSYNC_GUARDED_MAPPINGS; slot++) {
        if (__atomic_load_n(&slots[slot].start, __ATOMIC_SEQ_CST) == (const char *)start) {
            __atomic_store_n(&slots[slot].count, 0, __ATOMIC_SEQ_CST);
            __atomic_store_n(&slots[slot].start, NULL, __ATOMIC_SEQ_CST);
            return;
        }
    }
}

#endif
