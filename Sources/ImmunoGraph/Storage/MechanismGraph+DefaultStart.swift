extension MechanismGraph {
    /// Which nodes start half on by default, in index order: in a model with explicit rules (every
    /// imported bnet, SBML-qual or MaBoSS model), a node that is not a therapy and states neither an
    /// initial nor a basal level — the mean of MaBoSS's random initial state. The graded engine
    /// starts such a node at 0.5; the logical and stochastic engines start it on with probability ½;
    /// the MaBoSS writer gives it `istate = -1` (random), so MaBoSS starts it as the engines do.
    ///
    /// - Complexity: O(N).
    public var nodesStartingHalfOn: [Bool] {
        let logicalModel = nodes.contains { $0.levelFunction != nil }
        return nodes.map { logicalModel && !$0.isTherapy && $0.initialLevel == nil && $0.basal == nil }
    }
}
