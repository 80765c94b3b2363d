import Foundation
import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import OffsyncTestSupport
import Testing

@testable import OffsyncLink

@Suite("linking thousands of records agrees with the rules spelled out")
struct LinkerScaleTests {
    /// An email from a pool of `pool`, written as people write them: other case, spaces
    /// around, now and then empty or in letters outside ASCII.
    static func email(_ generator: inout SeededNumbers, pool: Int) -> String {
        let n = generator.next(pool)
        var text = n % 17 == 0 ? "Ærlig.\(n)@Eksempel.no" : "person.\(n)@example.no"
        switch generator.next(6) {
        case 0: text = text.uppercased()
        case 1: text = "  " + text + "\\t"
        case 2: text = ""
        default: break
        }
        return text
    }

    @Test("pairs, ambiguous sources and duplicates are what grouping the normalized emails gives")
    func agreesWithGrouping() throws {
        var generator = SeededNumbers(seed: 17)
        let count = 3000, pool = 2500
        let sources = (0..<count).map { _ in Self.email(&generator, pool: pool) }
        let targets = (0..<count).map { _ in Self.email(&generator, pool: pool) }
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", "[" + sources.enumerated().map { #"{"id":\#($0),"email":"\#($1)"}"# }.joined(separator: ",") + "]")
        let users = try fixture.dataset("b", "User", "[" + targets.enumerated().map { #"{"id":"u\#($0)","mail":"\#($1)"}"# }.joined(separator: ",") + "]")
        var linker = Linker(flow: Fixture.flow(merge: [[("email", "mail")]]), source: people, target: users)
        let links = linker.link()
        linker.stretch = 97
        let stretched = linker.link()
        #expect(stretched.pairs == links.pairs && stretched.ambiguous == links.ambiguous, "in stretches on several cores, the same")
        #expect(stretched.findings.map(\.message) == links.findings.map(\.message))

        // The rules, spelled out: trimmed and lowercased; empty never links; a key one source
        // and one target share links them; a key with more on either side links none of them.
        func key(_ text: String) -> String? {
            let value = text.replacingOccurrences(of: "\\t", with: "\t").trimmingCharacters(in: .whitespaces).lowercased()
            return value.isEmpty ? nil : value
        }
        var bySource: [String: [Int]] = [:], byTarget: [String: [Int]] = [:]
        for (s, text) in sources.enumerated() { if let key = key(text) { bySource[key, default: []].append(s) } }
        for (t, text) in targets.enumerated() { if let key = key(text) { byTarget[key, default: []].append(t) } }
        var pairs: [String] = [], ambiguous: [Int] = []
        for (key, s) in bySource {
            guard let t = byTarget[key] else { continue }
            if s.count == 1, t.count == 1 { pairs.append("\(s[0])=u\(t[0])") } else { ambiguous += s }
        }
        #expect(Set(LinkerTests.ids(links, people, users)) == Set(pairs))
        #expect(pairs.count > 100 && ambiguous.count > 100, "the data has both")
        #expect(Set(links.ambiguous.map(\.source)) == Set(ambiguous))
        #expect(links.duplicateSource == Set(bySource.values.filter { $0.count > 1 }.joined()))
        #expect(links.duplicateTarget == Set(byTarget.values.filter { $0.count > 1 }.joined()))
    }
}
