#ifndef OFFSYNC_BUILD_INFO_H
#define OFFSYNC_BUILD_INFO_H

/* The commit the binary was built from, for `offsync --version`: `make dist` defines it
   (-Xcc -DOFFSYNC_COMMIT="..."); a build without it says so. */
#ifndef OFFSYNC_COMMIT
#define OFFSYNC_COMMIT "unknown"
#endif

static inline const char *offsync_commit(void) { return OFFSYNC_COMMIT; }

#endif
