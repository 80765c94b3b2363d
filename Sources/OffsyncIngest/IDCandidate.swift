import Foundation
import OffsyncModel

/// A record's id and whether it passes the dataset's filter, worked out on every core ahead of
/// the id check (which must go in order), so the check itself is a table lookup.
struct IDCandidate {
    var passes = false
    /// Where the id is without surrounding white space; nil when the record has none.
    var idText: IDText? = nil
    /// The id's hash (`hash(_:)`: equal ids share it however their text is normalized).
    var hash = 0

    /// A hash that ids equal as `String`s share: their bytes in Unicode's composed form (NFC),
    /// which ASCII already is, so the common id is hashed without making a `String`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if UTF8Check.isASCII(bytes) { return Int(truncatingIfNeeded: ByteHash.hash(UnsafeRawBufferPointer(bytes))) }
        return Int(truncatingIfNeeded: ByteHash.hash(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping))
    }

    /// How many records ahead of its check a record's id is fetched into cache.
    static let prefetchDistance = 8

    /// Records per block: a block's candidates are few enough to stay in cache and memory.
    static let blockSize = 1 << 15

    /// Fills in the candidates of the records `range`, at `output` (the candidate of
    /// `range.lowerBound`).
    static func fill(
        _ file: ParsedFile, _ range: Range<Int>, into output: UnsafeMutablePointer<IDCandidate>, idPath: Int32,
        conditions: [(Int32, String)]
    ) {
        // One store at a time: a run of records shares it, with no reference counting per record.
        var start = range.lowerBound
        var part = file.partStarts.lastIndex { $0 <= start } ?? 0
        file.records.withUnsafeBufferPointer { records in
            while start < range.upperBound {
                let partEnd = part + 1 < file.partStarts.count ? file.partStarts[part + 1] : Int.max
                let end = min(range.upperBound, partEnd)
                let store = file.stores[part]
                for index in start..<end {
                    let ahead = index + prefetchDistance
                    if ahead < end { store.prefetchValue(at: idPath, in: records[ahead].entries) }
                    let entries = records[index].entries
                    let passes = conditions.allSatisfy { path, wanted in
                        store.value(at: path, in: entries)?.text?.lowercased() == wanted
                    }
                    guard passes else { continue }
                    let idText = store.idText(at: idPath, in: entries)
                    output[index - range.lowerBound] = IDCandidate(
                        passes: true, idText: idText, hash: idText.map { store.withBytes(of: $0, IDCandidate.hash) } ?? 0)
                }
                start = end
                part += 1
            }
        }
    }
}
