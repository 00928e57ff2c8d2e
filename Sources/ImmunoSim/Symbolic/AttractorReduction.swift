import ImmunoGraph

/// Exact reductions of a Boolean network before its asynchronous attractors are searched: the
/// search then runs on the *core* (nodes on cycles, and those between cycles) with the inputs as
/// colours, in a space smaller by 2^(removed nodes).
///
/// - *Constant nodes*: a node on no cycle whose regulators are all inputs or constant nodes (or
///   held by a permanent clamp) takes one value in every attractor — its function of the inputs,
///   which never change. It is substituted by that function in the core's functions.
/// - *Outputs*: a node on no cycle and upstream of no cycle (only outputs read it). The core
///   never reads an output, so every attractor of the core gives exactly one attractor of the
///   whole network: from any state over it, the core can reach any of its states with the outputs
///   left alone, then each output (in topological order) can take its function's value; every state
///   reaches that one, so one terminal component lies above it (see `lift(_:in:)`).
///
/// Both are exact: the lifted sets are the attractors of the whole network, state by state.
struct AttractorReduction {
    /// The nodes removed (constant nodes and outputs), in topological order.
    let removed: [Int]
    /// Whether each node is an output (else, if removed, a constant node).
    let isOutput: [Bool]
    /// Each removed node's function with every removed regulator replaced by its own composed
    /// function: a function of the core and the inputs only.
    let composed: [BDD]
    /// The core's update functions with the constant nodes substituted (removed nodes: themselves).
    let coreFunctions: [BDD]

    /// The reduction of `graph`'s network, or `nil` when it removes nothing.
    ///
    /// - Complexity: O(N + E) for the graph analysis, then one composition (two cofactors and an
    ///   ITE) per removed regulator of each node.
    init?(_ graph: inout AsynchronousGraph) {
        let n = graph.n
        let regulators = graph.network.regulators
        let isInput = (0..<n).map { graph.canFlip[$0] == .zero }
        let components = StronglyConnectedComponents.of(successors: graph.network.readers)
        var componentSize = [Int](repeating: 0, count: n)
        for component in components { for i in component { componentSize[i] = component.count } }
        let cyclic = (0..<n).map { !isInput[$0] && (componentSize[$0] > 1 || regulators[$0].contains($0)) }
        // Upstream of a cycle: a path to a cyclic node.
        var upstream = [Bool](repeating: false, count: n)
        var stack = (0..<n).filter { cyclic[$0] }
        while let v = stack.popLast() {
            for r in regulators[v] where r != v && !upstream[r] {
                upstream[r] = true
                stack.append(r)
            }
        }
        // Tarjan lists a component before any component that reaches it: reversed, sources first.
        let topological = components.reversed().flatMap { $0 }
        var isConstant = [Bool](repeating: false, count: n)
        var isOutput = [Bool](repeating: false, count: n)
        var removed: [Int] = []
        for i in topological where !isInput[i] && !cyclic[i] {
            if regulators[i].allSatisfy({ isInput[$0] || isConstant[$0] }) {
                isConstant[i] = true
                removed.append(i)
            } else if !upstream[i] {
                isOutput[i] = true
                removed.append(i)
            }
        }
        guard !removed.isEmpty else { return nil }
        let isRemoved = (0..<n).map { isConstant[$0] || isOutput[$0] }
        var composed = graph.network.functions
        for m in removed {
            composed[m] = Self.substitute(composed[m], regulators[m], replace: isRemoved, composed, &graph.network.dd)
        }
        var core = graph.network.functions
        for i in 0..<n where !isConstant[i] && !isOutput[i] && !isInput[i] {
            core[i] = Self.substitute(core[i], regulators[i], replace: isConstant, composed, &graph.network.dd)
        }
        for m in removed { core[m] = graph.network.dd.variable(m) }
        self.removed = removed
        self.isOutput = isOutput
        self.composed = composed
        coreFunctions = core
    }

    /// `f` with each regulator `r` where `replace[r]` substituted by `by[r]` (Shannon expansion:
    /// `ite(by[r], f|r=1, f|r=0)`).
    static func substitute(_ f: BDD, _ regulators: [Int], replace: [Bool], _ by: [BDD],
                           _ dd: inout DecisionDiagram) -> BDD {
        var result = f
        for r in regulators where replace[r] {
            result = dd.ite(by[r], dd.cofactor(result, r, true), dd.cofactor(result, r, false))
        }
        return result
    }

    /// The core's asynchronous graph, in the same diagram as `graph`: removed nodes never change
    /// and are held at 0 (so they add no colour), the others update by the substituted functions.
    func coreGraph(of graph: AsynchronousGraph) -> AsynchronousGraph {
        var core = graph
        // The whole universe fixes clamped nodes, all removed: hold every removed node at 0.
        let universe = core.network.dd.cube(removed.map { (variable: $0, value: false) })
        var flips = graph.canFlip
        for m in removed { flips[m] = .zero }
        for i in 0..<graph.n where flips[i] != .zero {
            flips[i] = core.network.dd.xor(core.network.dd.variable(i), coreFunctions[i])
        }
        core.replaceDynamics(canFlip: flips, universe: universe)
        return core
    }

    /// The attractors of the whole network from those of the core (`found`, in `graph`'s
    /// diagram). Constant nodes take their composed functions' values. Outputs are added in
    /// topological order: an output whose function takes both values on the attractor built so
    /// far (for its input valuation) is free in it — the rest of the attractor can be travelled
    /// with the output left alone, and it can be flipped where its function disagrees — and
    /// otherwise it is fixed at the one value; so each attractor is the core's times a product.
    ///
    /// - Complexity: one existential quantification and one conjunction per set, plus two
    ///   quantifications per output per set.
    func lift(_ found: ColouredAttractors, in graph: inout AsynchronousGraph) -> ColouredAttractors {
        var relation = BDD.one
        for m in removed where !isOutput[m] {
            relation = graph.network.dd.and(relation, graph.network.dd.equivalent(graph.network.dd.variable(m), composed[m]))
        }
        let outputs = removed.filter { isOutput[$0] }
        // Everything but the inputs (which name the colour).
        let states = (0..<graph.n).filter { graph.canFlip[$0] != .zero }
        // A fixed point: every output at its function's value.
        var pointRelation = relation
        for o in outputs {
            pointRelation = graph.network.dd.and(pointRelation, graph.network.dd.equivalent(graph.network.dd.variable(o), composed[o]))
        }
        let fixedPoints = graph.network.dd.and(graph.network.dd.exists(found.fixedPoints, removed), pointRelation)
        // A cyclic set holds one attractor per colour, so "takes both values" is asked per colour.
        var cycles: [BDD] = []
        for set in found.cycles {
            var result = graph.network.dd.and(graph.network.dd.exists(set, removed), relation)
            for o in outputs {
                let f = graph.network.functions[o]
                let canBeOne = graph.network.dd.exists(graph.network.dd.and(result, f), states)
                let canBeZero = graph.network.dd.exists(graph.network.dd.minus(result, f), states)
                let x = graph.network.dd.variable(o)
                let allowed = graph.network.dd.ite(x, canBeOne, canBeZero)
                result = graph.network.dd.and(result, allowed)
            }
            cycles.append(result)
        }
        return ColouredAttractors(fixedPoints: fixedPoints, cycles: cycles)
    }
}

extension LogicalModel {
    /// The attractors in `universe`: from every state, searched on the reduced network (see
    /// `AttractorReduction`) and lifted back; from given states (or when nothing reduces), on
    /// the whole network. Either way by `seededAttractors(_:in:removed:seedLimit:)`; exact.
    ///
    /// - Complexity: the search on the core, plus the lift.
    func exactAttractors(_ graph: inout AsynchronousGraph, in universe: BDD) -> ColouredAttractors {
        guard universe == graph.universe, let reduction = AttractorReduction(&graph) else {
            return seededAttractors(&graph, in: universe)
        }
        var core = reduction.coreGraph(of: graph)
        // A node whose rule, once the constants are substituted, reads only itself never changes
        // in the core: the core treats it as a colour, the whole network does not, and the lift
        // would merge the attractors that differ only in it. Search the whole network then.
        let removed = Set(reduction.removed)
        if (0..<graph.n).contains(where: { core.canFlip[$0] == .zero && graph.canFlip[$0] != .zero && !removed.contains($0) }) {
            return seededAttractors(&graph, in: universe)
        }
        let found = seededAttractors(&core, in: core.universe, removed: reduction.removed)
        graph.network.dd = core.network.dd
        return reduction.lift(found, in: &graph)
    }
}
