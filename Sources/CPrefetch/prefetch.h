#ifndef OFFSYNC_PREFETCH_H
#define OFFSYNC_PREFETCH_H
// Prefetches for the hot loops that read records at random (ingest's id check, the diff's
// target records), which Swift cannot ask for: small helpers without state that Swift inlines
// into its loops.

/// Asks for the cache line at `address` ahead of a write to it. A plain load issued ahead
/// stalls when it reaches the head of the reorder buffer unfinished; a prefetch retires at once.
static inline void offsync_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Asks for the cache line at `address` ahead of a read of it.
static inline void offsync_prefetch_for_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
