import OffsyncModel
import Testing

@Suite("record ids to codes in flat tables")
struct RecordIDCodesTests {
    @Test("every id set is found with its code, integer or text, and an id never set is not")
    func foundAndMissing() {
        // Ids that count up (as exports' do), spread ones (0 among them), negative, the extremes, and text.
        let integers: [Int64] = Array(1...5_000) + (0..<2_000).map { $0 &* 7_919_000_013 } + [-1, -42, .min, .max]
        let texts = ["abc", "007", "+7", "-0", "kari@example.no", "ærlig", "12345678901234567890"]
        var codes = RecordIDCodes(capacity: integers.count + texts.count)
        defer { codes.deallocate() }
        for (code, value) in integers.enumerated() { codes.set(.integer(value), Int32(code)) }
        for (code, text) in texts.enumerated() { codes.set(RecordID(text), Int32(integers.count + code)) }
        for (code, value) in integers.enumerated() { #expect(codes.code(of: .integer(value)) == Int32(code), "\(value)") }
        for (code, text) in texts.enumerated() { #expect(codes.code(of: RecordID(text)) == Int32(integers.count + code), "\(text)") }
        // "007" is text, 7 an integer: one is not the other.
        #expect(codes.code(of: .integer(7)) == 6)
        for missing: Int64 in [5_001, 6_000, -2, 7_919_000_014] { #expect(codes.code(of: .integer(missing)) == nil, "\(missing)") }
        #expect(codes.code(of: .text("ab")) == nil)
    }

    @Test("the last code set for an id wins, and a table of no capacity still takes ids")
    func lastWins() {
        var codes = RecordIDCodes(capacity: 0)
        defer { codes.deallocate() }
        for round in 0..<3 {
            for id in 0..<40 { codes.set(.integer(Int64(id)), Int32(round * 100 + id)) }
        }
        codes.set(.text("x"), 1)
        codes.set(.text("x"), 2)
        #expect((0..<40).allSatisfy { codes.code(of: .integer(Int64($0))) == Int32(200 + $0) })
        #expect(codes.code(of: .text("x")) == 2)
    }

    @Test("plainInteger reads the ids it can and leaves the rest to RecordID")
    func plainInteger() {
        func plain(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBufferPointer { RecordID.plainInteger($0) } }
        #expect(plain("0") == 0)
        #expect(plain("7") == 7)
        #expect(plain("123456789012345678") == 123_456_789_012_345_678)
        for other in ["", "007", "-5", "+5", "1e3", "12a", " 1", "1234567890123456789"] { #expect(plain(other) == nil, "\(other)") }
        // Where plainInteger gives up, RecordID still decides as before.
        #expect(RecordID("-5") == .integer(-5))
        #expect(RecordID("1234567890123456789") == .integer(1_234_567_890_123_456_789))
        #expect(RecordID("007") == .text("007"))
    }
}
