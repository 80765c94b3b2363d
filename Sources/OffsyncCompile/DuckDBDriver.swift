/// The compiled job's `run`: loads every dataset's exports into DuckDB as `raw<n>(ord, rec)`,
/// runs `job.sql`, and writes the import files and report.json from its tables. Python, since
/// DuckDB's Python package is the way it installs everywhere; the decisions are all in the SQL.
enum DuckDBDriver {
    static let script = #"""
        #!/usr/bin/env python3
        """Runs a job `offsync compile` wrote: ./run OUT [--workspace DIR]

        Reads the workspace's exports into DuckDB, runs job.sql beside this file (the decisions of a
        first `offsync run`), and writes OUT/import/<system>/<Entity>.<op>.jsonl.gz and
        OUT/report.json. OUT must not exist yet or be empty.
        """
        import argparse
        import codecs
        import glob
        import gzip
        import json
        import os
        import sys
        import tempfile

        HERE = os.path.dirname(os.path.abspath(__file__))


        def fail(message):
            print(f"run: {message}", file=sys.stderr)
            sys.exit(1)


        def sniff_delimiter(path, encoding):
            """The header line's most frequent of tab, comma and semicolon outside quotes (comma when none)."""
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                head = f.read(1 << 16).decode(encoding, errors="replace")
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


        def as_utf8(path, encoding, scratch):
            """A CSV file in another encoding, copied as UTF-8 for DuckDB."""
            if encoding == "utf-8":
                return path
            python_encoding = {"windows-1252": "cp1252", "iso-8859-1": "latin-1"}[encoding]
            opener = gzip.open if path.endswith(".gz") else open
            target = os.path.join(scratch, f"{len(os.listdir(scratch))}.csv")
            with opener(path, "rb") as source, open(target, "w", encoding="utf-8", newline="") as out:
                reader = codecs.getreader(python_encoding)(source)
                while True:
                    chunk = reader.read(1 << 20)
                    if not chunk:
                        break
                    out.write(chunk)
            return target


        def literal(text):
            return "'" + text.replace("'", "''") + "'"


        def load(con, workspace, dataset, scratch):
            """raw<n>(ord, rec): every record of the dataset's files in file order, as JSON."""
            files = []
            for pattern in dataset["files"]:
                files += sorted(glob.glob(os.path.join(workspace, pattern)))
            parts = []
            for path in files:
                name = path.lower()[:-3] if path.lower().endswith(".gz") else path.lower()
                if name.endswith((".csv", ".tsv", ".txt")):
                    delimiter = dataset.get("delimiter") or sniff_delimiter(path, dataset["encoding"])
                    source = as_utf8(path, dataset["encoding"], scratch)
                    parts.append(
                        f"SELECT to_json(t) AS rec FROM read_csv({literal(source)}, delim = {literal(delimiter)}, header = true, "
                        "quote = '\"', escape = '\"', all_varchar = true, nullstr = '\x01') t")
                elif name.endswith((".ndjson", ".jsonl")):
                    parts.append(f"SELECT json AS rec FROM read_json_objects({literal(path)}, format = 'newline_delimited', maximum_object_size = 2147483647)")
                elif dataset.get("records"):
                    steps = "".join(f'."{key}"' for key in dataset["records"].split("."))
                    parts.append(
                        f"SELECT unnest(json_extract(json, '${steps}')::JSON[]) AS rec "
                        f"FROM read_json_objects({literal(path)}, format = 'auto', maximum_object_size = 2147483647)")
                else:
                    parts.append(f"SELECT json AS rec FROM read_json_objects({literal(path)}, format = 'array', maximum_object_size = 2147483647)")
            if not parts:
                fail(f"{dataset['dataset']}: no file matches {', '.join(dataset['files'])}")
            union = " UNION ALL ".join(f"SELECT {i} AS part, row_number() OVER () AS n, rec FROM ({part})" for i, part in enumerate(parts))
            con.execute(f"CREATE TABLE {dataset['table']} AS SELECT row_number() OVER (ORDER BY part, n) AS ord, rec::JSON AS rec FROM ({union})")


        def nested(flat):
            """{"a.b": 1} as {"a": {"b": 1}}, keys sorted."""
            tree = {}
            for path in sorted(flat):
                node = tree
                keys = path.split(".")
                for key in keys[:-1]:
                    node = node.setdefault(key, {})
                    if not isinstance(node, dict):
                        break
                else:
                    node.setdefault(keys[-1], flat[path])
            return tree


        def write_imports(con, out, datasets):
            batches = {d["dataset"]: d.get("batch") for d in datasets}
            rows = con.execute(
                "SELECT system, entity, kind, id, correlation, "
                "list(path ORDER BY path) FILTER (WHERE path IS NOT NULL), list(value ORDER BY path) FILTER (WHERE path IS NOT NULL), "
                "list(seen ORDER BY path) FILTER (WHERE path IS NOT NULL) "
                "FROM op_rows GROUP BY system, entity, kind, id, correlation ORDER BY system, entity, kind, coalesce(id, correlation)").fetchall()
            files = {}
            for system, entity, kind, record_id, correlation, paths, values, seen in rows:
                line = {}
                if record_id is not None:
                    line["_id"] = record_id
                if correlation is not None:
                    line["$correlation"] = correlation
                paths, values, seen = paths or [], values or [], seen or []
                if kind != "create":
                    line["$based_on"] = nested({p: json.loads(v) for p, v in zip(paths, seen)})
                line.update(nested({p: json.loads(v) for p, v in zip(paths, values)}))
                files.setdefault((system, entity, kind), []).append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
            written = []
            for (system, entity, kind), lines in sorted(files.items()):
                folder = os.path.join(out, "import", system)
                os.makedirs(folder, exist_ok=True)
                batch = batches.get(f"{system}.{entity}")
                chunks = [lines[i:i + batch] for i in range(0, len(lines), batch)] if batch else [lines]
                for number, chunk in enumerate(chunks, 1):
                    name = f"{entity}.{kind}.{number:04d}.jsonl.gz" if batch else f"{entity}.{kind}.jsonl.gz"
                    with open(os.path.join(folder, name), "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
                        f.write(("\n".join(chunk) + "\n").encode("utf-8"))
                    written.append({"path": f"import/{system}/{name}", "records": len(chunk)})
            return written


        def main():
            parser = argparse.ArgumentParser(description="Run a job offsync compile wrote.")
            parser.add_argument("out", help="the output folder (new or empty)")
            parser.add_argument("--workspace", help="the workspace folder (default: the one compiled)")
            args = parser.parse_args()
            try:
                import duckdb
            except ImportError:
                fail("needs the Python package duckdb (pip install duckdb)")
            with open(os.path.join(HERE, "job.json")) as f:
                job = json.load(f)
            workspace = args.workspace or os.path.join(HERE, job["workspace"])
            if os.path.exists(args.out) and (not os.path.isdir(args.out) or os.listdir(args.out)):
                fail(f"{args.out} exists and is not an empty folder")
            con = duckdb.connect()
            with tempfile.TemporaryDirectory() as scratch:
                for dataset in job["datasets"]:
                    load(con, workspace, dataset, scratch)
                with open(os.path.join(HERE, "job.sql")) as f:
                    con.execute(f.read())
            os.makedirs(args.out, exist_ok=True)
            imports = write_imports(con, args.out, job["datasets"])
            names = [d[0] for d in con.execute("SELECT * FROM flow_counts LIMIT 0").description]
            counts = {row[0]: dict(zip(names[1:], row[1:])) for row in con.execute("SELECT * FROM flow_counts ORDER BY k").fetchall()}
            report = {
                "generator": "offsync compile",
                "engine": "duckdb",
                "flows": [dict(flow, counts=counts[k]) for k, flow in enumerate(job["flows"])],
                "imports": imports,
            }
            with open(os.path.join(args.out, "report.json"), "w") as f:
                json.dump(report, f, indent=2, ensure_ascii=False)
                f.write("\n")


        if __name__ == "__main__":
            main()
        """#
}
