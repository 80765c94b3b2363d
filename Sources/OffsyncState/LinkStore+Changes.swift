import Foundation
import GRDB
import OffsyncDiagnostics
import OffsyncModel

extension LinkStore {
    /// A run's change to state, sorted and grouped before the database is touched, so that a
    /// run can make it on the second core while it writes its outputs; `apply` then only
    /// inserts. Rows are in key order (flow, then source id): each insert lands at the end of
    /// the table's B-tree or on the page the last one touched.
    public struct Changes: Sendable {
        /// Each flow once, by name; its links and baselines each sorted by source id (stably:
        /// the first link made for a source record is the one kept).
        var flows: [FlowRows] = []
        var forgetting: [(flow: String, source: RecordID)] = []

        /// One flow's new links and advanced baselines, in any order. Rows name records by
        /// number; their ids are asked of `sourceID` and `targetID` only while the rows are
        /// sorted and written, so that rows hold no id, name or property of their own.
        public struct FlowRows: Sendable {
            public var name: String
            /// The id of the source or target record a row names by number.
            let sourceID: @Sendable (Int32) -> RecordID
            let targetID: @Sendable (Int32) -> RecordID
            /// The names a baseline row's `property` numbers.
            let properties: [String]
            /// The names a link row's `how` numbers, in the order they were first met.
            private(set) var hows: [String] = []
            var links: [Link] = []
            var baselines: [Baseline] = []

            struct Link {
                var source: Int32
                var target: Int32
                var how: Int32
            }

            struct Baseline {
                var source: Int32
                var target: Int32
                var property: Int32
                var digest: UInt64
            }

            public init(
                name: String, properties: [String],
                sourceID: @escaping @Sendable (Int32) -> RecordID, targetID: @escaping @Sendable (Int32) -> RecordID
            ) {
                self.name = name
                self.properties = properties
                self.sourceID = sourceID
                self.targetID = targetID
            }

            /// Room for `links` link rows and `baselines` baseline rows more.
            public mutating func reserve(links: Int, baselines: Int) {
                self.links.reserveCapacity(self.links.count + links)
                self.baselines.reserveCapacity(self.baselines.count + baselines)
            }

            public mutating func link(source: Int32, target: Int32, how: String) {
                // A handful of names ("merge 1", "correlation", ...): looked up in order.
                let index = hows.firstIndex(of: how) ?? { hows.append(how); return hows.count - 1 }()
                links.append(Link(source: source, target: target, how: Int32(index)))
            }

            /// A baseline of property number `property` (an index into `properties`).
            public mutating func baseline(source: Int32, target: Int32, property: Int32, digest: UInt64) {
                baselines.append(Baseline(source: source, target: target, property: property, digest: digest))
            }

            /// Each source record's place in id order (records of one id share it), by record
            /// number; -1 for a record no row names. Set by `sortBySource`.
            private(set) var sourceRank: [Int32] = []

            /// Both lists by source id, then record number, stably. Each source record's id is
            /// made once, to rank the records; rows then sort by integers. Exports mostly list
            /// records by id: then the ranks follow the numbers and no row moves.
            mutating func sortBySource() {
                let highest = max(links.lazy.map(\.source).max() ?? -1, baselines.lazy.map(\.source).max() ?? -1)
                var rank = [Int32](repeating: -1, count: Int(highest) + 1)
                for link in links { rank[Int(link.source)] = 0 }
                for baseline in baselines { rank[Int(baseline.source)] = 0 }
                // One pass when the records' numbers follow their ids, as they mostly do: no
                // list of ids is kept (this runs beside the plan, at the run's peak of memory).
                var previous: RecordID? = nil
                var place: Int32 = -1
                var inOrder = true
                for number in rank.indices where rank[number] == 0 {
                    let id = sourceID(Int32(number))
                    if let previous, id < previous {
                        inOrder = false
                        break
                    }
                    if previous != id { place += 1 }
                    rank[number] = place
                    previous = id
                }
                if !inOrder {
                    var named: [(id: RecordID, number: Int32)] = []
                    for number in rank.indices where rank[number] >= 0 { named.append((sourceID(Int32(number)), Int32(number))) }
                    named.sort { $0.id != $1.id ? $0.id < $1.id : $0.number < $1.number }
                    place = -1
                    for (index, record) in named.enumerated() {
                        if index == 0 || named[index - 1].id != record.id { place += 1 }
                        rank[Int(record.number)] = place
                    }
                }
                func sort<Row>(_ rows: inout [Row], _ number: (Row) -> Int32) {
                    func less(_ a: Row, _ b: Row) -> Bool {
                        let (x, y) = (number(a), number(b))
                        return rank[Int(x)] != rank[Int(y)] ? rank[Int(x)] < rank[Int(y)] : x < y
                    }
                    if !rows.indices.dropFirst().allSatisfy({ !less(rows[$0], rows[$0 - 1]) }) { rows.sort(by: less) }
                }
                sort(&links, \.source)
                sort(&baselines, \.source)
                sourceRank = rank
            }
        }

        /// New links (a link already known for a source record is kept), advanced baselines
        /// (kept only for their link's own target), and links whose records are both gone,
        /// dropped with their baselines.
        public init(links: [RememberedLink], baselines: [StoredBaseline], forgetting: [(flow: String, sourceID: String)]) {
            // Each flow's ids and property names in lists its rows number; one id, one number,
            // as a record has (a baseline counts for its link when their targets are equal).
            struct Flow {
                var sources: [RecordID] = [], targets: [RecordID] = [], properties: [String] = []
                var sourceNumbers: [String: Int32] = [:], targetNumbers: [String: Int32] = [:]
                var links: [(Int32, Int32, String)] = [], baselines: [(Int32, Int32, Int32, UInt64)] = []
                mutating func ids(_ source: String, _ target: String) -> (Int32, Int32) {
                    func number(_ id: String, _ numbers: inout [String: Int32], _ ids: inout [RecordID]) -> Int32 {
                        if let number = numbers[id] { return number }
                        ids.append(RecordID(id))
                        numbers[id] = Int32(ids.count - 1)
                        return Int32(ids.count - 1)
                    }
                    return (number(source, &sourceNumbers, &sources), number(target, &targetNumbers, &targets))
                }
            }
            var flows: [String: Flow] = [:]
            for link in links {
                let (s, t) = flows[link.flow, default: Flow()].ids(link.sourceID, link.targetID)
                flows[link.flow]!.links.append((s, t, link.how))
            }
            for item in baselines {
                let (s, t) = flows[item.flow, default: Flow()].ids(item.sourceID, item.targetID)
                let property = flows[item.flow]!.properties.firstIndex(of: item.property)
                    ?? { flows[item.flow]!.properties.append(item.property); return flows[item.flow]!.properties.count - 1 }()
                flows[item.flow]!.baselines.append((s, t, Int32(property), item.digest))
            }
            let rows = flows.map { name, flow in
                let sources = flow.sources, targets = flow.targets
                var rows = FlowRows(name: name, properties: flow.properties, sourceID: { sources[Int($0)] }, targetID: { targets[Int($0)] })
                for (s, t, how) in flow.links { rows.link(source: s, target: t, how: how) }
                for (s, t, property, digest) in flow.baselines { rows.baseline(source: s, target: t, property: property, digest: digest) }
                return rows
            }
            self.init(flows: rows, forgetting: forgetting)
        }

        /// The rows of every flow a run changed; a flow named twice is taken once, its first
        /// rows. The rows are sorted where they are (the caller hands them over), not copied.
        public init(flows rows: consuming [FlowRows], forgetting: [(flow: String, sourceID: String)]) {
            var seen = Set<String>()
            // Taken, not copied: a copy would share every list and make each sort copy it.
            var flows = consume rows
            flows.sort { $0.name < $1.name }
            for index in flows.indices where seen.insert(flows[index].name).inserted {
                flows[index].sortBySource()
                self.flows.append(flows[index])
                // The rows now belong to `self.flows` alone.
                flows[index].links = []
                flows[index].baselines = []
            }
            self.forgetting = forgetting.map { ($0.flow, RecordID($0.sourceID)) }
        }
    }

    /// Remembers new links in one transaction; a link already known for a source record is kept.
    public func remember(_ links: [RememberedLink], since: Date = Date()) throws(OffsyncError) {
        try apply(Changes(links: links, baselines: [], forgetting: []), since: since)
    }

    /// A run's whole change to state (`Changes`), in one transaction.
    public func update(
        links: [RememberedLink], baselines: [StoredBaseline], forgetting: [(flow: String, sourceID: String)],
        publishing: PendingOutput? = nil, since: Date = Date()
    ) throws(OffsyncError) {
        try apply(Changes(links: links, baselines: baselines, forgetting: forgetting), publishing: publishing, since: since)
    }

    /// Makes a run's change in one transaction. `publishing` is recorded in the same
    /// transaction: the output folder that goes with it.
    public func apply(_ changes: Changes, publishing: PendingOutput? = nil, since: Date = Date()) throws(OffsyncError) {
        let stamp = ISO8601DateFormatter().string(from: since)
        do {
            try pool.write { db in
                try Self.insert(changes, into: db, stamp: stamp)
                if let publishing {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO pending_output (staging, destination) VALUES (?, ?)",
                        arguments: [publishing.staging, publishing.destination])
                }
            }
        } catch {
            throw OffsyncError(.io, "cannot write state: \(error)", at: SourceLocation(file: path))
        }
    }

    /// Writes `changes` as a new run stamped `stamp`, inside the caller's transaction.
    static func insert(_ changes: Changes, into db: Database, stamp: String) throws {
        var flows = try NameTable(db, table: "flow")
        var properties = try NameTable(db, table: "property")
        var hows = try NameTable(db, table: "how")
        try db.execute(sql: "INSERT INTO run (at) VALUES (?)", arguments: [stamp])
        let run = db.lastInsertedRowID

        let insert = try RawStatement(db, sql: """
            INSERT INTO link (flow, source_id, target_id, how, run, baselines) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (flow, source_id) DO NOTHING
            """)
        let select = try RawStatement(db, sql: "SELECT target_id, baselines FROM link WHERE flow = ? AND source_id = ?")
        let change = try RawStatement(db, sql: "UPDATE link SET baselines = ? WHERE flow = ? AND source_id = ?")
        var blob: [UInt8] = []
        var seen: [Int64] = []
        for rows in changes.flows {
            let flow = try flows.id(db, rows.name)
            let howIDs = try rows.hows.map { name throws in try hows.id(db, name) }
            var propertyIDs = [Int64?](repeating: nil, count: rows.properties.count)
            func propertyID(_ index: Int32) throws -> Int64 {
                if let id = propertyIDs[Int(index)] { return id }
                let id = try properties.id(db, rows.properties[Int(index)])
                propertyIDs[Int(index)] = id
                return id
            }
            let fresh = rows.links, advanced = rows.baselines, rank = rows.sourceRank
            var l = 0, b = 0
            // Both lists walked together, one source record at a time (by rank: its id is
            // made once, for the rows of that record).
            while l < fresh.count || b < advanced.count {
                let linkRank = l < fresh.count ? rank[Int(fresh[l].source)] : .max
                let baselineRank = b < advanced.count ? rank[Int(advanced[b].source)] : .max
                let current = min(linkRank, baselineRank)
                let source = rows.sourceID(linkRank == current ? fresh[l].source : advanced[b].source)
                let first = b
                while b < advanced.count, rank[Int(advanced[b].source)] == current { b += 1 }
                let digests = advanced[first..<b]
                var link: Changes.FlowRows.Link?
                while l < fresh.count, rank[Int(fresh[l].source)] == current {
                    if link == nil { link = fresh[l] }
                    l += 1
                }
                if let link {
                    blob.removeAll(keepingCapacity: true)
                    seen.removeAll(keepingCapacity: true)
                    // The last digest of a property wins, as an update of it would.
                    for item in digests.reversed() where item.target == link.target {
                        let property = try propertyID(item.property)
                        guard !seen.contains(property) else { continue }
                        seen.append(property)
                        BaselineBlob.append(property, item.digest, to: &blob)
                    }
                    insert.bind(1, flow)
                    insert.bind(2, source)
                    insert.bind(3, rows.targetID(link.target))
                    insert.bind(4, howIDs[Int(link.how)])
                    insert.bind(5, run)
                    insert.bind(6, blob: blob)
                    try insert.run()
                    if insert.changes == 1 { continue }
                }
                // Baselines of a link already stored: merged into its blob.
                guard !digests.isEmpty else { continue }
                select.bind(1, flow)
                select.bind(2, source)
                guard try select.step() else { continue }
                let target = select.id(0)
                var items = try BaselineBlob.decode(select.blob(1))
                select.reset()
                var changed = false
                for item in digests where rows.targetID(item.target) == target {
                    changed = BaselineBlob.set(try propertyID(item.property), item.digest, in: &items) || changed
                }
                guard changed else { continue }
                change.bind(1, blob: BaselineBlob.encode(items))
                change.bind(2, flow)
                change.bind(3, source)
                try change.run()
            }
        }

        let drop = try db.makeStatement(sql: "DELETE FROM link WHERE flow = ? AND source_id = ?")
        for item in changes.forgetting {
            guard let flow = flows.ids[item.flow] else { continue }
            try drop.execute(arguments: [flow, item.source.databaseValue])
        }
    }
}
