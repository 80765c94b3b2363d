"""Writes the Parquet files ParquetFileTests read, with the Python packages duckdb (2.0.0)
and pyarrow (26.0.1): `python3 make.py` in this folder, in a virtual environment holding both.

One table of 2,500 rows in two or three row groups, written in the layouts offsync must read
(what the compiled job writes, dictionaries and snappy as Spark writes by default, the
second format version's encodings) and one it must refuse. The tests compute every value
from its row number, as the query below does.
"""
import os
import duckdb
import pyarrow.parquet

here = os.path.dirname(os.path.abspath(__file__))
con = duckdb.connect()
con.execute("""
    CREATE TABLE t AS SELECT
        i AS id,
        CASE WHEN i % 7 = 3 THEN NULL ELSE 'name-' || i || CASE WHEN i % 10 = 0 THEN ' ñ✓' ELSE '' END END AS name,
        CAST(CAST(i AS UHUGEINT) * 11400714819323198485 % 18446744073709551616 AS UBIGINT) AS digest,
        CAST(i % 5 - 2 AS INTEGER) AS small,
        CAST(CAST(i * i AS UHUGEINT) * 11400714819323198485 % 18446744073709551616 AS UBIGINT) AS scattered,
        CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
        i / 4 AS ratio,
        CASE WHEN i % 2 = 0 THEN 'merge 1' ELSE 'correlation' END AS how
    FROM range(2500) r(i)
""")
layouts = {
    "plain-gzip.parquet": "COMPRESSION gzip, DICTIONARY_SIZE_LIMIT 0, KV_METADATA {'written_by': 'make.py'}",
    "dictionary-snappy.parquet": "COMPRESSION snappy",
    "dictionary-uncompressed-v2.parquet": "COMPRESSION uncompressed, PARQUET_VERSION v2",
    "plain-snappy-v2.parquet": "COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 0, PARQUET_VERSION v2",
}
for name, options in layouts.items():
    con.execute(f"COPY (SELECT * FROM t ORDER BY id) TO '{os.path.join(here, name)}' (FORMAT parquet, ROW_GROUP_SIZE 1000, {options})")
con.execute(f"COPY (SELECT * FROM t WHERE id < 100) TO '{os.path.join(here, 'zstd.parquet')}' (FORMAT parquet, COMPRESSION zstd)")
# Texts as shared prefixes and suffixes (DELTA_BYTE_ARRAY), which DuckDB does not write.
pyarrow.parquet.write_table(
    con.sql("SELECT * FROM t ORDER BY id").to_arrow_table(), os.path.join(here, "prefixes-pyarrow.parquet"),
    row_group_size=1000, compression="gzip", use_dictionary=False, data_page_version="2.0",
    column_encoding={"name": "DELTA_BYTE_ARRAY", "how": "DELTA_BYTE_ARRAY", "scattered": "DELTA_BINARY_PACKED"})
