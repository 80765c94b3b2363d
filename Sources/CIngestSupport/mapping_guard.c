// The SIGBUS guard for mapped input files (mapping_guard.h): the registered mappings, the
// handler, and the action it replaced. All of it is process-wide, so it lives here once.
#include "mapping_guard.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

/// A mapped input file and the message to print when a page of it is gone. The handler reads
/// `start` and `count` while other threads fill and free slots, so those two are atomic (and
/// lock-free: safe in a signal handler); `count` is 0 while a slot is free or being filled, and
/// is stored last, after the message.
struct guarded_mapping {
    _Atomic(const char *) start;
    _Atomic size_t count;
    const char *message;
    size_t length;
};

enum { GUARDED_MAPPINGS = 64 };

static struct guarded_mapping slots[GUARDED_MAPPINGS];

/// The SIGBUS action before ours (the Swift runtime's backtracer, or the default), which the
/// handler puts back for a SIGBUS that is not ours.
static struct sigaction previous_action;

static atomic_int installed;

/// A mapped file cut short while it is read raises SIGBUS at the first page past its new end.
/// That is bad input, not a crash: print the file's message and exit 1 (nothing has been written
/// yet: files are read before any output). Only `write` and `_exit`, which a signal handler may
/// call. A SIGBUS elsewhere goes to the action before ours: it is put back, and the faulting
/// access, run again on return, raises the signal there.
static void mapping_lost(int number, siginfo_t *info, void *context) {
    (void)context;
    const char *address = (const char *)info->si_addr;
    for (int slot = 0; slot < GUARDED_MAPPINGS; slot++) {
        const char *start = atomic_load(&slots[slot].start);
        size_t count = atomic_load(&slots[slot].count);
        if (start && address >= start && address < start + count) {
            ssize_t written = write(2, slots[slot].message, slots[slot].length);
            (void)written;
            _exit(1);
        }
    }
    sigaction(number, &previous_action, NULL);
}

void offsync_mapping_guard_install(void) {
    if (atomic_exchange(&installed, 1)) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = mapping_lost;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous_action);
}

int offsync_guard_mapping(const void *start, size_t count, const char *message, size_t length) {
    for (int slot = 0; slot < GUARDED_MAPPINGS; slot++) {
        const char *free_slot = NULL;
        // The slot's count is 0 until its message is in place: the handler matches nothing there.
        if (atomic_compare_exchange_strong(&slots[slot].start, &free_slot, (const char *)start)) {
            slots[slot].message = message;
            slots[slot].length = length;
            atomic_store(&slots[slot].count, count);
            return 1;
        }
    }
    return 0;
}

void offsync_unguard_mapping(const void *start) {
    for (int slot = 0; slot < GUARDED_MAPPINGS; slot++) {
        if (atomic_load(&slots[slot].start) == (const char *)start) {
            atomic_store(&slots[slot].count, 0);
            atomic_store(&slots[slot].start, NULL);
            return;
        }
    }
}
