#!/usr/bin/env python3
"""Writes a large workspace (the kill test uses it; `make bench` has bench/zendesk_workspace.py): N
PowerOffice Go contact persons against N YouTrack users (default 1,000,000 each), linked by email as
in seed 000, deterministic for a given N.

Most pairs link (some with a changed name to update), some emails differ (unmatched on both
sides), some users share an email (ambiguous/duplicate). Skips writing when the files exist
for the same N.
"""
import argparse, json, os, random

DOCUMENT = """==========================
Powerofficego to  Dataflow
==========================

Generated: 2026-11-21 00:00:00

Introduction.
------------

A benchmark document: one merge flow, as in seed 000.

Powerofficego Contactperson to  Users
-------------------------------------
Before any synchronization can take place, a link between a Powerofficego Contactperson and a  Users must be established.

A Powerofficego Contactperson will merge with a  Users if one of the following property combinations match:

.. list-table::
   :header-rows: 1

   * - Powerofficego Contactperson Property
     -  Users Property
   * - emailAddress
     - profile.email.email

Once a link between a Powerofficego Contactperson and a  Users is established, it will keep in sync between the two systems, regardless of where it is edited.

The following properties are synchronized between a Powerofficego Contactperson and a  Users:

.. list-table::
   :header-rows: 1

   * - Powerofficego Contactperson Property
     -  Users Property
     -  Data Type
   * - firstName
     - profile.firstName
     - "string"
   * - lastName
     - profile.lastName
     - "string"
   * - phoneNumber
     - profile.phone
     - "string"

"""

MANIFEST = """version: 1
systems:
  powerofficego:
    names: [Powerofficego, PowerOffice GO]
    datasets:
      Contactperson: { files: dumps/contactpersons.ndjson, id: id, modified: lastChanged }
  youtrack:
    names: [YouTrack]
    datasets:
      Users: { files: dumps/users.ndjson, id: id, modified: updated }
dataflows:
  - document: dataflows/powerofficego-youtrack.rst
    target: youtrack
"""

FIRST = ["Kari", "Ola", "Åsne", "Håvard", "Ingrid", "Per", "Sigrid", "Jørund", "Marit", "Øydis", "Lars", "Synnøve"]
LAST = ["Nordmann", "Hæreid", "Skjærvø", "Larsen", "Lien", "Berg", "Dahl", "Haugen", "Bakke", "Strand"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=".bench/link")
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args()
    n = args.records
    marker = os.path.join(args.out, f".complete-{n}")
    if os.path.exists(marker):
        print(f"bench workspace {args.out} ({n} x {n}) already written")
        return
    os.makedirs(os.path.join(args.out, "dumps"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "dataflows"), exist_ok=True)
    with open(os.path.join(args.out, "offsync.yaml"), "w") as f:
        f.write(MANIFEST)
    with open(os.path.join(args.out, "dataflows/powerofficego-youtrack.rst"), "w") as f:
        f.write(DOCUMENT)
    rng = random.Random(20261121)
    with open(os.path.join(args.out, "dumps/contactpersons.ndjson"), "w") as people, \
            open(os.path.join(args.out, "dumps/users.ndjson"), "w") as users:
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first.lower()}.{last.lower()}.{i}@example.no"
            phone = f"+47 {rng.randrange(40000000, 99999999)}"
            people.write(json.dumps({
                "id": 100000 + i, "firstName": first, "lastName": last, "emailAddress": email,
                "phoneNumber": phone, "lastChanged": "2026-01-01T00:00:00Z",
            }, ensure_ascii=False) + "\n")
            kind = rng.random()
            user_email = email.upper() if kind < 0.3 else email           # case differs: still links
            if kind > 0.97:
                user_email = f"other.{i}@example.no"                       # unmatched on both sides
            elif kind > 0.96:
                user_email = f"{FIRST[0].lower()}.shared.{i // 2}@example.no"  # shared: ambiguous/duplicate
            users.write(json.dumps({
                "id": f"1-{i}", "login": f"user{i}",
                "profile": {"email": {"email": user_email}, "firstName": first if kind > 0.05 else first + "x",
                            "lastName": last, "phone": phone},
                "updated": "2025-06-01T00:00:00Z",
            }, ensure_ascii=False) + "\n")
    open(marker, "w").close()
    print(f"wrote bench workspace {args.out}: {n} contact persons, {n} users")


if __name__ == "__main__":
    main()
