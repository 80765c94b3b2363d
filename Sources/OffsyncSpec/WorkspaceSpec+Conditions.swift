import OffsyncDiagnostics

/// Conditional creations ("A new Y will be created from an X if it is connected to a Z that is
/// synchronized into S") bound to the datasets and properties the manifest's `connections:`
/// names, and the sync conditions written as prose that nothing binds.
extension WorkspaceSpec {
    /// The flow's conditional creation for its target entity, with the connections the entry
    /// binds; nil when there is none, or when the flow creates every unmatched record anyway.
    func condition(of flow: BoundFlow, entry: DataflowSpec) -> CreationCondition? {
        guard !flow.createsWhenUnmatched,
            let statement = flow.flow.conditionalCreations.first(where: { $0.created.hasSuffix(flow.target.entity) }),
            let system = manifest.systems.first(where: { $0.id == flow.source.system })
        else { return nil }
        var connections: [CreationCondition.Connection] = []
        var bound = Set<Int>()
        for connection in entry.connections where connection.from == flow.source.entity {
            let listed = statement.connectedTo.indices.filter { Self.lists(statement.connectedTo[$0], connection.dataset, in: system) }
            guard !listed.isEmpty else { continue }
            bound.formUnion(listed)
            connections.append(.init(dataset: DatasetKey(system: system.id, entity: connection.dataset), property: connection.property))
        }
        let unbound = statement.connectedTo.indices.filter { !bound.contains($0) }.map { statement.connectedTo[$0] }
        return CreationCondition(statement: statement, connections: connections, unbound: unbound)
    }

    /// Whether a document's name of a connected entity ("PowerOffice GO Powerofficego-projects",
    /// "Customer-person", "Quote") is the dataset `entity` of `system`: without the system's
    /// name in front, case, spaces and dashes aside, a plural `s` aside.
    public static func lists(_ name: String, _ entity: String, in system: SystemSpec) -> Bool {
        let prefixes = ([system.id] + system.names).map { $0.lowercased().replacingOccurrences(of: " ", with: "-") + "-" }
        func key(_ text: String) -> String {
            var text = text.lowercased().replacingOccurrences(of: " ", with: "-")
            // "PowerOffice GO Powerofficego-projects": the system's name, then its id.
            while let prefix = prefixes.first(where: { text.hasPrefix($0) && text.count > $0.count }) { text.removeFirst(prefix.count) }
            return text.hasSuffix("s") ? String(text.dropLast()) : text
        }
        let wanted = key(entity)
        return !wanted.isEmpty && key(name) == wanted
    }

    /// Refuses a `connections:` entry that binds nothing: an entity no conditional creation
    /// of the document creates from, a dataset the system lacks, or one the sentence does not list.
    func checkConnections(_ entry: DataflowSpec, flows: [BoundFlow], key: String) throws(OffsyncError) {
        for connection in entry.connections {
            let conditional = flows.filter { $0.source.entity == connection.from && $0.condition != nil }
            guard let first = conditional.first else {
                let known = Set(flows.filter { $0.condition != nil }.map(\.source.entity)).sorted()
                throw OffsyncError.badInput(
                    "no conditional creation of the document creates from '\(connection.from)'"
                        + (known.isEmpty ? " (it states none)" : " (it creates from: \(known.joined(separator: ", ")))"),
                    at: connection.location)
            }
            let system = manifest.systems.first { $0.id == first.source.system }!
            guard system.datasets.contains(where: { $0.key.entity == connection.dataset }) else {
                throw OffsyncError.badInput(
                    "'\(connection.dataset)' is not a dataset of \(system.id) (datasets: \(system.datasets.map(\.key.entity).joined(separator: ", ")))",
                    at: connection.location)
            }
            guard conditional.contains(where: { $0.condition!.connections.contains { $0.dataset.entity == connection.dataset } }) else {
                let listed = conditional.flatMap { $0.condition!.statement.connectedTo }
                throw OffsyncError.badInput(
                    "'\(connection.dataset)' is not among the entities the conditional creation from '\(connection.from)' lists: \(listed.joined(separator: ", "))",
                    at: connection.location)
            }
        }
    }

    /// Refuses a flow `where:` for an entity no flow of the entry synchronizes from.
    func checkWhere(_ entry: DataflowSpec, sources: Set<String>) throws(OffsyncError) {
        for entity in entry.where.keys.sorted() where !sources.contains(entity) {
            throw OffsyncError.badInput(
                "'where' names '\(entity)', which no flow of this dataflow synchronizes from (\(sources.sorted().joined(separator: ", ")))",
                at: entry.whereLocations[entity])
        }
    }

    /// What `check` and the report say of a flow's conditions: connected entities that no
    /// `connections:` entry binds, and a sync condition in prose, which cannot act by itself.
    static func conditionFindings(_ flow: BoundFlow, key: String) -> [Finding] {
        var findings: [Finding] = []
        let name = "\(flow.flow.source) to \(flow.flow.target)"
        if let condition = flow.condition, !condition.unbound.isEmpty {
            let statement = condition.statement
            let consequence = condition.connections.isEmpty
                ? "until one is bound, no \(flow.source.entity) record is created by this flow"
                : "records connected only through them are not created"
            findings.append(Finding(
                .warning, .unboundConnection,
                "'\(name)' creates a \(flow.target.entity) only from a record connected to a \(statement.connectedList) synchronized into \(statement.into); no `connections:` entry says which property of \(Self.list(condition.unbound)) names the \(flow.source.entity) record: \(consequence) (bind each with `connections: { \(flow.source.entity): { <dataset>: <property> } }` in \(key))",
                system: flow.source.system, entity: flow.source.entity, location: statement.location ?? flow.flow.location))
        }
        if let condition = flow.flow.syncCondition, flow.where.isEmpty {
            findings.append(Finding(
                .info, .conditionNotApplied,
                "'\(name)': \"\(condition)\" is stated but not applied: every \(flow.source.entity) record is synchronized; apply it with `where: { \(flow.source.entity): { <field>: <value> } }` on the dataflow (\(key))",
                system: flow.source.system, entity: flow.source.entity, location: flow.flow.syncConditionLocation ?? flow.flow.location))
        }
        return findings
    }

    /// A conditional creation beside another section of the document that creates every
    /// record of the same datasets: the condition holds back nothing.
    static func overriddenConditions(_ flows: [BoundFlow]) -> [Finding] {
        flows.compactMap { flow in
            guard let condition = flow.condition,
                let every = flows.first(where: { $0.source == flow.source && $0.target == flow.target && $0.createsWhenUnmatched })
            else { return nil }
            let line = every.flow.location.line.map { " at line \($0)" } ?? ""
            return Finding(
                .warning, .conditionNotApplied,
                "'\(flow.flow.source) to \(flow.flow.target)': the section\(line) creates every \(flow.source.entity) record in \(flow.target), so this conditional creation holds none back: its not_connected records are created by that section",
                system: flow.source.system, entity: flow.source.entity, location: condition.statement.location ?? flow.flow.location)
        }
    }

    /// "A, B or C".
    static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// Refuses conditional creations that wait on each other: a flow waits on the flows that
    /// synchronize its connected records into the same system, and a cycle of such waits has no
    /// first flow to decide.
    func checkConditionCycles() throws(OffsyncError) {
        // Only a conditional flow can close a cycle.
        func waitsOn(_ index: Int) -> [Int] {
            flows.indices.filter { flows[$0].condition != nil && flows[index].waits(on: flows[$0]) }
        }
        var state = [Int](repeating: 0, count: flows.count)  // 0 unseen, 1 on the path, 2 done
        var path: [Int] = []
        func visit(_ index: Int) throws(OffsyncError) {
            state[index] = 1
            path.append(index)
            for next in waitsOn(index) {
                if state[next] == 1 {
                    let cycle = path[path.firstIndex(of: next)!...] + [next]
                    throw OffsyncError.badInput(
                        "conditional creations wait on each other in a cycle, so none can be decided: "
                            + cycle.map { "\(flows[$0].source) -> \(flows[$0].target)" }.joined(separator: " waits on "),
                        at: flows[next].condition?.statement.location ?? flows[next].flow.location)
                }
                if state[next] == 0 { try visit(next) }
            }
            path.removeLast()
            state[index] = 2
        }
        for index in flows.indices where state[index] == 0 && flows[index].condition != nil { try visit(index) }
    }
}
