extension JobDriver {
    /// The DuckDB part: the exports loaded with DuckDB's readers, the state through CSV, the
    /// import lines made by DuckDB where no path has a dot, the next state as Parquet.
    static let duckdb = #"""
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



        # Each operation's fields and `$based_on` in the order offsync adds them, for CSV files.
        FIELDS = """
        SELECT system, entity, kind, id, correlation,
            list(struct_pack(path := path, value := value, seen := seen) ORDER BY ord) FILTER (WHERE path IS NOT NULL)
        FROM op_rows WHERE system || '.' || entity IN (SELECT unnest(?))
        GROUP BY system, entity, kind, id, correlation
        ORDER BY system, entity, kind, coalesce(id, correlation)
        """



        class DuckDB:
            """The job on DuckDB's Python package, in this process."""

            @staticmethod
            def add_arguments(parser):
                parser.add_argument("--memory-limit", help="DuckDB's memory limit (e.g. 4GB); beyond it, DuckDB works from disk")

            def __init__(self, args, scratch):
                try:
                    import duckdb
                except ImportError:
                    fail("needs the Python package duckdb (pip install duckdb)")
                config = {"temp_directory": os.path.join(scratch, "spill")}
                if args.memory_limit:
                    config["memory_limit"] = args.memory_limit
                self.con = duckdb.connect(config=config)
                self.scratch = scratch

            def load_state(self, links_file, baselines_file):
                """state_link and state_baseline: what earlier runs remembered, empty without state."""
                self.con.execute("CREATE TABLE state_link (flow VARCHAR, source_id VARCHAR, target_id VARCHAR, ord BIGINT, how VARCHAR)")
                self.con.execute("CREATE TABLE state_baseline (flow VARCHAR, source_id VARCHAR, property VARCHAR, digest UBIGINT)")
                if links_file is None:
                    return
                for table, file, columns in (
                    ("state_link", links_file, "{'flow': 'VARCHAR', 'source_id': 'VARCHAR', 'target_id': 'VARCHAR', 'ord': 'BIGINT', 'how': 'VARCHAR'}"),
                    ("state_baseline", baselines_file, "{'flow': 'VARCHAR', 'source_id': 'VARCHAR', 'property': 'VARCHAR', 'digest': 'UBIGINT'}"),
                ):
                    self.con.execute(
                        f"INSERT INTO {table} SELECT * FROM read_csv({literal(file)}, header = false, columns = {columns}, auto_detect = false, "
                        "delim = ',', quote = '\"', escape = '\"', comment = '', nullstr = '\x01')")

            def load(self, dataset, files):
                """raw<n>(ord, rec): every record of the dataset's files in file order, as JSON; returns
                the number of rows a lenient CSV reading skipped."""
                con, scratch = self.con, self.scratch
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
                return sum(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in rejects)

            def options(self, allow_deletes, skipped):
                self.con.execute("CREATE TABLE job_options AS SELECT ? AS allow_deletes", [allow_deletes])
                self.con.execute("CREATE TABLE skipped (dataset VARCHAR, rows BIGINT)")
                self.con.executemany("INSERT INTO skipped VALUES (?, ?)", list(skipped.items()))

            def run(self, sql):
                self.con.execute(sql)

            def rows(self, query):
                return self.con.execute(query).fetchall()

            def table(self, name, order):
                names = [d[0] for d in self.con.execute(f"SELECT * FROM {name} LIMIT 0").description]
                return names, self.con.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()

            def lines(self):
                return self.con.execute(LINES).fetchall()

            def fields(self, datasets):
                return self.con.execute(FIELDS, [datasets]).fetchall()

            def write_state(self, folder, mark):
                for table, order in (("next_link", "flow, source_id"), ("next_baseline", "flow, source_id, property")):
                    name = "links" if table == "next_link" else "baselines"
                    self.con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO {literal(os.path.join(folder, name + '.parquet'))} "
                                     f"(FORMAT parquet, COMPRESSION gzip, DICTIONARY_SIZE_LIMIT 0, KV_METADATA {{offsync_state_read: {literal(mark)}}})")


        if __name__ == "__main__":
            main(DuckDB)
        """#
}
