extension MechanismGraph {
    /// The simple signed paths from `source` to `target` of at most `maxLength` edges, shortest
    /// and best-evidenced first; at most `limit` are returned.
    ///
    /// Paths are enumerated by an iterative depth-first search that prunes any node from which
    /// `target` is further away (breadth-first distance against the edges) than the edges left, so
    /// only nodes that can still finish a path in time are expanded. Parallel edges of both signs
    /// give distinct paths. With `sign` set, only paths whose sign product matches are kept.
    ///
    /// - Complexity: O(N + E) for the distances, plus O(length) per partial path explored; the
    ///   number of simple paths can grow exponentially with `maxLength`, so the search stops after
    ///   `limit × 64` complete paths and keeps the best `limit`.
    public func signedPaths(
        from source: Int, to target: Int, maxLength: Int = 6, sign: Sign? = nil, limit: Int = 100
    ) -> [SignedPath] {
        guard source != target, maxLength > 0, limit > 0 else { return [] }
        let toTarget = distances(from: [target], direction: .backward, maxDepth: maxLength)
        guard toTarget[source] >= 0 else { return [] }
        var found: [SignedPath] = []
        let cap = limit.multipliedReportingOverflow(by: 64).overflow ? Int.max : limit * 64
        var onPath = [Bool](repeating: false, count: nodeCount)
        enumerate(
            start: source, maxLength: maxLength, onPath: &onPath, allowed: { _ in true },
            remaining: { toTarget[$0] }, isEnd: { $0 == target }
        ) { nodes, edges, product in
            if sign == nil || sign == product {
                found.append(SignedPath(nodes: nodes, edges: edges, sign: product))
            }
            return found.count < cap
        }
        return Array(rankPaths(found).prefix(limit))
    }

    /// Iterative DFS over simple paths from `start`. `remaining(v)` is a lower bound on the edges
    /// from v to an end (−1 if none); `isEnd(v)` ends a path at v (which is then not expanded).
    /// `report` returns false to stop. `onPath` is an all-false scratch array of `nodeCount`
    /// entries, returned all false (reused so that many starts cost no allocation each).
    func enumerate(
        start: Int, maxLength: Int, onPath: inout [Bool], allowed: (Int) -> Bool, remaining: (Int) -> Int,
        isEnd: (Int) -> Bool, report: ([Int], [Int], Sign) -> Bool
    ) {
        var pathNodes = [start]
        var pathEdges: [Int] = []
        var signs: [Sign] = [.activates]  // sign product up to each node
        var cursor = [Int(outOffsets[start])]
        onPath[start] = true
        while let position = cursor.last {
            let u = pathNodes[pathNodes.count - 1]
            if position >= Int(outOffsets[u + 1]) {
                cursor.removeLast()
                onPath[u] = false
                pathNodes.removeLast()
                signs.removeLast()
                if !pathEdges.isEmpty { pathEdges.removeLast() }
                continue
            }
            cursor[cursor.count - 1] += 1
            let e = position
            let v = Int(edgeTarget[e])
            let used = pathEdges.count + 1
            let product = signs[signs.count - 1].composed(with: edges[e].sign)
            if isEnd(v) {
                if !report(pathNodes + [v], pathEdges + [e], product) {
                    for u in pathNodes { onPath[u] = false }
                    return
                }
                continue
            }
            guard !onPath[v], allowed(v), used < maxLength else { continue }
            let left = remaining(v)
            guard left >= 0, used + left <= maxLength else { continue }
            onPath[v] = true
            pathNodes.append(v)
            pathEdges.append(e)
            signs.append(product)
            cursor.append(Int(outOffsets[v]))
        }
    }
}
