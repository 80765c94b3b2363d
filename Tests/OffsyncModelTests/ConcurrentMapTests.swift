import OffsyncModel
import Testing

@Suite("work spread over the cores")
struct ConcurrentMapTests {
    @Test("concurrentMap gives map's results in map's order, for pieces of every size")
    func sameAsMap() {
        for count in [0, 1, 2, 3, 17, 1000] {
            let pieces = (0..<count).map { index in (0..<(index % 7 + 1) * 100).map { $0 &* index } }
            let sums = pieces.concurrentMap { $0.reduce(0, &+) }
            #expect(sums == pieces.map { $0.reduce(0, &+) }, "\(count) pieces")
        }
        let words = ["a", "bb", "ccc"].concurrentMap { String($0.reversed()) + "!" }
        #expect(words == ["a!", "bb!", "ccc!"])
    }

    @Test("ByteHash of a text is the hash of its UTF-8 bytes, the same on every run")
    func byteHash() {
        let text = "ærlig.person@eksempel.no"
        let bytes = Array(text.utf8)
        #expect(ByteHash.hash(text) == bytes.withUnsafeBytes { ByteHash.hash($0) })
        #expect(ByteHash.hash("") != ByteHash.hash(" "))
        // Pinned: state written by one version is compared by the next.
        #expect(ByteHash.hash("kari@example.no") == 8_098_861_217_159_895_358)
    }
}
