import OffsyncDiagnostics

extension DataflowDocument {
    /// The parsed flows for a person (`offsync spec convert`): what offsync understood, line by
    /// line, so a reader can hold it against the document.
    public func outline() -> String {
        func blank(_ system: String) -> String { system.isEmpty ? "(blank)" : system }
        func at(_ location: SourceLocation?) -> String { location?.line.map { "line \($0)" } ?? "" }
        var out = ["\(path): \(blank(sourceSystem)) to \(blank(targetSystem)), \(flows.count) flows"
            + (generated.map { ", generated \($0)" } ?? "")]
        for flow in flows {
            out.append("")
            out.append("\(at(flow.location)): \(flow.source.described) -> \(flow.target.described)")
            switch flow.linking {
            case .merge(let combinations):
                out.append("  links when one combination is equal:")
                for combination in combinations {
                    let pairs = combination.pairs.map { "\($0.source) = \($0.target)" }.joined(separator: " and ")
                    out.append("    \(pairs)  (\(at(combination.location)))")
                }
                if flow.syncsEveryRecord { out.append("  every source record syncs: one no combination links is created") }
            case .every:
                out.append("  every record gets its own target record" + (flow.syncCondition.map { ", on the condition: \($0)" } ?? ""))
            case .linkOnly:
                out.append("  syncs only records already linked")
            }
            for creation in flow.conditionalCreations {
                out.append("  creates \(creation.created) from \(creation.from) when connected to \(creation.connectedTo.joined(separator: " / ")) synchronized into \(creation.into)")
            }
            for existing in flow.mergesWithExisting { out.append("  merges with an existing \(existing)") }
            for created in flow.createsWhenUnmatched { out.append("  creates \(created) when none matches") }
            if flow.properties.isEmpty {
                out.append("  no properties (link only)")
            } else {
                out.append("  properties:")
                let width = flow.properties.map(\.source.count).max() ?? 0
                for property in flow.properties {
                    let source = property.source.padding(toLength: width, withPad: " ", startingAt: 0)
                    out.append("    \(source) -> \(property.target)" + (property.dataType.map { "  \($0)" } ?? "") + "  (\(at(property.location)))")
                }
            }
        }
        for finding in unparsed {
            out.append("")
            out.append("\(at(finding.location)): not understood: \(finding.message)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension EntityName {
    /// The name with a blank system shown as such, for messages.
    var described: String { system.isEmpty ? "(blank) \(entity)" : "\(system) \(entity)" }
}
