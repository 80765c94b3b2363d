#ifndef OFFSYNC_CLIBCSV_SHIM_H
#define OFFSYNC_CLIBCSV_SHIM_H
// libcsv ships no pkg-config file; its header lives at the include root.
// SwiftPM does not rebuild its users when only this header changes: touch CSVRecordReader.swift.
#include <stddef.h>
#include <csv.h>

#endif
