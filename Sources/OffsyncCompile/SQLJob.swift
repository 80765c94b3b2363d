import OffsyncSpec

/// The SQL of a compiled job (DuckDB's or Spark's, `dialect`): each dataset's records, then per flow the links
/// (remembered, records the sync created, the merge rules, ambiguity and duplicates, creates),
/// conditional creations, links by content and sibling sections across flows, the changes of
/// every linked pair against its baselines, and the operations merged per record. The driver
/// has loaded each dataset's records as `raw<n>(ord, rec)` (JSON, or VARIANT in Spark) and the state as `state_link`
/// and `state_baseline` first; the SQL leaves `op_rows` (one row per operation and field),
/// `flow_counts` and `breaker`.
struct SQLJob {
    let spec: WorkspaceSpec
    let datasets: [DatasetSpec]
    let dialect: SQLDialect
    /// The fields each dataset's statements read, in the order of its columns: each record's
    /// JSON is parsed once, into a node column `n<i>` and a text column `v<i>` per field.
    let fields: [DatasetKey: [String]]

    init(spec: WorkspaceSpec, datasets: [DatasetSpec], dialect: SQLDialect) {
        self.spec = spec
        self.datasets = datasets
        self.dialect = dialect
        var fields: [DatasetKey: [String]] = [:]
        func use(_ key: DatasetKey, _ path: String?) {
            guard let path, !(fields[key]?.contains(path) ?? false) else { return }
            fields[key, default: []].append(path)
        }
        for flow in spec.flows {
            for pair in flow.flow.mergeCombinations.flatMap(\.pairs) { use(flow.source, pair.source); use(flow.target, pair.target) }
            for mapping in flow.properties { use(flow.source, mapping.source); use(flow.target, mapping.target) }
            for condition in flow.where { use(flow.source, condition.path) }
            for connection in flow.condition?.connections ?? [] { use(connection.dataset, connection.property) }
            use(flow.source, spec.manifest.dataset(flow.source)?.modified)
            use(flow.target, spec.manifest.dataset(flow.target)?.modified)
            use(flow.target, spec.manifest.dataset(flow.target)?.correlation)
        }
        self.fields = fields
    }

    func sql() -> String {
        var out = "-- Written by `offsync compile`: the decisions `offsync run` makes for this workspace.\n"
        out += dialect.prelude + "\n"
        for (n, dataset) in datasets.enumerated() { out += records(n, dataset) }
        for k in spec.flows.indices { out += links(k) }
        out += conditions()
        out += contentLinks()
        out += siblingCreates()
        out += mappingTable()
        for k in spec.flows.indices { out += changes(k) + creates(k) }
        out += operations()
        out += nextState()
        out += counts()
        return out
    }

    // MARK: Names

    func table(_ key: DatasetKey) -> String { "d\(index(key))" }
    func index(_ key: DatasetKey) -> Int { datasets.firstIndex { $0.key == key }! }

    /// A SQL string literal.
    func literal(_ text: String) -> String { dialect.literal(text) }

    /// The JSON node at a dotted path of a record: nested objects, or a key holding the dots.
    func recordNode(_ path: String) -> String {
        let found = dialect.jsonPaths(path).map { dialect.node(at: $0, in: "rec") }
        return found.count == 1 ? found[0] : "coalesce(\(found.joined(separator: ", ")))"
    }

    /// A table with these columns (`name TYPE`) and no rows.
    static func emptyTable(_ name: String, _ columns: [String]) -> String {
        "CREATE TABLE \(name) AS \(noRows(columns));\n"
    }

    /// A query of no rows with these columns (`name TYPE`).
    static func noRows(_ columns: [String]) -> String {
        "SELECT " + columns.map { column in
            let parts = column.split(separator: " ", maxSplits: 1)
            return "\(null(String(parts[1]))) AS \(parts[0])"
        }.joined(separator: ", ") + " WHERE false"
    }

    /// A typed null, as both DuckDB and Spark SQL write a cast.
    static func null(_ type: String) -> String { "CAST(NULL AS \(type))" }

    func recordRaw(_ path: String) -> String { "os_raw(\(recordNode(path)))" }

    /// A field's JSON node in a dataset's table (`alias.n<i>`), null where a record lacks it.
    func node(_ key: DatasetKey, _ path: String, _ alias: String? = nil) -> String {
        (alias.map { $0 + "." } ?? "") + "n\(fields[key]!.firstIndex(of: path)!)"
    }

    /// A field's text in a dataset's table (`alias.v<i>`), as `os_raw` reads it.
    func raw(_ key: DatasetKey, _ path: String, _ alias: String? = nil) -> String {
        (alias.map { $0 + "." } ?? "") + "v\(fields[key]!.firstIndex(of: path)!)"
    }

    static func normalizer(_ comparison: Comparison) -> String {
        "os_norm_" + comparison.rawValue.replacingOccurrences(of: "-", with: "_")
    }

    // MARK: Records

    /// A dataset: the records its `where:` selects, each id (trimmed) once (the first in file order),
    /// the rest counted as invalid, as offsync leaves them out (with the rows a lenient CSV
    /// reading skipped, `skipped`); then the fields the job reads.
    func records(_ n: Int, _ dataset: DatasetSpec) -> String {
        let filter = dataset.filter.map { "lower(\(recordRaw($0.path))) = \(literal($0.value.lowercased()))" }
        let selected = filter.isEmpty ? "true" : filter.joined(separator: " AND ")
        let paths = fields[dataset.key] ?? []
        // DuckDB: every field's JSON path in one list, so a record is parsed once (Spark parsed
        // it when loading). A dotted path is looked for nested and as one key holding the dots.
        var jsonPaths: [String] = []
        let nodes = paths.enumerated().map { i, path -> String in
            let places = dialect.jsonPaths(path).map { place -> String in
                guard dialect == .duckdb else { return dialect.node(at: place, in: "rec") }
                jsonPaths.append(place)
                return "ns[\(jsonPaths.count)]"
            }
            return (places.count == 1 ? places[0] : "coalesce(\(places.joined(separator: ", ")))") + " AS n\(i)"
        }
        // The values are read before the records are numbered: numbering in file order is one
        // sort of everything (one task in Spark), reading them is not.
        var columns = paths.indices.flatMap { [(expression: "n\($0)", name: "n\($0)"), (expression: "os_raw(n\($0))", name: "v\($0)")] }
        // The change stamp as an instant, read once per record.
        if let modified = dataset.modified, let i = paths.firstIndex(of: modified) { columns.append((expression: "os_instant(os_raw(n\(i)))", name: "stamp")) }
        let extracted = dialect == .spark ? ", rec" : jsonPaths.isEmpty ? "" : ", json_extract(rec, [\(jsonPaths.map(literal).joined(separator: ", "))]) AS ns"
        return """

            -- \(dataset.key)
            CREATE TABLE d\(n)_read AS SELECT ord, os_trim(\(recordRaw(dataset.id))) AS id, rec FROM raw\(n) WHERE \(selected);
            CREATE TABLE d\(n) AS SELECT row_number() OVER (ORDER BY ord) AS rid, id\(columns.map { ", " + $0.name }.joined()) FROM (
                SELECT ord, id\(columns.map { ", " + ($0.expression == $0.name ? $0.name : "\($0.expression) AS \($0.name)") }.joined()) FROM (
                    SELECT ord, id\(nodes.map { ", " + $0 }.joined()) FROM (
                        SELECT ord, id\(extracted) FROM (
                            SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d\(n)_read WHERE id IS NOT NULL AND id <> '')
                        WHERE nth = 1)));
            CREATE TABLE d\(n)_invalid AS SELECT (SELECT count(*) FROM d\(n)_read) - (SELECT count(*) FROM d\(n))
                + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = \(literal(dataset.key.description))), 0) AS invalid;
            DROP TABLE d\(n)_read;
            DROP TABLE raw\(n);

            """
    }

    // MARK: Links of one flow

    /// A merge key: the combination's normalized values joined by U+001F, null when one is
    /// empty; for content links (`emptyMatchesEmpty`) an empty value counts as '' and only a
    /// key of nothing but empty values is null.
    func key(_ dataset: DatasetKey, _ pairs: [(path: String, comparison: Comparison)], emptyMatchesEmpty: Bool = false) -> String {
        let values = pairs.map { "\(Self.normalizer($0.comparison))(\(raw(dataset, $0.path)))" }
        if !emptyMatchesEmpty { return values.joined(separator: " || chr(31) || ") }
        let joined = values.map { "coalesce(\($0), '')" }.joined(separator: " || chr(31) || ")
        let anyValue = values.map { "\($0) IS NOT NULL" }.joined(separator: " OR ")
        return "CASE WHEN \(anyValue) THEN \(joined) END"
    }

    func links(_ k: Int) -> String {
        let flow = spec.flows[k]
        let (s, t) = (table(flow.source), table(flow.target))
        let target = spec.manifest.dataset(flow.target)!
        var out = "\n-- flow \(k): \(flow.name)\n"

        // 1. Links remembered by earlier runs (the driver loads them from state as
        // `state_link`): a link whose record is gone from an export is an orphan, and the record
        // still present is neither matched nor created again.
        out += """
            CREATE TABLE f\(k)_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
            FROM state_link l LEFT JOIN \(s) s ON s.id = l.source_id LEFT JOIN \(t) t ON t.id = l.target_id
            WHERE l.flow = \(literal(flow.name));
            CREATE TABLE f\(k)_orphan AS SELECT * FROM f\(k)_rem WHERE s IS NULL OR t IS NULL;
            -- In state order: a link pairs when both records are there and no earlier link (whole
            -- or orphan) holds its target; a link skipped so holds nothing.
            CREATE TABLE f\(k)_remembered AS SELECT s, t FROM (
                SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f\(k)_rem WHERE t IS NOT NULL)
            WHERE nth = 1 AND s IS NOT NULL;
            CREATE TABLE f\(k)_held_s AS SELECT s FROM f\(k)_remembered UNION SELECT s FROM f\(k)_orphan WHERE s IS NOT NULL;
            CREATE TABLE f\(k)_held_t AS SELECT t FROM f\(k)_remembered UNION SELECT t FROM f\(k)_orphan WHERE t IS NOT NULL;

            """

        // 2. Records the sync created: the target's correlation value names the source id (the
        // last target record holding a value wins, as offsync reads them in order).
        if let correlation = target.correlation {
            let prefix = "offsync:\(flow.source.system)/\(flow.source.entity)/"
            out += """
                CREATE TABLE f\(k)_corr AS SELECT s.rid AS s, c.t FROM \(s) s JOIN (
                    SELECT substr(v, \(prefix.unicodeScalars.count + 1)) AS sid, max(rid) AS t
                    FROM (SELECT rid, \(raw(flow.target, correlation)) AS v FROM \(t) WHERE rid NOT IN (SELECT t FROM f\(k)_held_t))
                    WHERE left(v, \(prefix.unicodeScalars.count)) = \(literal(prefix)) GROUP BY sid
                ) c ON c.sid = s.id
                WHERE s.rid NOT IN (SELECT s FROM f\(k)_held_s);

                """
        } else {
            out += Self.emptyTable("f\(k)_corr", ["s BIGINT", "t BIGINT"])
        }

        // The dataflow's `where:`: records it does not select are neither matched nor created.
        if flow.where.isEmpty {
            out += Self.emptyTable("f\(k)_notsel", ["s BIGINT"])
        } else {
            let selected = flow.where.map { "coalesce(lower(\(raw(flow.source, $0.path))) = \(literal($0.value.lowercased())), false)" }
            out += """
                CREATE TABLE f\(k)_notsel AS SELECT rid AS s FROM \(s)
                WHERE rid NOT IN (SELECT s FROM f\(k)_corr) AND rid NOT IN (SELECT s FROM f\(k)_held_s) AND NOT (\(selected.joined(separator: " AND ")));

                """
        }

        // 3. Merge rules: per combination, every record's key; a source record with one
        // candidate that no other source record claims links, several make it ambiguous.
        let combinations = flow.flow.mergeCombinations
        if combinations.isEmpty {
            out += Self.emptyTable("f\(k)_sk", ["c INTEGER", "rid BIGINT", "key STRING"])
            out += Self.emptyTable("f\(k)_tk", ["c INTEGER", "rid BIGINT", "key STRING"])
        } else {
            for (side, name, dataset, key) in [(\PropertyPair.source, "sk", s, flow.source), (\PropertyPair.target, "tk", t, flow.target)] {
                let selects = combinations.enumerated().map { c, combination in
                    let pairs = combination.pairs.map { (path: $0[keyPath: side], comparison: flow.comparison.comparison(for: $0)) }
                    return "SELECT \(c) AS c, rid, key FROM (SELECT rid, \(self.key(key, pairs)) AS key FROM \(dataset)) WHERE key IS NOT NULL"
                }
                out += "CREATE TABLE f\(k)_\(name) AS \(selects.joined(separator: "\nUNION ALL "));\n"
            }
        }
        out += """
            CREATE TABLE f\(k)_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f\(k)_sk) WHERE n > 1;
            CREATE TABLE f\(k)_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f\(k)_tk) WHERE n > 1;
            CREATE TABLE f\(k)_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
            FROM f\(k)_sk sk JOIN f\(k)_tk tk ON sk.c = tk.c AND sk.key = tk.key
            WHERE sk.rid NOT IN (SELECT s FROM f\(k)_corr) AND sk.rid NOT IN (SELECT s FROM f\(k)_notsel)
                AND sk.rid NOT IN (SELECT s FROM f\(k)_held_s)
                AND tk.rid NOT IN (SELECT t FROM f\(k)_corr) AND tk.rid NOT IN (SELECT t FROM f\(k)_held_t)
            GROUP BY sk.rid, tk.rid;
            CREATE TABLE f\(k)_merge AS SELECT s, any_value(t) AS t FROM (
                SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f\(k)_cand)
            GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
            CREATE TABLE f\(k)_amb AS SELECT DISTINCT s FROM f\(k)_cand WHERE s NOT IN (SELECT s FROM f\(k)_merge);
            CREATE TABLE f\(k)_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f\(k)_remembered
            UNION ALL SELECT s, t, 'correlation' FROM f\(k)_corr UNION ALL SELECT s, t, 'merged' FROM f\(k)_merge;
            CREATE TABLE f\(k)_left AS SELECT rid AS s FROM \(s)
            WHERE rid NOT IN (SELECT s FROM f\(k)_pairs0) AND rid NOT IN (SELECT s FROM f\(k)_amb) AND rid NOT IN (SELECT s FROM f\(k)_notsel)
                AND rid NOT IN (SELECT s FROM f\(k)_held_s);

            """
        // 4. What is left: created by a flow that syncs every record, else unmatched; a
        // conditional flow's is decided with the conditions (`conditions()`).
        if flow.condition != nil { return out }
        if flow.createsWhenUnmatched {
            out += "CREATE TABLE f\(k)_creates0 AS SELECT s FROM f\(k)_left;\n" + Self.emptyTable("f\(k)_unmatched", ["s BIGINT"])
        } else {
            out += Self.emptyTable("f\(k)_creates0", ["s BIGINT"]) + "CREATE TABLE f\(k)_unmatched AS SELECT s FROM f\(k)_left;\n"
        }
        return out
    }

    // MARK: Across flows

    /// Conditional creations: a record a conditional flow leaves unlinked is created only when
    /// a record of a connected dataset names it (by id, in the connection's property) and is
    /// itself synchronized into the flow's target system (linked there, or created there by
    /// this run); each flow is decided after the flows it waits on.
    func conditions() -> String {
        var out = ""
        var decided = Set<Int>()
        func decide(_ k: Int) {
            guard decided.insert(k).inserted, let condition = spec.flows[k].condition else { return }
            let flow = spec.flows[k]
            for other in spec.flows.indices where flow.waits(on: spec.flows[other]) { decide(other) }
            var named: [String] = []
            for connection in condition.connections {
                let syncing = spec.flows.indices.filter { spec.flows[$0].source == connection.dataset && spec.flows[$0].target.system == flow.target.system }
                guard !syncing.isEmpty else { continue }
                let synced = syncing.map { "SELECT s FROM f\($0)_pairs0 UNION SELECT s FROM f\($0)_creates0" }.joined(separator: " UNION ")
                named.append("""
                    SELECT \(raw(connection.dataset, connection.property)) AS named FROM \(table(connection.dataset)) WHERE rid IN (\(synced))
                    """)
            }
            let connected = named.isEmpty ? Self.noRows(["named STRING"]) : named.joined(separator: " UNION ")
            out += """

                -- flow \(k): conditional creation
                CREATE TABLE f\(k)_connected AS SELECT x.rid AS s FROM \(table(flow.source)) x WHERE x.id IN (\(connected));
                CREATE TABLE f\(k)_creates0 AS SELECT s FROM f\(k)_left WHERE s IN (SELECT s FROM f\(k)_connected);
                CREATE TABLE f\(k)_unmatched AS SELECT s FROM f\(k)_left WHERE s NOT IN (SELECT s FROM f\(k)_connected);

                """
        }
        for k in spec.flows.indices { decide(k) }
        return out
    }

    /// A create whose target record already exists with every mapped property equal (one
    /// candidate each way, among target records no flow links or finds ambiguous) is linked by
    /// content, flow by flow: what one flow links is taken for the next.
    func contentLinks() -> String {
        var out = "\n-- Links by content\n"
        // The target records taken so far, per target dataset: each flow's content links make
        // the next table of the chain.
        var taken: [DatasetKey: String] = [:]
        for target in Set(spec.flows.map(\.target)).sorted() {
            let flows = spec.flows.indices.filter { spec.flows[$0].target == target }
            let held = flows.map { k in
                "SELECT t FROM f\(k)_pairs0 UNION SELECT c.t FROM f\(k)_cand c JOIN f\(k)_amb a ON a.s = c.s"
            }
            out += "CREATE TABLE taken_\(table(target)) AS \(held.joined(separator: " UNION "));\n"
            taken[target] = "taken_\(table(target))"
        }
        for (k, flow) in spec.flows.enumerated() {
            let properties = flow.properties.filter { flow.references[$0.source] == nil }
            // Every flow with creates, conditional ones included (the others have none).
            guard !properties.isEmpty else {
                out += Self.emptyTable("f\(k)_content", ["s BIGINT", "t BIGINT"])
                continue
            }
            let pairs = properties.map { PropertyPair(source: $0.source, target: $0.target) }
            let sourceKey = key(flow.source, pairs.map { ($0.source, flow.comparison.comparison(for: $0)) }, emptyMatchesEmpty: true)
            let targetKey = key(flow.target, pairs.map { ($0.target, flow.comparison.comparison(for: $0)) }, emptyMatchesEmpty: true)
            let (s, t) = (table(flow.source), table(flow.target))
            let takenBefore = taken[flow.target]!
            taken[flow.target] = "taken_\(t)_f\(k)"
            out += """
                CREATE TABLE f\(k)_content AS
                WITH sk AS (SELECT rid, \(sourceKey) AS key FROM \(s) WHERE rid IN (SELECT s FROM f\(k)_creates0)),
                    tk AS (SELECT rid, \(targetKey) AS key FROM \(t) WHERE rid NOT IN (SELECT t FROM \(takenBefore)) AND rid NOT IN (SELECT t FROM f\(k)_held_t)),
                    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
                SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
                CREATE TABLE taken_\(t)_f\(k) AS SELECT t FROM \(takenBefore) UNION ALL SELECT t FROM f\(k)_content;

                """
        }
        for k in spec.flows.indices {
            out += """
                CREATE TABLE f\(k)_pairs AS SELECT * FROM f\(k)_pairs0 UNION ALL SELECT s, t, 'content' FROM f\(k)_content;

                """
        }
        return out
    }

    /// Sections binding the same datasets act as one: a record one links or finds ambiguous
    /// is not created by another.
    func siblingCreates() -> String {
        var out = "\n-- Creates, minus what a sibling section links\n"
        for (k, flow) in spec.flows.enumerated() {
            let group = spec.flows.indices.filter { spec.flows[$0].source == flow.source && spec.flows[$0].target == flow.target }
            let decided = group.count > 1
                ? " AND s NOT IN (" + group.map { "SELECT s FROM f\($0)_pairs UNION SELECT s FROM f\($0)_amb" }.joined(separator: " UNION ") + ")"
                : ""
            out += "CREATE TABLE f\(k)_creates AS SELECT s FROM f\(k)_creates0 WHERE s NOT IN (SELECT s FROM f\(k)_content)\(decided);\n"
        }
        return out
    }
}
