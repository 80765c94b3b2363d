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
    /// The record the finding is about, in its system's words.
    public var recordID: String?
    /// The message: whole, or the words of a `Batch` around `recordID`.
    private let text: Text
    /// The system, entity, file and manifest key: one object shared by a batch's findings.
    private let place: Place
    /// The location's line and column; `Int.min` when it has none.
    private let line: Int
    private let column: Int

    public init(
        _ severity: Severity, _ code: Code, _ message: String,
        system: String? = nil, entity: String? = nil, recordID: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.severity = severity
        self.code = code
        self.recordID = recordID
        text = .whole(message)
        place = Place(system: system, entity: entity, file: location?.file, key: location?.key)
        line = location?.line ?? .min
        column = location?.column ?? .min
    }

    /// A finding of `batch` about the record `recordID` at `line` of the batch's file: a
    /// handful of words in memory however many records a batch has, its text made only when it
    /// is written.
    public init(_ batch: Batch, recordID: String, line: Int? = nil) {
        severity = batch.severity
        code = batch.code
        self.recordID = recordID
        text = .aroundID(batch.words)
        place = batch.place
        self.line = line ?? .min
        column = .min
    }

    /// What the finding says.
    public var message: String {
        switch text {
        case .whole(let message): message
        case .aroundID(let words): words.before + (recordID ?? "") + words.after
        }
    }

    /// The system of the record or flow the finding is about.
    public var system: String? { place.system }
    /// The entity of the record or flow the finding is about.
    public var entity: String? { place.entity }

    /// Where the finding points: a file position or a manifest key.
    public var location: SourceLocation? {
        guard let file = place.file else { return nil }
        return SourceLocation(file: file, line: line == .min ? nil : line, column: column == .min ? nil : column, key: place.key)
    }

    /// Whether `a`'s message sorts before `b`'s. Two findings of one batch about one record say
    /// the same, and are answered without making either message: two flows report a target
    /// record's duplicate merge value, tens of thousands of times in a large run.
    public static func messageSortsBefore(_ a: Finding, _ b: Finding) -> Bool {
        if case .aroundID(let x) = a.text, case .aroundID(let y) = b.text, x === y, a.recordID == b.recordID { return false }
        return a.message < b.message
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.severity == b.severity && a.code == b.code && a.recordID == b.recordID && a.system == b.system
            && a.entity == b.entity && a.location == b.location && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(code)
        hasher.combine(recordID)
        hasher.combine(system)
        hasher.combine(entity)
        hasher.combine(location)
        hasher.combine(message)
    }
}

extension Finding {
    /// Findings of one kind about many records of one place: an unmatched record of a
    /// million-record flow is one of hundreds of thousands. They share what they have in
    /// common, so each is a few machine words rather than half a dozen strings.
    public struct Batch: Sendable {
        public let severity: Severity
        public let code: Code
        fileprivate let place: Place
        fileprivate let words: Words

        /// Each finding's message is `before`, the record's id, then `after`; its location is
        /// `file` (nil: none) at the line the finding gives.
        public init(
            _ severity: Severity, _ code: Code, before: String, after: String,
            system: String?, entity: String?, file: String?
        ) {
            self.severity = severity
            self.code = code
            place = Place(system: system, entity: entity, file: file, key: nil)
            words = Words(before: before, after: after)
        }
    }

    private enum Text: Sendable {
        case whole(String)
        case aroundID(Words)
    }

    fileprivate final class Words: Sendable {
        let before: String
        let after: String

        init(before: String, after: String) {
            self.before = before
            self.after = after
        }
    }

    fileprivate final class Place: Sendable {
        let system: String?
        let entity: String?
        let file: String?
        let key: String?

        init(system: String?, entity: String?, file: String?, key: String?) {
            self.system = system
            self.entity = entity
            self.file = file
            self.key = key
        }
    }
}
