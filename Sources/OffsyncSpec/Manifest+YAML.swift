import OffsyncDiagnostics
import Yams

extension Manifest {
    /// Reads `offsync.yaml`. Unknown keys and wrong types are errors naming the key, file and line.
    public init(yaml text: String, file: String) throws(OffsyncError) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw OffsyncError.badInput("the manifest is empty", at: SourceLocation(file: file))
            }
            root = node
        } catch let error as OffsyncError {
            throw error
        } catch let error as YamlError {
            throw OffsyncError.badInput("not valid YAML: \(error.problem)", at: error.location(file: file))
        } catch {
            throw OffsyncError.badInput("not valid YAML: \(error)", at: SourceLocation(file: file))
        }
        let reader = YAMLReader(file: file)
        self = try reader.manifest(root)
    }
}

extension YamlError {
    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(self)"
        }
    }

    func location(file: String) -> SourceLocation {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            SourceLocation(file: file, line: mark.line, column: mark.column)
        default: SourceLocation(file: file)
        }
    }
}

/// Walks the composed YAML tree, keeping the key path for every message.
private struct YAMLReader {
    let file: String

    func location(_ node: Node, _ key: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column, key: key)
    }

    func fail(_ message: String, _ node: Node, _ key: String) -> OffsyncError {
        OffsyncError.badInput(message, at: location(node, key))
    }

    /// The mapping's entries in order, refusing keys not in `allowed`.
    func entries(_ node: Node, _ key: String, allowed: Set<String>? = nil) throws(OffsyncError) -> [(String, Node, String)] {
        guard let mapping = node.mapping else { throw fail("expected a mapping, found \(kind(node))", node, key) }
        var result: [(String, Node, String)] = []
        for (k, v) in mapping {
            guard let name = k.string else { throw fail("a key must be text", k, key) }
            let path = key.isEmpty ? name : "\(key).\(name)"
            if let allowed, !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                throw fail("unknown key '\(name)' (known keys: \(known))", k, path)
            }
            result.append((name, v, path))
        }
        return result
    }

    func string(_ node: Node, _ key: String) throws(OffsyncError) -> String {
        guard let scalar = node.scalar else { throw fail("expected a text value, found \(kind(node))", node, key) }
        return scalar.string
    }

    /// What a node is, for messages.
    func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "a text value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func strings(_ node: Node, _ key: String) throws(OffsyncError) -> [String] {
        if let sequence = node.sequence {
            var result: [String] = []
            for (i, item) in sequence.enumerated() { result.append(try string(item, "\(key)[\(i)]")) }
            return result
        }
        return [try string(node, key)]
    }

    func manifest(_ root: Node) throws(OffsyncError) -> Manifest {
        var manifest = Manifest(systems: [], dataflows: [])
        var sawSystems = false
        for (name, value, key) in try entries(root, "", allowed: ["version", "systems", "dataflows", "options"]) {
            switch name {
            case "version":
                guard let version = Int(try string(value, key)), version == 1 else {
                    throw fail("unsupported manifest version (this offsync reads version 1)", value, key)
                }
                manifest.version = version
            case "systems":
                sawSystems = true
                for (id, body, systemKey) in try entries(value, key) {
                    manifest.systems.append(try system(id: id, body, systemKey))
                }
            case "dataflows":
                guard let sequence = value.sequence else { throw fail("expected a list of dataflows", value, key) }
                for (i, item) in sequence.enumerated() {
                    manifest.dataflows.append(try dataflow(item, "\(key)[\(i)]"))
                }
            default:
                manifest.options = try options(value, key)
            }
        }
        if !sawSystems { throw OffsyncError.badInput("the manifest has no 'systems'", at: location(root, "systems")) }
        return manifest
    }

    func system(id: String, _ node: Node, _ key: String) throws(OffsyncError) -> SystemSpec {
        var system = SystemSpec(id: id, datasets: [])
        for (name, value, path) in try entries(node, key, allowed: ["names", "datasets"]) {
            if name == "names" {
                system.names = try strings(value, path)
            } else {
                for (entity, body, datasetKey) in try entries(value, path) {
                    system.datasets.append(try dataset(DatasetKey(system: id, entity: entity), body, datasetKey))
                }
            }
        }
        return system
    }

    func dataset(_ datasetKey: DatasetKey, _ node: Node, _ key: String) throws(OffsyncError) -> DatasetSpec {
        var files: [String] = []
        var id: String?
        var dataset = DatasetSpec(key: datasetKey, files: [], id: "", location: location(node, key))
        let allowed: Set<String> = ["files", "csv", "records", "id", "where", "modified", "correlation", "output", "batch"]
        for (name, value, path) in try entries(node, key, allowed: allowed) {
            switch name {
            case "files": files = try strings(value, path)
            case "csv": dataset.csv = try csvOptions(value, path)
            case "records": dataset.records = try string(value, path)
            case "id":
                id = try string(value, path)
                dataset.idLocation = location(value, path)
            case "modified": dataset.modified = try string(value, path)
            case "correlation": dataset.correlation = try string(value, path)
            case "batch":
                guard let size = Int(try string(value, path)), size > 0 else {
                    throw fail("a batch is a whole number of records above 0 (the most one upload call takes)", value, path)
                }
                dataset.batch = size
            case "output":
                for (i, text) in try strings(value, path).enumerated() {
                    guard let format = ImportFormat(rawValue: text.lowercased()) else {
                        let at = value.sequence.map { $0[i] } ?? value
                        throw fail("unknown output '\(text)' (known: jsonl, csv; JSONL is always written)", at, path)
                    }
                    dataset.output.insert(format)
                }
            default:
                dataset.filter = try conditions(value, path)
            }
        }
        guard !files.isEmpty else { throw fail("a dataset needs 'files' (a glob or a list of globs)", node, key + ".files") }
        guard let id, !id.isEmpty else { throw fail("a dataset needs 'id' (the field holding each record's id)", node, key + ".id") }
        dataset.files = files
        dataset.id = id
        return dataset
    }

    /// `{ field: value, ... }`: each field's text equals the value, ignoring case.
    func conditions(_ node: Node, _ key: String) throws(OffsyncError) -> [FieldCondition] {
        var result: [FieldCondition] = []
        for (field, condition, conditionKey) in try entries(node, key) {
            result.append(FieldCondition(path: field, value: try string(condition, conditionKey), location: location(condition, conditionKey)))
        }
        return result
    }

    func csvOptions(_ node: Node, _ key: String) throws(OffsyncError) -> CSVOptions {
        var options = CSVOptions()
        for (name, value, path) in try entries(node, key, allowed: ["delimiter", "encoding", "lenient"]) {
            let text = try string(value, path)
            if name == "lenient" {
                switch text.lowercased() {
                case "true", "yes": options.lenient = true
                case "false", "no": options.lenient = false
                default: throw fail("expected true or false", value, path)
                }
            } else if name == "delimiter" {
                let delimiter: String = text == "\\t" || text == "tab" ? "\t" : text
                // A quote, line break or NUL cannot separate fields: the file would be read wrongly throughout.
                guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first, ![0x00, 0x0A, 0x0D, 0x22].contains(byte) else {
                    throw fail("a delimiter is one character other than a quote or line break (\",\", \";\", \"tab\")", value, path)
                }
                options.delimiter = byte
            } else {
                let folded = text.lowercased().replacingOccurrences(of: "_", with: "-")
                let aliases: [String: TextEncoding] = ["utf8": .utf8, "cp1252": .windows1252, "latin1": .iso88591, "latin-1": .iso88591]
                guard let encoding = TextEncoding(rawValue: folded) ?? aliases[folded] else {
                    let known = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("unknown encoding '\(text)' (known: \(known))", value, path)
                }
                options.encoding = encoding
            }
        }
        return options
    }

    func dataflow(_ node: Node, _ key: String) throws(OffsyncError) -> DataflowSpec {
        var flow = DataflowSpec(location: location(node, key))
        let allowed: Set<String> = [
            "document", "source", "target", "references", "properties", "merge", "compare", "types", "conflicts", "connections", "where",
        ]
        for (name, value, path) in try entries(node, key, allowed: allowed) {
            switch name {
            case "document": flow.document = try string(value, path)
            case "source": flow.source = try string(value, path)
            case "target": flow.target = try string(value, path)
            case "references":
                for (property, dataset, referenceKey) in try entries(value, path) {
                    flow.references[property] = try string(dataset, referenceKey)
                }
            case "compare":
                flow.compare = try compare(value, path)
            case "types":
                for (property, type, typeKey) in try entries(value, path) {
                    let text = try string(type, typeKey)
                    guard let dataType = DataType(spelling: text) else {
                        throw fail("unknown data type '\(text)' (known: \(DataType.allCases.map(\.rawValue).joined(separator: ", ")))", type, typeKey)
                    }
                    flow.types[property] = dataType
                }
            case "conflicts":
                flow.conflicts = try conflictPolicy(value, path)
            case "where":
                for (from, conditions, fromKey) in try entries(value, path) {
                    flow.where[from] = try self.conditions(conditions, fromKey)
                    flow.whereLocations[from] = location(conditions, fromKey)
                }
            case "connections":
                for (from, datasets, fromKey) in try entries(value, path) {
                    for (dataset, property, datasetKey) in try entries(datasets, fromKey) {
                        flow.connections.append(DataflowSpec.Connection(
                            from: from, dataset: dataset, property: try string(property, datasetKey), location: location(property, datasetKey)))
                    }
                }
            case "properties":
                for (source, target, propertyKey) in try entries(value, path) {
                    flow.properties.append(PropertyMapping(
                        source: source, target: try string(target, propertyKey), location: location(target, propertyKey)))
                }
            default:
                guard let sequence = value.sequence else { throw fail("expected a list of combinations", value, path) }
                for (i, combination) in sequence.enumerated() {
                    var pairs: [PropertyPair] = []
                    for (source, target, pairKey) in try entries(combination, "\(path)[\(i)]") {
                        pairs.append(PropertyPair(source: source, target: try string(target, pairKey)))
                    }
                    flow.merge.append(MergeCombination(pairs: pairs, location: location(combination, "\(path)[\(i)]")))
                }
            }
        }
        if flow.document == nil && (flow.source == nil || flow.target == nil) {
            throw fail("a dataflow names a 'document', or is inline with 'source' and 'target' (system.Entity)", node, key)
        }
        return flow
    }

    /// `compare: exact`, or a mapping of `default` and property names to comparisons.
    func compare(_ node: Node, _ key: String) throws(OffsyncError) -> MergeComparison {
        func comparison(_ value: Node, _ path: String) throws(OffsyncError) -> Comparison {
            let text = try string(value, path)
            guard let comparison = Comparison(rawValue: text) else {
                throw fail("unknown comparison '\(text)' (known: \(Comparison.allCases.map(\.rawValue).joined(separator: ", ")))", value, path)
            }
            return comparison
        }
        if node.scalar != nil { return MergeComparison(default: try comparison(node, key)) }
        var result = MergeComparison()
        for (name, value, path) in try entries(node, key) {
            if name == "default" { result.default = try comparison(value, path) } else { result.byProperty[name] = try comparison(value, path) }
        }
        return result
    }

    func options(_ node: Node, _ key: String) throws(OffsyncError) -> Manifest.Options {
        var options = Manifest.Options()
        let allowed: Set<String> = ["conflicts", "circuit-breaker", "deletes", "compression-level"]
        for (name, value, path) in try entries(node, key, allowed: allowed) {
            let text = try string(value, path)
            switch name {
            case "conflicts":
                options.conflicts = try conflictPolicy(value, path)
            case "compression-level":
                guard let level = Int(text), (0...9).contains(level) else {
                    throw fail("the compression level is a whole number from 0 (none) to 9 (smallest)", value, path)
                }
                options.compressionLevel = level
            case "circuit-breaker":
                guard let share = Double(text), share >= 0, share <= 1 else {
                    throw fail("the circuit breaker is a share between 0 and 1 (0.10 = 10%)", value, path)
                }
                options.circuitBreaker = share
            default:
                guard let policy = DeletePolicy(rawValue: text) else {
                    throw fail("unknown deletes policy '\(text)' (known: report, emit)", value, path)
                }
                options.deletes = policy
            }
        }
        return options
    }

    func conflictPolicy(_ node: Node, _ key: String) throws(OffsyncError) -> ConflictPolicy {
        let text = try string(node, key)
        guard let policy = ConflictPolicy(rawValue: text) else {
            throw fail("unknown conflict policy '\(text)' (known: \(ConflictPolicy.allCases.map(\.rawValue).joined(separator: ", ")))", node, key)
        }
        return policy
    }
}
