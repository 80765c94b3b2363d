// The vector UTF-8 check of `offsync_utf8_valid`: x86-64 only (SSSE3 or AVX2, chosen per CPU
// at run time; the target is built for x86-64's baseline, so each function names the
// instructions it may use). Elsewhere it answers -1 and the Swift caller checks by itself.
#include "ingest_support.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>

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
static inline __m128i offsync_utf8_block_errors_ssse3(__m128i input, __m128i previous) {
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
int offsync_utf8_valid_ssse3(const unsigned char *bytes, size_t count) {
    const __m128i last_leads = _mm_setr_epi8(
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, (char)255, (char)255, OFFSYNC_UTF8_LAST_LEADS);
    OFFSYNC_UTF8_VALID(16, _mm, si128, __m128i, last_leads, offsync_utf8_block_errors_ssse3)
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
int offsync_utf8_valid_avx2(const unsigned char *bytes, size_t count) {
    const __m256i last_leads = _mm256_setr_epi8(
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255, (char)255,
        (char)255, (char)255, OFFSYNC_UTF8_LAST_LEADS);
    OFFSYNC_UTF8_VALID(32, _mm256, si256, __m256i, last_leads, offsync_utf8_block_errors_avx2)
}

int offsync_utf8_valid(const unsigned char *bytes, size_t count) {
    unsigned features = offsync_cpu_features();
    if (features & OFFSYNC_CPU_AVX2) return offsync_utf8_valid_avx2(bytes, count);
    if (features & OFFSYNC_CPU_SSSE3) return offsync_utf8_valid_ssse3(bytes, count);
    return -1;
}

#else

int offsync_utf8_valid(const unsigned char *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return -1;
}

#endif
