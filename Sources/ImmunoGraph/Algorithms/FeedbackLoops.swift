extension MechanismGraph {
    /// The elementary circuits (feedback loops) of at most `maxLength` edges with their signs,
    /// shortest and best-evidenced first; at most `limit` are returned.
    ///
    /// Each circuit is found once, from its lowest-index node `s`, as in Johnson's algorithm: the
    /// search from `s` stays inside the strongly connected component of `s` among nodes `≥ s`.
    /// Instead of Johnson's blocking lists (which do not survive a length bound) the search prunes
    /// any node whose distance back to `s` exceeds the edges left. A negative loop (odd number of
    /// inhibitions) is homeostatic, like IFN-γ → PD-L1 → PD-1 ⊣ T-cell activation → IFN-γ; a
    /// positive loop can make a switch.
    ///
    /// Reference: D. B. Johnson, "Finding all the elementary circuits of a directed graph",
    /// SIAM J. Comput. 4(1), 1975.
    /// - Complexity: O(N·(N + E)) for the distances plus O(length) per partial circuit explored;
    ///   enumeration stops after `limit × 64` circuits.
    public func feedbackLoops(maxLength: Int = 8, limit: Int = 1000) -> [SignedPath] {
        guard maxLength > 0, limit > 0 else { return [] }
        let component = componentIndex()
        var found: [SignedPath] = []
        let cap = limit.multipliedReportingOverflow(by: 64).overflow ? Int.max : limit * 64
        var stop = false
        // Reused across starts; only the entries a start touched are reset (O(N + E) overall
        // for the distance passes on sparse components, not O(N²)).
        var back = [Int](repeating: -1, count: nodeCount)
        var touched: [Int] = []
        var onPath = [Bool](repeating: false, count: nodeCount)
        var componentSize = [Int](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount { componentSize[component[v]] += 1 }
        for s in 0..<nodeCount where !stop {
            for v in touched { back[v] = -1 }
            touched.removeAll(keepingCapacity: true)
            // A node alone in its component lies on a loop only through a self-edge.
            if componentSize[component[s]] == 1 && !outEdges(of: s).contains(where: { edgeTarget[$0] == Int32(s) }) {
                continue
            }
            // Distances back to s inside s's component, among nodes >= s.
            back[s] = 0
            touched.append(s)
            var queue = [s]
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                if back[u] >= maxLength { continue }
                for e in inEdges(of: u) {
                    let v = Int(edgeSource[e])
                    if v > s, back[v] < 0, component[v] == component[s] {
                        back[v] = back[u] + 1
                        touched.append(v)
                        queue.append(v)
                    }
                }
            }
            enumerate(
                start: s, maxLength: maxLength, onPath: &onPath, allowed: { $0 > s && component[$0] == component[s] },
                remaining: { back[$0] }, isEnd: { $0 == s }
            ) { nodes, edges, product in
                found.append(SignedPath(nodes: nodes, edges: edges, sign: product))
                if found.count >= cap { stop = true }
                return !stop
            }
        }
        return Array(rankPaths(found).prefix(limit))
    }

    /// The feedback loops that pass through `node`.
    public func feedbackLoops(through node: Int, maxLength: Int = 8, limit: Int = 1000) -> [SignedPath] {
        feedbackLoops(maxLength: maxLength, limit: Int.max / 128).filter { $0.nodes.contains(node) }
            .prefix(limit).map { $0 }
    }
}
