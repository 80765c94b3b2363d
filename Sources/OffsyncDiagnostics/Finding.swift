/// Something a run noticed about the data or the spec, reported rather than raised:
/// an ambiguous match, a record without id, a mapping that cannot be applied.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable, scriptable name for the kind of finding (`ambiguous`, `invalid`, ...).
    public struct Code: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }

        public static let ambiguous: Code = "ambiguous"
        public static let unmatched: Code = "unmatched"
        public static let invalid: Code = "invalid"
        public static let duplicate: Code = "duplicate"
        public static let typeError: Code = "type_error"
        public static let conflict: Code = "conflict"
        public static let orphan: Code = "orphan"
        public static let spec: Code = "spec"
        public static let unresolvedReference: Code = "unresolved_reference"
        /// References to records this same run creates: they wait for the upload.
        public static let pendingReference: Code = "pending_reference"
        /// A created record found again by content rather than by correlation value or receipt.
        public static let linkedByContent: Code = "linked_by_content"
        /// One target record linked from several source records (across flows).
        public static let mergedIdentity: Code = "merged_identity"
        /// A mapped property whose values look like ids of another dataset, without `references`.
        public static let reference: Code = "reference"
        /// Values in a CSV import file that a spreadsheet would run as a formula (written exactly).
        public static let formulaLike: Code = "formula_like"
        /// A source record a conditional creation does not create: no record connected to it is
        /// synchronized into the target system.
        public static let notConnected: Code = "not_connected"
        /// A connected entity of a conditional creation the manifest's `connections:` does not bind.
        public static let unboundConnection: Code = "unbound_connection"
        /// Records one section links that another section of the same datasets does not create.
        public static let linkedBySibling: Code = "linked_by_sibling"
        /// A sync condition stated in prose, which offsync cannot apply by itself.
        public static let conditionNotApplied: Code = "condition_not_applied"
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var system: String?
    public var entity: String?
    public var recordID: String?
    public var location: SourceLocation?

    public init(
        _ severity: Severity, _ code: Code, _ message: String,
        system: String? = nil, entity: String? = nil, recordID: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.system = system
        self.entity = entity
        self.recordID = recordID
        self.location = location
    }
}
