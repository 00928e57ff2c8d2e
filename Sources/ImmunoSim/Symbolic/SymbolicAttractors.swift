extension LogicalModel {
    /// The attractors of the general asynchronous state graph of a Boolean model — its terminal
    /// strongly connected components — found symbolically, for state spaces far beyond
    /// enumeration (the 66-node checkpoint model has 2^66 states).
    ///
    /// Algorithm (Xie–Beerel with forward pivots, over decision diagrams, *coloured* by the
    /// inputs as in AEON): keep a forward-closed universe `U` (all states, or those reachable from
    /// `initial`); pick one state `v` per input valuation, let `F = fwd(v)`; for the valuations
    /// where `F` is not inside `bwd(v)`, move `v` into `F \ bwd(v)` and shrink `F` to `fwd(v)`
    /// (still forward-closed, so it still holds an attractor); the others are terminal SCCs, one
    /// per valuation. The basin of what was found is removed from `U`, which stays
    /// forward-closed, and the search repeats until `U` is empty. Inputs never change, so one
    /// round serves all 2^inputs copies of the network at once. Reachability is saturation-style (see the
    /// asynchronous graph's `reach`). Every attractor is exact (no approximation).
    ///
    /// Before that search, the universe is narrowed: to the percolation of each input valuation
    /// (every attractor lies there), then to the forward set of a few *pivots* — states of the
    /// terminal components of the network reduced to a feedback vertex set, where every other node
    /// is a function of the feedback nodes and the inputs; every attractor is reachable from them
    /// (see `FeedbackReduction`). On BBM 093 this leaves 7.3 million of 2^66 states and needs no
    /// backward reachability over the space. When that forward set is large (the pivots were
    /// transient), the minimal trap spaces seed the search instead, and the reduced network
    /// proves the answer complete or one backward reachability does.
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
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model, an attractor with more than
    ///   `stateLimit` states, or more than `stateLimit` attractors (see
    ///   ``asynchronousAttractorSummaries(from:limit:)`` for those).
    /// - Complexity: O(attractors × reachability), each reachability at most (states) × N image
    ///   steps on diagrams; exponential in the worst case, fast on published models.
    public func symbolicAsynchronousAttractors(from initial: [[Int]]? = nil,
                                               stateLimit: Int = 100_000, basins: Bool = true) throws(LogicalAnalysisError) -> LogicalAttractors {
        guard let order = attractorSearchOrder() else {
            return try symbolicAttractorsInOrder(from: initial, stateLimit: stateLimit, basins: basins)
        }
        let found = try permuted(order).symbolicAttractorsInOrder(
            from: initial.map { $0.map { state in order.map { $0 < state.count ? state[$0] : 0 } } },
            stateLimit: stateLimit, basins: basins)
        let attractors = found.attractors.map { attractor in
            LogicalAttractor(states: attractor.states.map { unpermuted($0, order) }.sorted { $0.lexicographicallyPrecedes($1) },
                             basin: attractor.basin)
        }
        return LogicalAttractors(nodes: nodeIDs, attractors: attractors)
    }

    /// ``symbolicAsynchronousAttractors(from:stateLimit:basins:)`` in the model's own node order.
    func symbolicAttractorsInOrder(from initial: [[Int]]?, stateLimit: Int, basins: Bool) throws(LogicalAnalysisError) -> LogicalAttractors {
        var graph = try AsynchronousGraph(self)
        let everything = graph.universe
        let found = reachableAttractors(&graph, from: initial)
        let total = graph.attractorCount(found)
        guard total <= Double(stateLimit) else {
            throw LogicalAnalysisError("'\(name)' has \(total) asynchronous attractors, more than the \(stateLimit) listed "
                + "(count them with asynchronousAttractorSummaries)")
        }
        var listed: [(states: [[Int]], set: BDD)] = []
        for point in states(of: found.fixedPoints, in: graph.network.dd) {
            listed.append(([point], basins ? graph.state(point.map { $0 > 0 }) : .zero))
        }
        for set in found.cycles {
            for one in graph.split(set) {
                let size = graph.network.dd.satisfyingCount(one)
                guard size <= Double(stateLimit) else {
                    throw LogicalAnalysisError(
                        "an asynchronous attractor of '\(name)' has \(size) states, more than the \(stateLimit) listed "
                            + "(summarise it with asynchronousAttractorSummaries)")
                }
                listed.append((states(of: one, in: graph.network.dd), one))
            }
        }
        let sizes = basins ? graph.basinSizes(listed.map(\.set), within: everything) : [Int](repeating: 0, count: listed.count)
        let attractors = listed.indices.map { LogicalAttractor(states: listed[$0].states, basin: sizes[$0]) }
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
