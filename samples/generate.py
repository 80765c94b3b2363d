#!/usr/bin/env python3
"""Deterministic generator for the offsync sample workspace.

    python3 samples/generate.py

Writes every export file that samples/offsync.yaml names (under samples/dumps/) and
samples/expected.json. Python 3 standard library only. The output is byte-identical from
run to run: one random.Random with a fixed seed, no wall clock, gzip with mtime=0 and an
empty file name, no iteration over sets.

expected.json is not typed by hand: after writing the dumps, the generator reads them back
the way the manifest describes them (globs, formats, id fields, `where` filters, CSV
options) and computes the dataset and flow counts with the rules documented in README.md.
"""

import csv
import fnmatch
import glob
import gzip
import io
import json
import os
import random
import re
import sys
import uuid
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261121
rng = random.Random(SEED)

UTC = timezone.utc

# --------------------------------------------------------------------------------------------
# Name material (cp1252-safe: Norwegian letters æ ø å Æ Ø Å, é)
# --------------------------------------------------------------------------------------------

FIRST = [
    "Åse", "Ørjan", "Bjørn", "Kåre", "Sølvi", "Håkon", "Jørgen", "Mari", "Ingrid", "Kari",
    "Ola", "Per", "Pål", "Espen", "Siri", "Nora", "Emma", "Sofie", "Lars", "Knut", "Øystein",
    "Åsmund", "Tone", "Randi", "Solveig", "Gøril", "Torbjørn", "Helge", "Trude", "Frøydis",
    "Stian", "Jens", "Hanne", "Eirik", "Marte", "Ståle", "Vegard", "Ragnhild", "Bård", "Dag",
    "Øyvind", "Børge", "Åshild", "Sindre", "Linn", "Tiril", "Mathias", "Jonas", "Aksel", "Ida",
    "Thea", "Ørnulf", "Sverre", "Gro", "Astrid", "Signe", "Turid", "Magnhild", "Målfrid",
    "Kjærsti", "Håvard", "Jørund", "Åsne", "Øydis", "Synnøve", "Gudrún", "René", "Andrés",
]
LAST = [
    "Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
    "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen",
    "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen",
    "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand",
    "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Mathisen",
    "Lie", "Amundsen", "Nguyen", "Rasmussen", "Lunde", "Solheim", "Berge", "Moe", "Nygård",
    "Bakke", "Fredriksen", "Holm", "Lien", "Hauge", "Knudsen", "Ødegård", "Sæther", "Bråthen",
    "Østby", "Løken", "Våge", "Fjæreide", "Grønlie", "Ås", "Kvåle", "Skjærvø", "Tønnessen",
    "Hæreid", "Brækken", "Mæland", "Søvik", "Aasen", "Myrvold", "Øverland", "Rønning",
    "Bjørnstad", "Sæbø", "Førland", "Ålgård", "Årseth", "Ødegården",
]
PLACES = [
    "Ålesund", "Tromsø", "Bodø", "Førde", "Sandnes", "Mo i Rana", "Hønefoss", "Lillestrøm",
    "Kristiansand", "Drøbak", "Ørsta", "Volda", "Måløy", "Sørreisa", "Fræna", "Skjåk",
    "Lærdal", "Hå", "Åsane", "Bærum", "Røros", "Gjøvik", "Hamar", "Tønsberg", "Grimstad",
    "Færder", "Bø", "Årdal", "Høyanger", "Sogndal", "Stryn", "Vågå", "Lom", "Øyer", "Løten",
    "Åmot", "Råde", "Moss", "Halden", "Askøy", "Voss", "Stord", "Florø", "Kirkenes", "Vadsø",
    "Hammerfest", "Alta", "Narvik", "Harstad", "Svolvær", "Steinkjer", "Namsos", "Levanger",
    "Stjørdal", "Orkanger", "Molde", "Kristiansund", "Sunndalsøra", "Bergen", "Trondheim",
    "Stavanger", "Oslo", "Fredrikstad", "Sarpsborg", "Skien", "Arendal", "Haugesund",
]
TRADES = [
    "Rør", "Elektro", "Bygg", "Trelast", "Eiendom", "Regnskap", "Transport", "Maskin", "Fisk",
    "Sjømat", "Tannklinikk", "Bakeri", "Blomster", "Auto", "Bilverksted", "Takst",
    "Snekkerverksted", "Maling", "Murmester", "Ventilasjon", "Kjøling", "Sveis", "Båtservice",
    "Hytteservice", "Rådgivning", "Økonomi", "Ingeniørtjenester", "Gartneri", "Møbler",
    "Glass og Ramme", "Låsesmed", "Kjøkken", "Tak og Fasade", "Grøntanlegg", "Isolasjon",
]
COMPANY_SUFFIX = ["AS", "AS", "AS", "AS", "AS", "ASA", "ANS", "DA", "Holding AS"]
STREETS = [
    "Storgata", "Kirkegata", "Strandgata", "Fjordvegen", "Skolegata", "Sjøgata", "Bryggen",
    "Løkkeveien", "Åsveien", "Kongens gate", "Dronningens gate", "Øvre Slottsgate",
    "Nedre Møllenberg gate", "Bjørkeveien", "Granåsen", "Furulia", "Sørlandsveien",
    "Tårnvegen", "Hæstadveien", "Brøttet",
]
PERSONAL_DOMAINS = ["online.no", "gmail.com", "hotmail.com", "live.no", "epost.no", "icloud.com"]

FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa",
                      "é": "e", "ú": "u", " ": "", "'": ""})


def fold(s):
    return re.sub(r"[^a-z0-9.-]", "", s.translate(FOLD).lower())


# --------------------------------------------------------------------------------------------
# Unique value helpers
# --------------------------------------------------------------------------------------------

_used_emails = {}      # normalized email -> True  (a dict, never iterated)
_used_ints = {}
_used_names = {}


def unique_int(lo, hi):
    while True:
        v = rng.randrange(lo, hi)
        if v not in _used_ints:
            _used_ints[v] = True
            return v


def unique_email(first, last, domain):
    base = f"{fold(first)}.{fold(last)}"
    n = 0
    while True:
        local = base if n == 0 else f"{base}{n}"
        email = f"{local}@{domain}"
        if email.lower() not in _used_emails:
            _used_emails[email.lower()] = True
            return email
        n += 1


def person():
    return rng.choice(FIRST), rng.choice(LAST)


def phone():
    first = rng.choice("99994444225")
    return f"+47 {first}{rng.randrange(10, 100)} {rng.randrange(10, 100)} {rng.randrange(100, 1000)}"


def birth_date():
    d = datetime(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55))
    return d.strftime("%Y-%m-%d")


def rand_utc(start="2023-01-01", end="2024-10-31"):
    a = datetime.fromisoformat(start).replace(tzinfo=UTC)
    b = datetime.fromisoformat(end).replace(tzinfo=UTC)
    secs = int((b - a).total_seconds())
    return a + timedelta(seconds=rng.randrange(0, secs // 60) * 60)


def oslo_offset(dt):
    # Europe/Oslo: +02:00 in summer time (roughly April..October), else +01:00.
    return timedelta(hours=2) if 4 <= dt.month <= 10 else timedelta(hours=1)


def fmt_oslo(dt_utc):
    """PowerOffice Go v2 style: local Oslo time with offset, 2024-03-01T10:15:00+01:00."""
    off = oslo_offset(dt_utc)
    return dt_utc.astimezone(timezone(off)).isoformat(timespec="seconds")


def fmt_z(dt_utc):
    """Zendesk style: 2024-05-01T09:15:00Z."""
    return dt_utc.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def fmt_odata(dt_utc):
    """Exact Online (OData v2) style: /Date(1714554900000)/."""
    return f"/Date({int(dt_utc.timestamp()) * 1000})/"


def guid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def company_name():
    while True:
        name = f"{rng.choice(PLACES)} {rng.choice(TRADES)} {rng.choice(COMPANY_SUFFIX)}"
        if name not in _used_names:
            _used_names[name] = True
            return name


def reserve_name(name):
    assert name not in _used_names, name
    _used_names[name] = True
    return name


def company_domain(name):
    base = re.sub(r"(holding|asa|as|ans|da)$", "", fold(name.split(";")[0].replace('"', "")))
    return (base.strip(".-") or "firma")[:30] + ".no"


def org_number():
    return f"{rng.randrange(810000000, 999999999)}"


def address():
    return f"{rng.choice(STREETS)} {rng.randrange(1, 120)}", f"{rng.randrange(0, 9999):04d}"


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------

WRITTEN = []


def out_path(rel):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    WRITTEN.append(rel)
    return path


def json_bytes(obj):
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_bytes(rel, data):
    with open(out_path(rel), "wb") as f:
        f.write(data)


def write_json(rel, obj):
    write_bytes(rel, json_bytes(obj))


def write_json_gz(rel, obj):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        gz.write(json_bytes(obj))
    write_bytes(rel, buf.getvalue())


def write_ndjson(rel, records):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    write_bytes(rel, data.encode("utf-8"))


def write_csv(rel, columns, rows, delimiter, encoding, lineterminator):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, quotechar='"', quoting=csv.QUOTE_MINIMAL,
                   lineterminator=lineterminator)
    w.writerow(columns)
    for r in rows:
        w.writerow([r.get(c, "") for c in columns])
    write_bytes(rel, buf.getvalue().encode(encoding))


# ============================================================================================
# 1. Generate
# ============================================================================================

# ---- PowerOffice Go: Employees ------------------------------------------------------------

employees = []
for i in range(160):
    first, last = person()
    created = rand_utc("2018-01-01", "2023-12-31")
    mail_line, zip_code = address()
    employees.append({
        "Id": unique_int(1000, 99999),
        "Number": 100 + i,
        "FirstName": first,
        "LastName": last,
        "EmailAddress": unique_email(first, last, "sample-regnskap.no"),
        "PhoneNumber": phone() if rng.random() > 0.08 else None,
        "JobTitle": rng.choice(["Regnskapsfører", "Prosjektleder", "Daglig leder", "Konsulent",
                                "Lærling", "Økonomisjef", "Tømrer", "Elektriker", "Selger"]),
        "DateOfBirth": birth_date(),
        "HiredDate": created.strftime("%Y-%m-%d"),
        "StartDate": created.strftime("%Y-%m-%d"),
        "EndDate": None,
        "Gender": rng.choice(["Male", "Female"]),
        "IsArchived": rng.random() < 0.05,
        "DepartmentId": None,
        "MailAddress": {"AddressLine1": mail_line, "ZipCode": zip_code,
                        "City": rng.choice(PLACES), "CountryCode": "NO"},
        "EmployeeCreatedDateTimeOffset": fmt_oslo(created),
        "LastChangedDateTimeOffset": fmt_oslo(rand_utc("2024-01-01", "2024-10-31")),
    })

# ---- PowerOffice Go: Departments ----------------------------------------------------------

AREAS = ["Salg", "Service", "Lager", "Økonomi", "Prosjekt", "Drift", "Kundesenter", "Innkjøp",
         "Produksjon", "Verksted", "Marked", "Personal", "Logistikk", "Rådgivning"]
departments = []
dep_names = []
for a in AREAS:
    for p in PLACES:
        dep_names.append(f"{a} {p}")
rng.shuffle(dep_names)
for i, name in enumerate(dep_names[:150]):
    reserve_name(name)
    created = rand_utc("2019-01-01", "2023-06-30")
    departments.append({
        "Id": unique_int(100000, 199999),
        "Code": f"{100 + i}",
        "Name": name,
        "IsActive": rng.random() > 0.07,
        "ManagerEmployeeId": rng.choice(employees)["Id"] if rng.random() > 0.3 else None,
        "CreatedDateTimeOffset": fmt_oslo(created),
        "LastChangedDateTimeOffset": fmt_oslo(rand_utc("2023-07-01", "2024-10-31")),
    })
departments.sort(key=lambda d: d["Id"])
for e in employees:
    if rng.random() > 0.2:
        e["DepartmentId"] = rng.choice(departments)["Id"]

# ---- PowerOffice Go: Customers (companies and persons, one CSV) ----------------------------

SEMICOLON_NAMES = ["Berg; Hansen & Co AS", "Nilsen;Sønn Rør AS", "Bygg; Anlegg Ørsta AS",
                   "Fisk; Vilt Måløy DA"]
QUOTE_NAMES = ['"Nordlys" Eiendom AS', 'Kafé "Ærlig Talt" AS', 'Båtlaget "Øyane" SA']
for n in SEMICOLON_NAMES + QUOTE_NAMES:
    reserve_name(n)

companies = []
for i in range(240):
    if i < len(SEMICOLON_NAMES):
        name = SEMICOLON_NAMES[i]
    elif i < len(SEMICOLON_NAMES) + len(QUOTE_NAMES):
        name = QUOTE_NAMES[i - len(SEMICOLON_NAMES)]
    else:
        name = company_name()
    line1, zip_code = address()
    country = rng.choice(["NO"] * 12 + ["SE", "DK", ""])
    companies.append({
        "Id": str(unique_int(1000000, 9999999)),
        "Name": name,
        "FirstName": "",
        "LastName": "",
        "EmailAddress": f"post@{company_domain(name)}" if rng.random() > 0.1 else "",
        "PhoneNumber": phone() if rng.random() > 0.1 else "",
        "IsPerson": "False",
        "OrganizationNumber": org_number() if rng.random() > 0.05 else "",
        "MailAddress.AddressLine1": line1,
        "MailAddress.ZipCode": zip_code,
        "MailAddress.City": rng.choice(PLACES),
        "MailAddress.CountryCode": country,
        "DateOfBirth": "",
        "CurrencyCode": "NOK" if country in ("NO", "") else ("SEK" if country == "SE" else "DKK"),
        "IsActive": "True" if rng.random() > 0.06 else "False",
        "CustomerCreatedDateTimeOffset": fmt_oslo(rand_utc("2016-01-01", "2023-06-30")),
        "LastChangedDateTimeOffset": fmt_oslo(rand_utc("2024-01-01", "2024-04-30")),
    })
# embedded newlines (c/o lines) in the address column
companies[10]["MailAddress.AddressLine1"] = "c/o Regnskapskontoret Ørsta\nStorgata 12"
companies[47]["MailAddress.AddressLine1"] = "Postboks 144\nSentrum"

persons = []
for i in range(120):
    first, last = person()
    line1, zip_code = address()
    country = rng.choice(["NO"] * 10 + ["SE", "DK", ""])
    persons.append({
        "Id": str(unique_int(1000000, 9999999)),
        "Name": f"{first} {last}",
        "FirstName": first,
        "LastName": last,
        "EmailAddress": unique_email(first, last, rng.choice(PERSONAL_DOMAINS)) if rng.random() > 0.08 else "",
        "PhoneNumber": phone() if rng.random() > 0.1 else "",
        "IsPerson": "True",
        "OrganizationNumber": "",
        "MailAddress.AddressLine1": line1,
        "MailAddress.ZipCode": zip_code,
        "MailAddress.City": rng.choice(PLACES),
        "MailAddress.CountryCode": country,
        "DateOfBirth": birth_date() if rng.random() > 0.2 else "",
        "CurrencyCode": "NOK",
        "IsActive": "True",
        "CustomerCreatedDateTimeOffset": fmt_oslo(rand_utc("2016-01-01", "2023-06-30")),
        "LastChangedDateTimeOffset": fmt_oslo(rand_utc("2024-01-01", "2024-10-31")),
    })

invalid_customer = dict(companies[-1])
invalid_customer.update({"Id": "", "Name": "Sæther Import (uten Id)",
                         "OrganizationNumber": "", "EmailAddress": ""})
reserve_name(invalid_customer["Name"])

# ---- Zendesk Organizations (linked by correlation to 60 % of the Customers) ----------------

def correlation(entity, rid):
    return f"offsync:powerofficego/{entity}/{rid}"


ZD_URL = "https://offsync-sample.zendesk.com/api/v2"
organizations = []
org_by_customer = {}
org_categories = {}

linked_idx = list(range(len(SEMICOLON_NAMES) - 1))            # three ';' names linked ...
linked_idx += list(range(len(SEMICOLON_NAMES), len(SEMICOLON_NAMES) + len(QUOTE_NAMES)))
forced_equal = list(linked_idx)                               # ... and kept equal
rest = [i for i in range(len(SEMICOLON_NAMES) + len(QUOTE_NAMES), len(companies))]
rng.shuffle(rest)
n_linked = round(len(companies) * 0.6)
linked_idx += rest[: n_linked - len(linked_idx)]
free_linked = [i for i in linked_idx if i not in forced_equal and i not in (10, 47)]
rng.shuffle(free_linked)

CATS = (["ut_stamp"] * 7 + ["us_stamp"] * 7 + ["trap"] * 2 + ["equal_instant"] +
        ["missing_stamp"] + ["src_empty"] * 2 + ["tgt_empty"] * 2 + ["ws"])
for i, cat in zip(free_linked, CATS):
    org_categories[i] = cat


def variant(name):
    kind = rng.choice(["drop_suffix", "old", "typo"])
    if kind == "drop_suffix" and name.endswith(" AS"):
        return name[:-3]
    if kind == "old":
        return name.replace(" AS", "") + " (gammel) AS" if " AS" in name else name + " (gammel)"
    return name.replace("ø", "o").replace("å", "a").replace("æ", "e") if re.search("[æøå]", name) \
        else name + " Nord"


TRAPS = [("2024-05-01T10:30:00+02:00", "2024-05-01T09:00:00Z"),
         ("2024-06-12T14:45:00+02:00", "2024-06-12T13:10:00Z")]
trap_n = 0
upper_done = False
for i in linked_idx:
    c = companies[i]
    cat = org_categories.get(i, "equal")
    name = c["Name"]
    c_stamp = datetime.fromisoformat(c["LastChangedDateTimeOffset"])
    created = rand_utc("2023-01-01", "2023-12-31")
    updated = c_stamp.astimezone(UTC) + timedelta(minutes=rng.randrange(-60 * 24 * 30, 60 * 24 * 30))
    if cat == "ut_stamp":          # names differ, PowerOffice changed later -> update target
        name = name.upper() if not upper_done else variant(name)
        upper_done = True
        updated = c_stamp.astimezone(UTC) - timedelta(days=rng.randrange(2, 40))
    elif cat == "us_stamp":        # names differ, Zendesk changed later -> update source
        name = variant(name)
        updated = c_stamp.astimezone(UTC) + timedelta(days=rng.randrange(2, 40))
    elif cat == "trap":            # local text sorts later, instant is earlier -> update source
        c["LastChangedDateTimeOffset"], z = TRAPS[trap_n]
        trap_n += 1
        name = variant(name)
        updated = datetime.fromisoformat(z.replace("Z", "+00:00"))
    elif cat == "equal_instant":   # same instant, different text -> source wins
        c["LastChangedDateTimeOffset"] = "2024-04-15T11:00:00+02:00"
        updated = datetime(2024, 4, 15, 9, 0, 0, tzinfo=UTC)
        name = variant(name)
    elif cat == "missing_stamp":   # no change stamp in PowerOffice -> source wins
        c["LastChangedDateTimeOffset"] = ""
        name = variant(name)
    elif cat == "src_empty":       # Name empty in PowerOffice -> update source
        c["Name"] = ""
    elif cat == "tgt_empty":       # name empty in Zendesk -> update target
        name = ""
    elif cat == "ws":              # only surrounding whitespace differs -> unchanged
        name = " " + name + " "
    if updated < created:
        created = updated - timedelta(days=rng.randrange(1, 300))
    org = {
        "url": None,
        "id": None,
        "name": name,
        "shared_tickets": False,
        "shared_comments": False,
        "external_id": correlation("Customers", c["Id"]),
        "created_at": fmt_z(created),
        "updated_at": fmt_z(updated),
        "domain_names": [company_domain(c["Name"] or name)] if rng.random() > 0.5 else [],
        "details": "",
        "notes": "",
        "group_id": None,
        "tags": rng.choice([[], [], ["kunde"], ["kunde", "powerofficego"]]),
        "organization_fields": {},
    }
    organizations.append(org)
    org_by_customer[c["Id"]] = org

# organizations the sync did not create: no external_id, or one of another form
other_external = [None] * 6 + ["", ""] + ["crm:4411", "SF-0012345", "legacy-org-77",
                                          "zd:import:2019-003",
                                          correlation("Customers", persons[3]["Id"]),
                                          correlation("Customers", "9999999")]
for ext in other_external:
    created = rand_utc("2020-01-01", "2023-12-31")
    organizations.append({
        "url": None, "id": None,
        "name": reserve_name(f"{rng.choice(['Kunde', 'Partner', 'Leverandør'])} "
                             f"{rng.choice(LAST)} {rng.choice(PLACES)}"),
        "shared_tickets": False, "shared_comments": False,
        "external_id": ext,
        "created_at": fmt_z(created),
        "updated_at": fmt_z(created + timedelta(days=rng.randrange(0, 400))),
        "domain_names": [], "details": "", "notes": "", "group_id": None,
        "tags": [], "organization_fields": {},
    })
for org in organizations:
    org["id"] = unique_int(36000000000, 36999999999)
    org["url"] = f"{ZD_URL}/organizations/{org['id']}.json"
organizations.sort(key=lambda o: o["id"])

# ---- Contactperson (PowerOffice v1) and YouTrack Users -------------------------------------

valid_companies = companies  # the invalid customer is kept separately
contacts = []
yt_users = []
yt_seq = [0]


def yt_user(name, email, type_id, verified=True, drop_usertype=False):
    yt_seq[0] += 1
    u = {
        "id": None,
        "login": None,
        "name": name,
        "banned": False,
        "type": "user",
        "profile": {},
        "userType": {"id": type_id},
    }
    if email is not None:
        u["profile"]["email"] = {"email": email, "verified": verified, "type": "EmailJSON"}
    u["profile"]["locale"] = {"language": "no", "name": "Norsk (bokmål)"}
    if drop_usertype:
        del u["userType"]
    yt_users.append(u)
    return u


def contact(first, last, email, country, party, *, drop_email=False, drop_country=False):
    c = {
        "id": None,
        "partyId": int(party["Id"]),
        "partyCustomerCode": None,
        "partySupplierCode": None,
        "firstName": first,
        "lastName": last,
        "emailAddress": email,
        "phoneNumber": phone() if rng.random() > 0.12 else "",
        "address1": address()[0] if rng.random() > 0.4 else "",
        "zipCode": f"{rng.randrange(0, 9999):04d}",
        "city": rng.choice(PLACES) if rng.random() > 0.1 else "",
        "residenceCountryCode": country,
        "dateOfBirth": birth_date() if rng.random() > 0.35 else None,
        "gender": rng.choice([0, 1, 2]),
        "isActive": rng.random() > 0.05,
        "externalCode": None,
        "lastChanged": fmt_oslo(rand_utc("2023-06-01", "2024-10-31")),
    }
    if drop_email:
        del c["emailAddress"]
    if drop_country:
        del c["residenceCountryCode"]
    contacts.append(c)
    return c


def company_person(company):
    first, last = person()
    return first, last, unique_email(first, last, company_domain(company["Name"] or "firma"))


def country_code():
    return rng.choice(["NO"] * 8 + ["SE", "DK"])


# matched pairs
MATCH_CATS = (["diff"] * 7 + ["tgt_empty"] * 3 + ["src_empty"] * 4 + ["both_empty"] * 2 +
              ["ws"])
n_matched = 250
match_cats = MATCH_CATS + ["equal"] * (n_matched - len(MATCH_CATS))
rng.shuffle(match_cats)
matched_contacts = []
for k, cat in enumerate(match_cats):
    party = rng.choice(valid_companies)
    first, last, email = company_person(party)
    code = country_code()
    src, tgt = code, code
    drop_country = drop_usertype = False
    if cat == "diff":
        tgt = rng.choice([x for x in ["NO", "SE", "DK", "FI", "IS"] if x != code])
    elif cat == "tgt_empty":
        tgt = ""
        drop_usertype = (k % 2 == 0)
    elif cat == "src_empty":
        src = ""
        drop_country = (k % 3 == 0)
    elif cat == "both_empty":
        src, tgt = "", ""
    elif cat == "ws":
        src = code + " "
    c = contact(first, last, email, src, party, drop_country=drop_country)
    yt_user(f"{first} {last}", email, tgt, drop_usertype=drop_usertype)
    matched_contacts.append(c)

# contacts without email: "" x4, key missing x3, whitespace only x1
for kind in ["", "", "", "", None, None, None, "   "]:
    party = rng.choice(valid_companies)
    first, last = person()
    contact(first, last, kind if kind is not None else "", country_code(), party,
            drop_email=kind is None)

# contacts whose email no YouTrack user has (one pair of them shares an email)
for k in range(28):
    party = rng.choice(valid_companies)
    first, last, email = company_person(party)
    contact(first, last, email, country_code(), party)
party = rng.choice(valid_companies)
first, last, shared_unknown = company_person(party)
contact(first, last, shared_unknown, "NO", party)
contact(rng.choice(FIRST), last, shared_unknown, "NO", party)

# one contact email, two YouTrack users (same email, one in other case) -> ambiguous
for k in range(4):
    party = rng.choice(valid_companies)
    first, last, email = company_person(party)
    code = country_code()
    contact(first, last, email, code, party)
    yt_user(f"{first} {last}", email, code)
    yt_user(f"{first} {last} (ekstern)", email.upper() if k % 2 else email, code)

# two contacts with one email, one YouTrack user -> both ambiguous
for k in range(3):
    party = rng.choice(valid_companies)
    first, last, email = company_person(party)
    code = country_code()
    contact(first, last, email, code, party)
    other = email.capitalize() if k == 0 else email
    contact(rng.choice(FIRST), last, other, code, party)
    yt_user(f"{first} {last}", email, code)

# YouTrack users no contact matches
unmatched_users = []
for k in range(26):
    first, last = person()
    email = unique_email(first, last, rng.choice(["offsync-sample.youtrack.cloud", "gmail.com",
                                                  "konsulent.no"])) if k >= 3 else None
    unmatched_users.append(yt_user(f"{first} {last}", email, country_code(),
                                   verified=rng.random() > 0.3))
# three of them have no email at all (k < 3); a few have an empty one
for u in unmatched_users[3:5]:
    u["profile"]["email"]["email"] = ""

# the one Contactperson without id: its email is an otherwise unmatched user's email
invalid_contact_target = unmatched_users[10]
party = rng.choice(valid_companies)
invalid_contact = {
    "id": None,
    "partyId": int(party["Id"]),
    "partyCustomerCode": None, "partySupplierCode": None,
    "firstName": invalid_contact_target["name"].split(" ")[0],
    "lastName": invalid_contact_target["name"].split(" ", 1)[1],
    "emailAddress": invalid_contact_target["profile"]["email"]["email"],
    "phoneNumber": "", "address1": "", "zipCode": "", "city": "",
    "residenceCountryCode": "NO", "dateOfBirth": None, "gender": 0, "isActive": True,
    "externalCode": None, "lastChanged": "2024-09-30T12:00:00+02:00",
}

# a few Customers persons have YouTrack accounts as well (users outside the Contactperson flow)
persons_with_email = [p for p in persons if p["EmailAddress"]]
for p, u in zip(persons_with_email[:12], unmatched_users[12:24]):
    u["profile"]["email"]["email"] = p["EmailAddress"]
    u["name"] = p["Name"]
    u["userType"]["id"] = p["MailAddress.CountryCode"]

# ids
for c in contacts:
    c["id"] = unique_int(10000, 999999)
contacts.sort(key=lambda c: c["id"])
rng.shuffle(yt_users)
logins = {}
for n, u in enumerate(yt_users, start=1):
    u["id"] = f"1-{n}"
    email = u["profile"].get("email", {}).get("email") or ""
    login = email.split("@")[0].lower() if email else fold(u["name"])
    while login in logins:
        login += str(n)
    logins[login] = True
    u["login"] = login
# a handful of partyCustomerCode values
for c in contacts:
    c["partyCustomerCode"] = 10000 + (c["partyId"] % 9000)

# ---- Zendesk Users --------------------------------------------------------------------------

zd_users = []


def zd_user(name, email, org_id, external_id=None, role="end-user"):
    created = rand_utc("2021-01-01", "2023-12-31")
    u = {
        "id": None,
        "url": None,
        "name": name,
        "email": email,
        "created_at": fmt_z(created),
        "updated_at": fmt_z(created + timedelta(days=rng.randrange(0, 600))),
        "time_zone": "Copenhagen",
        "iana_time_zone": "Europe/Oslo",
        "phone": phone() if rng.random() > 0.5 else None,
        "locale": "nb",
        "locale_id": 1034,
        "organization_id": org_id,
        "role": role,
        "verified": rng.random() > 0.2,
        "external_id": external_id,
        "tags": [],
        "active": True,
        "suspended": False,
        "user_fields": {},
    }
    zd_users.append(u)
    return u


unique_emails = [c for c in matched_contacts]
rng.shuffle(unique_emails)
n_zd_contacts = 0
for c in unique_emails:
    org = org_by_customer.get(str(c["partyId"]))
    if org is None:
        continue
    zd_user(f"{c['firstName']} {c['lastName']}", c["emailAddress"], org["id"])
    n_zd_contacts += 1
    if n_zd_contacts == 140:
        break
for p in persons_with_email[20:30]:
    zd_user(p["Name"], p["EmailAddress"], None)
unlinked_orgs = [o for o in organizations if not (o["external_id"] or "").startswith(
    "offsync:powerofficego/Customers/")]
for k in range(95):
    first, last = person()
    zd_user(f"{first} {last}", unique_email(first, last, rng.choice(PERSONAL_DOMAINS)),
            rng.choice(unlinked_orgs)["id"] if rng.random() < 0.3 else None)
for k in range(6):
    first, last = person()
    zd_user(f"{first} {last}", unique_email(first, last, "offsync-sample.no"), None, role="agent")
for u in zd_users:
    u["id"] = unique_int(37000000000, 37999999999)
    u["url"] = f"{ZD_URL}/users/{u['id']}.json"
zd_users.sort(key=lambda u: u["id"])
first, last = person()
zd_invalid = zd_user(f"{first} {last}", unique_email(first, last, "gmail.com"), None)
zd_users.pop()          # re-insert without an id, in the middle of the file
del zd_invalid["id"]
zd_invalid["url"] = None
zd_users.insert(len(zd_users) // 2, zd_invalid)

# ---- PowerOffice Go: Suppliers ---------------------------------------------------------------

suppliers = []
for i in range(210):
    is_person = i % 2 == 0 or i % 7 == 0
    line1, zip_code = address()
    country = rng.choice(["NO"] * 8 + ["SE", "DK", "DE", ""])
    if is_person:
        first, last = person()
        rec_name = f"{first} {last}"
        email = unique_email(first, last, rng.choice(PERSONAL_DOMAINS)) if rng.random() > 0.1 else None
        dob = birth_date() if rng.random() > 0.15 else None
        orgno = None
    else:
        first = last = None
        rec_name = company_name()
        email = f"faktura@{company_domain(rec_name)}"
        dob = None
        orgno = org_number()
    suppliers.append({
        "Id": unique_int(2000000, 2999999),
        "Number": 20000 + i,
        "Name": rec_name,
        "FirstName": first,
        "LastName": last,
        "EmailAddress": email,
        "PhoneNumber": phone() if rng.random() > 0.15 else None,
        "IsPerson": is_person,
        "IsActive": rng.random() > 0.05,
        "DateOfBirth": dob,
        "OrganizationNumber": orgno,
        "CurrencyCode": "NOK",
        "MailAddress": {
            "AddressLine1": line1,
            "AddressLine2": None,
            "ZipCode": zip_code,
            "City": rng.choice(PLACES) if rng.random() > 0.08 else None,
            "CountryCode": country,
        },
        "SupplierCreatedDateTimeOffset": fmt_oslo(rand_utc("2017-01-01", "2023-06-30")),
        "LastChangedDateTimeOffset": fmt_oslo(rand_utc("2024-01-01", "2024-10-31")),
    })

# ---- PowerOffice Go: Projects ----------------------------------------------------------------

WORKS = ["Ombygging", "Rehabilitering", "Nybygg", "Vedlikehold", "Utskifting av rør",
         "Elektrisk anlegg", "Årsoppgjør", "Rådgivning", "Fasadeprosjekt", "Båthus", "Takomlegging",
         "Varmepumpe", "Kjøkkenmontering", "Bad og våtrom"]
projects = []
for i in range(200):
    cust = rng.choice(valid_companies)
    start = rand_utc("2023-01-01", "2024-10-01")
    projects.append({
        "Id": unique_int(3000000, 3999999),
        "Code": f"P{2023 + i % 2}-{i + 1:03d}",
        "Name": f"{rng.choice(WORKS)} {rng.choice(STREETS)} {rng.randrange(1, 80)}",
        "CustomerId": int(cust["Id"]),
        "ProjectManagerEmployeeId": rng.choice(employees)["Id"] if rng.random() > 0.1 else None,
        "StartDate": start.strftime("%Y-%m-%d") if rng.random() > 0.07 else None,
        "EndDate": (start + timedelta(days=rng.randrange(14, 400))).strftime("%Y-%m-%d")
        if rng.random() > 0.5 else None,
        "ProjectStatus": rng.choice(["Active", "Active", "Active", "Finished", "Planned"]),
        "IsActive": True,
        "IsBillable": rng.random() > 0.2,
        "IsInternal": False,
        "ContactPersonId": None,
        "CreatedDateTimeOffset": fmt_oslo(start - timedelta(days=rng.randrange(1, 60))),
        "LastChangedDateTimeOffset": fmt_oslo(rand_utc("2024-01-01", "2024-10-31")),
    })

# ---- PowerOffice Go: Productgroup and Product (v1, camelCase) ------------------------------------

PRODUCT_WORDS = ["Rørkobling", "Stikkontakt", "Lakk", "Sparkel", "Skrue", "Gipsplate",
                 "Isolasjonsmatte", "Takrenne", "Vindu", "Dør", "Låskasse", "Kabel", "Sikring",
                 "Varmekabel", "Fliser", "Fugemasse", "Treverk", "Listverk", "Hengsel", "Mål",
                 "Konsulenttime", "Kjøring", "Reisetid", "Rådgivningstime", "Kaffe", "Smøremiddel"]
GROUP_WORDS = ["Rør og sanitær", "Elektro", "Maling", "Trelast", "Tjenester", "Verktøy",
               "Festemidler", "Byggevarer", "Våtrom", "Kjøkken", "Hage", "Båt", "Tak", "Gulv",
               "Dører og vinduer", "Isolasjon", "Varme", "Ventilasjon", "Låser", "Lys"]
productgroups = []
pg_names = [f"{w} {s}" for w in GROUP_WORDS for s in ["standard", "premium", "øvrig", "lager",
                                                       "bestilling", "utgående", "kampanje",
                                                       "prosjekt"]]
rng.shuffle(pg_names)
for i, name in enumerate(pg_names[:150]):
    productgroups.append({
        "id": unique_int(4000, 49999),
        "code": f"PG{i + 1:03d}",
        "name": name[0].upper() + name[1:],
        "description": "",
        "type": rng.choice([0, 1]),
        "unit": rng.choice(["stk", "m", "kg", "time", "l"]),
        "salesAccount": 3000,
        "vatExemptSalesAccount": 3100,
        "salesPrice": 0,
        "costPrice": 0,
        "lastChanged": fmt_oslo(rand_utc("2023-01-01", "2024-10-31")),
    })
productgroups.sort(key=lambda g: g["id"])

products = []
for i in range(220):
    word = rng.choice(PRODUCT_WORDS)
    products.append({
        "id": unique_int(500000, 599999),
        "code": f"{i + 1001}",
        "name": f"{word} {rng.choice(['', 'standard ', 'pro ', 'mini ', 'ekstra '])}{rng.randrange(1, 250)}"
        .replace("  ", " "),
        "description": rng.choice(["", "", f"{word} til innendørs bruk", "Lagervare",
                                   "Bestillingsvare, leveringstid 2–3 uker"]),
        "productGroupId": rng.choice(productgroups)["id"],
        "salesPrice": rng.randrange(10, 5000),
        "costPrice": rng.randrange(5, 2500),
        "unit": rng.choice(["stk", "m", "kg", "time", "l"]),
        "vatCode": rng.choice(["3", "3", "31", "5"]),
        "salesAccount": 3000,
        "vatExemptSalesAccount": 3100,
        "gtin": f"70{rng.randrange(10**10, 10**11)}" if rng.random() > 0.4 else "",
        "type": rng.choice([0, 1]),
        "isActive": rng.random() > 0.08,
        "availableStock": rng.randrange(0, 400) if rng.random() > 0.3 else None,
        "lastChanged": fmt_oslo(rand_utc("2023-01-01", "2024-10-31")),
    })
products.sort(key=lambda p: p["id"])

# ---- PowerOffice Go: Currency ------------------------------------------------------------------

CURRENCY_CODES = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN "
    "BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD "
    "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY "
    "KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP "
    "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR "
    "RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT "
    "TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW"
).split()
NOTATION = {"NOK": "kr", "SEK": "kr", "DKK": "kr", "ISK": "kr", "EUR": "€", "USD": "$",
            "GBP": "£", "JPY": "¥", "CHF": "CHF"}
currencies = [{"code": c, "notation": NOTATION.get(c, c),
               "isActive": c in ("NOK", "SEK", "DKK", "EUR", "USD", "GBP", "ISK", "CHF")}
              for c in CURRENCY_CODES]

# ---- YouTrack Groups and Organizationroles -------------------------------------------------------

GROUP_PREFIX = ["Team", "Utviklere", "Kundestøtte", "Testere", "Prosjektledere", "Brukerstøtte",
                "Konsulenter", "Eksterne"]
grp_names = [f"{a} {p}" for a in GROUP_PREFIX for p in PLACES]
rng.shuffle(grp_names)
yt_groups = [{"id": None, "name": reserve_name(n), "ringId": guid()} for n in grp_names[:150]]
yt_groups.insert(0, {"id": None, "name": reserve_name("All Users"), "ringId": guid()})
for n, g in enumerate(yt_groups, start=1):
    g["id"] = f"3-{n}"

ROLES = [("Project Admin", "2-1"), ("Developer", "2-2"), ("Observer", "2-3"),
         ("Reporter", "2-4"), ("Support agent", "2-5")]
yt_org_roles = []
for n in range(1, 161):
    role_name, role_id = rng.choice(ROLES)
    owner = rng.choice(yt_users)
    yt_org_roles.append({
        "id": f"60-{n}",
        "role": {"id": role_id, "name": role_name, "immutable": role_id in ("2-1", "2-3")},
        "organization": {"id": rng.choice(["0-0", "0-1", "0-2"])},
        "owner": {"id": owner["id"], "type": "user"},
    })

# ---- CRMOffice -----------------------------------------------------------------------------------

crm_companies = []
for i in range(160):
    name = company_name()
    updated = rand_utc("2023-01-01", "2024-10-31")
    crm_companies.append({
        "id": unique_int(700000, 799999),
        "name": name,
        "organizationNumber": org_number() if rng.random() > 0.1 else None,
        "website": f"https://www.{company_domain(name)}" if rng.random() > 0.3 else None,
        "city": rng.choice(PLACES),
        "createdAt": fmt_z(updated - timedelta(days=rng.randrange(1, 900))),
        "updatedAt": fmt_z(updated),
        "externalId": None,
    })
crm_companies.sort(key=lambda c: c["id"])

crm_contacts = []
for i in range(220):
    first, last = person()
    comp = rng.choice(crm_companies)
    updated = rand_utc("2023-01-01", "2024-10-31")
    crm_contacts.append({
        "id": unique_int(800000, 899999),
        "givenName": first,
        "familyName": last,
        "email": unique_email(first, last, company_domain(comp["name"])),
        "directPhone": phone() if rng.random() > 0.3 else None,
        "mobilePhone": phone() if rng.random() > 0.2 else None,
        "companyId": comp["id"],
        "title": rng.choice([None, "Daglig leder", "Innkjøpsansvarlig", "Økonomiansvarlig"]),
        "createdAt": fmt_z(updated - timedelta(days=rng.randrange(1, 900))),
        "updatedAt": fmt_z(updated),
        "externalId": rng.choice([None] * 8 + [f"import-2023-{rng.randrange(100, 999)}"]),
    })
crm_contacts.sort(key=lambda c: c["id"])

crm_activities = []
for i in range(200):
    starts = rand_utc("2024-01-01", "2024-12-31")
    updated = rand_utc("2024-01-01", "2024-10-31")
    crm_activities.append({
        "id": unique_int(900000, 999999),
        "subject": f"{rng.choice(['Møte', 'Befaring', 'Oppfølging', 'Telefon', 'Tilbud'])} – "
                   f"{rng.choice(crm_companies)['name']}",
        "type": rng.choice(["meeting", "call", "task"]),
        "ownerId": rng.choice(crm_contacts)["id"],
        "companyId": rng.choice(crm_companies)["id"],
        "startsAt": fmt_z(starts) if rng.random() > 0.05 else None,
        "endsAt": fmt_z(starts + timedelta(hours=1)),
        "done": rng.random() > 0.6,
        "createdAt": fmt_z(updated - timedelta(days=rng.randrange(0, 60))),
        "updatedAt": fmt_z(updated),
        "externalId": None,
    })
crm_activities.sort(key=lambda a: a["id"])

# ---- Exact Online Contacts (OData v2: {"d": {"results": [...]}}) ------------------------------

EXACT_URL = "https://start.exactonline.nl/api/v1/3361923/crm/Contacts"
exact_contacts = []
for i in range(200):
    first, last = person()
    created = rand_utc("2020-01-01", "2023-12-31")
    modified = created + timedelta(days=rng.randrange(0, 600))
    bd = birth_date() if rng.random() > 0.3 else None
    cid = guid()
    exact_contacts.append({
        "__metadata": {"uri": f"{EXACT_URL}(guid'{cid}')", "type": "Exact.Web.Api.Models.Contact"},
        "ID": cid,
        "Account": guid(),
        "AccountName": company_name(),
        "FirstName": first,
        "LastName": last,
        "FullName": f"{first} {last}",
        "Email": unique_email(first, last, rng.choice(PERSONAL_DOMAINS)) if rng.random() > 0.1 else None,
        "Phone": phone() if rng.random() > 0.2 else None,
        "City": rng.choice(PLACES) if rng.random() > 0.1 else None,
        "Country": rng.choice(["NO"] * 6 + ["NL", "SE", None]),
        "BirthDate": fmt_odata(datetime.fromisoformat(bd).replace(tzinfo=UTC)) if bd else None,
        "Created": fmt_odata(created),
        "Modified": fmt_odata(modified),
    })

# ---- Custom PMS ------------------------------------------------------------------------------------

pms_customers = []
for i in range(180):
    name = company_name()
    pms_customers.append({
        "customer_id": f"CUST-{10001 + i}",
        "name": name,
        "org_number": org_number() if rng.random() > 0.1 else "",
        "email": f"post@{company_domain(name)}" if rng.random() > 0.2 else "",
        "phone": phone() if rng.random() > 0.2 else "",
        "city": rng.choice(PLACES),
        "country": rng.choice(["NO"] * 9 + ["SE"]),
        "updated": fmt_z(rand_utc("2023-01-01", "2024-10-31")),
    })
rng.shuffle(pms_customers)

pms_projects = []
for i in range(210):
    start = rand_utc("2023-01-01", "2024-10-01")
    pms_projects.append({
        "project_id": f"PRJ-{5001 + i}",
        "name": f"{rng.choice(WORKS)} {rng.choice(PLACES)}",
        "customer_id": rng.choice(pms_customers)["customer_id"],
        "status": rng.choice(["open", "open", "closed", "on_hold"]),
        "start_date": start.strftime("%Y-%m-%d"),
        "budget_hours": rng.randrange(10, 2000),
        "updated": fmt_z(rand_utc("2024-01-01", "2024-10-31")),
    })


# ============================================================================================
# 2. Write the dumps
# ============================================================================================

PO = "dumps/powerofficego"
page1, page2 = contacts[:150], contacts[150:]
page2.insert(len(page2) // 2, invalid_contact)
write_json(f"{PO}/contactpersons-1.json", page1)
write_json(f"{PO}/contactpersons-2.json", page2)

CUSTOMER_COLUMNS = ["Id", "Number", "Name", "FirstName", "LastName", "EmailAddress",
                    "PhoneNumber", "IsPerson", "OrganizationNumber", "MailAddress.AddressLine1",
                    "MailAddress.ZipCode", "MailAddress.City", "MailAddress.CountryCode",
                    "DateOfBirth", "CurrencyCode", "IsActive", "CustomerCreatedDateTimeOffset",
                    "LastChangedDateTimeOffset"]
customer_rows = companies + persons
rng.shuffle(customer_rows)
customer_rows.insert(len(customer_rows) // 3, invalid_customer)
for n, r in enumerate(customer_rows, start=10001):
    r["Number"] = str(n)
write_csv(f"{PO}/customers.csv", CUSTOMER_COLUMNS, customer_rows, ";", "cp1252", "\r\n")

write_json(f"{PO}/suppliers.json", {"data": suppliers})
write_ndjson(f"{PO}/employees.ndjson", employees)
write_json(f"{PO}/departments.json", departments)
write_json(f"{PO}/projects.json", projects)
write_json_gz(f"{PO}/products.json.gz", products)
write_json(f"{PO}/productgroups.json", productgroups)
write_json(f"{PO}/currencies.json", currencies)

write_json_gz("dumps/youtrack/users.json.gz", yt_users)
write_json("dumps/youtrack/groups.json", yt_groups)
write_json("dumps/youtrack/organizationroles.json", yt_org_roles)

write_ndjson("dumps/zendesk/users.ndjson", zd_users)
write_json("dumps/zendesk/organizations.json",
           {"organizations": organizations, "next_page": None, "previous_page": None,
            "count": len(organizations)})

write_json("dumps/crmoffice/contacts.json", crm_contacts)
write_json("dumps/crmoffice/companies.json", crm_companies)
write_json("dumps/crmoffice/activities.json", crm_activities)

write_json("dumps/exact/contacts.json", {"d": {"results": exact_contacts}})

write_csv("dumps/custompms/customers.csv", list(pms_customers[0].keys()), pms_customers,
          ",", "utf-8-sig", "\n")
write_json("dumps/custompms/projects.json", pms_projects)

# Tidsbanken, drawn after everything above so the other dumps keep their bytes. The document
# creates a Kunde from a Customers only when a project names it, and an Avdeling from a
# Departments only when an employee works there: some of each are named, some are not, and a
# few already exist in Tidsbanken (found by e-mail, by code).
TB = "dumps/tidsbanken"
named_customers = {str(p["CustomerId"]) for p in projects if p.get("CustomerId")}
staffed_departments = {str(e["DepartmentId"]) for e in employees if e.get("DepartmentId")}
with_email = [c for c in companies if c["EmailAddress"]]
# Few enough that a second run before the upload (updating them again) stays under the breaker.
known_customers = [c for c in with_email if str(c["Id"]) in named_customers][:4] + \
    [c for c in with_email if str(c["Id"]) not in named_customers][:3]
tb_kunder = [{"Id": 7001 + i, "Navn": c["Name"], "Epost": c["EmailAddress"].upper() if i % 4 == 0 else c["EmailAddress"],
              "Telefon": c["PhoneNumber"], "Poststed": c["MailAddress.City"]}
             for i, c in enumerate(known_customers)]
while len(tb_kunder) < 200:
    name = company_name()
    tb_kunder.append({"Id": 7001 + len(tb_kunder), "Navn": name, "Epost": f"kontor@{company_domain(name)}",
                      "Telefon": phone(), "Poststed": rng.choice(PLACES)})
known_departments = [d for d in departments if str(d["Id"]) in staffed_departments][:6] + \
    [d for d in departments if str(d["Id"]) not in staffed_departments][:3]
tb_avdelinger = [{"Id": d["Code"], "Navn": d["Name"], "Synlig": "true"} for d in known_departments]
while len(tb_avdelinger) < 150:
    tb_avdelinger.append({"Id": f"T{900 + len(tb_avdelinger)}", "Navn": f"Avdeling {rng.choice(PLACES)}", "Synlig": "true"})
tb_ansatte = []
for i in range(150):
    first, last = person()
    tb_ansatte.append({"Id": 5001 + i, "Fornavn": first, "Etternavn": last,
                       "Epost": unique_email(first, last, "tidsbanken-kunde.no"), "Mobil": phone()})
tb_prosjekter = [{"Id": 3001 + i, "Navn": f"{rng.choice(WORKS)} {rng.choice(PLACES)}"} for i in range(150)]
write_json(f"{PO}/customers-organisation-data.json", [])
write_json(f"{TB}/kunder.json", tb_kunder)
write_json(f"{TB}/avdelinger.json", tb_avdelinger)
write_json(f"{TB}/ansatte.json", tb_ansatte)
write_json(f"{TB}/prosjekter.json", tb_prosjekter)


# ============================================================================================
# 3. Read the dumps back as the manifest describes them, and compute expected.json
# ============================================================================================

def parse_scalar(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    if s in ("true", "false"):
        return s == "true"
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+", s):
        return float(s)
    return s


def parse_flow(s):
    """Flow collections of the YAML subset the manifest uses: { k: v, ... } and [a, b]."""
    pos = 0

    def skip():
        nonlocal pos
        while pos < len(s) and s[pos] == " ":
            pos += 1

    def value(stops):
        nonlocal pos
        skip()
        if s[pos] == "{":
            pos += 1
            obj = {}
            while True:
                skip()
                if s[pos] == "}":
                    pos += 1
                    return obj
                key_end = s.index(":", pos)
                key = s[pos:key_end].strip()
                pos = key_end + 1
                obj[key] = value(",}")
                skip()
                if s[pos] == ",":
                    pos += 1
        if s[pos] == "[":
            pos += 1
            arr = []
            while True:
                skip()
                if s[pos] == "]":
                    pos += 1
                    return arr
                arr.append(value(",]"))
                skip()
                if s[pos] == ",":
                    pos += 1
        if s[pos] in "\"'":
            end = s.index(s[pos], pos + 1)
            v = s[pos + 1:end]
            pos = end + 1
            return v
        start = pos
        while pos < len(s) and s[pos] not in stops:
            pos += 1
        return parse_scalar(s[start:pos])

    return value("")


def strip_comment(line):
    out, quote = [], None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] == " "):
            break
        out.append(ch)
    return "".join(out).rstrip()


def parse_manifest(text):
    """The block-mapping part of the YAML subset the manifest uses (enough for `systems`)."""
    lines = []
    for raw in text.splitlines():
        line = strip_comment(raw)
        if line.strip():
            lines.append((len(line) - len(line.lstrip(" ")), line.strip()))

    def block(i, indent):
        obj = {}
        while i < len(lines) and lines[i][0] >= indent:
            ind, content = lines[i]
            if content.startswith("- "):
                return None, i          # lists (dataflows) are not needed here
            key, _, rest = content.partition(":")
            rest = rest.strip()
            i += 1
            if rest:
                obj[key.strip()] = parse_flow(rest) if rest[0] in "{[" else parse_scalar(rest)
            elif i < len(lines) and lines[i][0] > ind:
                child, i = block(i, lines[i][0])
                if child is None:       # skip a list block
                    while i < len(lines) and lines[i][0] > ind:
                        i += 1
                    child = []
                obj[key.strip()] = child
            else:
                obj[key.strip()] = None
        return obj, i

    return block(0, 0)[0]


def get(rec, path):
    if path in rec:
        return rec[path]
    cur = rec
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def text(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def load_file(path, spec):
    raw = open(path, "rb").read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    base = path[:-3] if path.endswith(".gz") else path
    if base.endswith(".csv"):
        opts = spec.get("csv") or {}
        enc = {"windows-1252": "cp1252", "utf-8": "utf-8-sig"}.get(opts.get("encoding", "utf-8"),
                                                                  opts.get("encoding"))
        txt = raw.decode(enc)
        delim = opts.get("delimiter") or csv.Sniffer().sniff(txt.split("\n", 1)[0], ",;\t").delimiter
        return list(csv.DictReader(io.StringIO(txt, newline=""), delimiter=delim))
    txt = raw.decode("utf-8")
    if base.endswith(".ndjson"):
        return [json.loads(line) for line in txt.splitlines() if line.strip()]
    doc = json.loads(txt)
    if spec.get("records"):
        for part in str(spec["records"]).split("."):
            doc = doc[part]
    assert isinstance(doc, list), path
    return doc


def where_ok(rec, where):
    for k, want in (where or {}).items():
        have = get(rec, k)
        if isinstance(want, bool):
            if text(have).strip().lower() != ("true" if want else "false"):
                return False
        elif text(have) != text(want):
            return False
    return True


manifest = parse_manifest(open(os.path.join(HERE, "offsync.yaml"), encoding="utf-8").read())
datasets = {}          # "system.Entity" -> (valid records, invalid count, files)
for sysname, sysdef in manifest["systems"].items():
    for entity, spec in sysdef["datasets"].items():
        files = sorted(glob.glob(os.path.join(HERE, spec["files"])))
        assert files, f"{sysname}.{entity}: nothing written for {spec['files']}"
        valid, invalid, seen = [], 0, {}
        for f in files:
            for rec in load_file(f, spec):
                if not where_ok(rec, spec.get("where")):
                    continue
                rid = text(get(rec, spec["id"])).strip()
                if not rid:
                    invalid += 1
                    continue
                assert rid not in seen, f"duplicate id {rid} in {sysname}.{entity}"
                seen[rid] = True
                valid.append(rec)
        datasets[f"{sysname}.{entity}"] = (valid, invalid, spec)

written_set = sorted(WRITTEN)
for rel in written_set:
    assert any(fnmatch.fnmatch(rel, ds[2]["files"]) for ds in datasets.values()), \
        f"{rel} is written but no dataset of the manifest reads it"


def norm(v):
    return text(v).strip().lower()


def instant(s):
    s = text(s).strip()
    if not s:
        return None
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    return datetime.fromisoformat(s)


COUNT_KEYS = ["source", "target", "linked", "matched", "create", "update_target", "update_source",
              "unchanged", "conflict", "ambiguous", "unmatched_source", "unmatched_target",
              "duplicate", "orphan"]
# No state before the first run: no remembered link can have lost its record. The two-run test
# (Tests/OffsyncPipelineTests/UploadRoundTripTests.swift) plants orphans by deleting records.


def duplicates(records, path):
    by = {}
    for r in records:
        k = norm(get(r, path))
        if k:
            by[k] = by.get(k, 0) + 1
    return sum(n for n in by.values() if n > 1)


def merge_flow_counts(src, tgt, src_key, tgt_key, props):
    """Merge-rule flow, first run (no state), properties compared after strip."""
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["source"], counts["target"] = len(src), len(tgt)
    t_by, s_by = {}, {}
    for t in tgt:
        k = norm(get(t, tgt_key))
        if k:
            t_by.setdefault(k, []).append(t)
    for s in src:
        k = norm(get(s, src_key))
        if k:
            s_by.setdefault(k, []).append(s)
    pairs = []
    for s in src:
        k = norm(get(s, src_key))
        cands = t_by.get(k, []) if k else []
        if not cands:
            counts["unmatched_source"] += 1
        elif len(cands) == 1 and len(s_by[k]) == 1:
            pairs.append((s, cands[0]))
        else:
            counts["ambiguous"] += 1
    counts["matched"] = counts["linked"] = len(pairs)
    counts["unmatched_target"] = len(tgt) - len(pairs)
    counts["duplicate"] = duplicates(src, src_key) + duplicates(tgt, tgt_key)
    for s, t in pairs:
        ut = us = False
        for sp, tp in props:
            sv, tv = text(get(s, sp)).strip(), text(get(t, tp)).strip()
            if sv == tv:
                continue
            if sv:
                ut = True
            elif tv:
                us = True
        assert not (ut and us), "a pair planted in both update columns"
        counts["update_target"] += ut
        counts["update_source"] += us
        counts["unchanged"] += not (ut or us)
    return counts


def every_flow_counts(src, tgt, entity, src_id, corr_field, src_stamp, tgt_stamp, props):
    """Every-flow, first run: links come from the correlation value only; latest-wins."""
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["source"], counts["target"] = len(src), len(tgt)
    t_by = {}
    for t in tgt:
        v = text(get(t, corr_field))
        if v:
            assert v not in t_by, f"two targets carry correlation {v}"
            t_by[v] = t
    linked_targets = 0
    for s in src:
        t = t_by.get(correlation(entity, text(get(s, src_id)).strip()))
        if t is None:
            counts["create"] += 1
            continue
        linked_targets += 1
        ut = us = False
        for sp, tp in props:
            sv, tv = text(get(s, sp)).strip(), text(get(t, tp)).strip()
            if sv == tv:
                continue
            if not sv:
                us = True
            elif not tv:
                ut = True
            else:
                a, b = instant(get(s, src_stamp)), instant(get(t, tgt_stamp))
                if a is None or b is None or a == b or a > b:
                    ut = True
                else:
                    us = True
        assert not (ut and us), "a pair planted in both update columns"
        counts["update_target"] += ut
        counts["update_source"] += us
        counts["unchanged"] += not (ut or us)
    counts["linked"] = linked_targets
    counts["unmatched_target"] = len(tgt) - linked_targets
    return counts


expected = {"datasets": {}, "flows": {}}
for key, (valid, invalid, _) in datasets.items():
    expected["datasets"][key] = {"records": len(valid), "invalid": invalid}

cp = datasets["powerofficego.Contactperson"][0]
yu = datasets["youtrack.Users"][0]
expected["flows"]["powerofficego.Contactperson -> youtrack.Users"] = merge_flow_counts(
    cp, yu, "emailAddress", "profile.email.email",
    [("emailAddress", "profile.email.email"), ("residenceCountryCode", "userType.id")])

cu = datasets["powerofficego.Customers"][0]
zo = datasets["zendesk.Organizations"][0]
expected["flows"]["powerofficego.Customers -> zendesk.Organizations"] = every_flow_counts(
    cu, zo, "Customers", "Id", "external_id", "LastChangedDateTimeOffset", "updated_at",
    [("Name", "name")])

with open(out_path("expected.json"), "wb") as f:
    f.write((json.dumps(expected, sort_keys=True, indent=2) + "\n").encode("utf-8"))


# ============================================================================================
# 4. Self-checks of what was planted
# ============================================================================================

def check(cond, msg):
    if not cond:
        sys.exit(f"generate.py: planted data check failed: {msg}")


f1 = expected["flows"]["powerofficego.Contactperson -> youtrack.Users"]
f2 = expected["flows"]["powerofficego.Customers -> zendesk.Organizations"]
ds = expected["datasets"]
check(ds["powerofficego.Contactperson"]["invalid"] == 1, "one Contactperson without id")
check(ds["powerofficego.Customers"]["invalid"] == 1, "one Customers row without Id")
check(ds["powerofficego.Customers person"]["invalid"] == 0, "no Customers person without Id")
check(ds["zendesk.Users"]["invalid"] == 1, "one Zendesk user without id")
check(sum(d["invalid"] for d in ds.values()) == 3, "exactly three records without id")
check(all(150 <= d["records"] <= 400 or k.startswith("powerofficego.Customers person")
          or k in ("powerofficego.Suppliers person", "powerofficego.Customers (organisation data)")
          for k, d in ds.items()), "dataset sizes")
check(f1["ambiguous"] == 4 + 6 and f1["duplicate"] == 8 + 6 + 2, "ambiguous/duplicate planting")
check(f1["update_target"] >= 8 and f1["update_source"] >= 3, "Contactperson update planting")
check(f1["unmatched_source"] >= 15 and f1["unmatched_target"] >= 10, "unmatched planting")
check(f2["update_target"] >= 8 and f2["update_source"] >= 8, "Customers update planting")
check(f2["unmatched_target"] >= 10, "unmatched organizations")
check(f2["linked"] + f2["create"] == f2["source"], "every Customers record is linked or created")

REQUIRED = {
    "powerofficego.Contactperson": ["emailAddress", "residenceCountryCode", "partyId", "firstName",
                                    "lastName", "phoneNumber", "city", "dateOfBirth"],
    "powerofficego.Customers": ["Name"],
    "powerofficego.Customers person": ["EmailAddress", "MailAddress.CountryCode", "FirstName",
                                       "LastName", "PhoneNumber"],
    "powerofficego.Suppliers person": ["DateOfBirth", "EmailAddress", "FirstName", "LastName",
                                       "MailAddress.City", "MailAddress.CountryCode", "PhoneNumber"],
    "powerofficego.Employees": ["FirstName", "LastName", "PhoneNumber"],
    "powerofficego.Departments": ["Name"],
    "powerofficego.Projects": ["Name", "ProjectManagerEmployeeId", "StartDate"],
    "youtrack.Users": ["profile.email", "profile.email.email", "userType.id"],
    "youtrack.Groups": ["name"],
    "zendesk.Users": ["email", "organization_id"],
    "zendesk.Organizations": ["name"],
    "crmoffice.Contacts": ["givenName", "familyName", "directPhone", "mobilePhone"],
    "crmoffice.Activities": ["subject", "ownerId", "startsAt"],
    "exact.Contacts": ["City", "BirthDate", "Email", "FirstName", "LastName", "Phone", "Country"],
}
for key, paths in REQUIRED.items():
    recs = datasets[key][0]
    for p in paths:
        filled = sum(1 for r in recs if text(get(r, p)).strip())
        check(filled >= len(recs) * 0.5, f"{key}: {p} filled in only {filled} of {len(recs)}")

csv_text = open(os.path.join(HERE, PO, "customers.csv"), "rb").read().decode("cp1252")
names = [r["Name"] for r in csv.DictReader(io.StringIO(csv_text, newline=""), delimiter=";")]
check(sum(";" in n for n in names) >= 3 and sum('"' in n for n in names) >= 2, "CSV quoting cases")
check("\n" in csv_text.replace("\r\n", ""), "an embedded newline in customers.csv")

for rel in written_set + ["expected.json"]:
    print(rel)
