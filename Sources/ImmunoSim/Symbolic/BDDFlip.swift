extension DecisionDiagram {
    static let opFlip: UInt32 = 32  // well apart from the other operations' codes

    /// `f` with one variable negated, `f[x_v := ¬x_v]`: the image of a set of states when node
    /// `v` changes in every one of them. One pass over the nodes of `f` above the variable's level
    /// (their children at that level swap, nodes below are shared), memoised per variable in the
    /// computed table — the same result as `ite(x_v, f|x_v=0, f|x_v=1)` without its three
    /// intermediate diagrams.
    ///
    /// - Precondition: `0 <= variable < variableCount`.
    /// - Complexity: O(|f|); iterative.
    public mutating func flip(_ f: BDD, _ variable: Int) -> BDD {
        precondition((0..<variableCount).contains(variable), "variable \(variable) out of range")
        let v = UInt32(variable)
        // (node, expanded): an expanded node combines the two results on top of `results`.
        var stack: [(node: UInt32, expanded: Bool)] = [(f.raw, false)]
        var results: [UInt32] = []
        while let (n, expanded) = stack.popLast() {
            if expanded {
                let high = results.removeLast(), low = results.removeLast()
                let r = make(nodes[Int(n)].variable, low, high)
                store(Self.opFlip, n, v, 0, r)
                results.append(r)
                continue
            }
            if n < 2 { results.append(n); continue }
            let node = nodes[Int(n)]
            if node.variable > v { results.append(n); continue }
            if node.variable == v { results.append(make(v, node.high, node.low)); continue }
            if let known = cached(Self.opFlip, n, v, 0) { results.append(known); continue }
            stack.append((n, true))
            stack.append((node.high, false))
            stack.append((node.low, false))
        }
        return BDD(results[0])
    }
}
