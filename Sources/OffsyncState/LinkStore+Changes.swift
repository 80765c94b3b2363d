import Foundation
import GRDB
import OffsyncDiagnostics

extension LinkStore {
    /// A run's change to state, sorted and grouped before the database is touched, so that a
    /// run can make it on the second core while it writes its outputs; `apply` then only
    /// inserts. Rows are in key order (flow, then source id): each insert lands at the end of
    /// the table's B-tree or on the page the last one touched.
    public struct Changes: Sendable {
        public struct Item: Sendable {
            var target: StoredID
            var property: String
            var digest: UInt64
        }

        /// Each flow once, by name; its links and baselines each sorted by source id (stably:
        /// the first link made for a source record is the one kept).
        var flows: [FlowRows] = []
        var forgetting: [(flow: String, source: StoredID)] = []

        /// One flow's new links and advanced baselines, in any order.
        public struct FlowRows: Sendable {
            public var name: String
            public var links: [(source: StoredID, target: StoredID, how: String)] = []
            public var baselines: [(source: StoredID, item: Item)] = []

            public init(name: String) { self.name = name }

            public mutating func link(source: StoredID, target: StoredID, how: String) { links.append((source, target, how)) }

            public mutating func baseline(source: StoredID, target: StoredID, property: String, digest: UInt64) {
                baselines.append((source, Item(target: target, property: property, digest: digest)))
            }
        }

        /// New links (a link already known for a source record is kept), advanced baselines
        /// (kept only for their link's own target), and links whose records are both gone,
        /// dropped with their baselines.
        public init(links: [StoredLink], baselines: [StoredBaseline], forgetting: [(flow: String, sourceID: String)]) {
            var flows: [String: FlowRows] = [:]
            for link in links {
                flows[link.flow, default: FlowRows(name: link.flow)].link(source: StoredID(link.sourceID), target: StoredID(link.targetID), how: link.how)
            }
            for item in baselines {
                flows[item.flow, default: FlowRows(name: item.flow)].baseline(
                    source: StoredID(item.sourceID), target: StoredID(item.targetID), property: item.property, digest: item.digest)
            }
            self.init(flows: Array(flows.values), forgetting: forgetting)
        }

        /// The rows of every flow a run changed; a flow named twice is taken once, its first
        /// rows. The rows are sorted where they are (the caller hands them over), not copied.
        public init(flows: consuming [FlowRows], forgetting: [(flow: String, sourceID: String)]) {
            var seen = Set<String>()
            var flows = flows
            flows.sort { $0.name < $1.name }
            for index in flows.indices where seen.insert(flows[index].name).inserted {
                var flow = FlowRows(name: flows[index].name)
                swap(&flow, &flows[index])
                // Stable sorts: the pipeline's order is close to the key's already.
                flow.links.sort { $0.source < $1.source }
                flow.baselines.sort { $0.source < $1.source }
                self.flows.append(flow)
            }
            self.forgetting = forgetting.map { ($0.flow, StoredID($0.sourceID)) }
        }
    }

    /// Remembers new links in one transaction; a link already known for a source record is kept.
    public func remember(_ links: [StoredLink], since: Date = Date()) throws(OffsyncError) {
        try apply(Changes(links: links, baselines: [], forgetting: []), since: since)
    }

    /// A run's whole change to state (`Changes`), in one transaction.
    public func update(
        links: [StoredLink], baselines: [StoredBaseline], forgetting: [(flow: String, sourceID: String)],
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
                    let fresh = rows.links, advanced = rows.baselines
                    var l = 0, b = 0
                    // Both lists walked together, one source id at a time.
                    while l < fresh.count || b < advanced.count {
                        let source = l < fresh.count && (b == advanced.count || !(advanced[b].source < fresh[l].source))
                            ? fresh[l].source : advanced[b].source
                        let first = b
                        while b < advanced.count, advanced[b].source == source { b += 1 }
                        let digests = advanced[first..<b].lazy.map(\.item)
                        var link: (target: StoredID, how: String)?
                        while l < fresh.count, fresh[l].source == source {
                            if link == nil { link = (fresh[l].target, fresh[l].how) }
                            l += 1
                        }
                        if let link {
                            blob.removeAll(keepingCapacity: true)
                            seen.removeAll(keepingCapacity: true)
                            // The last digest of a property wins, as an update of it would.
                            for item in digests.reversed() where item.target == link.target {
                                let property = try properties.id(db, item.property)
                                guard !seen.contains(property) else { continue }
                                seen.append(property)
                                BaselineBlob.append(property, item.digest, to: &blob)
                            }
                            insert.bind(1, flow)
                            insert.bind(2, source)
                            insert.bind(3, link.target)
                            insert.bind(4, try hows.id(db, link.how))
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
                        for item in digests where item.target == target {
                            changed = BaselineBlob.set(try properties.id(db, item.property), item.digest, in: &items) || changed
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
                if let publishing {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO pending_output (staging, destination) VALUES (?, ?)",
                        arguments: [publishing.staging, publishing.destination])
                }
            }
        } catch {
            throw OffsyncError.badInput("cannot write state: \(error)", at: SourceLocation(file: path))
        }
    }
}
