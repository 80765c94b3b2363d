/// The macros every compiled DuckDB job starts with: how offsync reads a value, normalizes a
/// merge value, types a mapped value and reads a change stamp, written once in SQL so the
/// job's statements stay short. Each mirrors the rule named in its comment.
enum DuckDBPrelude {
    static let sql = #"""
        -- A field's text as offsync reads it: null and objects have none; strings, numbers,
        -- booleans and arrays do.
        CREATE MACRO os_raw(n) AS CASE WHEN n IS NULL OR json_type(n) IN ('NULL', 'OBJECT') THEN NULL ELSE n ->> '$' END;
        -- A field as JSON for `$based_on`: null when absent.
        CREATE MACRO os_json(n) AS CASE WHEN n IS NULL OR json_type(n) = 'OBJECT' THEN 'null' ELSE n::VARCHAR END;
        -- Empty: null, or only spaces, tabs and line breaks. Never links, never beats a value.
        CREATE MACRO os_blank(v) AS v IS NULL OR regexp_full_match(v, '[ \t\n\r]*');
        -- Trimmed of white space at both ends (Unicode white space).
        CREATE MACRO os_trim(v) AS regexp_replace(v, '^[\t\n\x{0B}\f\r\x{85}\p{Z}]+|[\t\n\x{0B}\f\r\x{85}\p{Z}]+$', '', 'g');

        -- Merge values by `compare:`; null where the value is empty (empty never links).
        CREATE MACRO os_norm_exact(v) AS CASE WHEN os_blank(v) THEN NULL ELSE nfc_normalize(v) END;
        CREATE MACRO os_norm_case_insensitive(v) AS CASE WHEN os_blank(v) THEN NULL
            ELSE nullif(replace(replace(lower(nfc_normalize(os_trim(v))), 'ß', 'ss'), 'ſ', 's'), '') END;
        CREATE MACRO os_norm_email(v) AS CASE WHEN os_blank(v) THEN NULL ELSE nullif(lower(nfc_normalize(os_trim(v))), '') END;
        CREATE MACRO os_norm_digits_only(v) AS nullif(regexp_replace(coalesce(v, ''), '[^0-9]', '', 'g'), '');

        -- A decimal number's plain text, read without floating point (`+1.50`, `1.5` and `15e-1`
        -- are all `1.5`); null when the text is not a number.
        CREATE MACRO os_decimal_plain(neg, d, e) AS CASE
            WHEN d = '' THEN '0'
            WHEN e >= 0 THEN neg || d || repeat('0', e::BIGINT)
            WHEN -e < length(d) THEN neg || left(d, (length(d) + e)::BIGINT) || '.' || right(d, (-e)::BIGINT)
            ELSE neg || '0.' || repeat('0', (-e - length(d))::BIGINT) || d END;
        CREATE MACRO os_decimal_digits(neg, digits, e) AS os_decimal_plain(
            CASE WHEN ltrim(digits, '0') = '' THEN '' ELSE neg END,
            rtrim(ltrim(digits, '0'), '0'),
            e + length(ltrim(digits, '0')) - length(rtrim(ltrim(digits, '0'), '0')));
        CREATE MACRO os_decimal(t) AS CASE
            WHEN regexp_full_match(t, '[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?')
                AND abs(coalesce(TRY_CAST(regexp_extract(t, '[eE]([+-]?[0-9]+)$', 1) AS BIGINT), 0)) <= 400
            THEN os_decimal_digits(
                CASE WHEN starts_with(t, '-') THEN '-' ELSE '' END,
                regexp_replace(regexp_replace(t, '[eE].*$', ''), '[^0-9]', '', 'g'),
                coalesce(TRY_CAST(regexp_extract(t, '[eE]([+-]?[0-9]+)$', 1) AS BIGINT), 0)
                    - length(regexp_extract(regexp_replace(t, '[eE].*$', ''), '\.([0-9]*)', 1)))
            END;

        -- Days since 1970-01-01 in the proleptic Gregorian calendar (a day past a month's end
        -- runs on into the next month, as offsync reads it).
        CREATE MACRO os_day_of_era(yoe, m, d) AS
            yoe * 365 + yoe // 4 - yoe // 100 + (153 * (m + CASE WHEN m > 2 THEN -3 ELSE 9 END) + 2) // 5 + d - 1;
        CREATE MACRO os_days_in_era(y, era, m, d) AS era * 146097 + os_day_of_era(y - era * 400, m, d) - 719468;
        CREATE MACRO os_days_from(y, m, d) AS os_days_in_era(y, (CASE WHEN y >= 0 THEN y ELSE y - 399 END) // 400, m, d);
        CREATE MACRO os_days(y, m, d) AS os_days_from(CASE WHEN m <= 2 THEN y - 1 ELSE y END, m, d);
        -- A change stamp as seconds since 1970 (ISO 8601 with `Z`, `±HH:MM`, `±HHMM` or no
        -- offset = UTC; OData `/Date(ms)/`); null when the text is no stamp.
        CREATE MACRO os_instant_parts(s, p) AS CASE
            WHEN p IS NULL OR p['mo']::INT NOT BETWEEN 1 AND 12 OR p['d']::INT NOT BETWEEN 1 AND 31 THEN NULL
            ELSE os_days(p['y']::BIGINT, p['mo']::BIGINT, p['d']::BIGINT) * 86400
                + coalesce(TRY_CAST(nullif(p['h'], '') AS BIGINT) * 3600, 0) + coalesce(TRY_CAST(nullif(p['mi'], '') AS BIGINT) * 60, 0)
                + coalesce(TRY_CAST(nullif(p['sec'], '') AS BIGINT), 0) + coalesce(TRY_CAST('0.' || nullif(p['frac'], '') AS DOUBLE), 0)
                - CASE p['sign'] WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END
                    * (coalesce(TRY_CAST(nullif(p['oh'], '') AS BIGINT), 0) * 3600 + coalesce(TRY_CAST(nullif(p['om'], '') AS BIGINT), 0) * 60)
            END;
        CREATE MACRO os_instant_iso(s) AS os_instant_parts(s, CASE
            WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]*)?)?([Zz]|[+-][0-9]{2}:?([0-9]{2})?)?)?')
            THEN regexp_extract(s,
                '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?$',
                ['y', 'mo', 'd', 'h', 'mi', 'sec', 'frac', 'sign', 'oh', 'om'])
            END);
        CREATE MACRO os_instant(t) AS CASE
            WHEN t IS NULL THEN NULL
            WHEN starts_with(replace(t, ' ', ''), '/Date(')
                THEN TRY_CAST(regexp_extract(replace(t, ' ', ''), '^/Date\(([-0-9]*)', 1) AS DOUBLE) / 1000
            ELSE os_instant_iso(replace(t, ' ', '')) END;

        -- Typed values: `canonical` compares ('' when empty, null when the text is not of the
        -- type: a type error); `written` is the JSON an import file gets (null when empty).
        CREATE MACRO os_canonical_text(v) AS CASE WHEN os_blank(v) THEN '' ELSE os_trim(v) END;
        CREATE MACRO os_written_text(v, array_json) AS CASE WHEN os_blank(v) THEN NULL
            WHEN array_json IS NOT NULL THEN array_json ELSE to_json(v)::VARCHAR END;
        CREATE MACRO os_canonical_decimal(v) AS CASE WHEN os_blank(v) THEN '' ELSE os_decimal(os_trim(v)) END;
        CREATE MACRO os_canonical_integer(v) AS CASE WHEN os_blank(v) THEN ''
            WHEN contains(os_decimal(os_trim(v)), '.') THEN NULL ELSE os_decimal(os_trim(v)) END;
        CREATE MACRO os_written_number(v) AS nullif(os_canonical_decimal(v), '');
        CREATE MACRO os_canonical_boolean(v) AS CASE WHEN os_blank(v) THEN ''
            WHEN lower(os_trim(v)) IN ('true', '1', 'yes', 'ja', 'y') THEN 'true'
            WHEN lower(os_trim(v)) IN ('false', '0', 'no', 'nei', 'n') THEN 'false' END;
        CREATE MACRO os_written_boolean(v) AS nullif(os_canonical_boolean(v), '');
        CREATE MACRO os_canonical_date(v) AS CASE WHEN os_blank(v) THEN ''
            WHEN os_instant(os_trim(v)) IS NULL THEN NULL
            WHEN starts_with(replace(os_trim(v), ' ', ''), '/Date(') THEN strftime(to_timestamp(floor(os_instant(os_trim(v)) / 86400) * 86400), '%Y-%m-%d')
            ELSE left(os_trim(v), 10) END;
        CREATE MACRO os_written_date(v) AS to_json(nullif(os_canonical_date(v), ''))::VARCHAR;
        CREATE MACRO os_canonical_date_time(v) AS CASE WHEN os_blank(v) THEN '' ELSE os_instant(os_trim(v))::VARCHAR END;
        CREATE MACRO os_written_date_time(v) AS CASE WHEN os_blank(v) OR os_instant(os_trim(v)) IS NULL THEN NULL ELSE to_json(os_trim(v))::VARCHAR END;
        """#
}
