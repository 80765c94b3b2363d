import OffsyncEmit
import OffsyncSpec
import Testing

@Suite("the JSON form of a dataflow document (spec convert --json)")
struct SpecJSONTests {
    static let text = """
        ==========================
        Powerofficego to  Dataflow
        ==========================

        Generated: 2023-11-29 23:37:14

        Introduction.
        ------------

        Intro.

        Powerofficego Contactperson to  Users
        -------------------------------------
        Before any synchronization can take place, a link between a Powerofficego Contactperson and a  Users must be established.

        A Powerofficego Contactperson will merge with a  Users if one of the following property combinations match:

        .. list-table::
           :header-rows: 1

           * - Powerofficego Contactperson Property
             -  Users Property
           * - emailAddress
             - profile.email.email

        Once a link between a Powerofficego Contactperson and a  Users is established, it will keep in sync between the two systems, regardless of where it is edited.

        The following properties are synchronized between a Powerofficego Contactperson and a  Users:

        .. list-table::
           :header-rows: 1

           * - Powerofficego Contactperson Property
             -  Users Property
             -  Data Type
           * - emailAddress
             - profile.email
             - "string"

        """

    @Test("names, linking, merge rows and properties come out in a fixed key order with their lines")
    func stableForm() {
        let json = DataflowDocument(reading: Self.text, path: "seed.txt").jsonValue().serialized()
        #expect(json == #"""
            {"file":"seed.txt","source_system":"Powerofficego","target_system":"","generated":"2023-11-29 23:37:14","flows":[{"line":12,"source":{"system":"Powerofficego","entity":"Contactperson"},"target":{"system":"","entity":"Users"},"linking":"merge","every":false,"merge":[{"line":23,"properties":[{"source":"emailAddress","target":"profile.email.email"}]}],"sync_condition":null,"conditional_creations":[],"creates_when_unmatched":[],"merges_with_existing":[],"properties":[{"line":36,"source":"emailAddress","target":"profile.email","data_type":"\"string\""}]}],"unparsed":[]}
            """#)
    }

    @Test("a sentence the reader does not know is listed with its line")
    func unparsedListed() {
        let text = Self.text.replacingOccurrences(of: "Once a link", with: "Sometimes a link")
        let json = DataflowDocument(reading: text, path: "seed.txt").jsonValue().serialized()
        #expect(json.hasSuffix(#""unparsed":[{"line":26,"message":"unrecognised sentence: Sometimes a link between a Powerofficego Contactperson and a  Users is established, it will keep in sync between the two systems, regardless of where it is edited."}]}"#))
    }
}
