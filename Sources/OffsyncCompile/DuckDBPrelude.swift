/// The macros every compiled DuckDB job starts with: how offsync reads a value, normalizes a
/// merge value, types a mapped value and reads a change stamp, written once in SQL so the
/// job's statements stay short. Each mirrors the rule named in its comment.
///
/// A macro's argument is pasted wherever the macro names it, so an argument used more than
/// once is bound once instead: `list_transform([value], lambda x: ...)[1]` evaluates `value`
/// a single time (without it, a date's parse was pasted into itself dozens of times and one
/// statement took a minute to plan). An inner lambda reads only its own parameter: values
/// it needs from outside travel in a struct.
enum DuckDBPrelude {
    static let sql = #"""
        -- A field's text as offsync reads it: null and objects have none; strings, numbers,
        -- booleans and arrays do.
        CREATE MACRO os_raw(n) AS list_transform([n], lambda x: CASE WHEN x IS NULL OR json_type(x) IN ('NULL', 'OBJECT') THEN NULL ELSE x ->> '$' END)[1];
        -- A field as JSON for `$based_on`: null when absent.
        CREATE MACRO os_json(n) AS list_transform([n], lambda x: CASE WHEN x IS NULL OR json_type(x) = 'OBJECT' THEN 'null' ELSE x::VARCHAR END)[1];
        -- An array field's JSON (written as it is by a text property); null otherwise.
        CREATE MACRO os_array(n) AS list_transform([n], lambda x: CASE WHEN json_type(x) = 'ARRAY' THEN x::VARCHAR END)[1];
        -- Empty: null, or only spaces, tabs and line breaks. Never links, never beats a value.
        -- Most values start and end with a visible ASCII character: no expression needed for them.
        CREATE MACRO os_visible(c) AS ascii(c) BETWEEN 33 AND 126;
        CREATE MACRO os_blank(v) AS list_transform([v], lambda x: CASE
            WHEN x IS NULL THEN true WHEN os_visible(left(x, 1)) THEN false ELSE regexp_full_match(x, '[ \t\n\r]*') END)[1];
        -- Trimmed of white space at both ends (Unicode white space).
        CREATE MACRO os_trim(v) AS list_transform([v], lambda x: CASE
            WHEN os_visible(left(x, 1)) AND os_visible(right(x, 1)) THEN x
            ELSE regexp_replace(x, '^[\t\n\x{0B}\f\r\x{85}\p{Z}]+|[\t\n\x{0B}\f\r\x{85}\p{Z}]+$', '', 'g') END)[1];

        -- Merge values by `compare:`; null where the value is empty (empty never links).
        CREATE MACRO os_norm_exact(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN NULL ELSE nfc_normalize(x) END)[1];
        CREATE MACRO os_norm_case_insensitive(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN NULL
            ELSE nullif(replace(replace(lower(nfc_normalize(os_trim(x))), 'ß', 'ss'), 'ſ', 's'), '') END)[1];
        CREATE MACRO os_norm_email(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN NULL ELSE nullif(lower(nfc_normalize(os_trim(x))), '') END)[1];
        CREATE MACRO os_norm_digits_only(v) AS nullif(regexp_replace(coalesce(v, ''), '[^0-9]', '', 'g'), '');

        -- A decimal number's plain text, read without floating point (`+1.50`, `1.5` and `15e-1`
        -- are all `1.5`); null when the text is not a number. `d` holds the significant
        -- digits, `e` the power of ten they are multiplied by.
        CREATE MACRO os_decimal_plain(neg, d, e) AS CASE
            WHEN d = '' THEN '0'
            WHEN e >= 0 THEN neg || d || repeat('0', e::BIGINT)
            WHEN -e < length(d) THEN neg || left(d, (length(d) + e)::BIGINT) || '.' || right(d, (-e)::BIGINT)
            ELSE neg || '0.' || repeat('0', (-e - length(d))::BIGINT) || d END;
        CREATE MACRO os_decimal_digits(neg, digits, e) AS list_transform([ltrim(digits, '0')], lambda x: os_decimal_plain(
            CASE WHEN x = '' THEN '' ELSE neg END, rtrim(x, '0'), e + length(x) - length(rtrim(x, '0'))))[1];
        CREATE MACRO os_decimal(t) AS list_transform([t], lambda x: CASE
            WHEN regexp_full_match(x, '[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?') THEN
                list_transform([struct_pack(
                        sign := CASE WHEN starts_with(x, '-') THEN '-' ELSE '' END,
                        mantissa := regexp_replace(x, '[eE].*$', ''),
                        power := coalesce(TRY_CAST(regexp_extract(x, '[eE]([+-]?[0-9]+)$', 1) AS BIGINT), 0))],
                    lambda n: CASE WHEN abs(n.power) <= 400 THEN os_decimal_digits(
                        n.sign,
                        regexp_replace(n.mantissa, '[^0-9]', '', 'g'),
                        n.power - length(regexp_extract(n.mantissa, '\.([0-9]*)', 1))) END)[1]
            END)[1];

        -- Days since 1970-01-01 in the proleptic Gregorian calendar (a day past a month's end
        -- runs on into the next month, as offsync reads it).
        CREATE MACRO os_day_of_era(yoe, m, d) AS
            yoe * 365 + yoe // 4 - yoe // 100 + (153 * (m + CASE WHEN m > 2 THEN -3 ELSE 9 END) + 2) // 5 + d - 1;
        CREATE MACRO os_days_in_era(y, era, m, d) AS era * 146097 + os_day_of_era(y - era * 400, m, d) - 719468;
        CREATE MACRO os_days_from(y, m, d) AS os_days_in_era(y, (CASE WHEN y >= 0 THEN y ELSE y - 399 END) // 400, m, d);
        CREATE MACRO os_days(y, m, d) AS os_days_from(CASE WHEN m <= 2 THEN y - 1 ELSE y END, m, d);
        -- A change stamp as seconds since 1970 (ISO 8601 with `Z`, `±HH:MM`, `±HHMM` or no
        -- offset = UTC; OData `/Date(ms)/`); null when the text is no stamp.
        CREATE MACRO os_instant_parts(p) AS list_transform([p], lambda q: CASE
            WHEN q IS NULL OR q['mo']::INT NOT BETWEEN 1 AND 12 OR q['d']::INT NOT BETWEEN 1 AND 31 THEN NULL
            ELSE os_days(q['y']::BIGINT, q['mo']::BIGINT, q['d']::BIGINT) * 86400
                + coalesce(TRY_CAST(nullif(q['h'], '') AS BIGINT) * 3600, 0) + coalesce(TRY_CAST(nullif(q['mi'], '') AS BIGINT) * 60, 0)
                + coalesce(TRY_CAST(nullif(q['sec'], '') AS BIGINT), 0) + coalesce(TRY_CAST('0.' || nullif(q['frac'], '') AS DOUBLE), 0)
                - CASE q['sign'] WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END
                    * (coalesce(TRY_CAST(nullif(q['oh'], '') AS BIGINT), 0) * 3600 + coalesce(TRY_CAST(nullif(q['om'], '') AS BIGINT), 0) * 60)
            END)[1];
        CREATE MACRO os_instant_iso(s) AS os_instant_parts(list_transform([s], lambda x: CASE
            WHEN regexp_full_match(x, '[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]*)?)?([Zz]|[+-][0-9]{2}:?([0-9]{2})?)?)?')
            THEN regexp_extract(x,
                '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?$',
                ['y', 'mo', 'd', 'h', 'mi', 'sec', 'frac', 'sign', 'oh', 'om'])
            END)[1]);
        CREATE MACRO os_instant(t) AS list_transform([replace(t, ' ', '')], lambda x: CASE
            WHEN x IS NULL THEN NULL
            WHEN starts_with(x, '/Date(') THEN TRY_CAST(regexp_extract(x, '^/Date\(([-0-9]*)', 1) AS DOUBLE) / 1000
            ELSE os_instant_iso(x) END)[1];

        -- Typed values: `canonical` compares ('' when empty, null when the text is not of the
        -- type: a type error); `written` is the JSON an import file gets (null when empty).
        CREATE MACRO os_canonical_text(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN '' ELSE os_trim(x) END)[1];
        CREATE MACRO os_written_text(v, array_json) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN NULL
            WHEN array_json IS NOT NULL THEN array_json ELSE to_json(x)::VARCHAR END)[1];
        CREATE MACRO os_canonical_decimal(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN '' ELSE os_decimal(os_trim(x)) END)[1];
        CREATE MACRO os_canonical_integer(v) AS list_transform([os_canonical_decimal(v)], lambda x: CASE WHEN contains(x, '.') THEN NULL ELSE x END)[1];
        CREATE MACRO os_written_number(v) AS nullif(os_canonical_decimal(v), '');
        CREATE MACRO os_canonical_boolean(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN ''
            WHEN lower(os_trim(x)) IN ('true', '1', 'yes', 'ja', 'y') THEN 'true'
            WHEN lower(os_trim(x)) IN ('false', '0', 'no', 'nei', 'n') THEN 'false' END)[1];
        CREATE MACRO os_written_boolean(v) AS nullif(os_canonical_boolean(v), '');
        CREATE MACRO os_canonical_date(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN ''
            ELSE list_transform([struct_pack(text := os_trim(x), instant := os_instant(os_trim(x)))], lambda d: CASE
                WHEN d.instant IS NULL THEN NULL
                WHEN starts_with(replace(d.text, ' ', ''), '/Date(') THEN strftime(to_timestamp(floor(d.instant / 86400) * 86400), '%Y-%m-%d')
                ELSE left(d.text, 10) END)[1]
            END)[1];
        CREATE MACRO os_written_date(v) AS to_json(nullif(os_canonical_date(v), ''))::VARCHAR;
        CREATE MACRO os_canonical_date_time(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) THEN '' ELSE os_instant(os_trim(x))::VARCHAR END)[1];
        CREATE MACRO os_written_date_time(v) AS list_transform([v], lambda x: CASE WHEN os_blank(x) OR os_instant(os_trim(x)) IS NULL THEN NULL ELSE to_json(os_trim(x))::VARCHAR END)[1];
        """#
}
