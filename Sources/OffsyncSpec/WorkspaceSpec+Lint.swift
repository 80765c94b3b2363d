import OffsyncDiagnostics

extension WorkspaceSpec {
    /// What is wrong with the flows themselves, before any data is read: target paths used
    /// both as a leaf and as a parent, two flows writing one target property from different
    /// sources, and flows with an empty property table.
    public func lint() -> [Finding] {
        var findings: [Finding] = []
        let byTarget = Dictionary(grouping: flows, by: \.target)
        for target in byTarget.keys.sorted() {
            let writers = byTarget[target]!
            // Every mapped target path of this entity type, with the flows writing it.
            var sources: [String: [(flow: BoundFlow, mapping: PropertyMapping)]] = [:]
            for flow in writers {
                for mapping in flow.properties { sources[mapping.target, default: []].append((flow, mapping)) }
            }
            for path in sources.keys.sorted() {
                let uses = sources[path]!
                if let child = sources.keys.sorted().first(where: { $0.hasPrefix(path + ".") }) {
                    let use = uses[0]
                    findings.append(Finding(
                        .warning, .spec,
                        "\(target): '\(path)' is mapped as a value (from '\(use.mapping.source)' in \(use.flow.name)) and is the parent of '\(child)'; the leaf is written and '\(path)' is left out",
                        system: target.system, entity: target.entity, location: use.mapping.location ?? use.flow.flow.location))
                }
                let distinctFlows = Dictionary(grouping: uses, by: { $0.flow.name })
                if distinctFlows.count > 1 {
                    let described = uses.map { "'\($0.mapping.source)' of \($0.flow.source)" }
                    if Set(uses.map { "\($0.flow.source).\($0.mapping.source)" }).count > 1 {
                        findings.append(Finding(
                            .info, .spec,
                            "\(target): '\(path)' is written by \(distinctFlows.count) flows from different sources (\(described.joined(separator: ", "))); when they reach one record with different values, the first flow's value is kept and a conflict is reported",
                            system: target.system, entity: target.entity, location: uses[0].mapping.location ?? uses[0].flow.flow.location))
                    }
                }
            }
        }
        for flow in flows where flow.properties.isEmpty {
            findings.append(Finding(
                .info, .spec, "\(flow.name): the property table is empty; records are linked (or created) but no property is synchronized",
                system: flow.source.system, entity: flow.source.entity, location: flow.flow.location))
        }
        return findings
    }
}
