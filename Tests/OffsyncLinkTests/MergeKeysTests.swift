import OffsyncIngest
import OffsyncModel
import OffsyncSpec
import Testing

@testable import OffsyncLink

@Suite("merge keys live as long as the linking")
struct MergeKeyLifetimeTests {
    @Test("a key column and its table are freed once nothing links with them")
    func columnIsFreed() throws {
        var fixture = Fixture()
        let people = try fixture.dataset("a", "Person", #"[{"id":1,"email":"kari@eksempel.no"},{"id":2,"email":"ola@eksempel.no"}]"#)
        let users = try fixture.dataset("b", "User", #"[{"id":"u1","mail":"KARI@eksempel.no"}]"#)
        weak var column: MergeKeyColumn?
        do {
            let keys = MergeKeyColumns()
            let links = Linker(flow: Fixture.flow(merge: [[("email", "mail")]]), source: people, target: users, keys: keys).link()
            #expect(links.pairs.count == 1)
            column = MergeKeys(users, combinations: [MergeCombination(pairs: [PropertyPair(source: "email", target: "mail")])],
                               side: \.target, comparison: Fixture.flow(merge: [[("email", "mail")]]).comparison, shared: keys).columns[0]
            #expect(column?.table.records(matching: column!.keys, 0, where: { _ in true }) == [0], "the table of the column linking made")
        }
        #expect(column == nil, "a column and its table held each other: every column lived to the end of the run")
    }
}
