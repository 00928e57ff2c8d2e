extension MechanismGraph {
    /// The identifier closest to `name` by edit distance (case-insensitive), when it is close
    /// enough to be a likely typo: "did you mean TIM3?" for `TIM-3`.
    ///
    /// - Complexity: O(N · |name| · |id|); meant for error messages, not inner loops.
    public func suggestion(for name: String) -> String? {
        let query = Array(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        var best: (id: String, distance: Int)?
        for candidate in nodes.map(\.id) + nodes.flatMap(\.synonyms) {
            let key = Array(candidate.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
            let d = Self.editDistance(query, key)
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, query.count / 3) else { return nil }
        // Report the node's identifier even when a synonym matched.
        return node(best.id)?.id ?? best.id
    }

    /// The message for an identifier that is not in the model, with a suggestion when one is close.
    public func unknownNodeMessage(_ name: String) -> String {
        if let guess = suggestion(for: name) { return "no node '\(name)' in model '\(self.name)'; did you mean \(guess)?" }
        return "no node '\(name)' in model '\(self.name)'"
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
