-- Written by `offsync compile`: the decisions `offsync run` makes for this workspace.
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
RETURN whole
    + (ascii(substr(p, 1, 1)) - 48) * CAST('0.1' AS DOUBLE)
    + (ascii(substr(p, 2, 1)) - 48) * CAST('0.01' AS DOUBLE)
    + (ascii(substr(p, 3, 1)) - 48) * CAST('0.001' AS DOUBLE)
    + (ascii(substr(p, 4, 1)) - 48) * CAST('0.0001' AS DOUBLE)
    + (ascii(substr(p, 5, 1)) - 48) * CAST('1e-05' AS DOUBLE)
    + (ascii(substr(p, 6, 1)) - 48) * CAST('1.0000000000000002e-06' AS DOUBLE)
    + (ascii(substr(p, 7, 1)) - 48) * CAST('1.0000000000000002e-07' AS DOUBLE)
    + (ascii(substr(p, 8, 1)) - 48) * CAST('1.0000000000000002e-08' AS DOUBLE)
    + (ascii(substr(p, 9, 1)) - 48) * CAST('1.0000000000000003e-09' AS DOUBLE);

CREATE OR REPLACE TEMPORARY FUNCTION os_fraction_323(whole DOUBLE, p STRING) RETURNS DOUBLE
RETURN whole
    + (ascii(substr(p, 1, 1)) - 48) * CAST('0.1' AS DOUBLE)
    + (ascii(substr(p, 2, 1)) - 48) * CAST('0.01' AS DOUBLE)
    + (ascii(substr(p, 3, 1)) - 48) * CAST('0.001' AS DOUBLE)
    + (ascii(substr(p, 4, 1)) - 48) * CAST('0.0001' AS DOUBLE)
    + (ascii(substr(p, 5, 1)) - 48) * CAST('1e-05' AS DOUBLE)
    + (ascii(substr(p, 6, 1)) - 48) * CAST('1.0000000000000002e-06' AS DOUBLE)
    + (ascii(substr(p, 7, 1)) - 48) * CAST('1.0000000000000002e-07' AS DOUBLE)
    + (ascii(substr(p, 8, 1)) - 48) * CAST('1.0000000000000002e-08' AS DOUBLE)
    + (ascii(substr(p, 9, 1)) - 48) * CAST('1.0000000000000003e-09' AS DOUBLE)
    + (ascii(substr(p, 10, 1)) - 48) * CAST('1.0000000000000003e-10' AS DOUBLE)
    + (ascii(substr(p, 11, 1)) - 48) * CAST('1.0000000000000003e-11' AS DOUBLE)
    + (ascii(substr(p, 12, 1)) - 48) * CAST('1.0000000000000002e-12' AS DOUBLE)
    + (ascii(substr(p, 13, 1)) - 48) * CAST('1.0000000000000002e-13' AS DOUBLE)
    + (ascii(substr(p, 14, 1)) - 48) * CAST('1.0000000000000002e-14' AS DOUBLE)
    + (ascii(substr(p, 15, 1)) - 48) * CAST('1e-15' AS DOUBLE)
    + (ascii(substr(p, 16, 1)) - 48) * CAST('1.0000000000000001e-16' AS DOUBLE)
    + (ascii(substr(p, 17, 1)) - 48) * CAST('1e-17' AS DOUBLE)
    + (ascii(substr(p, 18, 1)) - 48) * CAST('1e-18' AS DOUBLE)
    + (ascii(substr(p, 19, 1)) - 48) * CAST('1.0000000000000001e-19' AS DOUBLE)
    + (ascii(substr(p, 20, 1)) - 48) * CAST('1.0000000000000001e-20' AS DOUBLE)
    + (ascii(substr(p, 21, 1)) - 48) * CAST('1.0000000000000001e-21' AS DOUBLE)
    + (ascii(substr(p, 22, 1)) - 48) * CAST('1e-22' AS DOUBLE)
    + (ascii(substr(p, 23, 1)) - 48) * CAST('1.0000000000000001e-23' AS DOUBLE)
    + (ascii(substr(p, 24, 1)) - 48) * CAST('1.0000000000000001e-24' AS DOUBLE)
    + (ascii(substr(p, 25, 1)) - 48) * CAST('1.0000000000000002e-25' AS DOUBLE)
    + (ascii(substr(p, 26, 1)) - 48) * CAST('1.0000000000000002e-26' AS DOUBLE)
    + (ascii(substr(p, 27, 1)) - 48) * CAST('1.0000000000000002e-27' AS DOUBLE)
    + (ascii(substr(p, 28, 1)) - 48) * CAST('1.0000000000000002e-28' AS DOUBLE)
    + (ascii(substr(p, 29, 1)) - 48) * CAST('1.0000000000000002e-29' AS DOUBLE)
    + (ascii(substr(p, 30, 1)) - 48) * CAST('1.0000000000000003e-30' AS DOUBLE)
    + (ascii(substr(p, 31, 1)) - 48) * CAST('1.0000000000000003e-31' AS DOUBLE)
    + (ascii(substr(p, 32, 1)) - 48) * CAST('1.0000000000000003e-32' AS DOUBLE)
    + (ascii(substr(p, 33, 1)) - 48) * CAST('1.0000000000000004e-33' AS DOUBLE)
    + (ascii(substr(p, 34, 1)) - 48) * CAST('1.0000000000000004e-34' AS DOUBLE)
    + (ascii(substr(p, 35, 1)) - 48) * CAST('1.0000000000000004e-35' AS DOUBLE)
    + (ascii(substr(p, 36, 1)) - 48) * CAST('1.0000000000000004e-36' AS DOUBLE)
    + (ascii(substr(p, 37, 1)) - 48) * CAST('1.0000000000000005e-37' AS DOUBLE)
    + (ascii(substr(p, 38, 1)) - 48) * CAST('1.0000000000000005e-38' AS DOUBLE)
    + (ascii(substr(p, 39, 1)) - 48) * CAST('1.0000000000000004e-39' AS DOUBLE)
    + (ascii(substr(p, 40, 1)) - 48) * CAST('1.0000000000000003e-40' AS DOUBLE)
    + (ascii(substr(p, 41, 1)) - 48) * CAST('1.0000000000000004e-41' AS DOUBLE)
    + (ascii(substr(p, 42, 1)) - 48) * CAST('1.0000000000000004e-42' AS DOUBLE)
    + (ascii(substr(p, 43, 1)) - 48) * CAST('1.0000000000000003e-43' AS DOUBLE)
    + (ascii(substr(p, 44, 1)) - 48) * CAST('1.0000000000000003e-44' AS DOUBLE)
    + (ascii(substr(p, 45, 1)) - 48) * CAST('1.0000000000000003e-45' AS DOUBLE)
    + (ascii(substr(p, 46, 1)) - 48) * CAST('1.0000000000000002e-46' AS DOUBLE)
    + (ascii(substr(p, 47, 1)) - 48) * CAST('1.0000000000000002e-47' AS DOUBLE)
    + (ascii(substr(p, 48, 1)) - 48) * CAST('1.0000000000000003e-48' AS DOUBLE)
    + (ascii(substr(p, 49, 1)) - 48) * CAST('1.0000000000000003e-49' AS DOUBLE)
    + (ascii(substr(p, 50, 1)) - 48) * CAST('1.0000000000000004e-50' AS DOUBLE)
    + (ascii(substr(p, 51, 1)) - 48) * CAST('1.0000000000000003e-51' AS DOUBLE)
    + (ascii(substr(p, 52, 1)) - 48) * CAST('1.0000000000000004e-52' AS DOUBLE)
    + (ascii(substr(p, 53, 1)) - 48) * CAST('1.0000000000000004e-53' AS DOUBLE)
    + (ascii(substr(p, 54, 1)) - 48) * CAST('1.0000000000000003e-54' AS DOUBLE)
    + (ascii(substr(p, 55, 1)) - 48) * CAST('1.0000000000000004e-55' AS DOUBLE)
    + (ascii(substr(p, 56, 1)) - 48) * CAST('1.0000000000000004e-56' AS DOUBLE)
    + (ascii(substr(p, 57, 1)) - 48) * CAST('1.0000000000000004e-57' AS DOUBLE)
    + (ascii(substr(p, 58, 1)) - 48) * CAST('1.0000000000000004e-58' AS DOUBLE)
    + (ascii(substr(p, 59, 1)) - 48) * CAST('1.0000000000000005e-59' AS DOUBLE)
    + (ascii(substr(p, 60, 1)) - 48) * CAST('1.0000000000000005e-60' AS DOUBLE)
    + (ascii(substr(p, 61, 1)) - 48) * CAST('1.0000000000000006e-61' AS DOUBLE)
    + (ascii(substr(p, 62, 1)) - 48) * CAST('1.0000000000000005e-62' AS DOUBLE)
    + (ascii(substr(p, 63, 1)) - 48) * CAST('1.0000000000000005e-63' AS DOUBLE)
    + (ascii(substr(p, 64, 1)) - 48) * CAST('1.0000000000000005e-64' AS DOUBLE)
    + (ascii(substr(p, 65, 1)) - 48) * CAST('1.0000000000000006e-65' AS DOUBLE)
    + (ascii(substr(p, 66, 1)) - 48) * CAST('1.0000000000000005e-66' AS DOUBLE)
    + (ascii(substr(p, 67, 1)) - 48) * CAST('1.0000000000000004e-67' AS DOUBLE)
    + (ascii(substr(p, 68, 1)) - 48) * CAST('1.0000000000000005e-68' AS DOUBLE)
    + (ascii(substr(p, 69, 1)) - 48) * CAST('1.0000000000000005e-69' AS DOUBLE)
    + (ascii(substr(p, 70, 1)) - 48) * CAST('1.0000000000000005e-70' AS DOUBLE)
    + (ascii(substr(p, 71, 1)) - 48) * CAST('1.0000000000000005e-71' AS DOUBLE)
    + (ascii(substr(p, 72, 1)) - 48) * CAST('1.0000000000000005e-72' AS DOUBLE)
    + (ascii(substr(p, 73, 1)) - 48) * CAST('1.0000000000000005e-73' AS DOUBLE)
    + (ascii(substr(p, 74, 1)) - 48) * CAST('1.0000000000000005e-74' AS DOUBLE)
    + (ascii(substr(p, 75, 1)) - 48) * CAST('1.0000000000000006e-75' AS DOUBLE)
    + (ascii(substr(p, 76, 1)) - 48) * CAST('1.0000000000000005e-76' AS DOUBLE)
    + (ascii(substr(p, 77, 1)) - 48) * CAST('1.0000000000000005e-77' AS DOUBLE)
    + (ascii(substr(p, 78, 1)) - 48) * CAST('1.0000000000000005e-78' AS DOUBLE)
    + (ascii(substr(p, 79, 1)) - 48) * CAST('1.0000000000000004e-79' AS DOUBLE)
    + (ascii(substr(p, 80, 1)) - 48) * CAST('1.0000000000000005e-80' AS DOUBLE)
    + (ascii(substr(p, 81, 1)) - 48) * CAST('1.0000000000000005e-81' AS DOUBLE)
    + (ascii(substr(p, 82, 1)) - 48) * CAST('1.0000000000000005e-82' AS DOUBLE)
    + (ascii(substr(p, 83, 1)) - 48) * CAST('1.0000000000000006e-83' AS DOUBLE)
    + (ascii(substr(p, 84, 1)) - 48) * CAST('1.0000000000000006e-84' AS DOUBLE)
    + (ascii(substr(p, 85, 1)) - 48) * CAST('1.0000000000000005e-85' AS DOUBLE)
    + (ascii(substr(p, 86, 1)) - 48) * CAST('1.0000000000000006e-86' AS DOUBLE)
    + (ascii(substr(p, 87, 1)) - 48) * CAST('1.0000000000000006e-87' AS DOUBLE)
    + (ascii(substr(p, 88, 1)) - 48) * CAST('1.0000000000000006e-88' AS DOUBLE)
    + (ascii(substr(p, 89, 1)) - 48) * CAST('1.0000000000000006e-89' AS DOUBLE)
    + (ascii(substr(p, 90, 1)) - 48) * CAST('1.0000000000000006e-90' AS DOUBLE)
    + (ascii(substr(p, 91, 1)) - 48) * CAST('1.0000000000000007e-91' AS DOUBLE)
    + (ascii(substr(p, 92, 1)) - 48) * CAST('1.0000000000000007e-92' AS DOUBLE)
    + (ascii(substr(p, 93, 1)) - 48) * CAST('1.0000000000000008e-93' AS DOUBLE)
    + (ascii(substr(p, 94, 1)) - 48) * CAST('1.0000000000000008e-94' AS DOUBLE)
    + (ascii(substr(p, 95, 1)) - 48) * CAST('1.0000000000000008e-95' AS DOUBLE)
    + (ascii(substr(p, 96, 1)) - 48) * CAST('1.0000000000000007e-96' AS DOUBLE)
    + (ascii(substr(p, 97, 1)) - 48) * CAST('1.0000000000000007e-97' AS DOUBLE)
    + (ascii(substr(p, 98, 1)) - 48) * CAST('1.0000000000000008e-98' AS DOUBLE)
    + (ascii(substr(p, 99, 1)) - 48) * CAST('1.0000000000000008e-99' AS DOUBLE)
    + (ascii(substr(p, 100, 1)) - 48) * CAST('1.0000000000000008e-100' AS DOUBLE)
    + (ascii(substr(p, 101, 1)) - 48) * CAST('1.0000000000000008e-101' AS DOUBLE)
    + (ascii(substr(p, 102, 1)) - 48) * CAST('1.000000000000001e-102' AS DOUBLE)
    + (ascii(substr(p, 103, 1)) - 48) * CAST('1.000000000000001e-103' AS DOUBLE)
    + (ascii(substr(p, 104, 1)) - 48) * CAST('1.000000000000001e-104' AS DOUBLE)
    + (ascii(substr(p, 105, 1)) - 48) * CAST('1.000000000000001e-105' AS DOUBLE)
    + (ascii(substr(p, 106, 1)) - 48) * CAST('1.0000000000000009e-106' AS DOUBLE)
    + (ascii(substr(p, 107, 1)) - 48) * CAST('1.0000000000000009e-107' AS DOUBLE)
    + (ascii(substr(p, 108, 1)) - 48) * CAST('1.000000000000001e-108' AS DOUBLE)
    + (ascii(substr(p, 109, 1)) - 48) * CAST('1.0000000000000009e-109' AS DOUBLE)
    + (ascii(substr(p, 110, 1)) - 48) * CAST('1.000000000000001e-110' AS DOUBLE)
    + (ascii(substr(p, 111, 1)) - 48) * CAST('1.000000000000001e-111' AS DOUBLE)
    + (ascii(substr(p, 112, 1)) - 48) * CAST('1.000000000000001e-112' AS DOUBLE)
    + (ascii(substr(p, 113, 1)) - 48) * CAST('1.000000000000001e-113' AS DOUBLE)
    + (ascii(substr(p, 114, 1)) - 48) * CAST('1.000000000000001e-114' AS DOUBLE)
    + (ascii(substr(p, 115, 1)) - 48) * CAST('1.000000000000001e-115' AS DOUBLE)
    + (ascii(substr(p, 116, 1)) - 48) * CAST('1.000000000000001e-116' AS DOUBLE)
    + (ascii(substr(p, 117, 1)) - 48) * CAST('1.0000000000000009e-117' AS DOUBLE)
    + (ascii(substr(p, 118, 1)) - 48) * CAST('1.0000000000000009e-118' AS DOUBLE)
    + (ascii(substr(p, 119, 1)) - 48) * CAST('1.0000000000000008e-119' AS DOUBLE)
    + (ascii(substr(p, 120, 1)) - 48) * CAST('1.0000000000000008e-120' AS DOUBLE)
    + (ascii(substr(p, 121, 1)) - 48) * CAST('1.0000000000000008e-121' AS DOUBLE)
    + (ascii(substr(p, 122, 1)) - 48) * CAST('1.0000000000000009e-122' AS DOUBLE)
    + (ascii(substr(p, 123, 1)) - 48) * CAST('1.0000000000000009e-123' AS DOUBLE)
    + (ascii(substr(p, 124, 1)) - 48) * CAST('1.000000000000001e-124' AS DOUBLE)
    + (ascii(substr(p, 125, 1)) - 48) * CAST('1.0000000000000009e-125' AS DOUBLE)
    + (ascii(substr(p, 126, 1)) - 48) * CAST('1.000000000000001e-126' AS DOUBLE)
    + (ascii(substr(p, 127, 1)) - 48) * CAST('1.0000000000000008e-127' AS DOUBLE)
    + (ascii(substr(p, 128, 1)) - 48) * CAST('1.0000000000000008e-128' AS DOUBLE)
    + (ascii(substr(p, 129, 1)) - 48) * CAST('1.0000000000000009e-129' AS DOUBLE)
    + (ascii(substr(p, 130, 1)) - 48) * CAST('1.0000000000000009e-130' AS DOUBLE)
    + (ascii(substr(p, 131, 1)) - 48) * CAST('1.0000000000000009e-131' AS DOUBLE)
    + (ascii(substr(p, 132, 1)) - 48) * CAST('1.000000000000001e-132' AS DOUBLE)
    + (ascii(substr(p, 133, 1)) - 48) * CAST('1.0000000000000008e-133' AS DOUBLE)
    + (ascii(substr(p, 134, 1)) - 48) * CAST('1.0000000000000009e-134' AS DOUBLE)
    + (ascii(substr(p, 135, 1)) - 48) * CAST('1.000000000000001e-135' AS DOUBLE)
    + (ascii(substr(p, 136, 1)) - 48) * CAST('1.000000000000001e-136' AS DOUBLE)
    + (ascii(substr(p, 137, 1)) - 48) * CAST('1.0000000000000009e-137' AS DOUBLE)
    + (ascii(substr(p, 138, 1)) - 48) * CAST('1.000000000000001e-138' AS DOUBLE)
    + (ascii(substr(p, 139, 1)) - 48) * CAST('1.000000000000001e-139' AS DOUBLE)
    + (ascii(substr(p, 140, 1)) - 48) * CAST('1.0000000000000009e-140' AS DOUBLE)
    + (ascii(substr(p, 141, 1)) - 48) * CAST('1.0000000000000009e-141' AS DOUBLE)
    + (ascii(substr(p, 142, 1)) - 48) * CAST('1.000000000000001e-142' AS DOUBLE)
    + (ascii(substr(p, 143, 1)) - 48) * CAST('1.000000000000001e-143' AS DOUBLE)
    + (ascii(substr(p, 144, 1)) - 48) * CAST('1.000000000000001e-144' AS DOUBLE)
    + (ascii(substr(p, 145, 1)) - 48) * CAST('1.000000000000001e-145' AS DOUBLE)
    + (ascii(substr(p, 146, 1)) - 48) * CAST('1.000000000000001e-146' AS DOUBLE)
    + (ascii(substr(p, 147, 1)) - 48) * CAST('1.0000000000000011e-147' AS DOUBLE)
    + (ascii(substr(p, 148, 1)) - 48) * CAST('1.0000000000000012e-148' AS DOUBLE)
    + (ascii(substr(p, 149, 1)) - 48) * CAST('1.000000000000001e-149' AS DOUBLE)
    + (ascii(substr(p, 150, 1)) - 48) * CAST('1.0000000000000011e-150' AS DOUBLE)
    + (ascii(substr(p, 151, 1)) - 48) * CAST('1.0000000000000011e-151' AS DOUBLE)
    + (ascii(substr(p, 152, 1)) - 48) * CAST('1.0000000000000011e-152' AS DOUBLE)
    + (ascii(substr(p, 153, 1)) - 48) * CAST('1.0000000000000011e-153' AS DOUBLE)
    + (ascii(substr(p, 154, 1)) - 48) * CAST('1.0000000000000011e-154' AS DOUBLE)
    + (ascii(substr(p, 155, 1)) - 48) * CAST('1.000000000000001e-155' AS DOUBLE)
    + (ascii(substr(p, 156, 1)) - 48) * CAST('1.0000000000000011e-156' AS DOUBLE)
    + (ascii(substr(p, 157, 1)) - 48) * CAST('1.000000000000001e-157' AS DOUBLE)
    + (ascii(substr(p, 158, 1)) - 48) * CAST('1.000000000000001e-158' AS DOUBLE)
    + (ascii(substr(p, 159, 1)) - 48) * CAST('1.0000000000000011e-159' AS DOUBLE)
    + (ascii(substr(p, 160, 1)) - 48) * CAST('1.0000000000000011e-160' AS DOUBLE)
    + (ascii(substr(p, 161, 1)) - 48) * CAST('1.000000000000001e-161' AS DOUBLE)
    + (ascii(substr(p, 162, 1)) - 48) * CAST('1.0000000000000011e-162' AS DOUBLE)
    + (ascii(substr(p, 163, 1)) - 48) * CAST('1.000000000000001e-163' AS DOUBLE)
    + (ascii(substr(p, 164, 1)) - 48) * CAST('1.000000000000001e-164' AS DOUBLE)
    + (ascii(substr(p, 165, 1)) - 48) * CAST('1.000000000000001e-165' AS DOUBLE)
    + (ascii(substr(p, 166, 1)) - 48) * CAST('1.000000000000001e-166' AS DOUBLE)
    + (ascii(substr(p, 167, 1)) - 48) * CAST('1.000000000000001e-167' AS DOUBLE)
    + (ascii(substr(p, 168, 1)) - 48) * CAST('1.000000000000001e-168' AS DOUBLE)
    + (ascii(substr(p, 169, 1)) - 48) * CAST('1.000000000000001e-169' AS DOUBLE)
    + (ascii(substr(p, 170, 1)) - 48) * CAST('1.000000000000001e-170' AS DOUBLE)
    + (ascii(substr(p, 171, 1)) - 48) * CAST('1.0000000000000011e-171' AS DOUBLE)
    + (ascii(substr(p, 172, 1)) - 48) * CAST('1.0000000000000012e-172' AS DOUBLE)
    + (ascii(substr(p, 173, 1)) - 48) * CAST('1.0000000000000011e-173' AS DOUBLE)
    + (ascii(substr(p, 174, 1)) - 48) * CAST('1.0000000000000011e-174' AS DOUBLE)
    + (ascii(substr(p, 175, 1)) - 48) * CAST('1.0000000000000011e-175' AS DOUBLE)
    + (ascii(substr(p, 176, 1)) - 48) * CAST('1.000000000000001e-176' AS DOUBLE)
    + (ascii(substr(p, 177, 1)) - 48) * CAST('1.000000000000001e-177' AS DOUBLE)
    + (ascii(substr(p, 178, 1)) - 48) * CAST('1.000000000000001e-178' AS DOUBLE)
    + (ascii(substr(p, 179, 1)) - 48) * CAST('1.000000000000001e-179' AS DOUBLE)
    + (ascii(substr(p, 180, 1)) - 48) * CAST('1.000000000000001e-180' AS DOUBLE)
    + (ascii(substr(p, 181, 1)) - 48) * CAST('1.0000000000000011e-181' AS DOUBLE)
    + (ascii(substr(p, 182, 1)) - 48) * CAST('1.000000000000001e-182' AS DOUBLE)
    + (ascii(substr(p, 183, 1)) - 48) * CAST('1.000000000000001e-183' AS DOUBLE)
    + (ascii(substr(p, 184, 1)) - 48) * CAST('1.0000000000000011e-184' AS DOUBLE)
    + (ascii(substr(p, 185, 1)) - 48) * CAST('1.0000000000000011e-185' AS DOUBLE)
    + (ascii(substr(p, 186, 1)) - 48) * CAST('1.0000000000000011e-186' AS DOUBLE)
    + (ascii(substr(p, 187, 1)) - 48) * CAST('1.0000000000000012e-187' AS DOUBLE)
    + (ascii(substr(p, 188, 1)) - 48) * CAST('1.0000000000000012e-188' AS DOUBLE)
    + (ascii(substr(p, 189, 1)) - 48) * CAST('1.0000000000000013e-189' AS DOUBLE)
    + (ascii(substr(p, 190, 1)) - 48) * CAST('1.0000000000000013e-190' AS DOUBLE)
    + (ascii(substr(p, 191, 1)) - 48) * CAST('1.0000000000000013e-191' AS DOUBLE)
    + (ascii(substr(p, 192, 1)) - 48) * CAST('1.0000000000000013e-192' AS DOUBLE)
    + (ascii(substr(p, 193, 1)) - 48) * CAST('1.0000000000000013e-193' AS DOUBLE)
    + (ascii(substr(p, 194, 1)) - 48) * CAST('1.0000000000000012e-194' AS DOUBLE)
    + (ascii(substr(p, 195, 1)) - 48) * CAST('1.0000000000000012e-195' AS DOUBLE)
    + (ascii(substr(p, 196, 1)) - 48) * CAST('1.0000000000000012e-196' AS DOUBLE)
    + (ascii(substr(p, 197, 1)) - 48) * CAST('1.0000000000000012e-197' AS DOUBLE)
    + (ascii(substr(p, 198, 1)) - 48) * CAST('1.0000000000000012e-198' AS DOUBLE)
    + (ascii(substr(p, 199, 1)) - 48) * CAST('1.0000000000000013e-199' AS DOUBLE)
    + (ascii(substr(p, 200, 1)) - 48) * CAST('1.0000000000000013e-200' AS DOUBLE)
    + (ascii(substr(p, 201, 1)) - 48) * CAST('1.0000000000000012e-201' AS DOUBLE)
    + (ascii(substr(p, 202, 1)) - 48) * CAST('1.0000000000000012e-202' AS DOUBLE)
    + (ascii(substr(p, 203, 1)) - 48) * CAST('1.0000000000000012e-203' AS DOUBLE)
    + (ascii(substr(p, 204, 1)) - 48) * CAST('1.0000000000000012e-204' AS DOUBLE)
    + (ascii(substr(p, 205, 1)) - 48) * CAST('1.0000000000000013e-205' AS DOUBLE)
    + (ascii(substr(p, 206, 1)) - 48) * CAST('1.0000000000000013e-206' AS DOUBLE)
    + (ascii(substr(p, 207, 1)) - 48) * CAST('1.0000000000000013e-207' AS DOUBLE)
    + (ascii(substr(p, 208, 1)) - 48) * CAST('1.0000000000000014e-208' AS DOUBLE)
    + (ascii(substr(p, 209, 1)) - 48) * CAST('1.0000000000000014e-209' AS DOUBLE)
    + (ascii(substr(p, 210, 1)) - 48) * CAST('1.0000000000000014e-210' AS DOUBLE)
    + (ascii(substr(p, 211, 1)) - 48) * CAST('1.0000000000000014e-211' AS DOUBLE)
    + (ascii(substr(p, 212, 1)) - 48) * CAST('1.0000000000000014e-212' AS DOUBLE)
    + (ascii(substr(p, 213, 1)) - 48) * CAST('1.0000000000000014e-213' AS DOUBLE)
    + (ascii(substr(p, 214, 1)) - 48) * CAST('1.0000000000000014e-214' AS DOUBLE)
    + (ascii(substr(p, 215, 1)) - 48) * CAST('1.0000000000000013e-215' AS DOUBLE)
    + (ascii(substr(p, 216, 1)) - 48) * CAST('1.0000000000000013e-216' AS DOUBLE)
    + (ascii(substr(p, 217, 1)) - 48) * CAST('1.0000000000000013e-217' AS DOUBLE)
    + (ascii(substr(p, 218, 1)) - 48) * CAST('1.0000000000000013e-218' AS DOUBLE)
    + (ascii(substr(p, 219, 1)) - 48) * CAST('1.0000000000000013e-219' AS DOUBLE)
    + (ascii(substr(p, 220, 1)) - 48) * CAST('1.0000000000000014e-220' AS DOUBLE)
    + (ascii(substr(p, 221, 1)) - 48) * CAST('1.0000000000000014e-221' AS DOUBLE)
    + (ascii(substr(p, 222, 1)) - 48) * CAST('1.0000000000000014e-222' AS DOUBLE)
    + (ascii(substr(p, 223, 1)) - 48) * CAST('1.0000000000000015e-223' AS DOUBLE)
    + (ascii(substr(p, 224, 1)) - 48) * CAST('1.0000000000000015e-224' AS DOUBLE)
    + (ascii(substr(p, 225, 1)) - 48) * CAST('1.0000000000000015e-225' AS DOUBLE)
    + (ascii(substr(p, 226, 1)) - 48) * CAST('1.0000000000000014e-226' AS DOUBLE)
    + (ascii(substr(p, 227, 1)) - 48) * CAST('1.0000000000000015e-227' AS DOUBLE)
    + (ascii(substr(p, 228, 1)) - 48) * CAST('1.0000000000000015e-228' AS DOUBLE)
    + (ascii(substr(p, 229, 1)) - 48) * CAST('1.0000000000000015e-229' AS DOUBLE)
    + (ascii(substr(p, 230, 1)) - 48) * CAST('1.0000000000000015e-230' AS DOUBLE)
    + (ascii(substr(p, 231, 1)) - 48) * CAST('1.0000000000000016e-231' AS DOUBLE)
    + (ascii(substr(p, 232, 1)) - 48) * CAST('1.0000000000000016e-232' AS DOUBLE)
    + (ascii(substr(p, 233, 1)) - 48) * CAST('1.0000000000000016e-233' AS DOUBLE)
    + (ascii(substr(p, 234, 1)) - 48) * CAST('1.0000000000000016e-234' AS DOUBLE)
    + (ascii(substr(p, 235, 1)) - 48) * CAST('1.0000000000000017e-235' AS DOUBLE)
    + (ascii(substr(p, 236, 1)) - 48) * CAST('1.0000000000000018e-236' AS DOUBLE)
    + (ascii(substr(p, 237, 1)) - 48) * CAST('1.0000000000000018e-237' AS DOUBLE)
    + (ascii(substr(p, 238, 1)) - 48) * CAST('1.0000000000000017e-238' AS DOUBLE)
    + (ascii(substr(p, 239, 1)) - 48) * CAST('1.0000000000000018e-239' AS DOUBLE)
    + (ascii(substr(p, 240, 1)) - 48) * CAST('1.0000000000000018e-240' AS DOUBLE)
    + (ascii(substr(p, 241, 1)) - 48) * CAST('1.0000000000000018e-241' AS DOUBLE)
    + (ascii(substr(p, 242, 1)) - 48) * CAST('1.0000000000000018e-242' AS DOUBLE)
    + (ascii(substr(p, 243, 1)) - 48) * CAST('1.0000000000000018e-243' AS DOUBLE)
    + (ascii(substr(p, 244, 1)) - 48) * CAST('1.0000000000000019e-244' AS DOUBLE)
    + (ascii(substr(p, 245, 1)) - 48) * CAST('1.000000000000002e-245' AS DOUBLE)
    + (ascii(substr(p, 246, 1)) - 48) * CAST('1.000000000000002e-246' AS DOUBLE)
    + (ascii(substr(p, 247, 1)) - 48) * CAST('1.000000000000002e-247' AS DOUBLE)
    + (ascii(substr(p, 248, 1)) - 48) * CAST('1.000000000000002e-248' AS DOUBLE)
    + (ascii(substr(p, 249, 1)) - 48) * CAST('1.0000000000000019e-249' AS DOUBLE)
    + (ascii(substr(p, 250, 1)) - 48) * CAST('1.0000000000000019e-250' AS DOUBLE)
    + (ascii(substr(p, 251, 1)) - 48) * CAST('1.000000000000002e-251' AS DOUBLE)
    + (ascii(substr(p, 252, 1)) - 48) * CAST('1.000000000000002e-252' AS DOUBLE)
    + (ascii(substr(p, 253, 1)) - 48) * CAST('1.000000000000002e-253' AS DOUBLE)
    + (ascii(substr(p, 254, 1)) - 48) * CAST('1.000000000000002e-254' AS DOUBLE)
    + (ascii(substr(p, 255, 1)) - 48) * CAST('1.000000000000002e-255' AS DOUBLE)
    + (ascii(substr(p, 256, 1)) - 48) * CAST('1.000000000000002e-256' AS DOUBLE)
    + (ascii(substr(p, 257, 1)) - 48) * CAST('1.000000000000002e-257' AS DOUBLE)
    + (ascii(substr(p, 258, 1)) - 48) * CAST('1.000000000000002e-258' AS DOUBLE)
    + (ascii(substr(p, 259, 1)) - 48) * CAST('1.0000000000000021e-259' AS DOUBLE)
    + (ascii(substr(p, 260, 1)) - 48) * CAST('1.0000000000000021e-260' AS DOUBLE)
    + (ascii(substr(p, 261, 1)) - 48) * CAST('1.0000000000000021e-261' AS DOUBLE)
    + (ascii(substr(p, 262, 1)) - 48) * CAST('1.0000000000000021e-262' AS DOUBLE)
    + (ascii(substr(p, 263, 1)) - 48) * CAST('1.0000000000000021e-263' AS DOUBLE)
    + (ascii(substr(p, 264, 1)) - 48) * CAST('1.0000000000000022e-264' AS DOUBLE)
    + (ascii(substr(p, 265, 1)) - 48) * CAST('1.0000000000000022e-265' AS DOUBLE)
    + (ascii(substr(p, 266, 1)) - 48) * CAST('1.0000000000000022e-266' AS DOUBLE)
    + (ascii(substr(p, 267, 1)) - 48) * CAST('1.0000000000000021e-267' AS DOUBLE)
    + (ascii(substr(p, 268, 1)) - 48) * CAST('1.0000000000000021e-268' AS DOUBLE)
    + (ascii(substr(p, 269, 1)) - 48) * CAST('1.0000000000000021e-269' AS DOUBLE)
    + (ascii(substr(p, 270, 1)) - 48) * CAST('1.0000000000000021e-270' AS DOUBLE)
    + (ascii(substr(p, 271, 1)) - 48) * CAST('1.0000000000000022e-271' AS DOUBLE)
    + (ascii(substr(p, 272, 1)) - 48) * CAST('1.0000000000000022e-272' AS DOUBLE)
    + (ascii(substr(p, 273, 1)) - 48) * CAST('1.0000000000000021e-273' AS DOUBLE)
    + (ascii(substr(p, 274, 1)) - 48) * CAST('1.0000000000000021e-274' AS DOUBLE)
    + (ascii(substr(p, 275, 1)) - 48) * CAST('1.0000000000000022e-275' AS DOUBLE)
    + (ascii(substr(p, 276, 1)) - 48) * CAST('1.000000000000002e-276' AS DOUBLE)
    + (ascii(substr(p, 277, 1)) - 48) * CAST('1.0000000000000021e-277' AS DOUBLE)
    + (ascii(substr(p, 278, 1)) - 48) * CAST('1.0000000000000021e-278' AS DOUBLE)
    + (ascii(substr(p, 279, 1)) - 48) * CAST('1.0000000000000022e-279' AS DOUBLE)
    + (ascii(substr(p, 280, 1)) - 48) * CAST('1.0000000000000022e-280' AS DOUBLE)
    + (ascii(substr(p, 281, 1)) - 48) * CAST('1.0000000000000022e-281' AS DOUBLE)
    + (ascii(substr(p, 282, 1)) - 48) * CAST('1.0000000000000021e-282' AS DOUBLE)
    + (ascii(substr(p, 283, 1)) - 48) * CAST('1.0000000000000021e-283' AS DOUBLE)
    + (ascii(substr(p, 284, 1)) - 48) * CAST('1.0000000000000021e-284' AS DOUBLE)
    + (ascii(substr(p, 285, 1)) - 48) * CAST('1.0000000000000021e-285' AS DOUBLE)
    + (ascii(substr(p, 286, 1)) - 48) * CAST('1.0000000000000022e-286' AS DOUBLE)
    + (ascii(substr(p, 287, 1)) - 48) * CAST('1.0000000000000022e-287' AS DOUBLE)
    + (ascii(substr(p, 288, 1)) - 48) * CAST('1.0000000000000022e-288' AS DOUBLE)
    + (ascii(substr(p, 289, 1)) - 48) * CAST('1.0000000000000023e-289' AS DOUBLE)
    + (ascii(substr(p, 290, 1)) - 48) * CAST('1.0000000000000023e-290' AS DOUBLE)
    + (ascii(substr(p, 291, 1)) - 48) * CAST('1.0000000000000023e-291' AS DOUBLE)
    + (ascii(substr(p, 292, 1)) - 48) * CAST('1.0000000000000023e-292' AS DOUBLE)
    + (ascii(substr(p, 293, 1)) - 48) * CAST('1.0000000000000023e-293' AS DOUBLE)
    + (ascii(substr(p, 294, 1)) - 48) * CAST('1.0000000000000023e-294' AS DOUBLE)
    + (ascii(substr(p, 295, 1)) - 48) * CAST('1.0000000000000022e-295' AS DOUBLE)
    + (ascii(substr(p, 296, 1)) - 48) * CAST('1.0000000000000022e-296' AS DOUBLE)
    + (ascii(substr(p, 297, 1)) - 48) * CAST('1.0000000000000022e-297' AS DOUBLE)
    + (ascii(substr(p, 298, 1)) - 48) * CAST('1.0000000000000022e-298' AS DOUBLE)
    + (ascii(substr(p, 299, 1)) - 48) * CAST('1.0000000000000022e-299' AS DOUBLE)
    + (ascii(substr(p, 300, 1)) - 48) * CAST('1.0000000000000022e-300' AS DOUBLE)
    + (ascii(substr(p, 301, 1)) - 48) * CAST('1.0000000000000021e-301' AS DOUBLE)
    + (ascii(substr(p, 302, 1)) - 48) * CAST('1.0000000000000022e-302' AS DOUBLE)
    + (ascii(substr(p, 303, 1)) - 48) * CAST('1.0000000000000022e-303' AS DOUBLE)
    + (ascii(substr(p, 304, 1)) - 48) * CAST('1.0000000000000022e-304' AS DOUBLE)
    + (ascii(substr(p, 305, 1)) - 48) * CAST('1.0000000000000021e-305' AS DOUBLE)
    + (ascii(substr(p, 306, 1)) - 48) * CAST('1.0000000000000021e-306' AS DOUBLE)
    + (ascii(substr(p, 307, 1)) - 48) * CAST('1.000000000000002e-307' AS DOUBLE)
    + (ascii(substr(p, 308, 1)) - 48) * CAST('1.000000000000002e-308' AS DOUBLE)
    + (ascii(substr(p, 309, 1)) - 48) * CAST('1e-309' AS DOUBLE)
    + (ascii(substr(p, 310, 1)) - 48) * CAST('1e-310' AS DOUBLE)
    + (ascii(substr(p, 311, 1)) - 48) * CAST('1e-311' AS DOUBLE)
    + (ascii(substr(p, 312, 1)) - 48) * CAST('1e-312' AS DOUBLE)
    + (ascii(substr(p, 313, 1)) - 48) * CAST('1e-313' AS DOUBLE)
    + (ascii(substr(p, 314, 1)) - 48) * CAST('1e-314' AS DOUBLE)
    + (ascii(substr(p, 315, 1)) - 48) * CAST('1e-315' AS DOUBLE)
    + (ascii(substr(p, 316, 1)) - 48) * CAST('1e-316' AS DOUBLE)
    + (ascii(substr(p, 317, 1)) - 48) * CAST('9.999997e-318' AS DOUBLE)
    + (ascii(substr(p, 318, 1)) - 48) * CAST('1e-318' AS DOUBLE)
    + (ascii(substr(p, 319, 1)) - 48) * CAST('1e-319' AS DOUBLE)
    + (ascii(substr(p, 320, 1)) - 48) * CAST('1e-320' AS DOUBLE)
    + (ascii(substr(p, 321, 1)) - 48) * CAST('1e-321' AS DOUBLE)
    + (ascii(substr(p, 322, 1)) - 48) * CAST('1e-322' AS DOUBLE)
    + (ascii(substr(p, 323, 1)) - 48) * CAST('1e-323' AS DOUBLE);

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
RETURN aggregate(sequence(0, (length(h) div 16) + CASE WHEN (length(h) % 16 <> 0) THEN 2 ELSE 1 END),
    named_struct('h', CAST(0 AS BIGINT), 'l', CAST(0 AS BIGINT)),
    (s, i) -> transform(array(named_struct(
        'wh', CASE WHEN i = 0 THEN 2692095332 WHEN i <= (length(h) div 16) OR (i = (length(h) div 16) + 1 AND (length(h) % 16 <> 0)) THEN CAST(conv(substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 15, 2) || substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 13, 2) || substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 11, 2) || substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 9, 2), 16, 10) AS BIGINT) ELSE 0 END,
        'wl', CASE WHEN i = 0 THEN (length(h) div 2) ^ 2025677871 WHEN i <= (length(h) div 16) OR (i = (length(h) div 16) + 1 AND (length(h) % 16 <> 0)) THEN CAST(conv(substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 7, 2) || substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 5, 2) || substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 3, 2) || substr(rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0'), 1, 2), 16, 10) AS BIGINT) ELSE 0 END,
        'k0', (CASE WHEN i <= (length(h) div 16) THEN 10459 WHEN i = (length(h) div 16) + 1 AND (length(h) % 16 <> 0) THEN 50915 ELSE 19651 END), 'k1', (CASE WHEN i <= (length(h) div 16) THEN 41140 WHEN i = (length(h) div 16) + 1 AND (length(h) % 16 <> 0) THEN 40072 ELSE 30007 END), 'k2', (CASE WHEN i <= (length(h) div 16) THEN 32465 WHEN i = (length(h) div 16) + 1 AND (length(h) % 16 <> 0) THEN 27376 ELSE 26060 END), 'k3', (CASE WHEN i <= (length(h) div 16) THEN 59139 WHEN i = (length(h) div 16) + 1 AND (length(h) % 16 <> 0) THEN 36540 ELSE 22681 END))), st ->
transform(array(named_struct('ah', s.h ^ st.wh, 'al', s.l ^ st.wl)), a_m ->
  transform(array(named_struct(
      'll0', a_m.al * st.k0, 'll1', a_m.al * st.k1, 'lh0', a_m.al * st.k2, 'lh1', a_m.al * st.k3,
      'hl0', a_m.ah * st.k0, 'hl1', a_m.ah * st.k1, 'hh0', a_m.ah * st.k2, 'hh1', a_m.ah * st.k3)), p_m ->
  transform(array(named_struct(
      'll', p_m.ll0 + (p_m.ll1 % 65536) * 65536, 'llc', p_m.ll1 div 65536,
      'lh', p_m.lh0 + (p_m.lh1 % 65536) * 65536, 'lhc', p_m.lh1 div 65536,
      'hl', p_m.hl0 + (p_m.hl1 % 65536) * 65536, 'hlc', p_m.hl1 div 65536,
      'hh', p_m.hh0 + (p_m.hh1 % 65536) * 65536, 'hhc', p_m.hh1 div 65536)), t_m ->
  transform(array(named_struct(
      'llL', t_m.ll % 4294967296, 'llH', t_m.ll div 4294967296 + t_m.llc,
      'lhL', t_m.lh % 4294967296, 'lhH', t_m.lh div 4294967296 + t_m.lhc,
      'hlL', t_m.hl % 4294967296, 'hlH', t_m.hl div 4294967296 + t_m.hlc,
      'hhL', t_m.hh % 4294967296, 'hhH', t_m.hh div 4294967296 + t_m.hhc)), m_m ->
  transform(array(named_struct('mid', m_m.llH + m_m.lhL + m_m.hlL,
                               'hlr', m_m.hhL + m_m.lhH + m_m.hlH)), q_m ->
  transform(array(named_struct('hlr', q_m.hlr + q_m.mid div 4294967296)), r_m ->
      named_struct('h', ((m_m.hhH + r_m.hlr div 4294967296) % 4294967296) ^ (q_m.mid % 4294967296),
                   'l', (r_m.hlr % 4294967296) ^ m_m.llL)
  )[0])[0])[0])[0])[0])[0]
    )[0],
    s -> CAST(s.h AS DECIMAL(20, 0)) * 4294967296 + s.l);

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
    ELSE os_repr_sci(CASE WHEN x IS NOT NULL AND NOT isnan(x) AND abs(x) < CAST('Infinity' AS DOUBLE) THEN CASE WHEN try_cast(format_string('%.8e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.4e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.2e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.1e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.0e', x) AS DOUBLE) = x THEN format_string('%.0e', x) ELSE format_string('%.1e', x) END ELSE format_string('%.2e', x) END ELSE CASE WHEN try_cast(format_string('%.3e', x) AS DOUBLE) = x THEN format_string('%.3e', x) ELSE format_string('%.4e', x) END END ELSE CASE WHEN try_cast(format_string('%.6e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.5e', x) AS DOUBLE) = x THEN format_string('%.5e', x) ELSE format_string('%.6e', x) END ELSE CASE WHEN try_cast(format_string('%.7e', x) AS DOUBLE) = x THEN format_string('%.7e', x) ELSE format_string('%.8e', x) END END END ELSE CASE WHEN try_cast(format_string('%.12e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.10e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.9e', x) AS DOUBLE) = x THEN format_string('%.9e', x) ELSE format_string('%.10e', x) END ELSE CASE WHEN try_cast(format_string('%.11e', x) AS DOUBLE) = x THEN format_string('%.11e', x) ELSE format_string('%.12e', x) END END ELSE CASE WHEN try_cast(format_string('%.14e', x) AS DOUBLE) = x THEN CASE WHEN try_cast(format_string('%.13e', x) AS DOUBLE) = x THEN format_string('%.13e', x) ELSE format_string('%.14e', x) END ELSE CASE WHEN try_cast(format_string('%.15e', x) AS DOUBLE) = x THEN format_string('%.15e', x) ELSE format_string('%.16e', x) END END END END END) END;

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

-- powerofficego.Contactperson
CREATE TABLE d0_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw0 WHERE true;
CREATE TABLE d0 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, n8, v8, n9, v9, n10, v10, n11, v11, n12, v12, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, n8, os_raw(n8) AS v8, n9, os_raw(n9) AS v9, n10, os_raw(n10) AS v10, n11, os_raw(n11) AS v11, n12, os_raw(n12) AS v12, os_instant(os_raw(n2)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''emailAddress'']', 'variant') AS n0, try_variant_get(rec, '$[''residenceCountryCode'']', 'variant') AS n1, try_variant_get(rec, '$[''lastChanged'']', 'variant') AS n2, try_variant_get(rec, '$[''partyId'']', 'variant') AS n3, try_variant_get(rec, '$[''firstName'']', 'variant') AS n4, try_variant_get(rec, '$[''lastName'']', 'variant') AS n5, try_variant_get(rec, '$[''phoneNumber'']', 'variant') AS n6, try_variant_get(rec, '$[''city'']', 'variant') AS n7, try_variant_get(rec, '$[''dateOfBirth'']', 'variant') AS n8, try_variant_get(rec, '$[''SocialSecurityNumber'']', 'variant') AS n9, try_variant_get(rec, '$[''address1'']', 'variant') AS n10, try_variant_get(rec, '$[''id'']', 'variant') AS n11, try_variant_get(rec, '$[''zipCode'']', 'variant') AS n12 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d0_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d0_invalid AS SELECT (SELECT count(*) FROM d0_read) - (SELECT count(*) FROM d0)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Contactperson'), 0) AS invalid;
DROP TABLE d0_read;
DROP TABLE raw0;

-- powerofficego.Customers
CREATE TABLE d1_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw1 WHERE lower(os_raw(try_variant_get(rec, '$[''IsPerson'']', 'variant'))) = 'false';
CREATE TABLE d1 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, n8, v8, n9, v9, n10, v10, n11, v11, n12, v12, n13, v13, n14, v14, n15, v15, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, n8, os_raw(n8) AS v8, n9, os_raw(n9) AS v9, n10, os_raw(n10) AS v10, n11, os_raw(n11) AS v11, n12, os_raw(n12) AS v12, n13, os_raw(n13) AS v13, n14, os_raw(n14) AS v14, n15, os_raw(n15) AS v15, os_instant(os_raw(n1)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''Name'']', 'variant') AS n0, try_variant_get(rec, '$[''LastChangedDateTimeOffset'']', 'variant') AS n1, try_variant_get(rec, '$[''EmailAddress'']', 'variant') AS n2, try_variant_get(rec, '$[''DateOfBirth'']', 'variant') AS n3, try_variant_get(rec, '$[''FirstName'']', 'variant') AS n4, try_variant_get(rec, '$[''Id'']', 'variant') AS n5, try_variant_get(rec, '$[''LastName'']', 'variant') AS n6, coalesce(try_variant_get(rec, '$[''MailAddress''][''AddressLine1'']', 'variant'), try_variant_get(rec, '$[''MailAddress.AddressLine1'']', 'variant')) AS n7, coalesce(try_variant_get(rec, '$[''MailAddress''][''City'']', 'variant'), try_variant_get(rec, '$[''MailAddress.City'']', 'variant')) AS n8, coalesce(try_variant_get(rec, '$[''MailAddress''][''ZipCode'']', 'variant'), try_variant_get(rec, '$[''MailAddress.ZipCode'']', 'variant')) AS n9, coalesce(try_variant_get(rec, '$[''MailAddress''][''AddressLine2'']', 'variant'), try_variant_get(rec, '$[''MailAddress.AddressLine2'']', 'variant')) AS n10, try_variant_get(rec, '$[''Number'']', 'variant') AS n11, coalesce(try_variant_get(rec, '$[''OrganizationNumber (Dependant on having NO in MailAddress''][''CountryCode)'']', 'variant'), try_variant_get(rec, '$[''OrganizationNumber (Dependant on having NO in MailAddress.CountryCode)'']', 'variant')) AS n12, coalesce(try_variant_get(rec, '$[''OrganizationNumber (Dependant on having wd:Q852835 in MailAddress''][''CountryCode)'']', 'variant'), try_variant_get(rec, '$[''OrganizationNumber (Dependant on having wd:Q852835 in MailAddress.CountryCode)'']', 'variant')) AS n13, try_variant_get(rec, '$[''PhoneNumber'']', 'variant') AS n14, try_variant_get(rec, '$[''WebsiteUrl'']', 'variant') AS n15 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d1_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d1_invalid AS SELECT (SELECT count(*) FROM d1_read) - (SELECT count(*) FROM d1)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Customers'), 0) AS invalid;
DROP TABLE d1_read;
DROP TABLE raw1;

-- powerofficego.Customers person
CREATE TABLE d2_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw2 WHERE lower(os_raw(try_variant_get(rec, '$[''IsPerson'']', 'variant'))) = 'true';
CREATE TABLE d2 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, os_instant(os_raw(n2)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''EmailAddress'']', 'variant') AS n0, coalesce(try_variant_get(rec, '$[''MailAddress''][''CountryCode'']', 'variant'), try_variant_get(rec, '$[''MailAddress.CountryCode'']', 'variant')) AS n1, try_variant_get(rec, '$[''LastChangedDateTimeOffset'']', 'variant') AS n2, try_variant_get(rec, '$[''FirstName'']', 'variant') AS n3, try_variant_get(rec, '$[''LastName'']', 'variant') AS n4, try_variant_get(rec, '$[''PhoneNumber'']', 'variant') AS n5 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d2_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d2_invalid AS SELECT (SELECT count(*) FROM d2_read) - (SELECT count(*) FROM d2)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Customers person'), 0) AS invalid;
DROP TABLE d2_read;
DROP TABLE raw2;

-- powerofficego.Suppliers person
CREATE TABLE d3_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw3 WHERE lower(os_raw(try_variant_get(rec, '$[''IsPerson'']', 'variant'))) = 'true';
CREATE TABLE d3 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, os_instant(os_raw(n3)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''FirstName'']', 'variant') AS n0, try_variant_get(rec, '$[''LastName'']', 'variant') AS n1, try_variant_get(rec, '$[''PhoneNumber'']', 'variant') AS n2, try_variant_get(rec, '$[''LastChangedDateTimeOffset'']', 'variant') AS n3, try_variant_get(rec, '$[''DateOfBirth'']', 'variant') AS n4, try_variant_get(rec, '$[''EmailAddress'']', 'variant') AS n5, coalesce(try_variant_get(rec, '$[''MailAddress''][''City'']', 'variant'), try_variant_get(rec, '$[''MailAddress.City'']', 'variant')) AS n6, coalesce(try_variant_get(rec, '$[''MailAddress''][''CountryCode'']', 'variant'), try_variant_get(rec, '$[''MailAddress.CountryCode'']', 'variant')) AS n7 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d3_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d3_invalid AS SELECT (SELECT count(*) FROM d3_read) - (SELECT count(*) FROM d3)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Suppliers person'), 0) AS invalid;
DROP TABLE d3_read;
DROP TABLE raw3;

-- powerofficego.Employees
CREATE TABLE d4_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw4 WHERE true;
CREATE TABLE d4 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, n8, v8, n9, v9, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, n8, os_raw(n8) AS v8, n9, os_raw(n9) AS v9, os_instant(os_raw(n3)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''FirstName'']', 'variant') AS n0, try_variant_get(rec, '$[''LastName'']', 'variant') AS n1, try_variant_get(rec, '$[''PhoneNumber'']', 'variant') AS n2, try_variant_get(rec, '$[''LastChangedDateTimeOffset'']', 'variant') AS n3, try_variant_get(rec, '$[''DepartmentId'']', 'variant') AS n4, try_variant_get(rec, '$[''Number'']', 'variant') AS n5, try_variant_get(rec, '$[''DateOfBirth'']', 'variant') AS n6, try_variant_get(rec, '$[''EmailAddress'']', 'variant') AS n7, try_variant_get(rec, '$[''IsArchived'']', 'variant') AS n8, try_variant_get(rec, '$[''JobTitle'']', 'variant') AS n9 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d4_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d4_invalid AS SELECT (SELECT count(*) FROM d4_read) - (SELECT count(*) FROM d4)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Employees'), 0) AS invalid;
DROP TABLE d4_read;
DROP TABLE raw4;

-- powerofficego.Departments
CREATE TABLE d5_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw5 WHERE true;
CREATE TABLE d5 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, os_instant(os_raw(n1)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''Name'']', 'variant') AS n0, try_variant_get(rec, '$[''LastChangedDateTimeOffset'']', 'variant') AS n1, try_variant_get(rec, '$[''Code'']', 'variant') AS n2, try_variant_get(rec, '$[''IsActive'']', 'variant') AS n3 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d5_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d5_invalid AS SELECT (SELECT count(*) FROM d5_read) - (SELECT count(*) FROM d5)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Departments'), 0) AS invalid;
DROP TABLE d5_read;
DROP TABLE raw5;

-- powerofficego.Customers (organisation data)
CREATE TABLE d6_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw6 WHERE true;
CREATE TABLE d6 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id FROM (
    SELECT ord, id FROM (
        SELECT ord, id FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d6_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d6_invalid AS SELECT (SELECT count(*) FROM d6_read) - (SELECT count(*) FROM d6)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Customers (organisation data)'), 0) AS invalid;
DROP TABLE d6_read;
DROP TABLE raw6;

-- powerofficego.Projects
CREATE TABLE d7_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw7 WHERE true;
CREATE TABLE d7 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, n8, v8, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, n8, os_raw(n8) AS v8, os_instant(os_raw(n3)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''Name'']', 'variant') AS n0, try_variant_get(rec, '$[''ProjectManagerEmployeeId'']', 'variant') AS n1, try_variant_get(rec, '$[''StartDate'']', 'variant') AS n2, try_variant_get(rec, '$[''LastChangedDateTimeOffset'']', 'variant') AS n3, try_variant_get(rec, '$[''CustomerId'']', 'variant') AS n4, try_variant_get(rec, '$[''DepartmentId'']', 'variant') AS n5, try_variant_get(rec, '$[''EndDate'']', 'variant') AS n6, try_variant_get(rec, '$[''IsActive'']', 'variant') AS n7, try_variant_get(rec, '$[''IsInternal'']', 'variant') AS n8 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d7_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d7_invalid AS SELECT (SELECT count(*) FROM d7_read) - (SELECT count(*) FROM d7)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Projects'), 0) AS invalid;
DROP TABLE d7_read;
DROP TABLE raw7;

-- powerofficego.Product
CREATE TABLE d8_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw8 WHERE true;
CREATE TABLE d8 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, os_instant(os_raw(n0)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''lastChanged'']', 'variant') AS n0 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d8_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d8_invalid AS SELECT (SELECT count(*) FROM d8_read) - (SELECT count(*) FROM d8)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Product'), 0) AS invalid;
DROP TABLE d8_read;
DROP TABLE raw8;

-- powerofficego.Productgroup
CREATE TABLE d9_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw9 WHERE true;
CREATE TABLE d9 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, os_instant(os_raw(n0)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''lastChanged'']', 'variant') AS n0 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d9_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d9_invalid AS SELECT (SELECT count(*) FROM d9_read) - (SELECT count(*) FROM d9)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Productgroup'), 0) AS invalid;
DROP TABLE d9_read;
DROP TABLE raw9;

-- powerofficego.Currency
CREATE TABLE d10_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''code'']', 'variant'))) AS id, rec FROM raw10 WHERE true;
CREATE TABLE d10 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id FROM (
    SELECT ord, id FROM (
        SELECT ord, id FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d10_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d10_invalid AS SELECT (SELECT count(*) FROM d10_read) - (SELECT count(*) FROM d10)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'powerofficego.Currency'), 0) AS invalid;
DROP TABLE d10_read;
DROP TABLE raw10;

-- youtrack.Users
CREATE TABLE d11_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw11 WHERE true;
CREATE TABLE d11 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2 FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2 FROM (
        SELECT ord, id, coalesce(try_variant_get(rec, '$[''profile''][''email''][''email'']', 'variant'), try_variant_get(rec, '$[''profile.email.email'']', 'variant')) AS n0, coalesce(try_variant_get(rec, '$[''profile''][''email'']', 'variant'), try_variant_get(rec, '$[''profile.email'']', 'variant')) AS n1, coalesce(try_variant_get(rec, '$[''userType''][''id'']', 'variant'), try_variant_get(rec, '$[''userType.id'']', 'variant')) AS n2 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d11_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d11_invalid AS SELECT (SELECT count(*) FROM d11_read) - (SELECT count(*) FROM d11)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'youtrack.Users'), 0) AS invalid;
DROP TABLE d11_read;
DROP TABLE raw11;

-- youtrack.Groups
CREATE TABLE d12_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw12 WHERE true;
CREATE TABLE d12 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0 FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0 FROM (
        SELECT ord, id, try_variant_get(rec, '$[''name'']', 'variant') AS n0 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d12_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d12_invalid AS SELECT (SELECT count(*) FROM d12_read) - (SELECT count(*) FROM d12)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'youtrack.Groups'), 0) AS invalid;
DROP TABLE d12_read;
DROP TABLE raw12;

-- youtrack.Organizationroles
CREATE TABLE d13_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw13 WHERE true;
CREATE TABLE d13 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id FROM (
    SELECT ord, id FROM (
        SELECT ord, id FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d13_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d13_invalid AS SELECT (SELECT count(*) FROM d13_read) - (SELECT count(*) FROM d13)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'youtrack.Organizationroles'), 0) AS invalid;
DROP TABLE d13_read;
DROP TABLE raw13;

-- zendesk.Users
CREATE TABLE d14_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw14 WHERE true;
CREATE TABLE d14 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, os_instant(os_raw(n2)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''email'']', 'variant') AS n0, try_variant_get(rec, '$[''organization_id'']', 'variant') AS n1, try_variant_get(rec, '$[''updated_at'']', 'variant') AS n2, try_variant_get(rec, '$[''external_id'']', 'variant') AS n3 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d14_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d14_invalid AS SELECT (SELECT count(*) FROM d14_read) - (SELECT count(*) FROM d14)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'zendesk.Users'), 0) AS invalid;
DROP TABLE d14_read;
DROP TABLE raw14;

-- zendesk.Organizations
CREATE TABLE d15_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw15 WHERE true;
CREATE TABLE d15 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, os_instant(os_raw(n1)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''name'']', 'variant') AS n0, try_variant_get(rec, '$[''updated_at'']', 'variant') AS n1, try_variant_get(rec, '$[''external_id'']', 'variant') AS n2 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d15_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d15_invalid AS SELECT (SELECT count(*) FROM d15_read) - (SELECT count(*) FROM d15)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'zendesk.Organizations'), 0) AS invalid;
DROP TABLE d15_read;
DROP TABLE raw15;

-- crmoffice.Contacts
CREATE TABLE d16_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw16 WHERE true;
CREATE TABLE d16 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, os_instant(os_raw(n3)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''givenName'']', 'variant') AS n0, try_variant_get(rec, '$[''familyName'']', 'variant') AS n1, try_variant_get(rec, '$[''directPhone'']', 'variant') AS n2, try_variant_get(rec, '$[''updatedAt'']', 'variant') AS n3, try_variant_get(rec, '$[''externalId'']', 'variant') AS n4, try_variant_get(rec, '$[''mobilePhone'']', 'variant') AS n5 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d16_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d16_invalid AS SELECT (SELECT count(*) FROM d16_read) - (SELECT count(*) FROM d16)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'crmoffice.Contacts'), 0) AS invalid;
DROP TABLE d16_read;
DROP TABLE raw16;

-- crmoffice.Companies
CREATE TABLE d17_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw17 WHERE true;
CREATE TABLE d17 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, os_instant(os_raw(n0)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''updatedAt'']', 'variant') AS n0, try_variant_get(rec, '$[''externalId'']', 'variant') AS n1 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d17_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d17_invalid AS SELECT (SELECT count(*) FROM d17_read) - (SELECT count(*) FROM d17)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'crmoffice.Companies'), 0) AS invalid;
DROP TABLE d17_read;
DROP TABLE raw17;

-- crmoffice.Activities
CREATE TABLE d18_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''id'']', 'variant'))) AS id, rec FROM raw18 WHERE true;
CREATE TABLE d18 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, os_instant(os_raw(n3)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''subject'']', 'variant') AS n0, try_variant_get(rec, '$[''ownerId'']', 'variant') AS n1, try_variant_get(rec, '$[''startsAt'']', 'variant') AS n2, try_variant_get(rec, '$[''updatedAt'']', 'variant') AS n3, try_variant_get(rec, '$[''externalId'']', 'variant') AS n4 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d18_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d18_invalid AS SELECT (SELECT count(*) FROM d18_read) - (SELECT count(*) FROM d18)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'crmoffice.Activities'), 0) AS invalid;
DROP TABLE d18_read;
DROP TABLE raw18;

-- exact.Contacts
CREATE TABLE d19_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''ID'']', 'variant'))) AS id, rec FROM raw19 WHERE true;
CREATE TABLE d19 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, os_instant(os_raw(n7)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''City'']', 'variant') AS n0, try_variant_get(rec, '$[''BirthDate'']', 'variant') AS n1, try_variant_get(rec, '$[''Email'']', 'variant') AS n2, try_variant_get(rec, '$[''FirstName'']', 'variant') AS n3, try_variant_get(rec, '$[''LastName'']', 'variant') AS n4, try_variant_get(rec, '$[''Phone'']', 'variant') AS n5, try_variant_get(rec, '$[''Country'']', 'variant') AS n6, try_variant_get(rec, '$[''Modified'']', 'variant') AS n7 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d19_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d19_invalid AS SELECT (SELECT count(*) FROM d19_read) - (SELECT count(*) FROM d19)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'exact.Contacts'), 0) AS invalid;
DROP TABLE d19_read;
DROP TABLE raw19;

-- custompms.Customer
CREATE TABLE d20_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''customer_id'']', 'variant'))) AS id, rec FROM raw20 WHERE true;
CREATE TABLE d20 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, os_instant(os_raw(n0)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''updated'']', 'variant') AS n0 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d20_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d20_invalid AS SELECT (SELECT count(*) FROM d20_read) - (SELECT count(*) FROM d20)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'custompms.Customer'), 0) AS invalid;
DROP TABLE d20_read;
DROP TABLE raw20;

-- custompms.Project
CREATE TABLE d21_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''project_id'']', 'variant'))) AS id, rec FROM raw21 WHERE true;
CREATE TABLE d21 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, stamp FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, os_instant(os_raw(n0)) AS stamp FROM (
        SELECT ord, id, try_variant_get(rec, '$[''updated'']', 'variant') AS n0 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d21_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d21_invalid AS SELECT (SELECT count(*) FROM d21_read) - (SELECT count(*) FROM d21)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'custompms.Project'), 0) AS invalid;
DROP TABLE d21_read;
DROP TABLE raw21;

-- tidsbanken.Kunde
CREATE TABLE d22_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw22 WHERE true;
CREATE TABLE d22 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, n8, v8, n9, v9, n10, v10, n11, v11, n12, v12, n13, v13, n14, v14 FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, n8, os_raw(n8) AS v8, n9, os_raw(n9) AS v9, n10, os_raw(n10) AS v10, n11, os_raw(n11) AS v11, n12, os_raw(n12) AS v12, n13, os_raw(n13) AS v13, n14, os_raw(n14) AS v14 FROM (
        SELECT ord, id, try_variant_get(rec, '$[''Epost'']', 'variant') AS n0, try_variant_get(rec, '$[''Id'']', 'variant') AS n1, try_variant_get(rec, '$[''Gateadresse'']', 'variant') AS n2, try_variant_get(rec, '$[''Leveringsadresse'']', 'variant') AS n3, try_variant_get(rec, '$[''Leveringsadresse2'']', 'variant') AS n4, try_variant_get(rec, '$[''Postadresse'']', 'variant') AS n5, try_variant_get(rec, '$[''LevPoststed'']', 'variant') AS n6, try_variant_get(rec, '$[''Poststed'']', 'variant') AS n7, try_variant_get(rec, '$[''LevPostNr'']', 'variant') AS n8, try_variant_get(rec, '$[''Postnr'']', 'variant') AS n9, try_variant_get(rec, '$[''Navn'']', 'variant') AS n10, try_variant_get(rec, '$[''sesam_kundeId'']', 'variant') AS n11, try_variant_get(rec, '$[''Organisasjonsnummer'']', 'variant') AS n12, try_variant_get(rec, '$[''Telefon'']', 'variant') AS n13, try_variant_get(rec, '$[''Url'']', 'variant') AS n14 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d22_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d22_invalid AS SELECT (SELECT count(*) FROM d22_read) - (SELECT count(*) FROM d22)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'tidsbanken.Kunde'), 0) AS invalid;
DROP TABLE d22_read;
DROP TABLE raw22;

-- tidsbanken.Avdeling
CREATE TABLE d23_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw23 WHERE true;
CREATE TABLE d23 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3 FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3 FROM (
        SELECT ord, id, try_variant_get(rec, '$[''Id'']', 'variant') AS n0, try_variant_get(rec, '$[''sesam_avdelingId'']', 'variant') AS n1, try_variant_get(rec, '$[''Synlig'']', 'variant') AS n2, try_variant_get(rec, '$[''Navn'']', 'variant') AS n3 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d23_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d23_invalid AS SELECT (SELECT count(*) FROM d23_read) - (SELECT count(*) FROM d23)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'tidsbanken.Avdeling'), 0) AS invalid;
DROP TABLE d23_read;
DROP TABLE raw23;

-- tidsbanken.Ansatt
CREATE TABLE d24_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw24 WHERE true;
CREATE TABLE d24 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7, n8, v8, n9, v9, n10, v10, n11, v11, n12, v12, n13, v13 FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7, n8, os_raw(n8) AS v8, n9, os_raw(n9) AS v9, n10, os_raw(n10) AS v10, n11, os_raw(n11) AS v11, n12, os_raw(n12) AS v12, n13, os_raw(n13) AS v13 FROM (
        SELECT ord, id, try_variant_get(rec, '$[''Epost'']', 'variant') AS n0, try_variant_get(rec, '$[''Personnummer'']', 'variant') AS n1, try_variant_get(rec, '$[''Adresse'']', 'variant') AS n2, try_variant_get(rec, '$[''Poststed'']', 'variant') AS n3, try_variant_get(rec, '$[''Fodt'']', 'variant') AS n4, try_variant_get(rec, '$[''Fornavn'']', 'variant') AS n5, try_variant_get(rec, '$[''Id'']', 'variant') AS n6, try_variant_get(rec, '$[''Etternavn'']', 'variant') AS n7, try_variant_get(rec, '$[''Postnummer'']', 'variant') AS n8, try_variant_get(rec, '$[''AvdelingId'']', 'variant') AS n9, try_variant_get(rec, '$[''Aktiv'']', 'variant') AS n10, try_variant_get(rec, '$[''Tittel'']', 'variant') AS n11, try_variant_get(rec, '$[''sesam_ansattId'']', 'variant') AS n12, try_variant_get(rec, '$[''Mobil'']', 'variant') AS n13 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d24_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d24_invalid AS SELECT (SELECT count(*) FROM d24_read) - (SELECT count(*) FROM d24)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'tidsbanken.Ansatt'), 0) AS invalid;
DROP TABLE d24_read;
DROP TABLE raw24;

-- tidsbanken.Prosjekt
CREATE TABLE d25_read AS SELECT ord, os_trim(os_raw(try_variant_get(rec, '$[''Id'']', 'variant'))) AS id, rec FROM raw25 WHERE true;
CREATE TABLE d25 AS SELECT row_number() OVER (ORDER BY ord) AS rid, id, n0, v0, n1, v1, n2, v2, n3, v3, n4, v4, n5, v5, n6, v6, n7, v7 FROM (
    SELECT ord, id, n0, os_raw(n0) AS v0, n1, os_raw(n1) AS v1, n2, os_raw(n2) AS v2, n3, os_raw(n3) AS v3, n4, os_raw(n4) AS v4, n5, os_raw(n5) AS v5, n6, os_raw(n6) AS v6, n7, os_raw(n7) AS v7 FROM (
        SELECT ord, id, try_variant_get(rec, '$[''KundeId'']', 'variant') AS n0, try_variant_get(rec, '$[''AvdelingId'']', 'variant') AS n1, try_variant_get(rec, '$[''AvsluttetDato'']', 'variant') AS n2, try_variant_get(rec, '$[''Avsluttet'']', 'variant') AS n3, try_variant_get(rec, '$[''InterntProsjekt'']', 'variant') AS n4, try_variant_get(rec, '$[''Navn'']', 'variant') AS n5, try_variant_get(rec, '$[''AnsvarligId'']', 'variant') AS n6, try_variant_get(rec, '$[''StartDato'']', 'variant') AS n7 FROM (
            SELECT ord, id, rec FROM (
                SELECT ord, id, rec, row_number() OVER (PARTITION BY id ORDER BY ord) AS nth FROM d25_read WHERE id IS NOT NULL AND id <> '')
            WHERE nth = 1)));
CREATE TABLE d25_invalid AS SELECT (SELECT count(*) FROM d25_read) - (SELECT count(*) FROM d25)
    + coalesce((SELECT sum(rows) FROM skipped WHERE dataset = 'tidsbanken.Prosjekt'), 0) AS invalid;
DROP TABLE d25_read;
DROP TABLE raw25;

-- flow 0: powerofficego.Contactperson -> youtrack.Users
CREATE TABLE f0_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d0 s ON s.id = l.source_id LEFT JOIN d11 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Contactperson -> youtrack.Users';
CREATE TABLE f0_orphan AS SELECT * FROM f0_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f0_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f0_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f0_held_s AS SELECT s FROM f0_remembered UNION SELECT s FROM f0_orphan WHERE s IS NOT NULL;
CREATE TABLE f0_held_t AS SELECT t FROM f0_remembered UNION SELECT t FROM f0_orphan WHERE t IS NOT NULL;
CREATE TABLE f0_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f0_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f0_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d0) WHERE key IS NOT NULL;
CREATE TABLE f0_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d11) WHERE key IS NOT NULL;
CREATE TABLE f0_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f0_sk) WHERE n > 1;
CREATE TABLE f0_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f0_tk) WHERE n > 1;
CREATE TABLE f0_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f0_sk sk JOIN f0_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f0_corr) AND sk.rid NOT IN (SELECT s FROM f0_notsel)
    AND sk.rid NOT IN (SELECT s FROM f0_held_s)
    AND tk.rid NOT IN (SELECT t FROM f0_corr) AND tk.rid NOT IN (SELECT t FROM f0_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f0_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f0_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f0_amb AS SELECT DISTINCT s FROM f0_cand WHERE s NOT IN (SELECT s FROM f0_merge);
CREATE TABLE f0_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f0_remembered
UNION ALL SELECT s, t, 'correlation' FROM f0_corr UNION ALL SELECT s, t, 'merged' FROM f0_merge;
CREATE TABLE f0_left AS SELECT rid AS s FROM d0
WHERE rid NOT IN (SELECT s FROM f0_pairs0) AND rid NOT IN (SELECT s FROM f0_amb) AND rid NOT IN (SELECT s FROM f0_notsel)
    AND rid NOT IN (SELECT s FROM f0_held_s);
CREATE TABLE f0_creates0 AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f0_unmatched AS SELECT s FROM f0_left;

-- flow 1: powerofficego.Customers person -> youtrack.Users
CREATE TABLE f1_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d2 s ON s.id = l.source_id LEFT JOIN d11 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers person -> youtrack.Users';
CREATE TABLE f1_orphan AS SELECT * FROM f1_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f1_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f1_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f1_held_s AS SELECT s FROM f1_remembered UNION SELECT s FROM f1_orphan WHERE s IS NOT NULL;
CREATE TABLE f1_held_t AS SELECT t FROM f1_remembered UNION SELECT t FROM f1_orphan WHERE t IS NOT NULL;
CREATE TABLE f1_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f1_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f1_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d2) WHERE key IS NOT NULL;
CREATE TABLE f1_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d11) WHERE key IS NOT NULL;
CREATE TABLE f1_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f1_sk) WHERE n > 1;
CREATE TABLE f1_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f1_tk) WHERE n > 1;
CREATE TABLE f1_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f1_sk sk JOIN f1_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f1_corr) AND sk.rid NOT IN (SELECT s FROM f1_notsel)
    AND sk.rid NOT IN (SELECT s FROM f1_held_s)
    AND tk.rid NOT IN (SELECT t FROM f1_corr) AND tk.rid NOT IN (SELECT t FROM f1_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f1_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f1_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f1_amb AS SELECT DISTINCT s FROM f1_cand WHERE s NOT IN (SELECT s FROM f1_merge);
CREATE TABLE f1_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f1_remembered
UNION ALL SELECT s, t, 'correlation' FROM f1_corr UNION ALL SELECT s, t, 'merged' FROM f1_merge;
CREATE TABLE f1_left AS SELECT rid AS s FROM d2
WHERE rid NOT IN (SELECT s FROM f1_pairs0) AND rid NOT IN (SELECT s FROM f1_amb) AND rid NOT IN (SELECT s FROM f1_notsel)
    AND rid NOT IN (SELECT s FROM f1_held_s);
CREATE TABLE f1_creates0 AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f1_unmatched AS SELECT s FROM f1_left;

-- flow 2: powerofficego.Currency -> youtrack.Organizationroles
CREATE TABLE f2_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d10 s ON s.id = l.source_id LEFT JOIN d13 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Currency -> youtrack.Organizationroles';
CREATE TABLE f2_orphan AS SELECT * FROM f2_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f2_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f2_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f2_held_s AS SELECT s FROM f2_remembered UNION SELECT s FROM f2_orphan WHERE s IS NOT NULL;
CREATE TABLE f2_held_t AS SELECT t FROM f2_remembered UNION SELECT t FROM f2_orphan WHERE t IS NOT NULL;
CREATE TABLE f2_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f2_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f2_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f2_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f2_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f2_sk) WHERE n > 1;
CREATE TABLE f2_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f2_tk) WHERE n > 1;
CREATE TABLE f2_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f2_sk sk JOIN f2_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f2_corr) AND sk.rid NOT IN (SELECT s FROM f2_notsel)
    AND sk.rid NOT IN (SELECT s FROM f2_held_s)
    AND tk.rid NOT IN (SELECT t FROM f2_corr) AND tk.rid NOT IN (SELECT t FROM f2_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f2_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f2_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f2_amb AS SELECT DISTINCT s FROM f2_cand WHERE s NOT IN (SELECT s FROM f2_merge);
CREATE TABLE f2_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f2_remembered
UNION ALL SELECT s, t, 'correlation' FROM f2_corr UNION ALL SELECT s, t, 'merged' FROM f2_merge;
CREATE TABLE f2_left AS SELECT rid AS s FROM d10
WHERE rid NOT IN (SELECT s FROM f2_pairs0) AND rid NOT IN (SELECT s FROM f2_amb) AND rid NOT IN (SELECT s FROM f2_notsel)
    AND rid NOT IN (SELECT s FROM f2_held_s);
CREATE TABLE f2_creates0 AS SELECT s FROM f2_left;
CREATE TABLE f2_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 3: powerofficego.Customers -> youtrack.Groups
CREATE TABLE f3_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d1 s ON s.id = l.source_id LEFT JOIN d12 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers -> youtrack.Groups';
CREATE TABLE f3_orphan AS SELECT * FROM f3_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f3_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f3_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f3_held_s AS SELECT s FROM f3_remembered UNION SELECT s FROM f3_orphan WHERE s IS NOT NULL;
CREATE TABLE f3_held_t AS SELECT t FROM f3_remembered UNION SELECT t FROM f3_orphan WHERE t IS NOT NULL;
CREATE TABLE f3_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f3_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f3_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f3_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f3_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f3_sk) WHERE n > 1;
CREATE TABLE f3_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f3_tk) WHERE n > 1;
CREATE TABLE f3_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f3_sk sk JOIN f3_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f3_corr) AND sk.rid NOT IN (SELECT s FROM f3_notsel)
    AND sk.rid NOT IN (SELECT s FROM f3_held_s)
    AND tk.rid NOT IN (SELECT t FROM f3_corr) AND tk.rid NOT IN (SELECT t FROM f3_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f3_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f3_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f3_amb AS SELECT DISTINCT s FROM f3_cand WHERE s NOT IN (SELECT s FROM f3_merge);
CREATE TABLE f3_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f3_remembered
UNION ALL SELECT s, t, 'correlation' FROM f3_corr UNION ALL SELECT s, t, 'merged' FROM f3_merge;
CREATE TABLE f3_left AS SELECT rid AS s FROM d1
WHERE rid NOT IN (SELECT s FROM f3_pairs0) AND rid NOT IN (SELECT s FROM f3_amb) AND rid NOT IN (SELECT s FROM f3_notsel)
    AND rid NOT IN (SELECT s FROM f3_held_s);
CREATE TABLE f3_creates0 AS SELECT s FROM f3_left;
CREATE TABLE f3_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 4: powerofficego.Departments -> youtrack.Groups
CREATE TABLE f4_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d5 s ON s.id = l.source_id LEFT JOIN d12 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Departments -> youtrack.Groups';
CREATE TABLE f4_orphan AS SELECT * FROM f4_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f4_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f4_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f4_held_s AS SELECT s FROM f4_remembered UNION SELECT s FROM f4_orphan WHERE s IS NOT NULL;
CREATE TABLE f4_held_t AS SELECT t FROM f4_remembered UNION SELECT t FROM f4_orphan WHERE t IS NOT NULL;
CREATE TABLE f4_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f4_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f4_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f4_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f4_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f4_sk) WHERE n > 1;
CREATE TABLE f4_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f4_tk) WHERE n > 1;
CREATE TABLE f4_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f4_sk sk JOIN f4_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f4_corr) AND sk.rid NOT IN (SELECT s FROM f4_notsel)
    AND sk.rid NOT IN (SELECT s FROM f4_held_s)
    AND tk.rid NOT IN (SELECT t FROM f4_corr) AND tk.rid NOT IN (SELECT t FROM f4_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f4_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f4_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f4_amb AS SELECT DISTINCT s FROM f4_cand WHERE s NOT IN (SELECT s FROM f4_merge);
CREATE TABLE f4_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f4_remembered
UNION ALL SELECT s, t, 'correlation' FROM f4_corr UNION ALL SELECT s, t, 'merged' FROM f4_merge;
CREATE TABLE f4_left AS SELECT rid AS s FROM d5
WHERE rid NOT IN (SELECT s FROM f4_pairs0) AND rid NOT IN (SELECT s FROM f4_amb) AND rid NOT IN (SELECT s FROM f4_notsel)
    AND rid NOT IN (SELECT s FROM f4_held_s);
CREATE TABLE f4_creates0 AS SELECT s FROM f4_left;
CREATE TABLE f4_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 5: powerofficego.Productgroup -> youtrack.Organizationroles
CREATE TABLE f5_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d9 s ON s.id = l.source_id LEFT JOIN d13 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Productgroup -> youtrack.Organizationroles';
CREATE TABLE f5_orphan AS SELECT * FROM f5_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f5_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f5_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f5_held_s AS SELECT s FROM f5_remembered UNION SELECT s FROM f5_orphan WHERE s IS NOT NULL;
CREATE TABLE f5_held_t AS SELECT t FROM f5_remembered UNION SELECT t FROM f5_orphan WHERE t IS NOT NULL;
CREATE TABLE f5_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f5_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f5_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f5_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f5_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f5_sk) WHERE n > 1;
CREATE TABLE f5_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f5_tk) WHERE n > 1;
CREATE TABLE f5_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f5_sk sk JOIN f5_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f5_corr) AND sk.rid NOT IN (SELECT s FROM f5_notsel)
    AND sk.rid NOT IN (SELECT s FROM f5_held_s)
    AND tk.rid NOT IN (SELECT t FROM f5_corr) AND tk.rid NOT IN (SELECT t FROM f5_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f5_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f5_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f5_amb AS SELECT DISTINCT s FROM f5_cand WHERE s NOT IN (SELECT s FROM f5_merge);
CREATE TABLE f5_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f5_remembered
UNION ALL SELECT s, t, 'correlation' FROM f5_corr UNION ALL SELECT s, t, 'merged' FROM f5_merge;
CREATE TABLE f5_left AS SELECT rid AS s FROM d9
WHERE rid NOT IN (SELECT s FROM f5_pairs0) AND rid NOT IN (SELECT s FROM f5_amb) AND rid NOT IN (SELECT s FROM f5_notsel)
    AND rid NOT IN (SELECT s FROM f5_held_s);
CREATE TABLE f5_creates0 AS SELECT s FROM f5_left;
CREATE TABLE f5_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 6: powerofficego.Contactperson -> zendesk.Users
CREATE TABLE f6_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d0 s ON s.id = l.source_id LEFT JOIN d14 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Contactperson -> zendesk.Users';
CREATE TABLE f6_orphan AS SELECT * FROM f6_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f6_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f6_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f6_held_s AS SELECT s FROM f6_remembered UNION SELECT s FROM f6_orphan WHERE s IS NOT NULL;
CREATE TABLE f6_held_t AS SELECT t FROM f6_remembered UNION SELECT t FROM f6_orphan WHERE t IS NOT NULL;
CREATE TABLE f6_corr AS SELECT s.rid AS s, c.t FROM d0 s JOIN (
    SELECT substr(v, 37) AS sid, max(rid) AS t
    FROM (SELECT rid, v3 AS v FROM d14 WHERE rid NOT IN (SELECT t FROM f6_held_t))
    WHERE left(v, 36) = 'offsync:powerofficego/Contactperson/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f6_held_s);
CREATE TABLE f6_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f6_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d0) WHERE key IS NOT NULL;
CREATE TABLE f6_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d14) WHERE key IS NOT NULL;
CREATE TABLE f6_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f6_sk) WHERE n > 1;
CREATE TABLE f6_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f6_tk) WHERE n > 1;
CREATE TABLE f6_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f6_sk sk JOIN f6_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f6_corr) AND sk.rid NOT IN (SELECT s FROM f6_notsel)
    AND sk.rid NOT IN (SELECT s FROM f6_held_s)
    AND tk.rid NOT IN (SELECT t FROM f6_corr) AND tk.rid NOT IN (SELECT t FROM f6_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f6_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f6_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f6_amb AS SELECT DISTINCT s FROM f6_cand WHERE s NOT IN (SELECT s FROM f6_merge);
CREATE TABLE f6_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f6_remembered
UNION ALL SELECT s, t, 'correlation' FROM f6_corr UNION ALL SELECT s, t, 'merged' FROM f6_merge;
CREATE TABLE f6_left AS SELECT rid AS s FROM d0
WHERE rid NOT IN (SELECT s FROM f6_pairs0) AND rid NOT IN (SELECT s FROM f6_amb) AND rid NOT IN (SELECT s FROM f6_notsel)
    AND rid NOT IN (SELECT s FROM f6_held_s);
CREATE TABLE f6_creates0 AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f6_unmatched AS SELECT s FROM f6_left;

-- flow 7: powerofficego.Customers person -> zendesk.Users
CREATE TABLE f7_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d2 s ON s.id = l.source_id LEFT JOIN d14 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers person -> zendesk.Users';
CREATE TABLE f7_orphan AS SELECT * FROM f7_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f7_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f7_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f7_held_s AS SELECT s FROM f7_remembered UNION SELECT s FROM f7_orphan WHERE s IS NOT NULL;
CREATE TABLE f7_held_t AS SELECT t FROM f7_remembered UNION SELECT t FROM f7_orphan WHERE t IS NOT NULL;
CREATE TABLE f7_corr AS SELECT s.rid AS s, c.t FROM d2 s JOIN (
    SELECT substr(v, 40) AS sid, max(rid) AS t
    FROM (SELECT rid, v3 AS v FROM d14 WHERE rid NOT IN (SELECT t FROM f7_held_t))
    WHERE left(v, 39) = 'offsync:powerofficego/Customers person/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f7_held_s);
CREATE TABLE f7_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f7_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d2) WHERE key IS NOT NULL;
CREATE TABLE f7_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d14) WHERE key IS NOT NULL;
CREATE TABLE f7_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f7_sk) WHERE n > 1;
CREATE TABLE f7_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f7_tk) WHERE n > 1;
CREATE TABLE f7_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f7_sk sk JOIN f7_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f7_corr) AND sk.rid NOT IN (SELECT s FROM f7_notsel)
    AND sk.rid NOT IN (SELECT s FROM f7_held_s)
    AND tk.rid NOT IN (SELECT t FROM f7_corr) AND tk.rid NOT IN (SELECT t FROM f7_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f7_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f7_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f7_amb AS SELECT DISTINCT s FROM f7_cand WHERE s NOT IN (SELECT s FROM f7_merge);
CREATE TABLE f7_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f7_remembered
UNION ALL SELECT s, t, 'correlation' FROM f7_corr UNION ALL SELECT s, t, 'merged' FROM f7_merge;
CREATE TABLE f7_left AS SELECT rid AS s FROM d2
WHERE rid NOT IN (SELECT s FROM f7_pairs0) AND rid NOT IN (SELECT s FROM f7_amb) AND rid NOT IN (SELECT s FROM f7_notsel)
    AND rid NOT IN (SELECT s FROM f7_held_s);
CREATE TABLE f7_creates0 AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f7_unmatched AS SELECT s FROM f7_left;

-- flow 8: powerofficego.Customers -> zendesk.Organizations
CREATE TABLE f8_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d1 s ON s.id = l.source_id LEFT JOIN d15 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers -> zendesk.Organizations';
CREATE TABLE f8_orphan AS SELECT * FROM f8_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f8_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f8_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f8_held_s AS SELECT s FROM f8_remembered UNION SELECT s FROM f8_orphan WHERE s IS NOT NULL;
CREATE TABLE f8_held_t AS SELECT t FROM f8_remembered UNION SELECT t FROM f8_orphan WHERE t IS NOT NULL;
CREATE TABLE f8_corr AS SELECT s.rid AS s, c.t FROM d1 s JOIN (
    SELECT substr(v, 33) AS sid, max(rid) AS t
    FROM (SELECT rid, v2 AS v FROM d15 WHERE rid NOT IN (SELECT t FROM f8_held_t))
    WHERE left(v, 32) = 'offsync:powerofficego/Customers/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f8_held_s);
CREATE TABLE f8_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f8_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f8_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f8_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f8_sk) WHERE n > 1;
CREATE TABLE f8_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f8_tk) WHERE n > 1;
CREATE TABLE f8_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f8_sk sk JOIN f8_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f8_corr) AND sk.rid NOT IN (SELECT s FROM f8_notsel)
    AND sk.rid NOT IN (SELECT s FROM f8_held_s)
    AND tk.rid NOT IN (SELECT t FROM f8_corr) AND tk.rid NOT IN (SELECT t FROM f8_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f8_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f8_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f8_amb AS SELECT DISTINCT s FROM f8_cand WHERE s NOT IN (SELECT s FROM f8_merge);
CREATE TABLE f8_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f8_remembered
UNION ALL SELECT s, t, 'correlation' FROM f8_corr UNION ALL SELECT s, t, 'merged' FROM f8_merge;
CREATE TABLE f8_left AS SELECT rid AS s FROM d1
WHERE rid NOT IN (SELECT s FROM f8_pairs0) AND rid NOT IN (SELECT s FROM f8_amb) AND rid NOT IN (SELECT s FROM f8_notsel)
    AND rid NOT IN (SELECT s FROM f8_held_s);
CREATE TABLE f8_creates0 AS SELECT s FROM f8_left;
CREATE TABLE f8_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 9: powerofficego.Departments -> zendesk.Organizations
CREATE TABLE f9_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d5 s ON s.id = l.source_id LEFT JOIN d15 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Departments -> zendesk.Organizations';
CREATE TABLE f9_orphan AS SELECT * FROM f9_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f9_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f9_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f9_held_s AS SELECT s FROM f9_remembered UNION SELECT s FROM f9_orphan WHERE s IS NOT NULL;
CREATE TABLE f9_held_t AS SELECT t FROM f9_remembered UNION SELECT t FROM f9_orphan WHERE t IS NOT NULL;
CREATE TABLE f9_corr AS SELECT s.rid AS s, c.t FROM d5 s JOIN (
    SELECT substr(v, 35) AS sid, max(rid) AS t
    FROM (SELECT rid, v2 AS v FROM d15 WHERE rid NOT IN (SELECT t FROM f9_held_t))
    WHERE left(v, 34) = 'offsync:powerofficego/Departments/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f9_held_s);
CREATE TABLE f9_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f9_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f9_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f9_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f9_sk) WHERE n > 1;
CREATE TABLE f9_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f9_tk) WHERE n > 1;
CREATE TABLE f9_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f9_sk sk JOIN f9_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f9_corr) AND sk.rid NOT IN (SELECT s FROM f9_notsel)
    AND sk.rid NOT IN (SELECT s FROM f9_held_s)
    AND tk.rid NOT IN (SELECT t FROM f9_corr) AND tk.rid NOT IN (SELECT t FROM f9_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f9_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f9_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f9_amb AS SELECT DISTINCT s FROM f9_cand WHERE s NOT IN (SELECT s FROM f9_merge);
CREATE TABLE f9_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f9_remembered
UNION ALL SELECT s, t, 'correlation' FROM f9_corr UNION ALL SELECT s, t, 'merged' FROM f9_merge;
CREATE TABLE f9_left AS SELECT rid AS s FROM d5
WHERE rid NOT IN (SELECT s FROM f9_pairs0) AND rid NOT IN (SELECT s FROM f9_amb) AND rid NOT IN (SELECT s FROM f9_notsel)
    AND rid NOT IN (SELECT s FROM f9_held_s);
CREATE TABLE f9_creates0 AS SELECT s FROM f9_left;
CREATE TABLE f9_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 10: powerofficego.Customers person -> crmoffice.Contacts
CREATE TABLE f10_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d2 s ON s.id = l.source_id LEFT JOIN d16 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers person -> crmoffice.Contacts';
CREATE TABLE f10_orphan AS SELECT * FROM f10_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f10_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f10_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f10_held_s AS SELECT s FROM f10_remembered UNION SELECT s FROM f10_orphan WHERE s IS NOT NULL;
CREATE TABLE f10_held_t AS SELECT t FROM f10_remembered UNION SELECT t FROM f10_orphan WHERE t IS NOT NULL;
CREATE TABLE f10_corr AS SELECT s.rid AS s, c.t FROM d2 s JOIN (
    SELECT substr(v, 40) AS sid, max(rid) AS t
    FROM (SELECT rid, v4 AS v FROM d16 WHERE rid NOT IN (SELECT t FROM f10_held_t))
    WHERE left(v, 39) = 'offsync:powerofficego/Customers person/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f10_held_s);
CREATE TABLE f10_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f10_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f10_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f10_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f10_sk) WHERE n > 1;
CREATE TABLE f10_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f10_tk) WHERE n > 1;
CREATE TABLE f10_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f10_sk sk JOIN f10_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f10_corr) AND sk.rid NOT IN (SELECT s FROM f10_notsel)
    AND sk.rid NOT IN (SELECT s FROM f10_held_s)
    AND tk.rid NOT IN (SELECT t FROM f10_corr) AND tk.rid NOT IN (SELECT t FROM f10_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f10_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f10_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f10_amb AS SELECT DISTINCT s FROM f10_cand WHERE s NOT IN (SELECT s FROM f10_merge);
CREATE TABLE f10_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f10_remembered
UNION ALL SELECT s, t, 'correlation' FROM f10_corr UNION ALL SELECT s, t, 'merged' FROM f10_merge;
CREATE TABLE f10_left AS SELECT rid AS s FROM d2
WHERE rid NOT IN (SELECT s FROM f10_pairs0) AND rid NOT IN (SELECT s FROM f10_amb) AND rid NOT IN (SELECT s FROM f10_notsel)
    AND rid NOT IN (SELECT s FROM f10_held_s);
CREATE TABLE f10_creates0 AS SELECT s FROM f10_left;
CREATE TABLE f10_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 11: powerofficego.Employees -> crmoffice.Contacts
CREATE TABLE f11_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d4 s ON s.id = l.source_id LEFT JOIN d16 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Employees -> crmoffice.Contacts';
CREATE TABLE f11_orphan AS SELECT * FROM f11_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f11_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f11_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f11_held_s AS SELECT s FROM f11_remembered UNION SELECT s FROM f11_orphan WHERE s IS NOT NULL;
CREATE TABLE f11_held_t AS SELECT t FROM f11_remembered UNION SELECT t FROM f11_orphan WHERE t IS NOT NULL;
CREATE TABLE f11_corr AS SELECT s.rid AS s, c.t FROM d4 s JOIN (
    SELECT substr(v, 33) AS sid, max(rid) AS t
    FROM (SELECT rid, v4 AS v FROM d16 WHERE rid NOT IN (SELECT t FROM f11_held_t))
    WHERE left(v, 32) = 'offsync:powerofficego/Employees/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f11_held_s);
CREATE TABLE f11_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f11_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f11_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f11_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f11_sk) WHERE n > 1;
CREATE TABLE f11_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f11_tk) WHERE n > 1;
CREATE TABLE f11_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f11_sk sk JOIN f11_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f11_corr) AND sk.rid NOT IN (SELECT s FROM f11_notsel)
    AND sk.rid NOT IN (SELECT s FROM f11_held_s)
    AND tk.rid NOT IN (SELECT t FROM f11_corr) AND tk.rid NOT IN (SELECT t FROM f11_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f11_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f11_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f11_amb AS SELECT DISTINCT s FROM f11_cand WHERE s NOT IN (SELECT s FROM f11_merge);
CREATE TABLE f11_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f11_remembered
UNION ALL SELECT s, t, 'correlation' FROM f11_corr UNION ALL SELECT s, t, 'merged' FROM f11_merge;
CREATE TABLE f11_left AS SELECT rid AS s FROM d4
WHERE rid NOT IN (SELECT s FROM f11_pairs0) AND rid NOT IN (SELECT s FROM f11_amb) AND rid NOT IN (SELECT s FROM f11_notsel)
    AND rid NOT IN (SELECT s FROM f11_held_s);
CREATE TABLE f11_creates0 AS SELECT s FROM f11_left;
CREATE TABLE f11_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 12: powerofficego.Product -> crmoffice.Companies
CREATE TABLE f12_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d8 s ON s.id = l.source_id LEFT JOIN d17 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Product -> crmoffice.Companies';
CREATE TABLE f12_orphan AS SELECT * FROM f12_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f12_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f12_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f12_held_s AS SELECT s FROM f12_remembered UNION SELECT s FROM f12_orphan WHERE s IS NOT NULL;
CREATE TABLE f12_held_t AS SELECT t FROM f12_remembered UNION SELECT t FROM f12_orphan WHERE t IS NOT NULL;
CREATE TABLE f12_corr AS SELECT s.rid AS s, c.t FROM d8 s JOIN (
    SELECT substr(v, 31) AS sid, max(rid) AS t
    FROM (SELECT rid, v1 AS v FROM d17 WHERE rid NOT IN (SELECT t FROM f12_held_t))
    WHERE left(v, 30) = 'offsync:powerofficego/Product/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f12_held_s);
CREATE TABLE f12_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f12_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f12_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f12_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f12_sk) WHERE n > 1;
CREATE TABLE f12_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f12_tk) WHERE n > 1;
CREATE TABLE f12_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f12_sk sk JOIN f12_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f12_corr) AND sk.rid NOT IN (SELECT s FROM f12_notsel)
    AND sk.rid NOT IN (SELECT s FROM f12_held_s)
    AND tk.rid NOT IN (SELECT t FROM f12_corr) AND tk.rid NOT IN (SELECT t FROM f12_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f12_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f12_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f12_amb AS SELECT DISTINCT s FROM f12_cand WHERE s NOT IN (SELECT s FROM f12_merge);
CREATE TABLE f12_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f12_remembered
UNION ALL SELECT s, t, 'correlation' FROM f12_corr UNION ALL SELECT s, t, 'merged' FROM f12_merge;
CREATE TABLE f12_left AS SELECT rid AS s FROM d8
WHERE rid NOT IN (SELECT s FROM f12_pairs0) AND rid NOT IN (SELECT s FROM f12_amb) AND rid NOT IN (SELECT s FROM f12_notsel)
    AND rid NOT IN (SELECT s FROM f12_held_s);
CREATE TABLE f12_creates0 AS SELECT s FROM f12_left;
CREATE TABLE f12_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 13: powerofficego.Projects -> crmoffice.Activities
CREATE TABLE f13_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d7 s ON s.id = l.source_id LEFT JOIN d18 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Projects -> crmoffice.Activities';
CREATE TABLE f13_orphan AS SELECT * FROM f13_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f13_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f13_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f13_held_s AS SELECT s FROM f13_remembered UNION SELECT s FROM f13_orphan WHERE s IS NOT NULL;
CREATE TABLE f13_held_t AS SELECT t FROM f13_remembered UNION SELECT t FROM f13_orphan WHERE t IS NOT NULL;
CREATE TABLE f13_corr AS SELECT s.rid AS s, c.t FROM d7 s JOIN (
    SELECT substr(v, 32) AS sid, max(rid) AS t
    FROM (SELECT rid, v4 AS v FROM d18 WHERE rid NOT IN (SELECT t FROM f13_held_t))
    WHERE left(v, 31) = 'offsync:powerofficego/Projects/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f13_held_s);
CREATE TABLE f13_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f13_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f13_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f13_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f13_sk) WHERE n > 1;
CREATE TABLE f13_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f13_tk) WHERE n > 1;
CREATE TABLE f13_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f13_sk sk JOIN f13_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f13_corr) AND sk.rid NOT IN (SELECT s FROM f13_notsel)
    AND sk.rid NOT IN (SELECT s FROM f13_held_s)
    AND tk.rid NOT IN (SELECT t FROM f13_corr) AND tk.rid NOT IN (SELECT t FROM f13_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f13_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f13_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f13_amb AS SELECT DISTINCT s FROM f13_cand WHERE s NOT IN (SELECT s FROM f13_merge);
CREATE TABLE f13_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f13_remembered
UNION ALL SELECT s, t, 'correlation' FROM f13_corr UNION ALL SELECT s, t, 'merged' FROM f13_merge;
CREATE TABLE f13_left AS SELECT rid AS s FROM d7
WHERE rid NOT IN (SELECT s FROM f13_pairs0) AND rid NOT IN (SELECT s FROM f13_amb) AND rid NOT IN (SELECT s FROM f13_notsel)
    AND rid NOT IN (SELECT s FROM f13_held_s);
CREATE TABLE f13_creates0 AS SELECT s FROM f13_left;
CREATE TABLE f13_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 14: powerofficego.Contactperson -> crmoffice.Contacts
CREATE TABLE f14_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d0 s ON s.id = l.source_id LEFT JOIN d16 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Contactperson -> crmoffice.Contacts';
CREATE TABLE f14_orphan AS SELECT * FROM f14_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f14_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f14_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f14_held_s AS SELECT s FROM f14_remembered UNION SELECT s FROM f14_orphan WHERE s IS NOT NULL;
CREATE TABLE f14_held_t AS SELECT t FROM f14_remembered UNION SELECT t FROM f14_orphan WHERE t IS NOT NULL;
CREATE TABLE f14_corr AS SELECT s.rid AS s, c.t FROM d0 s JOIN (
    SELECT substr(v, 37) AS sid, max(rid) AS t
    FROM (SELECT rid, v4 AS v FROM d16 WHERE rid NOT IN (SELECT t FROM f14_held_t))
    WHERE left(v, 36) = 'offsync:powerofficego/Contactperson/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f14_held_s);
CREATE TABLE f14_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f14_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f14_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f14_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f14_sk) WHERE n > 1;
CREATE TABLE f14_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f14_tk) WHERE n > 1;
CREATE TABLE f14_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f14_sk sk JOIN f14_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f14_corr) AND sk.rid NOT IN (SELECT s FROM f14_notsel)
    AND sk.rid NOT IN (SELECT s FROM f14_held_s)
    AND tk.rid NOT IN (SELECT t FROM f14_corr) AND tk.rid NOT IN (SELECT t FROM f14_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f14_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f14_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f14_amb AS SELECT DISTINCT s FROM f14_cand WHERE s NOT IN (SELECT s FROM f14_merge);
CREATE TABLE f14_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f14_remembered
UNION ALL SELECT s, t, 'correlation' FROM f14_corr UNION ALL SELECT s, t, 'merged' FROM f14_merge;
CREATE TABLE f14_left AS SELECT rid AS s FROM d0
WHERE rid NOT IN (SELECT s FROM f14_pairs0) AND rid NOT IN (SELECT s FROM f14_amb) AND rid NOT IN (SELECT s FROM f14_notsel)
    AND rid NOT IN (SELECT s FROM f14_held_s);
CREATE TABLE f14_creates0 AS SELECT s FROM f14_left;
CREATE TABLE f14_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 15: powerofficego.Suppliers person -> crmoffice.Contacts
CREATE TABLE f15_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d3 s ON s.id = l.source_id LEFT JOIN d16 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Suppliers person -> crmoffice.Contacts';
CREATE TABLE f15_orphan AS SELECT * FROM f15_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f15_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f15_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f15_held_s AS SELECT s FROM f15_remembered UNION SELECT s FROM f15_orphan WHERE s IS NOT NULL;
CREATE TABLE f15_held_t AS SELECT t FROM f15_remembered UNION SELECT t FROM f15_orphan WHERE t IS NOT NULL;
CREATE TABLE f15_corr AS SELECT s.rid AS s, c.t FROM d3 s JOIN (
    SELECT substr(v, 40) AS sid, max(rid) AS t
    FROM (SELECT rid, v4 AS v FROM d16 WHERE rid NOT IN (SELECT t FROM f15_held_t))
    WHERE left(v, 39) = 'offsync:powerofficego/Suppliers person/' GROUP BY sid
) c ON c.sid = s.id
WHERE s.rid NOT IN (SELECT s FROM f15_held_s);
CREATE TABLE f15_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f15_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f15_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f15_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f15_sk) WHERE n > 1;
CREATE TABLE f15_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f15_tk) WHERE n > 1;
CREATE TABLE f15_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f15_sk sk JOIN f15_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f15_corr) AND sk.rid NOT IN (SELECT s FROM f15_notsel)
    AND sk.rid NOT IN (SELECT s FROM f15_held_s)
    AND tk.rid NOT IN (SELECT t FROM f15_corr) AND tk.rid NOT IN (SELECT t FROM f15_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f15_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f15_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f15_amb AS SELECT DISTINCT s FROM f15_cand WHERE s NOT IN (SELECT s FROM f15_merge);
CREATE TABLE f15_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f15_remembered
UNION ALL SELECT s, t, 'correlation' FROM f15_corr UNION ALL SELECT s, t, 'merged' FROM f15_merge;
CREATE TABLE f15_left AS SELECT rid AS s FROM d3
WHERE rid NOT IN (SELECT s FROM f15_pairs0) AND rid NOT IN (SELECT s FROM f15_amb) AND rid NOT IN (SELECT s FROM f15_notsel)
    AND rid NOT IN (SELECT s FROM f15_held_s);
CREATE TABLE f15_creates0 AS SELECT s FROM f15_left;
CREATE TABLE f15_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 16: powerofficego.Contactperson -> exact.Contacts
CREATE TABLE f16_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d0 s ON s.id = l.source_id LEFT JOIN d19 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Contactperson -> exact.Contacts';
CREATE TABLE f16_orphan AS SELECT * FROM f16_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f16_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f16_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f16_held_s AS SELECT s FROM f16_remembered UNION SELECT s FROM f16_orphan WHERE s IS NOT NULL;
CREATE TABLE f16_held_t AS SELECT t FROM f16_remembered UNION SELECT t FROM f16_orphan WHERE t IS NOT NULL;
CREATE TABLE f16_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f16_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f16_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f16_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f16_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f16_sk) WHERE n > 1;
CREATE TABLE f16_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f16_tk) WHERE n > 1;
CREATE TABLE f16_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f16_sk sk JOIN f16_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f16_corr) AND sk.rid NOT IN (SELECT s FROM f16_notsel)
    AND sk.rid NOT IN (SELECT s FROM f16_held_s)
    AND tk.rid NOT IN (SELECT t FROM f16_corr) AND tk.rid NOT IN (SELECT t FROM f16_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f16_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f16_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f16_amb AS SELECT DISTINCT s FROM f16_cand WHERE s NOT IN (SELECT s FROM f16_merge);
CREATE TABLE f16_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f16_remembered
UNION ALL SELECT s, t, 'correlation' FROM f16_corr UNION ALL SELECT s, t, 'merged' FROM f16_merge;
CREATE TABLE f16_left AS SELECT rid AS s FROM d0
WHERE rid NOT IN (SELECT s FROM f16_pairs0) AND rid NOT IN (SELECT s FROM f16_amb) AND rid NOT IN (SELECT s FROM f16_notsel)
    AND rid NOT IN (SELECT s FROM f16_held_s);
CREATE TABLE f16_creates0 AS SELECT s FROM f16_left;
CREATE TABLE f16_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 17: powerofficego.Suppliers person -> exact.Contacts
CREATE TABLE f17_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d3 s ON s.id = l.source_id LEFT JOIN d19 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Suppliers person -> exact.Contacts';
CREATE TABLE f17_orphan AS SELECT * FROM f17_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f17_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f17_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f17_held_s AS SELECT s FROM f17_remembered UNION SELECT s FROM f17_orphan WHERE s IS NOT NULL;
CREATE TABLE f17_held_t AS SELECT t FROM f17_remembered UNION SELECT t FROM f17_orphan WHERE t IS NOT NULL;
CREATE TABLE f17_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f17_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f17_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f17_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f17_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f17_sk) WHERE n > 1;
CREATE TABLE f17_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f17_tk) WHERE n > 1;
CREATE TABLE f17_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f17_sk sk JOIN f17_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f17_corr) AND sk.rid NOT IN (SELECT s FROM f17_notsel)
    AND sk.rid NOT IN (SELECT s FROM f17_held_s)
    AND tk.rid NOT IN (SELECT t FROM f17_corr) AND tk.rid NOT IN (SELECT t FROM f17_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f17_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f17_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f17_amb AS SELECT DISTINCT s FROM f17_cand WHERE s NOT IN (SELECT s FROM f17_merge);
CREATE TABLE f17_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f17_remembered
UNION ALL SELECT s, t, 'correlation' FROM f17_corr UNION ALL SELECT s, t, 'merged' FROM f17_merge;
CREATE TABLE f17_left AS SELECT rid AS s FROM d3
WHERE rid NOT IN (SELECT s FROM f17_pairs0) AND rid NOT IN (SELECT s FROM f17_amb) AND rid NOT IN (SELECT s FROM f17_notsel)
    AND rid NOT IN (SELECT s FROM f17_held_s);
CREATE TABLE f17_creates0 AS SELECT s FROM f17_left;
CREATE TABLE f17_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 18: powerofficego.Departments -> custompms.Customer
CREATE TABLE f18_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d5 s ON s.id = l.source_id LEFT JOIN d20 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Departments -> custompms.Customer';
CREATE TABLE f18_orphan AS SELECT * FROM f18_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f18_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f18_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f18_held_s AS SELECT s FROM f18_remembered UNION SELECT s FROM f18_orphan WHERE s IS NOT NULL;
CREATE TABLE f18_held_t AS SELECT t FROM f18_remembered UNION SELECT t FROM f18_orphan WHERE t IS NOT NULL;
CREATE TABLE f18_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f18_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f18_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f18_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f18_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f18_sk) WHERE n > 1;
CREATE TABLE f18_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f18_tk) WHERE n > 1;
CREATE TABLE f18_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f18_sk sk JOIN f18_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f18_corr) AND sk.rid NOT IN (SELECT s FROM f18_notsel)
    AND sk.rid NOT IN (SELECT s FROM f18_held_s)
    AND tk.rid NOT IN (SELECT t FROM f18_corr) AND tk.rid NOT IN (SELECT t FROM f18_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f18_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f18_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f18_amb AS SELECT DISTINCT s FROM f18_cand WHERE s NOT IN (SELECT s FROM f18_merge);
CREATE TABLE f18_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f18_remembered
UNION ALL SELECT s, t, 'correlation' FROM f18_corr UNION ALL SELECT s, t, 'merged' FROM f18_merge;
CREATE TABLE f18_left AS SELECT rid AS s FROM d5
WHERE rid NOT IN (SELECT s FROM f18_pairs0) AND rid NOT IN (SELECT s FROM f18_amb) AND rid NOT IN (SELECT s FROM f18_notsel)
    AND rid NOT IN (SELECT s FROM f18_held_s);
CREATE TABLE f18_creates0 AS SELECT s FROM f18_left;
CREATE TABLE f18_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 19: powerofficego.Customers -> custompms.Customer
CREATE TABLE f19_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d1 s ON s.id = l.source_id LEFT JOIN d20 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers -> custompms.Customer';
CREATE TABLE f19_orphan AS SELECT * FROM f19_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f19_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f19_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f19_held_s AS SELECT s FROM f19_remembered UNION SELECT s FROM f19_orphan WHERE s IS NOT NULL;
CREATE TABLE f19_held_t AS SELECT t FROM f19_remembered UNION SELECT t FROM f19_orphan WHERE t IS NOT NULL;
CREATE TABLE f19_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f19_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f19_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f19_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f19_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f19_sk) WHERE n > 1;
CREATE TABLE f19_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f19_tk) WHERE n > 1;
CREATE TABLE f19_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f19_sk sk JOIN f19_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f19_corr) AND sk.rid NOT IN (SELECT s FROM f19_notsel)
    AND sk.rid NOT IN (SELECT s FROM f19_held_s)
    AND tk.rid NOT IN (SELECT t FROM f19_corr) AND tk.rid NOT IN (SELECT t FROM f19_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f19_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f19_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f19_amb AS SELECT DISTINCT s FROM f19_cand WHERE s NOT IN (SELECT s FROM f19_merge);
CREATE TABLE f19_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f19_remembered
UNION ALL SELECT s, t, 'correlation' FROM f19_corr UNION ALL SELECT s, t, 'merged' FROM f19_merge;
CREATE TABLE f19_left AS SELECT rid AS s FROM d1
WHERE rid NOT IN (SELECT s FROM f19_pairs0) AND rid NOT IN (SELECT s FROM f19_amb) AND rid NOT IN (SELECT s FROM f19_notsel)
    AND rid NOT IN (SELECT s FROM f19_held_s);
CREATE TABLE f19_creates0 AS SELECT s FROM f19_left;
CREATE TABLE f19_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 20: powerofficego.Projects -> custompms.Project
CREATE TABLE f20_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d7 s ON s.id = l.source_id LEFT JOIN d21 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Projects -> custompms.Project';
CREATE TABLE f20_orphan AS SELECT * FROM f20_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f20_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f20_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f20_held_s AS SELECT s FROM f20_remembered UNION SELECT s FROM f20_orphan WHERE s IS NOT NULL;
CREATE TABLE f20_held_t AS SELECT t FROM f20_remembered UNION SELECT t FROM f20_orphan WHERE t IS NOT NULL;
CREATE TABLE f20_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f20_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f20_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f20_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f20_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f20_sk) WHERE n > 1;
CREATE TABLE f20_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f20_tk) WHERE n > 1;
CREATE TABLE f20_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f20_sk sk JOIN f20_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f20_corr) AND sk.rid NOT IN (SELECT s FROM f20_notsel)
    AND sk.rid NOT IN (SELECT s FROM f20_held_s)
    AND tk.rid NOT IN (SELECT t FROM f20_corr) AND tk.rid NOT IN (SELECT t FROM f20_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f20_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f20_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f20_amb AS SELECT DISTINCT s FROM f20_cand WHERE s NOT IN (SELECT s FROM f20_merge);
CREATE TABLE f20_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f20_remembered
UNION ALL SELECT s, t, 'correlation' FROM f20_corr UNION ALL SELECT s, t, 'merged' FROM f20_merge;
CREATE TABLE f20_left AS SELECT rid AS s FROM d7
WHERE rid NOT IN (SELECT s FROM f20_pairs0) AND rid NOT IN (SELECT s FROM f20_amb) AND rid NOT IN (SELECT s FROM f20_notsel)
    AND rid NOT IN (SELECT s FROM f20_held_s);
CREATE TABLE f20_creates0 AS SELECT s FROM f20_left;
CREATE TABLE f20_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 21: powerofficego.Contactperson -> tidsbanken.Ansatt
CREATE TABLE f21_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d0 s ON s.id = l.source_id LEFT JOIN d24 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt';
CREATE TABLE f21_orphan AS SELECT * FROM f21_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f21_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f21_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f21_held_s AS SELECT s FROM f21_remembered UNION SELECT s FROM f21_orphan WHERE s IS NOT NULL;
CREATE TABLE f21_held_t AS SELECT t FROM f21_remembered UNION SELECT t FROM f21_orphan WHERE t IS NOT NULL;
CREATE TABLE f21_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f21_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f21_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d0) WHERE key IS NOT NULL
UNION ALL SELECT 1 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v9) AS key FROM d0) WHERE key IS NOT NULL;
CREATE TABLE f21_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d24) WHERE key IS NOT NULL
UNION ALL SELECT 1 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v1) AS key FROM d24) WHERE key IS NOT NULL;
CREATE TABLE f21_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f21_sk) WHERE n > 1;
CREATE TABLE f21_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f21_tk) WHERE n > 1;
CREATE TABLE f21_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f21_sk sk JOIN f21_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f21_corr) AND sk.rid NOT IN (SELECT s FROM f21_notsel)
    AND sk.rid NOT IN (SELECT s FROM f21_held_s)
    AND tk.rid NOT IN (SELECT t FROM f21_corr) AND tk.rid NOT IN (SELECT t FROM f21_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f21_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f21_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f21_amb AS SELECT DISTINCT s FROM f21_cand WHERE s NOT IN (SELECT s FROM f21_merge);
CREATE TABLE f21_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f21_remembered
UNION ALL SELECT s, t, 'correlation' FROM f21_corr UNION ALL SELECT s, t, 'merged' FROM f21_merge;
CREATE TABLE f21_left AS SELECT rid AS s FROM d0
WHERE rid NOT IN (SELECT s FROM f21_pairs0) AND rid NOT IN (SELECT s FROM f21_amb) AND rid NOT IN (SELECT s FROM f21_notsel)
    AND rid NOT IN (SELECT s FROM f21_held_s);
CREATE TABLE f21_creates0 AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f21_unmatched AS SELECT s FROM f21_left;

-- flow 22: powerofficego.Customers -> tidsbanken.Ansatt
CREATE TABLE f22_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d1 s ON s.id = l.source_id LEFT JOIN d24 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers -> tidsbanken.Ansatt';
CREATE TABLE f22_orphan AS SELECT * FROM f22_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f22_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f22_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f22_held_s AS SELECT s FROM f22_remembered UNION SELECT s FROM f22_orphan WHERE s IS NOT NULL;
CREATE TABLE f22_held_t AS SELECT t FROM f22_remembered UNION SELECT t FROM f22_orphan WHERE t IS NOT NULL;
CREATE TABLE f22_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f22_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f22_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v2) AS key FROM d1) WHERE key IS NOT NULL;
CREATE TABLE f22_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d24) WHERE key IS NOT NULL;
CREATE TABLE f22_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f22_sk) WHERE n > 1;
CREATE TABLE f22_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f22_tk) WHERE n > 1;
CREATE TABLE f22_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f22_sk sk JOIN f22_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f22_corr) AND sk.rid NOT IN (SELECT s FROM f22_notsel)
    AND sk.rid NOT IN (SELECT s FROM f22_held_s)
    AND tk.rid NOT IN (SELECT t FROM f22_corr) AND tk.rid NOT IN (SELECT t FROM f22_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f22_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f22_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f22_amb AS SELECT DISTINCT s FROM f22_cand WHERE s NOT IN (SELECT s FROM f22_merge);
CREATE TABLE f22_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f22_remembered
UNION ALL SELECT s, t, 'correlation' FROM f22_corr UNION ALL SELECT s, t, 'merged' FROM f22_merge;
CREATE TABLE f22_left AS SELECT rid AS s FROM d1
WHERE rid NOT IN (SELECT s FROM f22_pairs0) AND rid NOT IN (SELECT s FROM f22_amb) AND rid NOT IN (SELECT s FROM f22_notsel)
    AND rid NOT IN (SELECT s FROM f22_held_s);
CREATE TABLE f22_creates0 AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f22_unmatched AS SELECT s FROM f22_left;

-- flow 23: powerofficego.Customers -> tidsbanken.Kunde
CREATE TABLE f23_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d1 s ON s.id = l.source_id LEFT JOIN d22 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers -> tidsbanken.Kunde';
CREATE TABLE f23_orphan AS SELECT * FROM f23_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f23_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f23_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f23_held_s AS SELECT s FROM f23_remembered UNION SELECT s FROM f23_orphan WHERE s IS NOT NULL;
CREATE TABLE f23_held_t AS SELECT t FROM f23_remembered UNION SELECT t FROM f23_orphan WHERE t IS NOT NULL;
CREATE TABLE f23_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f23_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f23_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v2) AS key FROM d1) WHERE key IS NOT NULL;
CREATE TABLE f23_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d22) WHERE key IS NOT NULL;
CREATE TABLE f23_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f23_sk) WHERE n > 1;
CREATE TABLE f23_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f23_tk) WHERE n > 1;
CREATE TABLE f23_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f23_sk sk JOIN f23_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f23_corr) AND sk.rid NOT IN (SELECT s FROM f23_notsel)
    AND sk.rid NOT IN (SELECT s FROM f23_held_s)
    AND tk.rid NOT IN (SELECT t FROM f23_corr) AND tk.rid NOT IN (SELECT t FROM f23_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f23_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f23_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f23_amb AS SELECT DISTINCT s FROM f23_cand WHERE s NOT IN (SELECT s FROM f23_merge);
CREATE TABLE f23_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f23_remembered
UNION ALL SELECT s, t, 'correlation' FROM f23_corr UNION ALL SELECT s, t, 'merged' FROM f23_merge;
CREATE TABLE f23_left AS SELECT rid AS s FROM d1
WHERE rid NOT IN (SELECT s FROM f23_pairs0) AND rid NOT IN (SELECT s FROM f23_amb) AND rid NOT IN (SELECT s FROM f23_notsel)
    AND rid NOT IN (SELECT s FROM f23_held_s);

-- flow 24: powerofficego.Departments -> tidsbanken.Avdeling
CREATE TABLE f24_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d5 s ON s.id = l.source_id LEFT JOIN d23 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Departments -> tidsbanken.Avdeling';
CREATE TABLE f24_orphan AS SELECT * FROM f24_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f24_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f24_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f24_held_s AS SELECT s FROM f24_remembered UNION SELECT s FROM f24_orphan WHERE s IS NOT NULL;
CREATE TABLE f24_held_t AS SELECT t FROM f24_remembered UNION SELECT t FROM f24_orphan WHERE t IS NOT NULL;
CREATE TABLE f24_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f24_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f24_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v2) AS key FROM d5) WHERE key IS NOT NULL;
CREATE TABLE f24_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v0) AS key FROM d23) WHERE key IS NOT NULL;
CREATE TABLE f24_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f24_sk) WHERE n > 1;
CREATE TABLE f24_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f24_tk) WHERE n > 1;
CREATE TABLE f24_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f24_sk sk JOIN f24_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f24_corr) AND sk.rid NOT IN (SELECT s FROM f24_notsel)
    AND sk.rid NOT IN (SELECT s FROM f24_held_s)
    AND tk.rid NOT IN (SELECT t FROM f24_corr) AND tk.rid NOT IN (SELECT t FROM f24_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f24_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f24_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f24_amb AS SELECT DISTINCT s FROM f24_cand WHERE s NOT IN (SELECT s FROM f24_merge);
CREATE TABLE f24_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f24_remembered
UNION ALL SELECT s, t, 'correlation' FROM f24_corr UNION ALL SELECT s, t, 'merged' FROM f24_merge;
CREATE TABLE f24_left AS SELECT rid AS s FROM d5
WHERE rid NOT IN (SELECT s FROM f24_pairs0) AND rid NOT IN (SELECT s FROM f24_amb) AND rid NOT IN (SELECT s FROM f24_notsel)
    AND rid NOT IN (SELECT s FROM f24_held_s);

-- flow 25: powerofficego.Employees -> tidsbanken.Ansatt
CREATE TABLE f25_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d4 s ON s.id = l.source_id LEFT JOIN d24 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Employees -> tidsbanken.Ansatt';
CREATE TABLE f25_orphan AS SELECT * FROM f25_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f25_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f25_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f25_held_s AS SELECT s FROM f25_remembered UNION SELECT s FROM f25_orphan WHERE s IS NOT NULL;
CREATE TABLE f25_held_t AS SELECT t FROM f25_remembered UNION SELECT t FROM f25_orphan WHERE t IS NOT NULL;
CREATE TABLE f25_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f25_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f25_sk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v5) AS key FROM d4) WHERE key IS NOT NULL;
CREATE TABLE f25_tk AS SELECT 0 AS c, rid, key FROM (SELECT rid, os_norm_case_insensitive(v6) AS key FROM d24) WHERE key IS NOT NULL;
CREATE TABLE f25_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f25_sk) WHERE n > 1;
CREATE TABLE f25_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f25_tk) WHERE n > 1;
CREATE TABLE f25_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f25_sk sk JOIN f25_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f25_corr) AND sk.rid NOT IN (SELECT s FROM f25_notsel)
    AND sk.rid NOT IN (SELECT s FROM f25_held_s)
    AND tk.rid NOT IN (SELECT t FROM f25_corr) AND tk.rid NOT IN (SELECT t FROM f25_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f25_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f25_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f25_amb AS SELECT DISTINCT s FROM f25_cand WHERE s NOT IN (SELECT s FROM f25_merge);
CREATE TABLE f25_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f25_remembered
UNION ALL SELECT s, t, 'correlation' FROM f25_corr UNION ALL SELECT s, t, 'merged' FROM f25_merge;
CREATE TABLE f25_left AS SELECT rid AS s FROM d4
WHERE rid NOT IN (SELECT s FROM f25_pairs0) AND rid NOT IN (SELECT s FROM f25_amb) AND rid NOT IN (SELECT s FROM f25_notsel)
    AND rid NOT IN (SELECT s FROM f25_held_s);
CREATE TABLE f25_creates0 AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f25_unmatched AS SELECT s FROM f25_left;

-- flow 26: powerofficego.Customers (organisation data) -> tidsbanken.Kunde
CREATE TABLE f26_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d6 s ON s.id = l.source_id LEFT JOIN d22 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers (organisation data) -> tidsbanken.Kunde';
CREATE TABLE f26_orphan AS SELECT * FROM f26_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f26_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f26_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f26_held_s AS SELECT s FROM f26_remembered UNION SELECT s FROM f26_orphan WHERE s IS NOT NULL;
CREATE TABLE f26_held_t AS SELECT t FROM f26_remembered UNION SELECT t FROM f26_orphan WHERE t IS NOT NULL;
CREATE TABLE f26_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f26_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f26_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f26_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f26_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f26_sk) WHERE n > 1;
CREATE TABLE f26_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f26_tk) WHERE n > 1;
CREATE TABLE f26_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f26_sk sk JOIN f26_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f26_corr) AND sk.rid NOT IN (SELECT s FROM f26_notsel)
    AND sk.rid NOT IN (SELECT s FROM f26_held_s)
    AND tk.rid NOT IN (SELECT t FROM f26_corr) AND tk.rid NOT IN (SELECT t FROM f26_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f26_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f26_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f26_amb AS SELECT DISTINCT s FROM f26_cand WHERE s NOT IN (SELECT s FROM f26_merge);
CREATE TABLE f26_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f26_remembered
UNION ALL SELECT s, t, 'correlation' FROM f26_corr UNION ALL SELECT s, t, 'merged' FROM f26_merge;
CREATE TABLE f26_left AS SELECT rid AS s FROM d6
WHERE rid NOT IN (SELECT s FROM f26_pairs0) AND rid NOT IN (SELECT s FROM f26_amb) AND rid NOT IN (SELECT s FROM f26_notsel)
    AND rid NOT IN (SELECT s FROM f26_held_s);
CREATE TABLE f26_creates0 AS SELECT s FROM f26_left;
CREATE TABLE f26_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 27: powerofficego.Customers -> tidsbanken.Kunde
CREATE TABLE f27_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d1 s ON s.id = l.source_id LEFT JOIN d22 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Customers -> tidsbanken.Kunde';
CREATE TABLE f27_orphan AS SELECT * FROM f27_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f27_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f27_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f27_held_s AS SELECT s FROM f27_remembered UNION SELECT s FROM f27_orphan WHERE s IS NOT NULL;
CREATE TABLE f27_held_t AS SELECT t FROM f27_remembered UNION SELECT t FROM f27_orphan WHERE t IS NOT NULL;
CREATE TABLE f27_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f27_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f27_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f27_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f27_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f27_sk) WHERE n > 1;
CREATE TABLE f27_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f27_tk) WHERE n > 1;
CREATE TABLE f27_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f27_sk sk JOIN f27_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f27_corr) AND sk.rid NOT IN (SELECT s FROM f27_notsel)
    AND sk.rid NOT IN (SELECT s FROM f27_held_s)
    AND tk.rid NOT IN (SELECT t FROM f27_corr) AND tk.rid NOT IN (SELECT t FROM f27_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f27_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f27_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f27_amb AS SELECT DISTINCT s FROM f27_cand WHERE s NOT IN (SELECT s FROM f27_merge);
CREATE TABLE f27_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f27_remembered
UNION ALL SELECT s, t, 'correlation' FROM f27_corr UNION ALL SELECT s, t, 'merged' FROM f27_merge;
CREATE TABLE f27_left AS SELECT rid AS s FROM d1
WHERE rid NOT IN (SELECT s FROM f27_pairs0) AND rid NOT IN (SELECT s FROM f27_amb) AND rid NOT IN (SELECT s FROM f27_notsel)
    AND rid NOT IN (SELECT s FROM f27_held_s);
CREATE TABLE f27_creates0 AS SELECT s FROM f27_left;
CREATE TABLE f27_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 28: powerofficego.Departments -> tidsbanken.Avdeling
CREATE TABLE f28_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d5 s ON s.id = l.source_id LEFT JOIN d23 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Departments -> tidsbanken.Avdeling';
CREATE TABLE f28_orphan AS SELECT * FROM f28_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f28_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f28_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f28_held_s AS SELECT s FROM f28_remembered UNION SELECT s FROM f28_orphan WHERE s IS NOT NULL;
CREATE TABLE f28_held_t AS SELECT t FROM f28_remembered UNION SELECT t FROM f28_orphan WHERE t IS NOT NULL;
CREATE TABLE f28_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f28_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f28_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f28_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f28_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f28_sk) WHERE n > 1;
CREATE TABLE f28_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f28_tk) WHERE n > 1;
CREATE TABLE f28_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f28_sk sk JOIN f28_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f28_corr) AND sk.rid NOT IN (SELECT s FROM f28_notsel)
    AND sk.rid NOT IN (SELECT s FROM f28_held_s)
    AND tk.rid NOT IN (SELECT t FROM f28_corr) AND tk.rid NOT IN (SELECT t FROM f28_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f28_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f28_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f28_amb AS SELECT DISTINCT s FROM f28_cand WHERE s NOT IN (SELECT s FROM f28_merge);
CREATE TABLE f28_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f28_remembered
UNION ALL SELECT s, t, 'correlation' FROM f28_corr UNION ALL SELECT s, t, 'merged' FROM f28_merge;
CREATE TABLE f28_left AS SELECT rid AS s FROM d5
WHERE rid NOT IN (SELECT s FROM f28_pairs0) AND rid NOT IN (SELECT s FROM f28_amb) AND rid NOT IN (SELECT s FROM f28_notsel)
    AND rid NOT IN (SELECT s FROM f28_held_s);
CREATE TABLE f28_creates0 AS SELECT s FROM f28_left;
CREATE TABLE f28_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 29: powerofficego.Employees -> tidsbanken.Ansatt
CREATE TABLE f29_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d4 s ON s.id = l.source_id LEFT JOIN d24 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Employees -> tidsbanken.Ansatt';
CREATE TABLE f29_orphan AS SELECT * FROM f29_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f29_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f29_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f29_held_s AS SELECT s FROM f29_remembered UNION SELECT s FROM f29_orphan WHERE s IS NOT NULL;
CREATE TABLE f29_held_t AS SELECT t FROM f29_remembered UNION SELECT t FROM f29_orphan WHERE t IS NOT NULL;
CREATE TABLE f29_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f29_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f29_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f29_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f29_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f29_sk) WHERE n > 1;
CREATE TABLE f29_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f29_tk) WHERE n > 1;
CREATE TABLE f29_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f29_sk sk JOIN f29_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f29_corr) AND sk.rid NOT IN (SELECT s FROM f29_notsel)
    AND sk.rid NOT IN (SELECT s FROM f29_held_s)
    AND tk.rid NOT IN (SELECT t FROM f29_corr) AND tk.rid NOT IN (SELECT t FROM f29_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f29_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f29_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f29_amb AS SELECT DISTINCT s FROM f29_cand WHERE s NOT IN (SELECT s FROM f29_merge);
CREATE TABLE f29_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f29_remembered
UNION ALL SELECT s, t, 'correlation' FROM f29_corr UNION ALL SELECT s, t, 'merged' FROM f29_merge;
CREATE TABLE f29_left AS SELECT rid AS s FROM d4
WHERE rid NOT IN (SELECT s FROM f29_pairs0) AND rid NOT IN (SELECT s FROM f29_amb) AND rid NOT IN (SELECT s FROM f29_notsel)
    AND rid NOT IN (SELECT s FROM f29_held_s);
CREATE TABLE f29_creates0 AS SELECT s FROM f29_left;
CREATE TABLE f29_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 30: powerofficego.Projects -> tidsbanken.Prosjekt
CREATE TABLE f30_rem AS SELECT l.ord, l.source_id, l.target_id, s.rid AS s, t.rid AS t
FROM state_link l LEFT JOIN d7 s ON s.id = l.source_id LEFT JOIN d25 t ON t.id = l.target_id
WHERE l.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt';
CREATE TABLE f30_orphan AS SELECT * FROM f30_rem WHERE s IS NULL OR t IS NULL;
-- In state order: a link pairs when both records are there and no earlier link (whole
-- or orphan) holds its target; a link skipped so holds nothing.
CREATE TABLE f30_remembered AS SELECT s, t FROM (
    SELECT *, row_number() OVER (PARTITION BY t ORDER BY ord) AS nth FROM f30_rem WHERE t IS NOT NULL)
WHERE nth = 1 AND s IS NOT NULL;
CREATE TABLE f30_held_s AS SELECT s FROM f30_remembered UNION SELECT s FROM f30_orphan WHERE s IS NOT NULL;
CREATE TABLE f30_held_t AS SELECT t FROM f30_remembered UNION SELECT t FROM f30_orphan WHERE t IS NOT NULL;
CREATE TABLE f30_corr AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f30_notsel AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;
CREATE TABLE f30_sk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f30_tk AS SELECT CAST(NULL AS INTEGER) AS c, CAST(NULL AS BIGINT) AS rid, CAST(NULL AS STRING) AS key WHERE false;
CREATE TABLE f30_dup_s AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f30_sk) WHERE n > 1;
CREATE TABLE f30_dup_t AS SELECT DISTINCT rid FROM (SELECT rid, count(*) OVER (PARTITION BY c, key) AS n FROM f30_tk) WHERE n > 1;
CREATE TABLE f30_cand AS SELECT sk.rid AS s, tk.rid AS t, min(sk.c) AS c
FROM f30_sk sk JOIN f30_tk tk ON sk.c = tk.c AND sk.key = tk.key
WHERE sk.rid NOT IN (SELECT s FROM f30_corr) AND sk.rid NOT IN (SELECT s FROM f30_notsel)
    AND sk.rid NOT IN (SELECT s FROM f30_held_s)
    AND tk.rid NOT IN (SELECT t FROM f30_corr) AND tk.rid NOT IN (SELECT t FROM f30_held_t)
GROUP BY sk.rid, tk.rid;
CREATE TABLE f30_merge AS SELECT s, any_value(t) AS t FROM (
    SELECT s, t, count(*) OVER (PARTITION BY t) AS claimants FROM f30_cand)
GROUP BY s HAVING count(*) = 1 AND max(claimants) = 1;
CREATE TABLE f30_amb AS SELECT DISTINCT s FROM f30_cand WHERE s NOT IN (SELECT s FROM f30_merge);
CREATE TABLE f30_pairs0 AS SELECT s, t, 'remembered' AS reason FROM f30_remembered
UNION ALL SELECT s, t, 'correlation' FROM f30_corr UNION ALL SELECT s, t, 'merged' FROM f30_merge;
CREATE TABLE f30_left AS SELECT rid AS s FROM d7
WHERE rid NOT IN (SELECT s FROM f30_pairs0) AND rid NOT IN (SELECT s FROM f30_amb) AND rid NOT IN (SELECT s FROM f30_notsel)
    AND rid NOT IN (SELECT s FROM f30_held_s);
CREATE TABLE f30_creates0 AS SELECT s FROM f30_left;
CREATE TABLE f30_unmatched AS SELECT CAST(NULL AS BIGINT) AS s WHERE false;

-- flow 23: conditional creation
CREATE TABLE f23_connected AS SELECT x.rid AS s FROM d1 x WHERE x.id IN (SELECT v4 AS named FROM d7 WHERE rid IN (SELECT s FROM f30_pairs0 UNION SELECT s FROM f30_creates0));
CREATE TABLE f23_creates0 AS SELECT s FROM f23_left WHERE s IN (SELECT s FROM f23_connected);
CREATE TABLE f23_unmatched AS SELECT s FROM f23_left WHERE s NOT IN (SELECT s FROM f23_connected);

-- flow 24: conditional creation
CREATE TABLE f24_connected AS SELECT x.rid AS s FROM d5 x WHERE x.id IN (SELECT v4 AS named FROM d4 WHERE rid IN (SELECT s FROM f25_pairs0 UNION SELECT s FROM f25_creates0 UNION SELECT s FROM f29_pairs0 UNION SELECT s FROM f29_creates0));
CREATE TABLE f24_creates0 AS SELECT s FROM f24_left WHERE s IN (SELECT s FROM f24_connected);
CREATE TABLE f24_unmatched AS SELECT s FROM f24_left WHERE s NOT IN (SELECT s FROM f24_connected);

-- Links by content
CREATE TABLE taken_d18 AS SELECT t FROM f13_pairs0 UNION SELECT c.t FROM f13_cand c JOIN f13_amb a ON a.s = c.s;
CREATE TABLE taken_d17 AS SELECT t FROM f12_pairs0 UNION SELECT c.t FROM f12_cand c JOIN f12_amb a ON a.s = c.s;
CREATE TABLE taken_d16 AS SELECT t FROM f10_pairs0 UNION SELECT c.t FROM f10_cand c JOIN f10_amb a ON a.s = c.s UNION SELECT t FROM f11_pairs0 UNION SELECT c.t FROM f11_cand c JOIN f11_amb a ON a.s = c.s UNION SELECT t FROM f14_pairs0 UNION SELECT c.t FROM f14_cand c JOIN f14_amb a ON a.s = c.s UNION SELECT t FROM f15_pairs0 UNION SELECT c.t FROM f15_cand c JOIN f15_amb a ON a.s = c.s;
CREATE TABLE taken_d20 AS SELECT t FROM f18_pairs0 UNION SELECT c.t FROM f18_cand c JOIN f18_amb a ON a.s = c.s UNION SELECT t FROM f19_pairs0 UNION SELECT c.t FROM f19_cand c JOIN f19_amb a ON a.s = c.s;
CREATE TABLE taken_d21 AS SELECT t FROM f20_pairs0 UNION SELECT c.t FROM f20_cand c JOIN f20_amb a ON a.s = c.s;
CREATE TABLE taken_d19 AS SELECT t FROM f16_pairs0 UNION SELECT c.t FROM f16_cand c JOIN f16_amb a ON a.s = c.s UNION SELECT t FROM f17_pairs0 UNION SELECT c.t FROM f17_cand c JOIN f17_amb a ON a.s = c.s;
CREATE TABLE taken_d24 AS SELECT t FROM f21_pairs0 UNION SELECT c.t FROM f21_cand c JOIN f21_amb a ON a.s = c.s UNION SELECT t FROM f22_pairs0 UNION SELECT c.t FROM f22_cand c JOIN f22_amb a ON a.s = c.s UNION SELECT t FROM f25_pairs0 UNION SELECT c.t FROM f25_cand c JOIN f25_amb a ON a.s = c.s UNION SELECT t FROM f29_pairs0 UNION SELECT c.t FROM f29_cand c JOIN f29_amb a ON a.s = c.s;
CREATE TABLE taken_d23 AS SELECT t FROM f24_pairs0 UNION SELECT c.t FROM f24_cand c JOIN f24_amb a ON a.s = c.s UNION SELECT t FROM f28_pairs0 UNION SELECT c.t FROM f28_cand c JOIN f28_amb a ON a.s = c.s;
CREATE TABLE taken_d22 AS SELECT t FROM f23_pairs0 UNION SELECT c.t FROM f23_cand c JOIN f23_amb a ON a.s = c.s UNION SELECT t FROM f26_pairs0 UNION SELECT c.t FROM f26_cand c JOIN f26_amb a ON a.s = c.s UNION SELECT t FROM f27_pairs0 UNION SELECT c.t FROM f27_cand c JOIN f27_amb a ON a.s = c.s;
CREATE TABLE taken_d25 AS SELECT t FROM f30_pairs0 UNION SELECT c.t FROM f30_cand c JOIN f30_amb a ON a.s = c.s;
CREATE TABLE taken_d12 AS SELECT t FROM f3_pairs0 UNION SELECT c.t FROM f3_cand c JOIN f3_amb a ON a.s = c.s UNION SELECT t FROM f4_pairs0 UNION SELECT c.t FROM f4_cand c JOIN f4_amb a ON a.s = c.s;
CREATE TABLE taken_d13 AS SELECT t FROM f2_pairs0 UNION SELECT c.t FROM f2_cand c JOIN f2_amb a ON a.s = c.s UNION SELECT t FROM f5_pairs0 UNION SELECT c.t FROM f5_cand c JOIN f5_amb a ON a.s = c.s;
CREATE TABLE taken_d11 AS SELECT t FROM f0_pairs0 UNION SELECT c.t FROM f0_cand c JOIN f0_amb a ON a.s = c.s UNION SELECT t FROM f1_pairs0 UNION SELECT c.t FROM f1_cand c JOIN f1_amb a ON a.s = c.s;
CREATE TABLE taken_d15 AS SELECT t FROM f8_pairs0 UNION SELECT c.t FROM f8_cand c JOIN f8_amb a ON a.s = c.s UNION SELECT t FROM f9_pairs0 UNION SELECT c.t FROM f9_cand c JOIN f9_amb a ON a.s = c.s;
CREATE TABLE taken_d14 AS SELECT t FROM f6_pairs0 UNION SELECT c.t FROM f6_cand c JOIN f6_amb a ON a.s = c.s UNION SELECT t FROM f7_pairs0 UNION SELECT c.t FROM f7_cand c JOIN f7_amb a ON a.s = c.s;
CREATE TABLE f0_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') END AS key FROM d0 WHERE rid IN (SELECT s FROM f0_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d11 WHERE rid NOT IN (SELECT t FROM taken_d11) AND rid NOT IN (SELECT t FROM f0_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d11_f0 AS SELECT t FROM taken_d11 UNION ALL SELECT t FROM f0_content;
CREATE TABLE f1_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') END AS key FROM d2 WHERE rid IN (SELECT s FROM f1_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d11 WHERE rid NOT IN (SELECT t FROM taken_d11_f0) AND rid NOT IN (SELECT t FROM f1_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d11_f1 AS SELECT t FROM taken_d11_f0 UNION ALL SELECT t FROM f1_content;
CREATE TABLE f2_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f3_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d1 WHERE rid IN (SELECT s FROM f3_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d12 WHERE rid NOT IN (SELECT t FROM taken_d12) AND rid NOT IN (SELECT t FROM f3_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d12_f3 AS SELECT t FROM taken_d12 UNION ALL SELECT t FROM f3_content;
CREATE TABLE f4_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d5 WHERE rid IN (SELECT s FROM f4_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d12 WHERE rid NOT IN (SELECT t FROM taken_d12_f3) AND rid NOT IN (SELECT t FROM f4_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d12_f4 AS SELECT t FROM taken_d12_f3 UNION ALL SELECT t FROM f4_content;
CREATE TABLE f5_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f6_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d0 WHERE rid IN (SELECT s FROM f6_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d14 WHERE rid NOT IN (SELECT t FROM taken_d14) AND rid NOT IN (SELECT t FROM f6_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d14_f6 AS SELECT t FROM taken_d14 UNION ALL SELECT t FROM f6_content;
CREATE TABLE f7_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f8_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d1 WHERE rid IN (SELECT s FROM f8_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d15 WHERE rid NOT IN (SELECT t FROM taken_d15) AND rid NOT IN (SELECT t FROM f8_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d15_f8 AS SELECT t FROM taken_d15 UNION ALL SELECT t FROM f8_content;
CREATE TABLE f9_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d5 WHERE rid IN (SELECT s FROM f9_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d15 WHERE rid NOT IN (SELECT t FROM taken_d15_f8) AND rid NOT IN (SELECT t FROM f9_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d15_f9 AS SELECT t FROM taken_d15_f8 UNION ALL SELECT t FROM f9_content;
CREATE TABLE f10_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') END AS key FROM d2 WHERE rid IN (SELECT s FROM f10_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d16 WHERE rid NOT IN (SELECT t FROM taken_d16) AND rid NOT IN (SELECT t FROM f10_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d16_f10 AS SELECT t FROM taken_d16 UNION ALL SELECT t FROM f10_content;
CREATE TABLE f11_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d4 WHERE rid IN (SELECT s FROM f11_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') END AS key FROM d16 WHERE rid NOT IN (SELECT t FROM taken_d16_f10) AND rid NOT IN (SELECT t FROM f11_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d16_f11 AS SELECT t FROM taken_d16_f10 UNION ALL SELECT t FROM f11_content;
CREATE TABLE f12_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f13_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d7 WHERE rid IN (SELECT s FROM f13_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d18 WHERE rid NOT IN (SELECT t FROM taken_d18) AND rid NOT IN (SELECT t FROM f13_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d18_f13 AS SELECT t FROM taken_d18 UNION ALL SELECT t FROM f13_content;
CREATE TABLE f14_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') END AS key FROM d0 WHERE rid IN (SELECT s FROM f14_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d16 WHERE rid NOT IN (SELECT t FROM taken_d16_f11) AND rid NOT IN (SELECT t FROM f14_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d16_f14 AS SELECT t FROM taken_d16_f11 UNION ALL SELECT t FROM f14_content;
CREATE TABLE f15_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d3 WHERE rid IN (SELECT s FROM f15_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d16 WHERE rid NOT IN (SELECT t FROM taken_d16_f14) AND rid NOT IN (SELECT t FROM f15_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d16_f15 AS SELECT t FROM taken_d16_f14 UNION ALL SELECT t FROM f15_content;
CREATE TABLE f16_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') END AS key FROM d0 WHERE rid IN (SELECT s FROM f16_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') END AS key FROM d19 WHERE rid NOT IN (SELECT t FROM taken_d19) AND rid NOT IN (SELECT t FROM f16_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d19_f16 AS SELECT t FROM taken_d19 UNION ALL SELECT t FROM f16_content;
CREATE TABLE f17_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d3 WHERE rid IN (SELECT s FROM f17_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') END AS key FROM d19 WHERE rid NOT IN (SELECT t FROM taken_d19_f16) AND rid NOT IN (SELECT t FROM f17_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d19_f17 AS SELECT t FROM taken_d19_f16 UNION ALL SELECT t FROM f17_content;
CREATE TABLE f18_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f19_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f20_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f21_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v10) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v11) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v12) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v10), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v11), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v12), '') END AS key FROM d0 WHERE rid IN (SELECT s FROM f21_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') END AS key FROM d24 WHERE rid NOT IN (SELECT t FROM taken_d24) AND rid NOT IN (SELECT t FROM f21_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d24_f21 AS SELECT t FROM taken_d24 UNION ALL SELECT t FROM f21_content;
CREATE TABLE f22_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v9) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v9), '') END AS key FROM d1 WHERE rid IN (SELECT s FROM f22_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') END AS key FROM d24 WHERE rid NOT IN (SELECT t FROM taken_d24_f21) AND rid NOT IN (SELECT t FROM f22_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d24_f22 AS SELECT t FROM taken_d24_f21 UNION ALL SELECT t FROM f22_content;
CREATE TABLE f23_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v10) IS NOT NULL OR os_norm_case_insensitive(v10) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v9) IS NOT NULL OR os_norm_case_insensitive(v9) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v11) IS NOT NULL OR os_norm_case_insensitive(v12) IS NOT NULL OR os_norm_case_insensitive(v13) IS NOT NULL OR os_norm_case_insensitive(v14) IS NOT NULL OR os_norm_case_insensitive(v15) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v10), '') || chr(31) || coalesce(os_norm_case_insensitive(v10), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v9), '') || chr(31) || coalesce(os_norm_case_insensitive(v9), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v11), '') || chr(31) || coalesce(os_norm_case_insensitive(v12), '') || chr(31) || coalesce(os_norm_case_insensitive(v13), '') || chr(31) || coalesce(os_norm_case_insensitive(v14), '') || chr(31) || coalesce(os_norm_case_insensitive(v15), '') END AS key FROM d1 WHERE rid IN (SELECT s FROM f23_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v9) IS NOT NULL OR os_norm_case_insensitive(v10) IS NOT NULL OR os_norm_case_insensitive(v11) IS NOT NULL OR os_norm_case_insensitive(v12) IS NOT NULL OR os_norm_case_insensitive(v11) IS NOT NULL OR os_norm_case_insensitive(v13) IS NOT NULL OR os_norm_case_insensitive(v14) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v9), '') || chr(31) || coalesce(os_norm_case_insensitive(v10), '') || chr(31) || coalesce(os_norm_case_insensitive(v11), '') || chr(31) || coalesce(os_norm_case_insensitive(v12), '') || chr(31) || coalesce(os_norm_case_insensitive(v11), '') || chr(31) || coalesce(os_norm_case_insensitive(v13), '') || chr(31) || coalesce(os_norm_case_insensitive(v14), '') END AS key FROM d22 WHERE rid NOT IN (SELECT t FROM taken_d22) AND rid NOT IN (SELECT t FROM f23_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d22_f23 AS SELECT t FROM taken_d22 UNION ALL SELECT t FROM f23_content;
CREATE TABLE f24_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d5 WHERE rid IN (SELECT s FROM f24_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') END AS key FROM d23 WHERE rid NOT IN (SELECT t FROM taken_d23) AND rid NOT IN (SELECT t FROM f24_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d23_f24 AS SELECT t FROM taken_d23 UNION ALL SELECT t FROM f24_content;
CREATE TABLE f25_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v9) IS NOT NULL OR os_norm_case_insensitive(v1) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v9), '') || chr(31) || coalesce(os_norm_case_insensitive(v1), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d4 WHERE rid IN (SELECT s FROM f25_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v10) IS NOT NULL OR os_norm_case_insensitive(v11) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v12) IS NOT NULL OR os_norm_case_insensitive(v13) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v10), '') || chr(31) || coalesce(os_norm_case_insensitive(v11), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v12), '') || chr(31) || coalesce(os_norm_case_insensitive(v13), '') END AS key FROM d24 WHERE rid NOT IN (SELECT t FROM taken_d24_f22) AND rid NOT IN (SELECT t FROM f25_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d24_f25 AS SELECT t FROM taken_d24_f22 UNION ALL SELECT t FROM f25_content;
CREATE TABLE f26_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f27_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f28_content AS SELECT CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t WHERE false;
CREATE TABLE f29_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v7) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v7), '') END AS key FROM d4 WHERE rid IN (SELECT s FROM f29_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v0) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v0), '') END AS key FROM d24 WHERE rid NOT IN (SELECT t FROM taken_d24_f25) AND rid NOT IN (SELECT t FROM f29_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d24_f29 AS SELECT t FROM taken_d24_f25 UNION ALL SELECT t FROM f29_content;
CREATE TABLE f30_content AS
WITH sk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v6) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL OR os_norm_case_insensitive(v8) IS NOT NULL OR os_norm_case_insensitive(v0) IS NOT NULL OR os_norm_case_insensitive(v2) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v6), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') || chr(31) || coalesce(os_norm_case_insensitive(v8), '') || chr(31) || coalesce(os_norm_case_insensitive(v0), '') || chr(31) || coalesce(os_norm_case_insensitive(v2), '') END AS key FROM d7 WHERE rid IN (SELECT s FROM f30_creates0)),
    tk AS (SELECT rid, CASE WHEN os_norm_case_insensitive(v2) IS NOT NULL OR os_norm_case_insensitive(v3) IS NOT NULL OR os_norm_case_insensitive(v4) IS NOT NULL OR os_norm_case_insensitive(v5) IS NOT NULL OR os_norm_case_insensitive(v7) IS NOT NULL THEN coalesce(os_norm_case_insensitive(v2), '') || chr(31) || coalesce(os_norm_case_insensitive(v3), '') || chr(31) || coalesce(os_norm_case_insensitive(v4), '') || chr(31) || coalesce(os_norm_case_insensitive(v5), '') || chr(31) || coalesce(os_norm_case_insensitive(v7), '') END AS key FROM d25 WHERE rid NOT IN (SELECT t FROM taken_d25) AND rid NOT IN (SELECT t FROM f30_held_t)),
    one AS (SELECT sk.rid AS s, any_value(tk.rid) AS t FROM sk JOIN tk ON sk.key = tk.key GROUP BY sk.rid HAVING count(*) = 1)
SELECT any_value(s) AS s, t FROM one GROUP BY t HAVING count(*) = 1;
CREATE TABLE taken_d25_f30 AS SELECT t FROM taken_d25 UNION ALL SELECT t FROM f30_content;
CREATE TABLE f0_pairs AS SELECT * FROM f0_pairs0 UNION ALL SELECT s, t, 'content' FROM f0_content;
CREATE TABLE f1_pairs AS SELECT * FROM f1_pairs0 UNION ALL SELECT s, t, 'content' FROM f1_content;
CREATE TABLE f2_pairs AS SELECT * FROM f2_pairs0 UNION ALL SELECT s, t, 'content' FROM f2_content;
CREATE TABLE f3_pairs AS SELECT * FROM f3_pairs0 UNION ALL SELECT s, t, 'content' FROM f3_content;
CREATE TABLE f4_pairs AS SELECT * FROM f4_pairs0 UNION ALL SELECT s, t, 'content' FROM f4_content;
CREATE TABLE f5_pairs AS SELECT * FROM f5_pairs0 UNION ALL SELECT s, t, 'content' FROM f5_content;
CREATE TABLE f6_pairs AS SELECT * FROM f6_pairs0 UNION ALL SELECT s, t, 'content' FROM f6_content;
CREATE TABLE f7_pairs AS SELECT * FROM f7_pairs0 UNION ALL SELECT s, t, 'content' FROM f7_content;
CREATE TABLE f8_pairs AS SELECT * FROM f8_pairs0 UNION ALL SELECT s, t, 'content' FROM f8_content;
CREATE TABLE f9_pairs AS SELECT * FROM f9_pairs0 UNION ALL SELECT s, t, 'content' FROM f9_content;
CREATE TABLE f10_pairs AS SELECT * FROM f10_pairs0 UNION ALL SELECT s, t, 'content' FROM f10_content;
CREATE TABLE f11_pairs AS SELECT * FROM f11_pairs0 UNION ALL SELECT s, t, 'content' FROM f11_content;
CREATE TABLE f12_pairs AS SELECT * FROM f12_pairs0 UNION ALL SELECT s, t, 'content' FROM f12_content;
CREATE TABLE f13_pairs AS SELECT * FROM f13_pairs0 UNION ALL SELECT s, t, 'content' FROM f13_content;
CREATE TABLE f14_pairs AS SELECT * FROM f14_pairs0 UNION ALL SELECT s, t, 'content' FROM f14_content;
CREATE TABLE f15_pairs AS SELECT * FROM f15_pairs0 UNION ALL SELECT s, t, 'content' FROM f15_content;
CREATE TABLE f16_pairs AS SELECT * FROM f16_pairs0 UNION ALL SELECT s, t, 'content' FROM f16_content;
CREATE TABLE f17_pairs AS SELECT * FROM f17_pairs0 UNION ALL SELECT s, t, 'content' FROM f17_content;
CREATE TABLE f18_pairs AS SELECT * FROM f18_pairs0 UNION ALL SELECT s, t, 'content' FROM f18_content;
CREATE TABLE f19_pairs AS SELECT * FROM f19_pairs0 UNION ALL SELECT s, t, 'content' FROM f19_content;
CREATE TABLE f20_pairs AS SELECT * FROM f20_pairs0 UNION ALL SELECT s, t, 'content' FROM f20_content;
CREATE TABLE f21_pairs AS SELECT * FROM f21_pairs0 UNION ALL SELECT s, t, 'content' FROM f21_content;
CREATE TABLE f22_pairs AS SELECT * FROM f22_pairs0 UNION ALL SELECT s, t, 'content' FROM f22_content;
CREATE TABLE f23_pairs AS SELECT * FROM f23_pairs0 UNION ALL SELECT s, t, 'content' FROM f23_content;
CREATE TABLE f24_pairs AS SELECT * FROM f24_pairs0 UNION ALL SELECT s, t, 'content' FROM f24_content;
CREATE TABLE f25_pairs AS SELECT * FROM f25_pairs0 UNION ALL SELECT s, t, 'content' FROM f25_content;
CREATE TABLE f26_pairs AS SELECT * FROM f26_pairs0 UNION ALL SELECT s, t, 'content' FROM f26_content;
CREATE TABLE f27_pairs AS SELECT * FROM f27_pairs0 UNION ALL SELECT s, t, 'content' FROM f27_content;
CREATE TABLE f28_pairs AS SELECT * FROM f28_pairs0 UNION ALL SELECT s, t, 'content' FROM f28_content;
CREATE TABLE f29_pairs AS SELECT * FROM f29_pairs0 UNION ALL SELECT s, t, 'content' FROM f29_content;
CREATE TABLE f30_pairs AS SELECT * FROM f30_pairs0 UNION ALL SELECT s, t, 'content' FROM f30_content;

-- Creates, minus what a sibling section links
CREATE TABLE f0_creates AS SELECT s FROM f0_creates0 WHERE s NOT IN (SELECT s FROM f0_content);
CREATE TABLE f1_creates AS SELECT s FROM f1_creates0 WHERE s NOT IN (SELECT s FROM f1_content);
CREATE TABLE f2_creates AS SELECT s FROM f2_creates0 WHERE s NOT IN (SELECT s FROM f2_content);
CREATE TABLE f3_creates AS SELECT s FROM f3_creates0 WHERE s NOT IN (SELECT s FROM f3_content);
CREATE TABLE f4_creates AS SELECT s FROM f4_creates0 WHERE s NOT IN (SELECT s FROM f4_content);
CREATE TABLE f5_creates AS SELECT s FROM f5_creates0 WHERE s NOT IN (SELECT s FROM f5_content);
CREATE TABLE f6_creates AS SELECT s FROM f6_creates0 WHERE s NOT IN (SELECT s FROM f6_content);
CREATE TABLE f7_creates AS SELECT s FROM f7_creates0 WHERE s NOT IN (SELECT s FROM f7_content);
CREATE TABLE f8_creates AS SELECT s FROM f8_creates0 WHERE s NOT IN (SELECT s FROM f8_content);
CREATE TABLE f9_creates AS SELECT s FROM f9_creates0 WHERE s NOT IN (SELECT s FROM f9_content);
CREATE TABLE f10_creates AS SELECT s FROM f10_creates0 WHERE s NOT IN (SELECT s FROM f10_content);
CREATE TABLE f11_creates AS SELECT s FROM f11_creates0 WHERE s NOT IN (SELECT s FROM f11_content);
CREATE TABLE f12_creates AS SELECT s FROM f12_creates0 WHERE s NOT IN (SELECT s FROM f12_content);
CREATE TABLE f13_creates AS SELECT s FROM f13_creates0 WHERE s NOT IN (SELECT s FROM f13_content);
CREATE TABLE f14_creates AS SELECT s FROM f14_creates0 WHERE s NOT IN (SELECT s FROM f14_content);
CREATE TABLE f15_creates AS SELECT s FROM f15_creates0 WHERE s NOT IN (SELECT s FROM f15_content);
CREATE TABLE f16_creates AS SELECT s FROM f16_creates0 WHERE s NOT IN (SELECT s FROM f16_content);
CREATE TABLE f17_creates AS SELECT s FROM f17_creates0 WHERE s NOT IN (SELECT s FROM f17_content);
CREATE TABLE f18_creates AS SELECT s FROM f18_creates0 WHERE s NOT IN (SELECT s FROM f18_content);
CREATE TABLE f19_creates AS SELECT s FROM f19_creates0 WHERE s NOT IN (SELECT s FROM f19_content);
CREATE TABLE f20_creates AS SELECT s FROM f20_creates0 WHERE s NOT IN (SELECT s FROM f20_content);
CREATE TABLE f21_creates AS SELECT s FROM f21_creates0 WHERE s NOT IN (SELECT s FROM f21_content);
CREATE TABLE f22_creates AS SELECT s FROM f22_creates0 WHERE s NOT IN (SELECT s FROM f22_content);
CREATE TABLE f23_creates AS SELECT s FROM f23_creates0 WHERE s NOT IN (SELECT s FROM f23_content) AND s NOT IN (SELECT s FROM f23_pairs UNION SELECT s FROM f23_amb UNION SELECT s FROM f27_pairs UNION SELECT s FROM f27_amb);
CREATE TABLE f24_creates AS SELECT s FROM f24_creates0 WHERE s NOT IN (SELECT s FROM f24_content) AND s NOT IN (SELECT s FROM f24_pairs UNION SELECT s FROM f24_amb UNION SELECT s FROM f28_pairs UNION SELECT s FROM f28_amb);
CREATE TABLE f25_creates AS SELECT s FROM f25_creates0 WHERE s NOT IN (SELECT s FROM f25_content) AND s NOT IN (SELECT s FROM f25_pairs UNION SELECT s FROM f25_amb UNION SELECT s FROM f29_pairs UNION SELECT s FROM f29_amb);
CREATE TABLE f26_creates AS SELECT s FROM f26_creates0 WHERE s NOT IN (SELECT s FROM f26_content);
CREATE TABLE f27_creates AS SELECT s FROM f27_creates0 WHERE s NOT IN (SELECT s FROM f27_content) AND s NOT IN (SELECT s FROM f23_pairs UNION SELECT s FROM f23_amb UNION SELECT s FROM f27_pairs UNION SELECT s FROM f27_amb);
CREATE TABLE f28_creates AS SELECT s FROM f28_creates0 WHERE s NOT IN (SELECT s FROM f28_content) AND s NOT IN (SELECT s FROM f24_pairs UNION SELECT s FROM f24_amb UNION SELECT s FROM f28_pairs UNION SELECT s FROM f28_amb);
CREATE TABLE f29_creates AS SELECT s FROM f29_creates0 WHERE s NOT IN (SELECT s FROM f29_content) AND s NOT IN (SELECT s FROM f25_pairs UNION SELECT s FROM f25_amb UNION SELECT s FROM f29_pairs UNION SELECT s FROM f29_amb);
CREATE TABLE f30_creates AS SELECT s FROM f30_creates0 WHERE s NOT IN (SELECT s FROM f30_content);

-- Flows and mapped paths
CREATE TABLE flows AS SELECT * FROM (VALUES (0, 'powerofficego', 'Contactperson', 'youtrack', 'Users'), (1, 'powerofficego', 'Customers person', 'youtrack', 'Users'), (2, 'powerofficego', 'Currency', 'youtrack', 'Organizationroles'), (3, 'powerofficego', 'Customers', 'youtrack', 'Groups'), (4, 'powerofficego', 'Departments', 'youtrack', 'Groups'), (5, 'powerofficego', 'Productgroup', 'youtrack', 'Organizationroles'), (6, 'powerofficego', 'Contactperson', 'zendesk', 'Users'), (7, 'powerofficego', 'Customers person', 'zendesk', 'Users'), (8, 'powerofficego', 'Customers', 'zendesk', 'Organizations'), (9, 'powerofficego', 'Departments', 'zendesk', 'Organizations'), (10, 'powerofficego', 'Customers person', 'crmoffice', 'Contacts'), (11, 'powerofficego', 'Employees', 'crmoffice', 'Contacts'), (12, 'powerofficego', 'Product', 'crmoffice', 'Companies'), (13, 'powerofficego', 'Projects', 'crmoffice', 'Activities'), (14, 'powerofficego', 'Contactperson', 'crmoffice', 'Contacts'), (15, 'powerofficego', 'Suppliers person', 'crmoffice', 'Contacts'), (16, 'powerofficego', 'Contactperson', 'exact', 'Contacts'), (17, 'powerofficego', 'Suppliers person', 'exact', 'Contacts'), (18, 'powerofficego', 'Departments', 'custompms', 'Customer'), (19, 'powerofficego', 'Customers', 'custompms', 'Customer'), (20, 'powerofficego', 'Projects', 'custompms', 'Project'), (21, 'powerofficego', 'Contactperson', 'tidsbanken', 'Ansatt'), (22, 'powerofficego', 'Customers', 'tidsbanken', 'Ansatt'), (23, 'powerofficego', 'Customers', 'tidsbanken', 'Kunde'), (24, 'powerofficego', 'Departments', 'tidsbanken', 'Avdeling'), (25, 'powerofficego', 'Employees', 'tidsbanken', 'Ansatt'), (26, 'powerofficego', 'Customers (organisation data)', 'tidsbanken', 'Kunde'), (27, 'powerofficego', 'Customers', 'tidsbanken', 'Kunde'), (28, 'powerofficego', 'Departments', 'tidsbanken', 'Avdeling'), (29, 'powerofficego', 'Employees', 'tidsbanken', 'Ansatt'), (30, 'powerofficego', 'Projects', 'tidsbanken', 'Prosjekt')) AS v(k, source_system, source_entity, target_system, target_entity);
CREATE TABLE mappings AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS STRING) AS source_path, CAST(NULL AS STRING) AS target_path WHERE false
UNION ALL SELECT 0, 1, 'emailAddress', 'profile.email.email'
WHERE NOT EXISTS (SELECT 1 FROM d11 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 0, 2, 'residenceCountryCode', 'userType.id'
WHERE NOT EXISTS (SELECT 1 FROM d11 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 1, 0, 'EmailAddress', 'profile.email'
WHERE NOT EXISTS (SELECT 1 FROM d11 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 1, 1, 'MailAddress.CountryCode', 'userType.id'
WHERE NOT EXISTS (SELECT 1 FROM d11 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 3, 0, 'Name', 'name'
WHERE NOT EXISTS (SELECT 1 FROM d12 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 4, 0, 'Name', 'name'
WHERE NOT EXISTS (SELECT 1 FROM d12 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 6, 0, 'emailAddress', 'email'
WHERE NOT EXISTS (SELECT 1 FROM d14 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 6, 1, 'partyId', 'organization_id'
WHERE NOT EXISTS (SELECT 1 FROM d14 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 8, 0, 'Name', 'name'
WHERE NOT EXISTS (SELECT 1 FROM d15 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 9, 0, 'Name', 'name'
WHERE NOT EXISTS (SELECT 1 FROM d15 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 10, 0, 'FirstName', 'givenName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 10, 1, 'LastName', 'familyName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 10, 2, 'PhoneNumber', 'directPhone'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 11, 0, 'FirstName', 'givenName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 11, 1, 'LastName', 'familyName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 11, 2, 'PhoneNumber', 'mobilePhone'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 13, 0, 'Name', 'subject'
WHERE NOT EXISTS (SELECT 1 FROM d18 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 13, 1, 'ProjectManagerEmployeeId', 'ownerId'
WHERE NOT EXISTS (SELECT 1 FROM d18 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 13, 2, 'StartDate', 'startsAt'
WHERE NOT EXISTS (SELECT 1 FROM d18 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 14, 0, 'firstName', 'givenName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 14, 1, 'lastName', 'familyName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 14, 2, 'phoneNumber', 'directPhone'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 15, 0, 'FirstName', 'givenName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 15, 1, 'LastName', 'familyName'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 15, 2, 'PhoneNumber', 'directPhone'
WHERE NOT EXISTS (SELECT 1 FROM d16 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 16, 0, 'city', 'City'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 16, 1, 'dateOfBirth', 'BirthDate'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 16, 2, 'emailAddress', 'Email'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 16, 3, 'firstName', 'FirstName'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n3))
UNION ALL SELECT 16, 4, 'lastName', 'LastName'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n4))
UNION ALL SELECT 16, 5, 'phoneNumber', 'Phone'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 16, 6, 'residenceCountryCode', 'Country'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n6))
UNION ALL SELECT 17, 0, 'DateOfBirth', 'BirthDate'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 17, 1, 'EmailAddress', 'Email'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 17, 2, 'FirstName', 'FirstName'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n3))
UNION ALL SELECT 17, 3, 'LastName', 'LastName'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n4))
UNION ALL SELECT 17, 4, 'MailAddress.City', 'City'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 17, 5, 'MailAddress.CountryCode', 'Country'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n6))
UNION ALL SELECT 17, 6, 'PhoneNumber', 'Phone'
WHERE NOT EXISTS (SELECT 1 FROM d19 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 21, 0, 'address1', 'Adresse'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 21, 1, 'city', 'Poststed'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n3))
UNION ALL SELECT 21, 2, 'dateOfBirth', 'Fodt'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n4))
UNION ALL SELECT 21, 3, 'firstName', 'Fornavn'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 21, 4, 'id', 'Id'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n6))
UNION ALL SELECT 21, 5, 'lastName', 'Etternavn'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n7))
UNION ALL SELECT 21, 6, 'zipCode', 'Postnummer'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n8))
UNION ALL SELECT 22, 0, 'DateOfBirth', 'Fodt'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n4))
UNION ALL SELECT 22, 1, 'FirstName', 'Fornavn'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 22, 2, 'Id', 'Id'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n6))
UNION ALL SELECT 22, 3, 'LastName', 'Etternavn'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n7))
UNION ALL SELECT 22, 4, 'MailAddress.AddressLine1', 'Adresse'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 22, 5, 'MailAddress.City', 'Poststed'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n3))
UNION ALL SELECT 22, 6, 'MailAddress.ZipCode', 'Postnummer'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n8))
UNION ALL SELECT 23, 0, 'EmailAddress', 'Epost'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 23, 1, 'Id', 'Id'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 23, 2, 'MailAddress.AddressLine1', 'Gateadresse'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 23, 3, 'MailAddress.AddressLine1', 'Leveringsadresse'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n3))
UNION ALL SELECT 23, 4, 'MailAddress.AddressLine2', 'Leveringsadresse2'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n4))
UNION ALL SELECT 23, 5, 'MailAddress.AddressLine2', 'Postadresse'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 23, 6, 'MailAddress.City', 'LevPoststed'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n6))
UNION ALL SELECT 23, 7, 'MailAddress.City', 'Poststed'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n7))
UNION ALL SELECT 23, 8, 'MailAddress.ZipCode', 'LevPostNr'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n8))
UNION ALL SELECT 23, 9, 'MailAddress.ZipCode', 'Postnr'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n9))
UNION ALL SELECT 23, 10, 'Name', 'Navn'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n10))
UNION ALL SELECT 23, 11, 'Number', 'sesam_kundeId'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n11))
UNION ALL SELECT 23, 12, 'OrganizationNumber (Dependant on having NO in MailAddress.CountryCode)', 'Organisasjonsnummer'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n12))
UNION ALL SELECT 23, 13, 'OrganizationNumber (Dependant on having wd:Q852835 in MailAddress.CountryCode)', 'sesam_kundeId'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n11))
UNION ALL SELECT 23, 14, 'PhoneNumber', 'Telefon'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n13))
UNION ALL SELECT 23, 15, 'WebsiteUrl', 'Url'
WHERE NOT EXISTS (SELECT 1 FROM d22 x WHERE os_filled_object(x.n14))
UNION ALL SELECT 24, 0, 'Code', 'sesam_avdelingId'
WHERE NOT EXISTS (SELECT 1 FROM d23 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 24, 1, 'IsActive', 'Synlig'
WHERE NOT EXISTS (SELECT 1 FROM d23 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 24, 2, 'Name', 'Navn'
WHERE NOT EXISTS (SELECT 1 FROM d23 x WHERE os_filled_object(x.n3))
UNION ALL SELECT 25, 0, 'DateOfBirth', 'Fodt'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n4))
UNION ALL SELECT 25, 1, 'DepartmentId', 'AvdelingId'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n9))
UNION ALL SELECT 25, 2, 'EmailAddress', 'Epost'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 25, 3, 'FirstName', 'Fornavn'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 25, 4, 'IsArchived', 'Aktiv'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n10))
UNION ALL SELECT 25, 5, 'JobTitle', 'Tittel'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n11))
UNION ALL SELECT 25, 6, 'LastName', 'Etternavn'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n7))
UNION ALL SELECT 25, 7, 'Number', 'sesam_ansattId'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n12))
UNION ALL SELECT 25, 8, 'PhoneNumber', 'Mobil'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n13))
UNION ALL SELECT 29, 0, 'EmailAddress', 'Epost'
WHERE NOT EXISTS (SELECT 1 FROM d24 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 30, 0, 'CustomerId', 'KundeId'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n0))
UNION ALL SELECT 30, 1, 'DepartmentId', 'AvdelingId'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n1))
UNION ALL SELECT 30, 2, 'EndDate', 'AvsluttetDato'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n2))
UNION ALL SELECT 30, 3, 'IsActive', 'Avsluttet'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n3))
UNION ALL SELECT 30, 4, 'IsInternal', 'InterntProsjekt'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n4))
UNION ALL SELECT 30, 5, 'Name', 'Navn'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n5))
UNION ALL SELECT 30, 6, 'ProjectManagerEmployeeId', 'AnsvarligId'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n6))
UNION ALL SELECT 30, 7, 'StartDate', 'StartDato'
WHERE NOT EXISTS (SELECT 1 FROM d25 x WHERE os_filled_object(x.n7));
CREATE TABLE f0_ids AS SELECT s.id AS sid, t.id AS tid FROM f0_pairs p JOIN d0 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t;
CREATE TABLE f0_created_ids AS SELECT s.id FROM f0_creates c JOIN d0 s ON s.rid = c.s;
CREATE TABLE f1_ids AS SELECT s.id AS sid, t.id AS tid FROM f1_pairs p JOIN d2 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t;
CREATE TABLE f1_created_ids AS SELECT s.id FROM f1_creates c JOIN d2 s ON s.rid = c.s;
CREATE TABLE f2_ids AS SELECT s.id AS sid, t.id AS tid FROM f2_pairs p JOIN d10 s ON s.rid = p.s JOIN d13 t ON t.rid = p.t;
CREATE TABLE f2_created_ids AS SELECT s.id FROM f2_creates c JOIN d10 s ON s.rid = c.s;
CREATE TABLE f3_ids AS SELECT s.id AS sid, t.id AS tid FROM f3_pairs p JOIN d1 s ON s.rid = p.s JOIN d12 t ON t.rid = p.t;
CREATE TABLE f3_created_ids AS SELECT s.id FROM f3_creates c JOIN d1 s ON s.rid = c.s;
CREATE TABLE f4_ids AS SELECT s.id AS sid, t.id AS tid FROM f4_pairs p JOIN d5 s ON s.rid = p.s JOIN d12 t ON t.rid = p.t;
CREATE TABLE f4_created_ids AS SELECT s.id FROM f4_creates c JOIN d5 s ON s.rid = c.s;
CREATE TABLE f5_ids AS SELECT s.id AS sid, t.id AS tid FROM f5_pairs p JOIN d9 s ON s.rid = p.s JOIN d13 t ON t.rid = p.t;
CREATE TABLE f5_created_ids AS SELECT s.id FROM f5_creates c JOIN d9 s ON s.rid = c.s;
CREATE TABLE f6_ids AS SELECT s.id AS sid, t.id AS tid FROM f6_pairs p JOIN d0 s ON s.rid = p.s JOIN d14 t ON t.rid = p.t;
CREATE TABLE f6_created_ids AS SELECT s.id FROM f6_creates c JOIN d0 s ON s.rid = c.s;
CREATE TABLE f7_ids AS SELECT s.id AS sid, t.id AS tid FROM f7_pairs p JOIN d2 s ON s.rid = p.s JOIN d14 t ON t.rid = p.t;
CREATE TABLE f7_created_ids AS SELECT s.id FROM f7_creates c JOIN d2 s ON s.rid = c.s;
CREATE TABLE f8_ids AS SELECT s.id AS sid, t.id AS tid FROM f8_pairs p JOIN d1 s ON s.rid = p.s JOIN d15 t ON t.rid = p.t;
CREATE TABLE f8_created_ids AS SELECT s.id FROM f8_creates c JOIN d1 s ON s.rid = c.s;
CREATE TABLE f9_ids AS SELECT s.id AS sid, t.id AS tid FROM f9_pairs p JOIN d5 s ON s.rid = p.s JOIN d15 t ON t.rid = p.t;
CREATE TABLE f9_created_ids AS SELECT s.id FROM f9_creates c JOIN d5 s ON s.rid = c.s;
CREATE TABLE f10_ids AS SELECT s.id AS sid, t.id AS tid FROM f10_pairs p JOIN d2 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t;
CREATE TABLE f10_created_ids AS SELECT s.id FROM f10_creates c JOIN d2 s ON s.rid = c.s;
CREATE TABLE f11_ids AS SELECT s.id AS sid, t.id AS tid FROM f11_pairs p JOIN d4 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t;
CREATE TABLE f11_created_ids AS SELECT s.id FROM f11_creates c JOIN d4 s ON s.rid = c.s;
CREATE TABLE f12_ids AS SELECT s.id AS sid, t.id AS tid FROM f12_pairs p JOIN d8 s ON s.rid = p.s JOIN d17 t ON t.rid = p.t;
CREATE TABLE f12_created_ids AS SELECT s.id FROM f12_creates c JOIN d8 s ON s.rid = c.s;
CREATE TABLE f13_ids AS SELECT s.id AS sid, t.id AS tid FROM f13_pairs p JOIN d7 s ON s.rid = p.s JOIN d18 t ON t.rid = p.t;
CREATE TABLE f13_created_ids AS SELECT s.id FROM f13_creates c JOIN d7 s ON s.rid = c.s;
CREATE TABLE f14_ids AS SELECT s.id AS sid, t.id AS tid FROM f14_pairs p JOIN d0 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t;
CREATE TABLE f14_created_ids AS SELECT s.id FROM f14_creates c JOIN d0 s ON s.rid = c.s;
CREATE TABLE f15_ids AS SELECT s.id AS sid, t.id AS tid FROM f15_pairs p JOIN d3 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t;
CREATE TABLE f15_created_ids AS SELECT s.id FROM f15_creates c JOIN d3 s ON s.rid = c.s;
CREATE TABLE f16_ids AS SELECT s.id AS sid, t.id AS tid FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t;
CREATE TABLE f16_created_ids AS SELECT s.id FROM f16_creates c JOIN d0 s ON s.rid = c.s;
CREATE TABLE f17_ids AS SELECT s.id AS sid, t.id AS tid FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t;
CREATE TABLE f17_created_ids AS SELECT s.id FROM f17_creates c JOIN d3 s ON s.rid = c.s;
CREATE TABLE f18_ids AS SELECT s.id AS sid, t.id AS tid FROM f18_pairs p JOIN d5 s ON s.rid = p.s JOIN d20 t ON t.rid = p.t;
CREATE TABLE f18_created_ids AS SELECT s.id FROM f18_creates c JOIN d5 s ON s.rid = c.s;
CREATE TABLE f19_ids AS SELECT s.id AS sid, t.id AS tid FROM f19_pairs p JOIN d1 s ON s.rid = p.s JOIN d20 t ON t.rid = p.t;
CREATE TABLE f19_created_ids AS SELECT s.id FROM f19_creates c JOIN d1 s ON s.rid = c.s;
CREATE TABLE f20_ids AS SELECT s.id AS sid, t.id AS tid FROM f20_pairs p JOIN d7 s ON s.rid = p.s JOIN d21 t ON t.rid = p.t;
CREATE TABLE f20_created_ids AS SELECT s.id FROM f20_creates c JOIN d7 s ON s.rid = c.s;
CREATE TABLE f21_ids AS SELECT s.id AS sid, t.id AS tid FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t;
CREATE TABLE f21_created_ids AS SELECT s.id FROM f21_creates c JOIN d0 s ON s.rid = c.s;
CREATE TABLE f22_ids AS SELECT s.id AS sid, t.id AS tid FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t;
CREATE TABLE f22_created_ids AS SELECT s.id FROM f22_creates c JOIN d1 s ON s.rid = c.s;
CREATE TABLE f23_ids AS SELECT s.id AS sid, t.id AS tid FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t;
CREATE TABLE f23_created_ids AS SELECT s.id FROM f23_creates c JOIN d1 s ON s.rid = c.s;
CREATE TABLE f24_ids AS SELECT s.id AS sid, t.id AS tid FROM f24_pairs p JOIN d5 s ON s.rid = p.s JOIN d23 t ON t.rid = p.t;
CREATE TABLE f24_created_ids AS SELECT s.id FROM f24_creates c JOIN d5 s ON s.rid = c.s;
CREATE TABLE f25_ids AS SELECT s.id AS sid, t.id AS tid FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t;
CREATE TABLE f25_created_ids AS SELECT s.id FROM f25_creates c JOIN d4 s ON s.rid = c.s;
CREATE TABLE f26_ids AS SELECT s.id AS sid, t.id AS tid FROM f26_pairs p JOIN d6 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t;
CREATE TABLE f26_created_ids AS SELECT s.id FROM f26_creates c JOIN d6 s ON s.rid = c.s;
CREATE TABLE f27_ids AS SELECT s.id AS sid, t.id AS tid FROM f27_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t;
CREATE TABLE f27_created_ids AS SELECT s.id FROM f27_creates c JOIN d1 s ON s.rid = c.s;
CREATE TABLE f28_ids AS SELECT s.id AS sid, t.id AS tid FROM f28_pairs p JOIN d5 s ON s.rid = p.s JOIN d23 t ON t.rid = p.t;
CREATE TABLE f28_created_ids AS SELECT s.id FROM f28_creates c JOIN d5 s ON s.rid = c.s;
CREATE TABLE f29_ids AS SELECT s.id AS sid, t.id AS tid FROM f29_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t;
CREATE TABLE f29_created_ids AS SELECT s.id FROM f29_creates c JOIN d4 s ON s.rid = c.s;
CREATE TABLE f30_ids AS SELECT s.id AS sid, t.id AS tid FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t;
CREATE TABLE f30_created_ids AS SELECT s.id FROM f30_creates c JOIN d7 s ON s.rid = c.s;

-- flow 0: changes
CREATE TABLE f0_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 0, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f0_pairs p JOIN d0 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Contactperson -> youtrack.Users'
    AND b1.source_id = s.id AND b1.property = 'emailAddress -> profile.email.email'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 0 AND m = 1)
UNION ALL SELECT 0, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v1), os_canonical_text(t.v2), os_written_text(s.v1, os_array(s.n1)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n1), os_json(t.n2), s.stamp, CAST(NULL AS DOUBLE), b2.digest
FROM f0_pairs p JOIN d0 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Contactperson -> youtrack.Users'
    AND b2.source_id = s.id AND b2.property = 'residenceCountryCode -> userType.id'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 0 AND m = 2);
CREATE TABLE f0_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f0_vals);
CREATE TABLE f0_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 0, 1, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f0_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 0 AND m = 1)
UNION ALL SELECT 0, 2, c.s, s.id, NULL, os_canonical_text(s.v1), os_written_text(s.v1, os_array(s.n1))
FROM f0_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 0 AND m = 2);

-- flow 1: changes
CREATE TABLE f1_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 1, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v1), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n0), os_json(t.n1), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f1_pairs p JOIN d2 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Customers person -> youtrack.Users'
    AND b0.source_id = s.id AND b0.property = 'EmailAddress -> profile.email'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 1 AND m = 0)
UNION ALL SELECT 1, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v1), os_canonical_text(t.v2), os_written_text(s.v1, os_array(s.n1)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n1), os_json(t.n2), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f1_pairs p JOIN d2 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Customers person -> youtrack.Users'
    AND b1.source_id = s.id AND b1.property = 'MailAddress.CountryCode -> userType.id'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 1 AND m = 1);
CREATE TABLE f1_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f1_vals);
CREATE TABLE f1_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 1, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f1_creates c JOIN d2 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 1 AND m = 0)
UNION ALL SELECT 1, 1, c.s, s.id, NULL, os_canonical_text(s.v1), os_written_text(s.v1, os_array(s.n1))
FROM f1_creates c JOIN d2 s ON s.rid = c.s
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 1 AND m = 1);

-- flow 2: changes
CREATE TABLE f2_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f2_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f2_vals);
CREATE TABLE f2_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 3: changes
CREATE TABLE f3_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 3, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f3_pairs p JOIN d1 s ON s.rid = p.s JOIN d12 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Customers -> youtrack.Groups'
    AND b0.source_id = s.id AND b0.property = 'Name -> name'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 3 AND m = 0);
CREATE TABLE f3_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f3_vals);
CREATE TABLE f3_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 3, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f3_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 3 AND m = 0);

-- flow 4: changes
CREATE TABLE f4_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 4, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f4_pairs p JOIN d5 s ON s.rid = p.s JOIN d12 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Departments -> youtrack.Groups'
    AND b0.source_id = s.id AND b0.property = 'Name -> name'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 4 AND m = 0);
CREATE TABLE f4_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f4_vals);
CREATE TABLE f4_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 4, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f4_creates c JOIN d5 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 4 AND m = 0);

-- flow 5: changes
CREATE TABLE f5_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f5_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f5_vals);
CREATE TABLE f5_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 6: changes
CREATE TABLE f6_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 6, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f6_pairs p JOIN d0 s ON s.rid = p.s JOIN d14 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Contactperson -> zendesk.Users'
    AND b0.source_id = s.id AND b0.property = 'emailAddress -> email'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 6 AND m = 0)
UNION ALL SELECT 6, 1, p.s, p.t, p.reason, s.id, t.id, CASE WHEN NOT os_blank(s.v3) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v3) IN (SELECT id FROM f8_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_canonical_text(t.v1), os_written_text(fw1.tid, NULL), os_written_text(bw1.sid, NULL),
    os_json(s.n3), os_json(t.n1), s.stamp, t.stamp, b1.digest
FROM f6_pairs p JOIN d0 s ON s.rid = p.s JOIN d14 t ON t.rid = p.t LEFT JOIN f8_ids fw1 ON fw1.sid = os_trim(s.v3) LEFT JOIN f8_ids bw1 ON bw1.tid = os_trim(t.v1)
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Contactperson -> zendesk.Users'
    AND b1.source_id = s.id AND b1.property = 'partyId -> organization_id'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 6 AND m = 1);
CREATE TABLE f6_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f6_vals);
CREATE TABLE f6_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 6, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f6_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 6 AND m = 0)
UNION ALL SELECT 6, 1, c.s, s.id, CASE WHEN NOT os_blank(s.v3) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v3) IN (SELECT id FROM f8_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_written_text(fw1.tid, NULL)
FROM f6_creates c JOIN d0 s ON s.rid = c.s LEFT JOIN f8_ids fw1 ON fw1.sid = os_trim(s.v3)
WHERE NOT os_blank(s.v3) AND EXISTS (SELECT 1 FROM mappings WHERE k = 6 AND m = 1);

-- flow 7: changes
CREATE TABLE f7_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f7_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f7_vals);
CREATE TABLE f7_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 8: changes
CREATE TABLE f8_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 8, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f8_pairs p JOIN d1 s ON s.rid = p.s JOIN d15 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Customers -> zendesk.Organizations'
    AND b0.source_id = s.id AND b0.property = 'Name -> name'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 8 AND m = 0);
CREATE TABLE f8_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f8_vals);
CREATE TABLE f8_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 8, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f8_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 8 AND m = 0);

-- flow 9: changes
CREATE TABLE f9_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 9, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f9_pairs p JOIN d5 s ON s.rid = p.s JOIN d15 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Departments -> zendesk.Organizations'
    AND b0.source_id = s.id AND b0.property = 'Name -> name'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 9 AND m = 0);
CREATE TABLE f9_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f9_vals);
CREATE TABLE f9_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 9, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f9_creates c JOIN d5 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 9 AND m = 0);

-- flow 10: changes
CREATE TABLE f10_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 10, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v3), os_canonical_text(t.v0), os_written_text(s.v3, os_array(s.n3)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n3), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f10_pairs p JOIN d2 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Customers person -> crmoffice.Contacts'
    AND b0.source_id = s.id AND b0.property = 'FirstName -> givenName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 0)
UNION ALL SELECT 10, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v4), os_canonical_text(t.v1), os_written_text(s.v4, os_array(s.n4)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n4), os_json(t.n1), s.stamp, t.stamp, b1.digest
FROM f10_pairs p JOIN d2 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Customers person -> crmoffice.Contacts'
    AND b1.source_id = s.id AND b1.property = 'LastName -> familyName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 1)
UNION ALL SELECT 10, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v5), os_canonical_text(t.v2), os_written_text(s.v5, os_array(s.n5)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n5), os_json(t.n2), s.stamp, t.stamp, b2.digest
FROM f10_pairs p JOIN d2 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Customers person -> crmoffice.Contacts'
    AND b2.source_id = s.id AND b2.property = 'PhoneNumber -> directPhone'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 2);
CREATE TABLE f10_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f10_vals);
CREATE TABLE f10_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 10, 0, c.s, s.id, NULL, os_canonical_text(s.v3), os_written_text(s.v3, os_array(s.n3))
FROM f10_creates c JOIN d2 s ON s.rid = c.s
WHERE NOT os_blank(s.v3) AND EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 0)
UNION ALL SELECT 10, 1, c.s, s.id, NULL, os_canonical_text(s.v4), os_written_text(s.v4, os_array(s.n4))
FROM f10_creates c JOIN d2 s ON s.rid = c.s
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 1)
UNION ALL SELECT 10, 2, c.s, s.id, NULL, os_canonical_text(s.v5), os_written_text(s.v5, os_array(s.n5))
FROM f10_creates c JOIN d2 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 2);

-- flow 11: changes
CREATE TABLE f11_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 11, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f11_pairs p JOIN d4 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Employees -> crmoffice.Contacts'
    AND b0.source_id = s.id AND b0.property = 'FirstName -> givenName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 0)
UNION ALL SELECT 11, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v1), os_canonical_text(t.v1), os_written_text(s.v1, os_array(s.n1)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n1), os_json(t.n1), s.stamp, t.stamp, b1.digest
FROM f11_pairs p JOIN d4 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Employees -> crmoffice.Contacts'
    AND b1.source_id = s.id AND b1.property = 'LastName -> familyName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 1)
UNION ALL SELECT 11, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v5), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n2), os_json(t.n5), s.stamp, t.stamp, b2.digest
FROM f11_pairs p JOIN d4 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Employees -> crmoffice.Contacts'
    AND b2.source_id = s.id AND b2.property = 'PhoneNumber -> mobilePhone'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 2);
CREATE TABLE f11_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f11_vals);
CREATE TABLE f11_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 11, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f11_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 0)
UNION ALL SELECT 11, 1, c.s, s.id, NULL, os_canonical_text(s.v1), os_written_text(s.v1, os_array(s.n1))
FROM f11_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 1)
UNION ALL SELECT 11, 2, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f11_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 2);

-- flow 12: changes
CREATE TABLE f12_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f12_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f12_vals);
CREATE TABLE f12_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 13: changes
CREATE TABLE f13_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 13, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f13_pairs p JOIN d7 s ON s.rid = p.s JOIN d18 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Projects -> crmoffice.Activities'
    AND b0.source_id = s.id AND b0.property = 'Name -> subject'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 0)
UNION ALL SELECT 13, 1, p.s, p.t, p.reason, s.id, t.id, CASE WHEN NOT os_blank(s.v1) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v1) IN (SELECT id FROM f11_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_canonical_text(t.v1), os_written_text(fw1.tid, NULL), os_written_text(bw1.sid, NULL),
    os_json(s.n1), os_json(t.n1), s.stamp, t.stamp, b1.digest
FROM f13_pairs p JOIN d7 s ON s.rid = p.s JOIN d18 t ON t.rid = p.t LEFT JOIN f11_ids fw1 ON fw1.sid = os_trim(s.v1) LEFT JOIN f11_ids bw1 ON bw1.tid = os_trim(t.v1)
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Projects -> crmoffice.Activities'
    AND b1.source_id = s.id AND b1.property = 'ProjectManagerEmployeeId -> ownerId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 1)
UNION ALL SELECT 13, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v2), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n2), os_json(t.n2), s.stamp, t.stamp, b2.digest
FROM f13_pairs p JOIN d7 s ON s.rid = p.s JOIN d18 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Projects -> crmoffice.Activities'
    AND b2.source_id = s.id AND b2.property = 'StartDate -> startsAt'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 2);
CREATE TABLE f13_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f13_vals);
CREATE TABLE f13_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 13, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f13_creates c JOIN d7 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 0)
UNION ALL SELECT 13, 1, c.s, s.id, CASE WHEN NOT os_blank(s.v1) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v1) IN (SELECT id FROM f11_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_written_text(fw1.tid, NULL)
FROM f13_creates c JOIN d7 s ON s.rid = c.s LEFT JOIN f11_ids fw1 ON fw1.sid = os_trim(s.v1)
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 1)
UNION ALL SELECT 13, 2, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f13_creates c JOIN d7 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 2);

-- flow 14: changes
CREATE TABLE f14_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 14, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v4), os_canonical_text(t.v0), os_written_text(s.v4, os_array(s.n4)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n4), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f14_pairs p JOIN d0 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Contactperson -> crmoffice.Contacts'
    AND b0.source_id = s.id AND b0.property = 'firstName -> givenName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 0)
UNION ALL SELECT 14, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v5), os_canonical_text(t.v1), os_written_text(s.v5, os_array(s.n5)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n5), os_json(t.n1), s.stamp, t.stamp, b1.digest
FROM f14_pairs p JOIN d0 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Contactperson -> crmoffice.Contacts'
    AND b1.source_id = s.id AND b1.property = 'lastName -> familyName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 1)
UNION ALL SELECT 14, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v6), os_canonical_text(t.v2), os_written_text(s.v6, os_array(s.n6)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n6), os_json(t.n2), s.stamp, t.stamp, b2.digest
FROM f14_pairs p JOIN d0 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Contactperson -> crmoffice.Contacts'
    AND b2.source_id = s.id AND b2.property = 'phoneNumber -> directPhone'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 2);
CREATE TABLE f14_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f14_vals);
CREATE TABLE f14_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 14, 0, c.s, s.id, NULL, os_canonical_text(s.v4), os_written_text(s.v4, os_array(s.n4))
FROM f14_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 0)
UNION ALL SELECT 14, 1, c.s, s.id, NULL, os_canonical_text(s.v5), os_written_text(s.v5, os_array(s.n5))
FROM f14_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 1)
UNION ALL SELECT 14, 2, c.s, s.id, NULL, os_canonical_text(s.v6), os_written_text(s.v6, os_array(s.n6))
FROM f14_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v6) AND EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 2);

-- flow 15: changes
CREATE TABLE f15_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 15, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v0), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n0), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f15_pairs p JOIN d3 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Suppliers person -> crmoffice.Contacts'
    AND b0.source_id = s.id AND b0.property = 'FirstName -> givenName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 0)
UNION ALL SELECT 15, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v1), os_canonical_text(t.v1), os_written_text(s.v1, os_array(s.n1)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n1), os_json(t.n1), s.stamp, t.stamp, b1.digest
FROM f15_pairs p JOIN d3 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Suppliers person -> crmoffice.Contacts'
    AND b1.source_id = s.id AND b1.property = 'LastName -> familyName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 1)
UNION ALL SELECT 15, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v2), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n2), os_json(t.n2), s.stamp, t.stamp, b2.digest
FROM f15_pairs p JOIN d3 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Suppliers person -> crmoffice.Contacts'
    AND b2.source_id = s.id AND b2.property = 'PhoneNumber -> directPhone'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 2);
CREATE TABLE f15_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f15_vals);
CREATE TABLE f15_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 15, 0, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f15_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 0)
UNION ALL SELECT 15, 1, c.s, s.id, NULL, os_canonical_text(s.v1), os_written_text(s.v1, os_array(s.n1))
FROM f15_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 1)
UNION ALL SELECT 15, 2, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f15_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 2);

-- flow 16: changes
CREATE TABLE f16_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 16, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v0), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n7), os_json(t.n0), s.stamp, t.stamp, b0.digest
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Contactperson -> exact.Contacts'
    AND b0.source_id = s.id AND b0.property = 'city -> City'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 0)
UNION ALL SELECT 16, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v8), os_canonical_text(t.v1), os_written_text(s.v8, os_array(s.n8)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n8), os_json(t.n1), s.stamp, t.stamp, b1.digest
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Contactperson -> exact.Contacts'
    AND b1.source_id = s.id AND b1.property = 'dateOfBirth -> BirthDate'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 1)
UNION ALL SELECT 16, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v2), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n0), os_json(t.n2), s.stamp, t.stamp, b2.digest
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Contactperson -> exact.Contacts'
    AND b2.source_id = s.id AND b2.property = 'emailAddress -> Email'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 2)
UNION ALL SELECT 16, 3, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v4), os_canonical_text(t.v3), os_written_text(s.v4, os_array(s.n4)), os_written_text(t.v3, os_array(t.n3)),
    os_json(s.n4), os_json(t.n3), s.stamp, t.stamp, b3.digest
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b3 ON p.reason = 'remembered' AND b3.flow = 'powerofficego.Contactperson -> exact.Contacts'
    AND b3.source_id = s.id AND b3.property = 'firstName -> FirstName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 3)
UNION ALL SELECT 16, 4, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v5), os_canonical_text(t.v4), os_written_text(s.v5, os_array(s.n5)), os_written_text(t.v4, os_array(t.n4)),
    os_json(s.n5), os_json(t.n4), s.stamp, t.stamp, b4.digest
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b4 ON p.reason = 'remembered' AND b4.flow = 'powerofficego.Contactperson -> exact.Contacts'
    AND b4.source_id = s.id AND b4.property = 'lastName -> LastName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 4)
UNION ALL SELECT 16, 5, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v6), os_canonical_text(t.v5), os_written_text(s.v6, os_array(s.n6)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n6), os_json(t.n5), s.stamp, t.stamp, b5.digest
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b5 ON p.reason = 'remembered' AND b5.flow = 'powerofficego.Contactperson -> exact.Contacts'
    AND b5.source_id = s.id AND b5.property = 'phoneNumber -> Phone'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 5)
UNION ALL SELECT 16, 6, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v1), os_canonical_text(t.v6), os_written_text(s.v1, os_array(s.n1)), os_written_text(t.v6, os_array(t.n6)),
    os_json(s.n1), os_json(t.n6), s.stamp, t.stamp, b6.digest
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b6 ON p.reason = 'remembered' AND b6.flow = 'powerofficego.Contactperson -> exact.Contacts'
    AND b6.source_id = s.id AND b6.property = 'residenceCountryCode -> Country'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 6);
CREATE TABLE f16_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f16_vals);
CREATE TABLE f16_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 16, 0, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f16_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 0)
UNION ALL SELECT 16, 1, c.s, s.id, NULL, os_canonical_text(s.v8), os_written_text(s.v8, os_array(s.n8))
FROM f16_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v8) AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 1)
UNION ALL SELECT 16, 2, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f16_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 2)
UNION ALL SELECT 16, 3, c.s, s.id, NULL, os_canonical_text(s.v4), os_written_text(s.v4, os_array(s.n4))
FROM f16_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 3)
UNION ALL SELECT 16, 4, c.s, s.id, NULL, os_canonical_text(s.v5), os_written_text(s.v5, os_array(s.n5))
FROM f16_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 4)
UNION ALL SELECT 16, 5, c.s, s.id, NULL, os_canonical_text(s.v6), os_written_text(s.v6, os_array(s.n6))
FROM f16_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v6) AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 5)
UNION ALL SELECT 16, 6, c.s, s.id, NULL, os_canonical_text(s.v1), os_written_text(s.v1, os_array(s.n1))
FROM f16_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 6);

-- flow 17: changes
CREATE TABLE f17_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 17, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v4), os_canonical_text(t.v1), os_written_text(s.v4, os_array(s.n4)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n4), os_json(t.n1), s.stamp, t.stamp, b0.digest
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Suppliers person -> exact.Contacts'
    AND b0.source_id = s.id AND b0.property = 'DateOfBirth -> BirthDate'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 0)
UNION ALL SELECT 17, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v5), os_canonical_text(t.v2), os_written_text(s.v5, os_array(s.n5)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n5), os_json(t.n2), s.stamp, t.stamp, b1.digest
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Suppliers person -> exact.Contacts'
    AND b1.source_id = s.id AND b1.property = 'EmailAddress -> Email'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 1)
UNION ALL SELECT 17, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v3), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v3, os_array(t.n3)),
    os_json(s.n0), os_json(t.n3), s.stamp, t.stamp, b2.digest
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Suppliers person -> exact.Contacts'
    AND b2.source_id = s.id AND b2.property = 'FirstName -> FirstName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 2)
UNION ALL SELECT 17, 3, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v1), os_canonical_text(t.v4), os_written_text(s.v1, os_array(s.n1)), os_written_text(t.v4, os_array(t.n4)),
    os_json(s.n1), os_json(t.n4), s.stamp, t.stamp, b3.digest
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b3 ON p.reason = 'remembered' AND b3.flow = 'powerofficego.Suppliers person -> exact.Contacts'
    AND b3.source_id = s.id AND b3.property = 'LastName -> LastName'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 3)
UNION ALL SELECT 17, 4, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v6), os_canonical_text(t.v0), os_written_text(s.v6, os_array(s.n6)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n6), os_json(t.n0), s.stamp, t.stamp, b4.digest
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b4 ON p.reason = 'remembered' AND b4.flow = 'powerofficego.Suppliers person -> exact.Contacts'
    AND b4.source_id = s.id AND b4.property = 'MailAddress.City -> City'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 4)
UNION ALL SELECT 17, 5, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v6), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v6, os_array(t.n6)),
    os_json(s.n7), os_json(t.n6), s.stamp, t.stamp, b5.digest
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b5 ON p.reason = 'remembered' AND b5.flow = 'powerofficego.Suppliers person -> exact.Contacts'
    AND b5.source_id = s.id AND b5.property = 'MailAddress.CountryCode -> Country'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 5)
UNION ALL SELECT 17, 6, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v5), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n2), os_json(t.n5), s.stamp, t.stamp, b6.digest
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN state_baseline b6 ON p.reason = 'remembered' AND b6.flow = 'powerofficego.Suppliers person -> exact.Contacts'
    AND b6.source_id = s.id AND b6.property = 'PhoneNumber -> Phone'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 6);
CREATE TABLE f17_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f17_vals);
CREATE TABLE f17_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 17, 0, c.s, s.id, NULL, os_canonical_text(s.v4), os_written_text(s.v4, os_array(s.n4))
FROM f17_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 0)
UNION ALL SELECT 17, 1, c.s, s.id, NULL, os_canonical_text(s.v5), os_written_text(s.v5, os_array(s.n5))
FROM f17_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 1)
UNION ALL SELECT 17, 2, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f17_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 2)
UNION ALL SELECT 17, 3, c.s, s.id, NULL, os_canonical_text(s.v1), os_written_text(s.v1, os_array(s.n1))
FROM f17_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 3)
UNION ALL SELECT 17, 4, c.s, s.id, NULL, os_canonical_text(s.v6), os_written_text(s.v6, os_array(s.n6))
FROM f17_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v6) AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 4)
UNION ALL SELECT 17, 5, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f17_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 5)
UNION ALL SELECT 17, 6, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f17_creates c JOIN d3 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 6);

-- flow 18: changes
CREATE TABLE f18_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f18_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f18_vals);
CREATE TABLE f18_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 19: changes
CREATE TABLE f19_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f19_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f19_vals);
CREATE TABLE f19_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 20: changes
CREATE TABLE f20_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f20_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f20_vals);
CREATE TABLE f20_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 21: changes
CREATE TABLE f21_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 21, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v10), os_canonical_text(t.v2), os_written_text(s.v10, os_array(s.n10)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n10), os_json(t.n2), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt'
    AND b0.source_id = s.id AND b0.property = 'address1 -> Adresse'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 0)
UNION ALL SELECT 21, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v3), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v3, os_array(t.n3)),
    os_json(s.n7), os_json(t.n3), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt'
    AND b1.source_id = s.id AND b1.property = 'city -> Poststed'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 1)
UNION ALL SELECT 21, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v8), os_canonical_text(t.v4), os_written_text(s.v8, os_array(s.n8)), os_written_text(t.v4, os_array(t.n4)),
    os_json(s.n8), os_json(t.n4), s.stamp, CAST(NULL AS DOUBLE), b2.digest
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt'
    AND b2.source_id = s.id AND b2.property = 'dateOfBirth -> Fodt'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 2)
UNION ALL SELECT 21, 3, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v4), os_canonical_text(t.v5), os_written_text(s.v4, os_array(s.n4)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n4), os_json(t.n5), s.stamp, CAST(NULL AS DOUBLE), b3.digest
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b3 ON p.reason = 'remembered' AND b3.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt'
    AND b3.source_id = s.id AND b3.property = 'firstName -> Fornavn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 3)
UNION ALL SELECT 21, 4, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_integer(s.v11), os_canonical_integer(t.v6), os_written_number(s.v11), os_written_number(t.v6),
    os_json(s.n11), os_json(t.n6), s.stamp, CAST(NULL AS DOUBLE), b4.digest
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b4 ON p.reason = 'remembered' AND b4.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt'
    AND b4.source_id = s.id AND b4.property = 'id -> Id'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 4)
UNION ALL SELECT 21, 5, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v5), os_canonical_text(t.v7), os_written_text(s.v5, os_array(s.n5)), os_written_text(t.v7, os_array(t.n7)),
    os_json(s.n5), os_json(t.n7), s.stamp, CAST(NULL AS DOUBLE), b5.digest
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b5 ON p.reason = 'remembered' AND b5.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt'
    AND b5.source_id = s.id AND b5.property = 'lastName -> Etternavn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 5)
UNION ALL SELECT 21, 6, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v12), os_canonical_text(t.v8), os_written_text(s.v12, os_array(s.n12)), os_written_text(t.v8, os_array(t.n8)),
    os_json(s.n12), os_json(t.n8), s.stamp, CAST(NULL AS DOUBLE), b6.digest
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b6 ON p.reason = 'remembered' AND b6.flow = 'powerofficego.Contactperson -> tidsbanken.Ansatt'
    AND b6.source_id = s.id AND b6.property = 'zipCode -> Postnummer'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 6);
CREATE TABLE f21_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f21_vals);
CREATE TABLE f21_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 21, 0, c.s, s.id, NULL, os_canonical_text(s.v10), os_written_text(s.v10, os_array(s.n10))
FROM f21_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v10) AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 0)
UNION ALL SELECT 21, 1, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f21_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 1)
UNION ALL SELECT 21, 2, c.s, s.id, NULL, os_canonical_text(s.v8), os_written_text(s.v8, os_array(s.n8))
FROM f21_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v8) AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 2)
UNION ALL SELECT 21, 3, c.s, s.id, NULL, os_canonical_text(s.v4), os_written_text(s.v4, os_array(s.n4))
FROM f21_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 3)
UNION ALL SELECT 21, 4, c.s, s.id, NULL, os_canonical_integer(s.v11), os_written_number(s.v11)
FROM f21_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v11) AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 4)
UNION ALL SELECT 21, 5, c.s, s.id, NULL, os_canonical_text(s.v5), os_written_text(s.v5, os_array(s.n5))
FROM f21_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 5)
UNION ALL SELECT 21, 6, c.s, s.id, NULL, os_canonical_text(s.v12), os_written_text(s.v12, os_array(s.n12))
FROM f21_creates c JOIN d0 s ON s.rid = c.s
WHERE NOT os_blank(s.v12) AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 6);

-- flow 22: changes
CREATE TABLE f22_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 22, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v3), os_canonical_text(t.v4), os_written_text(s.v3, os_array(s.n3)), os_written_text(t.v4, os_array(t.n4)),
    os_json(s.n3), os_json(t.n4), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Customers -> tidsbanken.Ansatt'
    AND b0.source_id = s.id AND b0.property = 'DateOfBirth -> Fodt'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 0)
UNION ALL SELECT 22, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v4), os_canonical_text(t.v5), os_written_text(s.v4, os_array(s.n4)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n4), os_json(t.n5), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Customers -> tidsbanken.Ansatt'
    AND b1.source_id = s.id AND b1.property = 'FirstName -> Fornavn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 1)
UNION ALL SELECT 22, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_integer(s.v5), os_canonical_integer(t.v6), os_written_number(s.v5), os_written_number(t.v6),
    os_json(s.n5), os_json(t.n6), s.stamp, CAST(NULL AS DOUBLE), b2.digest
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Customers -> tidsbanken.Ansatt'
    AND b2.source_id = s.id AND b2.property = 'Id -> Id'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 2)
UNION ALL SELECT 22, 3, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v6), os_canonical_text(t.v7), os_written_text(s.v6, os_array(s.n6)), os_written_text(t.v7, os_array(t.n7)),
    os_json(s.n6), os_json(t.n7), s.stamp, CAST(NULL AS DOUBLE), b3.digest
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b3 ON p.reason = 'remembered' AND b3.flow = 'powerofficego.Customers -> tidsbanken.Ansatt'
    AND b3.source_id = s.id AND b3.property = 'LastName -> Etternavn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 3)
UNION ALL SELECT 22, 4, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v2), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n7), os_json(t.n2), s.stamp, CAST(NULL AS DOUBLE), b4.digest
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b4 ON p.reason = 'remembered' AND b4.flow = 'powerofficego.Customers -> tidsbanken.Ansatt'
    AND b4.source_id = s.id AND b4.property = 'MailAddress.AddressLine1 -> Adresse'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 4)
UNION ALL SELECT 22, 5, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v8), os_canonical_text(t.v3), os_written_text(s.v8, os_array(s.n8)), os_written_text(t.v3, os_array(t.n3)),
    os_json(s.n8), os_json(t.n3), s.stamp, CAST(NULL AS DOUBLE), b5.digest
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b5 ON p.reason = 'remembered' AND b5.flow = 'powerofficego.Customers -> tidsbanken.Ansatt'
    AND b5.source_id = s.id AND b5.property = 'MailAddress.City -> Poststed'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 5)
UNION ALL SELECT 22, 6, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v9), os_canonical_text(t.v8), os_written_text(s.v9, os_array(s.n9)), os_written_text(t.v8, os_array(t.n8)),
    os_json(s.n9), os_json(t.n8), s.stamp, CAST(NULL AS DOUBLE), b6.digest
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b6 ON p.reason = 'remembered' AND b6.flow = 'powerofficego.Customers -> tidsbanken.Ansatt'
    AND b6.source_id = s.id AND b6.property = 'MailAddress.ZipCode -> Postnummer'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 6);
CREATE TABLE f22_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f22_vals);
CREATE TABLE f22_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 22, 0, c.s, s.id, NULL, os_canonical_text(s.v3), os_written_text(s.v3, os_array(s.n3))
FROM f22_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v3) AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 0)
UNION ALL SELECT 22, 1, c.s, s.id, NULL, os_canonical_text(s.v4), os_written_text(s.v4, os_array(s.n4))
FROM f22_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 1)
UNION ALL SELECT 22, 2, c.s, s.id, NULL, os_canonical_integer(s.v5), os_written_number(s.v5)
FROM f22_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 2)
UNION ALL SELECT 22, 3, c.s, s.id, NULL, os_canonical_text(s.v6), os_written_text(s.v6, os_array(s.n6))
FROM f22_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v6) AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 3)
UNION ALL SELECT 22, 4, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f22_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 4)
UNION ALL SELECT 22, 5, c.s, s.id, NULL, os_canonical_text(s.v8), os_written_text(s.v8, os_array(s.n8))
FROM f22_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v8) AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 5)
UNION ALL SELECT 22, 6, c.s, s.id, NULL, os_canonical_text(s.v9), os_written_text(s.v9, os_array(s.n9))
FROM f22_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v9) AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 6);

-- flow 23: changes
CREATE TABLE f23_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 23, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v0), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n2), os_json(t.n0), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b0.source_id = s.id AND b0.property = 'EmailAddress -> Epost'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 0)
UNION ALL SELECT 23, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v5), os_canonical_text(t.v1), os_written_text(s.v5, os_array(s.n5)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n5), os_json(t.n1), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b1.source_id = s.id AND b1.property = 'Id -> Id'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 1)
UNION ALL SELECT 23, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v2), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n7), os_json(t.n2), s.stamp, CAST(NULL AS DOUBLE), b2.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b2.source_id = s.id AND b2.property = 'MailAddress.AddressLine1 -> Gateadresse'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 2)
UNION ALL SELECT 23, 3, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v3), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v3, os_array(t.n3)),
    os_json(s.n7), os_json(t.n3), s.stamp, CAST(NULL AS DOUBLE), b3.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b3 ON p.reason = 'remembered' AND b3.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b3.source_id = s.id AND b3.property = 'MailAddress.AddressLine1 -> Leveringsadresse'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 3)
UNION ALL SELECT 23, 4, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v10), os_canonical_text(t.v4), os_written_text(s.v10, os_array(s.n10)), os_written_text(t.v4, os_array(t.n4)),
    os_json(s.n10), os_json(t.n4), s.stamp, CAST(NULL AS DOUBLE), b4.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b4 ON p.reason = 'remembered' AND b4.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b4.source_id = s.id AND b4.property = 'MailAddress.AddressLine2 -> Leveringsadresse2'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 4)
UNION ALL SELECT 23, 5, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v10), os_canonical_text(t.v5), os_written_text(s.v10, os_array(s.n10)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n10), os_json(t.n5), s.stamp, CAST(NULL AS DOUBLE), b5.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b5 ON p.reason = 'remembered' AND b5.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b5.source_id = s.id AND b5.property = 'MailAddress.AddressLine2 -> Postadresse'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 5)
UNION ALL SELECT 23, 6, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v8), os_canonical_text(t.v6), os_written_text(s.v8, os_array(s.n8)), os_written_text(t.v6, os_array(t.n6)),
    os_json(s.n8), os_json(t.n6), s.stamp, CAST(NULL AS DOUBLE), b6.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b6 ON p.reason = 'remembered' AND b6.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b6.source_id = s.id AND b6.property = 'MailAddress.City -> LevPoststed'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 6)
UNION ALL SELECT 23, 7, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v8), os_canonical_text(t.v7), os_written_text(s.v8, os_array(s.n8)), os_written_text(t.v7, os_array(t.n7)),
    os_json(s.n8), os_json(t.n7), s.stamp, CAST(NULL AS DOUBLE), b7.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b7 ON p.reason = 'remembered' AND b7.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b7.source_id = s.id AND b7.property = 'MailAddress.City -> Poststed'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 7)
UNION ALL SELECT 23, 8, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v9), os_canonical_text(t.v8), os_written_text(s.v9, os_array(s.n9)), os_written_text(t.v8, os_array(t.n8)),
    os_json(s.n9), os_json(t.n8), s.stamp, CAST(NULL AS DOUBLE), b8.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b8 ON p.reason = 'remembered' AND b8.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b8.source_id = s.id AND b8.property = 'MailAddress.ZipCode -> LevPostNr'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 8)
UNION ALL SELECT 23, 9, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v9), os_canonical_text(t.v9), os_written_text(s.v9, os_array(s.n9)), os_written_text(t.v9, os_array(t.n9)),
    os_json(s.n9), os_json(t.n9), s.stamp, CAST(NULL AS DOUBLE), b9.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b9 ON p.reason = 'remembered' AND b9.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b9.source_id = s.id AND b9.property = 'MailAddress.ZipCode -> Postnr'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 9)
UNION ALL SELECT 23, 10, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v10), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v10, os_array(t.n10)),
    os_json(s.n0), os_json(t.n10), s.stamp, CAST(NULL AS DOUBLE), b10.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b10 ON p.reason = 'remembered' AND b10.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b10.source_id = s.id AND b10.property = 'Name -> Navn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 10)
UNION ALL SELECT 23, 11, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v11), os_canonical_text(t.v11), os_written_text(s.v11, os_array(s.n11)), os_written_text(t.v11, os_array(t.n11)),
    os_json(s.n11), os_json(t.n11), s.stamp, CAST(NULL AS DOUBLE), b11.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b11 ON p.reason = 'remembered' AND b11.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b11.source_id = s.id AND b11.property = 'Number -> sesam_kundeId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 11)
UNION ALL SELECT 23, 12, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v12), os_canonical_text(t.v12), os_written_text(s.v12, os_array(s.n12)), os_written_text(t.v12, os_array(t.n12)),
    os_json(s.n12), os_json(t.n12), s.stamp, CAST(NULL AS DOUBLE), b12.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b12 ON p.reason = 'remembered' AND b12.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b12.source_id = s.id AND b12.property = 'OrganizationNumber (Dependant on having NO in MailAddress.CountryCode) -> Organisasjonsnummer'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 12)
UNION ALL SELECT 23, 13, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v13), os_canonical_text(t.v11), os_written_text(s.v13, os_array(s.n13)), os_written_text(t.v11, os_array(t.n11)),
    os_json(s.n13), os_json(t.n11), s.stamp, CAST(NULL AS DOUBLE), b13.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b13 ON p.reason = 'remembered' AND b13.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b13.source_id = s.id AND b13.property = 'OrganizationNumber (Dependant on having wd:Q852835 in MailAddress.CountryCode) -> sesam_kundeId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 13)
UNION ALL SELECT 23, 14, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v14), os_canonical_text(t.v13), os_written_text(s.v14, os_array(s.n14)), os_written_text(t.v13, os_array(t.n13)),
    os_json(s.n14), os_json(t.n13), s.stamp, CAST(NULL AS DOUBLE), b14.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b14 ON p.reason = 'remembered' AND b14.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b14.source_id = s.id AND b14.property = 'PhoneNumber -> Telefon'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 14)
UNION ALL SELECT 23, 15, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v15), os_canonical_text(t.v14), os_written_text(s.v15, os_array(s.n15)), os_written_text(t.v14, os_array(t.n14)),
    os_json(s.n15), os_json(t.n14), s.stamp, CAST(NULL AS DOUBLE), b15.digest
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN state_baseline b15 ON p.reason = 'remembered' AND b15.flow = 'powerofficego.Customers -> tidsbanken.Kunde'
    AND b15.source_id = s.id AND b15.property = 'WebsiteUrl -> Url'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 15);
CREATE TABLE f23_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f23_vals);
CREATE TABLE f23_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 23, 0, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 0)
UNION ALL SELECT 23, 1, c.s, s.id, NULL, os_canonical_text(s.v5), os_written_text(s.v5, os_array(s.n5))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 1)
UNION ALL SELECT 23, 2, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 2)
UNION ALL SELECT 23, 3, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 3)
UNION ALL SELECT 23, 4, c.s, s.id, NULL, os_canonical_text(s.v10), os_written_text(s.v10, os_array(s.n10))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v10) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 4)
UNION ALL SELECT 23, 5, c.s, s.id, NULL, os_canonical_text(s.v10), os_written_text(s.v10, os_array(s.n10))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v10) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 5)
UNION ALL SELECT 23, 6, c.s, s.id, NULL, os_canonical_text(s.v8), os_written_text(s.v8, os_array(s.n8))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v8) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 6)
UNION ALL SELECT 23, 7, c.s, s.id, NULL, os_canonical_text(s.v8), os_written_text(s.v8, os_array(s.n8))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v8) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 7)
UNION ALL SELECT 23, 8, c.s, s.id, NULL, os_canonical_text(s.v9), os_written_text(s.v9, os_array(s.n9))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v9) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 8)
UNION ALL SELECT 23, 9, c.s, s.id, NULL, os_canonical_text(s.v9), os_written_text(s.v9, os_array(s.n9))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v9) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 9)
UNION ALL SELECT 23, 10, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 10)
UNION ALL SELECT 23, 11, c.s, s.id, NULL, os_canonical_text(s.v11), os_written_text(s.v11, os_array(s.n11))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v11) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 11)
UNION ALL SELECT 23, 12, c.s, s.id, NULL, os_canonical_text(s.v12), os_written_text(s.v12, os_array(s.n12))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v12) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 12)
UNION ALL SELECT 23, 13, c.s, s.id, NULL, os_canonical_text(s.v13), os_written_text(s.v13, os_array(s.n13))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v13) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 13)
UNION ALL SELECT 23, 14, c.s, s.id, NULL, os_canonical_text(s.v14), os_written_text(s.v14, os_array(s.n14))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v14) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 14)
UNION ALL SELECT 23, 15, c.s, s.id, NULL, os_canonical_text(s.v15), os_written_text(s.v15, os_array(s.n15))
FROM f23_creates c JOIN d1 s ON s.rid = c.s
WHERE NOT os_blank(s.v15) AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 15);

-- flow 24: changes
CREATE TABLE f24_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 24, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v1), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v1, os_array(t.n1)),
    os_json(s.n2), os_json(t.n1), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f24_pairs p JOIN d5 s ON s.rid = p.s JOIN d23 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Departments -> tidsbanken.Avdeling'
    AND b0.source_id = s.id AND b0.property = 'Code -> sesam_avdelingId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 0)
UNION ALL SELECT 24, 1, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v3), os_canonical_text(t.v2), os_written_text(s.v3, os_array(s.n3)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n3), os_json(t.n2), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f24_pairs p JOIN d5 s ON s.rid = p.s JOIN d23 t ON t.rid = p.t
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Departments -> tidsbanken.Avdeling'
    AND b1.source_id = s.id AND b1.property = 'IsActive -> Synlig'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 1)
UNION ALL SELECT 24, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v3), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v3, os_array(t.n3)),
    os_json(s.n0), os_json(t.n3), s.stamp, CAST(NULL AS DOUBLE), b2.digest
FROM f24_pairs p JOIN d5 s ON s.rid = p.s JOIN d23 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Departments -> tidsbanken.Avdeling'
    AND b2.source_id = s.id AND b2.property = 'Name -> Navn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 2);
CREATE TABLE f24_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f24_vals);
CREATE TABLE f24_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 24, 0, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f24_creates c JOIN d5 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 0)
UNION ALL SELECT 24, 1, c.s, s.id, NULL, os_canonical_text(s.v3), os_written_text(s.v3, os_array(s.n3))
FROM f24_creates c JOIN d5 s ON s.rid = c.s
WHERE NOT os_blank(s.v3) AND EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 1)
UNION ALL SELECT 24, 2, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f24_creates c JOIN d5 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 2);

-- flow 25: changes
CREATE TABLE f25_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 25, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v6), os_canonical_text(t.v4), os_written_text(s.v6, os_array(s.n6)), os_written_text(t.v4, os_array(t.n4)),
    os_json(s.n6), os_json(t.n4), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b0.source_id = s.id AND b0.property = 'DateOfBirth -> Fodt'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 0)
UNION ALL SELECT 25, 1, p.s, p.t, p.reason, s.id, t.id, CASE WHEN NOT os_blank(s.v4) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v4) IN (SELECT id FROM f24_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_canonical_text(t.v9), os_written_text(fw1.tid, NULL), os_written_text(bw1.sid, NULL),
    os_json(s.n4), os_json(t.n9), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t LEFT JOIN f24_ids fw1 ON fw1.sid = os_trim(s.v4) LEFT JOIN f24_ids bw1 ON bw1.tid = os_trim(t.v9)
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b1.source_id = s.id AND b1.property = 'DepartmentId -> AvdelingId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 1)
UNION ALL SELECT 25, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v0), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n7), os_json(t.n0), s.stamp, CAST(NULL AS DOUBLE), b2.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b2.source_id = s.id AND b2.property = 'EmailAddress -> Epost'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 2)
UNION ALL SELECT 25, 3, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v5), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n0), os_json(t.n5), s.stamp, CAST(NULL AS DOUBLE), b3.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b3 ON p.reason = 'remembered' AND b3.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b3.source_id = s.id AND b3.property = 'FirstName -> Fornavn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 3)
UNION ALL SELECT 25, 4, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_boolean(s.v8), os_canonical_boolean(t.v10), os_written_boolean(s.v8), os_written_boolean(t.v10),
    os_json(s.n8), os_json(t.n10), s.stamp, CAST(NULL AS DOUBLE), b4.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b4 ON p.reason = 'remembered' AND b4.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b4.source_id = s.id AND b4.property = 'IsArchived -> Aktiv'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 4)
UNION ALL SELECT 25, 5, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v9), os_canonical_text(t.v11), os_written_text(s.v9, os_array(s.n9)), os_written_text(t.v11, os_array(t.n11)),
    os_json(s.n9), os_json(t.n11), s.stamp, CAST(NULL AS DOUBLE), b5.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b5 ON p.reason = 'remembered' AND b5.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b5.source_id = s.id AND b5.property = 'JobTitle -> Tittel'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 5)
UNION ALL SELECT 25, 6, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v1), os_canonical_text(t.v7), os_written_text(s.v1, os_array(s.n1)), os_written_text(t.v7, os_array(t.n7)),
    os_json(s.n1), os_json(t.n7), s.stamp, CAST(NULL AS DOUBLE), b6.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b6 ON p.reason = 'remembered' AND b6.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b6.source_id = s.id AND b6.property = 'LastName -> Etternavn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 6)
UNION ALL SELECT 25, 7, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_integer(s.v5), os_canonical_integer(t.v12), os_written_number(s.v5), os_written_number(t.v12),
    os_json(s.n5), os_json(t.n12), s.stamp, CAST(NULL AS DOUBLE), b7.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b7 ON p.reason = 'remembered' AND b7.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b7.source_id = s.id AND b7.property = 'Number -> sesam_ansattId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 7)
UNION ALL SELECT 25, 8, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v13), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v13, os_array(t.n13)),
    os_json(s.n2), os_json(t.n13), s.stamp, CAST(NULL AS DOUBLE), b8.digest
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b8 ON p.reason = 'remembered' AND b8.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b8.source_id = s.id AND b8.property = 'PhoneNumber -> Mobil'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 8);
CREATE TABLE f25_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f25_vals);
CREATE TABLE f25_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 25, 0, c.s, s.id, NULL, os_canonical_text(s.v6), os_written_text(s.v6, os_array(s.n6))
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v6) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 0)
UNION ALL SELECT 25, 1, c.s, s.id, CASE WHEN NOT os_blank(s.v4) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v4) IN (SELECT id FROM f24_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_written_text(fw1.tid, NULL)
FROM f25_creates c JOIN d4 s ON s.rid = c.s LEFT JOIN f24_ids fw1 ON fw1.sid = os_trim(s.v4)
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 1)
UNION ALL SELECT 25, 2, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 2)
UNION ALL SELECT 25, 3, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 3)
UNION ALL SELECT 25, 4, c.s, s.id, NULL, os_canonical_boolean(s.v8), os_written_boolean(s.v8)
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v8) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 4)
UNION ALL SELECT 25, 5, c.s, s.id, NULL, os_canonical_text(s.v9), os_written_text(s.v9, os_array(s.n9))
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v9) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 5)
UNION ALL SELECT 25, 6, c.s, s.id, NULL, os_canonical_text(s.v1), os_written_text(s.v1, os_array(s.n1))
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 6)
UNION ALL SELECT 25, 7, c.s, s.id, NULL, os_canonical_integer(s.v5), os_written_number(s.v5)
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 7)
UNION ALL SELECT 25, 8, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f25_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 8);

-- flow 26: changes
CREATE TABLE f26_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f26_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f26_vals);
CREATE TABLE f26_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 27: changes
CREATE TABLE f27_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f27_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f27_vals);
CREATE TABLE f27_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 28: changes
CREATE TABLE f28_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false;
CREATE TABLE f28_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f28_vals);
CREATE TABLE f28_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false;

-- flow 29: changes
CREATE TABLE f29_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 29, 0, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v0), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v0, os_array(t.n0)),
    os_json(s.n7), os_json(t.n0), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f29_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Employees -> tidsbanken.Ansatt'
    AND b0.source_id = s.id AND b0.property = 'EmailAddress -> Epost'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 29 AND m = 0);
CREATE TABLE f29_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f29_vals);
CREATE TABLE f29_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 29, 0, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f29_creates c JOIN d4 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 29 AND m = 0);

-- flow 30: changes
CREATE TABLE f30_vals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS BIGINT) AS t, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS tid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS tc, CAST(NULL AS STRING) AS sw, CAST(NULL AS STRING) AS tw, CAST(NULL AS STRING) AS seen_s, CAST(NULL AS STRING) AS seen_t, CAST(NULL AS DOUBLE) AS s_stamp, CAST(NULL AS DOUBLE) AS t_stamp, CAST(NULL AS DECIMAL(20, 0)) AS bd WHERE false
UNION ALL SELECT 30, 0, p.s, p.t, p.reason, s.id, t.id, CASE WHEN NOT os_blank(s.v4) AND fw0.tid IS NULL THEN CASE WHEN os_trim(s.v4) IN (SELECT id FROM f22_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw0.tid), os_canonical_text(t.v0), os_written_text(fw0.tid, NULL), os_written_text(bw0.sid, NULL),
    os_json(s.n4), os_json(t.n0), s.stamp, CAST(NULL AS DOUBLE), b0.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t LEFT JOIN f22_ids fw0 ON fw0.sid = os_trim(s.v4) LEFT JOIN f22_ids bw0 ON bw0.tid = os_trim(t.v0)
LEFT JOIN state_baseline b0 ON p.reason = 'remembered' AND b0.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b0.source_id = s.id AND b0.property = 'CustomerId -> KundeId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 0)
UNION ALL SELECT 30, 1, p.s, p.t, p.reason, s.id, t.id, CASE WHEN NOT os_blank(s.v5) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v5) IN (SELECT id FROM f24_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_canonical_text(t.v1), os_written_text(fw1.tid, NULL), os_written_text(bw1.sid, NULL),
    os_json(s.n5), os_json(t.n1), s.stamp, CAST(NULL AS DOUBLE), b1.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t LEFT JOIN f24_ids fw1 ON fw1.sid = os_trim(s.v5) LEFT JOIN f24_ids bw1 ON bw1.tid = os_trim(t.v1)
LEFT JOIN state_baseline b1 ON p.reason = 'remembered' AND b1.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b1.source_id = s.id AND b1.property = 'DepartmentId -> AvdelingId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 1)
UNION ALL SELECT 30, 2, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v6), os_canonical_text(t.v2), os_written_text(s.v6, os_array(s.n6)), os_written_text(t.v2, os_array(t.n2)),
    os_json(s.n6), os_json(t.n2), s.stamp, CAST(NULL AS DOUBLE), b2.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t
LEFT JOIN state_baseline b2 ON p.reason = 'remembered' AND b2.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b2.source_id = s.id AND b2.property = 'EndDate -> AvsluttetDato'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 2)
UNION ALL SELECT 30, 3, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v7), os_canonical_text(t.v3), os_written_text(s.v7, os_array(s.n7)), os_written_text(t.v3, os_array(t.n3)),
    os_json(s.n7), os_json(t.n3), s.stamp, CAST(NULL AS DOUBLE), b3.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t
LEFT JOIN state_baseline b3 ON p.reason = 'remembered' AND b3.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b3.source_id = s.id AND b3.property = 'IsActive -> Avsluttet'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 3)
UNION ALL SELECT 30, 4, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v8), os_canonical_text(t.v4), os_written_text(s.v8, os_array(s.n8)), os_written_text(t.v4, os_array(t.n4)),
    os_json(s.n8), os_json(t.n4), s.stamp, CAST(NULL AS DOUBLE), b4.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t
LEFT JOIN state_baseline b4 ON p.reason = 'remembered' AND b4.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b4.source_id = s.id AND b4.property = 'IsInternal -> InterntProsjekt'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 4)
UNION ALL SELECT 30, 5, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v0), os_canonical_text(t.v5), os_written_text(s.v0, os_array(s.n0)), os_written_text(t.v5, os_array(t.n5)),
    os_json(s.n0), os_json(t.n5), s.stamp, CAST(NULL AS DOUBLE), b5.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t
LEFT JOIN state_baseline b5 ON p.reason = 'remembered' AND b5.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b5.source_id = s.id AND b5.property = 'Name -> Navn'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 5)
UNION ALL SELECT 30, 6, p.s, p.t, p.reason, s.id, t.id, CASE WHEN NOT os_blank(s.v1) AND fw6.tid IS NULL THEN CASE WHEN os_trim(s.v1) IN (SELECT id FROM f25_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_integer(fw6.tid), os_canonical_integer(t.v6), os_written_number(fw6.tid), os_written_number(bw6.sid),
    os_json(s.n1), os_json(t.n6), s.stamp, CAST(NULL AS DOUBLE), b6.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t LEFT JOIN f25_ids fw6 ON fw6.sid = os_trim(s.v1) LEFT JOIN f25_ids bw6 ON bw6.tid = os_trim(t.v6)
LEFT JOIN state_baseline b6 ON p.reason = 'remembered' AND b6.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b6.source_id = s.id AND b6.property = 'ProjectManagerEmployeeId -> AnsvarligId'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 6)
UNION ALL SELECT 30, 7, p.s, p.t, p.reason, s.id, t.id, NULL, os_canonical_text(s.v2), os_canonical_text(t.v7), os_written_text(s.v2, os_array(s.n2)), os_written_text(t.v7, os_array(t.n7)),
    os_json(s.n2), os_json(t.n7), s.stamp, CAST(NULL AS DOUBLE), b7.digest
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t
LEFT JOIN state_baseline b7 ON p.reason = 'remembered' AND b7.flow = 'powerofficego.Projects -> tidsbanken.Prosjekt'
    AND b7.source_id = s.id AND b7.property = 'StartDate -> StartDato'
WHERE EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 7);
CREATE TABLE f30_dec AS SELECT *, CASE
    WHEN decided_by = 'policy' THEN CASE WHEN s_stamp IS NOT NULL AND t_stamp IS NOT NULL AND t_stamp > s_stamp THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'empty' THEN CASE WHEN sc = '' THEN 'to_source' ELSE 'to_target' END
    WHEN decided_by = 'baseline' THEN CASE WHEN os_hash(tc) = bd THEN 'to_target' ELSE 'to_source' END
    END AS direction,
    decided_by = 'policy' AND bd IS NOT NULL AS both_changed
FROM (SELECT *, CASE
    -- A value beats an empty one; then the side still holding the baseline did not
    -- change; then the policy (a conflict when a baseline says both changed).
    WHEN skip IS NOT NULL OR sc IS NULL OR tc IS NULL OR sc = tc THEN NULL
    WHEN sc = '' OR tc = '' THEN 'empty'
    WHEN bd IS NOT NULL AND (os_hash(tc) = bd OR os_hash(sc) = bd) THEN 'baseline'
    ELSE 'policy' END AS decided_by
FROM f30_vals);
CREATE TABLE f30_cvals AS SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS BIGINT) AS s, CAST(NULL AS STRING) AS sid, CAST(NULL AS STRING) AS skip, CAST(NULL AS STRING) AS sc, CAST(NULL AS STRING) AS sw WHERE false
UNION ALL SELECT 30, 0, c.s, s.id, CASE WHEN NOT os_blank(s.v4) AND fw0.tid IS NULL THEN CASE WHEN os_trim(s.v4) IN (SELECT id FROM f22_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw0.tid), os_written_text(fw0.tid, NULL)
FROM f30_creates c JOIN d7 s ON s.rid = c.s LEFT JOIN f22_ids fw0 ON fw0.sid = os_trim(s.v4)
WHERE NOT os_blank(s.v4) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 0)
UNION ALL SELECT 30, 1, c.s, s.id, CASE WHEN NOT os_blank(s.v5) AND fw1.tid IS NULL THEN CASE WHEN os_trim(s.v5) IN (SELECT id FROM f24_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_text(fw1.tid), os_written_text(fw1.tid, NULL)
FROM f30_creates c JOIN d7 s ON s.rid = c.s LEFT JOIN f24_ids fw1 ON fw1.sid = os_trim(s.v5)
WHERE NOT os_blank(s.v5) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 1)
UNION ALL SELECT 30, 2, c.s, s.id, NULL, os_canonical_text(s.v6), os_written_text(s.v6, os_array(s.n6))
FROM f30_creates c JOIN d7 s ON s.rid = c.s
WHERE NOT os_blank(s.v6) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 2)
UNION ALL SELECT 30, 3, c.s, s.id, NULL, os_canonical_text(s.v7), os_written_text(s.v7, os_array(s.n7))
FROM f30_creates c JOIN d7 s ON s.rid = c.s
WHERE NOT os_blank(s.v7) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 3)
UNION ALL SELECT 30, 4, c.s, s.id, NULL, os_canonical_text(s.v8), os_written_text(s.v8, os_array(s.n8))
FROM f30_creates c JOIN d7 s ON s.rid = c.s
WHERE NOT os_blank(s.v8) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 4)
UNION ALL SELECT 30, 5, c.s, s.id, NULL, os_canonical_text(s.v0), os_written_text(s.v0, os_array(s.n0))
FROM f30_creates c JOIN d7 s ON s.rid = c.s
WHERE NOT os_blank(s.v0) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 5)
UNION ALL SELECT 30, 6, c.s, s.id, CASE WHEN NOT os_blank(s.v1) AND fw6.tid IS NULL THEN CASE WHEN os_trim(s.v1) IN (SELECT id FROM f25_created_ids) THEN 'pending' ELSE 'unresolved' END END, os_canonical_integer(fw6.tid), os_written_number(fw6.tid)
FROM f30_creates c JOIN d7 s ON s.rid = c.s LEFT JOIN f25_ids fw6 ON fw6.sid = os_trim(s.v1)
WHERE NOT os_blank(s.v1) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 6)
UNION ALL SELECT 30, 7, c.s, s.id, NULL, os_canonical_text(s.v2), os_written_text(s.v2, os_array(s.n2))
FROM f30_creates c JOIN d7 s ON s.rid = c.s
WHERE NOT os_blank(s.v2) AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 7);

-- Operations
CREATE TABLE all_dec AS SELECT * FROM f0_dec UNION ALL SELECT * FROM f1_dec UNION ALL SELECT * FROM f2_dec UNION ALL SELECT * FROM f3_dec UNION ALL SELECT * FROM f4_dec UNION ALL SELECT * FROM f5_dec UNION ALL SELECT * FROM f6_dec UNION ALL SELECT * FROM f7_dec UNION ALL SELECT * FROM f8_dec UNION ALL SELECT * FROM f9_dec UNION ALL SELECT * FROM f10_dec UNION ALL SELECT * FROM f11_dec UNION ALL SELECT * FROM f12_dec UNION ALL SELECT * FROM f13_dec UNION ALL SELECT * FROM f14_dec UNION ALL SELECT * FROM f15_dec UNION ALL SELECT * FROM f16_dec UNION ALL SELECT * FROM f17_dec UNION ALL SELECT * FROM f18_dec UNION ALL SELECT * FROM f19_dec UNION ALL SELECT * FROM f20_dec UNION ALL SELECT * FROM f21_dec UNION ALL SELECT * FROM f22_dec UNION ALL SELECT * FROM f23_dec UNION ALL SELECT * FROM f24_dec UNION ALL SELECT * FROM f25_dec UNION ALL SELECT * FROM f26_dec UNION ALL SELECT * FROM f27_dec UNION ALL SELECT * FROM f28_dec UNION ALL SELECT * FROM f29_dec UNION ALL SELECT * FROM f30_dec;
CREATE TABLE op_updates AS SELECT system, entity, id, path, value, seen, k, m FROM (SELECT *,
    row_number() OVER (PARTITION BY system, entity, id, path ORDER BY k, m) AS nth FROM (
    SELECT f.target_system AS system, f.target_entity AS entity, d.tid AS id, mp.target_path AS path, d.sw AS value, d.seen_t AS seen, d.k, d.m
    FROM all_dec d JOIN flows f ON f.k = d.k JOIN mappings mp ON mp.k = d.k AND mp.m = d.m
    WHERE d.direction = 'to_target' AND d.sw IS NOT NULL
    UNION ALL
    SELECT f.source_system, f.source_entity, d.sid, mp.source_path, d.tw, d.seen_s, d.k, d.m
    FROM all_dec d JOIN flows f ON f.k = d.k JOIN mappings mp ON mp.k = d.k AND mp.m = d.m
    WHERE d.direction = 'to_source' AND d.tw IS NOT NULL))
WHERE nth = 1;
-- A correlation names the source record (its dataset, then its id `sid`): the create's
-- values are found by flow and id, an equi-join.
CREATE TABLE create_keys AS
SELECT system, entity, correlation, sid, max(k) AS k FROM (
    SELECT f.target_system AS system, f.target_entity AS entity,
        'offsync:' || f.source_system || '/' || f.source_entity || '/' || c.sid AS correlation, c.sid, c.k
    FROM (SELECT 0 AS k, x.id AS sid FROM f0_creates c JOIN d0 x ON x.rid = c.s UNION ALL SELECT 1 AS k, x.id AS sid FROM f1_creates c JOIN d2 x ON x.rid = c.s UNION ALL SELECT 2 AS k, x.id AS sid FROM f2_creates c JOIN d10 x ON x.rid = c.s UNION ALL SELECT 3 AS k, x.id AS sid FROM f3_creates c JOIN d1 x ON x.rid = c.s UNION ALL SELECT 4 AS k, x.id AS sid FROM f4_creates c JOIN d5 x ON x.rid = c.s UNION ALL SELECT 5 AS k, x.id AS sid FROM f5_creates c JOIN d9 x ON x.rid = c.s UNION ALL SELECT 6 AS k, x.id AS sid FROM f6_creates c JOIN d0 x ON x.rid = c.s UNION ALL SELECT 7 AS k, x.id AS sid FROM f7_creates c JOIN d2 x ON x.rid = c.s UNION ALL SELECT 8 AS k, x.id AS sid FROM f8_creates c JOIN d1 x ON x.rid = c.s UNION ALL SELECT 9 AS k, x.id AS sid FROM f9_creates c JOIN d5 x ON x.rid = c.s UNION ALL SELECT 10 AS k, x.id AS sid FROM f10_creates c JOIN d2 x ON x.rid = c.s UNION ALL SELECT 11 AS k, x.id AS sid FROM f11_creates c JOIN d4 x ON x.rid = c.s UNION ALL SELECT 12 AS k, x.id AS sid FROM f12_creates c JOIN d8 x ON x.rid = c.s UNION ALL SELECT 13 AS k, x.id AS sid FROM f13_creates c JOIN d7 x ON x.rid = c.s UNION ALL SELECT 14 AS k, x.id AS sid FROM f14_creates c JOIN d0 x ON x.rid = c.s UNION ALL SELECT 15 AS k, x.id AS sid FROM f15_creates c JOIN d3 x ON x.rid = c.s UNION ALL SELECT 16 AS k, x.id AS sid FROM f16_creates c JOIN d0 x ON x.rid = c.s UNION ALL SELECT 17 AS k, x.id AS sid FROM f17_creates c JOIN d3 x ON x.rid = c.s UNION ALL SELECT 18 AS k, x.id AS sid FROM f18_creates c JOIN d5 x ON x.rid = c.s UNION ALL SELECT 19 AS k, x.id AS sid FROM f19_creates c JOIN d1 x ON x.rid = c.s UNION ALL SELECT 20 AS k, x.id AS sid FROM f20_creates c JOIN d7 x ON x.rid = c.s UNION ALL SELECT 21 AS k, x.id AS sid FROM f21_creates c JOIN d0 x ON x.rid = c.s UNION ALL SELECT 22 AS k, x.id AS sid FROM f22_creates c JOIN d1 x ON x.rid = c.s UNION ALL SELECT 23 AS k, x.id AS sid FROM f23_creates c JOIN d1 x ON x.rid = c.s UNION ALL SELECT 24 AS k, x.id AS sid FROM f24_creates c JOIN d5 x ON x.rid = c.s UNION ALL SELECT 25 AS k, x.id AS sid FROM f25_creates c JOIN d4 x ON x.rid = c.s UNION ALL SELECT 26 AS k, x.id AS sid FROM f26_creates c JOIN d6 x ON x.rid = c.s UNION ALL SELECT 27 AS k, x.id AS sid FROM f27_creates c JOIN d1 x ON x.rid = c.s UNION ALL SELECT 28 AS k, x.id AS sid FROM f28_creates c JOIN d5 x ON x.rid = c.s UNION ALL SELECT 29 AS k, x.id AS sid FROM f29_creates c JOIN d4 x ON x.rid = c.s UNION ALL SELECT 30 AS k, x.id AS sid FROM f30_creates c JOIN d7 x ON x.rid = c.s) c JOIN flows f ON f.k = c.k)
GROUP BY system, entity, correlation, sid;
CREATE TABLE create_fields AS SELECT system, entity, correlation, path, value, m FROM (SELECT *,
    row_number() OVER (PARTITION BY system, entity, correlation, path ORDER BY m) AS nth FROM (
    SELECT ck.system, ck.entity, ck.correlation, mp.target_path AS path, v.sw AS value, v.m
    FROM create_keys ck
    JOIN (SELECT * FROM f0_cvals UNION ALL SELECT * FROM f1_cvals UNION ALL SELECT * FROM f2_cvals UNION ALL SELECT * FROM f3_cvals UNION ALL SELECT * FROM f4_cvals UNION ALL SELECT * FROM f5_cvals UNION ALL SELECT * FROM f6_cvals UNION ALL SELECT * FROM f7_cvals UNION ALL SELECT * FROM f8_cvals UNION ALL SELECT * FROM f9_cvals UNION ALL SELECT * FROM f10_cvals UNION ALL SELECT * FROM f11_cvals UNION ALL SELECT * FROM f12_cvals UNION ALL SELECT * FROM f13_cvals UNION ALL SELECT * FROM f14_cvals UNION ALL SELECT * FROM f15_cvals UNION ALL SELECT * FROM f16_cvals UNION ALL SELECT * FROM f17_cvals UNION ALL SELECT * FROM f18_cvals UNION ALL SELECT * FROM f19_cvals UNION ALL SELECT * FROM f20_cvals UNION ALL SELECT * FROM f21_cvals UNION ALL SELECT * FROM f22_cvals UNION ALL SELECT * FROM f23_cvals UNION ALL SELECT * FROM f24_cvals UNION ALL SELECT * FROM f25_cvals UNION ALL SELECT * FROM f26_cvals UNION ALL SELECT * FROM f27_cvals UNION ALL SELECT * FROM f28_cvals UNION ALL SELECT * FROM f29_cvals UNION ALL SELECT * FROM f30_cvals) v ON v.k = ck.k AND v.sid = ck.sid
    JOIN mappings mp ON mp.k = v.k AND mp.m = v.m
    WHERE v.skip IS NULL AND v.sw IS NOT NULL))
WHERE nth = 1;
-- A remembered link whose source record is gone deletes its target record, with the
-- values seen as `$based_on`, when deletes are written (`deletes: emit`, or the
-- driver's --allow-deletes); otherwise it is only counted.
CREATE TABLE delete_keys AS SELECT f.target_system AS system, f.target_entity AS entity, o.target_id AS id, min(o.k) AS k
FROM (SELECT 0 AS k, target_id FROM f0_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 1 AS k, target_id FROM f1_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 2 AS k, target_id FROM f2_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 3 AS k, target_id FROM f3_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 4 AS k, target_id FROM f4_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 5 AS k, target_id FROM f5_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 6 AS k, target_id FROM f6_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 7 AS k, target_id FROM f7_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 8 AS k, target_id FROM f8_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 9 AS k, target_id FROM f9_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 10 AS k, target_id FROM f10_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 11 AS k, target_id FROM f11_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 12 AS k, target_id FROM f12_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 13 AS k, target_id FROM f13_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 14 AS k, target_id FROM f14_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 15 AS k, target_id FROM f15_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 16 AS k, target_id FROM f16_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 17 AS k, target_id FROM f17_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 18 AS k, target_id FROM f18_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 19 AS k, target_id FROM f19_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 20 AS k, target_id FROM f20_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 21 AS k, target_id FROM f21_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 22 AS k, target_id FROM f22_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 23 AS k, target_id FROM f23_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 24 AS k, target_id FROM f24_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 25 AS k, target_id FROM f25_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 26 AS k, target_id FROM f26_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 27 AS k, target_id FROM f27_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 28 AS k, target_id FROM f28_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 29 AS k, target_id FROM f29_orphan WHERE s IS NULL AND t IS NOT NULL UNION ALL SELECT 30 AS k, target_id FROM f30_orphan WHERE s IS NULL AND t IS NOT NULL) o JOIN flows f ON f.k = o.k
WHERE (SELECT allow_deletes FROM job_options)
GROUP BY f.target_system, f.target_entity, o.target_id;
CREATE TABLE delete_based_on AS SELECT system, entity, id, path, seen, m FROM (
    SELECT dk.system, dk.entity, dk.id, v.path, v.seen, v.m,
        row_number() OVER (PARTITION BY dk.system, dk.entity, dk.id, v.path ORDER BY v.m) AS nth
    FROM delete_keys dk JOIN (SELECT CAST(NULL AS INTEGER) AS k, CAST(NULL AS INTEGER) AS m, CAST(NULL AS STRING) AS id, CAST(NULL AS STRING) AS path, CAST(NULL AS STRING) AS seen WHERE false UNION ALL SELECT 0, 1, x.id, 'profile.email.email', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f0_orphan o JOIN d11 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 0 AND m = 1) UNION ALL SELECT 0, 2, x.id, 'userType.id', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f0_orphan o JOIN d11 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 0 AND m = 2) UNION ALL SELECT 1, 0, x.id, 'profile.email', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f1_orphan o JOIN d11 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 1 AND m = 0) UNION ALL SELECT 1, 1, x.id, 'userType.id', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f1_orphan o JOIN d11 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 1 AND m = 1) UNION ALL SELECT 3, 0, x.id, 'name', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f3_orphan o JOIN d12 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 3 AND m = 0) UNION ALL SELECT 4, 0, x.id, 'name', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f4_orphan o JOIN d12 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 4 AND m = 0) UNION ALL SELECT 6, 0, x.id, 'email', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f6_orphan o JOIN d14 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 6 AND m = 0) UNION ALL SELECT 6, 1, x.id, 'organization_id', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f6_orphan o JOIN d14 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 6 AND m = 1) UNION ALL SELECT 8, 0, x.id, 'name', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f8_orphan o JOIN d15 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 8 AND m = 0) UNION ALL SELECT 9, 0, x.id, 'name', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f9_orphan o JOIN d15 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 9 AND m = 0) UNION ALL SELECT 10, 0, x.id, 'givenName', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f10_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 0) UNION ALL SELECT 10, 1, x.id, 'familyName', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f10_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 1) UNION ALL SELECT 10, 2, x.id, 'directPhone', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f10_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 10 AND m = 2) UNION ALL SELECT 11, 0, x.id, 'givenName', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f11_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 0) UNION ALL SELECT 11, 1, x.id, 'familyName', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f11_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 1) UNION ALL SELECT 11, 2, x.id, 'mobilePhone', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f11_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 11 AND m = 2) UNION ALL SELECT 13, 0, x.id, 'subject', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f13_orphan o JOIN d18 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 0) UNION ALL SELECT 13, 1, x.id, 'ownerId', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f13_orphan o JOIN d18 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 1) UNION ALL SELECT 13, 2, x.id, 'startsAt', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f13_orphan o JOIN d18 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 13 AND m = 2) UNION ALL SELECT 14, 0, x.id, 'givenName', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f14_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 0) UNION ALL SELECT 14, 1, x.id, 'familyName', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f14_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 1) UNION ALL SELECT 14, 2, x.id, 'directPhone', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f14_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 14 AND m = 2) UNION ALL SELECT 15, 0, x.id, 'givenName', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f15_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 0) UNION ALL SELECT 15, 1, x.id, 'familyName', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f15_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 1) UNION ALL SELECT 15, 2, x.id, 'directPhone', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f15_orphan o JOIN d16 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 15 AND m = 2) UNION ALL SELECT 16, 0, x.id, 'City', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f16_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 0) UNION ALL SELECT 16, 1, x.id, 'BirthDate', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f16_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 1) UNION ALL SELECT 16, 2, x.id, 'Email', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f16_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 2) UNION ALL SELECT 16, 3, x.id, 'FirstName', CASE WHEN x.n3 IS NOT NULL THEN os_json(x.n3) END FROM f16_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 3) UNION ALL SELECT 16, 4, x.id, 'LastName', CASE WHEN x.n4 IS NOT NULL THEN os_json(x.n4) END FROM f16_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 4) UNION ALL SELECT 16, 5, x.id, 'Phone', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f16_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 5) UNION ALL SELECT 16, 6, x.id, 'Country', CASE WHEN x.n6 IS NOT NULL THEN os_json(x.n6) END FROM f16_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 16 AND m = 6) UNION ALL SELECT 17, 0, x.id, 'BirthDate', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f17_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 0) UNION ALL SELECT 17, 1, x.id, 'Email', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f17_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 1) UNION ALL SELECT 17, 2, x.id, 'FirstName', CASE WHEN x.n3 IS NOT NULL THEN os_json(x.n3) END FROM f17_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 2) UNION ALL SELECT 17, 3, x.id, 'LastName', CASE WHEN x.n4 IS NOT NULL THEN os_json(x.n4) END FROM f17_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 3) UNION ALL SELECT 17, 4, x.id, 'City', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f17_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 4) UNION ALL SELECT 17, 5, x.id, 'Country', CASE WHEN x.n6 IS NOT NULL THEN os_json(x.n6) END FROM f17_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 5) UNION ALL SELECT 17, 6, x.id, 'Phone', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f17_orphan o JOIN d19 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 17 AND m = 6) UNION ALL SELECT 21, 0, x.id, 'Adresse', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f21_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 0) UNION ALL SELECT 21, 1, x.id, 'Poststed', CASE WHEN x.n3 IS NOT NULL THEN os_json(x.n3) END FROM f21_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 1) UNION ALL SELECT 21, 2, x.id, 'Fodt', CASE WHEN x.n4 IS NOT NULL THEN os_json(x.n4) END FROM f21_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 2) UNION ALL SELECT 21, 3, x.id, 'Fornavn', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f21_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 3) UNION ALL SELECT 21, 4, x.id, 'Id', CASE WHEN x.n6 IS NOT NULL THEN os_json(x.n6) END FROM f21_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 4) UNION ALL SELECT 21, 5, x.id, 'Etternavn', CASE WHEN x.n7 IS NOT NULL THEN os_json(x.n7) END FROM f21_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 5) UNION ALL SELECT 21, 6, x.id, 'Postnummer', CASE WHEN x.n8 IS NOT NULL THEN os_json(x.n8) END FROM f21_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 21 AND m = 6) UNION ALL SELECT 22, 0, x.id, 'Fodt', CASE WHEN x.n4 IS NOT NULL THEN os_json(x.n4) END FROM f22_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 0) UNION ALL SELECT 22, 1, x.id, 'Fornavn', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f22_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 1) UNION ALL SELECT 22, 2, x.id, 'Id', CASE WHEN x.n6 IS NOT NULL THEN os_json(x.n6) END FROM f22_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 2) UNION ALL SELECT 22, 3, x.id, 'Etternavn', CASE WHEN x.n7 IS NOT NULL THEN os_json(x.n7) END FROM f22_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 3) UNION ALL SELECT 22, 4, x.id, 'Adresse', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f22_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 4) UNION ALL SELECT 22, 5, x.id, 'Poststed', CASE WHEN x.n3 IS NOT NULL THEN os_json(x.n3) END FROM f22_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 5) UNION ALL SELECT 22, 6, x.id, 'Postnummer', CASE WHEN x.n8 IS NOT NULL THEN os_json(x.n8) END FROM f22_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 22 AND m = 6) UNION ALL SELECT 23, 0, x.id, 'Epost', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 0) UNION ALL SELECT 23, 1, x.id, 'Id', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 1) UNION ALL SELECT 23, 2, x.id, 'Gateadresse', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 2) UNION ALL SELECT 23, 3, x.id, 'Leveringsadresse', CASE WHEN x.n3 IS NOT NULL THEN os_json(x.n3) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 3) UNION ALL SELECT 23, 4, x.id, 'Leveringsadresse2', CASE WHEN x.n4 IS NOT NULL THEN os_json(x.n4) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 4) UNION ALL SELECT 23, 5, x.id, 'Postadresse', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 5) UNION ALL SELECT 23, 6, x.id, 'LevPoststed', CASE WHEN x.n6 IS NOT NULL THEN os_json(x.n6) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 6) UNION ALL SELECT 23, 7, x.id, 'Poststed', CASE WHEN x.n7 IS NOT NULL THEN os_json(x.n7) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 7) UNION ALL SELECT 23, 8, x.id, 'LevPostNr', CASE WHEN x.n8 IS NOT NULL THEN os_json(x.n8) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 8) UNION ALL SELECT 23, 9, x.id, 'Postnr', CASE WHEN x.n9 IS NOT NULL THEN os_json(x.n9) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 9) UNION ALL SELECT 23, 10, x.id, 'Navn', CASE WHEN x.n10 IS NOT NULL THEN os_json(x.n10) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 10) UNION ALL SELECT 23, 11, x.id, 'sesam_kundeId', CASE WHEN x.n11 IS NOT NULL THEN os_json(x.n11) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 11) UNION ALL SELECT 23, 12, x.id, 'Organisasjonsnummer', CASE WHEN x.n12 IS NOT NULL THEN os_json(x.n12) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 12) UNION ALL SELECT 23, 13, x.id, 'sesam_kundeId', CASE WHEN x.n11 IS NOT NULL THEN os_json(x.n11) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 13) UNION ALL SELECT 23, 14, x.id, 'Telefon', CASE WHEN x.n13 IS NOT NULL THEN os_json(x.n13) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 14) UNION ALL SELECT 23, 15, x.id, 'Url', CASE WHEN x.n14 IS NOT NULL THEN os_json(x.n14) END FROM f23_orphan o JOIN d22 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 23 AND m = 15) UNION ALL SELECT 24, 0, x.id, 'sesam_avdelingId', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f24_orphan o JOIN d23 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 0) UNION ALL SELECT 24, 1, x.id, 'Synlig', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f24_orphan o JOIN d23 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 1) UNION ALL SELECT 24, 2, x.id, 'Navn', CASE WHEN x.n3 IS NOT NULL THEN os_json(x.n3) END FROM f24_orphan o JOIN d23 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 24 AND m = 2) UNION ALL SELECT 25, 0, x.id, 'Fodt', CASE WHEN x.n4 IS NOT NULL THEN os_json(x.n4) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 0) UNION ALL SELECT 25, 1, x.id, 'AvdelingId', CASE WHEN x.n9 IS NOT NULL THEN os_json(x.n9) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 1) UNION ALL SELECT 25, 2, x.id, 'Epost', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 2) UNION ALL SELECT 25, 3, x.id, 'Fornavn', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 3) UNION ALL SELECT 25, 4, x.id, 'Aktiv', CASE WHEN x.n10 IS NOT NULL THEN os_json(x.n10) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 4) UNION ALL SELECT 25, 5, x.id, 'Tittel', CASE WHEN x.n11 IS NOT NULL THEN os_json(x.n11) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 5) UNION ALL SELECT 25, 6, x.id, 'Etternavn', CASE WHEN x.n7 IS NOT NULL THEN os_json(x.n7) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 6) UNION ALL SELECT 25, 7, x.id, 'sesam_ansattId', CASE WHEN x.n12 IS NOT NULL THEN os_json(x.n12) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 7) UNION ALL SELECT 25, 8, x.id, 'Mobil', CASE WHEN x.n13 IS NOT NULL THEN os_json(x.n13) END FROM f25_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 25 AND m = 8) UNION ALL SELECT 29, 0, x.id, 'Epost', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f29_orphan o JOIN d24 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 29 AND m = 0) UNION ALL SELECT 30, 0, x.id, 'KundeId', CASE WHEN x.n0 IS NOT NULL THEN os_json(x.n0) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 0) UNION ALL SELECT 30, 1, x.id, 'AvdelingId', CASE WHEN x.n1 IS NOT NULL THEN os_json(x.n1) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 1) UNION ALL SELECT 30, 2, x.id, 'AvsluttetDato', CASE WHEN x.n2 IS NOT NULL THEN os_json(x.n2) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 2) UNION ALL SELECT 30, 3, x.id, 'Avsluttet', CASE WHEN x.n3 IS NOT NULL THEN os_json(x.n3) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 3) UNION ALL SELECT 30, 4, x.id, 'InterntProsjekt', CASE WHEN x.n4 IS NOT NULL THEN os_json(x.n4) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 4) UNION ALL SELECT 30, 5, x.id, 'Navn', CASE WHEN x.n5 IS NOT NULL THEN os_json(x.n5) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 5) UNION ALL SELECT 30, 6, x.id, 'AnsvarligId', CASE WHEN x.n6 IS NOT NULL THEN os_json(x.n6) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 6) UNION ALL SELECT 30, 7, x.id, 'StartDato', CASE WHEN x.n7 IS NOT NULL THEN os_json(x.n7) END FROM f30_orphan o JOIN d25 x ON x.rid = o.t WHERE o.s IS NULL AND EXISTS (SELECT 1 FROM mappings WHERE k = 30 AND m = 7)) v ON v.k = dk.k AND v.id = dk.id
    WHERE v.seen IS NOT NULL)
WHERE nth = 1;
-- `ord`: the order offsync adds a record's fields in (flow, then mapping), which CSV
-- import files keep for their columns.
CREATE TABLE op_rows AS
SELECT system, entity, 'update' AS kind, id, CAST(NULL AS STRING) AS correlation, path, value, seen, k * 1000000 + m AS ord FROM op_updates
UNION ALL
SELECT ck.system, ck.entity, 'create', NULL, ck.correlation, cf.path, cf.value, NULL, cf.m
FROM create_keys ck LEFT JOIN create_fields cf USING (system, entity, correlation)
UNION ALL
SELECT dk.system, dk.entity, 'delete', dk.id, NULL, b.path, NULL, b.seen, b.m
FROM delete_keys dk LEFT JOIN delete_based_on b USING (system, entity, id);

-- The circuit breaker: deletes and rewrites of records an earlier run synced, per
-- dataset, against its share of the dataset's records (datasets under 20 records
-- are not judged).
CREATE TABLE dataset_counts AS SELECT 'powerofficego.Contactperson' AS dataset, (SELECT count(*) FROM d0) AS records, (SELECT invalid FROM d0_invalid) AS invalid UNION ALL SELECT 'powerofficego.Customers' AS dataset, (SELECT count(*) FROM d1) AS records, (SELECT invalid FROM d1_invalid) AS invalid UNION ALL SELECT 'powerofficego.Customers person' AS dataset, (SELECT count(*) FROM d2) AS records, (SELECT invalid FROM d2_invalid) AS invalid UNION ALL SELECT 'powerofficego.Suppliers person' AS dataset, (SELECT count(*) FROM d3) AS records, (SELECT invalid FROM d3_invalid) AS invalid UNION ALL SELECT 'powerofficego.Employees' AS dataset, (SELECT count(*) FROM d4) AS records, (SELECT invalid FROM d4_invalid) AS invalid UNION ALL SELECT 'powerofficego.Departments' AS dataset, (SELECT count(*) FROM d5) AS records, (SELECT invalid FROM d5_invalid) AS invalid UNION ALL SELECT 'powerofficego.Customers (organisation data)' AS dataset, (SELECT count(*) FROM d6) AS records, (SELECT invalid FROM d6_invalid) AS invalid UNION ALL SELECT 'powerofficego.Projects' AS dataset, (SELECT count(*) FROM d7) AS records, (SELECT invalid FROM d7_invalid) AS invalid UNION ALL SELECT 'powerofficego.Product' AS dataset, (SELECT count(*) FROM d8) AS records, (SELECT invalid FROM d8_invalid) AS invalid UNION ALL SELECT 'powerofficego.Productgroup' AS dataset, (SELECT count(*) FROM d9) AS records, (SELECT invalid FROM d9_invalid) AS invalid UNION ALL SELECT 'powerofficego.Currency' AS dataset, (SELECT count(*) FROM d10) AS records, (SELECT invalid FROM d10_invalid) AS invalid UNION ALL SELECT 'youtrack.Users' AS dataset, (SELECT count(*) FROM d11) AS records, (SELECT invalid FROM d11_invalid) AS invalid UNION ALL SELECT 'youtrack.Groups' AS dataset, (SELECT count(*) FROM d12) AS records, (SELECT invalid FROM d12_invalid) AS invalid UNION ALL SELECT 'youtrack.Organizationroles' AS dataset, (SELECT count(*) FROM d13) AS records, (SELECT invalid FROM d13_invalid) AS invalid UNION ALL SELECT 'zendesk.Users' AS dataset, (SELECT count(*) FROM d14) AS records, (SELECT invalid FROM d14_invalid) AS invalid UNION ALL SELECT 'zendesk.Organizations' AS dataset, (SELECT count(*) FROM d15) AS records, (SELECT invalid FROM d15_invalid) AS invalid UNION ALL SELECT 'crmoffice.Contacts' AS dataset, (SELECT count(*) FROM d16) AS records, (SELECT invalid FROM d16_invalid) AS invalid UNION ALL SELECT 'crmoffice.Companies' AS dataset, (SELECT count(*) FROM d17) AS records, (SELECT invalid FROM d17_invalid) AS invalid UNION ALL SELECT 'crmoffice.Activities' AS dataset, (SELECT count(*) FROM d18) AS records, (SELECT invalid FROM d18_invalid) AS invalid UNION ALL SELECT 'exact.Contacts' AS dataset, (SELECT count(*) FROM d19) AS records, (SELECT invalid FROM d19_invalid) AS invalid UNION ALL SELECT 'custompms.Customer' AS dataset, (SELECT count(*) FROM d20) AS records, (SELECT invalid FROM d20_invalid) AS invalid UNION ALL SELECT 'custompms.Project' AS dataset, (SELECT count(*) FROM d21) AS records, (SELECT invalid FROM d21_invalid) AS invalid UNION ALL SELECT 'tidsbanken.Kunde' AS dataset, (SELECT count(*) FROM d22) AS records, (SELECT invalid FROM d22_invalid) AS invalid UNION ALL SELECT 'tidsbanken.Avdeling' AS dataset, (SELECT count(*) FROM d23) AS records, (SELECT invalid FROM d23_invalid) AS invalid UNION ALL SELECT 'tidsbanken.Ansatt' AS dataset, (SELECT count(*) FROM d24) AS records, (SELECT invalid FROM d24_invalid) AS invalid UNION ALL SELECT 'tidsbanken.Prosjekt' AS dataset, (SELECT count(*) FROM d25) AS records, (SELECT invalid FROM d25_invalid) AS invalid;
CREATE TABLE rewritten AS
SELECT f.target_system || '.' || f.target_entity AS dataset, d.tid AS id FROM all_dec d JOIN flows f ON f.k = d.k
WHERE d.reason = 'remembered' AND d.direction = 'to_target' AND d.sw IS NOT NULL
UNION
SELECT f.source_system || '.' || f.source_entity, d.sid FROM all_dec d JOIN flows f ON f.k = d.k
WHERE d.reason = 'remembered' AND d.direction = 'to_source' AND d.tw IS NOT NULL;
CREATE TABLE breaker AS SELECT *, records >= 20 AND (deletes + updates) / records > 0.1 AS trips FROM (
    SELECT r.dataset, r.records,
        (SELECT count(*) FROM delete_keys dk WHERE dk.system || '.' || dk.entity = r.dataset) AS deletes,
        (SELECT count(DISTINCT id) FROM rewritten w WHERE w.dataset = r.dataset) AS updates
    FROM dataset_counts r)
WHERE deletes + updates > 0;

-- The next state
CREATE TABLE next_link AS
SELECT flow, source_id, target_id, how FROM state_link
WHERE NOT EXISTS (SELECT 1 FROM (SELECT 'powerofficego.Contactperson -> youtrack.Users' AS flow, source_id FROM f0_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers person -> youtrack.Users' AS flow, source_id FROM f1_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Currency -> youtrack.Organizationroles' AS flow, source_id FROM f2_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers -> youtrack.Groups' AS flow, source_id FROM f3_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Departments -> youtrack.Groups' AS flow, source_id FROM f4_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Productgroup -> youtrack.Organizationroles' AS flow, source_id FROM f5_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Contactperson -> zendesk.Users' AS flow, source_id FROM f6_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers person -> zendesk.Users' AS flow, source_id FROM f7_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers -> zendesk.Organizations' AS flow, source_id FROM f8_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Departments -> zendesk.Organizations' AS flow, source_id FROM f9_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers person -> crmoffice.Contacts' AS flow, source_id FROM f10_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Employees -> crmoffice.Contacts' AS flow, source_id FROM f11_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Product -> crmoffice.Companies' AS flow, source_id FROM f12_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Projects -> crmoffice.Activities' AS flow, source_id FROM f13_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Contactperson -> crmoffice.Contacts' AS flow, source_id FROM f14_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Suppliers person -> crmoffice.Contacts' AS flow, source_id FROM f15_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Contactperson -> exact.Contacts' AS flow, source_id FROM f16_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Suppliers person -> exact.Contacts' AS flow, source_id FROM f17_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Departments -> custompms.Customer' AS flow, source_id FROM f18_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers -> custompms.Customer' AS flow, source_id FROM f19_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Projects -> custompms.Project' AS flow, source_id FROM f20_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Contactperson -> tidsbanken.Ansatt' AS flow, source_id FROM f21_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Ansatt' AS flow, source_id FROM f22_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Kunde' AS flow, source_id FROM f23_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Departments -> tidsbanken.Avdeling' AS flow, source_id FROM f24_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Employees -> tidsbanken.Ansatt' AS flow, source_id FROM f25_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers (organisation data) -> tidsbanken.Kunde' AS flow, source_id FROM f26_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Kunde' AS flow, source_id FROM f27_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Departments -> tidsbanken.Avdeling' AS flow, source_id FROM f28_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Employees -> tidsbanken.Ansatt' AS flow, source_id FROM f29_orphan WHERE s IS NULL AND t IS NULL UNION ALL SELECT 'powerofficego.Projects -> tidsbanken.Prosjekt' AS flow, source_id FROM f30_orphan WHERE s IS NULL AND t IS NULL) f WHERE f.flow = state_link.flow AND f.source_id = state_link.source_id)
UNION ALL
SELECT * FROM (SELECT 'powerofficego.Contactperson -> youtrack.Users' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f0_pairs p JOIN d0 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f0_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers person -> youtrack.Users' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f1_pairs p JOIN d2 s ON s.rid = p.s JOIN d11 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f1_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Currency -> youtrack.Organizationroles' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f2_pairs p JOIN d10 s ON s.rid = p.s JOIN d13 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f2_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers -> youtrack.Groups' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f3_pairs p JOIN d1 s ON s.rid = p.s JOIN d12 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f3_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Departments -> youtrack.Groups' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f4_pairs p JOIN d5 s ON s.rid = p.s JOIN d12 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f4_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Productgroup -> youtrack.Organizationroles' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f5_pairs p JOIN d9 s ON s.rid = p.s JOIN d13 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f5_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Contactperson -> zendesk.Users' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f6_pairs p JOIN d0 s ON s.rid = p.s JOIN d14 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f6_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers person -> zendesk.Users' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f7_pairs p JOIN d2 s ON s.rid = p.s JOIN d14 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f7_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers -> zendesk.Organizations' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f8_pairs p JOIN d1 s ON s.rid = p.s JOIN d15 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f8_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Departments -> zendesk.Organizations' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f9_pairs p JOIN d5 s ON s.rid = p.s JOIN d15 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f9_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers person -> crmoffice.Contacts' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f10_pairs p JOIN d2 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f10_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Employees -> crmoffice.Contacts' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f11_pairs p JOIN d4 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f11_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Product -> crmoffice.Companies' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f12_pairs p JOIN d8 s ON s.rid = p.s JOIN d17 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f12_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Projects -> crmoffice.Activities' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f13_pairs p JOIN d7 s ON s.rid = p.s JOIN d18 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f13_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Contactperson -> crmoffice.Contacts' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f14_pairs p JOIN d0 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f14_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Suppliers person -> crmoffice.Contacts' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f15_pairs p JOIN d3 s ON s.rid = p.s JOIN d16 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f15_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Contactperson -> exact.Contacts' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f16_pairs p JOIN d0 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f16_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Suppliers person -> exact.Contacts' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f17_pairs p JOIN d3 s ON s.rid = p.s JOIN d19 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f17_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Departments -> custompms.Customer' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f18_pairs p JOIN d5 s ON s.rid = p.s JOIN d20 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f18_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers -> custompms.Customer' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f19_pairs p JOIN d1 s ON s.rid = p.s JOIN d20 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f19_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Projects -> custompms.Project' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f20_pairs p JOIN d7 s ON s.rid = p.s JOIN d21 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f20_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Contactperson -> tidsbanken.Ansatt' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f21_pairs p JOIN d0 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f21_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Ansatt' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f22_pairs p JOIN d1 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f22_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Kunde' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f23_pairs p JOIN d1 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f23_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Departments -> tidsbanken.Avdeling' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f24_pairs p JOIN d5 s ON s.rid = p.s JOIN d23 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f24_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Employees -> tidsbanken.Ansatt' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f25_pairs p JOIN d4 s ON s.rid = p.s JOIN d24 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f25_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Customers (organisation data) -> tidsbanken.Kunde' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f26_pairs p JOIN d6 s ON s.rid = p.s JOIN d22 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f26_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered'
UNION ALL SELECT 'powerofficego.Projects -> tidsbanken.Prosjekt' AS flow, s.id AS source_id, t.id AS target_id, CASE p.reason WHEN 'correlation' THEN 'correlation' WHEN 'content' THEN 'content' ELSE 'merge ' || CAST(m.c + 1 AS STRING) END AS how
FROM f30_pairs p JOIN d7 s ON s.rid = p.s JOIN d25 t ON t.rid = p.t
LEFT JOIN (SELECT s, min(c) AS c FROM f30_cand GROUP BY s) m ON m.s = p.s
WHERE p.reason <> 'remembered') n WHERE NOT EXISTS (SELECT 1 FROM state_link l WHERE l.flow = n.flow AND l.source_id = n.source_id);
CREATE TABLE next_baseline AS
SELECT l.flow, l.source_id, l.target_id, b.property, coalesce(a.digest, b.digest) AS digest
FROM next_link l JOIN state_baseline b ON b.flow = l.flow AND b.source_id = l.source_id
LEFT JOIN (SELECT 'powerofficego.Contactperson -> youtrack.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f0_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers person -> youtrack.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f1_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Currency -> youtrack.Organizationroles' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f2_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> youtrack.Groups' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f3_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> youtrack.Groups' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f4_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Productgroup -> youtrack.Organizationroles' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f5_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> zendesk.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f6_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers person -> zendesk.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f7_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> zendesk.Organizations' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f8_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> zendesk.Organizations' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f9_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers person -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f10_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Employees -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f11_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Product -> crmoffice.Companies' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f12_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Projects -> crmoffice.Activities' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f13_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f14_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Suppliers person -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f15_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> exact.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f16_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Suppliers person -> exact.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f17_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> custompms.Customer' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f18_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> custompms.Customer' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f19_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Projects -> custompms.Project' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f20_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> tidsbanken.Ansatt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f21_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Ansatt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f22_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Kunde' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f23_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> tidsbanken.Avdeling' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f24_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Employees -> tidsbanken.Ansatt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f25_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers (organisation data) -> tidsbanken.Kunde' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f26_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Projects -> tidsbanken.Prosjekt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f30_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc) a ON a.flow = l.flow AND a.source_id = l.source_id AND a.target_id = l.target_id AND a.property = b.property
UNION ALL
SELECT a.flow, a.source_id, a.target_id, a.property, a.digest FROM (SELECT 'powerofficego.Contactperson -> youtrack.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f0_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers person -> youtrack.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f1_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Currency -> youtrack.Organizationroles' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f2_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> youtrack.Groups' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f3_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> youtrack.Groups' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f4_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Productgroup -> youtrack.Organizationroles' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f5_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> zendesk.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f6_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers person -> zendesk.Users' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f7_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> zendesk.Organizations' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f8_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> zendesk.Organizations' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f9_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers person -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f10_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Employees -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f11_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Product -> crmoffice.Companies' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f12_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Projects -> crmoffice.Activities' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f13_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f14_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Suppliers person -> crmoffice.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f15_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> exact.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f16_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Suppliers person -> exact.Contacts' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f17_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> custompms.Customer' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f18_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> custompms.Customer' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f19_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Projects -> custompms.Project' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f20_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Contactperson -> tidsbanken.Ansatt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f21_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Ansatt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f22_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers -> tidsbanken.Kunde' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f23_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Departments -> tidsbanken.Avdeling' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f24_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Employees -> tidsbanken.Ansatt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f25_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Customers (organisation data) -> tidsbanken.Kunde' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f26_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc UNION ALL SELECT 'powerofficego.Projects -> tidsbanken.Prosjekt' AS flow, v.sid AS source_id, v.tid AS target_id, mp.source_path || ' -> ' || mp.target_path AS property, os_hash(v.sc) AS digest FROM f30_dec v JOIN mappings mp ON mp.k = v.k AND mp.m = v.m WHERE v.skip IS NULL AND v.sc = v.tc) a
JOIN next_link l ON l.flow = a.flow AND l.source_id = a.source_id AND l.target_id = a.target_id
WHERE NOT EXISTS (SELECT 1 FROM state_baseline b WHERE b.flow = a.flow AND b.source_id = a.source_id AND b.property = a.property);

-- Counts per flow
CREATE TABLE flow_counts AS SELECT 0 AS k,
    (SELECT count(*) FROM d0) AS source,
    (SELECT count(*) FROM d11) AS target,
    (SELECT count(*) FROM f0_pairs) AS linked,
    (SELECT count(*) FROM f0_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f0_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f0_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f0_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f0_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f0_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f0_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f0_amb) AS ambiguous,
    (SELECT count(*) FROM f0_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f0_notsel) AS not_selected,
    (SELECT count(*) FROM d11 WHERE rid NOT IN (SELECT t FROM f0_pairs) AND rid NOT IN (SELECT t FROM f0_held_t)) AS unmatched_target,
    (SELECT invalid FROM d0_invalid) + (SELECT invalid FROM d11_invalid) AS invalid,
    (SELECT count(*) FROM f0_dup_s) + (SELECT count(*) FROM f0_dup_t) AS duplicate,
    (SELECT count(*) FROM f0_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f0_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f0_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f0_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f0_dec WHERE skip = 'pending') + (SELECT count(*) FROM f0_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 1 AS k,
    (SELECT count(*) FROM d2) AS source,
    (SELECT count(*) FROM d11) AS target,
    (SELECT count(*) FROM f1_pairs) AS linked,
    (SELECT count(*) FROM f1_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f1_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f1_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f1_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f1_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f1_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f1_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f1_amb) AS ambiguous,
    (SELECT count(*) FROM f1_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f1_notsel) AS not_selected,
    (SELECT count(*) FROM d11 WHERE rid NOT IN (SELECT t FROM f1_pairs) AND rid NOT IN (SELECT t FROM f1_held_t)) AS unmatched_target,
    (SELECT invalid FROM d2_invalid) + (SELECT invalid FROM d11_invalid) AS invalid,
    (SELECT count(*) FROM f1_dup_s) + (SELECT count(*) FROM f1_dup_t) AS duplicate,
    (SELECT count(*) FROM f1_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f1_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f1_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f1_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f1_dec WHERE skip = 'pending') + (SELECT count(*) FROM f1_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 2 AS k,
    (SELECT count(*) FROM d10) AS source,
    (SELECT count(*) FROM d13) AS target,
    (SELECT count(*) FROM f2_pairs) AS linked,
    (SELECT count(*) FROM f2_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f2_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f2_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f2_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f2_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f2_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f2_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f2_amb) AS ambiguous,
    (SELECT count(*) FROM f2_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f2_notsel) AS not_selected,
    (SELECT count(*) FROM d13 WHERE rid NOT IN (SELECT t FROM f2_pairs) AND rid NOT IN (SELECT t FROM f2_held_t)) AS unmatched_target,
    (SELECT invalid FROM d10_invalid) + (SELECT invalid FROM d13_invalid) AS invalid,
    (SELECT count(*) FROM f2_dup_s) + (SELECT count(*) FROM f2_dup_t) AS duplicate,
    (SELECT count(*) FROM f2_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f2_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f2_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f2_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f2_dec WHERE skip = 'pending') + (SELECT count(*) FROM f2_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 3 AS k,
    (SELECT count(*) FROM d1) AS source,
    (SELECT count(*) FROM d12) AS target,
    (SELECT count(*) FROM f3_pairs) AS linked,
    (SELECT count(*) FROM f3_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f3_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f3_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f3_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f3_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f3_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f3_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f3_amb) AS ambiguous,
    (SELECT count(*) FROM f3_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f3_notsel) AS not_selected,
    (SELECT count(*) FROM d12 WHERE rid NOT IN (SELECT t FROM f3_pairs) AND rid NOT IN (SELECT t FROM f3_held_t)) AS unmatched_target,
    (SELECT invalid FROM d1_invalid) + (SELECT invalid FROM d12_invalid) AS invalid,
    (SELECT count(*) FROM f3_dup_s) + (SELECT count(*) FROM f3_dup_t) AS duplicate,
    (SELECT count(*) FROM f3_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f3_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f3_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f3_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f3_dec WHERE skip = 'pending') + (SELECT count(*) FROM f3_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 4 AS k,
    (SELECT count(*) FROM d5) AS source,
    (SELECT count(*) FROM d12) AS target,
    (SELECT count(*) FROM f4_pairs) AS linked,
    (SELECT count(*) FROM f4_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f4_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f4_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f4_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f4_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f4_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f4_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f4_amb) AS ambiguous,
    (SELECT count(*) FROM f4_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f4_notsel) AS not_selected,
    (SELECT count(*) FROM d12 WHERE rid NOT IN (SELECT t FROM f4_pairs) AND rid NOT IN (SELECT t FROM f4_held_t)) AS unmatched_target,
    (SELECT invalid FROM d5_invalid) + (SELECT invalid FROM d12_invalid) AS invalid,
    (SELECT count(*) FROM f4_dup_s) + (SELECT count(*) FROM f4_dup_t) AS duplicate,
    (SELECT count(*) FROM f4_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f4_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f4_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f4_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f4_dec WHERE skip = 'pending') + (SELECT count(*) FROM f4_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 5 AS k,
    (SELECT count(*) FROM d9) AS source,
    (SELECT count(*) FROM d13) AS target,
    (SELECT count(*) FROM f5_pairs) AS linked,
    (SELECT count(*) FROM f5_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f5_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f5_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f5_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f5_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f5_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f5_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f5_amb) AS ambiguous,
    (SELECT count(*) FROM f5_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f5_notsel) AS not_selected,
    (SELECT count(*) FROM d13 WHERE rid NOT IN (SELECT t FROM f5_pairs) AND rid NOT IN (SELECT t FROM f5_held_t)) AS unmatched_target,
    (SELECT invalid FROM d9_invalid) + (SELECT invalid FROM d13_invalid) AS invalid,
    (SELECT count(*) FROM f5_dup_s) + (SELECT count(*) FROM f5_dup_t) AS duplicate,
    (SELECT count(*) FROM f5_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f5_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f5_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f5_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f5_dec WHERE skip = 'pending') + (SELECT count(*) FROM f5_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 6 AS k,
    (SELECT count(*) FROM d0) AS source,
    (SELECT count(*) FROM d14) AS target,
    (SELECT count(*) FROM f6_pairs) AS linked,
    (SELECT count(*) FROM f6_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f6_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f6_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f6_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f6_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f6_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f6_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f6_amb) AS ambiguous,
    (SELECT count(*) FROM f6_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f6_notsel) AS not_selected,
    (SELECT count(*) FROM d14 WHERE rid NOT IN (SELECT t FROM f6_pairs) AND rid NOT IN (SELECT t FROM f6_held_t)) AS unmatched_target,
    (SELECT invalid FROM d0_invalid) + (SELECT invalid FROM d14_invalid) AS invalid,
    (SELECT count(*) FROM f6_dup_s) + (SELECT count(*) FROM f6_dup_t) AS duplicate,
    (SELECT count(*) FROM f6_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f6_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f6_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f6_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f6_dec WHERE skip = 'pending') + (SELECT count(*) FROM f6_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 7 AS k,
    (SELECT count(*) FROM d2) AS source,
    (SELECT count(*) FROM d14) AS target,
    (SELECT count(*) FROM f7_pairs) AS linked,
    (SELECT count(*) FROM f7_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f7_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f7_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f7_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f7_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f7_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f7_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f7_amb) AS ambiguous,
    (SELECT count(*) FROM f7_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f7_notsel) AS not_selected,
    (SELECT count(*) FROM d14 WHERE rid NOT IN (SELECT t FROM f7_pairs) AND rid NOT IN (SELECT t FROM f7_held_t)) AS unmatched_target,
    (SELECT invalid FROM d2_invalid) + (SELECT invalid FROM d14_invalid) AS invalid,
    (SELECT count(*) FROM f7_dup_s) + (SELECT count(*) FROM f7_dup_t) AS duplicate,
    (SELECT count(*) FROM f7_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f7_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f7_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f7_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f7_dec WHERE skip = 'pending') + (SELECT count(*) FROM f7_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 8 AS k,
    (SELECT count(*) FROM d1) AS source,
    (SELECT count(*) FROM d15) AS target,
    (SELECT count(*) FROM f8_pairs) AS linked,
    (SELECT count(*) FROM f8_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f8_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f8_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f8_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f8_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f8_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f8_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f8_amb) AS ambiguous,
    (SELECT count(*) FROM f8_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f8_notsel) AS not_selected,
    (SELECT count(*) FROM d15 WHERE rid NOT IN (SELECT t FROM f8_pairs) AND rid NOT IN (SELECT t FROM f8_held_t)) AS unmatched_target,
    (SELECT invalid FROM d1_invalid) + (SELECT invalid FROM d15_invalid) AS invalid,
    (SELECT count(*) FROM f8_dup_s) + (SELECT count(*) FROM f8_dup_t) AS duplicate,
    (SELECT count(*) FROM f8_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f8_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f8_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f8_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f8_dec WHERE skip = 'pending') + (SELECT count(*) FROM f8_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 9 AS k,
    (SELECT count(*) FROM d5) AS source,
    (SELECT count(*) FROM d15) AS target,
    (SELECT count(*) FROM f9_pairs) AS linked,
    (SELECT count(*) FROM f9_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f9_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f9_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f9_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f9_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f9_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f9_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f9_amb) AS ambiguous,
    (SELECT count(*) FROM f9_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f9_notsel) AS not_selected,
    (SELECT count(*) FROM d15 WHERE rid NOT IN (SELECT t FROM f9_pairs) AND rid NOT IN (SELECT t FROM f9_held_t)) AS unmatched_target,
    (SELECT invalid FROM d5_invalid) + (SELECT invalid FROM d15_invalid) AS invalid,
    (SELECT count(*) FROM f9_dup_s) + (SELECT count(*) FROM f9_dup_t) AS duplicate,
    (SELECT count(*) FROM f9_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f9_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f9_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f9_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f9_dec WHERE skip = 'pending') + (SELECT count(*) FROM f9_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 10 AS k,
    (SELECT count(*) FROM d2) AS source,
    (SELECT count(*) FROM d16) AS target,
    (SELECT count(*) FROM f10_pairs) AS linked,
    (SELECT count(*) FROM f10_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f10_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f10_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f10_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f10_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f10_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f10_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f10_amb) AS ambiguous,
    (SELECT count(*) FROM f10_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f10_notsel) AS not_selected,
    (SELECT count(*) FROM d16 WHERE rid NOT IN (SELECT t FROM f10_pairs) AND rid NOT IN (SELECT t FROM f10_held_t)) AS unmatched_target,
    (SELECT invalid FROM d2_invalid) + (SELECT invalid FROM d16_invalid) AS invalid,
    (SELECT count(*) FROM f10_dup_s) + (SELECT count(*) FROM f10_dup_t) AS duplicate,
    (SELECT count(*) FROM f10_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f10_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f10_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f10_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f10_dec WHERE skip = 'pending') + (SELECT count(*) FROM f10_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 11 AS k,
    (SELECT count(*) FROM d4) AS source,
    (SELECT count(*) FROM d16) AS target,
    (SELECT count(*) FROM f11_pairs) AS linked,
    (SELECT count(*) FROM f11_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f11_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f11_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f11_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f11_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f11_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f11_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f11_amb) AS ambiguous,
    (SELECT count(*) FROM f11_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f11_notsel) AS not_selected,
    (SELECT count(*) FROM d16 WHERE rid NOT IN (SELECT t FROM f11_pairs) AND rid NOT IN (SELECT t FROM f11_held_t)) AS unmatched_target,
    (SELECT invalid FROM d4_invalid) + (SELECT invalid FROM d16_invalid) AS invalid,
    (SELECT count(*) FROM f11_dup_s) + (SELECT count(*) FROM f11_dup_t) AS duplicate,
    (SELECT count(*) FROM f11_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f11_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f11_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f11_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f11_dec WHERE skip = 'pending') + (SELECT count(*) FROM f11_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 12 AS k,
    (SELECT count(*) FROM d8) AS source,
    (SELECT count(*) FROM d17) AS target,
    (SELECT count(*) FROM f12_pairs) AS linked,
    (SELECT count(*) FROM f12_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f12_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f12_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f12_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f12_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f12_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f12_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f12_amb) AS ambiguous,
    (SELECT count(*) FROM f12_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f12_notsel) AS not_selected,
    (SELECT count(*) FROM d17 WHERE rid NOT IN (SELECT t FROM f12_pairs) AND rid NOT IN (SELECT t FROM f12_held_t)) AS unmatched_target,
    (SELECT invalid FROM d8_invalid) + (SELECT invalid FROM d17_invalid) AS invalid,
    (SELECT count(*) FROM f12_dup_s) + (SELECT count(*) FROM f12_dup_t) AS duplicate,
    (SELECT count(*) FROM f12_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f12_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f12_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f12_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f12_dec WHERE skip = 'pending') + (SELECT count(*) FROM f12_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 13 AS k,
    (SELECT count(*) FROM d7) AS source,
    (SELECT count(*) FROM d18) AS target,
    (SELECT count(*) FROM f13_pairs) AS linked,
    (SELECT count(*) FROM f13_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f13_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f13_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f13_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f13_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f13_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f13_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f13_amb) AS ambiguous,
    (SELECT count(*) FROM f13_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f13_notsel) AS not_selected,
    (SELECT count(*) FROM d18 WHERE rid NOT IN (SELECT t FROM f13_pairs) AND rid NOT IN (SELECT t FROM f13_held_t)) AS unmatched_target,
    (SELECT invalid FROM d7_invalid) + (SELECT invalid FROM d18_invalid) AS invalid,
    (SELECT count(*) FROM f13_dup_s) + (SELECT count(*) FROM f13_dup_t) AS duplicate,
    (SELECT count(*) FROM f13_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f13_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f13_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f13_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f13_dec WHERE skip = 'pending') + (SELECT count(*) FROM f13_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 14 AS k,
    (SELECT count(*) FROM d0) AS source,
    (SELECT count(*) FROM d16) AS target,
    (SELECT count(*) FROM f14_pairs) AS linked,
    (SELECT count(*) FROM f14_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f14_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f14_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f14_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f14_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f14_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f14_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f14_amb) AS ambiguous,
    (SELECT count(*) FROM f14_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f14_notsel) AS not_selected,
    (SELECT count(*) FROM d16 WHERE rid NOT IN (SELECT t FROM f14_pairs) AND rid NOT IN (SELECT t FROM f14_held_t)) AS unmatched_target,
    (SELECT invalid FROM d0_invalid) + (SELECT invalid FROM d16_invalid) AS invalid,
    (SELECT count(*) FROM f14_dup_s) + (SELECT count(*) FROM f14_dup_t) AS duplicate,
    (SELECT count(*) FROM f14_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f14_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f14_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f14_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f14_dec WHERE skip = 'pending') + (SELECT count(*) FROM f14_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 15 AS k,
    (SELECT count(*) FROM d3) AS source,
    (SELECT count(*) FROM d16) AS target,
    (SELECT count(*) FROM f15_pairs) AS linked,
    (SELECT count(*) FROM f15_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f15_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f15_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f15_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f15_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f15_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f15_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f15_amb) AS ambiguous,
    (SELECT count(*) FROM f15_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f15_notsel) AS not_selected,
    (SELECT count(*) FROM d16 WHERE rid NOT IN (SELECT t FROM f15_pairs) AND rid NOT IN (SELECT t FROM f15_held_t)) AS unmatched_target,
    (SELECT invalid FROM d3_invalid) + (SELECT invalid FROM d16_invalid) AS invalid,
    (SELECT count(*) FROM f15_dup_s) + (SELECT count(*) FROM f15_dup_t) AS duplicate,
    (SELECT count(*) FROM f15_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f15_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f15_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f15_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f15_dec WHERE skip = 'pending') + (SELECT count(*) FROM f15_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 16 AS k,
    (SELECT count(*) FROM d0) AS source,
    (SELECT count(*) FROM d19) AS target,
    (SELECT count(*) FROM f16_pairs) AS linked,
    (SELECT count(*) FROM f16_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f16_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f16_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f16_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f16_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f16_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f16_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f16_amb) AS ambiguous,
    (SELECT count(*) FROM f16_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f16_notsel) AS not_selected,
    (SELECT count(*) FROM d19 WHERE rid NOT IN (SELECT t FROM f16_pairs) AND rid NOT IN (SELECT t FROM f16_held_t)) AS unmatched_target,
    (SELECT invalid FROM d0_invalid) + (SELECT invalid FROM d19_invalid) AS invalid,
    (SELECT count(*) FROM f16_dup_s) + (SELECT count(*) FROM f16_dup_t) AS duplicate,
    (SELECT count(*) FROM f16_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f16_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f16_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f16_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f16_dec WHERE skip = 'pending') + (SELECT count(*) FROM f16_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 17 AS k,
    (SELECT count(*) FROM d3) AS source,
    (SELECT count(*) FROM d19) AS target,
    (SELECT count(*) FROM f17_pairs) AS linked,
    (SELECT count(*) FROM f17_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f17_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f17_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f17_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f17_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f17_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f17_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f17_amb) AS ambiguous,
    (SELECT count(*) FROM f17_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f17_notsel) AS not_selected,
    (SELECT count(*) FROM d19 WHERE rid NOT IN (SELECT t FROM f17_pairs) AND rid NOT IN (SELECT t FROM f17_held_t)) AS unmatched_target,
    (SELECT invalid FROM d3_invalid) + (SELECT invalid FROM d19_invalid) AS invalid,
    (SELECT count(*) FROM f17_dup_s) + (SELECT count(*) FROM f17_dup_t) AS duplicate,
    (SELECT count(*) FROM f17_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f17_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f17_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f17_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f17_dec WHERE skip = 'pending') + (SELECT count(*) FROM f17_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 18 AS k,
    (SELECT count(*) FROM d5) AS source,
    (SELECT count(*) FROM d20) AS target,
    (SELECT count(*) FROM f18_pairs) AS linked,
    (SELECT count(*) FROM f18_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f18_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f18_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f18_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f18_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f18_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f18_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f18_amb) AS ambiguous,
    (SELECT count(*) FROM f18_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f18_notsel) AS not_selected,
    (SELECT count(*) FROM d20 WHERE rid NOT IN (SELECT t FROM f18_pairs) AND rid NOT IN (SELECT t FROM f18_held_t)) AS unmatched_target,
    (SELECT invalid FROM d5_invalid) + (SELECT invalid FROM d20_invalid) AS invalid,
    (SELECT count(*) FROM f18_dup_s) + (SELECT count(*) FROM f18_dup_t) AS duplicate,
    (SELECT count(*) FROM f18_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f18_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f18_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f18_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f18_dec WHERE skip = 'pending') + (SELECT count(*) FROM f18_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 19 AS k,
    (SELECT count(*) FROM d1) AS source,
    (SELECT count(*) FROM d20) AS target,
    (SELECT count(*) FROM f19_pairs) AS linked,
    (SELECT count(*) FROM f19_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f19_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f19_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f19_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f19_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f19_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f19_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f19_amb) AS ambiguous,
    (SELECT count(*) FROM f19_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f19_notsel) AS not_selected,
    (SELECT count(*) FROM d20 WHERE rid NOT IN (SELECT t FROM f19_pairs) AND rid NOT IN (SELECT t FROM f19_held_t)) AS unmatched_target,
    (SELECT invalid FROM d1_invalid) + (SELECT invalid FROM d20_invalid) AS invalid,
    (SELECT count(*) FROM f19_dup_s) + (SELECT count(*) FROM f19_dup_t) AS duplicate,
    (SELECT count(*) FROM f19_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f19_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f19_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f19_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f19_dec WHERE skip = 'pending') + (SELECT count(*) FROM f19_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 20 AS k,
    (SELECT count(*) FROM d7) AS source,
    (SELECT count(*) FROM d21) AS target,
    (SELECT count(*) FROM f20_pairs) AS linked,
    (SELECT count(*) FROM f20_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f20_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f20_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f20_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f20_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f20_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f20_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f20_amb) AS ambiguous,
    (SELECT count(*) FROM f20_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f20_notsel) AS not_selected,
    (SELECT count(*) FROM d21 WHERE rid NOT IN (SELECT t FROM f20_pairs) AND rid NOT IN (SELECT t FROM f20_held_t)) AS unmatched_target,
    (SELECT invalid FROM d7_invalid) + (SELECT invalid FROM d21_invalid) AS invalid,
    (SELECT count(*) FROM f20_dup_s) + (SELECT count(*) FROM f20_dup_t) AS duplicate,
    (SELECT count(*) FROM f20_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f20_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f20_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f20_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f20_dec WHERE skip = 'pending') + (SELECT count(*) FROM f20_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 21 AS k,
    (SELECT count(*) FROM d0) AS source,
    (SELECT count(*) FROM d24) AS target,
    (SELECT count(*) FROM f21_pairs) AS linked,
    (SELECT count(*) FROM f21_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f21_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f21_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f21_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f21_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f21_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f21_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f21_amb) AS ambiguous,
    (SELECT count(*) FROM f21_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f21_notsel) AS not_selected,
    (SELECT count(*) FROM d24 WHERE rid NOT IN (SELECT t FROM f21_pairs) AND rid NOT IN (SELECT t FROM f21_held_t)) AS unmatched_target,
    (SELECT invalid FROM d0_invalid) + (SELECT invalid FROM d24_invalid) AS invalid,
    (SELECT count(*) FROM f21_dup_s) + (SELECT count(*) FROM f21_dup_t) AS duplicate,
    (SELECT count(*) FROM f21_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f21_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f21_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f21_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f21_dec WHERE skip = 'pending') + (SELECT count(*) FROM f21_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 22 AS k,
    (SELECT count(*) FROM d1) AS source,
    (SELECT count(*) FROM d24) AS target,
    (SELECT count(*) FROM f22_pairs) AS linked,
    (SELECT count(*) FROM f22_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f22_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f22_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f22_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f22_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f22_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f22_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f22_amb) AS ambiguous,
    (SELECT count(*) FROM f22_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f22_notsel) AS not_selected,
    (SELECT count(*) FROM d24 WHERE rid NOT IN (SELECT t FROM f22_pairs) AND rid NOT IN (SELECT t FROM f22_held_t)) AS unmatched_target,
    (SELECT invalid FROM d1_invalid) + (SELECT invalid FROM d24_invalid) AS invalid,
    (SELECT count(*) FROM f22_dup_s) + (SELECT count(*) FROM f22_dup_t) AS duplicate,
    (SELECT count(*) FROM f22_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f22_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f22_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f22_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f22_dec WHERE skip = 'pending') + (SELECT count(*) FROM f22_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 23 AS k,
    (SELECT count(*) FROM d1) AS source,
    (SELECT count(*) FROM d22) AS target,
    (SELECT count(*) FROM f23_pairs) AS linked,
    (SELECT count(*) FROM f23_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f23_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f23_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f23_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f23_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f23_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f23_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f23_amb) AS ambiguous,
    (SELECT count(*) FROM f23_unmatched) AS unmatched_source,
    (SELECT count(*) FROM f23_unmatched) AS not_connected,
    (SELECT count(*) FROM f23_notsel) AS not_selected,
    (SELECT count(*) FROM d22 WHERE rid NOT IN (SELECT t FROM f23_pairs) AND rid NOT IN (SELECT t FROM f23_held_t)) AS unmatched_target,
    (SELECT invalid FROM d1_invalid) + (SELECT invalid FROM d22_invalid) AS invalid,
    (SELECT count(*) FROM f23_dup_s) + (SELECT count(*) FROM f23_dup_t) AS duplicate,
    (SELECT count(*) FROM f23_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f23_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f23_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f23_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f23_dec WHERE skip = 'pending') + (SELECT count(*) FROM f23_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 24 AS k,
    (SELECT count(*) FROM d5) AS source,
    (SELECT count(*) FROM d23) AS target,
    (SELECT count(*) FROM f24_pairs) AS linked,
    (SELECT count(*) FROM f24_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f24_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f24_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f24_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f24_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f24_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f24_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f24_amb) AS ambiguous,
    (SELECT count(*) FROM f24_unmatched) AS unmatched_source,
    (SELECT count(*) FROM f24_unmatched) AS not_connected,
    (SELECT count(*) FROM f24_notsel) AS not_selected,
    (SELECT count(*) FROM d23 WHERE rid NOT IN (SELECT t FROM f24_pairs) AND rid NOT IN (SELECT t FROM f24_held_t)) AS unmatched_target,
    (SELECT invalid FROM d5_invalid) + (SELECT invalid FROM d23_invalid) AS invalid,
    (SELECT count(*) FROM f24_dup_s) + (SELECT count(*) FROM f24_dup_t) AS duplicate,
    (SELECT count(*) FROM f24_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f24_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f24_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f24_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f24_dec WHERE skip = 'pending') + (SELECT count(*) FROM f24_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 25 AS k,
    (SELECT count(*) FROM d4) AS source,
    (SELECT count(*) FROM d24) AS target,
    (SELECT count(*) FROM f25_pairs) AS linked,
    (SELECT count(*) FROM f25_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f25_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f25_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f25_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f25_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f25_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f25_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f25_amb) AS ambiguous,
    (SELECT count(*) FROM f25_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f25_notsel) AS not_selected,
    (SELECT count(*) FROM d24 WHERE rid NOT IN (SELECT t FROM f25_pairs) AND rid NOT IN (SELECT t FROM f25_held_t)) AS unmatched_target,
    (SELECT invalid FROM d4_invalid) + (SELECT invalid FROM d24_invalid) AS invalid,
    (SELECT count(*) FROM f25_dup_s) + (SELECT count(*) FROM f25_dup_t) AS duplicate,
    (SELECT count(*) FROM f25_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f25_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f25_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f25_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f25_dec WHERE skip = 'pending') + (SELECT count(*) FROM f25_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 26 AS k,
    (SELECT count(*) FROM d6) AS source,
    (SELECT count(*) FROM d22) AS target,
    (SELECT count(*) FROM f26_pairs) AS linked,
    (SELECT count(*) FROM f26_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f26_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f26_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f26_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f26_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f26_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f26_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f26_amb) AS ambiguous,
    (SELECT count(*) FROM f26_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f26_notsel) AS not_selected,
    (SELECT count(*) FROM d22 WHERE rid NOT IN (SELECT t FROM f26_pairs) AND rid NOT IN (SELECT t FROM f26_held_t)) AS unmatched_target,
    (SELECT invalid FROM d6_invalid) + (SELECT invalid FROM d22_invalid) AS invalid,
    (SELECT count(*) FROM f26_dup_s) + (SELECT count(*) FROM f26_dup_t) AS duplicate,
    (SELECT count(*) FROM f26_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f26_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f26_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f26_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f26_dec WHERE skip = 'pending') + (SELECT count(*) FROM f26_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 27 AS k,
    (SELECT count(*) FROM d1) AS source,
    (SELECT count(*) FROM d22) AS target,
    (SELECT count(*) FROM f27_pairs) AS linked,
    (SELECT count(*) FROM f27_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f27_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f27_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f27_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f27_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f27_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f27_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f27_amb) AS ambiguous,
    (SELECT count(*) FROM f27_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f27_notsel) AS not_selected,
    (SELECT count(*) FROM d22 WHERE rid NOT IN (SELECT t FROM f27_pairs) AND rid NOT IN (SELECT t FROM f27_held_t)) AS unmatched_target,
    (SELECT invalid FROM d1_invalid) + (SELECT invalid FROM d22_invalid) AS invalid,
    (SELECT count(*) FROM f27_dup_s) + (SELECT count(*) FROM f27_dup_t) AS duplicate,
    (SELECT count(*) FROM f27_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f27_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f27_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f27_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f27_dec WHERE skip = 'pending') + (SELECT count(*) FROM f27_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 28 AS k,
    (SELECT count(*) FROM d5) AS source,
    (SELECT count(*) FROM d23) AS target,
    (SELECT count(*) FROM f28_pairs) AS linked,
    (SELECT count(*) FROM f28_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f28_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f28_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f28_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f28_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f28_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f28_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f28_amb) AS ambiguous,
    (SELECT count(*) FROM f28_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f28_notsel) AS not_selected,
    (SELECT count(*) FROM d23 WHERE rid NOT IN (SELECT t FROM f28_pairs) AND rid NOT IN (SELECT t FROM f28_held_t)) AS unmatched_target,
    (SELECT invalid FROM d5_invalid) + (SELECT invalid FROM d23_invalid) AS invalid,
    (SELECT count(*) FROM f28_dup_s) + (SELECT count(*) FROM f28_dup_t) AS duplicate,
    (SELECT count(*) FROM f28_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f28_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f28_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f28_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f28_dec WHERE skip = 'pending') + (SELECT count(*) FROM f28_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 29 AS k,
    (SELECT count(*) FROM d4) AS source,
    (SELECT count(*) FROM d24) AS target,
    (SELECT count(*) FROM f29_pairs) AS linked,
    (SELECT count(*) FROM f29_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f29_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f29_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f29_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f29_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f29_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f29_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f29_amb) AS ambiguous,
    (SELECT count(*) FROM f29_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f29_notsel) AS not_selected,
    (SELECT count(*) FROM d24 WHERE rid NOT IN (SELECT t FROM f29_pairs) AND rid NOT IN (SELECT t FROM f29_held_t)) AS unmatched_target,
    (SELECT invalid FROM d4_invalid) + (SELECT invalid FROM d24_invalid) AS invalid,
    (SELECT count(*) FROM f29_dup_s) + (SELECT count(*) FROM f29_dup_t) AS duplicate,
    (SELECT count(*) FROM f29_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f29_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f29_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f29_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f29_dec WHERE skip = 'pending') + (SELECT count(*) FROM f29_cvals WHERE skip = 'pending') AS pending_reference
UNION ALL SELECT 30 AS k,
    (SELECT count(*) FROM d7) AS source,
    (SELECT count(*) FROM d25) AS target,
    (SELECT count(*) FROM f30_pairs) AS linked,
    (SELECT count(*) FROM f30_pairs WHERE reason = 'merged') AS matched,
    (SELECT count(*) FROM f30_creates) AS `create`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f30_dec WHERE direction = 'to_target')) AS update_target,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f30_dec WHERE direction = 'to_source')) AS update_source,
    (SELECT count(*) FROM f30_pairs) - (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f30_dec WHERE direction IS NOT NULL)) AS unchanged,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f30_dec WHERE direction = 'conflict' OR both_changed)) AS conflict,
    (SELECT count(*) FROM f30_amb) AS ambiguous,
    (SELECT count(*) FROM f30_unmatched) AS unmatched_source,
    0 AS not_connected,
    (SELECT count(*) FROM f30_notsel) AS not_selected,
    (SELECT count(*) FROM d25 WHERE rid NOT IN (SELECT t FROM f30_pairs) AND rid NOT IN (SELECT t FROM f30_held_t)) AS unmatched_target,
    (SELECT invalid FROM d7_invalid) + (SELECT invalid FROM d25_invalid) AS invalid,
    (SELECT count(*) FROM f30_dup_s) + (SELECT count(*) FROM f30_dup_t) AS duplicate,
    (SELECT count(*) FROM f30_orphan WHERE s IS NOT NULL OR t IS NOT NULL) AS orphan,
    (SELECT count(*) FROM f30_orphan WHERE s IS NULL AND t IS NOT NULL) AS `delete`,
    (SELECT count(*) FROM (SELECT DISTINCT s, t FROM f30_dec WHERE skip IS NULL AND (sc IS NULL OR tc IS NULL)))
        + (SELECT count(DISTINCT s) FROM f30_cvals WHERE skip IS NULL AND sc IS NULL) AS type_error,
    (SELECT count(*) FROM f30_dec WHERE skip = 'pending') + (SELECT count(*) FROM f30_cvals WHERE skip = 'pending') AS pending_reference;
