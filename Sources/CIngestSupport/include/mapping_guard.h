#ifndef OFFSYNC_MAPPING_GUARD_H
#define OFFSYNC_MAPPING_GUARD_H
// A mapped input file that another program cuts short while it is read raises SIGBUS at the
// first page past its new end. That is bad input, not a crash: the guard prints a message naming
// the file and exits 1.
#include <stddef.h>

/// Guards `start[0..<count]`, a mapped file, installing the SIGBUS handler on the first call: a
/// SIGBUS there writes `message[0..<length]` (kept by the caller until `offsync_unguard_mapping`)
/// to standard error and exits 1; any other SIGBUS goes to the action that was there before.
/// Returns 0 when all slots are taken (64 files mapped at once): the file is read unguarded.
/// Any thread may call it.
int offsync_guard_mapping(const void *start, size_t count, const char *message, size_t length);

/// Stops guarding the mapping at `start` (before it is unmapped).
void offsync_unguard_mapping(const void *start);

#endif
