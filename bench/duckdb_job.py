#!/usr/bin/env python3
"""The reconciliation `make bench` races offsync against, written in DuckDB SQL as one would by
hand: it reads the bench workspace's exports (bench/zendesk_workspace.py), links each flow of
seed 001's Zendesk document, compares the mapped properties and writes the operations of a first
run (no remembered links, no baselines) as gzip JSONL, plus the counts in counts.json.

    duckdb_job.py WORKSPACE OUT

It follows README "How it decides" for this workspace's flows:
- Links: records the sync created, by correlation value (`offsync:powerofficego/<Entity>/<id>`
  in the target's `external_id`); then the merge rule on normalized values (emails trimmed and
  lowercased, `compare: { email: email }`). Empty never links. Among the records not linked yet,
  a key held by one source and one target links them; a key some target holds, held by two or
  more records of either side, makes every source with it `ambiguous`; `duplicate` counts the
  records of each side that share a key with another of their side. A flow that syncs every record creates what is left;
  a create whose name equals (case-insensitive) exactly one organization that no flow links, and
  that no other create claims, is linked by content instead.
- Changes: per linked pair and property, text compared after trimming; a value beats an empty
  one; otherwise `latest-wins` on the change stamps as instants (the source on equal or missing
  stamps). `partyId` is translated through the Customers -> Organizations links (both ways); a
  `partyId` whose customer is not linked yet is not compared (offsync's `unresolved_reference`).
- Operations: one line per record, `_id`, `$based_on` with the values seen, then the changed
  fields (text written as JSON strings, as offsync writes a "string" property); creates carry
  `$correlation`. Sorted by id, as offsync writes them.

Not done here, since a first run of this workspace has none of them: remembered links,
baselines and conflicts, deletes and orphans, types other than text, two flows writing one
record, and several targets holding one correlation value (offsync takes the last in the file,
this job the greatest id).
"""
import json
import os
import sys

import duckdb

FLOWS = [
    # (key, source, target)
    ("A", "powerofficego.Contactperson", "zendesk.Users"),
    ("B", "powerofficego.Customers person", "zendesk.Users"),
    ("C", "powerofficego.Customers", "zendesk.Organizations"),
    ("D", "powerofficego.Departments", "zendesk.Organizations"),
]

LOAD = """
CREATE MACRO decide(sv, tv, ss, ts) AS
    CASE WHEN sv = tv THEN NULL
         WHEN sv = '' THEN 'source'          -- a value beats an empty one
         WHEN tv = '' THEN 'target'
         WHEN ts > ss THEN 'source'          -- latest-wins; missing or equal stamps: the source
         ELSE 'target' END;
CREATE MACRO text_of(v) AS coalesce(trim(v), '');
CREATE MACRO email_key(v) AS nullif(lower(trim(v)), '');
CREATE MACRO name_key(v) AS nullif(lower(trim(v)), '');

CREATE TABLE contact AS
SELECT id, partyId, nullif(trim(partyId ->> '$'), '') AS party, emailAddress,
       email_key(emailAddress) AS k, TRY_CAST(lastChanged AS TIMESTAMPTZ) AS stamp
FROM read_json('{ws}/dumps/powerofficego/contactpersons.json', format = 'array',
               columns = {{id: 'VARCHAR', partyId: 'JSON', emailAddress: 'VARCHAR', lastChanged: 'VARCHAR'}})
WHERE nullif(trim(id), '') IS NOT NULL;

CREATE TABLE customer_row AS
SELECT Id AS id, coalesce(Name, '') AS name, coalesce(EmailAddress, '') AS email, lower(IsPerson) AS is_person,
       TRY_CAST(LastChangedDateTimeOffset AS TIMESTAMPTZ) AS stamp
FROM read_csv('{ws}/dumps/powerofficego/customers.csv', delim = ';', header = true, quote = '"', all_varchar = true)
WHERE nullif(trim(Id), '') IS NOT NULL;
CREATE TABLE customer AS SELECT id, name, name_key(name) AS k, stamp FROM customer_row WHERE is_person = 'false';
CREATE TABLE person AS SELECT id, email_key(email) AS k FROM customer_row WHERE is_person = 'true';

CREATE TABLE department AS
SELECT Id AS id, Name AS name, name_key(Name) AS k, TRY_CAST(LastChangedDateTimeOffset AS TIMESTAMPTZ) AS stamp
FROM read_json('{ws}/dumps/powerofficego/departments.json', format = 'array',
               columns = {{Id: 'VARCHAR', Name: 'VARCHAR', LastChangedDateTimeOffset: 'VARCHAR'}})
WHERE nullif(trim(Id), '') IS NOT NULL;

CREATE TABLE users AS
SELECT id, email, email_key(email) AS k, organization_id, nullif(trim(organization_id ->> '$'), '') AS org,
       nullif(external_id, '') AS corr, TRY_CAST(updated_at AS TIMESTAMPTZ) AS stamp
FROM read_json('{ws}/dumps/zendesk/users.ndjson', format = 'newline_delimited',
               columns = {{id: 'VARCHAR', email: 'VARCHAR', organization_id: 'JSON', updated_at: 'VARCHAR', external_id: 'VARCHAR'}})
WHERE nullif(trim(id), '') IS NOT NULL;

CREATE TABLE organization AS
SELECT o.id, o.name, name_key(o.name) AS k, nullif(o.external_id, '') AS corr, TRY_CAST(o.updated_at AS TIMESTAMPTZ) AS stamp
FROM (SELECT unnest(organizations) AS o
      FROM read_json('{ws}/dumps/zendesk/organizations.json', maximum_object_size = {max_object},
                     columns = {{organizations: 'STRUCT(id VARCHAR, name VARCHAR, external_id VARCHAR, updated_at VARCHAR)[]'}}))
WHERE nullif(trim(o.id), '') IS NOT NULL;

CREATE TABLE pairs (flow VARCHAR, sid VARCHAR, tid VARCHAR, how VARCHAR);
CREATE TABLE linking (flow VARCHAR, ambiguous BIGINT, duplicate BIGINT);
"""

# A merge flow: correlation first, then the one merge rule on `k`, classified on the keys' counts.
MERGE_FLOW = """
INSERT INTO pairs
SELECT '{flow}', s.id, max(t.id), 'correlation'
FROM {source} s JOIN {target} t ON t.corr = 'offsync:powerofficego/{entity}/' || s.id
GROUP BY s.id;

CREATE TABLE {flow}_keys AS
WITH s AS (
    SELECT k, count(*) AS n_all, count(*) FILTER (WHERE p.sid IS NULL) AS n, min(s.id) FILTER (WHERE p.sid IS NULL) AS id
    FROM {source} s LEFT JOIN pairs p ON p.flow = '{flow}' AND p.sid = s.id
    WHERE k IS NOT NULL GROUP BY k),
t AS (
    SELECT k, count(*) AS n_all, count(*) FILTER (WHERE p.tid IS NULL) AS n, min(t.id) FILTER (WHERE p.tid IS NULL) AS id
    FROM {target} t LEFT JOIN pairs p ON p.flow = '{flow}' AND p.tid = t.id
    WHERE k IS NOT NULL GROUP BY k)
SELECT k, coalesce(s.n_all, 0) AS s_all, coalesce(s.n, 0) AS s_n, s.id AS sid,
          coalesce(t.n_all, 0) AS t_all, coalesce(t.n, 0) AS t_n, t.id AS tid
FROM s FULL JOIN t USING (k);

INSERT INTO pairs SELECT '{flow}', sid, tid, 'merge 1' FROM {flow}_keys WHERE s_n = 1 AND t_n = 1;
INSERT INTO linking
SELECT '{flow}',
       coalesce(sum(s_n) FILTER (WHERE t_n >= 1 AND NOT (s_n = 1 AND t_n = 1)), 0),
       coalesce(sum(s_all) FILTER (WHERE s_all >= 2), 0) + coalesce(sum(t_all) FILTER (WHERE t_all >= 2), 0)
FROM {flow}_keys;
"""

# The flows that sync every record into Organizations: records the sync created, by correlation
# (both flows first: every flow's links count as taken before any linking by content) ...
CORRELATION = """
INSERT INTO pairs
SELECT '{flow}', s.id, max(t.id), 'correlation'
FROM {source} s JOIN organization t ON t.corr = 'offsync:powerofficego/{entity}/' || s.id
GROUP BY s.id;
"""

# ... then by content (the name, case-insensitive) among the organizations no flow has linked so
# far, one organization per key and one claimant per organization; the rest is created.
CONTENT = """
INSERT INTO pairs
WITH free AS (
    SELECT k, min(id) AS tid FROM organization t
    WHERE k IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pairs p WHERE p.tid = t.id AND p.flow IN ('C', 'D'))
    GROUP BY k HAVING count(*) = 1),
claims AS (
    SELECT s.id AS sid, free.tid FROM {source} s JOIN free USING (k)
    WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.flow = '{flow}' AND p.sid = s.id))
SELECT '{flow}', min(sid), tid, 'content' FROM claims GROUP BY tid HAVING count(*) = 1;

CREATE TABLE {flow}_creates AS
SELECT s.id, s.name FROM {source} s ANTI JOIN (SELECT sid FROM pairs WHERE flow = '{flow}') p ON p.sid = s.id;
INSERT INTO linking VALUES ('{flow}', 0, 0);
"""

DIFF = """
CREATE TABLE a_diff AS
WITH p AS (
    SELECT c.id AS sid, u.id AS tid, c.emailAddress AS s_email, u.email AS t_email, c.partyId, c.party,
           u.organization_id, u.org, fwd.tid AS party_as_org, bwd.sid AS org_as_party, c.stamp AS ss, u.stamp AS ts
    FROM pairs p
    JOIN contact c ON c.id = p.sid
    JOIN users u ON u.id = p.tid
    LEFT JOIN pairs fwd ON fwd.flow = 'C' AND fwd.sid = c.party
    LEFT JOIN pairs bwd ON bwd.flow = 'C' AND bwd.tid = u.org
    WHERE p.flow = 'A')
SELECT *,
       decide(text_of(s_email), text_of(t_email), ss, ts) AS email_to,
       CASE WHEN party IS NOT NULL AND party_as_org IS NULL THEN NULL      -- unresolved: not compared
            ELSE decide(coalesce(party_as_org, ''), coalesce(org, ''), ss, ts) END AS org_to,
       party IS NOT NULL AND party_as_org IS NULL AS unresolved
FROM p;

CREATE TABLE org_diff AS
SELECT p.flow, s.id AS sid, t.id AS tid, s.name AS s_name, t.name AS t_name,
       decide(text_of(s.name), text_of(t.name), s.stamp, t.stamp) AS name_to, 'Customers' AS source_entity
FROM pairs p JOIN customer s ON s.id = p.sid JOIN organization t ON t.id = p.tid WHERE p.flow = 'C'
UNION ALL
SELECT p.flow, s.id, t.id, s.name, t.name,
       decide(text_of(s.name), text_of(t.name), s.stamp, t.stamp), 'Departments'
FROM pairs p JOIN department s ON s.id = p.sid JOIN organization t ON t.id = p.tid WHERE p.flow = 'D';
"""

# One JSON line per operation: `_id`, `$based_on` and the changed fields, absent ones left out.
OPERATIONS = {
    "zendesk/Users.update": """
SELECT tid AS id, to_json(map_from_entries(list_filter([
    ('_id', to_json(tid)),
    ('$based_on', to_json(map_from_entries(list_filter([
        ('email', CASE WHEN email_to = 'target' THEN coalesce(to_json(t_email), 'null'::JSON) END),
        ('organization_id', CASE WHEN org_to = 'target' THEN coalesce(organization_id, 'null'::JSON) END)
    ], lambda e: e[2] IS NOT NULL)))),
    ('email', CASE WHEN email_to = 'target' THEN to_json(s_email) END),
    ('organization_id', CASE WHEN org_to = 'target' THEN to_json(party_as_org) END)
], lambda e: e[2] IS NOT NULL))) AS line
FROM a_diff WHERE email_to = 'target' OR org_to = 'target'""",
    "powerofficego/Contactperson.update": """
SELECT sid AS id, to_json(map_from_entries(list_filter([
    ('_id', to_json(sid)),
    ('$based_on', to_json(map_from_entries(list_filter([
        ('emailAddress', CASE WHEN email_to = 'source' THEN coalesce(to_json(s_email), 'null'::JSON) END),
        ('partyId', CASE WHEN org_to = 'source' AND org_as_party IS NOT NULL THEN coalesce(partyId, 'null'::JSON) END)
    ], lambda e: e[2] IS NOT NULL)))),
    ('emailAddress', CASE WHEN email_to = 'source' THEN to_json(t_email) END),
    ('partyId', CASE WHEN org_to = 'source' THEN to_json(org_as_party) END)
], lambda e: e[2] IS NOT NULL))) AS line
FROM a_diff WHERE email_to = 'source' OR (org_to = 'source' AND org_as_party IS NOT NULL)""",
    "zendesk/Organizations.update": """
SELECT tid AS id, json_object('_id', tid, '$based_on', json_object('name', t_name), 'name', s_name) AS line
FROM org_diff WHERE name_to = 'target'""",
    "powerofficego/Customers.update": """
SELECT sid AS id, json_object('_id', sid, '$based_on', json_object('Name', s_name), 'Name', t_name) AS line
FROM org_diff WHERE name_to = 'source' AND source_entity = 'Customers'""",
    "powerofficego/Departments.update": """
SELECT sid AS id, json_object('_id', sid, '$based_on', json_object('Name', s_name), 'Name', t_name) AS line
FROM org_diff WHERE name_to = 'source' AND source_entity = 'Departments'""",
    "zendesk/Organizations.create": """
SELECT correlation AS id, CASE WHEN text_of(name) = '' THEN json_object('$correlation', correlation)
                               ELSE json_object('$correlation', correlation, 'name', name) END AS line
FROM (SELECT 'offsync:powerofficego/Customers/' || id AS correlation, name FROM C_creates
      UNION ALL
      SELECT 'offsync:powerofficego/Departments/' || id, name FROM D_creates)""",
}

COUNTS = """
WITH sizes AS (
    SELECT 'A' AS flow, (SELECT count(*) FROM contact) AS source, (SELECT count(*) FROM users) AS target UNION ALL
    SELECT 'B', (SELECT count(*) FROM person), (SELECT count(*) FROM users) UNION ALL
    SELECT 'C', (SELECT count(*) FROM customer), (SELECT count(*) FROM organization) UNION ALL
    SELECT 'D', (SELECT count(*) FROM department), (SELECT count(*) FROM organization)),
linked AS (
    SELECT flow, count(*) AS linked, count(*) FILTER (WHERE how = 'merge 1') AS matched FROM pairs GROUP BY flow),
changes AS (
    SELECT 'A' AS flow,
           count(*) FILTER (WHERE email_to = 'target' OR org_to = 'target') AS update_target,
           count(*) FILTER (WHERE email_to = 'source' OR org_to = 'source') AS update_source,
           count(*) FILTER (WHERE email_to IS NULL AND org_to IS NULL) AS unchanged,
           count(*) FILTER (WHERE unresolved) AS unresolved
    FROM a_diff
    UNION ALL
    SELECT flow, count(*) FILTER (WHERE name_to = 'target'), count(*) FILTER (WHERE name_to = 'source'),
           count(*) FILTER (WHERE name_to IS NULL), 0
    FROM org_diff GROUP BY flow)
SELECT s.flow, s.source, s.target, coalesce(l.linked, 0), coalesce(l.matched, 0),
       CASE s.flow WHEN 'C' THEN (SELECT count(*) FROM C_creates) WHEN 'D' THEN (SELECT count(*) FROM D_creates) ELSE 0 END,
       coalesce(c.update_target, 0), coalesce(c.update_source, 0),
       -- flow B maps no property: every pair is unchanged
       CASE WHEN s.flow = 'B' THEN coalesce(l.linked, 0) ELSE coalesce(c.unchanged, 0) END,
       k.ambiguous,
       CASE WHEN s.flow IN ('A', 'B') THEN s.source - coalesce(l.linked, 0) - k.ambiguous ELSE 0 END,
       s.target - coalesce(l.linked, 0), k.duplicate, coalesce(c.unresolved, 0)
FROM sizes s JOIN linking k USING (flow) LEFT JOIN linked l USING (flow) LEFT JOIN changes c USING (flow)
ORDER BY s.flow
"""
COUNT_NAMES = ["source", "target", "linked", "matched", "create", "update_target", "update_source", "unchanged",
               "ambiguous", "unmatched_source", "unmatched_target", "duplicate", "unresolved_reference"]


def main():
    workspace, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    organizations = os.path.join(workspace, "dumps/zendesk/organizations.json")
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    con.execute(LOAD.format(ws=workspace, max_object=os.path.getsize(organizations) + 1))
    con.execute(MERGE_FLOW.format(flow="A", source="contact", target="users", entity="Contactperson"))
    con.execute(MERGE_FLOW.format(flow="B", source="person", target="users", entity="Customers person"))
    con.execute(CORRELATION.format(flow="C", source="customer", entity="Customers"))
    con.execute(CORRELATION.format(flow="D", source="department", entity="Departments"))
    con.execute(CONTENT.format(flow="C", source="customer"))
    con.execute(CONTENT.format(flow="D", source="department"))
    con.execute(DIFF)

    imports = []
    for name, query in OPERATIONS.items():
        path = f"import/{name}.jsonl.gz"
        con.execute(f"CREATE TABLE op AS {query}")
        records = con.execute("SELECT count(*) FROM op").fetchone()[0]
        if records:
            os.makedirs(os.path.dirname(os.path.join(out, path)), exist_ok=True)
            # Raw lines: CSV of one column, never quoted (compact JSON has no line break).
            con.execute(f"COPY (SELECT line FROM op ORDER BY id) TO '{os.path.join(out, path)}' "
                        "(FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f', COMPRESSION gzip)")
            imports.append({"file": path, "records": records})
        con.execute("DROP TABLE op")

    rows = {row[0]: row[1:] for row in con.execute(COUNTS).fetchall()}
    identities = con.execute("""
        SELECT count(*) FROM (
            SELECT tid FROM pairs WHERE flow IN ('A', 'B') GROUP BY tid HAVING count(*) > 1
            UNION ALL
            SELECT tid FROM pairs WHERE flow IN ('C', 'D') GROUP BY tid HAVING count(*) > 1)""").fetchone()[0]
    report = {
        "flows": [{"source": source, "target": target, "counts": dict(zip(COUNT_NAMES, rows[key]))}
                  for key, source, target in FLOWS],
        "identities": identities,
        "imports": sorted(imports, key=lambda i: i["file"]),
    }
    with open(os.path.join(out, "counts.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
