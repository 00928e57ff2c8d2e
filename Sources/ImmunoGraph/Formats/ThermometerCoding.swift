/// The Boolean variables of a model's nodes and the logic of each, for the Boolean writers
/// (``MaBoSSFormat``, ``BnetFormat``).
///
/// Thermometer coding: node `X` with maximum level `m > 1` is the variables `X` (level ≥ 1),
/// `X_b2`, …, `X_bm`; variable `k` follows `(F_k & X_b(k−1)) | X_b(k+1)` with `F_k` "the target
/// of `X` is at least `k`" (`X_b0` true, `X_b(m+1)` false). Under asynchronous updating (one
/// variable at a time, as MaBoSS and the stochastic engine run) an admissible state lets only one
/// of `X`'s variables change, moving `X` one level toward its target: the multi-valued unitary
/// dynamics exactly. Synchronous updating of the coding is not the multi-valued synchronous
/// dynamics. Projection: one variable per node (level ≥ 1).
struct ThermometerCoding {
    /// Whether multi-valued nodes are thermometer-coded.
    let thermometer: Bool
    /// Per node (index order): the names of its variables, level ≥ 1 first.
    let names: [[String]]
    /// Node identifier → the name of its level-≥-1 variable (the projection's only variable).
    let projectionNames: [String: String]
    private let graph: MechanismGraph

    /// Codes `graph`; `identifier` turns a node id into a name of the target format, and no
    /// variable takes a name in `reserved`.
    init(_ graph: MechanismGraph, thermometer: Bool, identifier: (String) -> String, reserved: Set<String> = []) {
        self.graph = graph
        self.thermometer = thermometer
        var used = reserved
        func unique(_ base: String) -> String {
            var name = base
            var k = 2
            while used.contains(name) {
                name = base + "_\(k)"
                k += 1
            }
            used.insert(name)
            return name
        }
        // Nodes first, so a node that happens to be called `A_b2` keeps its name.
        let first = graph.nodes.map { unique(identifier($0.id)) }
        names = zip(graph.nodes, first).map { node, name in
            guard thermometer, node.maxLevel > 1 else { return [name] }
            return [name] + (2...node.maxLevel).map { unique(identifier(node.id) + "_b\($0)") }
        }
        projectionNames = Dictionary(zip(graph.nodes.map(\.id), first), uniquingKeysWith: { a, _ in a })
    }

    /// The name of node `id`'s level-≥-1 variable (`id` itself when it is not a node).
    func name(of id: String) -> String { projectionNames[id] ?? id }

    /// The logic of variable `k` (level ≥ `k`) of node `i` over variable names, or `nil` for a
    /// Boolean input (no logic: it keeps its state). Thermometer coding only.
    ///
    /// A multi-valued input keeps its level too, but its variables still follow the coding
    /// (`X_bk = (X_bk & X_b(k−1)) | X_b(k+1)`, which keeps every admissible state), so a tool
    /// that enumerates every Boolean state finds no attractor with `X_b2` on and `X` off.
    func logic(of i: Int, atLeast k: Int) -> Expression? {
        let node = graph.nodes[i]
        let target: Expression?
        if node.maxLevel == 1 {
            target = graph.effectiveRule(for: i)
        } else if let function = node.levelFunction {
            target = function.atLeast(k)
        } else {
            // A rule derived from the signed edges gives the maximum when it holds; an input
            // targets its own level.
            target = graph.effectiveRule(for: i) ?? .atom(.init(node.id, .atLeast, k))
        }
        guard let target else { return nil }
        let coded = code(target)
        guard node.maxLevel > 1 else { return coded }
        let below: Expression = k > 1 ? .variable(names[i][k - 2]) : .constant(true)
        let above: Expression = k < node.maxLevel ? .variable(names[i][k]) : .constant(false)
        return Self.or([Self.and([coded, below]), above])
    }

    /// `expression` over variable names: `A >= k` is `A_bk`, `A == k` is `A_bk & !A_b(k+1)`;
    /// a comparison no level satisfies is `0`, one every level satisfies `1`.
    func code(_ expression: Expression) -> Expression {
        switch expression {
        case .constant: return expression
        case .atom(let atom):
            guard let i = graph.index(of: atom.node) else { return .variable(name(of: atom.node)) }
            let variables = names[i]
            let top = variables.count  // the highest level the variables tell apart
            let maxLevel = graph.nodes[i].maxLevel
            func atLeast(_ k: Int) -> Expression {
                k <= 0 ? .constant(true) : k > top ? .constant(false) : .variable(variables[k - 1])
            }
            switch atom.comparison {
            case .atLeast: return atom.level > maxLevel ? .constant(false) : atLeast(min(atom.level, top))
            case .equal:
                guard (0...maxLevel).contains(atom.level) else { return .constant(false) }
                if top < maxLevel { return atom.level == 0 ? .not(atLeast(1)) : atLeast(1) }  // projection
                return Self.and([atLeast(atom.level), Self.not(atLeast(atom.level + 1))])
            }
        case .not(let inner): return Self.not(code(inner))
        case .and(let items): return Self.and(items.map(code))
        case .or(let items): return Self.or(items.map(code))
        }
    }

    static func not(_ e: Expression) -> Expression {
        if case .constant(let value) = e { return .constant(!value) }
        return .not(e)
    }

    static func and(_ items: [Expression]) -> Expression {
        if items.contains(.constant(false)) { return .constant(false) }
        return Expression.all(items.filter { $0 != .constant(true) })
    }

    static func or(_ items: [Expression]) -> Expression {
        if items.contains(.constant(true)) { return .constant(true) }
        return Expression.any(items.filter { $0 != .constant(false) })
    }
}
