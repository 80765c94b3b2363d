import Foundation
import OffsyncDiagnostics
import OffsyncSpec
import Testing

@testable import OffsyncIngest
@testable import OffsyncModel

@Suite("records read in hot loops: views and id tables")
struct RecordViewTests {
    /// JSON records (entries with paths) and CSV files of narrow and wide columns.
    func datasets() throws -> [Dataset] {
        let json = #"[{"id": 7, "name": "Kari", "n": 1.5, "ok": true, "gone": null, "o": {"a": [1, 2]}}, {"id": "007", "name": " Ola "},"#
            + #" {"id": true}, {"id": "-9223372036854775808", "name": ""}, {"id": "x-1", "extra": "e"}]"#
        let long = String(repeating: "w", count: 70_000)
        return [
            try loadDataset([("a.json", Array(json.utf8))]),
            try loadDataset([("b.csv", Array("id,name,city\n1,Kari,Oslo\n2,,Bergen\n03,Ola,\n".utf8))]),
            try loadDataset([("c.csv", Array("id,name\n1,\(long)\n2,short\n".utf8))]),
        ]
    }

    @Test("a view reads what its record reads, at every path, without a copy of the record")
    func viewsAgree() throws {
        for dataset in try datasets() {
            let paths = (0..<Int32(dataset.paths.names.count)) + [-1, Int32(dataset.paths.names.count) + 5]
            dataset.records.withUnsafeBufferPointer { records in
                for index in records.indices {
                    let view = records.view(index)
                    view.prefetchEntries()
                    for path in paths {
                        view.prefetchValue(at: path)
                        #expect(view.value(at: path) == records[index].value(at: path), "record \(index) path \(path)")
                        let viewed = view.withValueBytes(at: path) { $0.map(Array.init) }
                        #expect(viewed == records[index].withValueBytes(at: path) { $0.map(Array.init) })
                    }
                }
            }
        }
    }

    @Test("an id table gives each record's id as state keys it, integers or not")
    func idTable() throws {
        for dataset in try datasets() {
            let table = RecordIDTable(dataset.records)
            for index in dataset.records.indices {
                #expect(table[Int32(index)] == dataset.records[index].idKey, "\(dataset.records[index].id)")
            }
        }
        // Text ids, a JSON true, and the one integer the table marks others with.
        let records = try datasets()[0].records
        let table = RecordIDTable(records)
        #expect(records.indices.map { table[Int32($0)] } == [.integer(7), .text("007"), .text("true"), .integer(.min), .text("x-1")])
    }
}
