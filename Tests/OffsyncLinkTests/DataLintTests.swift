import Foundation
import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import Testing

@testable import OffsyncLink

@Suite("lint on the exports")
struct DataLintTests {
    /// Datasets of system `a` written as JSON and read through the real loader.
    static func datasets(contacts: [(id: Int, name: String, partyId: String)], customers: Int) throws -> [DatasetKey: Dataset] {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("offsync-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let people = contacts.map { #"{"id":\#($0.id),"name":"\#($0.name)","partyId":"\#($0.partyId)"}"# }
        try ("[" + people.joined(separator: ",") + "]").write(toFile: folder + "/contacts.json", atomically: true, encoding: .utf8)
        try ("[" + (0..<customers).map { #"{"id":\#(900_000 + $0)}"# }.joined(separator: ",") + "]")
            .write(toFile: folder + "/customers.json", atomically: true, encoding: .utf8)
        var loader = DatasetLoader(root: folder)
        let loaded = try loader.load([
            DatasetSpec(key: DatasetKey(system: "a", entity: "Contact"), files: ["contacts.json"], id: "id"),
            DatasetSpec(key: DatasetKey(system: "a", entity: "Customer"), files: ["customers.json"], id: "id"),
            DatasetSpec(key: DatasetKey(system: "b", entity: "User"), files: ["contacts.json"], id: "id"),
        ])
        return Dictionary(uniqueKeysWithValues: loaded.map { ($0.key, $0) })
    }

    static let flow = BoundFlow(
        flow: Flow(
            source: EntityName(system: "a", entity: "Contact"), target: EntityName(system: "b", entity: "User"),
            linking: .every, properties: [PropertyMapping(source: "name", target: "name"), PropertyMapping(source: "partyId", target: "org")],
            location: .init(file: "t.rst")),
        source: DatasetKey(system: "a", entity: "Contact"), target: DatasetKey(system: "b", entity: "User"),
        references: [:], document: nil)

    static func suggestions(idShare: Double, records: Int = 5000) throws -> [String] {
        let contacts = (0..<records).map { index in
            // Every value distinct; the first `idShare` of them are customers' ids.
            let isID = Double(index) < idShare * Double(records)
            return (id: index, name: "Person \(index)", partyId: isID ? String(900_000 + index) : "P-\(index)")
        }
        let lint = DataLint(datasets: try datasets(contacts: contacts, customers: records))
        return lint.findings(for: [flow]).filter { $0.code == .reference }.map(\.message)
    }

    @Test("a mapped property whose values are mostly ids of another dataset is named, at any size")
    func undeclaredReference() throws {
        #expect(try Self.suggestions(idShare: 0.9) == [
            "a.Contact -> b.User: 4500 of 5000 values of 'partyId' are ids of a.Customer; declare `references: { partyId: Customer }` so they are translated through the links instead of copied raw"
        ])
        #expect(try Self.suggestions(idShare: 0.9, records: 40).count == 1, "small datasets are counted whole")
    }

    @Test("a merge property empty in more than half the records is named; null, missing and blank count as empty")
    func mostlyEmptyMergeProperty() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("offsync-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func lint(_ emails: [String]) throws -> [String] {
            let records = emails.enumerated().map { #"{"id":\#($0)\#($1)}"# }
            try ("[" + records.joined(separator: ",") + "]").write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
            try #"[{"id":"u1","mail":"x@y.no"}]"#.write(toFile: folder + "/b.json", atomically: true, encoding: .utf8)
            var loader = DatasetLoader(root: folder)
            let loaded = try loader.load([
                DatasetSpec(key: DatasetKey(system: "a", entity: "Contact"), files: ["a.json"], id: "id"),
                DatasetSpec(key: DatasetKey(system: "b", entity: "User"), files: ["b.json"], id: "id"),
            ])
            var flow = Self.flow
            flow.flow.linking = .merge([MergeCombination(pairs: [PropertyPair(source: "email", target: "mail")])])
            return DataLint(datasets: Dictionary(uniqueKeysWithValues: loaded.map { ($0.key, $0) }))
                .findings(for: [flow]).map(\.message).filter { $0.contains("empty values never link") }
        }
        let real = [#","email":"kari@x.no""#, #","email":true"#, #","email":" ola@x.no ""#, #","email":7"#]
        let empty = [#","email":null"#, #","email":"""#, #","email":" \t ""#, ""]
        #expect(try lint(real + empty + [#","email":"""#, #","email":null"#]) == [
            "a.Contact -> b.User: merge property 'email' is empty in 6 of 10 a.Contact records; empty values never link"
        ])
        #expect(try lint(real + empty).isEmpty, "half is not more than half")
    }

    @Test("a property whose sample looks like references but whose values are not mostly ids is not named")
    func sampledButNotEnough() throws {
        // Past the sample's half share, short of the exact count's 80%.
        #expect(try Self.suggestions(idShare: 0.6).isEmpty)
        #expect(try Self.suggestions(idShare: 0).isEmpty)
    }
}
