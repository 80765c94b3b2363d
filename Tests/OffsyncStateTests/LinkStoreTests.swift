import Foundation
import GRDB
import OffsyncModel
import Testing

@testable import OffsyncState

/// State keeps links and baselines compactly and gives back exactly what it was given.
@Suite struct LinkStoreTests {
    let flow = "po.Contactperson -> zd.Users"

    /// A fresh workspace folder, removed when the test ends.
    final class Workspace {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("linkstore-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func recordIDsComeBackAsTheyWereWritten() throws {
        let workspace = try Workspace()
        let store = try LinkStore(workspace: workspace.path)
        // Integers are stored as integers; anything whose text an integer would not give back stays text.
        let ids = ["0", "7", "10000001", "-42", "007", "+7", "-0", "9223372036854775808", "abc", "ÆØÅ-1", " 5", ""]
        let links = ids.enumerated().map { index, id in
            RememberedLink(flow: flow, sourceID: id, targetID: "t\(index)", how: "merge 1")
        }
        try store.update(links: links, baselines: [], forgetting: [], since: Date(timeIntervalSince1970: 0))
        let read = try store.links()
        #expect(Set(read.map(\.sourceID)) == Set(ids))
        #expect(read.allSatisfy { $0.how == "merge 1" && $0.since == "1970-01-01T00:00:00Z" && $0.flow == flow })
        for link in read { #expect(links.contains { $0.sourceID == link.sourceID && $0.targetID == link.targetID }) }
    }

    @Test func anIDFromBytesIsTheIDFromItsText() {
        let ids = ["0", "7", "10000001", "-42", "007", "+7", "-0", "-", "", "9223372036854775807", "999999999999999999",
                   "1000000000000000000", "abc", "ÆØÅ-1", " 5", "12a"]
        for text in ids {
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { RecordID(bytes: $0) }
            #expect(fromBytes == RecordID(text), "\(text)")
            #expect(fromBytes.text == text, "\(text)")
        }
    }

    @Test func baselinesAreMergedIntoTheirLinkAndKeptOnlyForItsTarget() throws {
        let workspace = try Workspace()
        let store = try LinkStore(workspace: workspace.path)
        func baseline(_ source: String, _ target: String, _ property: String, _ value: String) -> LinkStore.StoredBaseline {
            LinkStore.StoredBaseline(flow: flow, sourceID: source, targetID: target, property: property, digest: ByteHash.hash(value))
        }
        try store.update(
            links: [
                .init(flow: flow, sourceID: "1", targetID: "100", how: "merge 1"),
                .init(flow: flow, sourceID: "2", targetID: "200", how: "correlation"),
            ],
            baselines: [baseline("1", "100", "email -> email", "kari@example.no"), baseline("2", "999", "name -> name", "Ola")],
            forgetting: [])
        #expect(try store.baselines() == [baseline("1", "100", "email -> email", "kari@example.no")], "a baseline for another target is left out")

        // A later run advances one property, adds another, and may not re-link: the first link stays.
        try store.update(
            links: [.init(flow: flow, sourceID: "1", targetID: "555", how: "merge 2")],
            baselines: [
                baseline("1", "100", "email -> email", "kari@firma.no"), baseline("1", "100", "name -> name", "Kari"),
                baseline("2", "200", "name -> name", "Ola"),
            ],
            forgetting: [])
        #expect(try store.links().map { "\($0.sourceID)→\($0.targetID) \($0.how)" } == ["1→100 merge 1", "2→200 correlation"])
        #expect(Set(try store.baselines()) == [
            baseline("1", "100", "email -> email", "kari@firma.no"), baseline("1", "100", "name -> name", "Kari"),
            baseline("2", "200", "name -> name", "Ola"),
        ])

        try store.update(links: [], baselines: [], forgetting: [(flow, "1"), ("a flow never stored", "2")])
        #expect(try store.links().map(\.sourceID) == ["2"])
        #expect(try store.baselines() == [baseline("2", "200", "name -> name", "Ola")])
    }

    @Test("a replaced state holds exactly the rows given; links kept to the same target keep their first run")
    func replacingTheState() throws {
        let workspace = try Workspace()
        let store = try LinkStore(workspace: workspace.path)
        #expect(try store.mark() == LinkStore.noMark)
        try store.update(
            links: [
                .init(flow: flow, sourceID: "1", targetID: "100", how: "merge 1"),
                .init(flow: flow, sourceID: "2", targetID: "200", how: "merge 1"),
                .init(flow: flow, sourceID: "3", targetID: "300", how: "correlation"),
            ],
            baselines: [.init(flow: flow, sourceID: "1", targetID: "100", property: "email -> email", digest: 1)],
            forgetting: [], since: Date(timeIntervalSince1970: 0))
        let before = try store.mark()
        #expect(before == "run 1 at 1970-01-01T00:00:00Z")

        // Link 1 kept, 2 re-linked to another target, 3 gone, 4 new; baselines as given.
        try store.replace(
            with: LinkStore.Changes(
                links: [
                    .init(flow: flow, sourceID: "1", targetID: "100", how: "merge 1"),
                    .init(flow: flow, sourceID: "2", targetID: "201", how: "merge 2"),
                    .init(flow: "other flow", sourceID: "4", targetID: "400", how: "correlation"),
                ],
                baselines: [
                    .init(flow: flow, sourceID: "1", targetID: "100", property: "name -> name", digest: 9),
                    .init(flow: "other flow", sourceID: "4", targetID: "400", property: "email -> email", digest: 4),
                ],
                forgetting: []),
            since: Date(timeIntervalSince1970: 86400))
        #expect(try store.links().map { "\($0.flow) \($0.sourceID)→\($0.targetID) \($0.how) \($0.since ?? "")" } == [
            "\(flow) 1→100 merge 1 1970-01-01T00:00:00Z",
            "\(flow) 2→201 merge 2 1970-01-02T00:00:00Z",
            "other flow 4→400 correlation 1970-01-02T00:00:00Z",
        ])
        #expect(Set(try store.baselines()) == [
            .init(flow: flow, sourceID: "1", targetID: "100", property: "name -> name", digest: 9),
            .init(flow: "other flow", sourceID: "4", targetID: "400", property: "email -> email", digest: 4),
        ])
        #expect(try store.mark() == "run 2 at 1970-01-02T00:00:00Z")
    }

    @Test func aStateFromBeforeCompactRowsIsCarriedOver() throws {
        let workspace = try Workspace()
        let folder = (workspace.path as NSString).appendingPathComponent(".offsync")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("state.sqlite")
        do {
            let pool = try DatabasePool(path: path)
            try LinkStore.migrator.migrate(pool, upTo: "v3: pending outputs")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO link VALUES ('\(flow)', '1', '100', 'merge 1', '2026-01-01T00:00:00Z');
                    INSERT INTO link VALUES ('\(flow)', '007', 'u-2', 'receipt', '2026-02-01T00:00:00Z');
                    INSERT INTO baseline VALUES ('\(flow)', '1', '100', 'email -> email', 'kari@example.no', '2026-01-01T00:00:00Z');
                    INSERT INTO baseline VALUES ('\(flow)', '007', 'u-old', 'email -> email', 'stale', '2026-01-01T00:00:00Z');
                    """)
            }
        }
        // Read only (`check`, `explain`, `links` beside an older state): read as it is, not migrated.
        let old = try LinkStore(workspace: workspace.path, readOnly: true)
        #expect(try old.links().map { "\($0.sourceID)→\($0.targetID) \($0.how)" } == ["007→u-2 receipt", "1→100 merge 1"])
        #expect(try old.baselines() == [
            LinkStore.StoredBaseline(flow: flow, sourceID: "1", targetID: "100", property: "email -> email", digest: ByteHash.hash("kari@example.no"))
        ])
        let untouched = try old.pool.read { db in try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE name = 'baseline'") }
        #expect(untouched == true, "a read-only open changes nothing")

        let store = try LinkStore(workspace: workspace.path)
        #expect(try store.links().map { "\($0.sourceID)→\($0.targetID) \($0.how) \($0.since ?? "")" } == [
            "1→100 merge 1 2026-01-01T00:00:00Z", "007→u-2 receipt 2026-02-01T00:00:00Z",
        ])
        #expect(try store.baselines() == [
            LinkStore.StoredBaseline(flow: flow, sourceID: "1", targetID: "100", property: "email -> email", digest: ByteHash.hash("kari@example.no"))
        ])
        let tables = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("baseline") && !tables.contains("link_v3"), "the text tables are gone: \(tables)")
    }

    /// What issue 17 asks of state at scale, in bytes rather than seconds: a link with one
    /// baseline, ids like the exports', takes well under 50 bytes of the file.
    @Test func aLinkWithItsBaselineTakesFewBytes() throws {
        let workspace = try Workspace()
        let store = try LinkStore(workspace: workspace.path)
        let count = 20_000
        let links = (0..<count).map { (index: Int) -> RememberedLink in
            RememberedLink(flow: flow, sourceID: String(10_000_000 + index), targetID: String(37_000_000_000 + 7 * index), how: "merge 1")
        }
        let baselines = links.map {
            LinkStore.StoredBaseline(
                flow: flow, sourceID: $0.sourceID, targetID: $0.targetID, property: "emailAddress -> email",
                digest: ByteHash.hash("person.\($0.sourceID)@example.no"))
        }
        try store.update(links: links, baselines: baselines, forgetting: [])
        _ = try store.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        let bytes = try FileManager.default.attributesOfItem(atPath: store.path)[.size] as! Int
        #expect(bytes < count * 50, "\(bytes) bytes for \(count) links")
        #expect(try store.baselines().count == count)
    }
}

@Suite struct FirstStateTests {
    let flow = "po.Contactperson -> zd.Users"

    @Test func aFirstStateIsMadeAsideAndPutInPlaceWhole() throws {
        let workspace = try LinkStoreTests.Workspace()
        try FileManager.default.createDirectory(atPath: workspace.path + "/.offsync", withIntermediateDirectories: true)
        let changes = LinkStore.Changes(
            links: [.init(flow: flow, sourceID: "1", targetID: "100", how: "merge 1")],
            baselines: [.init(flow: flow, sourceID: "1", targetID: "100", property: "email -> email", digest: 7)], forgetting: [])
        let first = try LinkStore.FirstState.make(workspace: workspace.path, changes: changes)
        #expect(!FileManager.default.fileExists(atPath: workspace.path + "/.offsync/state.sqlite"), "nothing in place before install")
        try first.install(publishing: LinkStore.PendingOutput(staging: "/tmp/s", destination: "/tmp/d"))
        #expect(!FileManager.default.fileExists(atPath: first.folder))
        let store = try LinkStore(workspace: workspace.path, readOnly: true)
        #expect(try store.links().map(\.targetID) == ["100"])
        #expect(try store.baselines().map(\.digest) == [7])
        #expect(try store.pendingOutputs() == [LinkStore.PendingOutput(staging: "/tmp/s", destination: "/tmp/d")])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aFirstStateNeverReplacesOneMadeMeanwhile() throws {
        let workspace = try LinkStoreTests.Workspace()
        try FileManager.default.createDirectory(atPath: workspace.path + "/.offsync", withIntermediateDirectories: true)
        let first = try LinkStore.FirstState.make(workspace: workspace.path, changes: LinkStore.Changes(links: [], baselines: [], forgetting: []))
        try Data("not ours".utf8).write(to: URL(fileURLWithPath: workspace.path + "/.offsync/state.sqlite"))
        #expect(throws: (any Error).self) { try first.install(publishing: .init(staging: "s", destination: "d")) }
        #expect(try String(contentsOfFile: workspace.path + "/.offsync/state.sqlite", encoding: .utf8) == "not ours")
        first.discard()
        #expect(!FileManager.default.fileExists(atPath: first.folder))
    }

    @Test func foldersOfDeadRunsAreRemovedUnderTheLock() throws {
        let workspace = try LinkStoreTests.Workspace()
        let abandoned = workspace.path + "/.offsync/state.partial-999999"
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: abandoned + "/state.sqlite"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: workspace.path + "/.offsync/lock"))
        LinkStore.FirstState.removeAbandoned(workspace: workspace.path)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: workspace.path + "/.offsync/lock"))
    }
}

extension LinkStoreTests {
    @Test("rows named by record number are written by source id whatever their order; of one source id, the lower record number's link is kept")
    func rowsByRecordNumber() throws {
        let workspace = try Workspace()
        let store = try LinkStore(workspace: workspace.path)
        // Record numbers out of id order ("10" sorts after "9" as an integer, "b" after the
        // integers); records 1 and 4 share the id "7": one source id, one link.
        let sources: [RecordID] = [.integer(10), .integer(7), .text("b"), .integer(9), .integer(7)]
        let targets: [RecordID] = (0..<5).map { .text("t\($0)") }
        var rows = LinkStore.Changes.FlowRows(
            name: flow, properties: ["email -> email", "name -> name"],
            sourceID: { sources[Int($0)] }, targetID: { targets[Int($0)] })
        for number: Int32 in [3, 2, 0, 4, 1] { rows.link(source: number, target: number, how: "merge 1") }
        rows.baseline(source: 1, target: 1, property: 1, digest: 11)
        rows.baseline(source: 4, target: 4, property: 0, digest: 44)
        rows.baseline(source: 2, target: 2, property: 0, digest: 22)
        rows.baseline(source: 0, target: 9, property: 0, digest: 99)
        try store.apply(LinkStore.Changes(flows: [rows], forgetting: []))

        let links = try store.links().map { "\($0.sourceID)>\($0.targetID)" }
        #expect(links == ["7>t1", "9>t3", "10>t0", "b>t2"], "by id; for \"7\" the link of the lower record number")
        let baselines = try store.baselines().map { "\($0.sourceID)>\($0.targetID) \($0.property)=\($0.digest)" }
        #expect(baselines == ["7>t1 name -> name=11", "b>t2 email -> email=22"], "only those of each link's own target")
    }
}
