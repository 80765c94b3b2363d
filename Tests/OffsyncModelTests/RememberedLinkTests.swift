import OffsyncModel
import Testing

@Suite("remembered links keep ids as state keys them")
struct RememberedLinkTests {
    @Test("an id's text comes back exactly as given, integer or not, and equal texts are equal links")
    func idsRoundTrip() {
        for id in ["7", "007", "-0", "-42", "9223372036854775807", "92233720368547758070", "abc", " x", "true", "kåre"] {
            let link = RememberedLink(flow: "a -> b", sourceID: id, targetID: id + "1")
            #expect(link.sourceID == id)
            #expect(link.targetID == id + "1")
            #expect(link == RememberedLink(flow: "a -> b", sourceKey: RecordID(id), targetKey: RecordID(id + "1")))
        }
        // Keyed as integers only where the text is the integer's own spelling.
        #expect(RememberedLink(flow: "f", sourceID: "7", targetID: "x").sourceKey == .integer(7))
        #expect(RememberedLink(flow: "f", sourceID: "007", targetID: "x").sourceKey == .text("007"))
        #expect(RememberedLink(flow: "f", sourceID: "7", targetID: "x") != RememberedLink(flow: "f", sourceID: "007", targetID: "x"))
        var link = RememberedLink(flow: "f", sourceID: "1", targetID: "2")
        link.targetID = "0042"
        #expect(link.targetKey == .text("0042") && link.targetID == "0042")
    }
}
