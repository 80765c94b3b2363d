import OffsyncDiagnostics
@testable import OffsyncPlan
import OffsyncTestSupport
import Testing

@Suite("findings in report order")
struct FindingOrderTests {
    @Test("sorting by packed ranks and moving findings in place gives the comparator's order")
    func sameAsComparator() {
        var numbers = SeededNumbers(seed: 7)
        func next(_ bound: Int) -> Int { numbers.next(bound) }
        let codes: [Finding.Code] = [.ambiguous, .unmatched, .duplicate, .conflict, .typeError]
        let severities: [Finding.Severity] = [.info, .warning, .error]
        let findings = (0..<2000).map { index in
            Finding(
                severities[next(3)], codes[next(codes.count)], "message \(next(50))",
                system: ["a", "b", nil][next(3)], entity: ["Person", "User"][next(2)], recordID: "\(index)",
                location: next(4) == 0 ? nil : SourceLocation(file: ["x.json", "y.csv"][next(2)], line: next(30)))
        }
        var sorted = findings
        Planner.sort(&sorted)
        let expected = findings.sorted(by: Planner.order)
        #expect(sorted.map(\.message) == expected.map(\.message))
        #expect(sorted.map(\.recordID) == expected.map(\.recordID))
    }

    @Test("a finding of a batch reads, compares and hashes as the same finding written whole")
    func batchFindings() {
        let batch = Finding.Batch(
            .info, .unmatched, before: "flow: powerofficego.Contactperson ", after: " has no Users with equal merge values",
            system: "powerofficego", entity: "Contactperson", file: "dumps/contactpersons.json")
        let unplaced = Finding.Batch(.warning, .duplicate, before: "id ", after: " again", system: nil, entity: "User", file: nil)
        for (index, id) in ["7", "", "a-very-long-record-id-of-forty-bytes-or-so"].enumerated() {
            let batched = Finding(batch, recordID: id, line: index == 1 ? nil : index + 10)
            let whole = Finding(
                .info, .unmatched, "flow: powerofficego.Contactperson \(id) has no Users with equal merge values",
                system: "powerofficego", entity: "Contactperson", recordID: id,
                location: SourceLocation(file: "dumps/contactpersons.json", line: index == 1 ? nil : index + 10))
            #expect(batched.message == whole.message && batched.location == whole.location)
            #expect(batched.system == "powerofficego" && batched.entity == "Contactperson" && batched.recordID == id)
            #expect(batched == whole && batched.hashValue == whole.hashValue)
            #expect(batched != Finding(batch, recordID: id + "x", line: index + 10))

            let bare = Finding(unplaced, recordID: id)
            #expect(bare.message == "id \(id) again" && bare.location == nil && bare.system == nil && bare.entity == "User")
            #expect(bare == Finding(.warning, .duplicate, "id \(id) again", entity: "User", recordID: id))
        }
    }

    @Test("findings of batches sort among whole ones by their place and text")
    func batchesSorted() {
        var numbers = SeededNumbers(seed: 11)
        let batches = ["a.json", "b.json"].map {
            Finding.Batch(.info, .unmatched, before: "record ", after: " unmatched", system: "s", entity: "E", file: $0)
        }
        let findings = (0..<500).map { index -> Finding in
            let line = numbers.next(20)
            return numbers.next(2) == 0
                ? Finding(batches[numbers.next(2)], recordID: "\(numbers.next(100))", line: line)
                : Finding(.info, .unmatched, "record \(numbers.next(100)) unmatched", system: "s", entity: "E",
                          location: SourceLocation(file: ["a.json", "b.json"][numbers.next(2)], line: line))
        }
        var sorted = findings
        Planner.sort(&sorted)
        #expect(sorted == findings.sorted(by: Planner.order))
    }
}
