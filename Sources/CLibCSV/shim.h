#ifndef OFFSYNC_CLIBCSV_SHIM_H
#define OFFSYNC_CLIBCSV_SHIM_H
// libcsv ships no pkg-config file; its header lives at the include root.
#include <stddef.h>
#include <csv.h>
#endif
