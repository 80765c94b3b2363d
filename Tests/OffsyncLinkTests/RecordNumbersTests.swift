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

    @Test("integer ids asked for find their records among text ids too, repeated or unknown, in any order")
    func integersOnly() throws {
        var fixture = Fixture()
        let people = try fixture.dataset(
            "a", "Person", #"[{"id":30},{"id":"x-2"},{"id":7},{"id":"007"},{"id":-5},{"id":12},{"id":9223372036854775807}]"#)
        let ids = ["12", "-5", "30", "8", "7", "12", "9223372036854775807", "-9223372036854775808"]
        let numbers = people.recordNumbers(ofIDs: ids)
        #expect(numbers.map { $0.map { people.records[$0].id } } == ["12", "-5", "30", nil, "7", "12", "9223372036854775807", nil])
    }
}
