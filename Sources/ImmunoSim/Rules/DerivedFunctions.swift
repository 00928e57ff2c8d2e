public import ImmunoGraph

extension MechanismGraph {
    /// The logical function of every node under `policy`, with the edges in `removedEdges` removed.
    ///
    /// - A node with explicit logic uses it (``Node/levelFunction``: its multi-valued terms, or its
    ///   Boolean rule giving the maximum when it holds, else 0). A
    ///   removed edge S → T substitutes, in T's rule, every atom reading S by the value it takes
    ///   when S is 0 (`S`, `S >= k` with k ≥ 1 become false, `S == 0` becomes true): the regulator
    ///   is treated as absent.
    /// - A node without a rule gets one from its remaining signed in-edges by `policy`; a removed
    ///   edge is simply dropped. A node with no remaining in-edges keeps its level.
    ///
    /// - Complexity: O(N + E + total rule size).
    public func logicalFunctions(policy: RulePolicy, removedEdges: [Int] = []) -> [NodeFunction] {
        let removed = Set(removedEdges)
        var removedSources = [[String]](repeating: [], count: nodeCount)
        for e in removedEdges { removedSources[target(ofEdge: e)].append(edges[e].source) }
        return (0..<nodeCount).map { i in
            let node = nodes[i]
            if let function = node.levelFunction {
                let absent = Set(removedSources[i])
                return NodeFunction(
                    terms: function.terms.map { term in
                        (absent.isEmpty ? term.condition : term.condition.substitutingAbsent(absent), term.level)
                    },
                    default: function.defaultLevel)
            }
            let incoming = inEdges(of: i).filter { !removed.contains($0) }
            if incoming.isEmpty { return .keep }
            if policy == .threshold {
                return NodeFunction(body: .weightedSum(incoming.map { e in
                    let edge = edges[e]
                    let sign = edge.sign == .activates ? 1.0 : -1.0
                    return .init(edge.source, level: edge.activationLevel, weight: sign * edge.weight)
                }))
            }
            var activators: [Expression] = []
            var inhibitors: [Expression] = []
            for e in incoming {
                let edge = edges[e]
                let atom = Expression.atom(.init(edge.source, .atLeast, edge.activationLevel))
                if edge.sign == .activates {
                    if !activators.contains(atom) { activators.append(atom) }
                } else if !inhibitors.contains(atom) {
                    inhibitors.append(atom)
                }
            }
            let rule: Expression
            if inhibitors.isEmpty {
                rule = .any(activators)
            } else if activators.isEmpty {
                rule = .not(.any(inhibitors))
            } else {
                rule = .all([.any(activators), .not(.any(inhibitors))])
            }
            return .boolean(rule, maxLevel: node.maxLevel)
        }
    }
}

extension Expression {
    /// The expression with every atom reading a node in `absent` replaced by its value when that
    /// node is at level 0.
    func substitutingAbsent(_ absent: Set<String>) -> Expression {
        switch self {
        case .constant: return self
        case .atom(let atom):
            guard absent.contains(atom.node) else { return self }
            switch atom.comparison {
            case .atLeast: return .constant(0 >= atom.level)
            case .equal: return .constant(atom.level == 0)
            }
        case .not(let inner): return .not(inner.substitutingAbsent(absent))
        case .and(let items): return .and(items.map { $0.substitutingAbsent(absent) })
        case .or(let items): return .or(items.map { $0.substitutingAbsent(absent) })
        }
    }
}
