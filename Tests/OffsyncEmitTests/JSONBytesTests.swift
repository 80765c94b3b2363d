import Foundation
import Testing

@testable import OffsyncEmit

/// The one JSON writer: strings escaped only where JSON needs it, everything else copied.
@Suite("JSON bytes")
struct JSONBytesTests {
    func written(_ text: String) -> String {
        var out = JSONBytes()
        out.string(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test("quotes, backslashes and control characters are escaped; other text is copied as it is")
    func escapes() {
        #expect(written("plain") == #""plain""#)
        #expect(written("") == #""""#)
        #expect(written("a\"b\\c") == #""a\"b\\c""#)
        #expect(written("line\nnext\r\ttab") == #""line\nnext\r\ttab""#)
        #expect(written("\u{0}\u{1}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(written("Ærøy – 東京 🙂") == "\"Ærøy – 東京 🙂\"")
        // JavaScript reads these two as line ends; other E2 80 xx characters pass.
        #expect(written("a\u{2028}b\u{2029}c\u{2026}") == "\"a\\u2028b\\u2029c\u{2026}\"")
    }

    @Test("what it writes reads back as the same string, for every kind of character")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "\"", "\\", "\n", "\u{0}", "\u{7F}", "ø", "\u{2028}", "東", "🙂", " ", "\u{1B}"]
        for _ in 0..<200 {
            let text = String((0..<Int.random(in: 0..<24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let data = Data(written(text).utf8)
            let back = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String
            #expect(back == text, "\(text.debugDescription)")
        }
    }

    @Test("objects and arrays, compact and pretty, keep their members' order")
    func values() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.string("x"), .null, .bool(true)])), ("e", .object([]))])
        #expect(value.serialized() == #"{"b":1,"a":["x",null,true],"e":{}}"#)
        #expect(value.serialized(pretty: true) == "{\n  \"b\": 1,\n  \"a\": [\n    \"x\",\n    null,\n    true\n  ],\n  \"e\": {}\n}")
    }

    @Test("escapes are found wherever they sit in a long string, eight bytes looked at together")
    func escapesAtEveryPosition() {
        // The escaping one character at a time, as JSON and JavaScript need it.
        func expected(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let specials: [String] = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2027}", "â", "\u{7F}", " ", "Ø"]
        for special in specials {
            for position in 0..<24 {
                let text = String(repeating: "a", count: position) + special + String(repeating: "b", count: 23 - position)
                var out = JSONBytes()
                out.string(text)
                #expect(String(decoding: out.bytes, as: UTF8.self) == expected(text), "\(special.unicodeScalars.map(\.value)) at \(position)")
            }
        }
    }
}
