import OffsyncDiagnostics
import OffsyncSpec

extension DataflowDocument {
    /// The parsed document in a stable machine form (`offsync spec convert --json`): keys in a
    /// fixed order, every item with its line in the document, data types as written.
    public func jsonValue() -> JSONValue {
        .object([
            ("file", .string(path)),
            ("source_system", .string(sourceSystem)),
            ("target_system", .string(targetSystem)),
            ("generated", generated.map(JSONValue.string) ?? .null),
            ("flows", .array(flows.map(Self.json))),
            ("unparsed", .array(unparsed.map { finding in
                .object([("line", Self.line(finding.location)), ("message", .string(finding.message))])
            })),
        ])
    }

    static func json(_ flow: Flow) -> JSONValue {
        let linking: String
        switch flow.linking {
        case .merge: linking = "merge"
        case .every: linking = "every"
        case .linkOnly: linking = "link-only"
        }
        return .object([
            ("line", line(flow.location)),
            ("source", json(flow.source)),
            ("target", json(flow.target)),
            ("linking", .string(linking)),
            ("every", .bool(flow.syncsEveryRecord)),
            ("merge", .array(flow.mergeCombinations.map { combination in
                .object([
                    ("line", line(combination.location)),
                    ("properties", .array(combination.pairs.map { pair in
                        .object([("source", .string(pair.source)), ("target", .string(pair.target))])
                    })),
                ])
            })),
            ("sync_condition", flow.syncCondition.map(JSONValue.string) ?? .null),
            ("conditional_creations", .array(flow.conditionalCreations.map { creation in
                .object([
                    ("created", .string(creation.created)),
                    ("from", .string(creation.from)),
                    ("connected_to", .array(creation.connectedTo.map(JSONValue.string))),
                    ("into", .string(creation.into)),
                ])
            })),
            ("creates_when_unmatched", .array(flow.createsWhenUnmatched.map(JSONValue.string))),
            ("merges_with_existing", .array(flow.mergesWithExisting.map(JSONValue.string))),
            ("properties", .array(flow.properties.map { property in
                .object([
                    ("line", line(property.location)),
                    ("source", .string(property.source)),
                    ("target", .string(property.target)),
                    ("data_type", property.dataType.map(JSONValue.string) ?? .null),
                ])
            })),
        ])
    }

    static func json(_ name: EntityName) -> JSONValue {
        .object([("system", .string(name.system)), ("entity", .string(name.entity))])
    }

    static func line(_ location: SourceLocation?) -> JSONValue {
        location?.line.map(JSONValue.int) ?? .null
    }
}
