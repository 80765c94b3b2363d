// The CSV reader's line scan: SSE2 (x86-64's baseline) 16 bytes at a time; elsewhere the same
// 16-byte bit masks a byte at a time.
#include "csv_scan.h"

#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// The kinds of the bytes of one block of a line, a bit per byte. `breaks` holds NUL bytes too:
/// the scan stops at one as at a line break, and the reader refuses it.
struct offsync_csv_masks {
    uint32_t breaks, quotes, delimiters, spaces;
};

/// Sixteen bytes' kinds: SSE2 on x86-64, else a byte at a time.
static inline __attribute__((always_inline)) struct offsync_csv_masks offsync_csv_masks_16(
    const unsigned char *bytes, unsigned char delimiter, int tab_is_space) {
    struct offsync_csv_masks masks;
#if defined(__x86_64__)
    __m128i v = _mm_loadu_si128((const __m128i *)bytes);
    __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
    masks.breaks = (uint32_t)_mm_movemask_epi8(_mm_or_si128(ends, _mm_cmpeq_epi8(v, _mm_setzero_si128())));
    masks.quotes = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    masks.delimiters = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)delimiter)));
    __m128i blank = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
    if (tab_is_space) blank = _mm_or_si128(blank, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
    masks.spaces = (uint32_t)_mm_movemask_epi8(blank);
#else
    masks.breaks = masks.quotes = masks.delimiters = masks.spaces = 0;
    for (int i = 0; i < 16; i++) {
        unsigned char c = bytes[i];
        masks.breaks |= (uint32_t)(c == '\n' || c == '\r' || c == 0) << i;
        masks.quotes |= (uint32_t)(c == '"') << i;
        masks.delimiters |= (uint32_t)(c == delimiter) << i;
        masks.spaces |= (uint32_t)(c == ' ' || (tab_is_space && c == '\t')) << i;
    }
#endif
    return masks;
}

/// The line's end and its spaces are judged by bit operations on each block's masks, not byte
/// by byte. NUL bytes show in the same compares, where a pass of their own would read the file
/// again.
size_t offsync_csv_scan_line(
    const unsigned char *base, size_t count, size_t start, unsigned char delimiter, int quoted, int *plain) {
    const int tab_is_space = delimiter != '\t';
    const uint32_t all = 0xFFFFu;
    uint32_t carry_space = 0, carry_boundary = 1, carry_inside = quoted ? 1 : 0;
    int still_plain = 1;
    size_t offset = start;
    while (offset < count) {
        unsigned char block[16];
        const unsigned char *bytes = base + offset;
        size_t available = count - offset;
        if (available < 16) {
            memset(block, 'a', sizeof block); // neither a space nor a break (may be a delimiter)
            memcpy(block, bytes, available);
            bytes = block;
        }
        struct offsync_csv_masks m = offsync_csv_masks_16(bytes, delimiter, tab_is_space);
        unsigned at = m.breaks ? (unsigned)__builtin_ctz(m.breaks) : 16;
        if (still_plain) {
            // Inside quotes after each byte: the quotes so far, odd or even (a prefix XOR).
            uint32_t inside = m.quotes;
            inside ^= inside << 1;
            inside ^= inside << 2;
            inside ^= inside << 4;
            inside ^= inside << 8;
            inside = (inside ^ (carry_inside ? all : 0u)) & all;
            uint32_t spaces = m.spaces & ~inside;
            // Bytes after the line break belong to the next line.
            if (at < 15) spaces &= (2u << at) - 1;
            uint32_t boundaries = m.breaks | m.delimiters | m.quotes;
            uint32_t touching = (spaces & ((boundaries << 1) | carry_boundary)) | (((spaces << 1) | carry_space) & boundaries);
            still_plain = (touching & all) == 0;
            carry_space = (spaces >> 15) & 1;
            carry_boundary = (boundaries >> 15) & 1;
            carry_inside = (inside >> 15) & 1;
        }
        if (at < 16) {
            size_t end = offset + at;
            if (base[end] == 0) {
                *plain = -1;
                return end;
            }
            *plain = still_plain;
            return base[end] == '\r' && end + 1 < count && base[end + 1] == '\n' ? end + 2 : end + 1;
        }
        offset += 16;
    }
    // The file ends without a line break: libcsv trims a space before the end as well.
    unsigned char last = base[count - 1];
    *plain = still_plain && !(last == ' ' || (tab_is_space && last == '\t'));
    return count;
}
