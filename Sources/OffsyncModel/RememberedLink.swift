/// A pair of record ids linked in one flow, as state keeps it between runs.
public struct RememberedLink: Sendable, Hashable {
    public var flow: String
    public var sourceID: String
    public var targetID: String
    /// How it was first made (`merged(combination: 0)`, `correlation`, `receipt`, ...).
    public var how: String
    /// When it was first made (ISO 8601), for `explain`.
    public var since: String?

    public init(flow: String, sourceID: String, targetID: String, how: String = "remembered", since: String? = nil) {
        self.flow = flow
        self.sourceID = sourceID
        self.targetID = targetID
        self.how = how
        self.since = since
    }
}
