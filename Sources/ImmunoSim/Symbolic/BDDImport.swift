extension DecisionDiagram {
    /// A copy of `f` from another diagram `source`, with each of its variables `v` read as this
    /// diagram's variable `mapping[v]` (any mapping; the order need not be preserved).
    ///
    /// - Complexity: O(|f|) ITE calls, each O(|result|) in the worst case; iterative.
    mutating func importing(_ f: BDD, from source: DecisionDiagram, mapping: [Int]) -> BDD {
        if f.isConstant { return f }
        var copied: [UInt32: BDD] = [0: .zero, 1: .one]
        for node in source.postOrder(f) {
            let stored = source.nodes[Int(node)]
            let low = copied[stored.low] ?? .zero, high = copied[stored.high] ?? .zero
            copied[node] = ite(variable(mapping[Int(stored.variable)]), high, low)
        }
        return copied[f.raw] ?? .zero
    }
}
