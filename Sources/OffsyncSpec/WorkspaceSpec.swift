import OffsyncDiagnostics

/// What the spec stage hands on: the manifest, the documents as read, and every flow bound to
/// the datasets that feed it.
public struct WorkspaceSpec: Sendable {
    /// The workspace folder; manifest paths are relative to it.
    public var root: String
    public var manifestFile: String
    public var manifest: Manifest
    public var documents: [DataflowDocument]
    public var flows: [BoundFlow]
    /// Unparsed sentences and other spec warnings.
    public var findings: [Finding]
}

/// A flow whose source and target are datasets of the manifest.
public struct BoundFlow: Sendable, Hashable {
    public var flow: Flow
    public var source: DatasetKey
    public var target: DatasetKey
    /// Source property → the dataset (of the source system) whose ids it holds.
    public var references: [String: DatasetKey]
    /// The document the flow comes from; nil for an inline flow.
    public var document: String?
    /// How merge values are compared (the manifest's `compare:`).
    public var comparison: MergeComparison
    /// The manifest's `types:` by source or target property, over the documents' Data Type.
    public var types: [String: DataType]
    /// The manifest's per-flow `conflicts:`; nil follows `options.conflicts`.
    public var conflicts: ConflictPolicy?
    /// The document's conditional creation for this flow's target, bound to datasets; nil
    /// when the flow has none (or creates every unmatched record anyway).
    public var condition: CreationCondition?
    /// The manifest's `where:` for this flow's source entity: the source records it
    /// synchronizes (others are neither linked by merge rules nor created). Empty: all.
    public var `where`: [FieldCondition] = []

    public init(
        flow: Flow, source: DatasetKey, target: DatasetKey, references: [String: DatasetKey] = [:], document: String? = nil,
        comparison: MergeComparison = MergeComparison(), types: [String: DataType] = [:], conflicts: ConflictPolicy? = nil
    ) {
        self.flow = flow
        self.source = source
        self.target = target
        self.references = references
        self.document = document
        self.comparison = comparison
        self.types = types
        self.conflicts = conflicts
    }

    public var properties: [PropertyMapping] { flow.properties }

    /// How a mapped property's values compare and are written.
    public func dataType(of mapping: PropertyMapping) -> DataType {
        types[mapping.source] ?? types[mapping.target] ?? DataType(declared: mapping.dataType)
    }

    /// `source -> target`, the flow's name in reports.
    public var name: String { "\(source) -> \(target)" }

    /// Whether this flow's conditional creation waits on `other`: `other` synchronizes records of
    /// a dataset the condition connects to, into this flow's target system.
    public func waits(on other: BoundFlow) -> Bool {
        guard let condition, other.target.system == target.system else { return false }
        return condition.connections.contains { $0.dataset == other.source }
    }

    /// Whether a source record no rule links gets a new target record: the section says every
    /// record syncs, or "If no matching <target> is found, a new one will be created".
    public var createsWhenUnmatched: Bool {
        flow.syncsEveryRecord || flow.createsWhenUnmatched.contains { $0.hasSuffix(target.entity) }
    }
}

/// A conditional creation, bound: a source record that no link or merge rule matches becomes a
/// create only when a record of a connected dataset names it and is itself synchronized into
/// the flow's target system in the same plan (linked there, or created there by this run).
public struct CreationCondition: Sendable, Hashable {
    /// As the document states it.
    public var statement: ConditionalCreation
    /// The connected datasets the manifest binds (`connections:`).
    public var connections: [Connection]
    /// The connected entities the document lists that no `connections:` entry binds: their
    /// records are not looked at.
    public var unbound: [String]

    public struct Connection: Sendable, Hashable {
        /// A dataset of the source system.
        public var dataset: DatasetKey
        /// The property of its records that holds the id of the source record.
        public var property: String

        public init(dataset: DatasetKey, property: String) {
            self.dataset = dataset
            self.property = property
        }
    }

    public init(statement: ConditionalCreation, connections: [Connection], unbound: [String] = []) {
        self.statement = statement
        self.connections = connections
        self.unbound = unbound
    }
}

extension WorkspaceSpec {
    /// Binds each document's flows to datasets: system names through `names` (ignoring case and
    /// spaces), blank names through the dataflow's `source`/`target`, entities by name.
    public init(
        root: String, manifestFile: String, manifest: Manifest, documents: [String: DataflowDocument]
    ) throws(OffsyncError) {
        self.root = root
        self.manifestFile = manifestFile
        self.manifest = manifest
        self.documents = []
        self.flows = []
        self.findings = []
        for (index, entry) in manifest.dataflows.enumerated() {
            let key = "dataflows[\(index)]"
            if entry.document == nil, let connection = entry.connections.first {
                throw OffsyncError.badInput(
                    "'connections' binds the conditional creations of a document; an inline flow has none", at: connection.location)
            }
            if let path = entry.document {
                guard let document = documents[path] else {
                    throw OffsyncError.badInput("document '\(path)' was not read", at: entry.location)
                }
                self.documents.append(document)
                findings += document.unparsed
                var documentFlows: [BoundFlow] = []
                for flow in document.flows {
                    let source = try bind(flow.source, binding: entry.source, side: "source", flow: flow, entry: entry, key: key)
                    let target = try bind(flow.target, binding: entry.target, side: "target", flow: flow, entry: entry, key: key)
                    var bound = BoundFlow(
                        flow: flow, source: source, target: target,
                        references: try references(entry, system: source.system, key: key), document: path,
                        comparison: entry.compare, types: entry.types, conflicts: entry.conflicts)
                    bound.condition = condition(of: bound, entry: entry)
                    bound.where = entry.where[flow.source.entity] ?? []
                    findings += Self.conditionFindings(bound, key: key)
                    documentFlows.append(bound)
                }
                try checkConnections(entry, flows: documentFlows, key: key)
                try checkWhere(entry, sources: Set(documentFlows.map(\.source.entity)))
                findings += Self.overriddenConditions(documentFlows)
                flows += documentFlows
                try checkTypes(entry, properties: document.flows.flatMap(\.properties), key: key)
            } else {
                var flow = try inlineFlow(entry, key: key)
                flow.where = entry.where[flow.source.entity] ?? []
                try checkWhere(entry, sources: [flow.source.entity])
                flows.append(flow)
                try checkTypes(entry, properties: entry.properties, key: key)
            }
        }
        try checkConditionCycles()
    }

    private func bind(
        _ name: EntityName, binding: String?, side: String, flow: Flow, entry: DataflowSpec, key: String
    ) throws(OffsyncError) -> DatasetKey {
        let system: SystemSpec
        if name.system.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let binding else {
                throw OffsyncError.badInput(
                    "the document leaves the \(side) system of '\(flow.source) to \(flow.target)' blank: bind it with '\(side): <system>' in \(key)",
                    at: flow.location)
            }
            guard let bound = manifest.systems.first(where: { $0.id == binding }) else {
                throw OffsyncError.badInput("no system '\(binding)' in 'systems'", at: entry.location.map { keyed($0, "\(key).\(side)") })
            }
            system = bound
        } else if let named = manifest.systems.first(where: { $0.isNamed(name.system) }) {
            system = named
        } else {
            let known = manifest.systems.map(\.id).joined(separator: ", ")
            throw OffsyncError.badInput(
                "no system of the manifest is named '\(name.system)' (systems: \(known); add the spelling to its 'names')",
                at: flow.location)
        }
        let datasetKey = DatasetKey(system: system.id, entity: name.entity)
        guard system.datasets.contains(where: { $0.key.entity == name.entity }) else {
            let known = system.datasets.map(\.key.entity).joined(separator: ", ")
            throw OffsyncError.badInput(
                "the document names entity type '\(name.entity)' of \(system.id), which no dataset provides (datasets: \(known))",
                at: flow.location)
        }
        return datasetKey
    }

    private func references(_ entry: DataflowSpec, system: String, key: String) throws(OffsyncError) -> [String: DatasetKey] {
        var result: [String: DatasetKey] = [:]
        for (property, entity) in entry.references {
            let datasetKey = DatasetKey(system: system, entity: entity)
            guard manifest.dataset(datasetKey) != nil else {
                throw OffsyncError.badInput(
                    "reference '\(property)' names '\(entity)', which is not a dataset of \(system)",
                    at: entry.location.map { keyed($0, "\(key).references.\(property)") })
            }
            result[property] = datasetKey
        }
        return result
    }

    private func inlineFlow(_ entry: DataflowSpec, key: String) throws(OffsyncError) -> BoundFlow {
        func dataset(_ text: String?, _ side: String) throws(OffsyncError) -> DatasetKey {
            let where_ = entry.location.map { keyed($0, "\(key).\(side)") }
            guard let text, let dot = text.firstIndex(of: ".") else {
                throw OffsyncError.badInput("an inline flow's \(side) is 'system.Entity'", at: where_)
            }
            let datasetKey = DatasetKey(system: String(text[..<dot]), entity: String(text[text.index(after: dot)...]))
            guard manifest.dataset(datasetKey) != nil else {
                throw OffsyncError.badInput("'\(text)' is not a dataset of the manifest", at: where_)
            }
            return datasetKey
        }
        let source = try dataset(entry.source, "source")
        let target = try dataset(entry.target, "target")
        let flow = Flow(
            source: EntityName(system: source.system, entity: source.entity),
            target: EntityName(system: target.system, entity: target.entity),
            linking: entry.merge.isEmpty ? .every : .merge(entry.merge),
            properties: entry.properties,
            location: entry.location ?? SourceLocation(file: manifestFile, key: key))
        return BoundFlow(
            flow: flow, source: source, target: target,
            references: try references(entry, system: source.system, key: key), document: nil, comparison: entry.compare,
            types: entry.types, conflicts: entry.conflicts)
    }

    /// A `types:` entry must name a mapped property, or it would silently do nothing.
    private func checkTypes(_ entry: DataflowSpec, properties: [PropertyMapping], key: String) throws(OffsyncError) {
        let names = Set(properties.flatMap { [$0.source, $0.target] })
        for property in entry.types.keys.sorted() where !names.contains(property) {
            throw OffsyncError.badInput(
                "types names '\(property)', which no flow of this dataflow maps",
                at: entry.location.map { keyed($0, "\(key).types.\(property)") })
        }
    }

    private func keyed(_ location: SourceLocation, _ key: String) -> SourceLocation {
        var location = location
        location.key = key
        return location
    }
}

extension WorkspaceSpec {
    /// The target datasets in the order their creates are uploaded: a dataset whose records
    /// reference another's (Zendesk Users' `organization_id` naming Organizations, through
    /// `references: { partyId: Customers }`) comes after it, so the referenced records exist
    /// first. Datasets that reference each other in a cycle keep their name order.
    public var uploadOrder: [DatasetKey] {
        let targets = Set(flows.map(\.target)).sorted()
        var before: [DatasetKey: Set<DatasetKey>] = [:]
        for flow in flows {
            // A dataflow's references hold for all its flows; only a mapped one writes an id.
            let mapped = Set(flow.properties.map(\.source))
            for referenced in Set(flow.references.filter { mapped.contains($0.key) }.values) {
                for other in flows where other.source == referenced && other.target.system == flow.target.system && other.target != flow.target {
                    before[flow.target, default: []].insert(other.target)
                }
            }
        }
        var order: [DatasetKey] = []
        var placed = Set<DatasetKey>()
        while order.count < targets.count {
            let ready = targets.first { !placed.contains($0) && (before[$0] ?? []).isSubset(of: placed) }
                ?? targets.first { !placed.contains($0) }!
            order.append(ready)
            placed.insert(ready)
        }
        return order
    }
}
