extension JobDriver {
    /// The Spark part: the exports read by Spark (text, whole JSON files, CSV), each record
    /// parsed once into a VARIANT; every table of job.sql checkpointed; the import lines put
    /// together in Python; the next state as one Parquet file each.
    static let spark = #"""
        import re


        # Per operation its fields, the JSON line put together from them in Python (Spark has no
        # ordered string aggregate); fields sorted by path, as offsync writes them.
        SPARK_LINES = """
        SELECT system, entity, kind, CAST(NULL AS STRING) AS line, id, correlation,
            transform(f, x -> x.path), transform(f, x -> x.value), transform(f, x -> x.seen)
        FROM (SELECT system, entity, kind, id, correlation,
                array_sort(collect_list(CASE WHEN path IS NOT NULL THEN named_struct('path', path, 'value', value, 'seen', seen) END)) AS f
            FROM op_rows GROUP BY system, entity, kind, id, correlation)
        ORDER BY system, entity, kind, coalesce(id, correlation)
        """


        # Each operation's fields and `$based_on` in the order offsync adds them, for CSV files.
        SPARK_FIELDS = """
        SELECT system, entity, kind, id, correlation,
            transform(array_sort(collect_list(CASE WHEN path IS NOT NULL THEN named_struct('ord', ord, 'path', path, 'value', value, 'seen', seen) END)),
                x -> named_struct('path', x.path, 'value', x.value, 'seen', x.seen))
        FROM op_rows WHERE concat(system, '.', entity) IN ({datasets})
        GROUP BY system, entity, kind, id, correlation
        ORDER BY system, entity, kind, coalesce(id, correlation)
        """

        # `CREATE TABLE name AS query` and `DROP TABLE name`, as job.sql writes them.
        CREATE = re.compile(r"CREATE TABLE (\w+) AS\s+(.*)\Z", re.S)
        DROP = re.compile(r"DROP TABLE (\w+)\Z")


        def statements(sql):
            """job.sql's statements: each ends with `;` at the end of a line; comment lines dropped."""
            for chunk in re.split(r";[ \t]*\n", sql):
                body = "\n".join(line for line in chunk.splitlines() if not line.strip().startswith("--")).strip()
                if body:
                    yield body


        class Spark:
            """The job on Spark through PySpark: in local mode with `python3 run`, or on a cluster with
            `spark-submit run`. Each table of job.sql is computed once and checkpointed, so that no plan
            grows with the statements before it."""

            @staticmethod
            def add_arguments(parser):
                parser.add_argument("--master", help="Spark's master when not run by spark-submit (default local[*])")
                parser.add_argument("--driver-memory", default="4g", help="the driver's memory in local mode (default 4g)")

            def __init__(self, args, scratch):
                try:
                    from pyspark import SparkConf
                    from pyspark.sql import SparkSession
                except ImportError:
                    fail("needs the Python package pyspark (pip install pyspark) and Java 17 or later")
                builder = SparkSession.builder.appName("offsync job")
                if not SparkConf().contains("spark.master"):
                    # One machine: a few shuffle partitions a core rather than Spark's 200.
                    builder = (builder.master(args.master or "local[*]").config("spark.driver.memory", args.driver_memory)
                               .config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 2))))
                builder = (builder.config("spark.sql.session.timeZone", "UTC")
                           .config("spark.sql.variant.allowDuplicateKeys", "true")
                           .config("spark.ui.showConsoleProgress", "false")
                           .config("spark.local.dir", os.path.join(scratch, "spark")))
                self.spark = builder.getOrCreate()
                self.spark.sparkContext.setLogLevel("ERROR")
                self.scratch = scratch

            def table_of(self, name, frame):
                """`frame` computed now and kept as the table `name`."""
                frame.localCheckpoint(eager=True).createOrReplaceTempView(name)

            def load_state(self, links_file, baselines_file):
                """state_link and state_baseline: what earlier runs remembered, empty without state."""
                for table, file, schema in (
                    ("state_link", links_file, "flow STRING, source_id STRING, target_id STRING, ord BIGINT, how STRING"),
                    ("state_baseline", baselines_file, "flow STRING, source_id STRING, property STRING, digest DECIMAL(20, 0)"),
                ):
                    if file is None:
                        self.table_of(table, self.spark.createDataFrame([], schema))
                    else:
                        self.table_of(table, self.spark.read.csv(file, schema=schema, header=False, quote='"', escape='"',
                                                                 multiLine=True, nullValue="\x01", emptyValue=""))

            def text_lines(self, path, part):
                """A file of one record a line: (part, line order, text); blank lines dropped. The line
                order is the split's start in the file, then the line's place in its split."""
                frame = self.spark.read.text(path).selectExpr(
                    f"{part} AS part", "_metadata.file_block_start AS block", "monotonically_increasing_id() AS n", "value AS text")
                return frame.where("trim(text) <> ''").selectExpr("part", "named_struct('block', block, 'n', n) AS n", "text")

            def json_elements(self, path, part, records):
                """A JSON file holding one array (or the array at `records:` in one object): one row per
                element. The whole file is one value: it must fit the driver's memory."""
                frame = self.spark.read.text(path, wholetext=True)
                array = "value" if records is None else \
                    "get_json_object(value, " + literal("$" + "".join(f"['{key}']" for key in records.split("."))) + ")"
                frame = frame.selectExpr(f"from_json({array}, 'array<string>') AS elements")
                if frame.where("elements IS NULL").count():
                    fail(f"{path}: not a JSON array" + ("" if records is None else f" at '{records}'"))
                return frame.selectExpr(f"{part} AS part", "posexplode(elements) AS (n, text)").selectExpr(
                    "part", "named_struct('block', CAST(0 AS BIGINT), 'n', CAST(n AS BIGINT)) AS n", "text")

            def csv_rows(self, dataset, path, part, lenient):
                """A CSV file's rows after its header, each as a JSON object of the header's names and
                the cells' text; returns the rows and how many a lenient reading skipped."""
                delimiter = dataset.get("delimiter") or sniff_delimiter(path, dataset["encoding"])
                source = as_utf8(path, dataset["encoding"], self.scratch)
                names = header(source, delimiter)
                # Spark sets a row with more or fewer fields than the header aside in `_corrupt`.
                schema = ", ".join([f"c{i} STRING" for i in range(len(names))] + ["_corrupt STRING"])
                frame = self.spark.read.csv(source, schema=schema, sep=delimiter, quote='"', escape='"', header=False, multiLine=True,
                                            nullValue="\x01", emptyValue="", ignoreLeadingWhiteSpace=False, ignoreTrailingWhiteSpace=False,
                                            maxCharsPerColumn=-1, mode="PERMISSIVE", columnNameOfCorruptRecord="_corrupt", encoding="UTF-8")
                frame = frame.selectExpr("monotonically_increasing_id() AS n", "*").where("n > 0").localCheckpoint(eager=True)
                bad = "_corrupt IS NOT NULL"
                malformed = frame.where(bad).selectExpr("n").orderBy("n").limit(1).collect()
                skipped = 0
                if malformed:
                    if not lenient:
                        fail(f"{os.path.relpath(path)}: row {malformed[0][0] + 1} has another number of fields than the header's "
                             f"{len(names)} (csv: {{ lenient: true }} skips such rows)")
                    skipped = frame.where(bad).count()
                    frame = frame.where(f"NOT ({bad})")
                # An empty cell, quoted or not, is an empty text (Spark reads an unquoted one as null).
                cells = ", ".join(f"{literal(name)}, coalesce(c{i}, '')" for i, name in enumerate(names))
                return frame.selectExpr(f"{part} AS part", "named_struct('block', CAST(0 AS BIGINT), 'n', n) AS n",
                                        f"to_json(named_struct({cells})) AS text"), skipped

            def load(self, dataset, files):
                """raw<n>(ord, rec): every record of the dataset's files in file order, each parsed once
                into a VARIANT; returns the number of rows a lenient CSV reading skipped."""
                parts, skipped = [], 0
                for part, path in enumerate(files):
                    if opener(path) is gzip.open and not path.lower().endswith(".gz"):
                        fail(f"{path}: gzip without a .gz name, which Spark would not inflate")
                    form = kind(path)
                    if form == "csv":
                        rows, skip = self.csv_rows(dataset, path, part, dataset.get("lenient"))
                        parts.append(rows)
                        skipped += skip
                    elif form == "lines" or (not dataset.get("records") and first_byte(path) != b"["):
                        parts.append(self.text_lines(path, part))
                    else:
                        parts.append(self.json_elements(path, part, dataset.get("records")))
                frame = parts[0]
                for other in parts[1:]:
                    frame = frame.unionByName(other)
                # A byte order mark before the first record is not part of it.
                frame = frame.selectExpr("named_struct('part', part, 'n', n) AS ord", "try_parse_json(regexp_replace(text, '^\\uFEFF', '')) AS rec")
                self.table_of(dataset["table"], frame)
                # A text that is not JSON parses to null.
                broken = self.spark.sql(f"SELECT ord.part, ord.n.n FROM {dataset['table']} WHERE rec IS NULL ORDER BY ord LIMIT 1").collect()
                if broken:
                    fail(f"{files[broken[0][0]]}: record {broken[0][1] + 1} is not valid JSON")
                return skipped

            def options(self, allow_deletes, skipped):
                self.table_of("job_options", self.spark.sql(f"SELECT {'true' if allow_deletes else 'false'} AS allow_deletes"))
                self.table_of("skipped", self.spark.createDataFrame(list(skipped.items()), "dataset STRING, rows BIGINT"))

            def run(self, sql):
                for statement in statements(sql):
                    if match := CREATE.match(statement):
                        self.table_of(match.group(1), self.spark.sql(match.group(2)))
                    elif match := DROP.match(statement):
                        self.spark.catalog.dropTempView(match.group(1))
                    else:
                        self.spark.sql(statement)

            def rows(self, query):
                return [tuple(row) for row in self.spark.sql(query).collect()]

            def table(self, name, order):
                frame = self.spark.sql(f"SELECT * FROM {name} ORDER BY {order}")
                return frame.columns, [tuple(row) for row in frame.collect()]

            def lines(self):
                return (tuple(row) for row in self.spark.sql(SPARK_LINES).toLocalIterator())

            def fields(self, datasets):
                query = SPARK_FIELDS.format(datasets=", ".join(literal(d) for d in datasets))
                return ((*row[:5], [f.asDict() for f in row[5]]) for row in self.spark.sql(query).toLocalIterator())

            def write_state(self, folder, mark):
                """links.parquet and baselines.parquet, one file each (Spark writes a folder of parts),
                digests as signed 64-bit integers; the mark of the state read is in the flow column's
                metadata, which Spark keeps in the file's schema."""
                from pyspark.sql.functions import col, expr
                for table, order, name in (("next_link", "flow, source_id", "links"), ("next_baseline", "flow, source_id, property", "baselines")):
                    frame = self.spark.sql(f"SELECT * FROM {table} ORDER BY {order}")
                    if "digest" in frame.columns:
                        frame = frame.withColumn("digest", expr(
                            "CAST(CASE WHEN digest >= 9223372036854775808 THEN digest - 18446744073709551616 ELSE digest END AS BIGINT)"))
                    frame = frame.withColumn("flow", col("flow").alias("flow", metadata={"offsync_state_read": mark}))
                    written = os.path.join(self.scratch, "state-" + name)
                    frame.coalesce(1).write.parquet(written, compression="gzip")
                    part = [file for file in os.listdir(written) if file.endswith(".parquet")]
                    shutil.move(os.path.join(written, part[0]), os.path.join(folder, name + ".parquet"))


        if __name__ == "__main__":
            main(Spark)
        """#
}
