import Foundation
import OffsyncSpec
import Testing

/// The five seeds are the specification: each flow is held against what its section says,
/// written out here by hand from the seed texts (copies in `Tests/Fixtures/seeds`).
@Suite("the seeds, flow by flow")
struct SeedDocumentTests {
    /// One flow as the seed states it: heading line, both entity names, merge rows, whether
    /// every record syncs, and each property row as `source -> target type @line`.
    struct Stated {
        var line: Int
        var source: (String, String)
        var target: (String, String)
        var merge: [String] = []
        var every: Bool
        var properties: [String] = []
    }

    static func seed(_ prefix: String) throws -> DataflowDocument {
        let url = RepositoryPaths.seed(prefix)
        return DataflowDocument(reading: try String(contentsOf: url, encoding: .utf8), path: url.path)
    }

    static func expect(_ document: DataflowDocument, title: (String, String), generated: String, _ stated: [Stated]) {
        #expect(document.unparsed.isEmpty)
        #expect(document.sourceSystem == title.0)
        #expect(document.targetSystem == title.1)
        #expect(document.generated == generated)
        #expect(document.flows.count == stated.count)
        for (flow, want) in zip(document.flows, stated) {
            let name = "flow at line \(want.line)"
            #expect(flow.location.line == want.line, "\(name)")
            #expect(flow.source == EntityName(system: want.source.0, entity: want.source.1), "\(name)")
            #expect(flow.target == EntityName(system: want.target.0, entity: want.target.1), "\(name)")
            let merge = flow.mergeCombinations.map { row in
                row.pairs.map { "\($0.source) = \($0.target)" }.joined(separator: ", ") + " @\(row.location?.line ?? 0)"
            }
            #expect(merge == want.merge, "\(name)")
            #expect(flow.linking == (want.merge.isEmpty ? .every : flow.linking), "\(name)")
            #expect(flow.syncsEveryRecord == want.every, "\(name)")
            #expect(flow.syncCondition == nil && flow.conditionalCreations.isEmpty, "\(name)")
            #expect(flow.createsWhenUnmatched.isEmpty && flow.mergesWithExisting.isEmpty, "\(name)")
            let properties = flow.properties.map { "\($0.source) -> \($0.target) \($0.dataType ?? "-") @\($0.location?.line ?? 0)" }
            #expect(properties == want.properties, "\(name)")
        }
    }

    @Test("seed 000: blank title target, two merge flows into Users, four every-flows into YouTrack")
    func seed000() throws {
        Self.expect(try Self.seed("000"), title: ("Powerofficego", ""), generated: "2023-11-29 23:37:14", [
            Stated(line: 12, source: ("Powerofficego", "Contactperson"), target: ("", "Users"),
                   merge: ["emailAddress = profile.email.email @23"], every: false,
                   properties: [#"emailAddress -> profile.email "string" @36"#,
                                #"emailAddress -> profile.email.email "string" @39"#,
                                #"residenceCountryCode -> userType.id "string" @42"#]),
            Stated(line: 47, source: ("Powerofficego", "Customers person"), target: ("", "Users"),
                   merge: ["EmailAddress = profile.email.email @58"], every: false,
                   properties: [#"EmailAddress -> profile.email "string" @71"#,
                                #"MailAddress.CountryCode -> userType.id "string" @74"#]),
            Stated(line: 79, source: ("Powerofficego", "Currency"), target: ("YouTrack", "Organizationroles"), every: true),
            Stated(line: 95, source: ("Powerofficego", "Customers"), target: ("YouTrack", "Groups"), every: true,
                   properties: [#"Name -> name "string" @109"#]),
            Stated(line: 114, source: ("Powerofficego", "Departments"), target: ("YouTrack", "Groups"), every: true,
                   properties: [#"Name -> name "string" @128"#]),
            Stated(line: 133, source: ("Powerofficego", "Productgroup"), target: ("YouTrack", "Organizationroles"), every: true),
        ])
    }

    @Test("seed 001: Zendesk-shaped users and organizations under a blank system name")
    func seed001() throws {
        Self.expect(try Self.seed("001"), title: ("Powerofficego", ""), generated: "2024-03-26 13:42:41", [
            Stated(line: 12, source: ("Powerofficego", "Contactperson"), target: ("", "Users"),
                   merge: ["emailAddress = email @23"], every: false,
                   properties: [#"emailAddress -> email "string" @36"#, #"partyId -> organization_id "string" @39"#]),
            Stated(line: 44, source: ("Powerofficego", "Customers person"), target: ("", "Users"),
                   merge: ["EmailAddress = email @55"], every: false),
            Stated(line: 70, source: ("Powerofficego", "Customers"), target: ("", "Organizations"), every: true,
                   properties: [#"Name -> name "string" @84"#]),
            Stated(line: 89, source: ("Powerofficego", "Departments"), target: ("", "Organizations"), every: true,
                   properties: [#"Name -> name "string" @103"#]),
        ])
    }

    @Test("seed 002: six every-flows into CRMOffice, three of them into Contacts")
    func seed002() throws {
        Self.expect(try Self.seed("002"), title: ("Powerofficego", "Crmoffice"), generated: "2024-09-07 00:00:02", [
            Stated(line: 12, source: ("Powerofficego", "Customers person"), target: ("Crmoffice", "Contacts"), every: true,
                   properties: [#"FirstName -> givenName "string" @26"#, #"LastName -> familyName "string" @29"#,
                                #"PhoneNumber -> directPhone "string" @32"#]),
            Stated(line: 37, source: ("Powerofficego", "Employees"), target: ("Crmoffice", "Contacts"), every: true,
                   properties: [#"FirstName -> givenName "string" @51"#, #"LastName -> familyName "string" @54"#,
                                #"PhoneNumber -> mobilePhone "string" @57"#]),
            Stated(line: 62, source: ("Powerofficego", "Product"), target: ("Crmoffice", "Companies"), every: true),
            Stated(line: 78, source: ("Powerofficego", "Projects"), target: ("Crmoffice", "Activities"), every: true,
                   properties: [#"Name -> subject "string" @92"#, #"ProjectManagerEmployeeId -> ownerId "string" @95"#,
                                #"StartDate -> startsAt "string" @98"#]),
            Stated(line: 103, source: ("Powerofficego", "Contactperson"), target: ("Crmoffice", "Contacts"), every: true,
                   properties: [#"firstName -> givenName "string" @117"#, #"lastName -> familyName "string" @120"#,
                                #"phoneNumber -> directPhone "string" @123"#]),
            Stated(line: 128, source: ("Powerofficego", "Suppliers person"), target: ("Crmoffice", "Contacts"), every: true,
                   properties: [#"FirstName -> givenName "string" @142"#, #"LastName -> familyName "string" @145"#,
                                #"PhoneNumber -> directPhone "string" @148"#]),
        ])
    }

    @Test("seed 003: Exact-shaped contacts under a blank system name, nested MailAddress paths")
    func seed003() throws {
        Self.expect(try Self.seed("003"), title: ("Powerofficego", ""), generated: "2024-08-29 10:35:42", [
            Stated(line: 12, source: ("Powerofficego", "Contactperson"), target: ("", "Contacts"), every: true,
                   properties: [#"city -> City "string" @26"#, #"dateOfBirth -> BirthDate "string" @29"#,
                                #"emailAddress -> Email "string" @32"#, #"firstName -> FirstName "string" @35"#,
                                #"lastName -> LastName "string" @38"#, #"phoneNumber -> Phone "string" @41"#,
                                #"residenceCountryCode -> Country "string" @44"#]),
            Stated(line: 49, source: ("Powerofficego", "Suppliers person"), target: ("", "Contacts"), every: true,
                   properties: [#"DateOfBirth -> BirthDate "string" @63"#, #"EmailAddress -> Email "string" @66"#,
                                #"FirstName -> FirstName "string" @69"#, #"LastName -> LastName "string" @72"#,
                                #"MailAddress.City -> City "string" @75"#, #"MailAddress.CountryCode -> Country "string" @78"#,
                                #"PhoneNumber -> Phone "string" @81"#]),
        ])
    }

    @Test("seed 004: three every-flows into Custom PMS, all with empty property tables")
    func seed004() throws {
        Self.expect(try Self.seed("004"), title: ("Powerofficego", "Custompms"), generated: "2024-09-11 00:00:02", [
            Stated(line: 12, source: ("Powerofficego", "Departments"), target: ("Custompms", "Customer"), every: true),
            Stated(line: 28, source: ("Powerofficego", "Customers"), target: ("Custompms", "Customer"), every: true),
            Stated(line: 44, source: ("Powerofficego", "Projects"), target: ("Custompms", "Project"), every: true),
        ])
    }
}
