/// A pair of record ids linked in one flow, as state keeps it between runs.
public struct RememberedLink: Sendable, Hashable {
    public var flow: String
    /// The ids as state keys them: a run reads millions of links whose ids are mostly
    /// integers, and matches them to records as integers, without a `String` each.
    public var sourceKey: RecordID
    public var targetKey: RecordID
    /// How it was first made (`merged(combination: 0)`, `correlation`, `receipt`, ...).
    public var how: String
    /// When it was first made (ISO 8601), for `explain`.
    public var since: String?

    /// The source record's id as text.
    public var sourceID: String {
        get { sourceKey.text }
        set { sourceKey = RecordID(newValue) }
    }

    /// The target record's id as text.
    public var targetID: String {
        get { targetKey.text }
        set { targetKey = RecordID(newValue) }
    }

    public init(flow: String, sourceKey: RecordID, targetKey: RecordID, how: String = "remembered", since: String? = nil) {
        self.flow = flow
        self.sourceKey = sourceKey
        self.targetKey = targetKey
        self.how = how
        self.since = since
    }

    public init(flow: String, sourceID: String, targetID: String, how: String = "remembered", since: String? = nil) {
        self.init(flow: flow, sourceKey: RecordID(sourceID), targetKey: RecordID(targetID), how: how, since: since)
    }
}
