extension MechanismGraph {
    /// The in-edges of rule node `node` that scale its graded value instead of being read by its
    /// rule: modulators (``Edge/modulator``) whose source the rule does not read. A rule atom
    /// cannot be a partial input (it vetoes or switches on in a Boolean reading), so a modulator
    /// on a rule node is such an edge: an inhibiting one is a weak brake,
    /// an activating one a gain. Under the graded semantics the node's value is
    /// `f = min(1, (b + (1 − b)·rule)·∏ gains (1 + transfer)·∏ brakes (1 − transfer))` — a gain
    /// multiplies what the rule grants and cannot switch the node on — and the Boolean readings
    /// ignore both, as every modulator. Empty for a node without explicit logic.
    ///
    /// - Complexity: O(in-degree + rule size).
    public func scalingModulators(of node: Int) -> [Int] {
        guard let function = nodes[node].levelFunction else { return [] }
        var read = Set<String>()
        for term in function.terms { term.condition.forEachAtom { atom, _ in read.insert(atom.node) } }
        return inEdges(of: node).filter { edges[$0].modulator && !read.contains(edges[$0].source) }
    }
}
