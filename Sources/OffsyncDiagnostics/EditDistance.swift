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
