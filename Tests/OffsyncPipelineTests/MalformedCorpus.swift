import Foundation
import OffsyncDiagnostics
import Testing

/// The corpus of malformed inputs: each a fixture of `MalformedCorpus/` put in place of a sample
/// export, bytes made from one, or an edit of the sample workspace, with the place and message it
/// must produce. The fixtures are small, so that lines and columns can be counted by eye.
enum MalformedCorpus {
    typealias W = CorpusWorkspace

    static let customers = W.customersCSV
    static let companies = W.companiesJSON
    static let users = W.usersNDJSON
    static let manifest = W.manifest
    static let gzipCustomers = "dumps/custompms/customers.csv.gz"
    static let gzipCompanies = "dumps/crmoffice/companies.json.gz"

    /// Points the manifest at a gzip export in place of the plain one.
    static func gzipped(_ w: W, _ plain: String, _ bytes: [UInt8]) throws {
        try w.remove(plain)
        try w.write(plain + ".gz", try W.gzip(bytes))
        try w.edit(manifest, "files: \(plain),", "files: \(plain).gz,")
    }

    /// Bytes that are not an export of any kind (no whitespace first, no line breaks near the start).
    static let garbage: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: 7 &+ $0 &* 131) }

    static let nulHint = "a file preallocated and only partly written"

    /// A folder beside the workspace, for an export kept outside it.
    static let elsewhere = "elsewhere"

    // MARK: CSV

    static let csv: [Refusal] = [
        Refusal(
            name: "CSV: a quote never closed", place: Place(file: customers, line: .at(3), column: 8),
            message: "the file ends inside a quoted field: the quote opened here is never closed"
        ) { try $0.install("unterminated-quote.csv", as: customers) },
        Refusal(
            name: "CSV: a ragged row with a field too many", place: Place(file: customers, line: .at(3), column: 71),
            message: "the row has 9 fields, the header has 8: field 9 is one too many (set csv: { lenient: true }"
        ) { try $0.install("too-many-fields.csv", as: customers) },
        Refusal(
            name: "CSV: a ragged row cut short", place: Place(file: customers, line: .at(4), column: 16),
            message: "the row has 2 fields, the header has 8: it ends before field 3 ('org_number')"
        ) { try $0.install("too-few-fields.csv", as: customers) },
        Refusal(
            name: "CSV: a quote inside an unquoted field", place: Place(file: customers, line: .at(3), column: 13),
            message: "a quote inside an unquoted field, or text after a closing quote; fields are split at ',' (sniffed from the header line)"
        ) { try $0.install("quote-inside-field.csv", as: customers) },
        Refusal(
            name: "CSV: a header column without a name", place: Place(file: customers, line: .at(1), column: 13),
            message: "header field 2 has no name; every column needs one"
        ) { try $0.install("unnamed-column.csv", as: customers) },
        Refusal(
            name: "CSV: a header naming a column twice", place: Place(file: customers, line: .at(1), column: 46),
            message: "header field 7 repeats the name 'name' of field 2; column names must be unique"
        ) { try $0.install("repeated-column.csv", as: customers) },
        Refusal(
            name: "CSV: text that is not UTF-8", place: Place(file: customers, line: .at(3), column: 10),
            message: "byte 0xE9 in field 2 ('name') is not valid UTF-8; if the export is Windows-1252"
        ) { try $0.write(customers, try inserting([0xE9], before: "ta AS", in: try W.fixture("customers.csv"))) },
        Refusal(
            name: "CSV: a NUL byte in a field", place: Place(file: customers, line: .at(3), column: 10),
            message: "a NUL byte (0x00): text exports never hold one; \(nulHint) does"
        ) { try $0.write(customers, try inserting([0], before: "ta AS", in: try W.fixture("customers.csv"))) },
        Refusal(
            name: "CSV: a NUL byte in a gzip export", place: Place(file: gzipCustomers, line: .at(3), column: 10),
            message: "a NUL byte (0x00): text exports never hold one"
        ) { try gzipped($0, customers, try inserting([0], before: "ta AS", in: try W.fixture("customers.csv"))) },
        Refusal(
            name: "CSV: NUL bytes after the last row (a file preallocated, then written in part)",
            place: Place(file: customers, line: .at(5), column: 1), message: "a NUL byte (0x00)"
        ) { try $0.write(customers, try W.fixture("customers.csv") + [UInt8](repeating: 0, count: 4096)) },
        Refusal(
            name: "CSV: a NUL byte is refused in a lenient Windows-1252 read too",
            place: Place(file: "dumps/powerofficego/customers.csv", line: .at(3), column: 1), message: "a NUL byte (0x00)"
        ) { w in
            let file = "dumps/powerofficego/customers.csv"
            var bytes = try w.bytes(file)
            let third = try #require(bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst().first) + 1
            bytes.insert(0, at: third)
            try w.write(file, bytes)
            let lenient = #"csv: { delimiter: ";", encoding: windows-1252, lenient: true }"#
            try w.edit(manifest, #"csv: { delimiter: ";", encoding: windows-1252 }"#, lenient)
            try w.edit(manifest, #"csv: { delimiter: ";", encoding: windows-1252 }"#, lenient)
        },
        Refusal(
            name: "CSV: a byte order mark in the middle (two exports joined)", place: Place(file: customers, line: .at(5), column: 1),
            message: "a byte order mark (EF BB BF) starts this line: it belongs only at the start of a file, so this looks like several exports joined into one"
        ) { w in
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let csv = try W.fixture("customers.csv")
            try w.write(customers, bom + csv + bom + csv)
        },
        Refusal(
            name: "CSV: a byte order mark with encoding windows-1252", place: Place(file: customers, line: .at(1), column: 1),
            message: "the file starts with a UTF-8 byte order mark, but the manifest says csv: { encoding: windows-1252 }"
        ) { w in
            try w.write(customers, [0xEF, 0xBB, 0xBF] + (try W.fixture("customers.csv")))
            try w.edit(manifest, "files: dumps/custompms/customers.csv,", "files: dumps/custompms/customers.csv, csv: { encoding: windows-1252 },")
        },
        Refusal(
            name: "CSV: UTF-16", place: Place(file: customers, line: .at(1), column: 1),
            message: "the file is UTF-16 (it starts with the byte order mark ff fe)"
        ) { w in
            let text = try w.text(customers)
            try w.write(customers, [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        },
        Refusal(
            name: "CSV: an empty file", place: Place(file: customers, line: .at(1), column: 1),
            message: "the CSV file has no header row (it is empty)"
        ) { try $0.write(customers, []) },
        Refusal(
            name: "CSV: a header only, without the id column",
            place: Place(file: manifest, line: .of("Customer: { files: dumps/custompms"), column: .of("customer_id"), key: "systems.custompms.datasets.Customer.id"),
            message: "the id field 'customer_id' is in no record of custompms.Customer (did you mean 'customer'?); the header's columns: 'city', 'country', 'customer', 'email', 'name', 'org_number', 'phone', 'updated'; read with the delimiter ',' (sniffed from the header line)"
        ) { try $0.install("header-only-without-id.csv", as: customers) },
        Refusal(
            name: "CSV: a pipe-delimited export, sniffed as one column",
            place: Place(file: manifest, line: .of("Customer: { files: dumps/custompms"), column: .of("customer_id"), key: "systems.custompms.datasets.Customer.id"),
            message: "the id field 'customer_id' is in no record of custompms.Customer; the header's columns: 'customer_id|name|org_number|email|phone|city|country|updated'; read with the delimiter ',' (sniffed from the header line)"
        ) { w in
            try w.write(customers, Array(try w.text(customers).replacingOccurrences(of: ",", with: "|").utf8))
        },
        Refusal(
            name: "CSV: the wrong delimiter given, with a where",
            place: Place(file: manifest, line: .of("Customer: { files: dumps/custompms"), column: .of("NO }"), key: "systems.custompms.datasets.Customer.where.country"),
            message: #"the where field 'country' is in no record of custompms.Customer; the header's columns: 'customer_id,name,org_number,email,phone,city,country,updated'; read with the delimiter ';' (given in csv: { delimiter }); the header was read as one column, and it holds ',': set csv: { delimiter: "," }; as it is, the dataset would have no records"#
        ) { w in
            try w.install("customers.csv", as: customers)
            try w.edit(manifest, "files: dumps/custompms/customers.csv,", #"files: dumps/custompms/customers.csv, csv: { delimiter: ";" }, where: { country: NO },"#)
        },
        Refusal(
            name: "CSV: a where column spelled in the wrong case",
            place: Place(file: manifest, line: .of("where: { isPerson: true }"), column: .of("true"), key: "systems.powerofficego.datasets.Customers person.where.isPerson"),
            message: "the where field 'isPerson' is in no record of powerofficego.Customers person (did you mean 'IsPerson'?); the header's columns: 'CurrencyCode', "
        ) { try $0.edit(manifest, "where: { IsPerson: true }", "where: { isPerson: true }") },
        Refusal(
            name: "CSV: a misspelled id column",
            place: Place(file: manifest, line: .of("Customer: { files: dumps/custompms"), column: .of("customerId"), key: "systems.custompms.datasets.Customer.id"),
            message: "the id field 'customerId' is in no record of custompms.Customer (did you mean 'customer_id'?)"
        ) { try $0.edit(manifest, "id: customer_id,", "id: customerId,") },
    ]

    // MARK: JSON and NDJSON

    static let json: [Refusal] = [
        Refusal(
            name: "JSON: truncated mid-string", place: Place(file: companies, line: .at(3), column: 40), message: "the string is not closed"
        ) { try $0.install("truncated-mid-string.json", as: companies) },
        Refusal(
            name: "JSON: trailing garbage after the array", place: Place(file: companies, line: .at(5), column: 3),
            message: "expected the end of the file after the JSON value, found '{'"
        ) { try $0.install("trailing-garbage.json", as: companies) },
        Refusal(
            name: "JSON: a record that is not an object", place: Place(file: companies, line: .at(3), column: 3),
            message: "a record must be a JSON object, found '2'"
        ) { try $0.install("record-not-an-object.json", as: companies) },
        Refusal(
            name: "JSON: a number with a leading zero", place: Place(file: companies, line: .at(3), column: 10),
            message: "a number may not start with 0"
        ) { try $0.install("number-with-leading-zero.json", as: companies) },
        Refusal(
            name: "JSON: a comma before a closing brace", place: Place(file: companies, line: .at(3), column: 86),
            message: "expected a key in quotes, found '}'"
        ) { try $0.install("trailing-comma.json", as: companies) },
        Refusal(
            name: "JSON: nesting 100,000 deep", place: Place(file: companies, line: .at(1), column: 144),
            message: "nesting deeper than 128 levels"
        ) { w in
            let deep = #"[{"id": 1, "a": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}]"
            try w.write(companies, Array(deep.utf8))
        },
        Refusal(
            name: "JSON: a NUL byte inside a string", place: Place(file: companies, line: .at(3), column: 24),
            message: "a NUL byte (0x00; JSON text never holds one, \(nulHint) does: export it again) inside a string"
        ) { try $0.write(companies, try inserting([0], before: "ta AS", in: try W.fixture("companies.json"))) },
        Refusal(
            name: "JSON: a NUL byte between tokens", place: Place(file: companies, line: .at(3), column: 12),
            message: "expected a key in quotes, found a NUL byte (0x00"
        ) { try $0.write(companies, try inserting([0], before: #" "name": "Beta"#, in: try W.fixture("companies.json"))) },
        Refusal(
            name: "JSON: a NUL byte in a gzip export", place: Place(file: gzipCompanies, line: .at(3), column: 24),
            message: "a NUL byte (0x00"
        ) { try gzipped($0, companies, try inserting([0], before: "ta AS", in: try W.fixture("companies.json"))) },
        Refusal(
            name: "NDJSON: NUL bytes after the last line (a file preallocated, then written in part)",
            place: Place(file: users, line: .at(4), column: 1), message: "expected '{', found a NUL byte (0x00"
        ) { try $0.write(users, try W.fixture("users.ndjson") + [UInt8](repeating: 0, count: 4096)) },
        Refusal(
            name: "JSON: text that is not UTF-8", place: Place(file: companies, line: .at(3), column: 24),
            message: "byte 0xE9 in a string is not valid UTF-8; JSON exports must be UTF-8"
        ) { try $0.write(companies, try inserting([0xE9], before: "ta AS", in: try W.fixture("companies.json"))) },
        Refusal(
            name: "JSON: a raw control character inside a string", place: Place(file: companies, line: .at(3), column: 24),
            message: "a control character (0x01) inside a string must be escaped"
        ) { try $0.write(companies, try inserting([1], before: "ta AS", in: try W.fixture("companies.json"))) },
        Refusal(
            name: "JSON: a lone surrogate escape", place: Place(file: companies, line: .at(3), column: 24),
            message: #"\ud800 is a lone high surrogate"#
        ) { try $0.write(companies, try inserting(Array(#"\ud800"#.utf8), before: "ta AS", in: try W.fixture("companies.json"))) },
        Refusal(
            name: "NDJSON: a byte order mark in the middle (two exports joined)", place: Place(file: users, line: .at(4), column: 1),
            message: "expected '{', found a byte order mark (EF BB BF; it belongs only at the start of a file: were several exports joined into one?)"
        ) { w in
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let lines = try W.fixture("users.ndjson")
            try w.write(users, bom + lines + bom + lines)
        },
        Refusal(
            name: "JSON: UTF-16", place: Place(file: companies, line: .at(1), column: 1),
            message: "the file is UTF-16 (it starts with the byte order mark ff fe)"
        ) { w in
            let text = String(decoding: try W.fixture("companies.json"), as: UTF8.self)
            try w.write(companies, [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        },
        Refusal(
            name: "JSON: an empty file", place: Place(file: companies, line: .at(1), column: 1),
            message: "the file is empty: expected JSON records"
        ) { try $0.write(companies, []) },
        Refusal(
            name: "NDJSON: a line of garbage", place: Place(file: users, line: .at(2), column: 1), message: "expected '{', found 'H'"
        ) { try $0.install("garbage-line.ndjson", as: users) },
        Refusal(
            name: "NDJSON: the last line cut short", place: Place(file: users, line: .at(2), column: 45), message: "the string is not closed"
        ) { try $0.install("truncated-last-line.ndjson", as: users) },
        Refusal(
            name: "JSON: the records path missing from the export",
            place: Place(file: "dumps/zendesk/organizations.json", line: .at(1), column: 1),
            message: "no records at 'organisations': the object has no key 'organisations'"
        ) { try $0.edit(manifest, "records: organizations,", "records: organisations,") },
        Refusal(
            name: "JSON: a misspelled where field",
            place: Place(file: manifest, line: .of("where: { IsPersn: true }"), column: .of("true"), key: "systems.powerofficego.datasets.Suppliers person.where.IsPersn"),
            message: "the where field 'IsPersn' is in no record of powerofficego.Suppliers person (did you mean 'IsPerson'?); the records' fields: "
        ) { try $0.edit(manifest, "records: data\n        id: Id\n        where: { IsPerson: true }", "records: data\n        id: Id\n        where: { IsPersn: true }") },
        Refusal(
            name: "JSON: an id field in the wrong case",
            place: Place(file: manifest, line: .of("id: Code"), column: .of("Code"), key: "systems.powerofficego.datasets.Currency.id"),
            message: "the id field 'Code' is in no record of powerofficego.Currency (did you mean 'code'?); the records' fields: 'code', 'isActive', 'notation'; as it is, every record would be left out"
        ) { try $0.edit(manifest, "id: code", "id: Code") },
    ]

    // MARK: gzip

    static let gzip: [Refusal] = [
        Refusal(
            name: "gzip: truncated", place: Place(file: "dumps/youtrack/users.json.gz"),
            message: "the gzip file is truncated: it ends inside the compressed data"
        ) { w in
            let bytes = try w.bytes("dumps/youtrack/users.json.gz")
            try w.write("dumps/youtrack/users.json.gz", Array(bytes.prefix(bytes.count / 2)))
        },
        Refusal(
            name: "gzip: a gzip of garbage", place: Place(file: gzipCompanies, line: .at(1), column: 1),
            message: "expected a JSON array or object of records, found byte 0x7"
        ) { try gzipped($0, companies, garbage) },
        Refusal(
            name: "gzip: garbage after a gzip header", place: Place(file: "dumps/youtrack/users.json.gz"), message: "corrupt gzip data"
        ) { try $0.write("dumps/youtrack/users.json.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03] + garbage) },
        Refusal(
            name: "gzip: a checksum that does not match", place: Place(file: "dumps/youtrack/users.json.gz"), message: "corrupt gzip data near byte 7739 of the file: incorrect data check"
        ) { w in
            var bytes = try w.bytes("dumps/youtrack/users.json.gz")
            bytes[bytes.count - 8] ^= 0xFF
            try w.write("dumps/youtrack/users.json.gz", bytes)
        },
        Refusal(
            name: "gzip: named .gz but plain text", place: Place(file: "dumps/youtrack/users.json.gz"),
            message: "the file is named .gz but is not gzip data (it does not start with the bytes 1f 8b)"
        ) { try $0.write("dumps/youtrack/users.json.gz", try W.fixture("companies.json")) },
        Refusal(name: "gzip: an empty file", place: Place(file: "dumps/youtrack/users.json.gz"), message: "the gzip file is empty") {
            try $0.write("dumps/youtrack/users.json.gz", [])
        },
    ]

    // MARK: The manifest

    static let manifests: [Refusal] = [
        Refusal(name: "manifest: missing", place: Place(file: manifest), message: "there is no manifest: the folder is not a workspace") { try $0.remove(manifest) },
        Refusal(name: "manifest: empty", place: Place(file: manifest), message: "the manifest is empty") { try $0.write(manifest, []) },
        Refusal(
            name: "manifest: a YAML syntax error", place: Place(file: manifest, line: .of("  circuit-breaker: 0.10"), column: 18),
            message: "not valid YAML: did not find expected ',' or ']'"
        ) { try $0.edit(manifest, "  conflicts: latest-wins", "  conflicts: [latest-wins") },
        Refusal(
            name: "manifest: a tab for indentation", place: Place(file: manifest, line: .of("\tconflicts"), column: 1),
            message: "not valid YAML: found character that cannot start any token"
        ) { try $0.edit(manifest, "  conflicts: latest-wins", "\tconflicts: latest-wins") },
        Refusal(
            name: "manifest: an unknown key",
            place: Place(file: manifest, line: .of("        filter: x"), column: 9, key: "systems.powerofficego.datasets.Customers person.filter"),
            message: "unknown key 'filter' (known keys: batch, correlation, csv, files, id, modified, output, records, where)"
        ) { try $0.edit(manifest, "        where: { IsPerson: true }", "        filter: x\n        where: { IsPerson: true }") },
        Refusal(
            name: "manifest: a list where a value belongs",
            place: Place(file: manifest, line: .of("circuit-breaker: [1]"), column: 20, key: "options.circuit-breaker"),
            message: "expected a text value, found a list"
        ) { try $0.edit(manifest, "circuit-breaker: 0.10", "circuit-breaker: [1]") },
        Refusal(
            name: "manifest: a value where a mapping belongs",
            place: Place(file: manifest, line: .of("options: fast"), column: 10, key: "options"), message: "expected a mapping, found a text value"
        ) { try $0.edit(manifest, "options:\n  conflicts: latest-wins\n  circuit-breaker: 0.10\n  deletes: report", "options: fast") },
        Refusal(
            name: "manifest: an unknown encoding",
            place: Place(file: manifest, line: .of("encoding: utf-16"), column: .of("utf-16"), key: "systems.powerofficego.datasets.Customers.csv.encoding"),
            message: "unknown encoding 'utf-16' (known: utf-8, windows-1252, iso-8859-1)"
        ) { try $0.edit(manifest, "encoding: windows-1252", "encoding: utf-16") },
        Refusal(
            name: "manifest: a quote as the delimiter",
            place: Place(file: manifest, line: .of(#"delimiter: '"'"#), column: .of(#"'"'"#), key: "systems.powerofficego.datasets.Customers.csv.delimiter"),
            message: "a delimiter is one character other than a quote or line break"
        ) { try $0.edit(manifest, #"delimiter: ";""#, #"delimiter: '"'"#) },
        Refusal(
            name: "manifest: a glob matching nothing",
            place: Place(file: manifest, line: .of("files: dumps/powerofficego/contactperson-*.json"), column: .of("files"), key: "systems.powerofficego.datasets.Contactperson.files"),
            message: "'dumps/powerofficego/contactperson-*.json' matches no file"
        ) { try $0.edit(manifest, "dumps/powerofficego/contactpersons-*.json", "dumps/powerofficego/contactperson-*.json") },
        Refusal(
            name: "manifest: files outside the workspace",
            place: Place(file: manifest, line: .of("Contacts: { files: ../"), column: .of("{"), key: "systems.exact.datasets.Contacts.files"),
            message: "'../\(elsewhere)/contacts.json' is outside the workspace"
        ) { w in
            // The file is there: it is refused for where it is, not for being missing.
            try FileManager.default.createDirectory(atPath: w.path("../\(elsewhere)"), withIntermediateDirectories: true)
            try w.write("../\(elsewhere)/contacts.json", try w.bytes("dumps/exact/contacts.json"))
            try w.edit(manifest, "files: dumps/exact/contacts.json", "files: ../\(elsewhere)/contacts.json")
        },
        Refusal(
            name: "manifest: files at an absolute path elsewhere",
            place: Place(file: manifest, line: .of("Contacts: { files: /srv"), column: .of("{"), key: "systems.exact.datasets.Contacts.files"),
            message: "'/srv/exports/exact/contacts.json' is outside the workspace"
        ) { try $0.edit(manifest, "files: dumps/exact/contacts.json", "files: /srv/exports/exact/contacts.json") },
        Refusal(
            name: "manifest: an unsupported version", place: Place(file: manifest, line: .of("version: 2"), column: .of("2"), key: "version"),
            message: "unsupported manifest version (this offsync reads version 1)"
        ) { try $0.edit(manifest, "version: 1", "version: 2") },
        Refusal(
            name: "manifest: a dataset without id",
            place: Place(file: manifest, line: .of("files: dumps/powerofficego/currencies.json"), column: .of("files"), key: "systems.powerofficego.datasets.Currency.id"),
            message: "a dataset needs 'id' (the field holding each record's id)"
        ) { try $0.edit(manifest, "        files: dumps/powerofficego/currencies.json\n        id: code\n", "        files: dumps/powerofficego/currencies.json\n") },
        Refusal(
            name: "manifest: an unknown conflict policy", place: Place(file: manifest, line: .of("conflicts: newest-wins"), column: .of("newest"), key: "options.conflicts"),
            message: "unknown conflict policy 'newest-wins'"
        ) { try $0.edit(manifest, "conflicts: latest-wins", "conflicts: newest-wins") },
        Refusal(
            name: "manifest: a reference to no dataset",
            place: Place(file: manifest, line: .of("- document: dataflows/powerofficego-zendesk.rst"), column: .of("document"), key: "dataflows[1].references.partyId"),
            message: "reference 'partyId' names 'Customer', which is not a dataset of powerofficego"
        ) { try $0.edit(manifest, "references: { partyId: Customers }", "references: { partyId: Customer }") },
        Refusal(
            name: "manifest: types naming a property no flow maps",
            place: Place(file: manifest, line: .of("- document: dataflows/powerofficego-youtrack.rst"), column: .of("document"), key: "dataflows[0].types.Birthday"),
            message: "types names 'Birthday', which no flow of this dataflow maps"
        ) { try $0.edit(manifest, "    target: youtrack\n", "    target: youtrack\n    types: { Birthday: date }\n") },
        Refusal(
            name: "manifest: a dataflow's where on a field no record has",
            place: Place(file: manifest, line: .of("where: { Projects: { IsActiv: true } }"), column: .of("true"), key: "dataflows[5].where.Projects.IsActiv"),
            message: "the dataflow's where field 'IsActiv' is in no record of powerofficego.Projects (did you mean 'IsActive'?)"
        ) { try $0.edit(manifest, "    connections: {", "    where: { Projects: { IsActiv: true } }\n    connections: {") },
        Refusal(
            name: "manifest: a dataflow's where for an entity it does not synchronize from",
            place: Place(file: manifest, line: .of("where: { Currency: { code: NOK } }"), column: .of("{ code"), key: "dataflows[5].where.Currency"),
            message: "'where' names 'Currency', which no flow of this dataflow synchronizes from"
        ) { try $0.edit(manifest, "    connections: {", "    where: { Currency: { code: NOK } }\n    connections: {") },
        Refusal(
            name: "manifest: a dataflow with neither document nor source and target",
            place: Place(file: manifest, line: .of("  - target: zendesk\noptions"), column: .of("target"), key: "dataflows[6]"),
            message: "a dataflow names a 'document', or is inline with 'source' and 'target'"
        ) { try $0.edit(manifest, "\noptions:", "\n  - target: zendesk\noptions:") },
    ]

    // MARK: Documents

    static let exactDocument = "dataflows/powerofficego-exact.rst"
    static let zendeskDocument = "dataflows/powerofficego-zendesk.rst"

    static let documents: [Refusal] = [
        Refusal(
            name: "document: a property row missing a cell", place: Place(file: exactDocument, line: .of("   * - city\n     - \"string\"")),
            message: "a property row needs 3 cells (as many as the header), found 2"
        ) { try $0.edit(exactDocument, "   * - city\n     - City\n", "   * - city\n") },
        Refusal(
            name: "document: a merge row of one cell", place: Place(file: zendeskDocument, line: .of("   * - emailAddress\n\nOnce")),
            message: "a merge row needs 2 cells, found 1"
        ) { try $0.edit(zendeskDocument, "   * - emailAddress\n     - email\n\nOnce", "   * - emailAddress\n\nOnce") },
        Refusal(
            name: "document: a merge row pairing two properties with one",
            place: Place(file: zendeskDocument, line: .of("   * - emailAddress, partyId\n")),
            message: "a merge row lists 2 source and 1 target properties; they pair in order"
        ) { try $0.edit(zendeskDocument, "   * - emailAddress\n     - email\n\nOnce", "   * - emailAddress, partyId\n     - email\n\nOnce") },
        Refusal(
            name: "document: a line a table cannot hold", place: Place(file: exactDocument, line: .of("   * x city")),
            message: "unrecognised line in a table: * x city"
        ) { try $0.edit(exactDocument, "   * - city\n", "   * x city\n") },
        Refusal(
            name: "document: a flow naming an unknown system", place: Place(file: exactDocument, line: .of("Powerofficego Contactperson to Nosuch Contacts\n")),
            message: "no system of the manifest is named 'Nosuch'"
        ) { try $0.edit(exactDocument, "Powerofficego Contactperson to  Contacts\n", "Powerofficego Contactperson to Nosuch Contacts\n") },
        Refusal(
            name: "document: a flow naming an entity no dataset provides",
            place: Place(file: exactDocument, line: .of("Powerofficego Contactpersons to  Contacts\n")),
            message: "the document names entity type 'Contactpersons' of powerofficego, which no dataset provides"
        ) { try $0.edit(exactDocument, "Powerofficego Contactperson to  Contacts\n", "Powerofficego Contactpersons to  Contacts\n") },
        Refusal(
            name: "document: missing", place: Place(file: manifest, line: .of("- document: dataflows/powerofficego-exact.rst"), column: .of("document"), key: "dataflows[3].document"),
            message: "document 'dataflows/powerofficego-exact.rst' does not exist"
        ) { try $0.remove(exactDocument) },
        Refusal(name: "document: not UTF-8", place: Place(file: exactDocument), message: "the document is not valid UTF-8") { w in
            try w.write(exactDocument, try w.bytes(exactDocument) + [0xFF, 0x0A])
        },
    ]

    static let refusals = csv + json + gzip + manifests + documents

    // MARK: Records

    static let records: [RecordReport] = [
        RecordReport(name: "JSON: a record without id", code: .invalid, file: companies, line: 3, message: "record has no id (field 'id' is missing or empty); it is left out") {
            try $0.install("record-without-id.json", as: companies)
        },
        RecordReport(name: "JSON: an id given twice", code: .duplicate, file: companies, line: 4, message: "id 1 appears again (first at") {
            try $0.install("duplicate-id.json", as: companies)
        },
        RecordReport(
            name: "JSON: a key given twice in one object", code: "duplicate_key", file: companies, line: 3,
            message: "duplicate key 'name' in one object (given before at line 3, column 13); the last value is kept"
        ) { try $0.install("duplicate-key.json", as: companies) },
        RecordReport(
            name: "CSV: a ragged row in a lenient read", code: .invalid, file: customers, line: 4,
            message: "the row has 2 fields, the header has 8: it ends before field 3 ('org_number'); the row is skipped"
        ) { w in
            try w.install("too-few-fields.csv", as: customers)
            try w.edit(manifest, "files: dumps/custompms/customers.csv,", "files: dumps/custompms/customers.csv, csv: { lenient: true },")
        },
    ]
}
