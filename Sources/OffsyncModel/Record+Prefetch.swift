import CIngestSupport
import OffsyncModel

extension RecordStore {
    /// Asks for the cache line where the value at a loader path id starts, ahead of `idText`:
    /// a file's records were read before their ids are checked, and their text has left the cache.
    @inline(__always)
    func prefetchValue(at path: Int32, in range: Range<Int>) {
        guard let index = index(ofPath: path, in: range), let base = text.baseAddress else { return }
        offsync_prefetch_for_read(base + bounds(ofEntry: index).start)
    }
}
