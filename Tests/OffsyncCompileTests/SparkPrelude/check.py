#!/usr/bin/env python3
"""The compiled Spark job's value functions against the DuckDB job's macros (SparkPreludeTests).

    python check.py --duckdb-prelude DUCKDB.sql --spark-prelude SPARK.sql [--only f1,f2]

with a Python that has pyspark and duckdb (`make test-engines` installs both). Evaluates every
function in both engines over one seeded corpus (texts with white space, case pairs, combining
marks, numbers, dates and date-times in every form, OData dates far out of range) and prints
each mismatch (function, input, DuckDB, Spark) and a final count. A value on which DuckDB
fails must fail in Spark too (and then counts as a match). Exits 1 on any mismatch.
"""
import argparse
import decimal
import os
import random
import re
import sys
import time

ERROR = "<error>"


# ---------------------------------------------------------------- corpus

WHITE = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x85", "\xa0", "\u1680", "\u2000", "\u2003", "\u2009",
         "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u200b", "\ufeff", "\u180e"]
SPECIAL = ["ß", "ẞ", "ſ", "İ", "ı", "I", "i", "Σ", "σ", "ς", "K", "Å", "Ω", "ǅ", "ǈ", "ﬁ", "ŉ", "ΐ", "Ͱ", "Ꭰ", "ꭰ",
           "Ａ", "𐐀", "𐐨", "Ⰰ", "ⰰ", "Ա", "ა", "Ა", "ῼ", "ᾼ", "e\u0301", "é", "A\u030a", "\u212b", "n\u0303",
           "\u1e9b\u0323", "\u0344", "\u0958", "\uf900", "\u2126", "\u0130", "\u03a3\u0301", "한", "\u1112\u1161\u11ab",
           "\U0001F600", "\U0001F1F3\U0001F1F4", "\u0301", "\u0345", "\u0399\u0308\u0301", "\u00c5\u0328"]
ASCII = [chr(c) for c in range(32, 127)]


def rand_char(rng):
    r = rng.random()
    if r < 0.45:
        return rng.choice(ASCII)
    if r < 0.55:
        return rng.choice(WHITE)
    if r < 0.7:
        return rng.choice(SPECIAL)
    if r < 0.75:
        return chr(rng.randint(0x300, 0x36F))
    if r < 0.8:
        return chr(rng.choice([rng.randint(0x370, 0x3FF), rng.randint(0x400, 0x4FF), rng.randint(0x100, 0x24F),
                               rng.randint(0x1E00, 0x1FFF)]))
    if r < 0.9:
        while True:
            c = rng.randint(1, 0xFFFD)
            if not 0xD800 <= c <= 0xDFFF:
                return chr(c)
    if r < 0.95:
        return chr(rng.randint(0x10000, 0x10FFFF) if rng.random() < 0.5 else rng.randint(0x10400, 0x1044F))
    return chr(rng.randint(1, 31))


def rand_string(rng):
    n = rng.choice([0, 1, 1, 2, 3, 5, 8, 13, 16, 17, 24, 31, 40, 70])
    return "".join(rand_char(rng) for _ in range(n))


def rand_decimal(rng):
    sign = rng.choice(["", "", "-", "+"])
    whole = "".join(rng.choice("0123456789") for _ in range(rng.choice([0, 1, 1, 2, 3, 5, 12, 25])))
    frac = "".join(rng.choice("0123456789") for _ in range(rng.choice([0, 0, 1, 2, 4, 9, 20])))
    s = sign + whole + (rng.choice([".", ".", ",", ""]) + frac if frac or rng.random() < 0.2 else "")
    if rng.random() < 0.3:
        s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.choice([0, 1, 2, 5, 17, 100, 399, 400, 401, 1000]))
    if rng.random() < 0.15:
        s = rng.choice(WHITE) + s + rng.choice(WHITE)
    return s


def rand_date(rng):
    y = rng.choice([rng.randint(0, 9999), rng.randint(1900, 2100), 0, 1, 1969, 1970, 9999])
    mo, d = rng.randint(0, 13), rng.randint(0, 32)
    s = f"{y:04d}-{mo:02d}-{d:02d}"
    r = rng.random()
    if r < 0.8:
        s += rng.choice("TtT") + f"{rng.randint(0, 25):02d}:{rng.randint(0, 61):02d}"
        if rng.random() < 0.8:
            s += f":{rng.randint(0, 61):02d}"
            if rng.random() < 0.6:
                s += rng.choice(".,.") + "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 12)))
        s += rng.choice(["", "Z", "z", "+02:00", "-05:30", "+0530", "-0800", "+14", "-1", "+99:99", "+05:3", "X"])
    if rng.random() < 0.1:
        s = rng.choice([" ", "\t", "\u00a0", "  "]) + s + rng.choice(["", " ", "\n"])
    if rng.random() < 0.05:
        k = rng.randint(0, len(s))
        s = s[:k] + " " + s[k:]
    if rng.random() < 0.1:
        ms = rng.choice([rng.randint(-10**14, 10**14), rng.randint(-10**17, 10**17), rng.randint(-99999, 99999)])
        s = rng.choice(["/Date(%d)/", "/Date(%d+0100)/", "/Date(%d", " /Date( %d)/ "]) % ms
    return s


def rand_boolean(rng):
    w = rng.choice(["true", "1", "yes", "ja", "y", "false", "0", "no", "nei", "n", "tru", "yess", "2", "on", "off", "nein"])
    w = "".join(ch.upper() if rng.random() < 0.4 else ch for ch in w)
    if rng.random() < 0.3:
        w = rng.choice(WHITE) + w + rng.choice(WHITE)
    return w


def fixed_values():
    v = [None, "", " ", "  ", "\t", "\n", "\r\n", " \t\n\r ", "\x0b", "\x0c", "\x85", "\xa0", "\u3000", "\u2003",
         "\u00a0x\u00a0", "\u2003x\u3000", "\u0085x\u0085", "\u3000 abc \u3000", " a ", "a\n", "\na", "a b",
         "\u200bx\u200b", "\ufeffx", "x\u180e", "\u2028x\u2029", "\x0bx\x0c", "\u1680x\u202f", " \u00a0 ", "\t\u3000\n",
         # case folding
         "Straße", "STRASSE", "straße", "ſtraſſe", "ẞ", "İstanbul", "ISTANBUL", "ıstanbul", "İ", "ı", "I\u0307",
         "ΟΔΟΣ", "ὈΔΟΣ ΟΔΟΣ", "Σ", "ΑΣ", "Α Σ", "ΑΣ1", "ΑΣ.", "σς", "ΌΣΟΣ", "ΑΣ\u0301", "Kelvin K", "Ω", "ǅungla",
         "MiXeD CaSe", "ﬁle", "Å", "A\u030a", "\u212b", "e\u0301", "é", "Cafe\u0301", "Café", "  Cafe\u0301  ",
         "\u1e9b\u0323", "\u0958", "\uf900", "한국", "\u1112\u1161\u11ab", "\u0301", "𐐀𐐨", "Ⰰ", "Ꭰꭰ", "\U0001F600",
         "\u0399\u0308\u0301", "NEİ", "nei", "YES", "Ja", " y ", "NEI",
         # emails
         " John.Doe@Example.COM ", "john.doe@example.com", "JOHN@EXAMPLE.com\n", "Ünïcødé@Exämple.de", "a b@c d",
         "\u00a0mail@x.org\u3000", "İnfo@Ex.com",
         # phones
         "+47 (0) 22-33 44.55", "(555) 123-4567", "555.123.4567 ext. 89", "+1-800-FLOWERS", "0047 22 33 44 55",
         "١٢٣", "１２３", "--", "phone",
         # decimals
         "+1.50", "1.5", "15e-1", ".5", "5.", "-0", "0001.2300", "1e400", "1e401", "1e-400", "1e-401", "abc", "1,5",
         "0", "00", "-00.000", "+0", "-0.0e5", "1E5", "1e+5", "1e-5", "-1.25E-3", "123456789012345678901234567890",
         "0.000000000000000000001", "1.", ".", "+", "-", "e5", "1e", "1e+", "--1", "1.2.3", " 1.5 ", "\t-2\n",
         "1e99999999999999999999", "1e9223372036854775807", "1e-9223372036854775807", "1e-9223372036854775808", "-.5", "+.5e1", "5.e2",
         "1_000", "1 000", "0x10", "NaN", "Infinity", "-Infinity", "١.٥", "１.５", "1.50\u00a0", "\u20031.50",
         "99999999999999999999999999999999999999999", "0.10", "100", "1000e-3", "1000.000e-3",
         # integers
         "42", "-42", "+42", "042", "4.0", "4.5", "9223372036854775807", "9223372036854775808",
         "-9223372036854775809", "1e3", "1.5e1", "12e-1",
         # booleans
         "true", "TRUE", "True", "1", "yes", "YES", "Yes", "ja", "JA", "y", "Y", " true ", "\ttrue\n",
         "\u00a0yes\u3000", "false", "FALSE", "False", "0", "no", "NO", "No", "nei", "NEI", "n", "N", " false ",
         "\tno\n", "tru", "yess", "2", "-1", "on", "off", "t", "f", "nein", "oui", "j", "true1", "t rue", "ｔｒｕｅ",
         # dates and date-times
         "2024-01-01", "2024-02-29", "2023-02-29", "2024-02-30", "2024-02-31", "2024-04-31", "2024-13-01",
         "2024-00-10", "2024-01-00", "2024-01-32", "0000-01-01", "0000-03-01", "0001-01-01", "1969-12-31",
         "1970-01-01", "1899-12-31", "1600-02-29", "9999-12-31", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00z",
         "2024-01-01t12:34:56Z", "2024-06-15T12:00:00+02:00", "2024-06-15T12:00:00-02:00", "2024-06-15T12:00:00+0200",
         "2024-06-15T12:00:00-0530", "2024-06-15T12:00:00+02", "2024-06-15T12:00+02:00", "2024-06-15T12:00",
         "2024-06-15T12:00:00", "2024-06-15T12:00:00.1Z", "2024-06-15T12:00:00.12Z", "2024-06-15T12:00:00.123Z",
         "2024-06-15T12:00:00.1234Z", "2024-06-15T12:00:00.12345Z", "2024-06-15T12:00:00.123456Z",
         "2024-06-15T12:00:00.1234567Z", "2024-06-15T12:00:00.12345678Z", "2024-06-15T12:00:00.123456789Z",
         "2024-02-30T12:00:00.123456789+02:00", "2024-06-15T12:00:00,5+01:00", "2024-06-15T12:00:00.Z",
         "2024-06-15T12:00:00.999999999999999999Z", "2024-06-15T24:00:00Z", "2024-06-15T99:99:99Z",
         "2024-06-15T12:00:00+99:99", "2024-06-15 12:00:00", "2024-06-15T12:00:00 +02:00", " 2024-06-15T12:00:00Z ",
         "2024 -06-15", "2024-06-15T12:00:00+2:00", "2024-06-15T12:00:00+020", "2024-06-15T12:00:00+02:0",
         "2024-06-15T12", "2024-06-15T", "2024-6-15", "24-06-15", "20240615", "2024-06-15Z", "2024-06-15T12:00:00ZZ",
         "0000-01-01T00:00:00Z", "0000-02-29T23:59:59.999Z", "1969-12-31T23:59:59.9999999Z", "1900-02-29T00:00:00Z",
         "1583-10-15T00:00:00Z", "1582-10-04T00:00:00Z", "0001-01-01T00:00:00-23:59", "9999-12-31T23:59:59.999999999+14:00",
         "\u00a02024-06-15T12:00:00Z\u3000", "２０２４-06-15", "2024-06-15T12:00:00\n", "not a date", "2024-01-01x",
         "/Date(1700000000000)/", "/Date(-5000)/", "/Date(0)/", "/Date(-0)/", "/Date(1)/", "/Date(-1)/",
         "/Date(1700000000000+0100)/", "/Date(1700000000000", "/Date()/", "/Date(-)/", "/Date(--5)/", "/Date(1-2)/",
         "/Date(abc)/", " /Date(86400000)/ ", "/Date( 86400000 )/", "/Date(253402300799999)/", "/Date(253402300799000)/",
         "/Date(253402300800000)/", "/Date(-62135596800000)/", "/Date(-62135596800001)/", "/Date(-62167219200000)/",
         "/Date(-62167219200001)/", "/Date(-62198755200000)/", "/Date(-100000000000000)/", "/Date(9223372022400000)/",
         "/Date(9223372022399999)/", "/Date(-9223372022400000)/", "/Date(-9223372022400001)/",
         "/Date(123456789012345)/", "/Date(0.5)/", "/date(0)/", "/Date(" + "9" * 30 + ")/",
         "/Date(1700000000123)/", "/Date(" + "9" * 200 + ")/", "/Date(" + "9" * 400 + ")/", "/Date(-" + "9" * 400 + ")/",
         "/Date(" + "1" + "0" * 310 + ")/", "/Date(00000000000000000000000000000001)/", "/Date(1700000000001)/", "/Date(999)/", "/Date(-999)/", "/Date(-86400001)/",
         # long strings and non-ASCII for the hash
         "a" * 7, "a" * 8, "a" * 9, "a" * 15, "a" * 16, "a" * 17, "a" * 31, "a" * 32, "a" * 33,
         "0123456789abcdef0123", "x" * 1025, "é" * 600, "\U0001F600" * 300, "日本語テキスト" * 200,
         "The quick brown fox jumps over the lazy dog", "\x01\x02\x1f\x7f", 'quote " backslash \\ slash /',
         "tab\tnewline\nreturn\r", "\u2028\u2029", "\U0010FFFF", "\uFFFD", "\uFFFF",
         # JSON-looking text for os_written_text
         '["a","b"]', '{"a":1}', "null", "<tag attr='x'>",
         ]
    # letters DuckDB 2.0 does not lower but Spark's ICU does (unicode_sweep.py), and neighbours
    newer = [0x1C89, 0x1C8A, 0xA7CB, 0xA7CC, 0xA7CD, 0xA7CE, 0xA7D2, 0xA7D4, 0xA7DA, 0xA7DC, 0x10D50, 0x10D65,
             0x10D70, 0x16EA0, 0x16EB8, 0x16EBB, 0x2C2F, 0xA7C0, 0xA7D0, 0x10570]
    v += [chr(c) for c in newer] + ["Ab" + chr(c) + "ΣΣ İ" for c in newer] + [" \u1c89ΑΣ\u00a0", "YES\ua7cb"]
    for ch in WHITE:
        v += [ch, ch + "x", "x" + ch, ch * 3, ch + "x" + ch]
    return v


def build_corpus(seed=20240615, n_random=3000):
    rng = random.Random(seed)
    vals = fixed_values()
    vals += ["".join(rng.choice(SPECIAL + ASCII[33:40] + [" "]) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    vals += [rand_decimal(rng) for _ in range(500)]
    vals += [rand_date(rng) for _ in range(800)]
    vals += [rand_boolean(rng) for _ in range(200)]
    vals += [rand_string(rng) for _ in range(n_random)]
    vals += ["".join(rand_char(rng) for _ in range(rng.randint(100, 2000))) for _ in range(20)]
    seen, out = set(), []
    for v in vals:
        if v not in seen:
            seen.add(v)
            out.append(v)
    arrays = [None] * len(out)
    for i in range(0, len(out), 9):
        arrays[i] = rng.choice(['["a","b"]', "[]", '[1,2.5,"x"]'])
    return out, arrays


def build_days(seed=7):
    rng = random.Random(seed)
    rows = [(y, m, d) for y in (-401, -400, -1, 0, 1, 4, 100, 400, 1600, 1900, 1969, 1970, 2000, 2024, 9999)
            for m in range(1, 13) for d in (1, 15, 28, 29, 30, 31)]
    rows += [(rng.randint(-100000, 100000), rng.randint(1, 12), rng.randint(1, 31)) for _ in range(1500)]
    rows += [(rng.randint(-10, 10), rng.randint(0, 14), rng.randint(-2, 40)) for _ in range(300)]
    return rows


def build_fractions(seed=11):
    rng = random.Random(seed)
    rows = [(0.0, ""), (1.0, None), (1700000000.0, "123456789"), (-1.0, "5"), (0.0, "1"), (0.0, "0000000001"),
            (1.0, "9" * 40), (-62167219200.0, "999999999")]
    for _ in range(1500):
        whole = float(rng.choice([rng.randint(-10**11, 10**12), rng.randint(-100, 100), 1700000000]))
        digits = "".join(rng.choice("0123456789") for _ in range(rng.choice([0, 1, 2, 3, 6, 9, 12, 20])))
        rows.append((whole, digits))
    return rows


def build_instants(seed=17):
    rng = random.Random(seed)
    edge = 106751991 * 86400.0
    rows = [0.0, -0.0, 1.0, -1.0, 86399.999, 86400.0, -86400.0, -86400.5, -62167219200.0, -62167219200.5,
            253402300799.0, 253402300800.0, edge, edge + 86399.9, edge + 86400.0, -edge, -edge - 0.5, -edge - 86400.0,
            float("inf"), float("-inf"), 1e300, -1e300]
    rows += [rng.uniform(-9.3e12, 9.3e12) for _ in range(40)]
    rows += [rng.uniform(-9.2e12, 9.2e12) for _ in range(500)]
    rows += [rng.uniform(-1e12, 1e12) for _ in range(1500)]
    rows += [rng.randint(-10**15, 10**15) / 1000 for _ in range(500)]
    return rows


def build_doubles(seed=13):
    import struct
    rng = random.Random(seed)
    rows = [0.0, -0.0, 1.0, 0.1, 1e-5, 1e-4, 1e15, 1e16, 9999999999999998.0, 5e-324, 1.7976931348623157e308,
            float("inf"), float("-inf"), 1700000000.0, 1700000000.123, -5.0, 123456789.12345679]
    while len(rows) < 3000:
        r = rng.random()
        if r < 0.4:
            x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
            if x != x:
                continue
        elif r < 0.7:
            x = rng.randint(-10**15, 10**15) / 1000
        else:
            x = rng.uniform(-7e10, 3e11)
        rows.append(x)
    return rows


# ---------------------------------------------------------------- engines

def spark_statements(path):
    text = open(path, encoding="utf-8").read()
    out = []
    for chunk in re.split(r";[ \t]*\n", text):
        body = "\n".join(line for line in chunk.splitlines() if not line.strip().startswith("--")).strip()
        if body:
            out.append(body)
    return out


# (name, table, DuckDB expression, Spark expression)
UNARY = ["os_blank", "os_trim", "os_norm_exact", "os_norm_case_insensitive", "os_norm_email", "os_norm_digits_only",
         "os_decimal", "os_instant", "os_hash", "os_canonical_text", "os_canonical_decimal", "os_canonical_integer",
         "os_written_number", "os_canonical_boolean", "os_written_boolean", "os_canonical_date", "os_written_date",
         "os_canonical_date_time", "os_written_date_time"]
CHECKS = [(f, "corpus", f"{f}(v)", f"{f}(v)") for f in UNARY]
CHECKS += [
    ("os_visible", "corpus", "os_visible(left(v, 1))", "os_visible(left(v, 1))"),
    ("os_written_text", "corpus", "os_written_text(v, a)", "os_written_text(v, a)"),
    ("os_days", "days", "os_days(y, m, d)", "os_days(y, m, d)"),
    ("os_seconds_fraction", "fractions", "os_seconds_fraction(w, digits)", "os_seconds_fraction(w, digits)"),
    # helpers with no macro of their own, against the DuckDB expression they stand for
    ("os_double_text", "doubles", "x::VARCHAR", "os_double_text(x)"),
    ("os_day_text", "instants", "CASE WHEN floor(x / 86400) BETWEEN -719528 AND 2932896 "
     "THEN strftime(DATE '1970-01-01' + floor(x / 86400)::INTEGER, '%Y-%m-%d') END", "os_day_text(x)"),
]


def norm(x):
    """A result as comparable Python: ints for UBIGINT/DECIMAL(20,0), exact repr for doubles."""
    if isinstance(x, decimal.Decimal):
        return int(x)
    if isinstance(x, float):
        return repr(x)
    return x


class Duck:
    def __init__(self, prelude, tables):
        import duckdb
        self.con = duckdb.connect()
        self.con.execute(prelude)
        self.tables = tables
        for name, (cols, rows) in tables.items():
            self.con.execute(f"CREATE TABLE {name} (id INTEGER, {', '.join(f'{c} {t}' for c, t in cols)})")
            self.con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * (len(cols) + 1))})",
                                 [(i,) + tuple(r) for i, r in enumerate(rows)])

    def run(self, table, expr):
        ids = [i for (i,) in self.con.execute(f"SELECT id FROM {table} ORDER BY id").fetchall()]
        out = {}
        self._run(table, expr, ids, out)
        return out

    def _run(self, table, expr, ids, out):
        if not ids:
            return
        try:
            for i, r in self.con.execute(f"SELECT id, {expr} FROM {table} WHERE id BETWEEN {ids[0]} AND {ids[-1]}").fetchall():
                out[i] = norm(r)
        except Exception as e:
            if len(ids) == 1:
                out[ids[0]] = (ERROR, str(e).splitlines()[0][:80])
                return
            half = len(ids) // 2
            self._run(table, expr, ids[:half], out)
            self._run(table, expr, ids[half:], out)


class Spark:
    SPARK_TYPES = {"VARCHAR": "STRING", "BIGINT": "BIGINT", "DOUBLE": "DOUBLE"}

    def __init__(self, prelude_path, tables):
        from pyspark.sql import SparkSession
        from pyspark.sql.types import StructType, StructField, StringType, LongType, DoubleType, IntegerType
        self.spark = (SparkSession.builder.master("local[2]").appName("offsync-prelude-check")
                      .config("spark.ui.enabled", "false").config("spark.driver.memory", "4g")
                      .config("spark.sql.shuffle.partitions", "2").config("spark.sql.session.timeZone", "UTC")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("OFF")
        for stmt in spark_statements(prelude_path):
            self.spark.sql(stmt)
        types = {"VARCHAR": StringType(), "BIGINT": LongType(), "DOUBLE": DoubleType()}
        for name, (cols, rows) in tables.items():
            schema = StructType([StructField("id", IntegerType(), False)]
                                + [StructField(c, types[t], True) for c, t in cols])
            df = self.spark.createDataFrame([(i,) + tuple(r) for i, r in enumerate(rows)], schema)
            df.cache().count()
            df.createOrReplaceTempView(name)

    def run(self, table, expr, ids):
        out = {}
        self._run(table, expr, sorted(ids), out)
        return out

    def _run(self, table, expr, ids, out):
        if not ids:
            return
        where = f"id BETWEEN {ids[0]} AND {ids[-1]}" if ids == list(range(ids[0], ids[-1] + 1)) else \
            f"id IN ({', '.join(map(str, ids))})"
        try:
            for i, r in self.spark.sql(f"SELECT id, {expr} FROM {table} WHERE {where}").collect():
                out[i] = norm(r)
        except Exception as e:
            if len(ids) == 1:
                msg = str(e).splitlines()[0][:80] if str(e) else type(e).__name__
                out[ids[0]] = (ERROR, msg)
                return
            half = len(ids) // 2
            self._run(table, expr, ids[:half], out)
            self._run(table, expr, ids[half:], out)


def same(a, b):
    if isinstance(a, tuple) and isinstance(b, tuple):
        return a[0] == b[0] == ERROR
    return a == b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--duckdb-prelude", required=True)
    ap.add_argument("--spark-prelude", required=True)
    ap.add_argument("--only", help="comma-separated function names")
    args = ap.parse_args()

    corpus, arrays = build_corpus()
    tables = {
        "corpus": ([("v", "VARCHAR"), ("a", "VARCHAR")], list(zip(corpus, arrays))),
        "days": ([("y", "BIGINT"), ("m", "BIGINT"), ("d", "BIGINT")], build_days()),
        "fractions": ([("w", "DOUBLE"), ("digits", "VARCHAR")], build_fractions()),
        "doubles": ([("x", "DOUBLE")], [(x,) for x in build_doubles()]),
        "instants": ([("x", "DOUBLE")], [(x,) for x in build_instants()]),
    }
    inputs = {name: rows for name, (cols, rows) in tables.items()}
    print(f"corpus: {len(corpus)} strings, {len(inputs['days'])} dates, {len(inputs['fractions'])} fractions, "
          f"{len(inputs['doubles'])} doubles, {len(inputs['instants'])} instants", flush=True)

    t0 = time.time()
    with open(args.duckdb_prelude, encoding="utf-8") as f:
        duck = Duck(f.read(), tables)
    t1 = time.time()
    spark = Spark(args.spark_prelude, tables)
    t2 = time.time()
    print(f"duckdb setup {t1 - t0:.1f}s, spark setup (session + functions + data) {t2 - t1:.1f}s", flush=True)

    checks = CHECKS if not args.only else [c for c in CHECKS if c[0] in args.only.split(",")]
    total_bad, summary = 0, []
    for name, table, dexpr, sexpr in checks:
        ta = time.time()
        d = duck.run(table, dexpr)
        tb = time.time()
        ok_ids = [i for i, r in d.items() if not (isinstance(r, tuple) and r[0] == ERROR)]
        err_ids = [i for i in d if i not in set(ok_ids)]
        s = spark.run(table, sexpr, ok_ids)
        for i in err_ids:  # each alone: Spark must fail on it too
            s.update(spark.run(table, sexpr, [i]))
        tc = time.time()
        bad = [i for i in sorted(d) if not same(d[i], s.get(i, (ERROR, "missing")))]
        for i in bad[:40]:
            print(f"MISMATCH {name} input={inputs[table][i]!r} duckdb={d[i]!r} spark={s.get(i)!r}")
        if len(bad) > 40:
            print(f"  ... and {len(bad) - 40} more for {name}")
        total_bad += len(bad)
        summary.append((name, len(d) - len(bad), len(d), len(err_ids), tb - ta, tc - tb))
        print(f"{name}: {len(d) - len(bad)}/{len(d)} match ({len(err_ids)} fail in DuckDB), "
              f"duckdb {tb - ta:.2f}s, spark {tc - tb:.2f}s", flush=True)

    print("\nsummary (function, matches/values, DuckDB failures, duckdb s, spark s):")
    for name, good, n, errs, dt, st in summary:
        print(f"  {name:26s} {good:5d}/{n:<5d} errors={errs:<3d} duckdb={dt:6.2f}s spark={st:6.2f}s")
    print(f"\n{total_bad} mismatches in {len(summary)} functions; total {time.time() - t0:.1f}s")
    spark.spark.stop()
    sys.exit(1 if total_bad else 0)


if __name__ == "__main__":
    main()
