#!/usr/bin/env python3
"""Writes the workspace `make bench` runs (issue 17): PowerOffice Go against Zendesk, shaped like
seed 001 and bound as in samples/offsync.yaml, at N contact persons (default 1,000,000),
deterministic for a given N. About 430 MB of exports at 1M.

  dumps/powerofficego/contactpersons.json  N contact persons, one JSON array on one line
  dumps/powerofficego/customers.csv        `;` CSV, 0.2 N rows: companies (IsPerson False) and
                                           persons (every fourth row, IsPerson True)
  dumps/powerofficego/departments.json     N/1000 departments
  dumps/zendesk/users.ndjson               N users, one object per line
  dumps/zendesk/organizations.json         {"organizations": [...]}: the 30% of companies the
                                           sync created earlier (external_id), plus 2% of N others

Shares, as a real migration has them:
  contacts: 78% match exactly one user by email (3% of N with the contact's email in other
  case, 3% with the user's; 0.6% with spaces around the contact's), 1% ambiguous (0.5% match two
  users, 0.5% are pairs of contacts sharing one user's email), 2% have no email, the rest (19%)
  have an email no user has. `partyId` names a company (95%) or nothing.
  linked users hold the company's organization (90%), none (5%) or another one (5%).
  companies: 30% already in Zendesk (linked by external_id; 4% renamed in PowerOffice later,
  4% renamed in Zendesk later, 1% with an empty name in Zendesk); 70% to create, of which 0.3%
  have an organization of the same name that the sync did not mark (linked by content).
  customer persons: 2% no email, 50% with a user of their own, 20% with the email of a linked
  contact (one user, two flows: an identity), 1% pairs sharing one user, the rest no user.

The dataflow document is samples/dataflows/powerofficego-zendesk.rst, copied as it is. A marker
file names N and the generator's version; when it is there, nothing is written again.
"""
import argparse
import os
import random
import shutil
import time

VERSION = 1
SEED = 20261117
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCUMENT = os.path.join(ROOT, "samples", "dataflows", "powerofficego-zendesk.rst")

MANIFEST = """# The workspace of `make bench` (bench/zendesk_workspace.py): seed 001's flows, bound as in samples/.
version: 1
systems:
  powerofficego:
    names: [Powerofficego, PowerOffice GO]
    datasets:
      Contactperson: { files: dumps/powerofficego/contactpersons.json, id: id, modified: lastChanged }
      Customers:
        files: dumps/powerofficego/customers.csv
        csv: { delimiter: ";" }
        id: Id
        where: { IsPerson: false }
        modified: LastChangedDateTimeOffset
      Customers person:
        files: dumps/powerofficego/customers.csv
        csv: { delimiter: ";" }
        id: Id
        where: { IsPerson: true }
        modified: LastChangedDateTimeOffset
      Departments: { files: dumps/powerofficego/departments.json, id: Id, modified: LastChangedDateTimeOffset }
  zendesk:
    names: [Zendesk]
    datasets:
      Users: { files: dumps/zendesk/users.ndjson, id: id, modified: updated_at, correlation: external_id }
      Organizations: { files: dumps/zendesk/organizations.json, records: organizations, id: id, modified: updated_at, correlation: external_id }
dataflows:
  - document: dataflows/powerofficego-zendesk.rst
    target: zendesk
    references: { partyId: Customers }
    compare: { email: email }     # emails: trimmed and lowercased; names: case-insensitive (the default)
options:
  conflicts: latest-wins
  circuit-breaker: 0.10
  deletes: report
"""

FIRST = ["Kari", "Ola", "Åsne", "Håvard", "Ingrid", "Per", "Sigrid", "Jørund", "Marit", "Øydis",
         "Lars", "Synnøve", "Bård", "Ærle", "Nils", "Solveig", "Trond", "Emma", "Jonas", "Siv"]
LAST = ["Nordmann", "Hæreid", "Skjærvø", "Larsen", "Lien", "Berg", "Dahl", "Haugen", "Bakke",
        "Strand", "Østby", "Løvås", "Sæther", "Våge", "Holm", "Knutsen"]
COMPANY = ["Våga Maling", "Berg & Sønn", "Nordlys Økonomi", "Fjordkraft Nord", "Hønefoss Rør",
           "Ærøy Bygg", "Tromsø Trelast", "Bodø Bilsenter", "Skjærgården Regnskap", "Lørenskog Data"]
FORM = ["AS", "ANS", "DA", "AS", "AS"]
CITY = ["Oslo", "Bærum", "Trondheim", "Hønefoss", "Tromsø", "Ålesund", "Bodø", "Førde", "Hamar"]
DOMAINS = ["example.no", "firma.no", "post.no", "online.no", "gmail.com"]


def ascii_name(text):
    return (text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
            .replace(" & ", "-").replace(" ", "-"))


FIRST_ASCII = [ascii_name(f) for f in FIRST]
LAST_ASCII = [ascii_name(l) for l in LAST]

# Change stamps: minutes within 2024-2025.
START = 1704067200  # 2024-01-01T00:00:00Z
SPAN_MINUTES = 2 * 365 * 24 * 60


def stamp_z(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def stamp_oslo(seconds):
    # PowerOffice Go writes local time with its offset; +01:00 all year keeps the instants exact.
    return time.strftime("%Y-%m-%dT%H:%M:%S+01:00", time.gmtime(seconds + 3600))


def capitalized(email):
    """The same address in other case: `Kari.Nordmann.12@Example.no`."""
    local, domain = email.split("@")
    return ".".join(p.capitalize() for p in local.split(".")) + "@" + domain.capitalize()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args()
    n = args.records
    marker = os.path.join(args.out, f".complete-{n}-v{VERSION}")
    if os.path.exists(marker):
        print(f"bench workspace {args.out} (N={n}) already written")
        return
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    for folder in ("dumps/powerofficego", "dumps/zendesk", "dataflows"):
        os.makedirs(os.path.join(args.out, folder))
    with open(os.path.join(args.out, "offsync.yaml"), "w") as f:
        f.write(MANIFEST)
    shutil.copyfile(DOCUMENT, os.path.join(args.out, "dataflows", "powerofficego-zendesk.rst"))

    rng = random.Random(SEED)
    rand = rng.random
    randrange = rng.randrange

    def some_stamp():
        return START + 60 * randrange(SPAN_MINUTES)

    # ---- Customers (companies and persons) and the organizations the sync created earlier ----
    customer_count = max(20, round(n * 0.2))
    companies = []        # customer ids of companies
    org_of = {}           # company id -> organization id, for the linked 30%
    organizations = []    # (id, name, external_id, updated seconds)
    next_org = [36_000_000_000]

    def new_org(name, external_id, updated):
        next_org[0] += 7
        organizations.append((next_org[0], name, external_id, updated))
        return next_org[0]

    customers_path = os.path.join(args.out, "dumps/powerofficego/customers.csv")
    persons = []          # (row index, first, last) filled with emails once contacts exist
    rows = []             # CSV rows of companies now; persons' rows are written after the users
    for k in range(customer_count):
        cid = 1_000_000 + k
        changed = some_stamp()
        if k % 4 == 3:
            persons.append((cid, randrange(len(FIRST)), randrange(len(LAST)), changed))
            rows.append(None)
            continue
        name = f"{COMPANY[randrange(len(COMPANY))]} {k} {FORM[randrange(len(FORM))]}"
        companies.append(cid)
        r = rand()
        if r < 0.30:
            # In Zendesk already, created by the sync: found again by external_id.
            kind = rand()
            org_name, org_changed = name, some_stamp()
            if kind < 0.04:                        # renamed in PowerOffice later -> update Zendesk
                org_name = name.replace(f" {k} ", f" {k} Gamle ")
                org_changed = changed - 86_400 * randrange(1, 60)
            elif kind < 0.08:                      # renamed in Zendesk later -> update PowerOffice
                org_name = name.upper() if kind < 0.06 else name + " (Zendesk)"
                org_changed = changed + 86_400 * randrange(1, 60)
            elif kind < 0.09:                      # empty in Zendesk -> the value wins
                org_name = ""
            elif kind < 0.10:                      # only spaces around it differ -> unchanged
                org_name = f" {name} "
            org_of[cid] = new_org(org_name, f"offsync:powerofficego/Customers/{cid}", org_changed)
        elif r < 0.30 + 0.70 * 0.003:
            # Created and uploaded, but Zendesk lost the external_id: linked by content.
            new_org(name, None, some_stamp())
        city = CITY[randrange(len(CITY))]
        rows.append(f"{cid};{10_000 + k};{name};;;post@{ascii_name(name)}.no;+47 {randrange(20000000, 99999999)};"
                    f"False;{randrange(800_000_000, 999_999_999)};{city};True;{stamp_oslo(changed)}")
    for k in range(max(2, round(n * 0.02))):      # organizations the sync did not create
        new_org(f"Zendesk-kunde {k}", None if k % 3 else f"zd-{k}", some_stamp())
    linked_orgs = list(org_of.values())

    # ---- Contact persons and the users they match ---------------------------------------------
    users = []            # (name, email, organization id or None, updated seconds)
    matched_emails = []   # emails of contacts linked to exactly one user (for customer persons)
    shared_contact = None
    contacts_path = os.path.join(args.out, "dumps/powerofficego/contactpersons.json")
    with open(contacts_path, "w", encoding="utf-8") as out:
        out.write("[")
        for i in range(n):
            cid = 10_000_000 + i
            f, l = randrange(len(FIRST)), randrange(len(LAST))
            first, last = FIRST[f], LAST[l]
            email = f"{FIRST_ASCII[f]}.{LAST_ASCII[l]}.{i}@{DOMAINS[i % len(DOMAINS)]}"
            party = companies[randrange(len(companies))] if rand() < 0.95 else None
            changed = some_stamp()
            r = rand()
            if r < 0.02:                                       # no email: never links
                contact_email = "" if r < 0.016 else None
            elif r < 0.025:                                    # two users share the email
                contact_email = email
                users.append((f"{first} {last}", email, None, some_stamp()))
                users.append((f"{first} {last}", capitalized(email), None, some_stamp()))
            elif r < 0.03:                                     # two contacts share one user's email
                if shared_contact is None:
                    shared_contact = email
                    users.append((f"{first} {last}", email, None, some_stamp()))
                    contact_email = email
                else:
                    contact_email, shared_contact = shared_contact, None
            elif r < 0.81:                                     # matches one user
                contact_email, user_email = email, email
                c = rand()
                if c < 0.03 / 0.78:
                    contact_email = capitalized(email)
                elif c < 0.06 / 0.78:
                    user_email = capitalized(email)
                elif c < 0.066 / 0.78:
                    contact_email = f" {email} "
                else:
                    matched_emails.append(email)
                o = rand()
                if party is not None and party in org_of:
                    org = org_of[party] if o < 0.90 else None if o < 0.95 else linked_orgs[randrange(len(linked_orgs))]
                elif party is None and o < 0.10:
                    org = linked_orgs[randrange(len(linked_orgs))]
                else:
                    org = None
                users.append((f"{first} {last}", user_email, org, some_stamp()))
            else:                                              # no user has it
                contact_email = email
            email_json = "null" if contact_email is None else f'"{contact_email}"'
            party_json = "null" if party is None else str(party)
            out.write(("," if i else "")
                      + f'{{"id":{cid},"partyId":{party_json},"firstName":"{first}","lastName":"{last}",'
                      f'"emailAddress":{email_json},"phoneNumber":"+47 {randrange(40000000, 99999999)}",'
                      f'"lastChanged":"{stamp_oslo(changed)}"}}')
        out.write("]")

    # ---- Customer persons: emails of their own, of linked contacts, shared, or none -----------
    shared_person = None
    for index, (cid, f, l, changed) in enumerate(persons):
        first, last = FIRST[f], LAST[l]
        email = f"{FIRST_ASCII[f]}.{LAST_ASCII[l]}.p{cid}@{DOMAINS[cid % len(DOMAINS)]}"
        r = rand()
        if r < 0.02:
            email = ""
        elif r < 0.52:
            users.append((f"{first} {last}", capitalized(email) if rand() < 0.06 else email, None, some_stamp()))
        elif r < 0.72 and matched_emails:
            email = matched_emails[randrange(len(matched_emails))]
        elif r < 0.73:
            if shared_person is None:
                shared_person = email
                users.append((f"{first} {last}", email, None, some_stamp()))
            else:
                email, shared_person = shared_person, None
        k = cid - 1_000_000
        rows[k] = (f"{cid};{10_000 + k};{first} {last};{first};{last};{email};+47 {randrange(40000000, 99999999)};"
                   f"True;;{CITY[randrange(len(CITY))]};True;{stamp_oslo(changed)}")
    with open(customers_path, "w", encoding="utf-8", newline="") as out:
        out.write("Id;Number;Name;FirstName;LastName;EmailAddress;PhoneNumber;IsPerson;OrganizationNumber;"
                  "MailAddress.City;IsActive;LastChangedDateTimeOffset\r\n")
        for row in rows:
            out.write(row + "\r\n")

    # ---- Users no contact or person matches (agents, old customers), to N in all --------------
    for k in range(max(0, n - len(users))):
        f, l = randrange(len(FIRST)), randrange(len(LAST))
        org = linked_orgs[randrange(len(linked_orgs))] if rand() < 0.2 else None
        users.append((f"{FIRST[f]} {LAST[l]}", f"{FIRST_ASCII[f]}.{LAST_ASCII[l]}.z{k}@zendesk-only.no", org, some_stamp()))
    rng.shuffle(users)
    with open(os.path.join(args.out, "dumps/zendesk/users.ndjson"), "w", encoding="utf-8") as out:
        for j, (name, email, org, updated) in enumerate(users):
            uid = 37_000_000_000 + 13 * j
            created = updated - 86_400 * randrange(1, 700)
            out.write(f'{{"id":{uid},"name":"{name}","email":"{email}","created_at":"{stamp_z(created)}",'
                      f'"updated_at":"{stamp_z(updated)}","organization_id":{"null" if org is None else org},'
                      f'"external_id":null}}\n')

    with open(os.path.join(args.out, "dumps/zendesk/organizations.json"), "w", encoding="utf-8") as out:
        out.write('{"organizations":[')
        for j, (oid, name, external_id, updated) in enumerate(organizations):
            ext = "null" if external_id is None else f'"{external_id}"'
            out.write(("," if j else "")
                      + f'{{"url":"https://bench.zendesk.com/api/v2/organizations/{oid}.json","id":{oid},'
                      f'"name":"{name}","external_id":{ext},"created_at":"{stamp_z(updated - 86_400 * 400)}",'
                      f'"updated_at":"{stamp_z(updated)}","domain_names":[],"tags":[]}}')
        out.write(f'],"next_page":null,"previous_page":null,"count":{len(organizations)}}}')

    departments = max(5, n // 1000)
    with open(os.path.join(args.out, "dumps/powerofficego/departments.json"), "w", encoding="utf-8") as out:
        out.write("[" + ",".join(
            f'{{"Id":{500_000 + k},"Code":"{k}","Name":"Avdeling {k}","IsActive":true,'
            f'"LastChangedDateTimeOffset":"{stamp_oslo(some_stamp())}"}}' for k in range(departments)) + "]")

    open(marker, "w").close()
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(args.out, "dumps")) for f in fs)
    print(f"wrote bench workspace {args.out}: {n} contact persons, {len(users)} users, {customer_count} customers, "
          f"{len(organizations)} organizations, {departments} departments ({size / 1e6:.1f} MB of exports)")


if __name__ == "__main__":
    main()
