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
        let coded = Thermometer.code(target) { id in graph.index(of: id).map { names[$0].map(Expression.variable) } }
        guard node.maxLevel > 1 else { return coded }
        return Thermometer.update(targetAtLeast: coded, k: k) { j in
            j <= 0 ? .constant(true) : j > node.maxLevel ? .constant(false) : .variable(names[i][j - 1])
        }
    }
}
