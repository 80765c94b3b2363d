/// The compiled job's `run`: loads every dataset's exports into DuckDB as `raw<n>(ord, rec)`,
/// runs `job.sql`, and writes the import files and report.json from its tables. Python, since
/// DuckDB's Python package is the way it installs everywhere; the decisions are all in the SQL.
enum DuckDBDriver {
    static let script = #"""
        #!/usr/bin/env python3
        """Runs a job `offsync compile` wrote: ./run OUT [--workspace DIR] [--force] [--allow-deletes] [--memory-limit SIZE]

        Reads the workspace's exports and state into DuckDB, runs job.sql beside this file (the
        decisions of `offsync run`), and writes OUT/import/<system>/<Entity>.<op>.jsonl.gz (and
        .csv.gz where the manifest asks), OUT/report.json and OUT/state/*.parquet (the state
        offsync would keep), whole or not at all. OUT must not exist yet or be empty.
        """
        import argparse
        import codecs
        import csv
        import glob
        import gzip
        import json
        import os
        import shutil
        import sys
        import tempfile

        HERE = os.path.dirname(os.path.abspath(__file__))


        def fail(message):
            print(f"run: {message}", file=sys.stderr)
            sys.exit(1)


        def sniff_delimiter(path, encoding):
            """The header line's most frequent of tab, comma and semicolon outside quotes (comma when none)."""
            with opener(path)(path, "rb") as f:
                head = f.read(1 << 16).decode(PYTHON_ENCODINGS[encoding], errors="replace")
            counts, quoted = {"\t": 0, ",": 0, ";": 0}, False
            for ch in head:
                if ch == '"':
                    quoted = not quoted
                if not quoted and ch in "\r\n":
                    break
                if not quoted and ch in counts:
                    counts[ch] += 1
            best = max(counts.items(), key=lambda item: (item[1], -ord(item[0])))
            return best[0] if best[1] > 0 else ","


        def c1_controls(error):
            """Windows-1252's five unassigned bytes read as the C1 controls of the same number, as offsync reads them."""
            return "".join(chr(byte) for byte in error.object[error.start:error.end]), error.end


        codecs.register_error("offsync-c1", c1_controls)
        PYTHON_ENCODINGS = {"utf-8": "utf-8-sig", "windows-1252": "cp1252", "iso-8859-1": "latin-1"}


        def opener(path):
            with open(path, "rb") as f:
                return gzip.open if f.read(2) == b"\x1f\x8b" else open


        def as_utf8(path, encoding, scratch):
            """A CSV file in another encoding (or gzip), copied as UTF-8 for DuckDB."""
            if encoding == "utf-8" and opener(path) is open:
                return path
            target = os.path.join(scratch, f"{len(os.listdir(scratch))}.csv")
            with opener(path)(path, "rb") as source, open(target, "w", encoding="utf-8", newline="") as out:
                reader = codecs.getreader(PYTHON_ENCODINGS[encoding])(source, errors="offsync-c1")
                while True:
                    chunk = reader.read(1 << 20)
                    if not chunk:
                        break
                    out.write(chunk)
            return target


        def header(path, delimiter):
            """A UTF-8 CSV file's header cells exactly as written (DuckDB would trim them)."""
            with open(path, encoding="utf-8-sig", newline="") as f:
                return next(csv.reader(f, delimiter=delimiter, quotechar='"'), [])


        def literal(text):
            return "'" + text.replace("'", "''") + "'"


        def kind(path):
            """csv, lines or json: by the name without .gz, else by the first byte, as offsync decides."""
            name = path.lower()[:-3] if path.lower().endswith(".gz") else path.lower()
            if name.endswith((".csv", ".tsv", ".txt")):
                return "csv"
            if name.endswith((".ndjson", ".jsonl")):
                return "lines"
            if name.endswith(".json"):
                return "json"
            return "json" if first_byte(path) in (b"[", b"{") else "csv"


        def inflated_size(path):
            """A file's size once inflated: gzip keeps it (modulo 4 GiB) in its last four bytes."""
            if opener(path) is open:
                return os.path.getsize(path)
            with open(path, "rb") as f:
                f.seek(-4, os.SEEK_END)
                return int.from_bytes(f.read(4), "little")


        def first_byte(path):
            """The first byte that is not white space or a byte order mark."""
            with opener(path)(path, "rb") as f:
                while chunk := f.read(4096):
                    rest = chunk.lstrip(b" \t\r\n\xef\xbb\xbf")
                    if rest:
                        return rest[:1]
            return b""


        def load(con, workspace, dataset, scratch):
            """raw<n>(ord, rec): every record of the dataset's files in file order, as JSON."""
            files = []
            for pattern in dataset["files"]:
                matches = sorted(glob.glob(os.path.join(workspace, pattern)))
                if not matches:
                    fail(f"{dataset['dataset']}: '{pattern}' matches no file (looked in {workspace})")
                files += [path for path in matches if path not in files]
            parts, rejects = [], []
            for path in files:
                compression = "'gzip'" if opener(path) is gzip.open else "'none'"
                # A record may be large, but only a `records:` file is one object as a whole (DuckDB
                # sets aside buffers of this size, so it is not simply the largest there is).
                largest = inflated_size(path) + 1 if dataset.get("records") else 1 << 24
                json_options = f"compression = {compression}, maximum_object_size = {max(largest, 1 << 24)}"
                form = kind(path)
                if form == "csv":
                    delimiter = dataset.get("delimiter") or sniff_delimiter(path, dataset["encoding"])
                    source = as_utf8(path, dataset["encoding"], scratch)
                    columns = ", ".join(f"{literal(name)}: 'VARCHAR'" for name in header(source, delimiter))
                    # `csv: { lenient: true }`: a row with more or fewer fields than the header is
                    # skipped and counted as invalid; otherwise it stops the job.
                    lenient = ""
                    if dataset.get("lenient"):
                        rejects.append(f"{dataset['table']}_rejects{len(parts)}")
                        lenient = f", ignore_errors = true, store_rejects = true, rejects_table = '{rejects[-1]}', rejects_scan = '{rejects[-1]}_scan'"
                    parts.append(
                        f"SELECT to_json(t) AS rec FROM read_csv({literal(source)}, delim = {literal(delimiter)}, header = false, skip = 1, "
                        f"columns = {{{columns}}}, auto_detect = false, quote = '\"', escape = '\"', comment = '', nullstr = '\x01'{lenient}) t")
                elif form == "lines":
                    parts.append(f"SELECT json AS rec FROM read_json_objects({literal(path)}, format = 'newline_delimited', {json_options})")
                elif dataset.get("records"):
                    steps = "".join(f'."{key}"' for key in dataset["records"].split("."))
                    parts.append(
                        f"SELECT unnest(json_extract(json, '${steps}')::JSON[]) AS rec "
                        f"FROM read_json_objects({literal(path)}, format = 'auto', {json_options})")
                else:
                    # A top-level array, or objects one after another (NDJSON in a .json file).
                    form = "array" if first_byte(path) == b"[" else "newline_delimited"
                    parts.append(f"SELECT json AS rec FROM read_json_objects({literal(path)}, format = '{form}', {json_options})")
            union = " UNION ALL ".join(f"SELECT {i} AS part, row_number() OVER () AS n, rec FROM ({part})" for i, part in enumerate(parts))
            con.execute(f"CREATE TABLE {dataset['table']} AS SELECT row_number() OVER (ORDER BY part, n) AS ord, rec::JSON AS rec FROM ({union})")
            skipped = sum(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in rejects)
            con.execute("INSERT INTO skipped VALUES (?, ?)", [dataset["dataset"], skipped])
            return [os.path.relpath(path, workspace) for path in files]


        def load_state(con, workspace, scratch):
            """state_link and state_baseline: what earlier runs remembered (.offsync/state.sqlite), empty
            without state. Returns the state's mark (its last run, as offsync names it), which the
            next state carries so that `offsync state import` can tell the state is still the one read."""
            con.execute("CREATE TABLE state_link (flow VARCHAR, source_id VARCHAR, target_id VARCHAR, ord BIGINT, how VARCHAR)")
            con.execute("CREATE TABLE state_baseline (flow VARCHAR, source_id VARCHAR, property VARCHAR, digest UBIGINT)")
            path = os.path.join(workspace, ".offsync", "state.sqlite")
            if not os.path.exists(path):
                return "none"
            import sqlite3
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            last = db.execute("SELECT id, at FROM run ORDER BY id DESC LIMIT 1").fetchone()
            mark = f"run {last[0]} at {last[1]}" if last else "none"
            names = {table: dict(db.execute(f"SELECT id, name FROM {table}")) for table in ("flow", "property", "how")}
            links_file, baselines_file = os.path.join(scratch, "links.csv"), os.path.join(scratch, "baselines.csv")
            with open(links_file, "w", newline="") as lf, open(baselines_file, "w", newline="") as bf:
                links, baselines = csv.writer(lf), csv.writer(bf)
                rows = db.execute("SELECT flow, source_id, target_id, baselines, how FROM link ORDER BY flow, source_id")
                for number, (flow, source, target, blob, how) in enumerate(rows):
                    flow, source, target = names["flow"][flow], str(source), str(target)
                    links.writerow([flow, source, target, number, names["how"].get(how, "?")])
                    offset = 0
                    while offset < len(blob):
                        # A property id (7 bits a byte, low first), then the digest, 8 bytes little-endian.
                        prop, shift = 0, 0
                        while True:
                            byte = blob[offset]
                            offset += 1
                            prop |= (byte & 0x7F) << shift
                            shift += 7
                            if not byte & 0x80:
                                break
                        digest = int.from_bytes(blob[offset:offset + 8], "little")
                        offset += 8
                        baselines.writerow([flow, source, names["property"][prop], digest])
            db.close()
            for table, file, columns in (
                ("state_link", links_file, "{'flow': 'VARCHAR', 'source_id': 'VARCHAR', 'target_id': 'VARCHAR', 'ord': 'BIGINT', 'how': 'VARCHAR'}"),
                ("state_baseline", baselines_file, "{'flow': 'VARCHAR', 'source_id': 'VARCHAR', 'property': 'VARCHAR', 'digest': 'UBIGINT'}"),
            ):
                con.execute(
                    f"INSERT INTO {table} SELECT * FROM read_csv({literal(file)}, header = false, columns = {columns}, auto_detect = false, "
                    "delim = ',', quote = '\"', escape = '\"', comment = '', nullstr = '\x01')")
            return mark


        def nested(pairs):
            """(path, JSON text) pairs as one JSON object's text, dotted paths nested ({"a.b": 1} is
            {"a":{"b":1}}), keys sorted, the first of a repeated path kept. The values are spliced
            in as written, so numbers keep every digit."""
            tree = {}
            for path, raw in sorted(pairs, key=lambda pair: pair[0]):
                node, keys = tree, path.split(".")
                for key in keys[:-1]:
                    node = node.setdefault(key, {})
                    if not isinstance(node, dict):
                        break
                else:
                    node.setdefault(keys[-1], raw)

            def text(node):
                return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + (text(value) if isinstance(value, dict) else value)
                                      for key, value in sorted(node.items())) + "}"
            return text(tree)


        # One line per operation, made by DuckDB when no path has a dot (most); lines with nested
        # paths are put together here from their fields. Fields and `$based_on` sorted by path.
        LINES = """
        SELECT system, entity, kind,
            CASE WHEN NOT bool_or(coalesce(contains(path, '.'), false)) THEN '{' || concat_ws(',',
                CASE WHEN id IS NOT NULL THEN '"_id":' || to_json(id) END,
                CASE WHEN correlation IS NOT NULL THEN '"$correlation":' || to_json(correlation) END,
                CASE WHEN kind <> 'create' THEN '"$based_on":{'
                    || coalesce(string_agg(to_json(path) || ':' || seen, ',' ORDER BY path) FILTER (WHERE seen IS NOT NULL), '') || '}' END,
                string_agg(to_json(path) || ':' || value, ',' ORDER BY path) FILTER (WHERE value IS NOT NULL)
                ) || '}' END AS line,
            id, correlation,
            CASE WHEN bool_or(coalesce(contains(path, '.'), false)) THEN list(path ORDER BY path) FILTER (WHERE path IS NOT NULL) END,
            CASE WHEN bool_or(coalesce(contains(path, '.'), false)) THEN list(value ORDER BY path) FILTER (WHERE path IS NOT NULL) END,
            CASE WHEN bool_or(coalesce(contains(path, '.'), false)) THEN list(seen ORDER BY path) FILTER (WHERE path IS NOT NULL) END
        FROM op_rows GROUP BY system, entity, kind, id, correlation
        ORDER BY system, entity, kind, coalesce(id, correlation)
        """


        KINDS = ["create", "update", "delete"]


        # Each operation's fields and `$based_on` in the order offsync adds them, for CSV files.
        FIELDS = """
        SELECT system, entity, kind, id, correlation,
            list(struct_pack(path := path, value := value, seen := seen) ORDER BY ord) FILTER (WHERE path IS NOT NULL)
        FROM op_rows WHERE system || '.' || entity IN (SELECT unnest(?))
        GROUP BY system, entity, kind, id, correlation
        ORDER BY system, entity, kind, coalesce(id, correlation)
        """


        def text(raw):
            """A JSON value as offsync's CSV cells hold it: strings unquoted, null empty, the rest as written."""
            if raw is None or raw == "null":
                return ""
            return json.loads(raw) if raw.startswith('"') else raw


        def csv_row(cells, delimiter):
            """RFC 4180 with CRLF, every cell exactly; quoted where it holds the delimiter, a quote or a
            line break, or starts or ends with a space or tab (many readers trim those)."""
            def cell(value):
                if (delimiter in value or '"' in value or "\n" in value or "\r" in value
                        or value[:1] in (" ", "\t") or value[-1:] in (" ", "\t")):
                    return '"' + value.replace('"', '""') + '"'
                return value
            return delimiter.join(cell(value) for value in cells) + "\r\n"


        def csv_file(kind, operations, delimiter):
            """The CSV import file of some operations: `_id`, `$correlation`, the field paths and
            `$based_on.<path>` as columns, in first-seen order; an empty cell leaves a field alone."""
            columns = (["_id"] if kind != "create" else []) + (["$correlation"] if any(op[1] for op in operations) else [])
            for _, _, fields in operations:
                columns += [f["path"] for f in fields if f["value"] is not None and f["path"] not in columns]
            for _, _, fields in operations:
                columns += ["$based_on." + f["path"] for f in fields if f["seen"] is not None and "$based_on." + f["path"] not in columns]
            rows = [csv_row(columns, delimiter)]
            for record_id, correlation, fields in operations:
                cells = {"_id": record_id or "", "$correlation": correlation or ""}
                for f in fields:
                    if f["value"] is not None:
                        cells.setdefault(f["path"], text(f["value"]))
                    if f["seen"] is not None:
                        cells.setdefault("$based_on." + f["path"], text(f["seen"]))
                rows.append(csv_row([cells.get(column, "") for column in columns], delimiter))
            return "".join(rows)


        def gzip_file(path, text, level):
            with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=level) as f:
                f.write(text.encode("utf-8"))


        def write_imports(con, out, datasets, level):
            batches = {d["dataset"]: d.get("batch") for d in datasets}
            csv_outputs = {d["dataset"]: d.get("delimiter") or "," for d in datasets if d.get("csv_output")}
            files = {}
            for system, entity, kind, line, record_id, correlation, paths, values, seen in con.execute(LINES).fetchall():
                if line is None:
                    members = []
                    if record_id is not None:
                        members.append('"_id":' + json.dumps(record_id, ensure_ascii=False))
                    if correlation is not None:
                        members.append('"$correlation":' + json.dumps(correlation, ensure_ascii=False))
                    paths, values, seen = paths or [], values or [], seen or []
                    if kind != "create":
                        members.append('"$based_on":' + nested([(p, v) for p, v in zip(paths, seen) if v is not None]))
                    fields = nested([(p, v) for p, v in zip(paths, values) if v is not None])[1:-1]
                    line = "{" + ",".join(members + ([fields] if fields else [])) + "}"
                files.setdefault((system, entity, kind), []).append(line)
            operations = {}
            if csv_outputs:
                for system, entity, kind, record_id, correlation, fields in con.execute(FIELDS, [list(csv_outputs)]).fetchall():
                    operations.setdefault((system, entity, kind), []).append((record_id, correlation, fields or []))
            written = []
            # In offsync's order: by system and entity, then creates, updates, deletes; a CSV file
            # right after the JSON lines it repeats.
            for (system, entity, kind), lines in sorted(files.items(), key=lambda item: (item[0][0], item[0][1], KINDS.index(item[0][2]))):
                folder = os.path.join(out, "import", system)
                os.makedirs(folder, exist_ok=True)
                batch = batches.get(f"{system}.{entity}")
                ranges = [range(i, min(i + batch, len(lines))) for i in range(0, len(lines), batch)] if batch else [range(len(lines))]
                for number, chunk in enumerate(ranges, 1):
                    name = f"{entity}.{kind}.{number:04d}" if batch else f"{entity}.{kind}"
                    gzip_file(os.path.join(folder, name + ".jsonl.gz"), "\n".join(lines[i] for i in chunk) + "\n", level)
                    written.append({"file": f"import/{system}/{name}.jsonl.gz", "records": len(chunk)})
                    delimiter = csv_outputs.get(f"{system}.{entity}")
                    if delimiter:
                        ops = operations[(system, entity, kind)]
                        gzip_file(os.path.join(folder, name + ".csv.gz"), csv_file(kind, [ops[i] for i in chunk], delimiter), level)
                        written.append({"file": f"import/{system}/{name}.csv.gz", "records": len(chunk)})
            return written


        def main():
            parser = argparse.ArgumentParser(description="Run a job offsync compile wrote.")
            parser.add_argument("out", help="the output folder (new or empty)")
            parser.add_argument("--workspace", help="the workspace folder (default: the one compiled)")
            parser.add_argument("--force", action="store_true", help="write even when the circuit breaker trips")
            parser.add_argument("--allow-deletes", action="store_true", help="write delete operations whatever deletes: says")
            parser.add_argument("--memory-limit", help="DuckDB's memory limit (e.g. 4GB); beyond it, DuckDB works from disk")
            args = parser.parse_args()
            try:
                import duckdb
            except ImportError:
                fail("needs the Python package duckdb (pip install duckdb)")
            with open(os.path.join(HERE, "job.json")) as f:
                job = json.load(f)
            workspace = args.workspace or os.path.join(HERE, job["workspace"])
            out = os.path.abspath(args.out)
            if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
                fail(f"{args.out} exists and is not an empty folder")
            with tempfile.TemporaryDirectory() as scratch:
                config = {"temp_directory": os.path.join(scratch, "spill")}
                if args.memory_limit:
                    config["memory_limit"] = args.memory_limit
                con = duckdb.connect(config=config)
                con.execute("CREATE TABLE job_options AS SELECT ? AS allow_deletes", [args.allow_deletes])
                con.execute("CREATE TABLE skipped (dataset VARCHAR, rows BIGINT)")
                mark = load_state(con, workspace, scratch)
                files = {dataset["dataset"]: load(con, workspace, dataset, scratch) for dataset in job["datasets"]}
                with open(os.path.join(HERE, "job.sql")) as f:
                    con.execute(f.read())
                breaker = con.execute("SELECT dataset, records, deletes, updates, trips FROM breaker ORDER BY dataset").fetchall()
                trips = [row for row in breaker if row[4]]
                if trips and not args.force:
                    for dataset, records, deletes, updates, _ in trips:
                        print(f"run: circuit breaker: {dataset}: {deletes} deletes and {updates} updates of {records} records", file=sys.stderr)
                    print("run: nothing written (--force writes anyway)", file=sys.stderr)
                    sys.exit(3)
                # Written beside OUT and renamed into place: OUT is whole or absent.
                staged = tempfile.mkdtemp(prefix=".offsync-job-", dir=os.path.dirname(out))
                try:
                    imports = write_imports(con, staged, job["datasets"], job["compression_level"])
                    names = [d[0] for d in con.execute("SELECT * FROM flow_counts LIMIT 0").description]
                    counts = {row[0]: dict(zip(names[1:], row[1:])) for row in con.execute("SELECT * FROM flow_counts ORDER BY k").fetchall()}
                    # report.json's keys as offsync writes them, for what the job knows.
                    def named(key):
                        system, entity = key.split(".", 1)
                        return {"system": system, "entity": entity}
                    report = {
                        "generator": "offsync compile",
                        "engine": "duckdb",
                        "circuit_breaker": {
                            "share": job["circuit_breaker"],
                            "tripped": bool(trips),
                            "forced": bool(trips) and args.force,
                            "datasets": [dict(named(d), records=r, deletes=x, updates=u, share=(x + u) / r if r else 1)
                                         for d, r, x, u, _ in trips],
                        },
                        "flows": [{"source": flow["source"], "target": flow["target"], "document": flow.get("document"), "counts": counts[k]}
                                  for k, flow in enumerate(job["flows"])],
                        "datasets": [dict(named(d), files=files[d], records=r, invalid=i)
                                     for d, r, i in con.execute("SELECT dataset, records, invalid FROM dataset_counts").fetchall()],
                        "imports": imports,
                    }
                    # The state offsync would keep after this run, for the next engine.
                    os.makedirs(os.path.join(staged, "state"))
                    for table, order in (("next_link", "flow, source_id"), ("next_baseline", "flow, source_id, property")):
                        name = "links" if table == "next_link" else "baselines"
                        con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO {literal(os.path.join(staged, 'state', name + '.parquet'))} "
                                    f"(FORMAT parquet, COMPRESSION gzip, DICTIONARY_SIZE_LIMIT 0, KV_METADATA {{offsync_state_read: {literal(mark)}}})")
                    with open(os.path.join(staged, "report.json"), "w") as f:
                        json.dump(report, f, indent=2, ensure_ascii=False)
                        f.write("\n")
                    if os.path.isdir(out):
                        os.rmdir(out)
                    os.rename(staged, out)
                except BaseException:
                    shutil.rmtree(staged, ignore_errors=True)
                    raise


        if __name__ == "__main__":
            main()
        """#
}
