extension DataflowDocument {
    /// The document in the generator's format, from the model: reading the result gives the
    /// same flows again (`offsync spec render`).
    public func rendered() -> String {
        var out: [String] = []
        let title = "\(sourceSystem) to \(targetSystem) Dataflow"
        let rule = String(repeating: "=", count: title.count)
        out += [rule, title, rule, ""]
        if let generated { out += ["Generated: \(generated)", ""] }
        // The generator underlines the introduction with 12 dashes, with or without its period.
        out += [introductionHeading, String(repeating: "-", count: 12), ""]
        for paragraph in introduction { out += [paragraph, ""] }
        // A document without flows ends with its introduction.
        if flows.isEmpty, !introduction.isEmpty { out.removeLast() }
        for (index, flow) in flows.enumerated() {
            if index > 0 { out.append("") }
            out += Self.render(flow)
        }
        return out.joined(separator: lineEnding) + lineEnding
    }

    static func heading(_ text: String) -> [String] {
        [text, String(repeating: "-", count: text.count)]
    }

    /// `Powerofficego Contactperson`, or ` Users` for a blank system, as the generator spells it.
    static func spelled(_ name: EntityName) -> String { "\(name.system) \(name.entity)" }

    static func render(_ flow: Flow) -> [String] {
        let source = spelled(flow.source)
        let target = spelled(flow.target)
        var out = heading("\(source) to \(target)")
        if flow.syncsEveryRecord {
            if let condition = flow.syncCondition {
                // Two spaces before "will", as the vendor's generator writes it.
                out += ["\(condition), it  will be synchronized with a \(target).", ""]
            } else {
                out += ["Every \(source) will be synchronized with a \(target).", ""]
            }
            out += unmatchedRules(flow, source: source)
        } else {
            out += ["Before any synchronization can take place, a link between a \(source) and a \(target) must be established.", ""]
        }
        for creation in flow.conditionalCreations {
            out += ["A new \(creation.created) will be created from a \(creation.from) if it is connected to a \(list(creation.connectedTo)) that is synchronized into \(creation.into).", ""]
        }
        if case .merge(let combinations) = flow.linking {
            out += ["A \(source) will merge with a \(target) if one of the following property combinations match:", ""]
            out += table(
                header: ["\(source) Property", "\(target) Property"],
                rows: combinations.map { combination in
                    [combination.pairs.map(\.source).joined(separator: ", "), combination.pairs.map(\.target).joined(separator: ", ")]
                })
        }
        if !flow.syncsEveryRecord { out += unmatchedRules(flow, source: source) }
        out += ["Once a link between a \(source) and a \(target) is established, it will keep in sync between the two systems, regardless of where it is edited.", ""]
        out += ["The following properties are synchronized between a \(source) and a \(target):", ""]
        let withTypes = flow.properties.isEmpty || flow.properties.contains { $0.dataType != nil }
        out += table(
            header: ["\(source) Property", "\(target) Property"] + (withTypes ? ["\(flow.target.system) Data Type"] : []),
            rows: flow.properties.map { [$0.source, $0.target] + (withTypes ? [$0.dataType ?? "N/A"] : []) })
        return out
    }

    /// "If a matching … already exists" and "If no matching … is found" as one paragraph.
    static func unmatchedRules(_ flow: Flow, source: String) -> [String] {
        guard !flow.mergesWithExisting.isEmpty || !flow.createsWhenUnmatched.isEmpty else { return [] }
        return flow.mergesWithExisting.map { "If a matching \($0) already exists, the \(source) will be merged with the existing one." }
            + flow.createsWhenUnmatched.map { "If no matching \($0) is found, a new \($0) will be created." }
            + [""]
    }

    /// "A, B, or C" as the generator lists connected entities (", or" also between two).
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + ", or " + items.last!
    }

    static func table(header: [String], rows: [[String]]) -> [String] {
        var out = [".. list-table::", "   :header-rows: 1", ""]
        for row in [header] + rows {
            for (i, cell) in row.enumerated() {
                out.append((i == 0 ? "   * - " : "     - ") + cell)
            }
        }
        out.append("")
        return out
    }
}
