extension LogicalModel {
    /// Whether every asynchronous attractor (of those reachable from `initial`, when given) has
    /// the `wanted` values, decided on the union of the attractors as one decision diagram — no
    /// attractor is listed, so attractors of billions of states cost no more than small ones —
    /// and how many attractors there are.
    ///
    /// - Parameters:
    ///   - wanted: (node index, value 0 or 1) pairs.
    ///   - initial: states to start from; every state when `nil`.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model.
    /// - Complexity: one symbolic attractor search (as
    ///   ``asynchronousAttractorSummaries(from:limit:)``), then one conjunction per wanted value.
    func attractorsLie(inside wanted: [(node: Int, value: Int)], from initial: [[Int]]? = nil) throws(LogicalAnalysisError) -> (inside: Bool, count: Double) {
        var graph = try AsynchronousGraph(self)
        let universe = graph.searchUniverse(from: initial, clamps: permanentClamps)
        let found = exactAttractors(&graph, in: universe)
        let count = graph.attractorCount(found)
        var target = BDD.one
        for condition in wanted {
            let literal = condition.value > 0 ? graph.network.dd.variable(condition.node) : graph.network.dd.notVariable(condition.node)
            target = graph.network.dd.and(target, literal)
        }
        let attractors = graph.network.dd.or(all: [found.fixedPoints] + found.cycles)
        return (graph.network.dd.minus(attractors, target) == .zero, count)
    }
}
