import OffsyncModel
@testable import OffsyncPlan
import OffsyncSpec
import OffsyncTestSupport
import Testing

@Suite("operations in import-file order")
struct OperationOrderTests {
    @Test("operations come sorted by dataset, kind and id text, whatever the ids' lengths, shared starts or letters past ASCII")
    func sortedByDatasetKindAndID() {
        var numbers = SeededNumbers(seed: 3)
        // NFC text only: Swift's String order is not consistent between composed and
        // decomposed forms ("1e\u{301}" and "1\u{e9} " are neither less than the other), so
        // no sort could be checked against another on them.
        let pieces = ["1", "10", "2", "9", "100000000", "10000000", "abcdefgh", "abcdefghi", "abcdefg", "é", "Z", "zz", "ø", "Ω", " "]
        let datasets = [DatasetKey(system: "zendesk", entity: "Users"), DatasetKey(system: "crm", entity: "Person")]
        var builder = OperationBuilder()
        var expected: [(DatasetKey, Operation.Kind, String)] = []
        var seen = Set<String>()
        for _ in 0..<400 {
            let kind = [Operation.Kind.create, .update, .delete][numbers.next(3)]
            // Correlation values share a long start, as `offsync:system/Entity/` does.
            let start = kind == .create ? "offsync:powerofficego/Customers/" : ""
            let id = start + (0..<(numbers.next(3) + 1)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            let dataset = datasets[numbers.next(2)]
            let slot = builder.slot(dataset)
            guard seen.insert("\(dataset)|\(kind)|\(id)").inserted else { continue }
            switch kind {
            case .create: builder.create(slot, correlation: id, fields: [], flow: "f")
            case .update: builder.update(slot, id: id, path: "name", value: .string("x"), seen: nil, flow: "f")
            case .delete: builder.delete(slot, id: id, basedOn: [], flow: "f")
            }
            expected.append((dataset, kind, id))
        }
        expected.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.2 < b.2
        }
        let got = builder.operations().map { ($0.dataset, $0.kind, $0.recordID ?? $0.correlation ?? "") }
        #expect(got.count == expected.count)
        #expect(got.map { "\($0.0)|\($0.1)|\($0.2)" } == expected.map { "\($0.0)|\($0.1)|\($0.2)" })
    }
}
