/// Levenshtein distance in characters, for "did you mean" suggestions and nearest candidates.
/// Gives up early, returning `limit + 1`, once every path is longer than `limit`.
public func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let a = Array(a), b = Array(b)
    if abs(a.count - b.count) > limit { return limit + 1 }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, y) in b.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
        }
        if current.min()! > limit { return limit + 1 }
        previous = current
    }
    return previous[b.count]
}

/// The name closest to `name` by edit distance (ignoring case), when it is close enough to be a
/// typo: within 2 edits, or a third of the name's length for longer names.
public func nearestName(to name: String, among names: [String]) -> String? {
    let wanted = name.lowercased()
    let scored = names.map { ($0, editDistance(wanted, $0.lowercased())) }
    guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
    return best.1 <= max(2, wanted.count / 3) ? best.0 : nil
}
