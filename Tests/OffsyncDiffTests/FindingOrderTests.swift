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
}
