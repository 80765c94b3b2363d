/// Interns dotted paths (`MailAddress.CountryCode`) to small integers shared by all records of
/// a file or dataset.
public struct PathTable: Sendable {
    public private(set) var names: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    public mutating func intern(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public func id(of name: String) -> Int32? { ids[name] }
}
