import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import Testing

@testable import OffsyncLink

@Suite("records found by id for many ids at once")
struct RecordNumbersTests {
    @Test("each id finds its record whatever the order of either list; an unknown id finds none")
    func findsInAnyOrder() throws {
        var fixture = Fixture()
        // Out of order, numbers and text mixed, and "007" (text) beside 7 (a number).
        let people = try fixture.dataset(
            "a", "Person", #"[{"id":30},{"id":"x-2"},{"id":7},{"id":"007"},{"id":-5},{"id":"b"},{"id":12}]"#)
        let ids = ["12", "007", "missing", "30", "7", "b", "-5", "x-2", "8", "12"]
        let numbers = people.recordNumbers(ofIDs: ids)
        #expect(numbers.map { $0.map { people.records[$0].id } } == ["12", "007", nil, "30", "7", "b", "-5", "x-2", nil, "12"])
        #expect(people.recordNumbers(ofIDs: []).isEmpty)
    }
}
