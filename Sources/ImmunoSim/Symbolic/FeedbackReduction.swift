import ImmunoGraph

/// A Boolean network reduced to a feedback vertex set, for its asynchronous attractors: a cheap
/// way to find states inside them and to prove a search found them all.
///
/// Let `U` be a feedback vertex set of the non-colour nodes (every cycle among them, self-loops
/// included, meets `U`; colours — inputs and other nodes that never change — are parameters).
/// With `U` and the colours held, the other nodes form an acyclic network: updated
/// asynchronously in any order they settle on its unique fixed point, where each node equals its
/// *composed* function of `U` and the colours (its function with every eliminated regulator
/// replaced by that regulator's composed function, in topological order). The states where every
/// eliminated node equals its composed function are the *candidates*, one per valuation of `U`
/// and the colours. The *reduced* network moves the `U` nodes only: `u` follows `f_u` read at the
/// candidate. Each reduced step is a real path (flip `u`, then let the eliminated nodes settle).
/// Hence:
///
/// 1. every attractor `A` holds a candidate (from any state of `A`, let the eliminated nodes
///    settle: the path stays in `A`);
/// 2. from every candidate, a reduced path leads into a terminal component of the reduced network,
///    and is a real path: so every attractor holds a state reachable from the candidates of those
///    terminal components — all attractors lie in the forward set of those *pivots*
///    (`feedbackSeededAttractors(_:in:allowance:)`);
/// 3. if every candidate reaches, in the reduced network, a candidate of an attractor already
///    found, no attractor was missed (`provesComplete(_:in:by:)`); the converse can fail (a
///    reduced path is one real path among many), so a failed proof only means "search further".
///
/// The reduced network has |U| moving variables: 5 on BBM 093's 37-node core, 14 on 014's.
struct FeedbackReduction {
    /// The feedback vertex set `U` (greedy, not necessarily minimum).
    let feedback: [Int]
    /// The other non-colour nodes, each after its eliminated regulators.
    let eliminated: [Int]
    /// The candidates: every eliminated node equal to its composed function.
    let candidate: BDD
    /// The reduced dynamics: for a node of `U`, where it can change at the candidate; `.zero`
    /// for every other node.
    let flips: [BDD]

    /// The reduction of `graph`'s dynamics (its `canFlip`), in its diagram, or `nil` when every
    /// node is a colour or the reduction is too large.
    ///
    /// - Complexity: O(N × (N + E)) for the feedback vertex set, then one substitution (two
    ///   cofactors and an ITE) per eliminated regulator of each node and one conjunction per
    ///   eliminated node; `nil` when these would store more than `allowance` further nodes.
    init?(_ graph: inout AsynchronousGraph, allowance: Int) {
        let n = graph.n
        let isColour = (0..<n).map { graph.canFlip[$0] == .zero }
        let (functions, regulators, _) = graph.updateGraph()
        feedback = Self.greedyFeedbackVertexSet(regulators: regulators, isColour: isColour)
        guard !isColour.allSatisfy({ $0 }) else { return nil }
        var isFeedback = [Bool](repeating: false, count: n)
        for u in feedback { isFeedback[u] = true }
        let isEliminated = (0..<n).map { !isColour[$0] && !isFeedback[$0] }
        guard let order = Self.topologicalOrder(regulators: regulators, among: isEliminated) else { return nil }
        eliminated = order
        // Composed functions by substitution in topological order (each eliminated regulator by
        // its own composed function), so the candidates and the reduced functions read `U` and
        // the colours only.
        let outer = graph.network.dd.budget
        graph.network.dd.setBudget(Self.budget(within: outer, allowance: allowance, stored: graph.network.dd.storedNodeCount))
        var composed = functions
        var candidate = BDD.one
        for v in order {
            composed[v] = AttractorReduction.substitute(functions[v], regulators[v], replace: isEliminated, composed,
                                                        &graph.network.dd)
            candidate = graph.network.dd.and(candidate, graph.network.dd.equivalent(graph.network.dd.variable(v), composed[v]))
        }
        var flips = [BDD](repeating: .zero, count: n)
        for u in feedback {
            let reduced = AttractorReduction.substitute(functions[u], regulators[u], replace: isEliminated, composed,
                                                        &graph.network.dd)
            flips[u] = graph.network.dd.xor(graph.network.dd.variable(u), reduced)
        }
        let exhausted = graph.network.dd.isExhausted
        graph.network.dd.setBudget(outer)
        guard !exhausted else { return nil }
        self.candidate = candidate
        self.flips = flips
    }

    /// `outer` narrowed to at most `allowance` nodes stored beyond `stored`.
    static func budget(within outer: DiagramBudget?, allowance: Int, stored: Int) -> DiagramBudget {
        let limit = stored.addingReportingOverflow(allowance)
        return DiagramBudget(nodes: min(outer?.nodes ?? .max, limit.overflow ? .max : limit.partialValue),
                             deadline: outer?.deadline)
    }

    /// A feedback vertex set of the graph on the non-colour nodes (`regulators[v]`: the nodes
    /// `v` reads), greedy: nodes on no cycle are peeled off (no live regulator or reader), then a
    /// node reading itself is taken, else the one with the most live (regulators × readers).
    ///
    /// - Complexity: O(N × (N + E)).
    static func greedyFeedbackVertexSet(regulators: [[Int]], isColour: [Bool]) -> [Int] {
        let n = regulators.count
        var alive = (0..<n).map { !isColour[$0] }
        var readers = [[Int]](repeating: [], count: n)
        for v in 0..<n { for r in regulators[v] { readers[r].append(v) } }
        var chosen: [Int] = []
        while true {
            var peeled = true
            while peeled {
                peeled = false
                for v in 0..<n where alive[v] {
                    if !regulators[v].contains(where: { alive[$0] }) || !readers[v].contains(where: { alive[$0] }) {
                        alive[v] = false
                        peeled = true
                    }
                }
            }
            let live = (0..<n).filter { alive[$0] }
            guard let first = live.first else { return chosen.sorted() }
            func score(_ v: Int) -> Int {
                regulators[v].filter { alive[$0] }.count * readers[v].filter { alive[$0] }.count
            }
            let pick = live.first { regulators[$0].contains($0) } ?? live.max { (score($0), -$0) < (score($1), -$1) } ?? first
            chosen.append(pick)
            alive[pick] = false
        }
    }

    /// The nodes where `among` holds, each after its regulators among them; `nil` on a cycle
    /// (self-loops included). By Tarjan's components (`StronglyConnectedComponents`), which
    /// list a component before any that reaches it: reversed, sources first.
    ///
    /// - Complexity: O(N + E).
    static func topologicalOrder(regulators: [[Int]], among: [Bool]) -> [Int]? {
        var readers = [[Int]](repeating: [], count: regulators.count)
        for v in regulators.indices where among[v] {
            for r in regulators[v] where among[r] { readers[r].append(v) }
        }
        var order: [Int] = []
        for component in StronglyConnectedComponents.of(successors: readers).reversed() {
            guard component.count == 1, let v = component.first, !readers[v].contains(v) else { return nil }
            if among[v] { order.append(v) }
        }
        return order
    }
}

extension AsynchronousGraph {
    /// `body` run with the reduced dynamics of `reduction` (only its feedback nodes move).
    mutating func withReducedDynamics<T>(_ reduction: FeedbackReduction, _ body: (inout AsynchronousGraph) -> T) -> T {
        let (ownFlips, ownUniverse) = (canFlip, universe)
        replaceDynamics(canFlip: reduction.flips, universe: .one)
        let result = body(&self)
        replaceDynamics(canFlip: ownFlips, universe: ownUniverse)
        return result
    }

    /// The attractors inside the forward-closed `space`, searched only in the forward set of the
    /// candidates of the reduced network's terminal components (see ``FeedbackReduction``, point
    /// 2); `nil` when that search would store more than `allowance` further diagram nodes (the
    /// pivots are then transient and their forward set large: search another way).
    ///
    /// - Complexity: the reduced network's attractors (|U| moving variables), one forward
    ///   reachability from the pivots, and a coloured search inside it.
    mutating func feedbackSeededAttractors(_ reduction: FeedbackReduction, in space: BDD,
                                           allowance: Int) -> ColouredAttractors? {
        let outer = network.dd.budget
        network.dd.setBudget(FeedbackReduction.budget(within: outer, allowance: allowance, stored: network.dd.storedNodeCount))
        let candidates = network.dd.exists(network.dd.and(space, reduction.candidate), reduction.eliminated)
        // Reduced paths are real paths, so the candidates of `space` are forward-closed for them.
        let terminal = withReducedDynamics(reduction) { $0.colouredAttractors(in: candidates) }
        let pivots = network.dd.and(network.dd.or(all: [terminal.fixedPoints] + terminal.cycles), reduction.candidate)
        let forward = reach(pivots, within: space, forward: true)
        let found = colouredAttractors(in: forward)
        let exhausted = network.dd.isExhausted
        network.dd.setBudget(outer)
        return exhausted ? nil : found
    }

    /// Whether every attractor inside the forward-closed `space` is one of `found`'s, proved on
    /// the reduced network (see ``FeedbackReduction``, point 3); `false` when the proof does not
    /// go through — not a claim that an attractor is missing.
    ///
    /// - Complexity: one conjunction and quantification over the found sets, and a backward
    ///   reachability in the reduced network.
    mutating func provesComplete(_ found: ColouredAttractors, in space: BDD, by reduction: FeedbackReduction) -> Bool {
        let all = network.dd.or(all: [found.fixedPoints] + found.cycles)
        let target = network.dd.exists(network.dd.and(all, reduction.candidate), reduction.eliminated)
        let candidates = network.dd.exists(network.dd.and(space, reduction.candidate), reduction.eliminated)
        let reaching = withReducedDynamics(reduction) { $0.reach(target, within: candidates, forward: false) }
        return network.dd.minus(candidates, reaching) == .zero
    }
}
