#ifndef OFFSYNC_CSV_SCAN_H
#define OFFSYNC_CSV_SCAN_H
// The CSV reader's own scan around libcsv: where a line ends and whether libcsv's space
// handling reads it exactly.
#include <stddef.h>

/// Scans the physical line of `base[0..<count]` starting at `start`; returns its end (after its
/// LF, CRLF or lone CR, or `count`) and sets `*plain` to whether libcsv's own space handling reads
/// it exactly: no space or tab (other than the delimiter) outside quotes next to a delimiter,
/// quote, line break or the line's ends, which is where libcsv trims. `quoted`: the line begins
/// inside a quoted field. A NUL byte ends the scan: it returns the NUL's offset and sets `*plain`
/// to -1 (a text export never holds one; a file preallocated and partly written does).
/// 16 bytes at a time: SSE2 (x86-64's baseline), else a byte at a time into the same bit masks.
size_t offsync_csv_scan_line(
    const unsigned char *base, size_t count, size_t start, unsigned char delimiter, int quoted, int *plain);

#endif
