extension LogicalModel {
    /// The attractors of `graph` reachable from `initial` (every attractor when `nil`), exact.
    ///
    /// From one state, its input valuation (colour) is searched first: paths never change the
    /// inputs and every state reaches some attractor, so when that valuation has a single
    /// attractor, the state reaches it. The valuation's percolation is usually small, whereas the
    /// state's forward set — which the general case needs, and gets — can be vast (BBM 258).
    ///
    /// - Complexity: with one initial state, the search of its input valuation; when that finds
    ///   several attractors (or with several states), a forward reachability from `initial` and
    ///   the search inside it.
    func reachableAttractors(_ graph: inout AsynchronousGraph, from initial: [[Int]]?) -> ColouredAttractors {
        guard let initial else { return exactAttractors(&graph, in: graph.universe) }
        if initial.count == 1 {
            let state = initial[0]
            let literals = graph.colourNodes.map { (variable: $0, value: $0 < state.count && state[$0] > 0) }
            let colour = graph.network.dd.and(graph.universe, graph.network.dd.cube(literals))
            let found = seededAttractors(&graph, in: colour)
            if graph.attractorCount(found) == 1 { return found }
        }
        let universe = graph.searchUniverse(from: initial, clamps: permanentClamps)
        return exactAttractors(&graph, in: universe)
    }
}
