import OffsyncDiagnostics

/// One section of a dataflow document: source entity type → target entity type, how records
/// are linked, and which properties are synchronized.
public struct Flow: Sendable, Hashable {
    public var source: EntityName
    public var target: EntityName
    /// How a source record finds or gets its target record.
    public var linking: Linking
    /// "A new X will be created from a Y if it is connected to a Z ... that is synchronized into W."
    public var conditionalCreations: [ConditionalCreation]
    /// "If no matching X is found, a new X will be created."
    public var createsWhenUnmatched: [String]
    /// The section says every source record is synchronized ("Every X will be synchronized with
    /// a Y", or its conditional form): records no merge rule links become creates.
    public var syncsEveryRecord: Bool
    /// "When a HubSpot Deal has a 100% probability of beeing sold, it will be synchronized with a
    /// ...": the clause before ", it will be synchronized" of an every-flow that only syncs some
    /// records, as written (including its "When").
    public var syncCondition: String?
    /// The place of the sentence stating `syncCondition`.
    public var syncConditionLocation: SourceLocation?
    /// "If a matching X already exists, the Y will be merged with the existing one.": X.
    public var mergesWithExisting: [String]
    public var properties: [PropertyMapping]
    /// The section heading's place in its document.
    public var location: SourceLocation

    public init(
        source: EntityName, target: EntityName, linking: Linking,
        conditionalCreations: [ConditionalCreation] = [], createsWhenUnmatched: [String] = [],
        properties: [PropertyMapping], location: SourceLocation
    ) {
        self.source = source
        self.target = target
        self.linking = linking
        self.conditionalCreations = conditionalCreations
        self.createsWhenUnmatched = createsWhenUnmatched
        self.syncsEveryRecord = linking == .every
        self.syncCondition = nil
        self.mergesWithExisting = []
        self.properties = properties
        self.location = location
    }

    public enum Linking: Sendable, Hashable {
        /// "X will merge with Y if one of the following property combinations match".
        case merge([MergeCombination])
        /// "Every X will be synchronized with a Y": each source record gets its own target record.
        case every
        /// Neither sentence: a link must exist before anything syncs, and nothing makes one.
        case linkOnly
    }

    /// The merge combinations, empty for an every-flow.
    public var mergeCombinations: [MergeCombination] {
        if case .merge(let combinations) = linking { return combinations }
        return []
    }
}

/// A system name as the document spells it (possibly blank) and an entity type name.
public struct EntityName: Sendable, Hashable, CustomStringConvertible {
    public var system: String
    public var entity: String

    public init(system: String, entity: String) {
        self.system = system
        self.entity = entity
    }

    public var description: String { system.isEmpty ? entity : "\(system) \(entity)" }
}

/// One row of a merge table: a link is made when all its property pairs are equal.
public struct MergeCombination: Sendable, Hashable {
    public var pairs: [PropertyPair]
    public var location: SourceLocation?

    public init(pairs: [PropertyPair], location: SourceLocation? = nil) {
        self.pairs = pairs
        self.location = location
    }
}

public struct PropertyPair: Sendable, Hashable {
    public var source: String
    public var target: String

    public init(source: String, target: String) {
        self.source = source
        self.target = target
    }
}

/// One row of a property table: a source path, a target path, and the data type as written
/// (`"string"`, `N/A`, ...), or nil when the table has no data-type column.
public struct PropertyMapping: Sendable, Hashable {
    public var source: String
    public var target: String
    public var dataType: String?
    public var location: SourceLocation?

    public init(source: String, target: String, dataType: String? = nil, location: SourceLocation? = nil) {
        self.source = source
        self.target = target
        self.dataType = dataType
        self.location = location
    }
}

public struct ConditionalCreation: Sendable, Hashable {
    /// The entity created ("PowerOffice GO Contactperson").
    public var created: String
    /// The entity it is created from ("HubSpot Contact").
    public var from: String
    /// The entities it must be connected to ("HubSpot Deal", "Quote", ...), as listed.
    public var connectedTo: [String]
    /// The system they are synchronized into.
    public var into: String
    /// The sentence's place in its document.
    public var location: SourceLocation?

    /// The connected entities as a sentence lists them: "A, B or C".
    public var connectedList: String { WorkspaceSpec.list(connectedTo) }

    public init(created: String, from: String, connectedTo: [String], into: String, location: SourceLocation? = nil) {
        self.created = created
        self.from = from
        self.connectedTo = connectedTo
        self.into = into
        self.location = location
    }
}
