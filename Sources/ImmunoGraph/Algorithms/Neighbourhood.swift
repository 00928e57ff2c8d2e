extension MechanismGraph {
    /// The sub-graph of the nodes within `radius` edges of `centers` (edges followed in either
    /// direction), with every edge between them, in the original order. Backgrounds are kept with
    /// only the clamps on kept nodes.
    ///
    /// - Complexity: O(N + E).
    public func neighbourhood(of centers: [Int], radius: Int) -> MechanismGraph {
        let distance = distances(from: centers, direction: .both, maxDepth: radius)
        return subgraph(keeping: distance.map { $0 >= 0 })
    }

    /// The sub-graph induced by the nodes for which `keep[i]` is true.
    ///
    /// - Complexity: O(N + E).
    public func subgraph(keeping keep: [Bool]) -> MechanismGraph {
        var builder = GraphBuilder(name: name)
        var keptIDs = Set<String>()
        for (i, node) in nodes.enumerated() where keep[i] {
            builder.add(node)
            keptIDs.insert(node.id)
        }
        for e in 0..<edgeCount where keep[Int(edgeSource[e])] && keep[Int(edgeTarget[e])] {
            builder.add(edges[e])
        }
        for background in backgrounds {
            var reduced = background
            reduced.clamps = background.clamps.filter { keptIDs.contains($0.node) }
            builder.add(reduced)
        }
        // Kept nodes' rules may read removed nodes; drop those rules rather than fail.
        for node in builder.nodes {
            if let rule = node.rule, !rule.variables.allSatisfy(keptIDs.contains) {
                builder.updateNode(node.id) { $0.rule = nil }
            }
        }
        do {
            return try builder.build()
        } catch {
            // A sub-graph of a valid graph is valid; keep the original if that ever fails.
            return self
        }
    }
}
