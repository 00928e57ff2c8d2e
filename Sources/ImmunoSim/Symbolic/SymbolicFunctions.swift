import ImmunoGraph

extension LogicalModel {
    /// Throws unless every node is Boolean: the symbolic analyses encode one node as one
    /// decision-diagram variable, so multi-valued models are refused with the node named.
    func requireBoolean(for analysis: String) throws(LogicalAnalysisError) {
        if let i = maxLevels.firstIndex(where: { $0 != 1 }) {
            throw LogicalAnalysisError(
                "\(analysis) needs a Boolean model; node '\(nodeIDs[i])' of '\(name)' has maximum level \(maxLevels[i]) "
                    + "(multi-valued nodes are not encoded symbolically)")
        }
    }

    /// The update function of every node as a decision diagram over the state variables
    /// `variableOf(node)`; nodes held by permanent clamps get their constant.
    ///
    /// A node's function is its ``NodeFunction`` read as a Boolean function: the ordered terms
    /// become nested if-then-else (the first holding term wins), a `nil` default keeps the
    /// node's value, and a weighted sum becomes the disjunction of the input combinations whose sum
    /// is positive (or zero, with the node on).
    ///
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued node or an unknown identifier.
    /// - Complexity: O(total rule size) diagram operations; a weighted sum costs one diagram per
    ///   distinct partial sum per input.
    func symbolicFunctions(in dd: inout DecisionDiagram, variableOf: (Int) -> Int) throws(LogicalAnalysisError) -> [BDD] {
        try requireBoolean(for: "symbolic analysis")
        var index: [String: Int] = [:]
        for (i, id) in nodeIDs.enumerated() { index[id] = i }
        var result: [BDD] = []
        let clamps = permanentClamps
        for (i, function) in functions.enumerated() {
            if let clamp = clamps.last(where: { $0.node == i }) {
                result.append(clamp.level > 0 ? .one : .zero)
                continue
            }
            let own = dd.variable(variableOf(i))
            switch function.body {
            case .terms(let terms, let defaultLevel):
                var f: BDD = defaultLevel.map { $0 > 0 ? .one : .zero } ?? own
                for term in terms.reversed() {
                    let condition = try Self.symbolic(term.condition, in: &dd, index: index, variableOf: variableOf, node: nodeIDs[i])
                    f = dd.ite(condition, term.level > 0 ? .one : .zero, f)
                }
                result.append(f)
            case .weightedSum(let inputs):
                // Partial sums of weights → set of input assignments reaching them.
                var sums: [(Double, BDD)] = [(0, .one)]
                for input in inputs {
                    guard let j = index[input.node] else {
                        throw LogicalAnalysisError("node '\(nodeIDs[i])' reads unknown node '\(input.node)'")
                    }
                    let active = input.level <= 0 ? BDD.one : (input.level == 1 ? dd.variable(variableOf(j)) : .zero)
                    var next: [Double: BDD] = [:]
                    for (sum, set) in sums {
                        let on = dd.and(set, active), off = dd.minus(set, active)
                        next[sum + input.weight] = dd.or(next[sum + input.weight] ?? .zero, on)
                        next[sum] = dd.or(next[sum] ?? .zero, off)
                    }
                    sums = next.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
                }
                var f = BDD.zero
                for (sum, set) in sums where sum >= 0 {
                    f = dd.or(f, sum > 0 ? set : dd.and(set, own))
                }
                result.append(f)
            }
        }
        return result
    }

    /// An expression over Boolean nodes as a diagram (recursive in the expression's depth, which
    /// the parser bounds).
    static func symbolic(_ expression: Expression, in dd: inout DecisionDiagram, index: [String: Int],
                         variableOf: (Int) -> Int, node: String) throws(LogicalAnalysisError) -> BDD {
        switch expression {
        case .constant(let value): return value ? .one : .zero
        case .atom(let atom):
            guard let j = index[atom.node] else {
                throw LogicalAnalysisError("node '\(node)' reads unknown node '\(atom.node)'")
            }
            switch (atom.comparison, atom.level) {
            case (.atLeast, ...0): return .one
            case (.atLeast, 1), (.equal, 1): return dd.variable(variableOf(j))
            case (.equal, 0): return dd.notVariable(variableOf(j))
            default: return .zero
            }
        case .not(let inner):
            return dd.not(try symbolic(inner, in: &dd, index: index, variableOf: variableOf, node: node))
        case .and(let items):
            var parts: [BDD] = []
            for item in items { parts.append(try symbolic(item, in: &dd, index: index, variableOf: variableOf, node: node)) }
            return dd.and(all: parts)
        case .or(let items):
            var parts: [BDD] = []
            for item in items { parts.append(try symbolic(item, in: &dd, index: index, variableOf: variableOf, node: node)) }
            return dd.or(all: parts)
        }
    }
}
