import Foundation
import OffsyncDiagnostics
import OffsyncDiff
import OffsyncIngest
import OffsyncModel
import OffsyncLink
import OffsyncSpec
import Testing

@Suite("a flow diffed in stretches on several cores")
struct DiffStretchTests {
    @Test("gives the same diff as one pass: pairs, changes, findings, counts and baselines in order")
    func stretchesAgree() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("offsync-stretch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 997 pairs: names equal, changed on one side or the other, numbers that do not parse.
        let count = 997
        let people = (0..<count).map { #"{"id":"p\#($0)","name":"Name \#($0 % 5 == 0 ? $0 + 1 : $0)","age":"\#($0 % 7 == 0 ? "old" : String($0 % 90))","changed":"2026-01-0\#($0 % 9 + 1)T00:00:00Z"}"# }
        let users = (0..<count).map { #"{"id":"u\#($0)","name":"Name \#($0 % 3 == 0 ? $0 + 2 : $0)","age":\#($0 % 90),"changed":"2026-01-05T00:00:00Z"}"# }
        try ("[" + people.joined(separator: ",") + "]").write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        try ("[" + users.joined(separator: ",") + "]").write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
        let fixture = PairFixture(properties: [("name", "name"), ("age", "age")], types: ["age": .integer])
        let flow = fixture.flow
        var loader = DatasetLoader(root: folder)
        let a = try loader.load(DatasetSpec(key: flow.source, files: ["a.json"], id: "id", modified: "changed"))
        let b = try loader.load(DatasetSpec(key: flow.target, files: ["b.json"], id: "id", modified: "changed"))
        var links = FlowLinks(flow: flow)
        links.pairs = (0..<count).map { LinkedPair(source: $0, target: $0, reason: .remembered, remembered: $0) }
        var baselines = Baselines()
        for index in stride(from: 0, to: count, by: 4) {
            baselines.insert(link: index, property: "name -> name", digest: Baseline.digest(of: "Name \(index)"))
        }
        var differ = Differ(datasets: [flow.source: a, flow.target: b], allLinks: [links], policy: .latestWins, baselines: baselines)

        differ.stretch = 1_000_000
        let whole = differ.diff(links)
        differ.stretch = 13
        let stretched = differ.diff(links)

        func describe(_ diff: FlowDiff) -> [String] {
            var lines: [String] = diff.pairs.map { (pair: PairDiff) -> String in
                let changes = pair.changes.map { (change: PropertyChange) -> String in
                    "\(change.mapping.source) \(change.direction) \(change.targetValue?.text ?? "-")/\(change.sourceValue?.text ?? "-") \(change.reason)"
                }
                return "\(pair.pair.source)=\(pair.pair.target): " + changes.joined(separator: "; ")
            }
            lines += diff.findings.map(\.message)
            lines += diff.advancedBaselines.map { (b: Baseline) -> String in "\(b.source)=\(b.target) \(b.property) \(b.digest)" }
            lines += ["differing \(diff.differing)", "pending \(diff.pendingReferences)", "type errors \(diff.typeErrors)", "unchanged \(diff.unchanged)"]
            return lines
        }
        #expect(describe(stretched) == describe(whole))
        #expect(whole.differing[0] > 100 && whole.typeErrors > 100 && whole.advancedBaselines.count > 100, "the flow has all of it")
    }
}
