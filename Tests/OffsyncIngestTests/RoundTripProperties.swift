import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

/// Property-based round trips: random records with awkward text are written the way exporters
/// write them (CSV with `,` `;` or tab and either quoting style, in UTF-8, Windows-1252 or
/// ISO-8859-1; JSON arrays, wrapped arrays and NDJSON; each also through `gzip -n`), spread over
/// one to three files, and read back through `DatasetLoader`: every value, id, file and line
/// must come back exactly (byte for byte, not merely canonically equal).
///
/// Deterministic: each case is generated from its own seed, and a failure names the seed.
@Suite("round trips: random records with awkward text, written and read back")
struct RoundTripProperties {
    static let cases = 200

    @Test("CSV: any delimiter, quoting, encoding, line end and byte order mark, plain and gzip")
    func csv() throws {
        try Self.check((1...Self.cases).map { CSVCase(seed: 0xC5F_0000 + UInt64($0)) })
    }

    @Test("JSON: top-level arrays, arrays under a path and NDJSON, plain and gzip")
    func json() throws {
        try Self.check((1...Self.cases).map { JSONCase(seed: 0x15_0000 + UInt64($0)) })
    }

    /// Writes every case into its own folder, gzips all files with one `gzip` run, then reads
    /// each case plain and gzipped.
    static func check(_ cases: [some RoundTripCase]) throws {
        let folder = TemporaryFolder()
        var written: [String] = []
        for (index, testCase) in cases.enumerated() {
            for (name, bytes) in testCase.files { written.append(folder.write("\(index)/\(name)", bytes)) }
        }
        try gzipFiles(written)
        var failures = 0
        for (index, testCase) in cases.enumerated() {
            for suffix in ["", ".gz"] {
                var loader = DatasetLoader(root: folder.path + "/\(index)")
                var spec = testCase.spec
                spec.files = spec.files.map { $0 + suffix }
                let read = Result { () throws(OffsyncError) in try loader.load(spec) }
                let problems: [String]
                switch read {
                case .success(let dataset): problems = testCase.compare(dataset)
                case .failure(let error): problems = ["read failed: \(error)"]
                }
                if !problems.isEmpty {
                    failures += 1
                    let shown = problems.prefix(5).joined(separator: "\n  ")
                    Issue.record("seed \(testCase.seed)\(suffix) (\(testCase.summary)):\n  \(shown)")
                }
            }
            if failures >= 5 { return }
        }
    }
}

// MARK: Cases

protocol RoundTripCase {
    var seed: UInt64 { get }
    var summary: String { get }
    var files: [(String, [UInt8])] { get }
    var spec: DatasetSpec { get }
    var expected: [ExpectedRecord] { get }
}

struct ExpectedRecord {
    var id: String
    var fields: [(path: String, value: FieldValue)]
    var file: Int
    var line: Int
}

extension RoundTripCase {
    func compare(_ dataset: Dataset) -> [String] {
        var problems: [String] = []
        if !dataset.findings.isEmpty || dataset.invalidCount != 0 {
            problems.append("findings: \(dataset.findings.map(\.message))")
        }
        guard dataset.records.count == expected.count else {
            return problems + ["\(dataset.records.count) records read, \(expected.count) written"]
        }
        for (index, (record, want)) in zip(dataset.records, expected).enumerated() {
            let place = "record \(index)"
            if Array(record.id.utf8) != Array(want.id.utf8) { problems.append("\(place): id \(record.id.debugDescription), wrote \(want.id.debugDescription)") }
            if Int(record.file) != want.file || Int(record.line) != want.line {
                problems.append("\(place): at file \(record.file) line \(record.line), wrote file \(want.file) line \(want.line)")
            }
            if record.fields.count != want.fields.count {
                problems.append("\(place): \(record.fields.count) fields, wrote \(want.fields.count)")
            }
            for (path, value) in want.fields {
                let got = dataset.value(record, path)
                if got.map({ $0.isIdentical(to: value) }) != true {
                    problems.append("\(place) \(path.debugDescription): read \(String(describing: got).prefix(200)), wrote \(String(describing: value).prefix(200))")
                }
            }
        }
        return problems
    }
}

/// Line of every offset: 1 plus the line ends (LF, CRLF, lone CR) before it. Written here on
/// its own rather than borrowed from the reader.
func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
    var line = 1
    var i = 0
    while i < offset {
        if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
        i += 1
    }
    return line
}

/// Ids lose leading and trailing Unicode white space (spaces, tabs, line breaks, no-break
/// spaces); anything else, a zero-width space included, is part of the id.
func trimmedID(_ text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    var result = ""
    result.unicodeScalars.append(contentsOf: scalars)
    return result
}

struct CSVCase: RoundTripCase {
    let seed: UInt64
    var summary: String
    var files: [(String, [UInt8])] = []
    var spec: DatasetSpec
    var expected: [ExpectedRecord] = []

    enum Quoting: CaseIterable { case asNeeded, always }

    init(seed: UInt64) {
        self.seed = seed
        var random = SplitMix64(seed: seed)
        let delimiter = random.pick([UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
        let sniffed = random.chance(0.4)
        let quoting = random.pick(Quoting.allCases)
        let encoding = random.pick(TextEncoding.allCases)
        let lineEnd = random.pick(["\n", "\r\n", "\r"])
        let bom = encoding == .utf8 && random.chance(0.3)
        let finalLineEnd = random.chance(0.7)
        // No NUL: CSV text never holds one (the reader refuses it as the mark of a partly written file).
        let text = AwkwardText(encoding: encoding, allowsNUL: false)
        summary = "delimiter \(delimiter) \(sniffed ? "sniffed" : "set"), \(quoting), \(encoding.rawValue), line end \(lineEnd.debugDescription), bom \(bom)"

        // Column names: unique, never empty; the id column first so that no name opens the
        // file (where U+FEFF would be taken for a byte order mark). A sniffed file needs a
        // second column and names without candidate delimiters for the sniffing to be sure.
        let columnCount = random.int(in: sniffed ? 2...6 : 1...6)
        var names = ["id"]
        while names.count < columnCount {
            var name = text.string(&random, maxPieces: 4)
            if sniffed { name = String(name.unicodeScalars.filter { !",;\t".unicodeScalars.contains($0) }) }
            if !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        spec = DatasetSpec(
            key: DatasetKey(system: "s", entity: "E"), files: [],
            csv: CSVOptions(delimiter: sniffed ? nil : delimiter, encoding: encoding), id: "id")

        let fileCount = random.int(in: 1...3)
        var index = 0
        for file in 0..<fileCount {
            var rows: [[String]] = [names]
            var records: [ExpectedRecord] = []
            for _ in 0..<random.int(in: 0...8) {
                index += 1
                var row = [text.id(&random, index: index)]
                for _ in 1..<columnCount { row.append(text.string(&random)) }
                records.append(ExpectedRecord(
                    id: trimmedID(row[0]), fields: zip(names, row).map { ($0, .string($1)) }, file: file, line: 0))
                rows.append(row)
            }
            var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
            var rowStarts: [Int] = []
            for (number, row) in rows.enumerated() {
                rowStarts.append(bytes.count)
                bytes += text.encode(Self.line(row, delimiter: delimiter, quoting: quoting))
                if number < rows.count - 1 || finalLineEnd { bytes += Array(lineEnd.utf8) }
            }
            for i in records.indices {
                records[i].line = lineNumber(of: rowStarts[i + 1], in: bytes)
            }
            expected += records
            files.append(("part-\(file + 1).csv", bytes))
        }
        spec.files = ["part-*.csv"]
    }

    /// One CSV line: `asNeeded` quotes a cell holding the delimiter, a quote or a line break (as
    /// spreadsheets do), or opening with U+FEFF (a line opening with a byte order mark is refused
    /// as the mark of joined files); `always` quotes every cell (as libcsv's csv_write does).
    /// Quotes inside are doubled. Spaces around values are never quoted: libcsv keeps them as they are.
    static func line(_ cells: [String], delimiter: UInt8, quoting: Quoting) -> String {
        let separator = String(UnicodeScalar(delimiter))
        return cells.map { cell in
            let needs = cell.unicodeScalars.first == "\u{FEFF}"
                || cell.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || $0.value == UInt32(delimiter) }
            guard needs || quoting == .always else { return cell }
            // Doubled scalar by scalar: as Characters, a quote followed by a combining mark or
            // an emoji modifier is one grapheme and would not be found.
            var quoted = String.UnicodeScalarView()
            for scalar in cell.unicodeScalars {
                if scalar == "\"" { quoted.append(scalar) }
                quoted.append(scalar)
            }
            return "\"" + String(quoted) + "\""
        }.joined(separator: separator)
    }
}

struct JSONCase: RoundTripCase {
    let seed: UInt64
    var summary: String
    var files: [(String, [UInt8])] = []
    var spec: DatasetSpec
    var expected: [ExpectedRecord] = []

    enum Form: CaseIterable { case array, wrapped, ndjson }

    init(seed: UInt64) {
        self.seed = seed
        var random = SplitMix64(seed: seed)
        let form = random.pick(Form.allCases)
        let bom = random.chance(0.2)
        let recordsPath = random.pick(["data", "organizations", "value", "d.results", "a.b.c"])
        var writer = JSONWriter(escapeChance: random.pick([0, 0.2, 1]), spaces: form == .ndjson ? [" ", "\t", ""] : JSONWriter.allSpaces)
        summary = "\(form)\(form == .wrapped ? " at \(recordsPath)" : ""), bom \(bom), escapes \(writer.escapeChance)"
        spec = DatasetSpec(
            key: DatasetKey(system: "s", entity: "E"), files: [form == .ndjson ? "part-*.ndjson" : "part-*.json"],
            records: form == .wrapped ? recordsPath : nil, id: "id")

        let text = AwkwardText(encoding: .utf8)
        let fileCount = random.int(in: 1...3)
        var index = 0
        for file in 0..<fileCount {
            writer.output = bom ? [0xEF, 0xBB, 0xBF] : []
            var starts: [Int] = []
            var records: [ExpectedRecord] = []
            let count = random.int(in: 0...8)
            let path = recordsPath.split(separator: ".").map(String.init)
            if form == .wrapped {
                for key in path {
                    writer.raw("{")
                    writer.space(&random)
                    if random.chance(0.5) {
                        // A sibling before the records, holding the same key deeper down.
                        writer.string("meta", &random)
                        writer.raw(":")
                        writer.junk(&random, depth: 0, key: key)
                        writer.raw(",")
                    }
                    writer.string(key, &random)
                    writer.space(&random)
                    writer.raw(":")
                    writer.space(&random)
                }
            }
            if form != .ndjson { writer.raw("[") }
            for n in 0..<count {
                index += 1
                if n > 0 { writer.raw(form == .ndjson ? random.pick(["\n", "\r\n", "\n\n", "\r\n \r\n"]) : ",") }
                writer.space(&random)
                starts.append(writer.output.count)
                let id: String
                var fields: [(String, FieldValue)] = []
                writer.raw("{")
                writer.space(&random)
                if random.chance(0.3) {
                    let number = String(UInt64(random.int(in: 1...1_000_000_000)) * 1_000_003 + UInt64(index))
                    writer.string("id", &random)
                    writer.raw(":")
                    writer.raw(number)
                    id = number
                    fields.append(("id", .number(number)))
                } else {
                    let idText = text.id(&random, index: index)
                    writer.string("id", &random)
                    writer.raw(":")
                    writer.string(idText, &random)
                    id = trimmedID(idText)
                    fields.append(("id", .string(idText)))
                }
                writer.members(&random, prefix: "", depth: 0, into: &fields, text: text)
                writer.raw("}")
                records.append(ExpectedRecord(id: id, fields: fields, file: file, line: 0))
            }
            if form != .ndjson {
                writer.space(&random)
                writer.raw("]")
            }
            if form == .wrapped {
                for _ in path {
                    if random.chance(0.5) {
                        writer.raw(",")
                        writer.string("next", &random)
                        writer.raw(":")
                        writer.junk(&random, depth: 0, key: path[0])
                    }
                    writer.space(&random)
                    writer.raw("}")
                }
            }
            if random.chance(0.5) { writer.raw(random.pick(["\n", "\r\n", " \n\n"])) }
            for i in records.indices { records[i].line = lineNumber(of: starts[i], in: writer.output) }
            expected += records
            files.append(("part-\(file + 1).\(form == .ndjson ? "ndjson" : "json")", writer.output))
        }
    }
}

// MARK: Writing

/// Writes JSON with random spacing and random (but valid) escapes, and says what each value
/// reads back as.
struct JSONWriter {
    static let allSpaces = ["", "", " ", "\n", "\r\n", "\t", "  \n  ", "\r"]
    var output: [UInt8] = []
    /// How often a character that needs no escape is written as `\u` anyway.
    let escapeChance: Double
    let spaces: [String]

    init(escapeChance: Double, spaces: [String]) {
        self.escapeChance = escapeChance
        self.spaces = spaces
    }

    mutating func raw(_ text: String) { output += Array(text.utf8) }

    mutating func space(_ random: inout SplitMix64) { raw(random.pick(spaces)) }

    mutating func string(_ text: String, _ random: inout SplitMix64) {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += random.chance(escapeChance) ? "\\u0022" : "\\\""
            case "\\": out += "\\\\"
            case "/": out += random.chance(0.5) ? "\\/" : "/"
            case "\n": out += random.chance(0.5) ? "\\n" : "\\u000a"
            case "\r": out += random.chance(0.5) ? "\\r" : "\\u000D"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if scalar.value < 0x20 || random.chance(escapeChance) {
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16, uppercase: random.chance(0.5))
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        raw(out + "\"")
    }

    /// Members after the id (or of a nested object): unique keys without dots, values of every
    /// kind. Nested objects flatten to dotted paths; arrays read back as their text.
    mutating func members(
        _ random: inout SplitMix64, prefix: String, depth: Int, into fields: inout [(String, FieldValue)], text: AwkwardText
    ) {
        var keys: Set<String> = ["id"]
        // Top-level members follow the id; a nested object's first member follows its brace.
        var first = depth > 0
        for _ in 0..<random.int(in: 0...(depth == 0 ? 7 : 3)) {
            let key = String(text.string(&random, maxPieces: 3).unicodeScalars.filter { $0 != "." })
            guard !keys.contains(key) else { continue }
            keys.insert(key)
            if !first { raw(",") }
            first = false
            space(&random)
            string(key, &random)
            space(&random)
            raw(":")
            space(&random)
            let path = depth == 0 ? key : prefix + "." + key
            switch random.int(in: 0...9) {
            case 0...3:
                let value = text.string(&random)
                string(value, &random)
                fields.append((path, .string(value)))
            case 4, 5:
                let number = random.number()
                raw(number)
                fields.append((path, .number(number)))
            case 6:
                let (literal, value): (String, FieldValue) = random.pick([("true", .bool(true)), ("false", .bool(false)), ("null", .null)])
                raw(literal)
                fields.append((path, value))
            case 7 where depth < 3:
                raw("{")
                members(&random, prefix: path, depth: depth + 1, into: &fields, text: text)
                space(&random)
                raw("}")
            default:
                let start = output.count
                junk(&random, depth: 1, key: key, array: true)
                fields.append((path, .composite(String(decoding: output[start...], as: UTF8.self))))
            }
            space(&random)
        }
    }

    /// Any JSON value, for arrays and for what sits beside the records; `key` shows up inside
    /// to tempt a reader into taking the wrong records array.
    mutating func junk(_ random: inout SplitMix64, depth: Int, key: String, array: Bool = false) {
        let kind = array ? 0 : random.int(in: 0...4)
        switch kind {
        case 0 where depth < 4:
            raw("[")
            for n in 0..<random.int(in: 0...3) {
                if n > 0 { raw(",") }
                space(&random)
                junk(&random, depth: depth + 1, key: key)
                space(&random)
            }
            raw("]")
        case 1 where depth < 4:
            raw("{")
            for n in 0..<random.int(in: 0...2) {
                if n > 0 { raw(",") }
                string(n == 0 ? key : "k\(n)", &random)
                raw(":")
                junk(&random, depth: depth + 1, key: key)
            }
            raw("}")
        case 2: string(AwkwardText(encoding: .utf8).string(&random, maxPieces: 4), &random)
        case 3: raw(random.number())
        default: raw(random.pick(["true", "false", "null"]))
        }
    }
}

/// Awkward text: quotes, delimiters, line breaks, tabs, spaces at the ends, letters beyond ASCII,
/// astral characters, combining marks, control characters, empty strings and now and then a
/// very long one; limited to what the encoding can write.
struct AwkwardText {
    let encoding: TextEncoding
    /// Whether U+0000 is in the palette (JSON escapes it; CSV never holds it).
    var allowsNUL = true

    static let common = [
        "\"", "\"\"", ",", ";", "\t", "\r", "\n", "\r\n", " ", "   ", "a", "Z", "0", "42", "x y", "null", "true", "-0", "1e5",
        "\\", "/", "{", "}", "[", "]", ":", "'", "=", "æ", "ø", "å", "Æ", "Ø", "Å", "é", "ü", "ß", "«", "»", "£", "§", "°",
        "\u{A0}", "\u{7F}",
    ]
    /// Characters of Windows-1252's 0x80–0x9F block, and the control characters only UTF-8 files should hold.
    static let windows1252 = ["€", "‚", "ƒ", "„", "…", "–", "—", "‘", "’", "“", "”", "•", "™", "Š", "š", "Œ", "œ", "Ÿ", "Ž"]
    static let latin1 = ["\u{80}", "\u{96}", "\u{9F}", "\u{1}", "\u{0}"]
    static let utf8 = [
        "😀", "🇳🇴", "𝄞", "👩‍👩‍👧", "e\u{301}", "\u{301}", "a\u{308}\u{301}", "\u{FEFF}", "\u{200B}", "\u{2028}", "\u{FFFD}", "\u{10FFFF}",
        "\u{0}", "\u{1}", "\u{1F}", "€", "–", "漢字", "Ωμέγα", "עברית", "\u{1F3FB}",
    ]

    var palette: [String] {
        let all = switch encoding {
        case .utf8: Self.common + Self.utf8 + Self.windows1252
        case .windows1252: Self.common + Self.windows1252
        case .iso88591: Self.common + Self.latin1
        }
        return allowsNUL ? all : all.filter { $0 != "\u{0}" }
    }

    func string(_ random: inout SplitMix64, maxPieces: Int = 12) -> String {
        if random.chance(0.1) { return "" }
        let palette = palette
        var text = ""
        for _ in 0..<random.int(in: 1...maxPieces) { text += random.pick(palette) }
        if maxPieces > 4 && random.chance(0.01) {
            // Longer than libcsv's buffer blocks and zlib's window.
            let piece = (0..<8).map { _ in random.pick(palette) }.joined()
            text += String(repeating: piece, count: random.int(in: 300...3_000))
        }
        return text
    }

    /// A unique id: awkward text around `#index#` (no palette piece holds `#`), never blank.
    func id(_ random: inout SplitMix64, index: Int) -> String {
        string(&random, maxPieces: 3) + "#\(index)#" + string(&random, maxPieces: 3)
    }

    func encode(_ text: String) -> [UInt8] {
        switch encoding {
        case .utf8:
            return Array(text.utf8)
        case .iso88591:
            return text.unicodeScalars.map { UInt8($0.value) }
        case .windows1252:
            return text.unicodeScalars.map { scalar in
                if let index = Self.windows1252Specials.firstIndex(of: scalar.value) { return UInt8(0x80 + index) }
                return UInt8(scalar.value)
            }
        }
    }

    /// Windows-1252 0x80…0x9F (0 where the byte is unassigned), from the code page chart.
    static let windows1252Specials: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// A small deterministic generator (SplitMix64), so that every case is reproducible from its seed.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// Number text as exporters write it: 64-bit ids, beyond 64 bits, decimals with trailing
    /// zeros, exponents; all valid JSON.
    mutating func number() -> String {
        switch int(in: 0...5) {
        case 0: return String(Int64(bitPattern: next()))
        case 1: return String(next())
        case 2: return pick(["0", "-0", "9223372036854775807", "-9223372036854775808", "18446744073709551615", "123456789012345678901234567890"])
        case 3: return "\(int(in: -99_999...99_999)).\(String(repeating: "0", count: int(in: 0...3)))\(next() % 1_000_000)"
        case 4: return "\(int(in: 0...9)).\(int(in: 0...999))\(pick(["e", "E"]))\(pick(["", "+", "-"]))\(int(in: 0...400))"
        default: return pick(["0.1", "1.50", "-0.000001", "1e5", "1E+5", "2.5e-10", "-6.02214076E23", "0.30000000000000004"])
        }
    }
}
