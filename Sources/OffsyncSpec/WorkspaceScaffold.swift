/// A first manifest for dataflow documents (`offsync init`): every system and entity type the
/// documents name, as datasets with files under `dumps/<system>/`, filled in with what the
/// project knows of each system's exports (id, change stamp, correlation field, where the
/// records sit), and marked TODO where it knows nothing: `check` then points at those.
public struct WorkspaceScaffold: Sendable {
    /// The documents, by their path relative to the workspace.
    public var documents: [(path: String, document: DataflowDocument)]

    public init(documents: [(path: String, document: DataflowDocument)]) {
        self.documents = documents
    }

    /// What the project knows of a system's exports, by system key.
    struct ExportShape {
        var id: String
        var modified: String?
        var correlation: String?
        /// Where the records sit in a JSON export, by entity type (Zendesk's list endpoints).
        var records: [String: String] = [:]
        /// Entity types whose export differs from the rest of the system's (v1 beside v2).
        var byEntity: [String: ExportShape] = [:]
    }

    /// Exact Online's OData exports, under either spelling of its name.
    static let exactOnline = ExportShape(id: "ID", modified: "Modified", records: ["*": "d.results"])

    static let shapes: [String: ExportShape] = [
        "powerofficego": ExportShape(
            id: "Id", modified: "LastChangedDateTimeOffset",
            byEntity: ["Contactperson": ExportShape(id: "id", modified: "lastChanged", correlation: "externalCode")]),
        "zendesk": ExportShape(
            id: "id", modified: "updated_at", correlation: "external_id",
            records: ["Users": "users", "Organizations": "organizations", "Tickets": "tickets"]),
        "youtrack": ExportShape(id: "id"),
        "exact": exactOnline, "exactonline": exactOnline,
        "crmoffice": ExportShape(id: "id", modified: "updatedAt", correlation: "externalId"),
    ]

    /// A system key from a name as written: `PowerOffice GO` → `powerofficego`.
    static func key(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// A file name from an entity type: `Customers (human data)` → `customers-human-data`.
    static func slug(_ entity: String) -> String {
        var out = ""
        for character in entity.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "records" : out
    }

    /// The placeholder key of a system a document leaves blank and nothing names.
    public static let blankSystem = "TODO-system"

    /// The system a document's blank side means: the one system its other sections name on
    /// that side; else the file name's (`powerofficego-zendesk.rst`: source, then target);
    /// else a placeholder for the user to name (numbered when several documents need one).
    func blankSide(of index: Int, target: Bool) -> (key: String, name: String?) {
        let (path, document) = documents[index]
        let titled = (target ? document.targetSystem : document.sourceSystem).trimmingCharacters(in: .whitespaces)
        if !titled.isEmpty { return (Self.key(titled), titled) }
        let named = Set(document.flows.map { target ? $0.target.system : $0.source.system }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        if named.count == 1, let name = named.first { return (Self.key(name), name) }
        let file = path.split(separator: "/").last ?? ""
        let stem = (file.split(separator: ".").first ?? "").split(separator: "-")
        let other = Self.key(target ? document.sourceSystem : document.targetSystem)
        if stem.count == 2, stem.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber } }) {
            let guess = Self.key(String(target ? stem[1] : stem[0]))
            if guess != other { return (guess, nil) }
        }
        let blanks = documents.indices.filter { i in
            documents[i].document.flows.contains { ($0.target.system.isEmpty && documents[i].document.targetSystem.trimmingCharacters(in: .whitespaces).isEmpty)
                || ($0.source.system.isEmpty && documents[i].document.sourceSystem.trimmingCharacters(in: .whitespaces).isEmpty) }
        }
        return (blanks.count > 1 ? "\(Self.blankSystem)-\((blanks.firstIndex(of: index) ?? 0) + 1)" : Self.blankSystem, nil)
    }

    /// The systems in order of appearance: key, names as written, entity types as written.
    var systems: [(key: String, names: [String], entities: [String])] {
        var result: [(key: String, names: [String], entities: [String])] = []
        func add(_ system: (key: String, name: String?), _ entity: String) {
            if let index = result.firstIndex(where: { $0.key == system.key }) {
                if let name = system.name, !result[index].names.contains(name) { result[index].names.append(name) }
                if !result[index].entities.contains(entity) { result[index].entities.append(entity) }
            } else {
                result.append((system.key, system.name.map { [$0] } ?? [], [entity]))
            }
        }
        for index in documents.indices {
            for flow in documents[index].document.flows {
                for (name, entity, target) in [(flow.source.system, flow.source.entity, false), (flow.target.system, flow.target.entity, true)] {
                    let trimmed = name.trimmingCharacters(in: .whitespaces)
                    add(trimmed.isEmpty ? blankSide(of: index, target: target) : (Self.key(trimmed), trimmed), entity)
                }
            }
        }
        return result
    }

    /// The folders the exports go in, relative to the workspace.
    public var dumpFolders: [String] { systems.map { "dumps/\($0.key)" } }

    /// `offsync.yaml`.
    public var manifest: String {
        var out = """
            # An offsync workspace made by `offsync init`. Put each system's exports in dumps/<system>/
            # under the names below (or change `files:`, a glob; .gz is read as it is), fill in what is
            # marked TODO, and run `offsync check`: it names every file, field and binding still missing.
            version: 1
            systems:

            """
        for system in systems {
            out += "  \(system.key):\n"
            if system.key.hasPrefix(Self.blankSystem) {
                out += "    # TODO: a document leaves this system's name blank: name the system, and its key here and in `dataflows`.\n"
            }
            if !system.names.isEmpty { out += "    names: [\(system.names.map(Self.quoted).joined(separator: ", "))]\n" }
            out += "    datasets:\n"
            let shape = Self.shapes[system.key]
            for entity in system.entities {
                let entityShape = shape?.byEntity[entity] ?? shape
                // PowerOffice Go's "X person" is the X whose IsPerson is true, read from X's export.
                let person = system.key == "powerofficego" && entity.hasSuffix(" person")
                let base = person ? String(entity.dropLast(" person".count)) : entity
                let hasPerson = system.key == "powerofficego" && system.entities.contains(entity + " person")
                out += "      \(Self.quoted(entity)):\n"
                out += "        files: dumps/\(system.key)/\(Self.slug(base)).json\n"
                if let records = shape?.records[entity] ?? shape?.records["*"] { out += "        records: \(records)\n" }
                out += "        id: \(entityShape?.id ?? "id")" + (entityShape == nil ? "                       # TODO: the field holding each record's id\n" : "\n")
                if person { out += "        where: { IsPerson: true }\n" } else if hasPerson { out += "        where: { IsPerson: false }\n" }
                if let modified = entityShape?.modified { out += "        modified: \(modified)\n" }
                if let correlation = entityShape?.correlation { out += "        correlation: \(correlation)\n" }
            }
        }
        out += "dataflows:\n"
        for (index, (path, document)) in documents.enumerated() {
            out += "  - document: \(Self.quoted(path))\n"
            // A blank side is bound to the system it means (or the placeholder the user names).
            if document.flows.contains(where: { $0.source.system.trimmingCharacters(in: .whitespaces).isEmpty }) {
                out += "    source: \(blankSide(of: index, target: false).key)\n"
            }
            if document.flows.contains(where: { $0.target.system.trimmingCharacters(in: .whitespaces).isEmpty }) {
                out += "    target: \(blankSide(of: index, target: true).key)\n"
            }
        }
        out += """
            options:
              conflicts: latest-wins       # latest-wins | source-wins | target-wins | manual
              circuit-breaker: 0.10

            """
        return out
    }

    /// A YAML scalar as written, quoted when YAML would read it otherwise.
    static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || " ._/-()".contains($0) }
            && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.isEmpty && !text.hasPrefix("-")
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
