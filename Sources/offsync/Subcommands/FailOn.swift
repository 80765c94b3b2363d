import ArgumentParser
import OffsyncPlan

/// `--fail-on`: the counts that make `run` and `plan` exit 4 once the report is written, so
/// that a validation before go-live can stop a pipeline.
struct FailOn: ExpressibleByArgument {
    enum Count: String, CaseIterable {
        case conflict, ambiguous, invalid, unmatched
        case pendingReference = "pending_reference"
        case typeError = "type_error"

        /// The run's total: over every flow, or every dataset for invalid records (a dataset
        /// read by two flows counts once); unmatched on either side.
        func total(in plan: Plan) -> Int {
            switch self {
            case .conflict: plan.total(\.conflict)
            case .ambiguous: plan.total(\.ambiguous)
            case .invalid: plan.invalidRecords
            case .unmatched: plan.total { $0.unmatchedSource + $0.unmatchedTarget }
            case .pendingReference: plan.total(\.pendingReference)
            case .typeError: plan.total(\.typeError)
            }
        }
    }

    var counts: [Count]

    /// Names separated by commas: `conflict,ambiguous`.
    init?(argument: String) {
        let names = argument.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let counts = names.compactMap(Count.init(rawValue:))
        guard !counts.isEmpty, counts.count == names.count else { return nil }
        self.counts = counts
    }

    static var allValueStrings: [String] { Count.allCases.map(\.rawValue) }

    /// The listed counts that are not zero, with their totals.
    func reached(in plan: Plan) -> [(count: Count, total: Int)] {
        counts.map { ($0, $0.total(in: plan)) }.filter { $0.total > 0 }
    }
}
