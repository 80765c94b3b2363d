import OffsyncDiagnostics
@testable import OffsyncPlan
import Testing

@Suite("findings in report order")
struct FindingOrderTests {
    @Test("sorting by packed ranks and moving findings in place gives the comparator's order")
    func sameAsComparator() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
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
