import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import Testing

@testable import OffsyncLink

@Suite("merge keys live as long as the linking")
struct MergeKeyLifetimeTests {
    @Test("a key column and its table are freed once nothing links with them")
    func columnIsFreed() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"kari@eksempel.no"},{"id":2,"email":"ola@eksempel.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"KARI@eksempel.no"}]"#)
        weak var column: MergeKeyColumn?
        do {
            let keys = MergeKeyColumns()
            let links = Linker(flow: Fixture.flow(merge: [[("email", "mail")]]), source: people, target: users, keys: keys).link()
            #expect(links.pairs.count == 1)
            column = MergeKeys(users, combinations: [MergeCombination(pairs: [PropertyPair(source: "email", target: "mail")])],
                               side: \.target, comparison: Fixture.flow(merge: [[("email", "mail")]]).comparison, shared: keys).columns[0]
            #expect(column?.table.records(matching: column!.keys, 0, where: { _ in true }) == [0], "the table of the column linking made")
        }
        #expect(column == nil, "a column and its table held each other: every column lived to the end of the run")
    }
}

@Suite("merge keys from a value's bytes")
struct NormalizedBytesTests {
    /// Values of every kind the byte paths take or leave: ASCII, each Latin-1 character alone and
    /// in a name, white space of both kinds at either end, µ and ß, combining marks, other scripts.
    static let values: [String] = {
        var values = ["kari@eksempel.no", "  Kari.NORDMANN@Eksempel.NO\t", "12 34-56", "", " ", "A\u{1F}B"]
        for scalar in 0x80...0xFF {
            let character = String(Unicode.Scalar(UInt8(scalar)))
            values += [character, "Å\(character)x", " \(character) ", "Bjørn \(character)"]
        }
        values += ["\u{A0}Kari", "Kari\u{A0}", "\u{85}Kari ", "Kari Ø\u{A0} ", "Ka\u{A0}ri", "Straße", "µm", "MÜNCHEN",
                   "e\u{301}", "Ÿvonne", "ÆØÅ æøå", "Οδυσσέας", "Ι", "東京", "İstanbul", "١٢٣", "¹²³", "Ǆ"]
        return values
    }()

    @Test("give what normalize gives the text, for every comparison", arguments: [Comparison.exact, .caseInsensitive, .email, .digitsOnly])
    func sameAsNormalize(_ comparison: Comparison) {
        for value in Self.values {
            var bytes: [UInt8] = []
            Array(value.utf8).withUnsafeBufferPointer { comparison.appendNormalized($0, to: &bytes) }
            // Blank is empty whatever the comparison (`FieldValue.isEmpty`): no key.
            if value.utf8.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                #expect(bytes.isEmpty, "\(value.debugDescription)")
                continue
            }
            #expect(String(decoding: bytes, as: UTF8.self) == comparison.normalize(value), "\(value.debugDescription)")
        }
    }

    @Test("Latin-1 text is read in place; text it cannot read exactly is left to normalize")
    func latin1InPlace() {
        func latin1(_ text: String) -> String? {
            var bytes: [UInt8] = []
            let read = Array(text.utf8).withUnsafeBufferPointer { Comparison.appendLatin1($0, foldingCase: true, to: &bytes) }
            return read ? String(decoding: bytes, as: UTF8.self) : nil
        }
        #expect(latin1(" Bjørn ÆRLE Sæther ") == "bjørn ærle sæther")
        #expect(latin1("×÷Þ") == "×÷þ")
        for left in ["Straße", "µm", "e\u{301}", "Ÿvonne", "Οδυσσέας", "\u{A0}Kari", "Kari\u{85}"] {
            #expect(latin1(left) == nil, "\(left.debugDescription)")
        }
    }
}
