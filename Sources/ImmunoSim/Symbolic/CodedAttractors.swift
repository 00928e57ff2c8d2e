extension LogicalModel {
    /// The asynchronous attractors of a multi-valued model, found symbolically on its Boolean
    /// thermometer coding (which has exactly the model's asynchronous attractors; see
    /// `Booleanisation.swift`) and decoded to levels. Used by
    /// ``asynchronousAttractors(from:maxStates:)`` when a multi-valued model is too large to
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
        let start = initial.map { levels in
            (0..<nodeCount).flatMap { i in
                (1...maxLevels[i]).map { k in k <= (levels.indices.contains(i) ? levels[i] : 0) ? 1 : 0 }
            }
        }
        let found = try coding.boolean.symbolicAsynchronousAttractors(from: start.map { [$0] }, stateLimit: stateLimit, basins: false)
        let attractors = found.attractors.map { attractor in
            let states = Set(attractor.states.map { state in (0..<nodeCount).map { coding.level(of: $0, in: state) } })
            return LogicalAttractor(states: states.sorted { $0.lexicographicallyPrecedes($1) }, basin: 0)
        }
        return LogicalAttractors(nodes: nodeIDs, attractors: attractors)
    }
}
