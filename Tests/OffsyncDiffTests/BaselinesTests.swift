import Testing

@testable import OffsyncDiff

@Suite("baselines by remembered link")
struct BaselinesTests {
    @Test("each link keeps its own digests, whatever the order they come in")
    func digestsByLink() {
        var baselines = Baselines()
        baselines.insert(link: 3, property: "email -> email", digest: 30)
        baselines.insert(link: 1, property: "email -> email", digest: 10)
        // Link 3 again after link 1: its digests move to the end, where they can grow.
        baselines.insert(link: 3, property: "name -> name", digest: 31)
        baselines.insert(link: 1, property: "email -> email", digest: 11)
        let email = baselines.propertyID("email -> email"), name = baselines.propertyID("name -> name")
        #expect(baselines.digest(link: 3, property: email) == 30)
        #expect(baselines.digest(link: 3, property: name) == 31)
        #expect(baselines.digest(link: 1, property: email) == 11, "a later digest of a property replaces the earlier")
        #expect(baselines.digest(link: 1, property: name) == nil)
        #expect(baselines.digest(link: 0, property: email) == nil, "a link without baselines has none")
        #expect(baselines.digest(link: 7, property: email) == nil, "nor has a link past the last")
        #expect(baselines.digest(link: nil, property: email) == nil, "nor a link made this run")
        #expect(baselines.propertyID("phone -> phone") == nil)
    }
}
