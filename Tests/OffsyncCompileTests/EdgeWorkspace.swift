import Foundation

/// A small workspace written for the differential test, with a case of each rule the compiled
/// job must decide as offsync does: two merge combinations (email, digits-only phone), empty,
/// ambiguous and duplicate values, a flow's `where`, typed properties (integer, decimal,
/// boolean, date) with type errors (an OData date past year 9999, an exponent past any number), change stamps with offsets, a reference, sibling
/// sections, a correlation link, a link by content, the manual policy, `records:` paths,
/// a gzip NDJSON export, a lenient CSV export (an id with spaces around it, a row led by
/// `#`, rows with too few and too many fields), batches and CSV import files.
enum EdgeWorkspace {
    static let manifest = """
        version: 1
        systems:
          crm:
            datasets:
              People: { files: dumps/crm/people.json, id: id, modified: changed }
              Teams: { files: dumps/crm/teams.csv, id: Id, csv: { lenient: true } }
          hub:
            datasets:
              Contacts: { files: dumps/hub/contacts.ndjson.gz, id: id, modified: updated, correlation: ref, output: csv }
              Groups: { files: dumps/hub/groups.json, records: data.items, id: id, correlation: corr, batch: 2, output: csv }
        dataflows:
          - source: crm.People
            target: hub.Contacts
            merge: [{ email: email }, { phone: phone }]
            compare: { default: case-insensitive, phone: digits-only }
            properties: { first: name.first, age: age, active: active, born: birthday, score: score, team: team_id, address.city: profile.city, seen: last_seen }
            types: { age: integer, active: boolean, born: date, score: decimal, seen: date-time }
            references: { team: Teams }
            where: { People: { status: active } }
          - source: crm.People
            target: hub.Contacts
            properties: { first: name.first }
          - source: crm.Teams
            target: hub.Groups
            properties: { Name: title }
            conflicts: manual
        options:
          conflicts: latest-wins

        """

    /// id, first, email, phone, age, active, born, score, team, city, status, changed
    static var people: [[String: Any]] { [
        p("1", "Ada", "ada@x.no", "+47 900 00 001", "36", "yes", "1988-02-01T00:00:00", "1.50", "T1", "Oslo", "2024-05-01T12:00:00+02:00",
          seen: "2022-10-09T05:08:48.388Z"),
        p("2", "Bo", "BO@x.no ", "", "007", "1", "1990-01-01", "2.0", "T2", "", "2024-05-01T09:00:00Z"),
        p("3", "Cy", "", "+47 900 00 003", "4l", "no", "1983-03-03", "3", "T9", "Molde", "2024-05-02T00:00:00Z"),
        p("4", "Di", "shared@x.no", "", "abc", "true", "1970-01-01", "", "T1", "", "2024-05-01T00:00:00Z"),
        p("5", "Ed", "shared@x.no", "", "22", "false", "1971-01-01", "", "", "Oslo", "2024-05-01T00:00:00Z"),
        p("6", "Fi", "fi@x.no", "900 00 066", "50", "ja", "1960-06-06", "1e1", "T3", "Bodø", "2024-05-01T00:00:00Z"),
        p("7", "Gu", "nobody@x.no", "", "", "", "/Date(253402300799000)/", "1e-9223372036854775808", "", "", ""),
        p("8", "Hal", "hal@x.no", "", "30", "y", "1994-04-04", "0.5", "T2", "Tromsø", "2024-04-01T00:00:00Z", status: "former"),
        p("9", "Ivy", "", "", "28", "n", "/Date(" + String(repeating: "9", count: 30) + ")/", "", "", "", "2024-05-01T00:00:00Z"),
        ["id": "", "first": "No id"],
        p("1", "Ada again", "ada2@x.no", "", "", "", "", "", "", "", ""),
    ] }

    static func p(
        _ id: String, _ first: String, _ email: String, _ phone: String, _ age: String, _ active: String, _ born: String,
        _ score: String, _ team: String, _ city: String, _ changed: String, status: String = "Active", seen: String? = nil
    ) -> [String: Any] {
        var record: [String: Any] = [
            "id": id, "first": first, "email": email, "phone": phone, "age": age, "active": active, "born": born, "score": score,
            "team": team, "address": ["city": city], "status": status, "changed": changed,
        ]
        // A stamp with milliseconds (Ada's, equal on both sides at first): its baseline must be found again.
        if let seen { record["seen"] = seen }
        return record
    }

    /// id, first, email, phone, age, active, birthday, score, team_id, city, updated, ref
    static var contacts: [[String: Any]] { [
        c("c1", "Ada", "ADA@x.no", "", 36, true, "1988-02-01", "1.5", "g1", "Oslo", "2024-05-01T11:00:00+01:00", nil,
          lastSeen: "2022-10-09T05:08:48.388Z"),
        c("c2", "Bob", "bo@x.no", "", 7, true, "1990-01-01", "2.5", "", "Bergen", "2024-05-01T10:00:00Z", nil),
        c("c3", "Cy", "cy@x.no", "4790000003", 40, false, "1983-03-03T08:00:00", "3.0", "g9", "", "2024-05-01T00:00:00Z", nil),
        c("c4", "Di", "shared@x.no", "", 1, true, "1970-01-01", "", "", "", "2024-05-01T00:00:00Z", nil),
        c("c6a", "Fi", "fi@x.no", "", 50, true, "1960-06-06", "10", "", "Bodø", "2024-05-01T00:00:00Z", nil),
        c("c6b", "Fi B", "", "900-00-066", 50, true, "1960-06-06", "10", "", "", "2024-05-01T00:00:00Z", nil),
        c("c8", "Hal", "hal@x.no", "", 30, true, "1994-04-04", "0.5", "", "", "2024-05-01T00:00:00Z", nil),
        c("c9", "Ivy", "", "", 28, false, "1996-09-09", "", "", "", "2024-05-01T00:00:00Z", "offsync:crm/People/9"),
        c("c10", "Zed", "zed@x.no", "", 5, false, "2000-01-01", "", "", "", "", nil),
        c("c11", "Zed", "ZED@x.no", "", 5, false, "2000-01-01", "", "", "", "", nil),
    ] }

    static func c(
        _ id: String, _ first: String, _ email: String, _ phone: String, _ age: Int, _ active: Bool, _ birthday: String,
        _ score: String, _ team: String, _ city: String, _ updated: String, _ ref: String?, lastSeen: String? = nil
    ) -> [String: Any] {
        var record: [String: Any] = [
            "id": id, "name": ["first": first], "email": email, "phone": phone, "age": age, "active": active, "birthday": birthday,
            "score": score, "team_id": team, "profile": ["city": city], "updated": updated,
        ]
        if let ref { record["ref"] = ref }
        if let lastSeen { record["last_seen"] = lastSeen }
        return record
    }

    static let teams = """
        Id,Name,Kind
        T1,Alpha,core
        T2,Beta,core
        T3,Gamma,"side, small"
        T4,Delta,core
        T5,,core
         T6 ,Zeta,core
        #7,Eta,core
        T8,Theta
        T9,Iota,core,extra

        """

    static var groups: [String: Any] { ["data": ["items": [
        ["id": "g1", "title": "Alpha", "corr": "offsync:crm/Teams/T1"],
        ["id": "g2", "title": "Beta two", "corr": "offsync:crm/Teams/T2"],
        ["id": "g4", "title": "Delta"],
        ["id": "g9", "title": "Omega"],
    ]]] }

    /// What changes between a first and a second run: Ada's first name in the source, her
    /// contact's city in the target, her age on both sides (a conflict the baseline reveals),
    /// Bo gone from the source (his contact is deleted) and Cy's contact gone (an orphan).
    static func edited(_ people: [[String: Any]], _ contacts: [[String: Any]]) -> ([[String: Any]], [[String: Any]]) {
        var people = people.filter { $0["id"] as? String != "2" }
        var contacts = contacts.filter { $0["id"] as? String != "c3" }
        if let ada = people.firstIndex(where: { $0["first"] as? String == "Ada" }) {
            people[ada]["seen"] = "2022-10-10T00:00:00.5Z"
            people[ada]["first"] = "Adah"
            people[ada]["age"] = "37"
            people[ada]["changed"] = "2024-06-01T00:00:00Z"
        }
        if let c1 = contacts.firstIndex(where: { $0["id"] as? String == "c1" }) {
            contacts[c1]["profile"] = ["city": "Oslo Sentrum"]
            contacts[c1]["age"] = 38
            contacts[c1]["updated"] = "2024-06-02T00:00:00Z"
        }
        return (people, contacts)
    }

    /// Writes the workspace; `edited` writes the exports of the second run instead.
    static func write(to root: String, edited second: Bool = false) throws {
        let (people, contacts) = second ? edited(people, contacts) : (people, contacts)
        let manager = FileManager.default
        for folder in ["dumps/crm", "dumps/hub"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try manifest.write(toFile: root + "/offsync.yaml", atomically: true, encoding: .utf8)
        try JSONSerialization.data(withJSONObject: people, options: [.sortedKeys]).write(to: URL(fileURLWithPath: root + "/dumps/crm/people.json"))
        try teams.write(toFile: root + "/dumps/crm/teams.csv", atomically: true, encoding: .utf8)
        try JSONSerialization.data(withJSONObject: groups, options: [.sortedKeys]).write(to: URL(fileURLWithPath: root + "/dumps/hub/groups.json"))
        let lines = try contacts.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        let ndjson = root + "/dumps/hub/contacts.ndjson"
        try (lines.joined(separator: "\n") + "\n").write(toFile: ndjson, atomically: true, encoding: .utf8)
        try DifferentialTests.execute("/usr/bin/env", ["gzip", "-nf", ndjson])
    }
}
