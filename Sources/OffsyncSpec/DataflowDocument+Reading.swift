import OffsyncDiagnostics

extension DataflowDocument {
    /// Reads a dataflow document (the reStructuredText of the seeds and the talk-docs corpus).
    ///
    /// The reader knows the generator's closed set of sentences; anything else is reported in
    /// `unparsed` with its line instead of being guessed at.
    public init(reading text: String, path: String) {
        var reader = DocumentReader(lines: text.splitLines(), path: path)
        self = reader.read()
        if text.contains("\r\n") { lineEnding = "\r\n" }
    }
}

/// A line-based reader over the document; one pass, no backtracking beyond a table.
private struct DocumentReader {
    let lines: [Substring]
    let path: String
    var index = 0
    var unparsed: [Finding] = []

    init(lines: [Substring], path: String) {
        self.lines = lines
        self.path = path
    }

    mutating func read() -> DataflowDocument {
        var document = DataflowDocument(path: path, sourceSystem: "", targetSystem: "")
        readTitle(into: &document)
        // Everything before the first section: the `Generated:` line.
        while index < lines.count, !isHeading(at: index) {
            let line = lines[index].trimmedWhitespace
            if line.hasPrefix("Generated:") {
                document.generated = String(line.dropFirst("Generated:".count)).trimmedWhitespace
            } else if !line.isEmpty {
                report("unrecognised line before the first section: \(line)", line: index)
            }
            index += 1
        }
        while index < lines.count {
            guard isHeading(at: index) else {
                index += 1
                continue
            }
            let heading = String(lines[index]).trimmingTrailingSpaces
            let headingLine = index
            index += 2
            let body = sectionBody()
            if heading.trimmedWhitespace.trimmingCharacters(".") == "Introduction" {
                document.introductionHeading = heading.trimmedWhitespace
                document.introduction = paragraphs(in: body).map(\.text)
            } else {
                document.flows.append(
                    readFlow(heading: heading, line: headingLine, body: body,
                             titleSource: document.sourceSystem, titleTarget: document.targetSystem))
            }
        }
        document.unparsed = unparsed
        return document
    }

    // MARK: Title

    mutating func readTitle(into document: inout DataflowDocument) {
        while index < lines.count, lines[index].trimmedWhitespace.isEmpty { index += 1 }
        guard index + 2 < lines.count, lines[index].isRule("="), lines[index + 2].isRule("=") else {
            report("the document has no title block (a title between two lines of '=')", line: index)
            return
        }
        let title = String(lines[index + 1]).trimmingTrailingSpaces
        index += 3
        guard title.hasSuffix("Dataflow"), let split = title.range(of: " to ") else {
            report("the title does not read '<system> to <system> Dataflow': \(title)", line: index - 2)
            return
        }
        document.sourceSystem = String(title[..<split.lowerBound]).trimmedWhitespace
        document.targetSystem = String(title[split.upperBound...].dropLast("Dataflow".count)).trimmedWhitespace
    }

    // MARK: Sections

    func isHeading(at i: Int) -> Bool {
        i + 1 < lines.count && !lines[i].trimmedWhitespace.isEmpty && lines[i + 1].isRule("-")
    }

    /// The line indices of the current section's body; advances to the next heading.
    mutating func sectionBody() -> Range<Int> {
        let start = index
        while index < lines.count, !isHeading(at: index) { index += 1 }
        return start..<index
    }

    struct Paragraph {
        var text: String
        var line: Int
    }

    /// Blocks of consecutive non-blank lines, joined with spaces; tables are skipped.
    func paragraphs(in range: Range<Int>) -> [Paragraph] {
        var result: [Paragraph] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if lines[i].trimmedWhitespace.isEmpty {
                i += 1
                continue
            }
            let start = i
            var parts: [String] = []
            while i < range.upperBound, !lines[i].trimmedWhitespace.isEmpty {
                parts.append(lines[i].trimmedWhitespace)
                i += 1
            }
            result.append(Paragraph(text: parts.joined(separator: " "), line: start))
        }
        return result
    }

    // MARK: Flows

    mutating func readFlow(
        heading: String, line headingLine: Int, body: Range<Int>, titleSource: String, titleTarget: String
    ) -> Flow {
        var mergeCombinations: [MergeCombination]? = nil
        var isEvery = false
        var conditional: [ConditionalCreation] = []
        var createsWhenUnmatched: [String] = []
        var syncCondition: String? = nil
        var syncConditionLine: Int? = nil
        var mergesWithExisting: [String] = []
        var properties: [PropertyMapping] = []
        var propertyHeader: [String] = []
        enum Expecting { case nothing, mergeTable, propertyTable }
        var expecting = Expecting.nothing

        var i = body.lowerBound
        while i < body.upperBound {
            let line = lines[i].trimmedWhitespace
            if line.isEmpty {
                i += 1
                continue
            }
            if line.hasPrefix(".. list-table::") {
                let table = readTable(from: &i, end: body.upperBound)
                switch expecting {
                case .mergeTable:
                    mergeCombinations = table.rows.compactMap { row in
                        // A row of one cell would link on nothing; of three, a cell would be dropped.
                        let wanted = max(2, table.header.count)
                        guard row.cells.count == wanted else {
                            reportBroken("a merge row needs \(wanted) cells, found \(row.cells.count)", line: row.line)
                            return nil
                        }
                        let sides = row.cells.prefix(2).map { $0.split(separator: ",").count }
                        guard sides[0] == sides[1] else {
                            reportBroken("a merge row lists \(sides[0]) source and \(sides[1]) target properties; they pair in order", line: row.line)
                            return nil
                        }
                        return MergeCombination(pairs: pairs(of: row.cells, line: row.line), location: location(row.line))
                    }
                case .propertyTable:
                    propertyHeader = table.header
                    properties = table.rows.compactMap { row in
                        // As many cells as the header: under three columns, a row of two would
                        // read its data type as the target.
                        let header = table.header.count
                        guard (2...3).contains(header) ? row.cells.count == header : (2...3).contains(row.cells.count) else {
                            let wanted = (2...3).contains(header) ? "\(header) cells (as many as the header)" : "2 or 3 cells"
                            reportBroken("a property row needs \(wanted), found \(row.cells.count)", line: row.line)
                            return nil
                        }
                        return PropertyMapping(
                            source: row.cells[0], target: row.cells[1],
                            dataType: row.cells.count == 3 ? row.cells[2] : nil, location: location(row.line))
                    }
                case .nothing:
                    reportBroken("a table with no sentence announcing it", line: table.line)
                }
                expecting = .nothing
                continue
            }
            // A paragraph: consecutive non-blank lines up to a blank line or a table. The
            // generator writes one sentence per line, but a paragraph may hold several.
            let start = i
            var parts: [(text: String, line: Int)] = []
            while i < body.upperBound, !lines[i].trimmedWhitespace.isEmpty, !lines[i].trimmedWhitespace.hasPrefix(".. list-table::") {
                parts.append((lines[i].trimmedWhitespace, i))
                i += 1
            }
            let whole = parts.map(\.text).joined(separator: " ")
            let sentences: [(Sentence?, String, Int)] = Sentence(whole) != nil || parts.count == 1
                ? [(Sentence(whole), whole, start)]
                : parts.map { (Sentence($0.text), $0.text, $0.line) }
            for (sentence, text, line) in sentences {
                switch sentence {
                case .mustLinkFirst, .keepsInSync:
                    break
                case .merge:
                    expecting = .mergeTable
                    mergeCombinations = mergeCombinations ?? []
                case .every:
                    isEvery = true
                case .everyWhen(let condition):
                    isEvery = true
                    syncCondition = condition
                    syncConditionLine = line
                case .properties:
                    expecting = .propertyTable
                case .conditional(var creation):
                    creation.location = location(line)
                    conditional.append(creation)
                case .createsWhenUnmatched(let entity):
                    createsWhenUnmatched.append(entity)
                case .mergesWithExisting(let entity):
                    mergesWithExisting.append(entity)
                case nil:
                    report("unrecognised sentence: \(text)", line: line)
                }
            }
        }

        let (source, target) = entityNames(
            heading: heading, titleSource: titleSource, titleTarget: titleTarget,
            propertyHeader: propertyHeader, line: headingLine)
        let linking: Flow.Linking =
            if let mergeCombinations { .merge(mergeCombinations) } else if isEvery { .every } else { .linkOnly }
        var flow = Flow(
            source: source, target: target, linking: linking, conditionalCreations: conditional,
            createsWhenUnmatched: createsWhenUnmatched, properties: properties, location: location(headingLine))
        flow.syncsEveryRecord = isEvery
        flow.syncCondition = syncCondition
        flow.syncConditionLocation = syncConditionLine.map(location)
        flow.mergesWithExisting = mergesWithExisting
        return flow
    }

    func pairs(of cells: [String], line: Int) -> [PropertyPair] {
        // A combination may list several properties per side, comma-separated, paired in order.
        let sources = cells.first.map { $0.split(separator: ",").map { String($0).trimmedWhitespace } } ?? []
        let targets = cells.count > 1 ? cells[1].split(separator: ",").map { String($0).trimmedWhitespace } : []
        return zip(sources, targets).map { PropertyPair(source: $0, target: $1) }
    }

    /// Splits `<system> <entity> to <system> <entity>` using the title's system names, then the
    /// property table's `<system> Data Type` header, then the first word.
    mutating func entityNames(
        heading: String, titleSource: String, titleTarget: String, propertyHeader: [String], line: Int
    ) -> (EntityName, EntityName) {
        let searchFrom = heading.hasPrefix(titleSource + " ") ? heading.index(heading.startIndex, offsetBy: titleSource.count) : heading.startIndex
        guard let split = heading.range(of: " to ", range: searchFrom..<heading.endIndex) else {
            report("the section heading does not read '<source> to <target>': \(heading)", line: line)
            return (EntityName(system: "", entity: heading), EntityName(system: "", entity: ""))
        }
        let left = String(heading[..<split.lowerBound])
        let right = String(heading[split.upperBound...])
        var dataTypeSystem: String? = nil
        if propertyHeader.count == 3, propertyHeader[2].hasSuffix("Data Type") {
            dataTypeSystem = String(propertyHeader[2].dropLast("Data Type".count)).trimmedWhitespace
        }
        return (
            EntityName.split(left, knownSystems: [titleSource]),
            EntityName.split(right, knownSystems: [dataTypeSystem, titleTarget].compactMap { $0 })
        )
    }

    // MARK: Tables

    struct Table {
        var line: Int
        var header: [String]
        var rows: [(cells: [String], line: Int)]
    }

    /// Reads a `.. list-table::` directive: options, then `* - cell` rows with `- cell` continuations.
    mutating func readTable(from i: inout Int, end: Int) -> Table {
        let tableLine = i
        var headerRows = 0
        var rows: [(cells: [String], line: Int)] = []
        i += 1
        while i < end {
            let raw = lines[i]
            let line = raw.trimmedWhitespace
            if line.isEmpty {
                i += 1
                continue
            }
            guard raw.first == " " || raw.first == "\t" else { break }
            if line.hasPrefix(":header-rows:") {
                // A count below zero would cut the rows from the wrong end (and trap).
                let count = Int(line.dropFirst(":header-rows:".count).trimmedWhitespace) ?? 0
                if count < 0 { report("a table's :header-rows: cannot be negative: \(line)", line: i) }
                headerRows = max(count, 0)
            } else if line.hasPrefix("* -") || line == "*" {
                rows.append((cells: [cellText(line.dropFirst(1))], line: i))
            } else if line.hasPrefix("-"), !rows.isEmpty {
                rows[rows.count - 1].cells.append(cellText(Substring(line)))
            } else if line.hasPrefix(":") {
                // Other directive options (widths, classes) do not change the content.
            } else {
                reportBroken("unrecognised line in a table: \(line)", line: i)
            }
            i += 1
        }
        let header = rows.prefix(headerRows).first?.cells ?? []
        return Table(line: tableLine, header: header, rows: Array(rows.dropFirst(headerRows)))
    }

    func cellText(_ text: Substring) -> String {
        var cell = text.drop { $0 == " " }
        if cell.first == "-" { cell = cell.dropFirst() }
        return String(cell).trimmedWhitespace
    }

    // MARK: Reporting

    func location(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line + 1) }

    mutating func report(_ message: String, line: Int) {
        unparsed.append(Finding(.warning, .spec, message, location: location(line)))
    }

    /// A table that cannot be read as written: an error, since reading on would drop or
    /// misplace a mapping the document states (runs refuse the document).
    mutating func reportBroken(_ message: String, line: Int) {
        unparsed.append(Finding(.error, .spec, message, location: location(line)))
    }
}

/// The generator's sentences inside a flow section.
enum Sentence {
    case mustLinkFirst, keepsInSync, merge, every, properties
    /// "When <condition>, it will be synchronized with a Y." (some documents have a remark where
    /// "When <condition>" should be).
    case everyWhen(String)
    case mergesWithExisting(String)
    case conditional(ConditionalCreation)
    case createsWhenUnmatched(String)

    init?(_ text: String) {
        if text.hasPrefix("Before any synchronization can take place, a link between a "),
            text.hasSuffix(" must be established.")
        {
            self = .mustLinkFirst
        } else if text.hasPrefix("Once a link between a "),
            text.hasSuffix("is established, it will keep in sync between the two systems, regardless of where it is edited.")
        {
            self = .keepsInSync
        } else if text.hasPrefix("A "), text.hasSuffix(" if one of the following property combinations match:"),
            text.contains(" will merge with a ")
        {
            self = .merge
        } else if text.hasPrefix("Every "), text.hasSuffix("."), text.contains(" will be synchronized with a ") {
            self = .every
        } else if text.hasSuffix("."), let comma = text.range(of: ", it "),
            text.range(of: "will be synchronized with a ", range: comma.upperBound..<text.endIndex) != nil
        {
            let condition = text[..<comma.lowerBound]
            self = .everyWhen(String(condition))
        } else if text.hasPrefix("If a matching "), text.hasSuffix(" will be merged with the existing one."),
            // Searched after the opening words: found inside them (no name between), the name
            // would end before it starts.
            let exists = text.range(of: " already exists, the ", range: text.index(text.startIndex, offsetBy: 14)..<text.endIndex)
        {
            self = .mergesWithExisting(String(text[text.index(text.startIndex, offsetBy: 14)..<exists.lowerBound]))
        } else if text.hasPrefix("The following properties are synchronized between a "), text.hasSuffix(":") {
            self = .properties
        } else if let creation = ConditionalCreation(sentence: text) {
            self = .conditional(creation)
        } else if text.hasPrefix("If no matching "), text.hasSuffix(" will be created."),
            let found = text.range(of: " is found, a new ")
        {
            self = .createsWhenUnmatched(String(text[found.upperBound...].dropLast(" will be created.".count)))
        } else {
            return nil
        }
    }
}

extension ConditionalCreation {
    /// "A new X will be created from a Y if it is connected to a Z, W, or V that is synchronized into S."
    init?(sentence text: String) {
        // Each part is searched after the one before: parts that overlap or come out of order
        // (an empty name between two) would give a range that ends before it starts.
        guard text.hasPrefix("A new "), text.hasSuffix("."),
            let created = text.range(of: " will be created from a ", range: text.index(text.startIndex, offsetBy: 6)..<text.endIndex),
            let connected = text.range(of: " if it is connected to a ", range: created.upperBound..<text.endIndex),
            let into = text.range(of: " that is synchronized into ", options: .backwards, range: connected.upperBound..<text.endIndex)
        else { return nil }
        let list = text[connected.upperBound..<into.lowerBound]
        let items = list.replacingOccurrences(of: ", or ", with: ", ").replacingOccurrences(of: " or ", with: ", ")
            .split(separator: ",").map { String($0).trimmedWhitespace }
        self.init(
            created: String(text[text.index(text.startIndex, offsetBy: 6)..<created.lowerBound]),
            from: String(text[created.upperBound..<connected.lowerBound]),
            connectedTo: items,
            into: String(text[into.upperBound...].dropLast()))
    }
}

extension EntityName {
    /// Splits `<system> <entity>` by the first known system name that prefixes it; a leading
    /// space means a blank system name; otherwise the first word is the system.
    static func split(_ text: String, knownSystems: [String]) -> EntityName {
        if text.hasPrefix(" ") { return EntityName(system: "", entity: text.trimmedWhitespace) }
        for system in knownSystems where !system.isEmpty && text.hasPrefix(system + " ") {
            return EntityName(system: system, entity: String(text.dropFirst(system.count + 1)).trimmedWhitespace)
        }
        guard let space = text.firstIndex(of: " ") else { return EntityName(system: "", entity: text) }
        return EntityName(system: String(text[..<space]), entity: String(text[text.index(after: space)...]).trimmedWhitespace)
    }
}
