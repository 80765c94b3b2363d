import OffsyncModel
import OffsyncSpec

/// Conditional creations: a source record of a conditional flow that nothing links becomes a
/// create only when a record of a connected dataset names it and is itself synchronized into
/// the flow's target system in this plan; otherwise it stays unmatched, as `not_connected`.
extension Identities {
    /// Decides the conditional flows' creates, each after the flows that synchronize its
    /// connected records (the spec refuses cycles), so chains of conditions resolve in order.
    static func applyConditions(_ all: inout [FlowLinks], datasets: [DatasetKey: Dataset]) {
        var decided = Set<Int>()
        func decide(_ index: Int) {
            guard decided.insert(index).inserted, let condition = all[index].flow.condition else { return }
            for other in all.indices where all[index].flow.waits(on: all[other].flow) { decide(other) }
            let flow = all[index].flow
            let source = datasets[flow.source]!
            var connected = Flags(count: source.records.count)
            for connection in condition.connections {
                let ids = namedIDs(connection, into: flow.target.system, all, datasets: datasets).map(\.named)
                for number in source.recordNumbers(ofIDs: ids) { if let number { connected.insert(number) } }
            }
            var creates: [Int] = [], notConnected: [Int] = []
            for s in all[index].unmatchedSource {
                if connected.contains(s) { creates.append(s) } else { notConnected.append(s) }
            }
            all[index].creates += creates
            all[index].creates.sort()
            all[index].unmatchedSource = notConnected
        }
        for index in all.indices { decide(index) }
    }

    /// The records of `connection`'s dataset synchronized into `system` (linked or created by a
    /// flow from that dataset into the system), with the id each names in its connection
    /// property.
    static func namedIDs(
        _ connection: CreationCondition.Connection, into system: String, _ all: [FlowLinks], datasets: [DatasetKey: Dataset]
    ) -> [(record: Int, named: String)] {
        let dataset = datasets[connection.dataset]!
        var synced = Flags(count: dataset.records.count)
        for links in all where links.flow.source == connection.dataset && links.flow.target.system == system {
            for pair in links.pairs { synced.insert(pair.source) }
            for create in links.creates { synced.insert(create) }
        }
        return dataset.records.indices.compactMap { c in
            guard synced.contains(c), let text = dataset.value(dataset.records[c], connection.property)?.text, !text.isEmpty else { return nil }
            return (c, text)
        }
    }

    /// For `explain`: each record of a connected dataset that names source record `index`, and
    /// whether it is synchronized into the flow's target system.
    func connectedRecords(of index: Int, in links: FlowLinks, datasets: [DatasetKey: Dataset]) -> [(dataset: DatasetKey, id: String, synchronized: Bool)] {
        guard let condition = links.flow.condition else { return [] }
        let id = datasets[links.flow.source]!.records[index].id
        var found: [(dataset: DatasetKey, id: String, synchronized: Bool)] = []
        for connection in condition.connections {
            let dataset = datasets[connection.dataset]!
            let synced = Set(Self.namedIDs(connection, into: links.flow.target.system, flows, datasets: datasets).map(\.record))
            for (c, record) in dataset.records.enumerated() where dataset.value(record, connection.property)?.text == id {
                found.append((connection.dataset, record.id, synced.contains(c)))
            }
        }
        return found
    }
}
