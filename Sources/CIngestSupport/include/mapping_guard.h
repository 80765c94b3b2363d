#ifndef OFFSYNC_MAPPING_GUARD_H
#define OFFSYNC_MAPPING_GUARD_H
// A mapped input file that another program cuts short while it is read raises SIGBUS at the
// first page past its new end. That is bad input, not a crash: the guard prints a message naming
// the file and exits 1. The readers register each mapping they read; the handler itself is the
// process's to install, not a library's (it replaces the process's SIGBUS action).
#include <stddef.h>

/// Installs the SIGBUS handler (the first call; later ones do nothing). A SIGBUS inside a
/// registered mapping prints its message and exits 1; any other SIGBUS goes to the action that
/// was there before. Call it from the executable at start, before files are read.
void offsync_mapping_guard_install(void);

/// Registers `start[0..<count]`, a mapped file: once the handler is installed, a SIGBUS there
/// writes `message[0..<length]` (kept by the caller until `offsync_unguard_mapping`) to standard
/// error and exits 1. Without the handler the registration is kept but nothing else happens: a
/// SIGBUS there takes its usual action. Returns 0 when all slots are taken (64 files mapped at
/// once): the file is read unguarded. Any thread may call it.
int offsync_guard_mapping(const void *start, size_t count, const char *message, size_t length);

/// Stops guarding the mapping at `start` (before it is unmapped).
void offsync_unguard_mapping(const void *start);

#endif
