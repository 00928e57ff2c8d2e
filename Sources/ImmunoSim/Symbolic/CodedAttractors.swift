extension LogicalModel {
    /// The asynchronous attractors of a multi-valued model, found symbolically on its Boolean
    /// thermometer coding (which has exactly the model's asynchronous attractors; see
    /// `Booleanisation.swift`) and decoded to levels. Used by
    /// ``asynchronousAttractors(from:maxStates:symbolicAbove:)`` when a multi-valued model is too large to
    /// enumerate. States of an attractor are sorted; basins are not computed (0).
    ///
    /// - Parameters:
    ///   - initial: when given, only the attractors reachable from this state (levels per node).
    ///   - stateLimit: the most attractor states listed (as in
    ///     ``symbolicAsynchronousAttractors(from:stateLimit:basins:)``).
    /// - Throws: ``LogicalAnalysisError`` when the coding or the symbolic search refuses the model.
    /// - Complexity: one symbolic attractor search over Σ max-level Boolean variables.
    public func codedAsynchronousAttractors(from initial: [Int]? = nil, stateLimit: Int = 100_000) throws(LogicalAnalysisError) -> LogicalAttractors {
        let coding = try BooleanisedModel(self)
        let found = try coding.boolean.symbolicAsynchronousAttractors(from: initial.map { [coding.coded($0)] },
                                                                      stateLimit: stateLimit, basins: false)
        let attractors = found.attractors.map { attractor in
            let states = Set(attractor.states.map { state in (0..<nodeCount).map { coding.level(of: $0, in: state) } })
            return LogicalAttractor(states: states.sorted { $0.lexicographicallyPrecedes($1) }, basin: 0)
        }
        return LogicalAttractors(nodes: nodeIDs, attractors: attractors)
    }
}

extension LogicalModel {
    /// The asynchronous attractors of a multi-valued model counted and summarised without listing
    /// their states, through the Boolean thermometer coding (exactly the model's attractors). In
    /// each summary a node is fixed (at its level) when it is constant on the attractor and free
    /// otherwise; the state count is the number of multi-valued states.
    ///
    /// - Parameters:
    ///   - initial: when given, only the attractors reachable from these states (levels per node).
    ///   - limit: the most attractors summarised.
    /// - Throws: ``LogicalAnalysisError`` when the coding or the search refuses the model.
    /// - Complexity: as ``asynchronousAttractorSummaries(from:limit:)`` on Σ max-level variables.
    public func codedAsynchronousAttractorSummaries(from initial: [[Int]]? = nil,
                                                    limit: Int = 1000) throws(LogicalAnalysisError) -> AttractorSummaries {
        let coding = try BooleanisedModel(self)
        let coded = try coding.boolean.asynchronousAttractorSummaries(from: initial.map { $0.map(coding.coded) }, limit: limit)
        let summaries = coded.attractors.map { summary in
            AttractorSummary(stateCount: summary.stateCount, subspace: Subspace(values: (0..<nodeCount).map { i in
                let bits = coding.variables[i].map { summary.subspace.values[$0] }
                return bits.contains(-1) ? -1 : Int8(bits.reduce(0) { $0 + Int($1) })
            }))
        }
        return AttractorSummaries(count: coded.count, attractors: summaries)
    }
}
