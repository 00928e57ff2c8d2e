extension MechanismGraph {
    /// The identifier closest to `name` by edit distance (case-insensitive), when it is close
    /// enough to be a likely typo: "did you mean TIM3?" for `TIM-3`.
    ///
    /// - Complexity: O(N · |name| · |id|); meant for error messages, not inner loops.
    public func suggestion(for name: String) -> String? {
        let query = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        let limit = max(1, query.count / 3)
        var best: (id: String, distance: Int)?
        for candidate in nodes.map(\.id) + nodes.flatMap(\.synonyms) {
            let key = String(candidate.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
            guard let d = Suggestion.distance(query, key, atMost: limit) else { continue }
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        guard let best else { return nil }
        // Report the node's identifier even when a synonym matched.
        return node(best.id)?.id ?? best.id
    }

    /// The message for an identifier that is not in the model, with a suggestion when one is close.
    public func unknownNodeMessage(_ name: String) -> String {
        if let guess = suggestion(for: name) { return "no node '\(name)' in model '\(self.name)'; did you mean \(guess)?" }
        return "no node '\(name)' in model '\(self.name)'"
    }
}
