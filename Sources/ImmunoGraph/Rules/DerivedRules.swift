extension MechanismGraph {
    /// The inhibitor-dominant rule of `node` derived from its signed in-edges: "some activator
    /// and no inhibitor", `(A1 | A2 | …) & !(I1 | I2 | …)`. A node with only inhibitors is on
    /// unless one is on; a node with no in-edges has no rule (`nil`: it keeps its level).
    ///
    /// An edge whose ``Edge/threshold`` is a level ≥ 1 reads `source >= level`; otherwise `source`.
    /// This is the convention of SIF importers (INDRA, DrugLogics).
    ///
    /// - Complexity: O(in-degree).
    public func inhibitorDominantRule(for node: Int) -> Expression? {
        var activators: [Expression] = []
        var inhibitors: [Expression] = []
        for e in inEdges(of: node) {
            let edge = edges[e]
            let atom = Expression.atom(.init(edge.source, .atLeast, edge.activationLevel))
            if edge.sign == .activates {
                if !activators.contains(atom) { activators.append(atom) }
            } else if !inhibitors.contains(atom) {
                inhibitors.append(atom)
            }
        }
        if activators.isEmpty && inhibitors.isEmpty { return nil }
        if inhibitors.isEmpty { return .any(activators) }
        let blocked = Expression.not(.any(inhibitors))
        if activators.isEmpty { return blocked }
        return .all([.any(activators), blocked])
    }

    /// The node's Boolean rule: its explicit ``Node/rule``; else, for a node with
    /// ``Node/levelRules``, their Boolean projection ("target level ≥ 1",
    /// ``LevelRules/booleanProjection``), which the engines' multi-valued reading agrees with at
    /// level 1; else its inhibitor-dominant rule.
    ///
    /// A model read from JSON carries `levelRules` without a projected `rule` (SBML-qual import
    /// stores both), so without the middle case a writer fell back to the signed edges and lost
    /// the rule's requirements (`builtin:tme`'s antigen presentation became an OR of its inputs).
    public func effectiveRule(for node: Int) -> Expression? {
        nodes[node].rule ?? nodes[node].levelRules?.booleanProjection ?? inhibitorDominantRule(for: node)
    }
}
