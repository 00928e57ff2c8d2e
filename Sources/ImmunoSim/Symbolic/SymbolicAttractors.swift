extension LogicalModel {
    /// The attractors of the general asynchronous state graph of a Boolean model — its terminal
    /// strongly connected components — found symbolically, for state spaces far beyond
    /// enumeration (the 66-node checkpoint model has 2^66 states).
    ///
    /// Algorithm (Xie–Beerel with forward pivots, over decision diagrams): keep a forward-closed
    /// universe `U` (all states, or those reachable from `initial`); pick a state `v`, let
    /// `F = fwd(v)`; while `F` is not inside `bwd(v)`, move `v` into `F \ bwd(v)` and shrink `F`
    /// to `fwd(v)` (still forward-closed, so it still holds an attractor). When `F ⊆ bwd(v)`, `F`
    /// is a terminal SCC. Its basin `bwd(F)` is removed from `U`, which stays forward-closed, and
    /// the search repeats until `U` is empty. Reachability is saturation-style (see the
    /// asynchronous graph's `reach`). Every attractor is exact (no approximation).
    ///
    /// - Parameters:
    ///   - initial: when given, only the attractors reachable from these states (levels per
    ///     node; clamped nodes take their clamp).
    ///   - stateLimit: the largest attractor (and the most fixed points) whose states are listed.
    ///   - basins: whether to compute each attractor's basin (one backward reachability over the
    ///     whole space per attractor — the dominant cost on models with many attractors).
    /// - Returns: attractors with their states in increasing order; ``LogicalAttractor/basin`` is
    ///   the number of states (in the whole space) from which the attractor is reachable, capped at
    ///   `Int.max`, or 0 when `basins` is false.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model or an attractor with more than
    ///   `stateLimit` states.
    /// - Complexity: O(attractors × reachability), each reachability at most (states) × N image
    ///   steps on diagrams; exponential in the worst case, fast on published models.
    public func symbolicAsynchronousAttractors(from initial: [[Int]]? = nil,
                                               stateLimit: Int = 100_000, basins: Bool = true) throws(LogicalAnalysisError) -> LogicalAttractors {
        var graph = try AsynchronousGraph(self)
        let clamps = permanentClamps
        var universe = graph.universe
        if let initial {
            var starts = BDD.zero
            for state in initial {
                var values = (0..<nodeCount).map { $0 < state.count && state[$0] > 0 }
                for clamp in clamps { values[clamp.node] = clamp.level > 0 }
                let one = graph.state(values)
                starts = graph.network.dd.or(starts, one)
            }
            universe = graph.reach(starts, within: universe, forward: true)
        }
        let everything = graph.universe
        var attractors: [LogicalAttractor] = []
        // Fixed points first, all at once: the states where no node can change.
        let movable = graph.network.dd.or(all: graph.canFlip)
        let sinks = graph.network.dd.minus(universe, movable)
        if sinks != .zero {
            let count = graph.network.dd.satisfyingCount(sinks)
            guard count <= Double(stateLimit) else {
                throw LogicalAnalysisError("'\(name)' has \(count) fixed points, more than the \(stateLimit) listed")
            }
            for point in states(of: sinks, in: graph.network.dd) {
                var basin = 0
                if basins {
                    let set = graph.state(point.map { $0 > 0 })
                    basin = graph.basinSize(set, within: everything)
                }
                attractors.append(LogicalAttractor(states: [point], basin: basin))
            }
            let drained = graph.reach(sinks, within: universe, forward: false)
            universe = graph.network.dd.minus(universe, drained)
        }
        while universe != .zero, let start = graph.pick(universe) {
            // Walk a trajectory first: it usually ends inside an attractor, so the forward set of
            // the pivot is already terminal.
            let pivot = graph.walk(from: start, steps: 8 * nodeCount + 64)
            var v = graph.state(pivot)
            var forward = graph.reach(v, within: universe, forward: true)
            while true {
                let backward = graph.reach(v, within: forward, forward: false)
                let escape = graph.network.dd.minus(forward, backward)
                guard escape != .zero, let next = graph.pick(escape) else { break }
                v = graph.state(graph.walk(from: next, steps: 8 * nodeCount + 64))
                forward = graph.reach(v, within: forward, forward: true)
            }
            let size = graph.network.dd.satisfyingCount(forward)
            guard size <= Double(stateLimit) else {
                throw LogicalAnalysisError(
                    "an asynchronous attractor of '\(name)' has \(size) states, more than the \(stateLimit) listed")
            }
            let basin = basins ? graph.basinSize(forward, within: everything) : 0
            let drained = graph.reach(forward, within: universe, forward: false)
            universe = graph.network.dd.minus(universe, drained)
            attractors.append(LogicalAttractor(states: states(of: forward, in: graph.network.dd), basin: basin))
        }
        return LogicalAttractors(nodes: nodeIDs, attractors: attractors)
    }

    /// The states of a set over one variable per node, in increasing order.
    func states(of set: BDD, in dd: DecisionDiagram) -> [[Int]] {
        var result: [[Int]] = []
        for cube in dd.cubes(set) {
            let open = (0..<nodeCount).filter { cube[$0] < 0 }
            for combination in 0..<(1 << open.count) {
                var state = (0..<nodeCount).map { cube[$0] > 0 ? 1 : 0 }
                for (k, i) in open.enumerated() { state[i] = combination >> k & 1 }
                result.append(state)
            }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The number of fixed points of a Boolean model, counted on the diagram of
    /// `⋀_i x_i ↔ f_i(x)` — an independent cross-check of ``fixedPointCount()``.
    ///
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model.
    /// - Complexity: O(N) diagram operations.
    public func symbolicFixedPointCount() throws(LogicalAnalysisError) -> Double {
        var network = try SymbolicNetwork(self)
        var parts: [BDD] = []
        for i in 0..<nodeCount {
            parts.append(network.dd.equivalent(network.dd.variable(i), network.functions[i]))
        }
        let fixed = network.dd.and(all: parts)
        return network.dd.satisfyingCount(fixed, over: 0..<nodeCount)
    }
}
