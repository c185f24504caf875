/// Finds the known name closest to a misspelt one, so an error can suggest it.
enum NearestName {
    /// The candidate with the smallest edit distance to `name`.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        candidates.min { distance(name, $0) < distance(name, $1) }
    }

    /// Levenshtein distance over characters.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
