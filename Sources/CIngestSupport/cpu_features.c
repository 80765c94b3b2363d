// Which vector paths this CPU can take, asked of it once per process.
#include "ingest_support.h"

#include <pthread.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

/// The answer: written once by `detect`, under `detection`; read only after `pthread_once`
/// returns, which orders the write before every read on any thread.
static unsigned features;
static pthread_once_t detection = PTHREAD_ONCE_INIT;

static void detect(void) {
#if defined(__x86_64__)
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return;
    unsigned found = 0;
    if (c & bit_SSSE3) found |= OFFSYNC_CPU_SSSE3;
    if ((c & bit_PCLMUL) && (c & bit_SSE4_1)) found |= OFFSYNC_CPU_PCLMUL;
    // AVX2 needs the OS to save the 256-bit registers too: OSXSAVE, then XCR0's SSE and AVX bits.
    if ((c & bit_OSXSAVE) && (c & bit_AVX)) {
        unsigned low, high;
        __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
        if ((low & 6) == 6 && __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_AVX2)) found |= OFFSYNC_CPU_AVX2;
    }
    features = found;
#endif
}

unsigned offsync_cpu_features(void) {
    pthread_once(&detection, detect);
    return features;
}
