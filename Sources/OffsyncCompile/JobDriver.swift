/// The compiled job's `run`, a Python script: the part every engine shares (finding the
/// exports, reading the workspace's state, writing the import files, report.json and the next
/// state, whole or not at all) and the part that drives one engine (`duckdb`, `spark`). Python,
/// since both engines install as Python packages; the decisions are all in the job's SQL.
enum JobDriver {
    static func script(for engine: Engine) -> String {
        switch engine {
        case .duckdb: common + "\n\n" + duckdb
        case .spark: common + "\n\n" + spark
        }
    }

    static let common = #"""
        #!/usr/bin/env python3
        """Runs a job `offsync compile` wrote: ./run OUT [--workspace DIR] [--force] [--allow-deletes] [engine options]

        Reads the workspace's exports and state into the engine named in job.json, runs job.sql beside
        this file (the decisions of `offsync run`), and writes OUT/import/<system>/<Entity>.<op>.jsonl.gz
        (and .csv.gz where the manifest asks), OUT/report.json and OUT/state/*.parquet (the state
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




        def dataset_files(workspace, dataset):
            """The dataset's files: each pattern's matches in name order, each file once."""
            files = []
            for pattern in dataset["files"]:
                matches = sorted(glob.glob(os.path.join(workspace, pattern)))
                if not matches:
                    fail(f"{dataset['dataset']}: '{pattern}' matches no file (looked in {workspace})")
                files += [path for path in matches if path not in files]
            return files


        def read_state(workspace, scratch):
            """What earlier runs remembered (.offsync/state.sqlite) as two CSV files in scratch, links
            (flow, source_id, target_id, ord, how) and baselines (flow, source_id, property, digest), and
            the state's mark (its last run, as offsync names it), which the next state carries so that
            `offsync state import` can tell the state is still the one read. (None, None, "none") without state."""
            path = os.path.join(workspace, ".offsync", "state.sqlite")
            if not os.path.exists(path):
                return None, None, "none"
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
            return links_file, baselines_file, mark


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


        KINDS = ["create", "update", "delete"]


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



        def write_imports(lines, fields_of, out, datasets, level):
            """The import files. `lines`: per operation, in order, (system, entity, kind, line, id,
            correlation, paths, values, seen), `line` null where it is to be put together from its
            fields; `fields_of(datasets)`: per operation of those datasets, (system, entity, kind, id,
            correlation, fields in the order offsync adds them), for the CSV files."""
            batches = {d["dataset"]: d.get("batch") for d in datasets}
            csv_outputs = {d["dataset"]: d.get("delimiter") or "," for d in datasets if d.get("csv_output")}
            files = {}
            for system, entity, kind, line, record_id, correlation, paths, values, seen in lines:
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
                for system, entity, kind, record_id, correlation, row_fields in fields_of(list(csv_outputs)):
                    operations.setdefault((system, entity, kind), []).append((record_id, correlation, row_fields or []))
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


        def main(Engine):
            """Runs the job on `Engine` (a class: loads, runs job.sql, answers the driver's queries)."""
            parser = argparse.ArgumentParser(description="Run a job offsync compile wrote.")
            parser.add_argument("out", help="the output folder (new or empty)")
            parser.add_argument("--workspace", help="the workspace folder (default: the one compiled)")
            parser.add_argument("--force", action="store_true", help="write even when the circuit breaker trips")
            parser.add_argument("--allow-deletes", action="store_true", help="write delete operations whatever deletes: says")
            Engine.add_arguments(parser)
            args = parser.parse_args()
            with open(os.path.join(HERE, "job.json")) as f:
                job = json.load(f)
            workspace = args.workspace or os.path.join(HERE, job["workspace"])
            out = os.path.abspath(args.out)
            if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
                fail(f"{args.out} exists and is not an empty folder")
            if not os.path.isdir(os.path.dirname(out)):
                fail(f"{args.out}: there is no folder {os.path.dirname(out)} to write it in")
            # Scratch beside OUT, not in /tmp: on a cluster, every node reads the state and the
            # converted CSV files from there (OUT is on a file system they all see).
            with tempfile.TemporaryDirectory(prefix=".offsync-scratch-", dir=os.path.dirname(out)) as scratch:
                engine = Engine(args, scratch)
                links_file, baselines_file, mark = read_state(workspace, scratch)
                engine.load_state(links_file, baselines_file)
                files, skipped = {}, {}
                for dataset in job["datasets"]:
                    paths = dataset_files(workspace, dataset)
                    skipped[dataset["dataset"]] = engine.load(dataset, paths)
                    files[dataset["dataset"]] = [os.path.relpath(path, workspace) for path in paths]
                engine.options(args.allow_deletes, skipped)
                with open(os.path.join(HERE, "job.sql")) as f:
                    engine.run(f.read())
                breaker = engine.rows("SELECT dataset, records, deletes, updates, trips FROM breaker ORDER BY dataset")
                trips = [row for row in breaker if row[4]]
                if trips and not args.force:
                    for dataset, records, deletes, updates, _ in trips:
                        print(f"run: circuit breaker: {dataset}: {deletes} deletes and {updates} updates of {records} records", file=sys.stderr)
                    print("run: nothing written (--force writes anyway)", file=sys.stderr)
                    sys.exit(3)
                # Written beside OUT and renamed into place: OUT is whole or absent.
                staged = tempfile.mkdtemp(prefix=".offsync-job-", dir=os.path.dirname(out))
                try:
                    imports = write_imports(engine.lines(), engine.fields, staged, job["datasets"], job["compression_level"])
                    names, rows = engine.table("flow_counts", "k")
                    counts = {row[0]: dict(zip(names[1:], row[1:])) for row in rows}
                    # report.json's keys as offsync writes them, for what the job knows.
                    def named(key):
                        system, entity = key.split(".", 1)
                        return {"system": system, "entity": entity}
                    report = {
                        "generator": "offsync compile",
                        "engine": job["engine"],
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
                                     for d, r, i in engine.rows("SELECT dataset, records, invalid FROM dataset_counts")],
                        "imports": imports,
                    }
                    # The state offsync would keep after this run, for the next engine.
                    os.makedirs(os.path.join(staged, "state"))
                    engine.write_state(os.path.join(staged, "state"), mark)
                    with open(os.path.join(staged, "report.json"), "w") as f:
                        json.dump(report, f, indent=2, ensure_ascii=False)
                        f.write("\n")
                    if os.path.isdir(out):
                        os.rmdir(out)
                    os.rename(staged, out)
                except BaseException:
                    shutil.rmtree(staged, ignore_errors=True)
                    raise
        """#
}
