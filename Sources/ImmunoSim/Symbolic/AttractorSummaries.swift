/// An asynchronous attractor described without listing its states: how many it has and the
/// smallest subspace holding them (the nodes constant on it, the others free).
public struct AttractorSummary: Hashable, Sendable {
    /// The number of states (a `Double`: exact up to 2^53).
    public var stateCount: Double
    /// The smallest subspace containing every state: a node is fixed when it is constant on the
    /// attractor, free (`-`) when it oscillates.
    public var subspace: Subspace
}

/// The asynchronous attractors of a model, counted and summarised symbolically.
public struct AttractorSummaries: Hashable, Sendable {
    /// The exact number of attractors (a `Double`: exact up to 2^53).
    public var count: Double
    /// The first attractors summarised, fixed points first (all of them unless ``isTruncated``).
    public var attractors: [AttractorSummary]
    /// Whether more attractors exist than are summarised.
    public var isTruncated: Bool { Double(attractors.count) < count }
}

extension LogicalModel {
    /// The asynchronous attractors counted and summarised without listing their states: for
    /// attractors too large to list (032 has one of more than 100,000 states) or too many (a model
    /// with 55 free inputs has at least 2^55). Same search as
    /// ``symbolicAsynchronousAttractors(from:stateLimit:basins:)``; the count is exact.
    ///
    /// - Parameters:
    ///   - initial: when given, only the attractors reachable from these states.
    ///   - limit: the most attractors summarised.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model.
    /// - Complexity: the search, then O(N) diagram operations per attractor summarised.
    public func asynchronousAttractorSummaries(from initial: [[Int]]? = nil,
                                               limit: Int = 1000) throws(LogicalAnalysisError) -> AttractorSummaries {
        guard let order = attractorSearchOrder() else { return try summariesInOrder(from: initial, limit: limit) }
        var found = try permuted(order).summariesInOrder(
            from: initial.map { $0.map { state in order.map { $0 < state.count ? state[$0] : 0 } } }, limit: limit)
        for k in found.attractors.indices {
            found.attractors[k].subspace = Subspace(values: unpermuted(found.attractors[k].subspace.values, order))
        }
        return found
    }

    /// ``asynchronousAttractorSummaries(from:limit:)`` in the model's own node order.
    func summariesInOrder(from initial: [[Int]]?, limit: Int) throws(LogicalAnalysisError) -> AttractorSummaries {
        var graph = try AsynchronousGraph(self)
        let found = reachableAttractors(&graph, from: initial)
        let count = graph.attractorCount(found)
        var summaries: [AttractorSummary] = []
        for cube in graph.network.dd.cubes(found.fixedPoints, limit: limit) {
            // A cube of fixed points with open nodes stands for several; list each.
            let open = (0..<nodeCount).filter { cube[$0] < 0 }
            for combination in 0..<(1 << min(open.count, 20)) where summaries.count < limit {
                var values = cube
                for (k, i) in open.enumerated() { values[i] = Int8(combination >> k & 1) }
                summaries.append(AttractorSummary(stateCount: 1, subspace: Subspace(values: values)))
            }
        }
        outer: for set in found.cycles where summaries.count < limit {
            for one in graph.split(set) {
                if summaries.count >= limit { break outer }
                summaries.append(AttractorSummary(stateCount: graph.network.dd.satisfyingCount(one), subspace: graph.hull(one)))
            }
        }
        return AttractorSummaries(count: count, attractors: summaries)
    }
}

extension AsynchronousGraph {
    /// The smallest subspace containing the non-empty `set`.
    ///
    /// - Complexity: 2N conjunctions.
    mutating func hull(_ set: BDD) -> Subspace {
        Subspace(values: (0..<n).map { i in
            let one = network.dd.and(set, network.dd.variable(i)) != .zero
            let zero = network.dd.and(set, network.dd.notVariable(i)) != .zero
            return one && zero ? -1 : (one ? 1 : 0)
        })
    }
}
