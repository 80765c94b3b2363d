#!/usr/bin/env python3
"""Writes the large exports `make bench-ingest` reads (issue 4), deterministically.

Records are shaped like PowerOffice Go contact persons: 64-bit ids (above 2^53, so a reader
that goes through Double would round them), decimals, nested objects (`MailAddress.City`,
`Customer.Name`), a small array, nulls and bools, Norwegian text (æøå) and notes with quotes,
backslashes, line breaks, `;`, control characters and, in JSON, `\\u` escapes with surrogate
pairs. The same record sequence is written as:

  contactpersons.json      top-level array, pretty-printed like the sample dumps  (~200 MB)
  contactpersons.ndjson    one compact object per line                            (~100 MB)
  contactpersons.csv       `;`, CRLF, dotted headers, quoted fields with `;` `"` and line breaks (~150 MB)
  contactpersons.json.gz   `gzip -n -6` of the JSON
  contactpersons.csv.gz    `gzip -n -6` of the CSV
  contactpersons-one-line.json.gz  `gzip -n -6` of the array minified to one line, as API
                           dumps often are (~150 MB inflated; the plain file is not kept)

A marker file lists the generator version and every file's size; when it matches, nothing is
written again (generating takes a minute or two). `--scale 0.1` makes files a tenth the size
(for profiling under callgrind).
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys

VERSION = 2
SEED = 20240404
MB = 1_000_000

FIRST = ["Ola", "Kari", "Bård", "Åse", "Ørjan", "Gudrún", "Emma", "Jørgen", "Siv", "Håkon",
         "Øystein", "Ærlig", "Ingrid", "Nils", "Tørris", "Marit", "Per", "Solveig", "Trond", "Æsa"]
LAST = ["Bakken", "Våge", "Knutsen", "Hågensen", "Sæther", "Løvås", "Holm", "Østby", "Berg",
        "Ødegård", "Aas", "Strøm", "Dæhlie", "Haugen", "Nærø", "Bjørnstad"]
CITY = ["Oslo", "Bærum", "Trondheim", "Hønefoss", "Tromsø", "Ålesund", "Bodø", "Førde",
        "Skjærhalden", "Lørenskog", "Stavanger", "Hamar"]
STREET = ["Øvre Slottsgate", "Dronningens gate", "Sørlandsveien", "Bryggen", "Kløfta allé",
          "Åsveien", "Storgata", "Fjæreveien"]
COMPANY = ["Våga Maling AS", "Berg & Sønn ANS", "Nordlys Økonomi AS", "Fjordkraft \"Nord\" AS",
           "Hønefoss Rør; Varme", "Ærøy Bygg AS"]
NOTES = [
    "",
    "Ring før levering",
    "Sier \"hei\" på telefon; foretrekker e-post",
    "Linje 1\nLinje 2\r\nLinje 3",
    "Sti: C:\\Kunder\\Østby\\notat.txt",
    "Tabulator\tog kontrolltegn \x01 her",
    "Smil 😀 og snø ❄ på Svalbard",
    "Pris: 1 299,50 kr; rabatt \"10 %\"",
    "Møte på kontoret i Tromsø — husk nøkkelkort",
]


def record(i, rng):
    """One contact person as a dict (nested objects kept); the same `i` gives the same record."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    customer_id = 1_000_000 + rng.randrange(50_000)
    return {
        "Id": 9_007_199_254_740_993 + i * 7919,
        "PartyId": 1_000_000_000 + rng.randrange(10**9),
        "FirstName": first,
        "LastName": last,
        "EmailAddress": "" if rng.random() < 0.1 else f"{first}.{last}{i}@example.no".lower(),
        "PhoneNumber": f"+47 {rng.randrange(400, 999)} {rng.randrange(10, 99)} {rng.randrange(100, 999)}",
        "MobileNumber": None if rng.random() < 0.3 else f"+47{rng.randrange(40000000, 99999999)}",
        "Title": rng.choice([None, "Daglig leder", "Økonomisjef", "Innkjøper"]),
        "IsActive": rng.random() < 0.9,
        "IsPrimaryContact": rng.random() < 0.2,
        "DateOfBirth": None if rng.random() < 0.4 else f"19{rng.randrange(40, 99)}-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}",
        "MailAddress": {
            "AddressLine1": f"{rng.choice(STREET)} {rng.randrange(1, 200)}",
            "AddressLine2": None if rng.random() < 0.7 else f"Postboks {rng.randrange(1, 9999)}",
            "ZipCode": f"{rng.randrange(1, 9999):04}",
            "City": rng.choice(CITY),
            "CountryCode": "NO" if rng.random() < 0.9 else rng.choice(["SE", "DK", "IS"]),
        },
        "Customer": {"Id": customer_id, "Number": 10_000 + customer_id % 90_000, "Name": rng.choice(COMPANY)},
        "CreditLimit": Raw(f"{rng.randrange(0, 10**7)}.{rng.randrange(100):02}"),
        "Balance": Raw(f"-{rng.randrange(0, 10**6)}.{rng.randrange(10**4):04}"),
        "ContactGroups": [rng.randrange(1, 40) for _ in range(rng.randrange(0, 3))],
        "Note": rng.choice(NOTES),
        "ExternalCode": None,
        "LastChangedDateTimeOffset": f"2024-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}T{rng.randrange(24):02}:{rng.randrange(60):02}:00+01:00",
    }


class Raw(str):
    """A number literal written exactly as given (decimals are not floats)."""


def to_json(value, indent, level, ascii_only):
    """JSON text; `indent` None is compact. Hand-written so decimals stay literal."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=ascii_only)
    if isinstance(value, list):
        return "[" + ",".join(to_json(v, None, 0, ascii_only) for v in value) + "]"
    pad, sep = ("", ",") if indent is None else ("\n" + " " * (indent * (level + 1)), ",")
    colon = ":" if indent is None else ": "
    items = [f'{pad}"{k}"{colon}{to_json(v, indent, level + 1, ascii_only)}' for k, v in value.items()]
    close = "" if indent is None else "\n" + " " * (indent * level)
    return "{" + sep.join(items) + close + "}"


def flatten(value, prefix=""):
    """Dotted CSV columns; bools as PowerOffice writes them, null as an empty field."""
    out = {}
    for key, item in value.items():
        if isinstance(item, dict):
            out.update(flatten(item, prefix + key + "."))
        elif isinstance(item, list):
            out[prefix + key] = ",".join(map(str, item))
        elif item is None:
            out[prefix + key] = ""
        elif item is True or item is False:
            out[prefix + key] = "True" if item else "False"
        else:
            out[prefix + key] = str(item)
    return out


def write_json(path, target, ndjson, one_line=False):
    rng = random.Random(SEED)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        size, i = 0, 0
        if not ndjson:
            size += out.write("[" if one_line else "[\n")
        while size < target:
            # Every eighth record is written with \u escapes (æ → \u00e6, 😀 → a surrogate pair).
            pretty = not ndjson and not one_line
            text = to_json(record(i, rng), 2 if pretty else None, 1 if pretty else 0, i % 8 == 3)
            if ndjson:
                size += out.write(text + "\n")
            elif one_line:
                size += out.write(("" if i == 0 else ",") + text)
            else:
                size += out.write(("" if i == 0 else ",\n") + "  " + text)
            i += 1
        if not ndjson:
            out.write("]" if one_line else "\n]\n")
    return i


def write_csv(path, target):
    rng = random.Random(SEED)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = None
        i = 0
        while out.tell() < target:
            row = flatten(record(i, rng))
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), delimiter=";", lineterminator="\r\n")
                writer.writeheader()
            writer.writerow(row)
            i += 1
    return i


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=".bench")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    path = lambda name: os.path.join(args.out, name)
    marker = path("GENERATED")
    names = ["contactpersons.json", "contactpersons.ndjson", "contactpersons.csv",
             "contactpersons.json.gz", "contactpersons.csv.gz", "contactpersons-one-line.json.gz"]
    header = f"offsync bench exports, generator version {VERSION}, seed {SEED}, scale {args.scale}\n"
    if os.path.exists(marker):
        lines = open(marker).read().splitlines(keepends=True)
        if lines and lines[0] == header and all(
            os.path.exists(path(n)) and f"{n} {os.path.getsize(path(n))}\n" in lines for n in names
        ):
            print(f"generate: {args.out} is up to date")
            return
        os.remove(marker)

    targets = {"json": 200 * MB, "ndjson": 100 * MB, "csv": 150 * MB, "one-line": 150 * MB}
    targets = {k: int(v * args.scale) for k, v in targets.items()}
    print(f"generate: writing {args.out} (a minute or two at scale 1)", flush=True)
    counts = {
        "contactpersons.json": write_json(path("contactpersons.json.tmp"), targets["json"], False),
        "contactpersons.ndjson": write_json(path("contactpersons.ndjson.tmp"), targets["ndjson"], True),
        "contactpersons.csv": write_csv(path("contactpersons.csv.tmp"), targets["csv"]),
    }
    for name in counts:
        os.replace(path(name + ".tmp"), path(name))
    counts["contactpersons-one-line.json"] = write_json(path("contactpersons-one-line.json"), targets["one-line"], False, True)
    for name in ["contactpersons.json", "contactpersons.csv", "contactpersons-one-line.json"]:
        with open(path(name + ".gz.tmp"), "wb") as out:
            subprocess.run(["gzip", "-n", "-6", "-c", path(name)], stdout=out, check=True)
        os.replace(path(name + ".gz.tmp"), path(name + ".gz"))
    os.remove(path("contactpersons-one-line.json"))
    with open(marker, "w") as out:
        out.write(header)
        for name in names:
            out.write(f"{name} {os.path.getsize(path(name))}\n")
    for name in names:
        print(f"generate: {name}: {os.path.getsize(path(name)) / MB:.1f} MB"
              + (f", {counts[name]} records" if name in counts else ""))


if __name__ == "__main__":
    sys.exit(main())
