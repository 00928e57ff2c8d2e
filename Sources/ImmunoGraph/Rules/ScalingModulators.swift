extension MechanismGraph {
    /// The in-edges of rule node `node` that scale its graded value instead of being read by its
    /// rule: weak brakes (``Edge/isWeakBrake``, inhibiting modulators) whose source the rule does
    /// not read. A rule atom cannot be a partial brake (it vetoes in a Boolean reading), so a weak
    /// brake on a rule node is such an edge: under the graded semantics the node's value is
    /// `f = (b + (1 − b)·rule)·∏(1 − transfer)`, and the Boolean readings ignore it as every
    /// modulator. Empty for a node without explicit logic.
    ///
    /// - Complexity: O(in-degree + rule size).
    public func scalingModulators(of node: Int) -> [Int] {
        guard let function = nodes[node].levelFunction else { return [] }
        var read = Set<String>()
        for term in function.terms { term.condition.forEachAtom { atom, _ in read.insert(atom.node) } }
        return inEdges(of: node).filter { edges[$0].isWeakBrake && !read.contains(edges[$0].source) }
    }
}
