import OffsyncSpec

extension SQLJob {
    /// A flow's mappings the job compares and writes, by their place in the flow: a target path
    /// that is the parent of another mapped one is left out (the leaf wins), as offsync does.
    func mappings(_ k: Int) -> [(m: Int, mapping: PropertyMapping)] {
        let flow = spec.flows[k]
        let targets = flow.properties.map(\.target)
        return flow.properties.enumerated()
            .filter { _, mapping in !targets.contains { $0.hasPrefix(mapping.target + ".") } }
            .map { (m: $0.offset, mapping: $0.element) }
    }

    /// Every flow's sides and mapped paths, for the operations.
    func mappingTable() -> String {
        var flows: [String] = [], rows: [String] = []
        for (k, flow) in spec.flows.enumerated() {
            flows.append("(\(k), \(literal(flow.source.system)), \(literal(flow.source.entity)), \(literal(flow.target.system)), \(literal(flow.target.entity)))")
            // A mapping whose target path holds an object in the target's export is left out:
            // looked at once here, then every statement asks `mappings`.
            for (m, mapping) in mappings(k) {
                let node = node(flow.target, mapping.target, "x")
                rows.append("""
                    SELECT \(k), \(m), \(literal(mapping.source)), \(literal(mapping.target))
                    WHERE NOT EXISTS (SELECT 1 FROM \(table(flow.target)) x WHERE os_filled_object(\(node)))
                    """)
            }
        }
        var out = "\n-- Flows and mapped paths\n"
        let flowColumns = ["k INTEGER", "source_system STRING", "source_entity STRING", "target_system STRING", "target_entity STRING"]
        out += flows.isEmpty ? Self.emptyTable("flows", flowColumns)
            : "CREATE TABLE flows AS SELECT * FROM (VALUES \(flows.joined(separator: ", "))) AS v(k, source_system, source_entity, target_system, target_entity);\n"
        let noMappings = Self.noRows(["k INTEGER", "m INTEGER", "source_path STRING", "target_path STRING"])
        out += "CREATE TABLE mappings AS \(([noMappings] + rows).joined(separator: "\nUNION ALL "));\n"
        // Each flow's links as ids, and the ids it creates: references translate through them.
        for k in spec.flows.indices {
            let flow = spec.flows[k]
            out += """
                CREATE TABLE f\(k)_ids AS SELECT s.id AS sid, t.id AS tid FROM f\(k)_pairs p JOIN \(table(flow.source)) s ON s.rid = p.s JOIN \(table(flow.target)) t ON t.rid = p.t;
                CREATE TABLE f\(k)_created_ids AS SELECT s.id FROM f\(k)_creates c JOIN \(table(flow.source)) s ON s.rid = c.s;

                """
        }
        return out
    }

    /// The flow whose links translate a reference: the first from the referenced dataset into
    /// the flow's target system. nil: no flow syncs it, and no reference resolves.
    func via(_ flow: BoundFlow, _ mapping: PropertyMapping) -> Int?? {
        guard let referenced = flow.references[mapping.source] else { return nil }
        return .some(spec.flows.firstIndex { $0.source == referenced && $0.target.system == flow.target.system })
    }

    /// The SQL of one mapped value read by the mapping's data type.
    struct Typed {
        var canonical: String
        var written: String
    }

    func typed(_ type: DataType, _ value: String, array: String?) -> Typed {
        switch type {
        case .text: Typed(canonical: "os_canonical_text(\(value))", written: "os_written_text(\(value), \(array ?? "NULL"))")
        case .integer: Typed(canonical: "os_canonical_integer(\(value))", written: "os_written_number(\(value))")
        case .decimal: Typed(canonical: "os_canonical_decimal(\(value))", written: "os_written_number(\(value))")
        case .boolean: Typed(canonical: "os_canonical_boolean(\(value))", written: "os_written_boolean(\(value))")
        case .date: Typed(canonical: "os_canonical_date(\(value))", written: "os_written_date(\(value))")
        case .dateTime: Typed(canonical: "os_canonical_date_time(\(value))", written: "os_written_date_time(\(value))")
        }
    }

    /// The source value as the target sees it (translated when it is a reference), the joins
    /// that translate it, and why it is left out ('pending' when it names a record this run
    /// creates, 'unresolved' otherwise).
    func sourceSide(_ flow: BoundFlow, _ m: Int, _ mapping: PropertyMapping) -> (value: String, array: String?, joins: String, skip: String) {
        let raw = raw(flow.source, mapping.source, "s")
        switch via(flow, mapping) {
        case nil:
            return (raw, "os_array(\(node(flow.source, mapping.source, "s")))", "", "NULL")
        case .some(nil):
            return (Self.null("STRING"), nil, "", "CASE WHEN NOT os_blank(\(raw)) THEN 'unresolved' END")
        case .some(let v?):
            return ("fw\(m).tid", nil, " LEFT JOIN f\(v)_ids fw\(m) ON fw\(m).sid = os_trim(\(raw))",
                    "CASE WHEN NOT os_blank(\(raw)) AND fw\(m).tid IS NULL THEN CASE WHEN os_trim(\(raw)) IN (SELECT id FROM f\(v)_created_ids) THEN 'pending' ELSE 'unresolved' END END")
        }
    }

    /// Whether mapping `m` of flow `k` is compared and written (`mappings` holds it).
    func usable(_ k: Int, _ m: Int) -> String {
        "EXISTS (SELECT 1 FROM mappings WHERE k = \(k) AND m = \(m))"
    }

    /// Every linked pair's mapped values, typed, and the side that gets each differing one:
    /// a value beats an empty one, then the flow's conflict policy (no baselines in a first run).
    func changes(_ k: Int) -> String {
        let flow = spec.flows[k]
        let (s, t) = (table(flow.source), table(flow.target))
        let sourceStamp = spec.manifest.dataset(flow.source)!.modified.map { _ in "s.stamp" } ?? Self.null("DOUBLE")
        let targetStamp = spec.manifest.dataset(flow.target)!.modified.map { _ in "t.stamp" } ?? Self.null("DOUBLE")
        var selects = [Self.noRows([
            "k INTEGER", "m INTEGER", "s BIGINT", "t BIGINT", "reason STRING", "sid STRING", "tid STRING", "skip STRING", "sc STRING", "tc STRING",
            "sw STRING", "tw STRING", "seen_s STRING", "seen_t STRING", "s_stamp DOUBLE", "t_stamp DOUBLE", "bd \(dialect.digestType)",
        ])]
        for (m, mapping) in mappings(k) {
            let type = flow.dataType(of: mapping)
            let side = sourceSide(flow, m, mapping)
            let targetRaw = raw(flow.target, mapping.target, "t")
            let targetNode = node(flow.target, mapping.target, "t")
            let (targetValue, targetArray): (String, String?)
            switch via(flow, mapping) {
            case nil: (targetValue, targetArray) = (targetRaw, "os_array(\(targetNode))")
            case .some(nil): (targetValue, targetArray) = (Self.null("STRING"), nil)
            case .some(.some): (targetValue, targetArray) = ("bw\(m).sid", nil)
            }
            // A target's reference back to the source's id, by the same links.
            var backJoin = ""
            if case .some(let v?) = via(flow, mapping) { backJoin = " LEFT JOIN f\(v)_ids bw\(m) ON bw\(m).tid = os_trim(\(targetRaw))" }
            let source = typed(type, side.value, array: side.array)
            let target = typed(type, targetRaw, array: targetArray)
            let back = typed(type, targetValue, array: targetArray)
            selects.append("""
                SELECT \(k), \(m), p.s, p.t, p.reason, s.id, t.id, \(side.skip), \(source.canonical), \(target.canonical), \(source.written), \(back.written),
                    os_json(\(node(flow.source, mapping.source, "s"))), os_json(\(targetNode)), \(sourceStamp), \(targetStamp), b\(m).digest
                FROM f\(k)_pairs p JOIN \(s) s ON s.rid = p.s JOIN \(t) t ON t.rid = p.t\(side.joins)\(backJoin)
                LEFT JOIN state_baseline b\(m) ON p.reason = 'remembered' AND b\(m).flow = \(literal(flow.name))
                    AND b\(m).source_id = s.id AND b\(m).property = \(literal("\(mapping.source) -> \(mapping.target)"))
                WHERE \(usable(k, m))
                """)
        }
        let policy: String
        switch flow.conflicts ?? spec.manifest.options.conflicts {
        case .sourceWins: policy = "'to_target'"
        case .targetWins: policy = "'to_source'"
        case .manual: policy = "'conflict'"
        case .latestWins: policy = "CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END"
        }
        return """

            -- flow \(k): changes
            CREATE TABLE f\(k)_vals AS \(selects.joined(separator: "\nUNION ALL "));
            CREATE TABLE f\(k)_dec AS SELECT *, CASE
                WHEN decided_by = 'policy' THEN \(policy)
                WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
                WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
                END AS direction,
                decided_by = 'policy' AND bd IS NOT NULL AS both_changed
            FROM (SELECT *, CASE
                -- A value beats an empty one; then the side still holding the baseline did not
                -- change; then the policy (a conflict when a baseline says both changed).
                WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
                WHEN sc = '' OR tc = '' THEN 'empty'
                WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
                ELSE 'policy' END AS decided_by
            FROM f\(k)_vals);

            """
    }

    /// Each create's fields: the source's non-empty values, translated and typed.
    func creates(_ k: Int) -> String {
        let flow = spec.flows[k]
        let s = table(flow.source)
        var selects = [Self.noRows(["k INTEGER", "m INTEGER", "s BIGINT", "sid STRING", "skip STRING", "sc STRING", "sw STRING"])]
        for (m, mapping) in mappings(k) {
            let side = sourceSide(flow, m, mapping)
            let value = typed(flow.dataType(of: mapping), side.value, array: side.array)
            selects.append("""
                SELECT \(k), \(m), c.s, s.id, \(side.skip), \(value.canonical), \(value.written)
                FROM f\(k)_creates c JOIN \(s) s ON s.rid = c.s\(side.joins)
                WHERE NOT os_blank(\(raw(flow.source, mapping.source, "s"))) AND \(usable(k, m))
                """)
        }
        return "CREATE TABLE f\(k)_cvals AS \(selects.joined(separator: "\nUNION ALL "));\n"
    }

    /// Operations merged per record: of two flows writing one field, the first flow's value is
    /// kept; a record created by several flows gets the last one's fields.
    func operations() -> String {
        let flows = spec.flows.indices
        let decisions = flows.map { "SELECT * FROM f\($0)_dec" }.joined(separator: " UNION ALL ")
        let createValues = flows.map { "SELECT * FROM f\($0)_cvals" }.joined(separator: " UNION ALL ")
        let created = flows.map { "SELECT \($0) AS k, x.id AS sid FROM f\($0)_creates c JOIN \(table(spec.flows[$0].source)) x ON x.rid = c.s" }
            .joined(separator: " UNION ALL ")
        let deletes = flows.map { "SELECT \($0) AS k, target_id FROM f\($0)_orphan WHERE s IS NULL AND t IS NOT NULL" }.joined(separator: " UNION ALL ")
        let deleteValues = ([Self.noRows(["k INTEGER", "m INTEGER", "id STRING", "path STRING", "seen STRING"])] + flows.flatMap { k in
            mappings(k).map { m, mapping in
                let flow = spec.flows[k]
                let node = node(flow.target, mapping.target, "x")
                return "SELECT \(k), \(m), x.id, \(literal(mapping.target)), CASE WHEN \(node) IS NOT NULL THEN os_json(\(node)) END FROM f\(k)_orphan o JOIN \(table(flow.target)) x ON x.rid = o.t WHERE o.s IS NULL AND \(usable(k, m))"
            }
        }).joined(separator: " UNION ALL ")
        let datasetSizes = datasets.map {
            "SELECT \(literal($0.key.description)) AS dataset, (SELECT count(*) FROM \(table($0.key))) AS records, (SELECT invalid FROM \(table($0.key))_invalid) AS invalid"
        }.joined(separator: " UNION ALL ")
        return """

            -- Operations
            CREATE TABLE all_dec AS \(decisions.isEmpty ? "SELECT NULL WHERE false" : decisions);
            CREATE TABLE op_updates AS SELECT system, entity, id, path, value, seen, k, m FROM (SELECT *,
                row_number() OVER (PARTITION BY system, entity, id, path ORDER BY k, m) AS nth FROM (
                SELECT f.target_system AS system, f.target_entity AS entity, d.tid AS id, mp.target_path AS path, d.sw AS value, d.seen_t AS seen, d.k, d.m
                FROM all_dec d JOIN flows f ON f.k = d.k JOIN mappings mp ON mp.k = d.k AND mp.m = d.m
                WHERE d.direction = 'to_target' AND d.sw IS NOT NULL
                UNION ALL
                SELECT f.source_system, f.source_entity, d.sid, mp.source_path, d.tw, d.seen_s, d.k, d.m
                FROM all_dec d JOIN flows f ON f.k = d.k JOIN mappings mp ON mp.k = d.k AND mp.m = d.m
                WHERE d.direction = 'to_source' AND d.tw IS NOT NULL))
            WHERE nth = 1;
            -- A correlation names the source record (its dataset, then its id `sid`): the create's
            -- values are found by flow and id, an equi-join.
            CREATE TABLE create_keys AS
            SELECT system, entity, correlation, sid, max(k) AS k FROM (
                SELECT f.target_system AS system, f.target_entity AS entity,
                    'offsync:' || f.source_system || '/' || f.source_entity || '/' || c.sid AS correlation, c.sid, c.k
                FROM (\(created)) c JOIN flows f ON f.k = c.k)
            GROUP BY system, entity, correlation, sid;
            CREATE TABLE create_fields AS SELECT system, entity, correlation, path, value, m FROM (SELECT *,
                row_number() OVER (PARTITION BY system, entity, correlation, path ORDER BY m) AS nth FROM (
                SELECT ck.system, ck.entity, ck.correlation, mp.target_path AS path, v.sw AS value, v.m
                FROM create_keys ck
                JOIN (\(createValues)) v ON v.k = ck.k AND v.sid = ck.sid
                JOIN mappings mp ON mp.k = v.k AND mp.m = v.m
                WHERE v.skip IS NULL AND v.sw IS NOT NULL))
            WHERE nth = 1;
            -- A remembered link whose source record is gone deletes its target record, with the
            -- values seen as `$based_on`, when deletes are written (`deletes: emit`, or the
            -- driver's --allow-deletes); otherwise it is only counted.
            CREATE TABLE delete_keys AS SELECT f.target_system AS system, f.target_entity AS entity, o.target_id AS id, min(o.k) AS k
            FROM (\(deletes)) o JOIN flows f ON f.k = o.k
            WHERE \(spec.manifest.options.deletes == .emit ? "true" : "(SELECT allow_deletes FROM job_options)")
            GROUP BY f.target_system, f.target_entity, o.target_id;
            CREATE TABLE delete_based_on AS SELECT system, entity, id, path, seen, m FROM (
                SELECT dk.system, dk.entity, dk.id, v.path, v.seen, v.m,
                    row_number() OVER (PARTITION BY dk.system, dk.entity, dk.id, v.path ORDER BY v.m) AS nth
                FROM delete_keys dk JOIN (\(deleteValues)) v ON v.k = dk.k AND v.id = dk.id
                WHERE v.seen IS NOT NULL)
            WHERE nth = 1;
            -- `ord`: the order offsync adds a record's fields in (flow, then mapping), which CSV
            -- import files keep for their columns.
            CREATE TABLE op_rows AS
            SELECT system, entity, 'update' AS kind, id, \(Self.null("STRING")) AS correlation, path, value, seen, k * 1000000 + m AS ord FROM op_updates
            UNION ALL
            SELECT ck.system, ck.entity, 'create', NULL, ck.correlation, cf.path, cf.value, NULL, cf.m
            FROM create_keys ck LEFT JOIN create_fields cf USING (system, entity, correlation)
            UNION ALL
            SELECT dk.system, dk.entity, 'delete', dk.id, NULL, b.path, NULL, b.seen, b.m
            FROM delete_keys dk LEFT JOIN delete_based_on b USING (system, entity, id);

            -- The circuit breaker: deletes and rewrites of records an earlier run synced, per
            -- dataset, against its share of the dataset's records (datasets under 20 records
            -- are not judged).
            CREATE TABLE dataset_counts AS \(datasetSizes);
            CREATE TABLE rewritten AS
            SELECT f.target_system || '.' || f.target_entity AS dataset, d.tid AS id FROM all_dec d JOIN flows f ON f.k = d.k
            WHERE d.reason = 'remembered' AND d.direction = 'to_target' AND d.sw IS NOT NULL
            UNION
            SELECT f.source_system || '.' || f.source_entity, d.sid FROM all_dec d JOIN flows f ON f.k = d.k
            WHERE d.reason = 'remembered' AND d.direction = 'to_source' AND d.tw IS NOT NULL;
            CREATE TABLE breaker AS SELECT *, records >= 20 AND (deletes + updates) / records > \(spec.manifest.options.circuitBreaker) AS trips FROM (
                SELECT r.dataset, r.records,
                    (SELECT count(*) FROM delete_keys dk WHERE dk.system || '.' || dk.entity = r.dataset) AS deletes,
                    (SELECT count(DISTINCT id) FROM rewritten w WHERE w.dataset = r.dataset) AS updates
                FROM dataset_counts r)
            WHERE deletes + updates > 0;

            """
    }

    /// What state keeps after the run, as offsync would write it: the remembered links but
    /// those whose records are both gone, and this run's new links (a source that already has
    /// a link keeps it); each link's baseline digests, with those of values seen equal on both
    /// sides this run set anew.
    func nextState() -> String {
        // State names a flow by `source -> target`: of sections with one name, offsync keeps the
        // first one's new links and baselines.
        let flows = spec.flows.indices.filter { k in spec.flows.firstIndex { $0.name == spec.flows[k].name } == k }
        let newLinks = flows.map { k -> String in
            let flow = spec.flows[k]
            let how = "CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END"
            return """
                SELECT \(literal(flow.name)) AS flow, s.id AS source_id, t.id AS target_id, \(how) AS how
                FROM f\(k)_pairs p JOIN \(table(flow.source)) s ON s.rid = p.s JOIN \(table(flow.target)) t ON t.rid = p.t
                LEFT JOIN (SELECT s, min(c) AS c FROM f\(k)_cand GROUP BY s) m ON m.s = p.s
                WHERE p.reason <> 'remembered'
                """
        }.joined(separator: "\nUNION ALL ")
        let forgotten = spec.flows.indices.map { "SELECT \(literal(spec.flows[$0].name)) AS flow, source_id FROM f\($0)_orphan WHERE s IS NULL AND t IS NULL" }
            .joined(separator: " UNION ALL ")
        let advanced = flows.map { k -> String in
            "SELECT \(literal(spec.flows[k].name)) AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f\(k)_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc"
        }.joined(separator: " UNION ALL ")
        return """

            -- The next state
            CREATE TABLE next_link AS
            SELECT flow, source_id, target_id, how FROM state_link
            WHERE NOT EXISTS (SELECT 1 FROM (\(forgotten)) f WHERE f.flow = state_link.flow AND f.source_id = state_link.source_id)
            UNION ALL
            SELECT * FROM (\(newLinks)) n WHERE NOT EXISTS (SELECT 1 FROM state_link l WHERE l.flow = n.flow AND l.source_id = n.source_id);
            CREATE TABLE next_baseline AS
            SELECT l.flow, l.source_id, l.target_id, b.property, coalesce(a.digest, b.digest) AS digest
            FROM next_link l JOIN state_baseline b ON b.flow = l.flow AND b.source_id = l.source_id
            LEFT JOIN (\(advanced)) a ON a.flow = l.flow AND a.source_id = l.source_id AND a.target_id = l.target_id AND a.property = b.property
            UNION ALL
            SELECT a.flow, a.source_id, a.target_id, a.property, a.digest FROM (\(advanced)) a
            JOIN next_link l ON l.flow = a.flow AND l.source_id = a.source_id AND l.target_id = a.target_id
            WHERE NOT EXISTS (SELECT 1 FROM state_baseline b WHERE b.flow = a.flow AND b.source_id = a.source_id AND b.property = a.property);

            """
    }

    /// Each flow's counts, under report.json's names.
    func counts() -> String {
        let rows = spec.flows.enumerated().map { k, flow -> String in
            let (s, t) = (index(flow.source), index(flow.target))
            return """
                SELECT \(k) AS k,
                    (SELECT count(*) FROM d\(s)) AS source,
                    (SELECT count(*) FROM d\(t)) AS target,
                    (SELECT count(*) FROM f\(k)_pairs) AS linked,
                    (SELECT count(*) FROM f\(k)_pairs WHERE reason = 'merged') AS matched,
                    (SELECT count(*) FROM f\(k)_creates) AS \(dialect.quoted("create")),
                    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f\(k)_dec WHERE direction = 'to_target')) AS update_target,
                    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f\(k)_dec WHERE direction = 'to_source')) AS update_source,
                    (SELECT count(*) FROM f\(k)_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f\(k)_dec WHERE direction IS NOT NULL)) AS unchanged,
                    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f\(k)_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
                    (SELECT count(*) FROM f\(k)_amb) AS ambiguous,
                    (SELECT count(*) FROM f\(k)_unmatched) AS unmatched_source,
                    \(flow.condition == nil ? "0" : "(SELECT count(*) FROM f\(k)_unmatched)") AS not_connected,
                    (SELECT count(*) FROM f\(k)_notsel) AS not_selected,
                    (SELECT count(*) FROM d\(t) WHERE rid NOT IN (SELECT t FROM f\(k)_pairs) AND rid NOT IN (SELECT t FROM f\(k)_held_t)) AS unmatched_target,
                    (SELECT invalid FROM d\(s)_invalid) + (SELECT invalid FROM d\(t)_invalid) AS invalid,
                    (SELECT count(*) FROM f\(k)_dup_s) + (SELECT count(*) FROM f\(k)_dup_t) AS duplicate,
                    (SELECT count(*) FROM f\(k)_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
                    (SELECT count(*) FROM f\(k)_orphan WHERE s IS NULL AND t IS NOT NULL) AS \(dialect.quoted("delete")),
                    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f\(k)_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
                        + (SELECT count(DISTINCT s) FROM f\(k)_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
                    (SELECT count(*) FROM f\(k)_dec WHERE skip = 'pending') + (SELECT count(*) FROM f\(k)_cvals WHERE skip = 'pending') AS pending_reference
                """
        }
        return "\n-- Counts per flow\nCREATE TABLE flow_counts AS \(rows.joined(separator: "\nUNION ALL "));\n"
    }
}
