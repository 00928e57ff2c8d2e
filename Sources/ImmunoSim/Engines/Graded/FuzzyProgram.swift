import ImmunoGraph

/// One instruction of a node's explicit rule compiled to postfix for fuzzy evaluation.
///
/// Fuzzy semantics (Zadeh): `AND` = min, `OR` = max, `NOT x` = 1 − x, a constant is 0 or 1; an atom
/// `X >= k` on a node of maximum `m` reads `clamp(x·m − (k − 1), 0, 1)` (so `X` on a Boolean node
/// is its level `x`, and `X >= 2` on a three-level node is 0 until x = 1/2 and 1 at x = 1);
/// `X == k` reads `1 − clamp(|x·m − k|, 0, 1)` (a triangle peaking at x = k/m). An atom whose
/// source has an edge to the target reads its truth `t` scaled by the edge's current weight `w`,
/// `min(1, w·t)` (`X == 0`: `1 − min(1, w·(1 − t))`), never a shifted level; on a Boolean source
/// that is `min(1, w·x)`.
/// A multi-valued rule of a node with maximum `m` is the mean over k = 1…m of the fuzzy truth of
/// "target ≥ k" (``ImmunoGraph/LevelRules/atLeast(_:)``).
struct FuzzyInstruction: Sendable {
    enum Operation: UInt8, Sendable {
        case constant, atLeast, equal, not, and, or, mean
    }
    var operation: Operation
    /// Operand count for `and`/`or`.
    var count: Int32 = 0
    /// The source node of an atom.
    var node: Int32 = 0
    /// The source delay of an atom (the delay of the edge from that node, if any).
    var delay: Int32 = 0
    /// The in-slot of the edge carrying an atom (its weight scales the input), or −1.
    var slot: Int32 = -1
    /// Constant value, or the node's maximum `m` for atoms.
    var a: Double = 0
    /// `k − 1` for `>=`, `k` for `==`.
    var b: Double = 0
}

enum FuzzyCompiler {
    /// Compiles `function` (the logic of node `target`) to postfix instructions appended to
    /// `program`; returns the stack depth it needs.
    static func compile(
        _ function: LevelRules, target: Int, graph: MechanismGraph, slot: (Int) -> Int32?,
        into program: inout [FuzzyInstruction]
    ) throws(GradedModelError) -> Int {
        let m = max(1, graph.nodes[target].maxLevel)
        var depth = 0
        for k in 1...m {
            depth = max(depth, k - 1 + (try compile(function.atLeast(k), target: target, graph: graph, slot: slot, into: &program)))
        }
        if m > 1 { program.append(FuzzyInstruction(operation: .mean, count: Int32(m))) }
        return depth
    }

    /// Compiles one Boolean expression; returns the stack depth it needs.
    static func compile(
        _ expression: Expression, target: Int, graph: MechanismGraph, slot: (Int) -> Int32?,
        into program: inout [FuzzyInstruction]
    ) throws(GradedModelError) -> Int {
        var stack: [(Expression, Bool)] = [(expression, false)]
        var depth = 0
        var maximum = 0
        while let (item, expanded) = stack.popLast() {
            switch item {
            case .constant(let value):
                program.append(FuzzyInstruction(operation: .constant, a: value ? 1 : 0))
                depth += 1
            case .atom(let atom):
                guard let source = graph.index(of: atom.node) else {
                    throw GradedModelError("rule of '\(graph.nodes[target].id)' reads unknown node '\(atom.node)'")
                }
                let delay = graph.outEdges(of: source).first { graph.target(ofEdge: $0) == target }
                    .map { graph.edges[$0].delay } ?? 0
                let m = Double(graph.nodes[source].maxLevel)
                let k = Double(atom.level)
                let atLeast = atom.comparison == .atLeast
                program.append(FuzzyInstruction(
                    operation: atLeast ? .atLeast : .equal, node: Int32(source), delay: Int32(delay),
                    slot: slot(source) ?? -1, a: m, b: atLeast ? k - 1 : k))
                depth += 1
            case .not(let inner):
                if expanded {
                    program.append(FuzzyInstruction(operation: .not))
                } else {
                    stack.append((item, true))
                    stack.append((inner, false))
                }
            case .and(let items), .or(let items):
                if items.isEmpty {
                    // An empty AND is true, an empty OR false.
                    if case .and = item { program.append(FuzzyInstruction(operation: .constant, a: 1)) } else {
                        program.append(FuzzyInstruction(operation: .constant, a: 0))
                    }
                    depth += 1
                } else if expanded {
                    let isAnd: Bool
                    if case .and = item { isAnd = true } else { isAnd = false }
                    program.append(FuzzyInstruction(operation: isAnd ? .and : .or, count: Int32(items.count)))
                    depth -= items.count - 1
                } else {
                    stack.append((item, true))
                    for child in items.reversed() { stack.append((child, false)) }
                }
            }
            maximum = max(maximum, depth)
        }
        return maximum
    }
}
