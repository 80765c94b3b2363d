#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import CIngestSupport
import Dispatch
import CLibCSV
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

/// The readers' fast paths (ASCII checks eight bytes at a time, keys found by their bytes,
/// records packed per file, files read in parallel) give what the plain paths would.
@Suite("ingest fast paths: word-at-a-time scans, packed records, parallel reading")
struct FastPathTests {
    @Test("the UTF-8 check agrees with the standard library on random bytes, ASCII runs and every sequence length")
    func utf8Check() {
        var random = SplitMix64(seed: 44)
        let pieces: [[UInt8]] = [
            [0x41], [0x7F], [0xC3, 0xA5], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0xA5], [0xC0, 0x80],
            [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82],
        ]
        for _ in 0..<40_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.int(in: 0...12) {
                bytes += Array(repeating: UInt8(ascii: "a"), count: random.int(in: 0...12))
                if random.chance(0.7) { bytes += random.pick(pieces) }
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let got = bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
            #expect(got == expected, "\(bytes)")
            if got != expected { return }
            // Columns count characters: the scalars of valid text.
            if expected {
                let characters = bytes.withUnsafeBufferPointer { UTF8Check.characterCount($0) }
                #expect(characters == String(decoding: bytes, as: UTF8.self).unicodeScalars.count, "\(bytes)")
            }
        }
    }

    @Test("the line scan gives the line end and plain flag of a byte-at-a-time reading, on random lines from every start")
    func lineScan() {
        var random = SplitMix64(seed: 5)
        // Line breaks (and NUL bytes, which end the scan too) rare enough that lines cross 16- and 32-byte blocks.
        let alphabet = Array("a ;\"\t,".utf8)
        for _ in 0..<3_000 {
            let bytes = (0..<random.int(in: 1...160)).map { _ in
                random.chance(0.02) ? random.pick([0x0A, 0x0D]) : random.chance(0.003) ? 0 : random.pick(alphabet)
            }
            let delimiter = random.pick([UInt8(ascii: ";"), UInt8(ascii: ","), 0x09])
            let quoted: Int32 = random.chance(0.3) ? 1 : 0
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0..<buffer.count {
                    var plain: Int32 = -2
                    let end = offsync_csv_scan_line(buffer.baseAddress, buffer.count, start, delimiter, quoted, &plain)
                    let expected = Self.scanLineByBytes(Array(buffer), from: start, delimiter: delimiter, quoted: quoted == 1)
                    #expect(end == expected.end && plain == expected.plain, "\(bytes) from \(start)")
                    if end != expected.end || plain != expected.plain { return }
                }
            }
        }
    }

    /// What the line scan promises, read a byte at a time: the line ends after its LF, CRLF or
    /// lone CR, or at a NUL (plain -1); it is plain (1) unless a space outside quotes touches a
    /// delimiter, quote, line break or the line's start, or the file ends in a space.
    static func scanLineByBytes(_ bytes: [UInt8], from start: Int, delimiter: UInt8, quoted: Bool) -> (end: Int, plain: Int32) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (delimiter != 0x09 && byte == 0x09) }
        var inside = quoted
        var plain = true
        var spaceBefore = false
        var boundaryBefore = true
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte == 0 { return (index, -1) }
            if byte == UInt8(ascii: "\"") { inside.toggle() }
            let lineBreak = byte == 0x0A || byte == 0x0D
            let space = isSpace(byte) && !inside
            let boundary = lineBreak || byte == delimiter || byte == UInt8(ascii: "\"")
            if (space && boundaryBefore) || (spaceBefore && boundary) { plain = false }
            if lineBreak {
                let end = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                return (end, plain ? 1 : 0)
            }
            spaceBefore = space
            boundaryBefore = boundary
        }
        return (bytes.count, plain && !isSpace(bytes[bytes.count - 1]) ? 1 : 0)
    }

    @Test("JSON strings with a quote, backslash escape, control escape or letter at every offset of an 8-byte word read back exactly")
    func stringOffsets() throws {
        let specials: [(json: String, text: String)] = [
            (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e5"#, "å"), ("å", "å"), (#"\ud83d\ude00"#, "😀"), ("€", "€"),
        ]
        var lines: [String] = []
        var expected: [String] = []
        for length in 0...20 {
            for at in 0...length {
                for special in specials {
                    let before = String(repeating: "x", count: at)
                    let after = String(repeating: "y", count: length - at)
                    lines.append(#"{"id":"\#(lines.count)","k\#(before)":"\#(before)\#(special.json)\#(after)"}"#)
                    expected.append(before + special.text + after)
                }
            }
        }
        let dataset = try loadDataset([("s.ndjson", Array(lines.joined(separator: "\n").utf8))])
        #expect(dataset.records.count == expected.count)
        for (index, record) in dataset.records.enumerated() {
            let key = "k" + String(repeating: "x", count: expected[index].prefix { $0 == "x" }.count)
            let value = dataset.value(record, key)
            #expect(value.map { $0.isIdentical(to: .string(expected[index])) } == true, "record \(index): \(String(describing: value))")
        }
    }

    @Test("a bad byte or a raw control character at any offset of a JSON string is reported at its column")
    func badBytesAtEveryOffset() throws {
        for length in 1...20 {
            for at in 0..<length {
                for bad: UInt8 in [0xFF, 0x01] {
                    var value = Array(repeating: UInt8(ascii: "v"), count: length)
                    value[at] = bad
                    let text = Array(#"[{"id":"1","#.utf8) + [0x0A] + Array(#""k":""#.utf8) + value + Array(#""}]"#.utf8)
                    var caught: OffsyncError? = nil
                    do { _ = try loadDataset([("b.json", text)]) } catch { caught = error }
                    expectPlace(caught, "b.json", line: 2, column: 6 + at)
                }
            }
        }
    }

    @Test("a CSV field with letters past the ASCII range at any offset, in UTF-8 and Windows-1252, reads back exactly")
    func csvOffsets() throws {
        for encoding in [TextEncoding.utf8, .windows1252] {
            var rows = ["Id;Text"]
            var expected: [String] = []
            for length in 0...17 {
                for at in 0...length {
                    let text = String(repeating: "a", count: at) + "ø€" + String(repeating: "b", count: length - at)
                    rows.append("\(rows.count);\(text)")
                    expected.append(text)
                }
            }
            let body = rows.joined(separator: "\r\n")
            let bytes: [UInt8] = encoding == .utf8
                ? Array(body.utf8) : body.unicodeScalars.map { $0 == "€" ? 0x80 : UInt8($0.value) }
            let dataset = try loadDataset([("c.csv", bytes)], csv: CSVOptions(encoding: encoding), id: "Id")
            #expect(dataset.records.map { dataset.value($0, "Text")?.text } == expected)
        }
    }

    @Test("spaces and tabs at the edges of CSV fields, beside quotes and delimiters, are kept or refused exactly as before", arguments: [
        UInt8(ascii: ";"), UInt8(ascii: ","),
    ])
    func csvEdgeSpaces(_ delimiter: UInt8) throws {
        let d = String(UnicodeScalar(delimiter))
        let cells = [" a", "a ", "\ta", "a\t", " ", "\t", "  ", "a b", "\" q \"", "\"a\(d) b\"", "\"a\n b \""]
        var rows = ["Id\(d)V\(d)W"]
        var expected: [[String?]] = []
        for (index, cell) in cells.enumerated() {
            for other in ["plain", " lead", "trail "] {
                rows.append("\(rows.count)\(d)\(cell)\(d)\(other)")
                let value = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()) : cell
                expected.append([value, other])
                _ = index
            }
        }
        let text = rows.joined(separator: "\r\n") + "\r\n2000\(d)end \(d)last "
        expected.append(["end ", "last "])
        let dataset = try loadDataset([("e.csv", Array(text.utf8))], csv: CSVOptions(delimiter: delimiter), id: "Id")
        #expect(dataset.records.map { [dataset.value($0, "V")?.text, dataset.value($0, "W")?.text] } == expected)
        // Around a quoted field, white space is an error whether or not the line has others.
        for bad in ["1\(d) \"x\"\(d)w\n", "1\(d)\"x\" \(d)w\n", "1\(d)a\(d)w\n2\(d)\"x\"\t\(d)w\n"] {
            #expect(throws: OffsyncError.self) {
                try loadDataset([("q.csv", Array(("Id\(d)V\(d)W\n" + bad).utf8))], csv: CSVOptions(delimiter: delimiter), id: "Id")
            }
        }
    }

    @Test("lines read without the space function give the same values and errors as with it, on random text of spaces, tabs, quotes, delimiters and line breaks", arguments: [
        UInt8(ascii: ";"), UInt8(ascii: ","), 0x09,
    ])
    func csvPlainLines(_ delimiter: UInt8) {
        var random = SplitMix64(seed: UInt64(delimiter))
        // Long pieces carry lines across the scan's 8- and 16-byte blocks.
        let pieces = [" ", "\t", ";", ",", "\"", "\"\"", "a", "bc", "\r", "\n", "\r\n", "ø", "defghij", "klmnopqrstuvw"]
        var lines = (plain: 0, all: 0)
        for round in 0..<10_000 {
            var text = round % 2 == 0 ? "Id\(Character(UnicodeScalar(delimiter)))V\n" : ""
            for _ in 0..<random.int(in: 0...40) { text += random.pick(pieces) }
            let bytes = Array(text.utf8)
            let (fast, slow) = bytes.withUnsafeBufferPointer { buffer in
                (Self.readCSV(buffer, delimiter: delimiter, skipping: true), Self.readCSV(buffer, delimiter: delimiter, skipping: false))
            }
            #expect(fast == slow, "\(text.debugDescription)")
            if fast != slow { return }
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                while start < buffer.count {
                    let (end, plain, _) = CSVRecordReader.scanLine(buffer, from: start, delimiter: delimiter)
                    lines.all += 1
                    lines.plain += plain ? 1 : 0
                    start = end
                }
            }
        }
        // Both kinds of line were met, many times.
        #expect(lines.plain > lines.all / 10 && lines.plain < lines.all * 9 / 10, "\(lines)")
    }

    /// Every record's line and values, or the error, of a CSV read straight through the reader.
    static func readCSV(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, skipping: Bool) -> String {
        var reader = CSVRecordReader(file: "r.csv", options: CSVOptions(delimiter: delimiter, lenient: true))
        reader.plainLinesSkipSpaceFunction = skipping
        do {
            let (read, _, skipped, _) = try reader.read(bytes)
            let store = RecordStore(read.parts[0], globalOf: Array(0..<Int32(64)))
            let records = read.records.map { raw in
                "\(raw.line): " + raw.entries.map { "\(store.path(ofEntry: $0, first: raw.entries.lowerBound))=\(store.value(ofEntry: $0).text.debugDescription)" }.joined(separator: " ")
            }
            return (records + skipped.map { "skipped \($0.line):\($0.column.map(String.init) ?? "-") \($0.message)" }).joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    /// A CSV file of `size` bytes: rows with quoted line breaks (CRLF, LF,
    /// lone CR), quotes and delimiters, every 997th row one field short.
    static func largeCSV(size: Int = 256 << 10) -> (bytes: [UInt8], rows: [(id: String, text: String, line: Int)], short: [Int]) {
        var bytes = Array("Id;Text;Tail\r\n".utf8)
        var line = 2
        var rows: [(id: String, text: String, line: Int)] = []
        var short: [Int] = []
        var index = 0
        while bytes.count < size {
            index += 1
            if index % 997 == 0 {
                bytes += Array("\(index);only two\r\n".utf8)
                short.append(line)
                line += 1
                continue
            }
            let breaks = ["", "\r\n", "\n", "\r"][index % 4]
            let text = index % 3 == 0 ? "a\(breaks)b; \"q\" ø" : "plain ø \(index)"
            bytes += Array("\(index);\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\";t\r\n".utf8)
            rows.append((String(index), text, line))
            line += 1 + (index % 3 == 0 && !breaks.isEmpty ? 1 : 0)
        }
        return (bytes, rows, short)
    }

    @Test("a large CSV file with quoted line breaks of every kind gives every row, line, value and skipped row")
    func largeCSVFile() throws {
        let (bytes, rows, short) = Self.largeCSV()
        let dataset = try loadDataset([("big.csv", bytes)], csv: CSVOptions(delimiter: UInt8(ascii: ";"), lenient: true), id: "Id")
        #expect(dataset.records.count == rows.count)
        #expect(dataset.records.map(\.id) == rows.map(\.id))
        #expect(dataset.records.map { Int($0.line) } == rows.map(\.line))
        #expect(dataset.records.map { dataset.value($0, "Text")?.text } == rows.map(\.text))
        #expect(dataset.findings.map { $0.location?.line } == short)
        #expect(dataset.invalidCount == short.count)
    }

    @Test("a short row, a quote left open and text that is not UTF-8 in a large CSV file are reported at their line")
    func largeCSVFileErrors() throws {
        let (bytes, _, short) = Self.largeCSV()
        // Without lenient, the first short row stops the read.
        var caught: OffsyncError? = nil
        do { _ = try loadDataset([("big.csv", bytes)], csv: CSVOptions(delimiter: UInt8(ascii: ";")), id: "Id") } catch { caught = error }
        expectPlace(caught, "big.csv", line: short[0], column: 13)
        // A quote left open near the start runs to the end of the file.
        var open = bytes
        let at = open.firstIndex(of: UInt8(ascii: "p"))!
        open.insert(UInt8(ascii: "\""), at: at)
        caught = nil
        do { _ = try loadDataset([("open.csv", open)], csv: CSVOptions(delimiter: UInt8(ascii: ";"), lenient: true), id: "Id") } catch { caught = error }
        #expect(caught?.location?.line == 2)
        // Text that is not UTF-8 near the end.
        var bad = bytes
        let last = bad.lastIndex(of: 0xC3)!  // the last ø's first byte
        bad[last] = 0xFF
        caught = nil
        do { _ = try loadDataset([("bad.csv", bad)], csv: CSVOptions(delimiter: UInt8(ascii: ";"), lenient: true), id: "Id") } catch { caught = error }
        #expect(caught?.location?.line == lineNumber(of: last, in: bad))
        #expect("\(caught.map { "\($0)" } ?? "")".contains("not valid UTF-8"))
    }

    @Test("files with the same paths in different orders, and paths only some files have, map to one table")
    func remappedPaths() throws {
        let dataset = try loadDataset(
            [
                ("p-1.json", Array(#"[{"id":"1","b":"B1","a":{"x":1}},{"id":"2","a":{"x":2},"b":"B2"}]"#.utf8)),
                ("p-2.csv", Array("z;a.x;id\nZ3;3;3\n".utf8)),
                ("p-3.ndjson", Array(#"{"a":{"x":4,"y":true},"id":"4"}"#.utf8)),
            ],
            globs: ["p-*"])
        #expect(dataset.records.map(\.id) == ["1", "2", "3", "4"])
        #expect(dataset.records.map { dataset.value($0, "a.x")?.text } == ["1", "2", "3", "4"])
        #expect(dataset.records.map { dataset.value($0, "b")?.text } == ["B1", "B2", nil, nil])
        #expect(dataset.records.map { dataset.value($0, "z")?.text } == [nil, nil, "Z3", nil])
        #expect(dataset.value(dataset.records[3], "a.y") == .bool(true))
        #expect(Set(dataset.presentPaths.map { dataset.paths.names[Int($0)] }) == ["id", "b", "a.x", "z", "a.y"] as Set)
        // `a` is an object, never a field; only parents know it.
        #expect(!dataset.hasPath("a") && dataset.isParentPath("a"))
        for record in dataset.records {
            #expect(record.fields.map(\.path) == record.fields.map(\.path).sorted())
            #expect(record.fieldCount == record.fields.count)
        }
    }

    @Test("datasets read in parallel equal the same datasets read one at a time: ids, values, paths, findings")
    func parallelEqualsSequential() throws {
        let folder = TemporaryFolder()
        var random = SplitMix64(seed: 7)
        var specs: [DatasetSpec] = []
        for system in 0..<3 {
            for page in 0..<3 {
                var lines: [String] = []
                for row in 0..<200 {
                    let extra = random.chance(0.3) ? #","extra\#(random.int(in: 0...5))":"\#(row)""# : ""
                    let id = random.chance(0.05) ? "" : "\(random.int(in: 0...700))"
                    lines.append(#"{"id":"\#(id)","n":{"v\#(page)":\#(row)}\#(extra),"x":"p\#(page)"}"#)
                }
                folder.write("s\(system)/page-\(page).ndjson", lines.joined(separator: "\n"))
            }
            folder.write("s\(system)/rows.csv", "Id;Kind\n1;a\n2;b\n3;a\n")
            specs.append(DatasetSpec(key: DatasetKey(system: "s\(system)", entity: "Pages"), files: ["s\(system)/page-*.ndjson"], id: "id"))
            specs.append(DatasetSpec(
                key: DatasetKey(system: "s\(system)", entity: "A"), files: ["s\(system)/rows.csv"], id: "Id",
                filter: [FieldCondition(path: "Kind", value: "a")]))
        }
        var parallel = DatasetLoader(root: folder.path)
        let together = try parallel.load(specs)
        var oneByOne: [Dataset] = []
        var sequential = DatasetLoader(root: folder.path)
        for spec in specs { oneByOne.append(try sequential.load(spec)) }

        #expect(together.count == oneByOne.count)
        for (a, b) in zip(together, oneByOne) {
            #expect(a.paths.names == b.paths.names)
            #expect(a.records.map(\.id) == b.records.map(\.id))
            #expect(a.records.map(\.line) == b.records.map(\.line))
            #expect(a.records.map(\.file) == b.records.map(\.file))
            #expect(a.records.map { $0.fields.map(\.path) } == b.records.map { $0.fields.map(\.path) })
            #expect(a.records.map { $0.fields.map(\.value) } == b.records.map { $0.fields.map(\.value) })
            #expect(a.findings.map(\.message) == b.findings.map(\.message))
            #expect(a.files == b.files)
            #expect(a.presentPaths == b.presentPaths)
        }
    }

    @Test("parallel reading reports the error a one-by-one load meets first")
    func parallelFirstError() throws {
        let folder = TemporaryFolder()
        folder.write("a.json", "[{\"id\":\"1\"}]")
        folder.write("b.json", "[{\"id\":\"2\",}]")
        folder.write("c.json", "[{\"id\":\"3\"")
        var loader = DatasetLoader(root: folder.path)
        let specs = ["a", "b", "c"].map { DatasetSpec(key: DatasetKey(system: "s", entity: $0), files: ["\($0).json"], id: "id") }
        var caught: OffsyncError? = nil
        do { _ = try loader.load(specs) } catch { caught = error }
        expectPlace(caught, "b.json", line: 1, column: 12)
    }

    @Test("an error at the end of a large file, past many checkpoints, is placed at its line and column")
    func errorPastCheckpoints() throws {
        var lines: [UInt8] = []
        var count = 0
        while lines.count < ReadingSizes.small.checkpoint * 2 + 100 {
            lines += Array(#"{"id":"\#(count)","note":"Smil 😀 og snø"}"#.utf8) + [0x0A]
            count += 1
        }
        let good = try loadDataset([("big.ndjson", lines)])
        #expect(good.records.count == count)
        #expect(good.value(good.records[count - 1], "note") == .string("Smil 😀 og snø"))
        var caught: OffsyncError? = nil
        do { _ = try loadDataset([("big.ndjson", lines + Array(#"{"id":"x","note":"ø"#.utf8) + [0xFF] + Array(#""}"#.utf8))]) } catch { caught = error }
        expectPlace(caught, "big.ndjson", line: count + 1, column: 20)
    }

    /// About 4 MB of pretty-printed JSON with CRLF line ends (so CRs fall at every place of the
    /// chunks inflating hands over), escapes and letters past ASCII.
    static func largeJSON(bytes: Int = 256 << 10) -> [UInt8] {
        var text = "[\r\n"
        var index = 0
        while text.utf8.count < bytes {
            if index > 0 { text += ",\r\n" }
            text += "  {\r\n    \"id\": \"\(index)\",\r\n    \"name\": \"Ørjan \\\"\(index)\\\" \\u00e5\",\r\n    \"n\": {\"v\": \(index), \"list\": [1, {\"a\": null}]}\r\n  }"
            index += 1
        }
        return Array((text + "\r\n]\r\n").utf8)
    }

    @Test("JSON in gzip gives what the plain file gives: records, lines, values, errors")
    func gzipJSON() throws {
        let plain = Self.largeJSON()
        let expected = try loadDataset([("big.json", plain)])
        let streamed = try loadDataset([("big.json.gz", try gzipTool(plain))])
        #expect(streamed.records.count == expected.records.count)
        #expect(streamed.records.map(\.id) == expected.records.map(\.id))
        #expect(streamed.records.map(\.line) == expected.records.map(\.line))
        #expect(streamed.records.map { $0.fields.map(\.value) } == expected.records.map { $0.fields.map(\.value) })
        #expect(streamed.paths.names == expected.paths.names)

        // An error near the end, and one a record cut by a chunk could look like.
        for (at, bad) in [(plain.count - 30, UInt8(ascii: "x")), (plain.count / 2, UInt8(0xFF))] {
            var broken = plain
            broken[at] = bad
            var want: OffsyncError? = nil
            do { _ = try loadDataset([("b.json", broken)]) } catch { want = error }
            let compressed = try gzipTool(broken)
            var got: OffsyncError? = nil
            do { _ = try loadDataset([("b.json.gz", compressed)]) } catch { got = error }
            #expect(want != nil)
            #expect(got?.location?.line == want?.location?.line && got?.location?.column == want?.location?.column)
            #expect(got.map { "\($0)" }?.split(separator: ":").last == want.map { "\($0)" }?.split(separator: ":").last)
        }
    }

    @Test("an error past many checkpoints of JSON in gzip is placed as in the plain file")
    func gzipJSONPastCheckpoints() throws {
        var plain = Self.largeJSON(bytes: ReadingSizes.small.checkpoint * 8)
        plain[plain.lastIndex(of: UInt8(ascii: ":"))!] = UInt8(ascii: "?")
        var want: OffsyncError? = nil
        do { _ = try loadDataset([("b.json", plain)]) } catch { want = error }
        let compressed = try gzipTool(plain)
        var got: OffsyncError? = nil
        do { _ = try loadDataset([("b.json.gz", compressed)]) } catch { got = error }
        #expect(want?.location?.line ?? 0 > 1_000)
        #expect(got?.location?.line == want?.location?.line && got?.location?.column == want?.location?.column)
    }

    @Test("minified JSON in gzip (one line past many checkpoints) places errors and duplicate keys by character as the plain file")
    func gzipJSONOneLine() throws {
        // Records of one line, with characters of two bytes, over two checkpoints.
        var text = "["
        var index = 0
        while text.utf8.count < ReadingSizes.small.checkpoint * 2 + 50_000 {
            text += (index == 0 ? "" : ",") + #"{"id":"\#(index)","name":"Ørjan å \#(index)","n":{"v":\#(index)}}"#
            index += 1
        }
        // The last record gives a key twice; the column counts characters, not bytes.
        let repeated = #",{"id":"last","name":"a","name":"b"}"#
        let plain = Array((text + repeated + "]").utf8)
        let secondKey = text.count + repeated.distance(from: repeated.startIndex, to: repeated.range(of: #""name":"b""#)!.lowerBound) + 1
        for (name, bytes) in [("one.json", plain), ("one.json.gz", try gzipTool(plain))] {
            let dataset = try loadDataset([(name, bytes)])
            #expect(dataset.records.count == index + 1)
            let note = try #require(dataset.findings.first { $0.code == .duplicateKey })
            #expect(note.location?.line == 1 && note.location?.column == secondKey, "\(name)")
        }
        // An error in the last record.
        let broken = Array((text + #",{"id":"last","name":?}]"#).utf8)
        let column = text.count + #",{"id":"last","name":"#.count + 1
        for (name, bytes) in [("b.json", broken), ("b.json.gz", try gzipTool(broken))] {
            var caught: OffsyncError? = nil
            do { _ = try loadDataset([(name, bytes)]) } catch { caught = error }
            #expect(caught?.location?.line == 1 && caught?.location?.column == column, "\(name)")
        }
    }

    @Test("JSON gzip with two members (the trailer gives only the last one's size) or cut short is read or refused as before")
    func gzipJSONMembers() throws {
        let plain = Self.largeJSON()
        let half = plain.count / 2
        let cut = plain[..<half].lastIndex(of: UInt8(ascii: "{"))! - 4
        let twoMembers = try gzipTool(Array(plain[..<cut])) + gzipTool(Array(plain[cut...]))
        let dataset = try loadDataset([("two.json.gz", twoMembers)])
        #expect(dataset.records.count == (try loadDataset([("p.json", plain)])).records.count)

        let whole = Array(try gzipTool(plain).dropLast(5000))
        var caught: OffsyncError? = nil
        do { _ = try loadDataset([("t.json.gz", whole)]) } catch { caught = error }
        #expect(caught.map { "\($0)" }?.contains("the gzip file is truncated") == true)
    }

    @Test("CSV in gzip gives what the plain file gives: records, lines, values, skipped rows")
    func gzipCSV() throws {
        let (plain, _, _) = Self.largeCSV(size: 1 << 20)
        let options = CSVOptions(delimiter: UInt8(ascii: ";"), lenient: true)
        let expected = try loadDataset([("big.csv", plain)], csv: options, id: "Id")
        let compressed = try gzipTool(plain)
        let streamed = try loadDataset([("big.csv.gz", compressed)], csv: options, id: "Id")
        #expect(streamed.records.count == expected.records.count)
        #expect(streamed.records.map(\.id) == expected.records.map(\.id))
        #expect(streamed.records.map(\.line) == expected.records.map(\.line))
        #expect(streamed.records.map { $0.fields.map(\.value) } == expected.records.map { $0.fields.map(\.value) })
        #expect(streamed.findings.map(\.message) == expected.findings.map(\.message))
        #expect(streamed.findings.map { $0.location?.line } == expected.findings.map { $0.location?.line })
    }

    @Test("CSV in gzip with lone CR line ends, a line of 100 KB, two members, an error, or cut short reads or fails as the plain file", arguments: ["cr", "long", "members", "error", "truncated"])
    func gzipCSVEdges(_ kind: String) throws {
        var text = "id,Text\r"
        for index in 0..<6_000 { text += "\(index),row \(index) ø\r" }
        if kind == "long" {
            text += "long,\"" + String(repeating: "x\ny,", count: 30_000) + "\"\r"
            text += "longer," + String(repeating: "z", count: 100_000) + "\r"
        }
        for index in 6_000..<9_000 { text += "\(index),row \(index)\r" }
        var plain = Array(text.utf8)
        if kind == "error" { plain[plain.count - 40] = UInt8(ascii: "\"") }
        var compressed = try gzipTool(plain)
        if kind == "members" {
            let cut = plain.count / 3
            compressed = try gzipTool(Array(plain[..<cut])) + gzipTool(Array(plain[cut...]))
        }
        if kind == "truncated" { compressed.removeLast(3000) }
        func outcome(_ name: String, _ bytes: [UInt8]) -> (ids: [String], lines: [Int32], error: String?) {
            do {
                let dataset = try loadDataset([(name, bytes)])
                return (dataset.records.map(\.id), dataset.records.map(\.line), nil)
            } catch {
                // Line, column and message: the file names differ.
                return ([], [], "\(error)".split(separator: ":", maxSplits: 1).last.map(String.init))
            }
        }
        let got = outcome("x.csv.gz", compressed)
        if kind == "truncated" {
            #expect(got.error?.contains("the gzip file is truncated") == true)
        } else {
            let want = outcome("x.csv", plain)
            #expect(got.ids == want.ids && got.lines == want.lines)
            #expect(got.error == want.error)
            #expect((want.error != nil) == (kind == "error"))
            #expect(want.ids.count >= (kind == "error" ? 0 : 9_000))
        }
    }

    @Test("a CSV store keeps 2-byte field ends until a record's text passes 64 KB, then 4-byte ends, with the same values")
    func narrowAndWideColumns() throws {
        func values(_ rows: [[String]]) throws -> (narrow: Bool, values: [[String?]]) {
            let text = "Id;A;B\n" + rows.map { $0.joined(separator: ";") + "\n" }.joined()
            let dataset = try loadDataset([("x.csv", Array(text.utf8))], csv: CSVOptions(delimiter: UInt8(ascii: ";")), id: "Id")
            return (dataset.records[0].store.narrow, dataset.records.map { record in ["Id", "A", "B"].map { dataset.value(record, $0)?.text } })
        }
        let small = (0..<5).map { ["\($0)", "a\($0)", "b\($0)"] }
        // Id "9" and A of 65,533 bytes end at 65,535 (after "9" and "A…"); one byte more passes 2 bytes.
        let exact = ["9", String(repeating: "x", count: 65_534), ""]
        #expect(try values(small + [exact] + small.map { $0.map { $0 + "z" } }) == (true, (small + [exact] + small.map { $0.map { $0 + "z" } }).map { $0.map(Optional.some) }))
        // The record that passes 64 KB is part read: its first fields were stored narrow.
        for wide in [["9", String(repeating: "y", count: 65_535), "after"], ["9", "a", String(repeating: "é", count: 40_000)]] {
            let rows = small + [wide] + small.map { $0.map { "ø" + $0 } }
            #expect(try values(rows) == (false, rows.map { $0.map(Optional.some) }))
        }
    }

    @Test("an id is a place in its record's text: trimmed of ASCII and Unicode white space, true and false, and equal ids by canonical equivalence are one id")
    func idsAsTextPlaces() throws {
        let json = #"""
            [{"id": " 7\t"}, {"id": "\u00a08\u3000"}, {"id": true}, {"id": "\u00c5"}, {"id": "A\u030a"},
             {"id": "\u212a"}, {"id": "K"}, {"id": " \u2003 "}, {"id": null}, {"id": 1234567890123456789012},
             {"id": "long-id-of-more-than-fifteen-bytes"}, {"id": "long-id-of-more-than-fifteen-bytes "}]
            """#
        let dataset = try loadDataset([("x.json", Array(json.utf8))])
        // Byte for byte: `==` on strings would not tell "Å" from "A\u{030A}".
        #expect(dataset.records.map { Array($0.id.utf8) } == ["7", "8", "true", "\u{00C5}", "\u{212A}", "1234567890123456789012", "long-id-of-more-than-fifteen-bytes"].map { Array($0.utf8) })
        #expect(dataset.findings.filter { $0.code == .duplicate }.compactMap { $0.recordID.map { Array($0.utf8) } } == ["A\u{030A}", "K", "long-id-of-more-than-fifteen-bytes"].map { Array($0.utf8) })
        #expect(dataset.findings.filter { $0.code == .invalid }.count == 2)
    }

    @Test("the id check over blocks of records finds exactly the repeats a dictionary of strings finds, whatever the ids' form, with or without a filter")
    func idCheckAgainstDictionary() throws {
        var random = SplitMix64(seed: 11)
        // Canonically equivalent pairs (one ASCII side among them), ids of 16 bytes and more, and spaces to trim.
        let forms = [["K", "\u{212A}"], ["é", "e\u{0301}"], ["Å", "A\u{030A}", "\u{212B}"], ["9007199254740993"], ["ø-long-id-of-twenty"]]
        var rows: [(id: String, kind: String, line: Int)] = []
        var text = "Id;Kind;V\n"
        // More records than two blocks of id candidates (2^15), the last one ending inside a
        // chunk, so that repeats cross blocks and chunks.
        for index in 0..<((2 << 15) + 3_000) {
            let form = forms[random.int(in: 0...forms.count - 1)]
            let id = random.int(in: 0...3) == 0 ? random.pick(form) + "\(random.int(in: 0...2_000))" : "\(index)x"
            let written = random.chance(0.1) ? " \(id)\t" : id
            let kind = random.pick(["a", "A", "b"])
            text += "\(written);\(kind);v\(index)\n"
            rows.append((id, kind, index + 2))
        }
        for filtered in [false, true] {
            var firstSeen: [String: Int] = [:]
            var expected: [(id: String, line: Int, first: Int)] = []
            for row in rows where !filtered || row.kind.lowercased() == "a" {
                if let first = firstSeen[row.id] { expected.append((row.id, row.line, first)) } else { firstSeen[row.id] = row.line }
            }
            let dataset = try loadDataset(
                [("x.csv", Array(text.utf8))], csv: CSVOptions(delimiter: UInt8(ascii: ";")), id: "Id",
                filter: filtered ? [FieldCondition(path: "Kind", value: "a")] : [])
            let repeats = dataset.findings.filter { $0.code == .duplicate }
            #expect(expected.count > 1_000)
            #expect(repeats.map { $0.location?.line } == expected.map { $0.line })
            #expect(zip(repeats, expected).allSatisfy { $0.message.contains("first at ") && $0.message.contains(":\($1.first))") })
            #expect(dataset.records.map { Int($0.line) } == firstSeen.values.sorted())
        }
    }

    @Test("a record built from fields answers like a read one")
    func recordFromFields() {
        let long = Record(id: "an-id-longer-than-fifteen-bytes", sortedFields: [Record.Field(path: 1, value: .string("v"))], file: 0, line: 1)
        #expect(long.id == "an-id-longer-than-fifteen-bytes")
        #expect(long.value(at: 1) == .string("v"))
        let record = Record(
            id: "1", sortedFields: [
                Record.Field(path: 2, value: .string("å")), Record.Field(path: 5, value: .number("1.50")),
                Record.Field(path: 7, value: .bool(false)), Record.Field(path: 9, value: .null),
                Record.Field(path: 11, value: .composite("[1,2]")),
            ], file: 0, line: 3)
        #expect(record.value(at: 2) == .string("å"))
        #expect(record.value(at: 5) == .number("1.50"))
        #expect(record.value(at: 7) == .bool(false))
        #expect(record.value(at: 9) == .null)
        #expect(record.value(at: 11) == .composite("[1,2]"))
        #expect(record.value(at: 3) == nil && record.value(at: 12) == nil && record.value(at: -1) == nil)
        #expect(record.fields.map(\.path) == [2, 5, 7, 9, 11])
        #expect(record.id == "1")
    }
}
