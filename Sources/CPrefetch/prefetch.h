#ifndef OFFSYNC_CPREFETCH_H
#define OFFSYNC_CPREFETCH_H
// Swift has no prefetch. A plain load issued ahead stalls when it reaches the head of the
// reorder buffer unfinished; a prefetch retires at once.

/// Asks for the cache line at `address` ahead of a write to it.
static inline void offsync_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
