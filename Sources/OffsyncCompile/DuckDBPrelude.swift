/// The macros every compiled DuckDB job starts with: how offsync reads a value, normalizes a
/// merge value, types a mapped value and reads a change stamp, written once in SQL so the
/// job's statements stay short. Each mirrors the rule named in its comment.
///
/// A macro's argument is pasted wherever the macro names it, so an argument used more than
/// once is bound once instead: `list_transform([value], lambda x: ...)[1]` evaluates `value`
/// a single time (without it, a date's parse was pasted into itself dozens of times and one
/// statement took a minute to plan). Each lambda's parameter is named after its macro: an
/// argument pasted into another macro's lambda would otherwise be read as that lambda's
/// parameter of the same name.
enum DuckDBPrelude {
    static let sql = #"""
        -- A field's text as offsync reads it: null and objects have none; strings, numbers,
        -- booleans and arrays do.
        CREATE MACRO os_raw(n) AS list_transform([n], lambda raw_x: CASE WHEN raw_x IS NULL OR json_type(raw_x) IN ('NULL', 'OBJECT') THEN NULL ELSE raw_x ->> '$' END)[1];
        -- A field as JSON for `$based_on`: null when absent.
        CREATE MACRO os_json(n) AS list_transform([n], lambda json_x: CASE WHEN json_x IS NULL OR json_type(json_x) = 'OBJECT' THEN 'null' ELSE json_x::VARCHAR END)[1];
        -- An array field's JSON (written as it is by a text property); null otherwise.
        CREATE MACRO os_array(n) AS list_transform([n], lambda array_x: CASE WHEN json_type(array_x) = 'ARRAY' THEN array_x::VARCHAR END)[1];
        -- An object with keys: a target path holding one is not a value to compare or write.
        CREATE MACRO os_filled_object(n) AS json_type(n) = 'OBJECT' AND n::VARCHAR <> '{}';
        -- Empty: null, or only spaces, tabs and line breaks. Never links, never beats a value.
        -- Most values start and end with a visible ASCII character: no expression needed for them.
        CREATE MACRO os_visible(c) AS ascii(c) BETWEEN 33 AND 126;
        CREATE MACRO os_blank(v) AS list_transform([v], lambda blank_x: CASE
            WHEN blank_x IS NULL THEN true WHEN os_visible(left(blank_x, 1)) THEN false ELSE regexp_full_match(blank_x, '[ \t\n\r]*') END)[1];
        -- Trimmed of white space at both ends (Unicode white space).
        CREATE MACRO os_trim(v) AS list_transform([v], lambda trim_x: CASE
            WHEN os_visible(left(trim_x, 1)) AND os_visible(right(trim_x, 1)) THEN trim_x
            ELSE regexp_replace(trim_x, '^[\t\n\x{0B}\f\r\x{85}\p{Z}]+|[\t\n\x{0B}\f\r\x{85}\p{Z}]+$', '', 'g') END)[1];

        -- Merge values by `compare:`; null where the value is empty (empty never links).
        CREATE MACRO os_norm_exact(v) AS list_transform([v], lambda norm_exact_x: CASE WHEN os_blank(norm_exact_x) THEN NULL ELSE nfc_normalize(norm_exact_x) END)[1];
        CREATE MACRO os_norm_case_insensitive(v) AS list_transform([v], lambda norm_case_insensitive_x: CASE WHEN os_blank(norm_case_insensitive_x) THEN NULL
            ELSE nullif(replace(replace(lower(nfc_normalize(os_trim(norm_case_insensitive_x))), 'ß', 'ss'), 'ſ', 's'), '') END)[1];
        CREATE MACRO os_norm_email(v) AS list_transform([v], lambda norm_email_x: CASE WHEN os_blank(norm_email_x) THEN NULL ELSE nullif(lower(nfc_normalize(os_trim(norm_email_x))), '') END)[1];
        CREATE MACRO os_norm_digits_only(v) AS nullif(regexp_replace(coalesce(v, ''), '[^0-9]', '', 'g'), '');

        -- A decimal number's plain text, read without floating point (`+1.50`, `1.5` and `15e-1`
        -- are all `1.5`); null when the text is not a number. `d` holds the significant
        -- digits, `e` the power of ten they are multiplied by.
        CREATE MACRO os_decimal_plain(neg, d, e) AS CASE
            WHEN d = '' THEN '0'
            WHEN e >= 0 THEN neg || d || repeat('0', e::BIGINT)
            WHEN -e < length(d) THEN neg || left(d, (length(d) + e)::BIGINT) || '.' || right(d, (-e)::BIGINT)
            ELSE neg || '0.' || repeat('0', (-e - length(d))::BIGINT) || d END;
        CREATE MACRO os_decimal_digits(neg, digits, e) AS list_transform([ltrim(digits, '0')], lambda decimal_digits_x: os_decimal_plain(
            CASE WHEN decimal_digits_x = '' THEN '' ELSE neg END, rtrim(decimal_digits_x, '0'), e + length(decimal_digits_x) - length(rtrim(decimal_digits_x, '0'))))[1];
        CREATE MACRO os_decimal(t) AS list_transform([t], lambda decimal_x: CASE
            WHEN regexp_full_match(decimal_x, '[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?') THEN
                list_transform([struct_pack(
                        sign := CASE WHEN starts_with(decimal_x, '-') THEN '-' ELSE '' END,
                        mantissa := regexp_replace(decimal_x, '[eE].*$', ''),
                        power := coalesce(TRY_CAST(regexp_extract(decimal_x, '[eE]([+-]?[0-9]+)$', 1) AS BIGINT), 0))],
                    lambda decimal_n: CASE WHEN decimal_n.power BETWEEN -400 AND 400 THEN os_decimal_digits(
                        decimal_n.sign,
                        regexp_replace(decimal_n.mantissa, '[^0-9]', '', 'g'),
                        decimal_n.power - length(regexp_extract(decimal_n.mantissa, '\.([0-9]*)', 1))) END)[1]
            END)[1];

        -- Days since 1970-01-01 in the proleptic Gregorian calendar (a day past a month's end
        -- runs on into the next month, as offsync reads it).
        CREATE MACRO os_day_of_era(yoe, m, d) AS
            yoe * 365 + yoe // 4 - yoe // 100 + (153 * (m + CASE WHEN m > 2 THEN -3 ELSE 9 END) + 2) // 5 + d - 1;
        CREATE MACRO os_days_in_era(y, era, m, d) AS era * 146097 + os_day_of_era(y - era * 400, m, d) - 719468;
        CREATE MACRO os_days_from(y, m, d) AS os_days_in_era(y, (CASE WHEN y >= 0 THEN y ELSE y - 399 END) // 400, m, d);
        CREATE MACRO os_days(y, m, d) AS os_days_from(CASE WHEN m <= 2 THEN y - 1 ELSE y END, m, d);
        -- Whole seconds plus a fraction's digits added one at a time, each a tenth of the one
        -- before, in floating point as offsync adds them (a date-time's canonical text and its
        -- baseline digest depend on the last bit).
        CREATE MACRO os_seconds_fraction(whole, digits) AS CASE WHEN digits = '' THEN whole ELSE list_reduce(
            list_prepend(struct_pack(sum := whole, scale := 0.1::DOUBLE),
                list_transform(string_split(digits, ''), lambda fraction_digit: struct_pack(sum := fraction_digit::DOUBLE, scale := 0::DOUBLE))),
            lambda fraction_state, fraction_step: struct_pack(
                sum := fraction_state.sum + fraction_step.sum * fraction_state.scale, scale := fraction_state.scale / 10)).sum END;
        -- A change stamp as seconds since 1970 (ISO 8601 with `Z`, `±HH:MM`, `±HHMM` or no
        -- offset = UTC; OData `/Date(ms)/`); null when the text is no stamp.
        CREATE MACRO os_instant_parts(p) AS list_transform([p], lambda instant_parts_q: CASE
            WHEN instant_parts_q IS NULL OR instant_parts_q['mo']::INT NOT BETWEEN 1 AND 12 OR instant_parts_q['d']::INT NOT BETWEEN 1 AND 31 THEN NULL
            ELSE os_seconds_fraction((os_days(instant_parts_q['y']::BIGINT, instant_parts_q['mo']::BIGINT, instant_parts_q['d']::BIGINT) * 86400
                + coalesce(TRY_CAST(nullif(instant_parts_q['h'], '') AS BIGINT) * 3600, 0) + coalesce(TRY_CAST(nullif(instant_parts_q['mi'], '') AS BIGINT) * 60, 0)
                + coalesce(TRY_CAST(nullif(instant_parts_q['sec'], '') AS BIGINT), 0))::DOUBLE, coalesce(instant_parts_q['frac'], ''))
                - CASE instant_parts_q['sign'] WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END
                    * (coalesce(TRY_CAST(nullif(instant_parts_q['oh'], '') AS BIGINT), 0) * 3600 + coalesce(TRY_CAST(nullif(instant_parts_q['om'], '') AS BIGINT), 0) * 60)
            END)[1];
        CREATE MACRO os_instant_iso(s) AS os_instant_parts(list_transform([s], lambda instant_iso_x: CASE
            WHEN regexp_full_match(instant_iso_x, '[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]*)?)?([Zz]|[+-][0-9]{2}:?([0-9]{2})?)?)?')
            THEN regexp_extract(instant_iso_x,
                '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]*))?)?(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?)?)?$',
                ['y', 'mo', 'd', 'h', 'mi', 'sec', 'frac', 'sign', 'oh', 'om'])
            END)[1]);
        CREATE MACRO os_instant(t) AS list_transform([replace(t, ' ', '')], lambda instant_x: CASE
            WHEN instant_x IS NULL THEN NULL
            WHEN starts_with(instant_x, '/Date(') THEN TRY_CAST(regexp_extract(instant_x, '^/Date\(([-0-9]*)', 1) AS DOUBLE) / 1000
            ELSE os_instant_iso(instant_x) END)[1];

        -- The digest state keeps of a baseline value: offsync's 64-bit byte hash of its UTF-8.
        -- `os_mum`: the 128-bit product of two words with its halves xored, by 32-bit halves.
        -- `os_hash_hex`: a fold over the length (0xA0761D6478BD642F), each little-endian 8-byte
        -- word (0xE7037ED1A0B428DB), the tail (0x8EBC6AF09C88C6E3) and a finish (0x589965CC75374CC3).
        CREATE MACRO os_mum(a, b) AS xor((((a::UBIGINT >> 32) * (b::UBIGINT >> 32)) + (((a::UBIGINT & 4294967295::UBIGINT) * (b::UBIGINT >> 32)) >> 32) + (((a::UBIGINT >> 32) * (b::UBIGINT & 4294967295::UBIGINT)) >> 32) + (((((a::UBIGINT & 4294967295::UBIGINT) * (b::UBIGINT & 4294967295::UBIGINT)) >> 32) + (((a::UBIGINT & 4294967295::UBIGINT) * (b::UBIGINT >> 32)) & 4294967295::UBIGINT) + (((a::UBIGINT >> 32) * (b::UBIGINT & 4294967295::UBIGINT)) & 4294967295::UBIGINT)) >> 32)), ((((a::UBIGINT & 4294967295::UBIGINT) * (b::UBIGINT & 4294967295::UBIGINT)) & 4294967295::UBIGINT) | ((((((a::UBIGINT & 4294967295::UBIGINT) * (b::UBIGINT & 4294967295::UBIGINT)) >> 32) + (((a::UBIGINT & 4294967295::UBIGINT) * (b::UBIGINT >> 32)) & 4294967295::UBIGINT) + (((a::UBIGINT >> 32) * (b::UBIGINT & 4294967295::UBIGINT)) & 4294967295::UBIGINT)) & 4294967295::UBIGINT) << 32)));
        CREATE MACRO os_word(x) AS ('0x' || substr(x, 15, 2) || substr(x, 13, 2) || substr(x, 11, 2) || substr(x, 9, 2)
            || substr(x, 7, 2) || substr(x, 5, 2) || substr(x, 3, 2) || substr(x, 1, 2))::UBIGINT;
        CREATE MACRO os_hash_hex(h) AS list_reduce(list_concat(
                [struct_pack(w := os_mum(xor((length(h) // 2)::UBIGINT, 11562461410679940143::UBIGINT), 16646288086500911323::UBIGINT), k := 0::UBIGINT)],
                list_transform(range(0, length(h) // 16), lambda hash_i: struct_pack(w := os_word(substr(h, hash_i * 16 + 1, 16)), k := 16646288086500911323::UBIGINT)),
                CASE WHEN length(h) % 16 = 0 THEN [] ELSE [struct_pack(w := os_word(rpad(substr(h, (length(h) // 16) * 16 + 1), 16, '0')), k := 10285213230658275043::UBIGINT)] END,
                [struct_pack(w := 0::UBIGINT, k := 6384245875588680899::UBIGINT)]),
            lambda hash_state, hash_step: struct_pack(w := os_mum(xor(hash_state.w, hash_step.w), hash_step.k), k := 0::UBIGINT)).w;
        CREATE MACRO os_hash(v) AS os_hash_hex(hex(encode(v)));

        -- Typed values: `canonical` compares ('' when empty, null when the text is not of the
        -- type: a type error); `written` is the JSON an import file gets (null when empty).
        CREATE MACRO os_canonical_text(v) AS list_transform([v], lambda canonical_text_x: CASE WHEN os_blank(canonical_text_x) THEN '' ELSE os_trim(canonical_text_x) END)[1];
        CREATE MACRO os_written_text(v, array_json) AS list_transform([v], lambda written_text_x: CASE WHEN os_blank(written_text_x) THEN NULL
            WHEN array_json IS NOT NULL THEN array_json ELSE to_json(written_text_x)::VARCHAR END)[1];
        CREATE MACRO os_canonical_decimal(v) AS list_transform([v], lambda canonical_decimal_x: CASE WHEN os_blank(canonical_decimal_x) THEN '' ELSE os_decimal(os_trim(canonical_decimal_x)) END)[1];
        CREATE MACRO os_canonical_integer(v) AS list_transform([os_canonical_decimal(v)], lambda canonical_integer_x: CASE WHEN contains(canonical_integer_x, '.') THEN NULL ELSE canonical_integer_x END)[1];
        CREATE MACRO os_written_number(v) AS nullif(os_canonical_decimal(v), '');
        CREATE MACRO os_canonical_boolean(v) AS list_transform([v], lambda canonical_boolean_x: CASE WHEN os_blank(canonical_boolean_x) THEN ''
            WHEN lower(os_trim(canonical_boolean_x)) IN ('true', '1', 'yes', 'ja', 'y') THEN 'true'
            WHEN lower(os_trim(canonical_boolean_x)) IN ('false', '0', 'no', 'nei', 'n') THEN 'false' END)[1];
        CREATE MACRO os_written_boolean(v) AS nullif(os_canonical_boolean(v), '');
        CREATE MACRO os_canonical_date(v) AS list_transform([v], lambda canonical_date_x: CASE WHEN os_blank(canonical_date_x) THEN ''
            ELSE list_transform([struct_pack(text := replace(os_trim(canonical_date_x), ' ', ''), instant := os_instant(os_trim(canonical_date_x)))], lambda canonical_date_d: CASE
                WHEN canonical_date_d.instant IS NULL THEN NULL
                WHEN starts_with(canonical_date_d.text, '/Date(') THEN CASE
                    WHEN floor(canonical_date_d.instant / 86400) BETWEEN -719528 AND 2932896
                    THEN strftime(DATE '1970-01-01' + floor(canonical_date_d.instant / 86400)::INTEGER, '%Y-%m-%d') END
                ELSE left(canonical_date_d.text, 10) END)[1]
            END)[1];
        CREATE MACRO os_written_date(v) AS to_json(nullif(os_canonical_date(v), ''))::VARCHAR;
        CREATE MACRO os_canonical_date_time(v) AS list_transform([v], lambda canonical_date_time_x: CASE WHEN os_blank(canonical_date_time_x) THEN '' ELSE os_instant(os_trim(canonical_date_time_x))::VARCHAR END)[1];
        CREATE MACRO os_written_date_time(v) AS list_transform([v], lambda written_date_time_x: CASE WHEN os_blank(written_date_time_x) OR os_instant(os_trim(written_date_time_x)) IS NULL THEN NULL ELSE to_json(os_trim(written_date_time_x))::VARCHAR END)[1];
        """#
}
