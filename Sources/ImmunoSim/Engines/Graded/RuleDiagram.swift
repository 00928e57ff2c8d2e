import ImmunoGraph

/// Explicit rules compiled to reduced ordered decision diagrams over their input nodes, the form in
/// which the graded engine evaluates the multilinear (BooleCube) and HillCube logics.
///
/// **Why a diagram.** The multilinear extension of a function `f` of independent inputs is the
/// expected value of `f` when input `j` is on with probability `pⱼ`. Evaluated bottom-up on a
/// decision diagram, `value(node) = Σₖ P(xⱼ = k) · value(childₖ)`, which is exactly that
/// expectation, whatever the rule's syntax: `A & A` and `A` give the same diagram and the same
/// value `a`. The diagram is built by Shannon expansion of the rule's ordered terms
/// (``ImmunoGraph/LevelRules``), in order of the inputs' first appearance, sharing equal sub-diagrams
/// and dropping tests whose children are all equal.
///
/// A multi-valued input of maximum `m` at graded level `x` is read as the thermometer distribution
/// `P(X ≥ k) = clamp(m·x − (k − 1), 0, 1)`, so an atom `X >= k` is true with that probability.
/// Leaves hold the target level divided by the node's maximum.
///
/// Storage is flat and shared by all rules of a model: node `d` tests input variable
/// `variable[d]` (or is a leaf when −1, with value `value[d]`); its children are
/// `children[childStart[d] ..< childStart[d] + m + 1]`. A rule's nodes are contiguous and in
/// topological order (children first), so one forward pass evaluates it.
struct RuleDiagrams: Sendable {
    /// Input variable tested by each diagram node, or −1 for a leaf.
    var variable: [Int32] = []
    /// First child of each diagram node in ``children``.
    var childStart: [Int32] = []
    /// Leaf value (target level / maximum); unused for inner nodes.
    var value: [Double] = []
    /// Children (absolute diagram node indices).
    var children: [Int32] = []
    /// Per input variable: the source node, the delay of its edge, the in-slot of the edge that
    /// carries it (−1 when the rule reads a node with no edge to the target), and its maximum level.
    var variableNode: [Int32] = []
    var variableDelay: [Int32] = []
    var variableSlot: [Int32] = []
    var variableMax: [Int32] = []

    /// The largest number of diagram nodes one rule may have before compilation gives up.
    static let nodeLimit = 200_000

    /// Compiles `function`, the logic of node `target`, appending its diagram; returns the range
    /// of its diagram nodes and the root.
    ///
    /// - Parameter slot: the in-slot of the edge from a source node to `target`, if any.
    /// - Throws: ``GradedModelError`` for a rule reading an unknown node or a diagram over
    ///   ``nodeLimit`` nodes.
    /// - Complexity: O(diagram size × rule size) with memoised cofactors; exponential in the
    ///   number of inputs only for rules whose diagram is (e.g. parity).
    mutating func compile(
        _ function: LevelRules, target: Int, graph: MechanismGraph, slot: (Int) -> Int32?
    ) throws(GradedModelError) -> (range: Range<Int>, root: Int32) {
        let owner = graph.nodes[target].id
        var order: [String] = []
        var seen = Set<String>()
        for term in function.terms {
            term.condition.forEachAtom { atom, _ in
                if seen.insert(atom.node).inserted { order.append(atom.node) }
            }
        }
        var variables: [Int32] = []
        var maxima: [Int] = []
        for id in order {
            guard let source = graph.index(of: id) else {
                throw GradedModelError("rule of '\(owner)' reads unknown node '\(id)'")
            }
            let delay = graph.outEdges(of: source).first { graph.target(ofEdge: $0) == target }
                .map { graph.edges[$0].delay } ?? 0
            variables.append(Int32(variableNode.count))
            variableNode.append(Int32(source))
            variableDelay.append(Int32(delay))
            variableSlot.append(slot(source) ?? -1)
            variableMax.append(Int32(max(1, graph.nodes[source].maxLevel)))
            maxima.append(max(1, graph.nodes[source].maxLevel))
        }
        let start = variable.count
        let scale = Double(max(1, graph.nodes[target].maxLevel))
        var builder = Builder(order: order, maxima: maxima, variables: variables, scale: scale, base: start)
        let initial = function.terms.map { LevelRule($0.condition.folded(), level: $0.level) }
        let root = try builder.build(initial, defaultLevel: function.defaultLevel, from: 0, owner: owner)
        variable += builder.variable
        childStart += builder.childStart.map { $0 + Int32(children.count) }
        value += builder.value
        children += builder.children
        return (start..<variable.count, root)
    }

    /// Shannon expansion of one rule with memoised cofactors and a unique table.
    private struct Builder {
        struct Key: Hashable {
            var terms: [LevelRule]
            var next: Int
        }
        struct Inner: Hashable {
            var variable: Int32
            var children: [Int32]
        }
        let order: [String]
        let maxima: [Int]
        let variables: [Int32]
        let scale: Double
        /// The absolute index of this rule's first diagram node.
        let base: Int
        var variable: [Int32] = []
        var childStart: [Int32] = []
        var value: [Double] = []
        var children: [Int32] = []
        var memo: [Key: Int32] = [:]
        var leaves: [Double: Int32] = [:]
        var inner: [Inner: Int32] = [:]
        var defaultLevel = 0

        init(order: [String], maxima: [Int], variables: [Int32], scale: Double, base: Int) {
            self.order = order
            self.maxima = maxima
            self.variables = variables
            self.scale = scale
            self.base = base
        }

        mutating func leaf(_ level: Int) -> Int32 {
            let v = Double(level) / scale
            if let known = leaves[v] { return known }
            let d = Int32(base + variable.count)
            variable.append(-1)
            childStart.append(0)
            value.append(v)
            leaves[v] = d
            return d
        }

        mutating func build(_ terms: [LevelRule], defaultLevel: Int, from next: Int, owner: String) throws(GradedModelError) -> Int32 {
            self.defaultLevel = defaultLevel
            return try expand(terms, from: next, owner: owner)
        }

        /// The diagram of "first term that holds gives its level, else the default", testing
        /// inputs `next...` in order (recursion depth ≤ the number of inputs).
        mutating func expand(_ terms: [LevelRule], from next: Int, owner: String) throws(GradedModelError) -> Int32 {
            var live: [LevelRule] = []
            for term in terms {
                if term.condition == .constant(false) { continue }
                live.append(term)
                if term.condition == .constant(true) { break }
            }
            guard let first = live.first else { return leaf(defaultLevel) }
            if first.condition == .constant(true) { return leaf(first.level) }
            if live.allSatisfy({ $0.level == defaultLevel }) { return leaf(defaultLevel) }
            let key = Key(terms: live, next: next)
            if let known = memo[key] { return known }
            var read = Set<String>()
            for term in live { term.condition.forEachAtom { atom, _ in read.insert(atom.node) } }
            guard let j = (next..<order.count).first(where: { read.contains(order[$0]) }) else {
                // Unreachable: a non-constant condition reads some input.
                return leaf(defaultLevel)
            }
            var kids: [Int32] = []
            for k in 0...maxima[j] {
                let cofactor = live.map { LevelRule($0.condition.assigning(order[j], level: k), level: $0.level) }
                kids.append(try expand(cofactor, from: j + 1, owner: owner))
            }
            let result: Int32
            if kids.allSatisfy({ $0 == kids[0] }) {
                result = kids[0]
            } else if let known = inner[Inner(variable: variables[j], children: kids)] {
                result = known
            } else {
                guard variable.count < RuleDiagrams.nodeLimit else {
                    throw GradedModelError(
                        "rule of '\(owner)' needs more than \(RuleDiagrams.nodeLimit) decision-diagram nodes; "
                            + "use the minmax logic for it")
                }
                result = Int32(base + variable.count)
                variable.append(variables[j])
                childStart.append(Int32(children.count))
                value.append(0)
                children += kids
                inner[Inner(variable: variables[j], children: kids)] = result
            }
            memo[key] = result
            return result
        }
    }
}

extension Expression {
    /// The expression with node `id` at `level`: its atoms become constants, and constants are
    /// folded (`x & false` is `false`, `x | false` is `x`, `!true` is `false`).
    func assigning(_ id: String, level: Int) -> Expression {
        switch self {
        case .constant: return self
        case .atom(let atom):
            guard atom.node == id else { return self }
            return .constant(atom.comparison == .atLeast ? level >= atom.level : level == atom.level)
        case .not(let inner): return Expression.not(inner.assigning(id, level: level)).folded(shallow: true)
        case .and(let items): return Expression.and(items.map { $0.assigning(id, level: level) }).folded(shallow: true)
        case .or(let items): return Expression.or(items.map { $0.assigning(id, level: level) }).folded(shallow: true)
        }
    }

    /// The expression with constants folded; `shallow` folds only the top operator (its operands
    /// are already folded).
    func folded(shallow: Bool = false) -> Expression {
        switch self {
        case .constant, .atom: return self
        case .not(let inner):
            let x = shallow ? inner : inner.folded()
            if case .constant(let v) = x { return .constant(!v) }
            if case .not(let y) = x { return y }
            return .not(x)
        case .and(let items), .or(let items):
            let isAnd: Bool
            if case .and = self { isAnd = true } else { isAnd = false }
            var kept: [Expression] = []
            for item in items {
                let x = shallow ? item : item.folded()
                if case .constant(let v) = x {
                    if v != isAnd { return .constant(v) }  // false in AND, true in OR: absorbing
                    continue  // neutral
                }
                kept.append(x)
            }
            if kept.isEmpty { return .constant(isAnd) }
            if kept.count == 1 { return kept[0] }
            return isAnd ? .and(kept) : .or(kept)
        }
    }
}
