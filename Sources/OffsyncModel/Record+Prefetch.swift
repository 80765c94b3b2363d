import CPrefetch

// Reading a value of a record picked at random waits on memory three times, one after the
// other: the record, its entries, the value's text. A loop over records in random order (the
// diff's targets, ingest's id check) asks for each a few records ahead, so the three waits
// overlap with work on the records before it.

extension RecordStore {
    /// Asks for the cache line where the value at a loader path id starts, ahead of reading it
    /// (ingest's `idText` once a file's text has left the cache, the diff's target values).
    @inlinable @inline(__always)
    package func prefetchValue(at path: Int32, in range: Range<Int>) {
        guard let index = index(ofPath: path, in: range), let base = text.baseAddress else { return }
        offsync_prefetch_for_read(base + bounds(ofEntry: index).start)
    }

    /// Asks for the cache line of a record's first entry (or column end).
    @inlinable @inline(__always)
    package func prefetchEntries(_ range: Range<Int>) {
        if narrow, let base = recordStarts.baseAddress {
            offsync_prefetch_for_read(base + range.lowerBound / columns)
            if let ends = narrowEnds.baseAddress { offsync_prefetch_for_read(ends + range.lowerBound) }
        } else if columns > 0, let base = ends.baseAddress {
            offsync_prefetch_for_read(base + max(0, range.lowerBound - 1))
        } else if let base = entries.baseAddress {
            offsync_prefetch_for_read(base + max(0, range.lowerBound - 1))
        }
    }
}

extension RecordView {
    /// Step 2 of 3: the record's entries (the record itself is in cache).
    @inlinable @inline(__always)
    public func prefetchEntries() { store._withUnsafeGuaranteedRef { $0.prefetchEntries(entries) } }

    /// Step 3 of 3: the text of the value at `path` (the record's entries are in cache).
    @inlinable @inline(__always)
    public func prefetchValue(at path: Int32) { store._withUnsafeGuaranteedRef { $0.prefetchValue(at: path, in: entries) } }
}

extension UnsafeBufferPointer {
    /// Asks for the cache line of the element at `index`, ahead of a read of it: step 1 of 3
    /// for records, and tables outside this module read at random (the linker's key tables).
    @inlinable @inline(__always)
    public func prefetch(at index: Int) {
        if let base = baseAddress { offsync_prefetch_for_read(base + index) }
    }
}
