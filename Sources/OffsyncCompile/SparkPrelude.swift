/// The functions every compiled Spark job starts with: the rules of the DuckDB job's macros
/// (`DuckDBPrelude`) as Spark SQL functions, each giving the same text for the same input.
///
/// Spark SQL shapes these differently from DuckDB:
/// - a SQL function's arguments are evaluated for every row, even where the CASE around the
///   call is not taken, so every argument is total (try_cast, guards that give null);
/// - a let-binding is a helper function whose parameter is the binding; a SQL function may
///   not be called inside a lambda, nor take an argument holding one, so lambdas only wrap
///   built-ins and their results are not passed on;
/// - regexes are Java's: `\z` for the end (`$` also matches before a final line break);
/// - NFC through ICU4J (shipped with Spark); `lower` maps İ and final Σ as DuckDB does;
/// - no unsigned 64-bit type: the hash multiplies 32-bit halves by 16-bit limbs in BIGINT and
///   gives the digest as DECIMAL(20, 0);
/// - a DOUBLE's text as DuckDB prints it, from the shortest `%.Ne` text that reads back.
enum SparkPrelude {
    static let sql: String = hand
        .replacing("@@HASH_HEX@@", with: hashHex())
        .replacing("@@FRACTION_9@@", with: fraction(digits: 9))
        .replacing("@@FRACTION_323@@", with: fraction(digits: 323))
        .replacing("@@SHORTEST@@", with: shortestExponentText())

    private static let hand = #"""
        -- A field's node is a VARIANT (each record is parsed once when loaded); its JSON text
        -- tells its kind by the first character.
        -- A field's text as offsync reads it: null and objects have none; strings, numbers,
        -- booleans and arrays do.
        CREATE OR REPLACE TEMPORARY FUNCTION os_raw_of(j STRING, n VARIANT) RETURNS STRING
        RETURN CASE WHEN j IS NULL OR j = 'null' OR startswith(j, '{') THEN NULL WHEN startswith(j, '[') THEN j ELSE CAST(n AS STRING) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_raw(n VARIANT) RETURNS STRING
        RETURN os_raw_of(to_json(n), n);

        -- A field as JSON for `$based_on`: null when absent.
        CREATE OR REPLACE TEMPORARY FUNCTION os_json_of(j STRING) RETURNS STRING
        RETURN CASE WHEN j IS NULL OR startswith(j, '{') THEN 'null' ELSE j END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_json(n VARIANT) RETURNS STRING
        RETURN os_json_of(to_json(n));

        -- An array field's JSON (written as it is by a text property); null otherwise.
        CREATE OR REPLACE TEMPORARY FUNCTION os_array(n VARIANT) RETURNS STRING
        RETURN CASE WHEN startswith(to_json(n), '[') THEN to_json(n) END;

        -- An object with keys: a target path holding one is not a value to compare or write.
        CREATE OR REPLACE TEMPORARY FUNCTION os_filled_object(n VARIANT) RETURNS BOOLEAN
        RETURN startswith(to_json(n), '{') AND to_json(n) <> '{}';

        -- Empty: null, or only spaces, tabs and line breaks.
        CREATE OR REPLACE TEMPORARY FUNCTION os_visible(c STRING) RETURNS BOOLEAN
        RETURN ascii(c) BETWEEN 33 AND 126;

        CREATE OR REPLACE TEMPORARY FUNCTION os_blank(v STRING) RETURNS BOOLEAN
        RETURN CASE WHEN v IS NULL THEN true WHEN os_visible(left(v, 1)) THEN false ELSE v RLIKE r'^[ \t\n\r]*\z' END;

        -- Trimmed of white space at both ends (Unicode white space).
        CREATE OR REPLACE TEMPORARY FUNCTION os_trim(v STRING) RETURNS STRING
        RETURN CASE WHEN os_visible(left(v, 1)) AND os_visible(right(v, 1)) THEN v
            ELSE regexp_replace(v, r'^[\t\n\x{0B}\f\r\x{85}\p{Z}]+|[\t\n\x{0B}\f\r\x{85}\p{Z}]+\z', '') END;

        -- DuckDB's nfc_normalize and lower.
        CREATE OR REPLACE TEMPORARY FUNCTION os_nfc(v STRING) RETURNS STRING
        RETURN CASE WHEN v IS NOT NULL THEN reflect('com.ibm.icu.text.Normalizer', 'compose', v, false) END;

        -- Spark's lower knows Unicode 16/17 (ICU4J 78); DuckDB 2.0's does not yet lower these 55 letters
        -- (found by unicode_sweep.py): a text holding one is lowered a code point at a time, sparing
        -- them. The lambda means os_lower's result may not be passed to another SQL function.
        CREATE OR REPLACE TEMPORARY FUNCTION os_lower(v STRING) RETURNS STRING
        RETURN CASE WHEN v RLIKE r'[\x{1C89}\x{A7CB}\x{A7CC}\x{A7CE}\x{A7D2}\x{A7D4}\x{A7DA}\x{A7DC}\x{10D50}-\x{10D65}\x{16EA0}-\x{16EB8}]'
            THEN array_join(transform(regexp_extract_all(replace(v, 'İ', 'i'), r'(?s)(.)', 1),
                c -> CASE WHEN c RLIKE r'[\x{1C89}\x{A7CB}\x{A7CC}\x{A7CE}\x{A7D2}\x{A7D4}\x{A7DA}\x{A7DC}\x{10D50}-\x{10D65}\x{16EA0}-\x{16EB8}]' THEN c ELSE lower(c) END), '')
            ELSE lower(replace(replace(v, 'İ', 'i'), 'Σ', 'σ')) END;

        -- Merge values by `compare:`; null where the value is empty.
        CREATE OR REPLACE TEMPORARY FUNCTION os_norm_exact(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN NULL ELSE os_nfc(v) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_norm_case_insensitive(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN NULL
            ELSE nullif(replace(replace(os_lower(os_nfc(os_trim(v))), 'ß', 'ss'), 'ſ', 's'), '') END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_norm_email(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN NULL ELSE nullif(os_lower(os_nfc(os_trim(v))), '') END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_norm_digits_only(v STRING) RETURNS STRING
        RETURN nullif(regexp_replace(coalesce(v, ''), '[^0-9]', ''), '');

        -- A decimal number's plain text, read without floating point.
        CREATE OR REPLACE TEMPORARY FUNCTION os_decimal_plain(neg STRING, d STRING, e BIGINT) RETURNS STRING
        RETURN CASE
            WHEN d = '' THEN '0'
            WHEN e >= 0 THEN neg || d || repeat('0', CAST(e AS INT))
            WHEN -e < length(d) THEN neg || left(d, CAST(length(d) + e AS INT)) || '.' || right(d, CAST(-e AS INT))
            ELSE neg || '0.' || repeat('0', CAST(-e - length(d) AS INT)) || d END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_decimal_trimmed(neg STRING, x STRING, e BIGINT) RETURNS STRING
        RETURN os_decimal_plain(CASE WHEN x = '' THEN '' ELSE neg END, TRIM(TRAILING '0' FROM x),
            e + length(x) - length(TRIM(TRAILING '0' FROM x)));

        CREATE OR REPLACE TEMPORARY FUNCTION os_decimal_digits(neg STRING, digits STRING, e BIGINT) RETURNS STRING
        RETURN os_decimal_trimmed(neg, TRIM(LEADING '0' FROM digits), e);

        CREATE OR REPLACE TEMPORARY FUNCTION os_decimal_parts(sign STRING, mantissa STRING, power BIGINT) RETURNS STRING
        RETURN CASE WHEN power BETWEEN -400 AND 400 THEN os_decimal_digits(sign, regexp_replace(mantissa, '[^0-9]', ''),
            CASE WHEN power BETWEEN -400 AND 400 THEN power - length(regexp_extract(mantissa, r'\.([0-9]*)', 1)) END) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_decimal(t STRING) RETURNS STRING
        RETURN CASE WHEN t RLIKE r'^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\z' THEN os_decimal_parts(
            CASE WHEN startswith(t, '-') THEN '-' ELSE '' END,
            regexp_replace(t, r'[eE].*\z', ''),
            coalesce(try_cast(regexp_extract(t, r'[eE]([+-]?[0-9]+)\z', 1) AS BIGINT), 0)) END;

        -- Days since 1970-01-01 in the proleptic Gregorian calendar (`div` truncates, as DuckDB's `//`).
        CREATE OR REPLACE TEMPORARY FUNCTION os_day_of_era(yoe BIGINT, m BIGINT, d BIGINT) RETURNS BIGINT
        RETURN yoe * 365 + yoe div 4 - yoe div 100 + (153 * (m + CASE WHEN m > 2 THEN -3 ELSE 9 END) + 2) div 5 + d - 1;

        CREATE OR REPLACE TEMPORARY FUNCTION os_days_in_era(y BIGINT, era BIGINT, m BIGINT, d BIGINT) RETURNS BIGINT
        RETURN era * 146097 + os_day_of_era(y - era * 400, m, d) - 719468;

        CREATE OR REPLACE TEMPORARY FUNCTION os_days_from(y BIGINT, m BIGINT, d BIGINT) RETURNS BIGINT
        RETURN os_days_in_era(y, (CASE WHEN y >= 0 THEN y ELSE y - 399 END) div 400, m, d);

        CREATE OR REPLACE TEMPORARY FUNCTION os_days(y BIGINT, m BIGINT, d BIGINT) RETURNS BIGINT
        RETURN os_days_from(CASE WHEN m <= 2 THEN y - 1 ELSE y END, m, d);

        -- Whole seconds plus a fraction's digits added one at a time, each a tenth of the one before,
        -- in floating point as offsync adds them. Not a fold over the digits: a SQL function whose
        -- body holds a lambda cannot be the argument of another SQL function, and os_instant's result
        -- is. So the fold is unrolled: the k-th digit times the k-th scale (0.1, then each a tenth of
        -- the one before, as DuckDB computes them; the 324th is 0, so 323 digits are all that can
        -- count), on the digits padded with zeros (adding 0 leaves the sum as it is).
        CREATE OR REPLACE TEMPORARY FUNCTION os_fraction_9(whole DOUBLE, p STRING) RETURNS DOUBLE
        RETURN @@FRACTION_9@@;

        CREATE OR REPLACE TEMPORARY FUNCTION os_fraction_323(whole DOUBLE, p STRING) RETURNS DOUBLE
        RETURN @@FRACTION_323@@;

        CREATE OR REPLACE TEMPORARY FUNCTION os_seconds_fraction(whole DOUBLE, digits STRING) RETURNS DOUBLE
        RETURN CASE WHEN digits IS NULL OR digits = '' THEN whole
            WHEN length(digits) <= 9 THEN os_fraction_9(whole, rpad(digits, 9, '0'))
            ELSE os_fraction_323(whole, rpad(digits, 323, '0')) END;

        -- A change stamp as seconds since 1970; null when the text is no stamp.
        CREATE OR REPLACE TEMPORARY FUNCTION os_instant_parts(y STRING, mo STRING, d STRING, h STRING, mi STRING,
            sec STRING, frac STRING, sign STRING, oh STRING, om STRING) RETURNS DOUBLE
        RETURN CASE
            WHEN CAST(mo AS INT) NOT BETWEEN 1 AND 12 OR CAST(d AS INT) NOT BETWEEN 1 AND 31 THEN NULL
            ELSE os_seconds_fraction(CAST(os_days(try_cast(y AS BIGINT), try_cast(mo AS BIGINT), try_cast(d AS BIGINT)) * 86400
                    + coalesce(try_cast(nullif(h, '') AS BIGINT) * 3600, 0) + coalesce(try_cast(nullif(mi, '') AS BIGINT) * 60, 0)
                    + coalesce(try_cast(nullif(sec, '') AS BIGINT), 0) AS DOUBLE), coalesce(frac, ''))
                - CASE sign WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END
                    * (coalesce(try_cast(nullif(oh, '') AS BIGINT), 0) * 3600 + coalesce(try_cast(nullif(om, '') AS BIGINT), 0) * 60)
            END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_instant_groups(m STRING) RETURNS DOUBLE
        RETURN CASE WHEN m IS NOT NULL THEN os_instant_parts(
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 1),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 2),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 3),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 4),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 5),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 6),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 7),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 8),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 9),
                regexp_extract(m, r'^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?\z', 10))
            END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_instant_iso(x STRING) RETURNS DOUBLE
        RETURN os_instant_groups(CASE WHEN x RLIKE r'^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]*)?)?([Zz]|[+-][0-9]{2}:?([0-9]{2})?)?)?\z' THEN x END);

        CREATE OR REPLACE TEMPORARY FUNCTION os_instant_nospace(x STRING) RETURNS DOUBLE
        RETURN CASE
            WHEN x IS NULL THEN NULL
            WHEN startswith(x, '/Date(') THEN try_cast(regexp_extract(x, r'^/Date\(([-0-9]*)', 1) AS DOUBLE) / 1000
            ELSE os_instant_iso(x) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_instant(t STRING) RETURNS DOUBLE
        RETURN os_instant_nospace(replace(t, ' ', ''));

        -- The digest state keeps of a baseline value: offsync's 64-bit byte hash of its UTF-8, as the
        -- unsigned decimal DuckDB's UBIGINT prints. `h` is the upper-case hex of the bytes.
        CREATE OR REPLACE TEMPORARY FUNCTION os_hash_hex(h STRING) RETURNS DECIMAL(20, 0)
        RETURN @@HASH_HEX@@;

        CREATE OR REPLACE TEMPORARY FUNCTION os_hash(v STRING) RETURNS DECIMAL(20, 0)
        RETURN os_hash_hex(hex(encode(v, 'UTF-8')));

        -- A JSON string as DuckDB's to_json writes one (Jackson escapes the same characters the same way).
        CREATE OR REPLACE TEMPORARY FUNCTION os_json_member(j STRING) RETURNS STRING
        RETURN CASE WHEN j <> '{}' THEN substr(j, 6, length(j) - 6) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_json_text(v STRING) RETURNS STRING
        RETURN os_json_member(to_json(named_struct('v', v)));


        -- A DOUBLE as DuckDB's ::VARCHAR prints it (Python's repr: shortest digits that read back,
        -- exponent form below 1e-4 and from 1e16), from the shortest `%.Ne` text that reads back
        -- (a CASE, not filter(): os_double_text's argument may not hold a lambda, nor may its body
        -- be passed on to os_repr_sci if it held one).
        CREATE OR REPLACE TEMPORARY FUNCTION os_repr_parts(neg BOOLEAN, d STRING, e INT) RETURNS STRING
        RETURN (CASE WHEN neg THEN '-' ELSE '' END) || CASE
            WHEN e < -4 OR e >= 16 THEN left(d, 1) || (CASE WHEN length(d) > 1 THEN '.' || substr(d, 2) ELSE '' END)
                || 'e' || (CASE WHEN e < 0 THEN '-' ELSE '+' END) || (CASE WHEN abs(e) < 10 THEN '0' ELSE '' END) || CAST(abs(e) AS STRING)
            WHEN e >= length(d) - 1 THEN d || repeat('0', e - length(d) + 1) || '.0'
            WHEN e >= 0 THEN left(d, e + 1) || '.' || substr(d, e + 2)
            ELSE '0.' || repeat('0', -e - 1) || d END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_repr_sci(s STRING) RETURNS STRING
        RETURN os_repr_parts(startswith(s, '-'),
            coalesce(nullif(TRIM(TRAILING '0' FROM replace(regexp_extract(s, r'^-?([0-9.]+)e', 1), '.', '')), ''), '0'),
            try_cast(regexp_extract(s, r'e([+-][0-9]+)\z', 1) AS INT));

        CREATE OR REPLACE TEMPORARY FUNCTION os_double_text(x DOUBLE) RETURNS STRING
        RETURN CASE
            WHEN x IS NULL THEN NULL
            WHEN isnan(x) THEN 'nan'
            WHEN x = CAST('Infinity' AS DOUBLE) THEN 'inf'
            WHEN x = CAST('-Infinity' AS DOUBLE) THEN '-inf'
            ELSE os_repr_sci(@@SHORTEST@@) END;

        -- A day number (days since 1970-01-01) as its date's text: a day of the years 0000-9999,
        -- else null (no date). Civil-from-days, one let-binding per function.
        CREATE OR REPLACE TEMPORARY FUNCTION os_civil_text(y BIGINT, m BIGINT, d BIGINT) RETURNS STRING
        RETURN lpad(CAST(y AS STRING), 4, '0') || '-' || lpad(CAST(m AS STRING), 2, '0') || '-' || lpad(CAST(d AS STRING), 2, '0');

        CREATE OR REPLACE TEMPORARY FUNCTION os_civil_doy(era BIGINT, yoe BIGINT, doy BIGINT) RETURNS STRING
        RETURN os_civil_text(yoe + era * 400 + CASE WHEN (5 * doy + 2) div 153 >= 10 THEN 1 ELSE 0 END,
            CASE WHEN (5 * doy + 2) div 153 < 10 THEN (5 * doy + 2) div 153 + 3 ELSE (5 * doy + 2) div 153 - 9 END,
            doy - (153 * ((5 * doy + 2) div 153) + 2) div 5 + 1);

        CREATE OR REPLACE TEMPORARY FUNCTION os_civil_yoe(era BIGINT, doe BIGINT, yoe BIGINT) RETURNS STRING
        RETURN os_civil_doy(era, yoe, doe - (365 * yoe + yoe div 4 - yoe div 100));

        CREATE OR REPLACE TEMPORARY FUNCTION os_civil_doe(era BIGINT, doe BIGINT) RETURNS STRING
        RETURN os_civil_yoe(era, doe, (doe - doe div 1460 + doe div 36524 - doe div 146096) div 365);

        CREATE OR REPLACE TEMPORARY FUNCTION os_civil_z(z BIGINT) RETURNS STRING
        RETURN os_civil_doe((CASE WHEN z >= 0 THEN z ELSE z - 146096 END) div 146097,
            z - ((CASE WHEN z >= 0 THEN z ELSE z - 146096 END) div 146097) * 146097);

        -- The argument is made null outside the range, not only the result: a SQL function's
        -- argument is evaluated even where the CASE around the call is not taken (and Spark's
        -- floor of a DOUBLE is a BIGINT, which overflows).
        CREATE OR REPLACE TEMPORARY FUNCTION os_day_text(instant DOUBLE) RETURNS STRING
        RETURN os_civil_z(CASE WHEN instant / 86400 >= -719528 AND instant / 86400 < 2932897 THEN floor(instant / 86400) + 719468 END);

        -- Typed values: `canonical` compares ('' when empty, null when the text is not of the type);
        -- `written` is the JSON an import file gets (null when empty).
        CREATE OR REPLACE TEMPORARY FUNCTION os_canonical_text(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN '' ELSE os_trim(v) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_written_text(v STRING, array_json STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN NULL WHEN array_json IS NOT NULL THEN array_json ELSE os_json_text(v) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_canonical_decimal(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN '' ELSE os_decimal(os_trim(v)) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_integer_of(c STRING) RETURNS STRING
        RETURN CASE WHEN contains(c, '.') THEN NULL ELSE c END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_canonical_integer(v STRING) RETURNS STRING
        RETURN os_integer_of(os_canonical_decimal(v));

        CREATE OR REPLACE TEMPORARY FUNCTION os_written_number(v STRING) RETURNS STRING
        RETURN nullif(os_canonical_decimal(v), '');

        CREATE OR REPLACE TEMPORARY FUNCTION os_canonical_boolean(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN ''
            WHEN os_lower(os_trim(v)) IN ('true', '1', 'yes', 'ja', 'y') THEN 'true'
            WHEN os_lower(os_trim(v)) IN ('false', '0', 'no', 'nei', 'n') THEN 'false' END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_written_boolean(v STRING) RETURNS STRING
        RETURN nullif(os_canonical_boolean(v), '');

        -- `t`: the trimmed text without its spaces, as os_instant reads it.
        CREATE OR REPLACE TEMPORARY FUNCTION os_date_of(t STRING, instant DOUBLE) RETURNS STRING
        RETURN CASE
            WHEN instant IS NULL THEN NULL
            WHEN startswith(t, '/Date(') THEN os_day_text(instant)
            ELSE left(t, 10) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_date_of_text(t STRING) RETURNS STRING
        RETURN os_date_of(replace(t, ' ', ''), os_instant(t));

        CREATE OR REPLACE TEMPORARY FUNCTION os_canonical_date(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN '' ELSE os_date_of_text(os_trim(v)) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_written_date(v STRING) RETURNS STRING
        RETURN os_json_text(nullif(os_canonical_date(v), ''));

        CREATE OR REPLACE TEMPORARY FUNCTION os_canonical_date_time(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN '' ELSE os_double_text(os_instant(os_trim(v))) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_written_date_time_of(t STRING) RETURNS STRING
        RETURN CASE WHEN os_instant(t) IS NULL THEN NULL ELSE os_json_text(t) END;

        CREATE OR REPLACE TEMPORARY FUNCTION os_written_date_time(v STRING) RETURNS STRING
        RETURN CASE WHEN os_blank(v) THEN NULL ELSE os_written_date_time_of(os_trim(v)) END;
        """#
}
