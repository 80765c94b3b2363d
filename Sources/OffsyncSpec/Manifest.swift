import OffsyncDiagnostics

/// `offsync.yaml`: which systems there are, where each dataset's exports are, which flows run.
///
/// The shape is an interface users script against (README, "The manifest"): keys may be added, never renamed.
public struct Manifest: Sendable, Hashable {
    public var version: Int
    public var systems: [SystemSpec]
    public var dataflows: [DataflowSpec]
    public var options: Options

    public init(version: Int = 1, systems: [SystemSpec], dataflows: [DataflowSpec], options: Options = Options()) {
        self.version = version
        self.systems = systems
        self.dataflows = dataflows
        self.options = options
    }

    public struct Options: Sendable, Hashable {
        public var conflicts: ConflictPolicy = .latestWins
        /// The largest share of a dataset one run may delete or rewrite.
        public var circuitBreaker: Double = 0.10
        public var deletes: DeletePolicy = .report
        /// zlib level of the import files (0 = stored, 9 = smallest).
        public var compressionLevel: Int = 6

        public init() {}
    }

    public var datasets: [DatasetSpec] { systems.flatMap(\.datasets) }

    public func dataset(_ key: DatasetKey) -> DatasetSpec? {
        let system = systems.first { $0.id == key.system }
        return system?.datasets.first { $0.key.entity == key.entity }
    }
}

public enum ConflictPolicy: String, Sendable, Hashable, CaseIterable {
    case latestWins = "latest-wins"
    case sourceWins = "source-wins"
    case targetWins = "target-wins"
    case manual
}

public enum DeletePolicy: String, Sendable, Hashable, CaseIterable {
    case report, emit
}

/// The forms import files are written in: JSONL always; CSV too for systems that import CSV.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable, Comparable {
    case jsonl, csv

    public static func < (lhs: ImportFormat, rhs: ImportFormat) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One system: the key it has in the manifest, and how documents spell its name.
public struct SystemSpec: Sendable, Hashable {
    public var id: String
    public var names: [String]
    public var datasets: [DatasetSpec]

    public init(id: String, names: [String] = [], datasets: [DatasetSpec]) {
        self.id = id
        self.names = names
        self.datasets = datasets
    }

    /// Whether a document's spelling names this system (ignoring case and spaces).
    public func isNamed(_ name: String) -> Bool {
        let wanted = name.nameKey
        return !wanted.isEmpty && (id.nameKey == wanted || names.contains { $0.nameKey == wanted })
    }
}

/// Names a dataset: a system key and an entity type as the documents spell it.
public struct DatasetKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var system: String
    public var entity: String

    public init(system: String, entity: String) {
        self.system = system
        self.entity = entity
    }

    /// `system.Entity`, the form `report.json` uses.
    public var description: String { "\(system).\(entity)" }

    public static func < (lhs: DatasetKey, rhs: DatasetKey) -> Bool {
        (lhs.system, lhs.entity) < (rhs.system, rhs.entity)
    }
}

/// The records of one entity type: where they are and how to read them.
public struct DatasetSpec: Sendable, Hashable {
    public var key: DatasetKey
    /// File globs relative to the workspace; `.gz` files are read transparently.
    public var files: [String]
    public var csv: CSVOptions
    /// Where the records array sits inside a JSON document (`organizations`, `d.results`).
    public var records: String?
    public var id: String
    /// Only records whose fields equal these values (`IsPerson: true`).
    public var filter: [FieldCondition]
    /// The change-stamp field, for latest-wins.
    public var modified: String?
    /// The field the target keeps for records the sync created (Zendesk `external_id`).
    public var correlation: String?
    /// Import file forms besides JSONL (`output: csv`).
    public var output: Set<ImportFormat> = [.jsonl]
    /// At most this many records per import file (`batch: 100`): the files are split into
    /// numbered batches an upload takes one call each. nil: one file per operation.
    public var batch: Int?
    /// Where the dataset is declared, for messages.
    public var location: SourceLocation?
    /// Where `id` is given (its manifest key), for messages.
    public var idLocation: SourceLocation?

    public init(
        key: DatasetKey, files: [String], csv: CSVOptions = CSVOptions(), records: String? = nil, id: String,
        filter: [FieldCondition] = [], modified: String? = nil, correlation: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.key = key
        self.files = files
        self.csv = csv
        self.records = records
        self.id = id
        self.filter = filter
        self.modified = modified
        self.correlation = correlation
        self.location = location
    }
}

/// `where: { IsPerson: true }`: the field's text equals the value, ignoring case.
public struct FieldCondition: Sendable, Hashable {
    public var path: String
    public var value: String
    /// Where the condition is given (its manifest key), for messages.
    public var location: SourceLocation?

    public init(path: String, value: String, location: SourceLocation? = nil) {
        self.path = path
        self.value = value
        self.location = location
    }

    /// Conditions are equal by what they select; where they were written does not count.
    public static func == (lhs: FieldCondition, rhs: FieldCondition) -> Bool {
        lhs.path == rhs.path && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(value)
    }
}

public struct CSVOptions: Sendable, Hashable {
    /// nil: sniffed from the header line.
    public var delimiter: UInt8?
    public var encoding: TextEncoding = .utf8
    /// Rows with more or fewer fields than the header: false, an error; true, each is skipped
    /// and reported as an `invalid` finding (file and line).
    public var lenient: Bool = false

    public init(delimiter: UInt8? = nil, encoding: TextEncoding = .utf8, lenient: Bool = false) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.lenient = lenient
    }
}

public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case iso88591 = "iso-8859-1"
}

/// One entry of `dataflows:`: a document with its bindings, or an inline flow.
public struct DataflowSpec: Sendable, Hashable {
    public var document: String?
    /// Binds a blank source system name in the document to this system key.
    public var source: String?
    /// Binds a blank target system name in the document to this system key.
    public var target: String?
    /// Source properties that hold ids of another dataset of the source system: translated via links.
    public var references: [String: String]
    /// For an inline flow: target property per source property.
    public var properties: [PropertyMapping]
    /// For an inline flow: merge combinations.
    public var merge: [MergeCombination]
    /// How merge values are compared: a default and per-property exceptions (`compare:`).
    public var compare: MergeComparison
    /// Data types by property name (source or target), over the document's Data Type column.
    public var types: [String: DataType] = [:]
    /// This flow's conflict policy, over `options.conflicts`.
    public var conflicts: ConflictPolicy?
    /// Which property of each connected dataset holds the id of the record a conditional
    /// creation creates from (`connections: { Customers: { Projects: CustomerId } }`).
    public var connections: [Connection] = []
    /// Which records of a source entity the flows from it synchronize (`where: { Deals:
    /// { probability: "100" } }`): the manifest's form of a condition a document states in prose.
    public var `where`: [String: [FieldCondition]] = [:]
    /// Where each entity's `where` is given, for messages.
    public var whereLocations: [String: SourceLocation] = [:]
    public var location: SourceLocation?

    /// One connected dataset of a conditional creation and the property of its records that
    /// names the record created from.
    public struct Connection: Sendable, Hashable {
        /// The entity records are created from: the flow's source dataset.
        public var from: String
        /// A dataset of the same system, and its property holding the id of a `from` record.
        public var dataset: String
        public var property: String
        /// The manifest key, for messages.
        public var location: SourceLocation?

        public init(from: String, dataset: String, property: String, location: SourceLocation? = nil) {
            self.from = from
            self.dataset = dataset
            self.property = property
            self.location = location
        }
    }

    public init(
        document: String? = nil, source: String? = nil, target: String? = nil, references: [String: String] = [:],
        properties: [PropertyMapping] = [], merge: [MergeCombination] = [], location: SourceLocation? = nil
    ) {
        self.document = document
        self.source = source
        self.target = target
        self.references = references
        self.properties = properties
        self.merge = merge
        self.compare = MergeComparison()
        self.location = location
    }
}

/// How the values of a merge combination are made comparable before they are matched.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
    /// The same text, character for character (Unicode-normalized).
    case exact
    /// Trimmed, Unicode-normalized (NFC) and case-folded: the default, and the vendor's rule.
    case caseInsensitive = "case-insensitive"
    /// An email address: trimmed and lowercased.
    case email
    /// Only the digits (phone numbers written `+47 912 34 567` or `91234567`).
    case digitsOnly = "digits-only"
}

/// The comparison of a flow's merge properties: `compare: digits-only`, or
/// `compare: { default: case-insensitive, PhoneNumber: digits-only }`.
public struct MergeComparison: Sendable, Hashable {
    public var `default`: Comparison
    /// Exceptions by property name (the source or the target property of a merge pair).
    public var byProperty: [String: Comparison]

    public init(default: Comparison = .caseInsensitive, byProperty: [String: Comparison] = [:]) {
        self.default = `default`
        self.byProperty = byProperty
    }

    /// The comparison for one merge pair: the source property's exception, then the target's.
    public func comparison(for pair: PropertyPair) -> Comparison {
        byProperty[pair.source] ?? byProperty[pair.target] ?? self.default
    }
}

extension String {
    /// A system name folded for comparison: lowercase, no spaces.
    var nameKey: String { lowercased().filter { !$0.isWhitespace } }
}
