public import ImmunoGraph

extension LogicalModel {
    /// The smallest sets of permanent perturbations (knockout = 0, over-expression = the node's
    /// maximum level) after which **every** asynchronous attractor lies in the target subspace —
    /// the answers of attractor control, each with an explanation.
    ///
    /// Multi-valued models are analysed through their Boolean (thermometer) coding, which has
    /// exactly their asynchronous attractors (see the coding's documentation in the source,
    /// `Booleanisation.swift`): a node `X` of maximum `m` is the variables `X>=1 … X>=m`, a target
    /// `X=2` is `X>=2 = 1` and `X>=3 = 0`, and explanation steps name those variables.
    ///
    /// Method, for every set of at most `maxSize` perturbations of candidate nodes, by increasing
    /// size and in node order (value 0 before 1), skipping supersets of answers:
    /// 1. *Percolation* (the perturbed nodes held, everything else free). Every trajectory enters
    ///    the percolated subspace, so every attractor lies in it: if it fixes every target node at
    ///    its value the set is an answer (``ControlVerification/percolation``, explained by the
    ///    chain); if it fixes one at the other value the set is refuted.
    /// 2. *A refuting trap space*: for a free target node `t` wanted at `v`, percolate with
    ///    `t = ¬v` also held; if `t`'s rule is then constant `¬v`, that subspace is a trap space
    ///    of the perturbed model outside the target, holding an attractor: refuted.
    /// 3. *Attractors*: the exact asynchronous attractors (the search of
    ///    ``asynchronousAttractorSummaries(from:limit:)``) of the part of the model upstream of
    ///    the free target nodes inside the percolated subspace (its attractors are the projections
    ///    of the whole model's, so nothing is lost), judged as one decision diagram — never
    ///    listed, so an attractor of billions of states is as cheap to judge as a small one.
    ///
    /// Candidates are the nodes upstream of a target node (a perturbation elsewhere cannot change
    /// the target nodes' dynamics), minus `excluded`, the target nodes (unless
    /// `perturbTargets`) and nodes already held by the model's permanent clamps, which act as the
    /// fixed context (e.g. `--fix ANTIGEN=1`). Inputs count: with an input free, an answer must
    /// work for both of its values.
    ///
    /// - Parameters:
    ///   - problem: the target, the largest set size and the nodes to leave alone.
    ///   - graph: the mechanism graph the model was compiled from; when given, each explanation
    ///     step carries the graph's edges (with evidence) from the fixing regulators.
    /// - Throws: ``LogicalAnalysisError`` naming an unknown node, a target level outside the
    ///   node's range, a negative size, or a model the Boolean coding refuses.
    /// - Complexity: O(C^maxSize × 2^maxSize) percolations (C candidates), each O(N × 2^in-degree);
    ///   plus one symbolic attractor search per set percolation leaves undecided.
    public func controlStrategies(_ problem: ControlProblem, graph: MechanismGraph? = nil) throws(LogicalAnalysisError) -> ControlResult {
        let coding = try BooleanisedModel(self)
        let network = try TruthTableNetwork(coding.boolean)
        var search = try ControlSearch(coding: coding, network: network, problem: problem, graph: graph)
        return search.run()
    }
}

/// The state of one control search (see ``LogicalModel/controlStrategies(_:graph:)``).
struct ControlSearch {
    /// The model searched: the Boolean coding of the analysed model (itself when Boolean).
    let model: LogicalModel
    /// The analysed model and its coding; perturbations and targets name its nodes.
    let coding: BooleanisedModel
    let network: TruthTableNetwork
    let problem: ControlProblem
    let graph: MechanismGraph?
    /// Target (variable, value) of the coded model, in variable order.
    let target: [(node: Int, value: Int8)]
    /// Candidate nodes of the analysed model (a perturbation sets all of a node's variables).
    let candidates: [Int]
    /// The context: values held by the model's clamps, −1 elsewhere.
    let base: [Int8]
    var result: ControlResult
    /// The outcome of every part already checked, by the part's nodes and values.
    var outcomes: [[Int32]: ControlCheckOutcome] = [:]

    init(coding: BooleanisedModel, network: TruthTableNetwork, problem: ControlProblem, graph: MechanismGraph?) throws(LogicalAnalysisError) {
        let model = coding.original
        func index(_ id: String, _ role: String) throws(LogicalAnalysisError) -> Int {
            guard let i = model.index(of: id) else {
                throw LogicalAnalysisError("unknown node '\(id)' in \(role) (model '\(model.name)')")
            }
            return i
        }
        guard problem.maxSize >= 0 else { throw LogicalAnalysisError("the largest set size must be at least 0, got \(problem.maxSize)") }
        guard !problem.target.isEmpty else { throw LogicalAnalysisError("a control target needs at least one node value") }
        var targetLevels: [Int: Int] = [:]
        for condition in problem.target {
            let i = try index(condition.node, "the target")
            guard (0...model.maxLevels[i]).contains(condition.value) else {
                throw LogicalAnalysisError("target level \(condition.value) for '\(condition.node)' is outside "
                    + "0...\(model.maxLevels[i])")
            }
            if let other = targetLevels[i], other != condition.value {
                throw LogicalAnalysisError("the target asks '\(condition.node)' to be both \(other) and \(condition.value)")
            }
            targetLevels[i] = condition.value
        }
        var excluded = Set<Int>()
        for id in problem.excluded { excluded.insert(try index(id, "--exclude")) }
        let boolean = coding.boolean
        var base = [Int8](repeating: -1, count: boolean.nodeCount)
        for clamp in boolean.permanentClamps { base[clamp.node] = clamp.level > 0 ? 1 : 0 }
        let targetList = targetLevels.keys.sorted().flatMap { i in
            coding.conditions(node: i, level: targetLevels[i] ?? 0).map { (node: $0.variable, value: $0.value) }
        }
        let upstream = Set(network.ancestors(of: targetList.map(\.node)).map { coding.owner[$0] })
        self.candidates = upstream.sorted().filter { i in
            !excluded.contains(i) && base[coding.variables[i].lowerBound] < 0
                && (problem.perturbTargets || targetLevels[i] == nil)
        }
        // Refuse a search too large to finish: Σ C(c, s) × 2^s sets.
        var total = 0.0, combinations = 1.0
        for size in 0...min(problem.maxSize, candidates.count) {
            if size > 0 { combinations *= Double(candidates.count - size + 1) / Double(size) }
            total += combinations * Double(1 << min(size, 60))
        }
        guard total <= Double(problem.setLimit) else {
            throw LogicalAnalysisError("sets of at most \(problem.maxSize) perturbations of \(candidates.count) candidate nodes "
                + "are \(Int(min(total, 1e18))) sets, more than the \(problem.setLimit) examined; lower the size, "
                + "exclude nodes or fix the context")
        }
        self.model = boolean
        self.coding = coding
        self.network = network
        self.problem = problem
        self.graph = graph
        self.target = targetList
        self.base = base
        self.result = ControlResult(strategies: [], candidates: candidates.map { model.nodeIDs[$0] }, examined: 0,
                                    decidedByPercolation: 0, refutedByTrapSpace: 0, attractorChecks: 0, attractorSearches: 0,
                                    undecided: [])
    }

    /// Every set by increasing size, minimal answers only.
    mutating func run() -> ControlResult {
        var answers: [[(Int, Int8)]] = []
        for size in 0...min(problem.maxSize, candidates.count) {
            var found: [[(Int, Int8)]] = []
            forEachSet(size: size) { set in
                // A superset of an answer is not minimal.
                if answers.contains(where: { answer in answer.allSatisfy { a in set.contains { $0 == a } } }) { return }
                if let strategy = examine(set) {
                    result.strategies.append(strategy)
                    found.append(set)
                }
            }
            answers += found
        }
        return result
    }

    /// Calls `body` with every set of `size` distinct candidates and every value assignment (0 =
    /// knockout, 1 = maximum level), in order: node combinations lexicographically, then values as
    /// a binary number (0 first).
    func forEachSet(size: Int, _ body: (_ set: [(Int, Int8)]) -> Void) {
        let c = candidates.count
        guard size <= c else { return }
        var chosen = Array(0..<size)
        while true {
            for values in 0..<(1 << size) {
                body((0..<size).map { (candidates[chosen[$0]], Int8(values >> (size - 1 - $0) & 1)) })
            }
            // Next combination.
            var k = size - 1
            while k >= 0 && chosen[k] == c - size + k { k -= 1 }
            if k < 0 { return }
            chosen[k] += 1
            for m in (k + 1)..<size { chosen[m] = chosen[m - 1] + 1 }
        }
    }

    /// Decides one set; the strategy when it is an answer.
    mutating func examine(_ set: [(Int, Int8)]) -> ControlStrategy? {
        result.examined += 1
        let start = perturbedStart(set)
        let (values, steps) = network.percolate(start, steps: false)
        if target.contains(where: { values[$0.node] >= 0 && values[$0.node] != $0.value }) {
            result.decidedByPercolation += 1
            return nil
        }
        let free = target.filter { values[$0.node] < 0 }
        if free.isEmpty {
            result.decidedByPercolation += 1
            return strategy(set, .percolation, start: start, checked: 0)
        }
        _ = steps
        var walkEnds: [[Int8]] = []
        if refutedByTrapSpace(values, free: free, walkEnds: &walkEnds) {
            result.refutedByTrapSpace += 1
            return nil
        }
        result.attractorChecks += 1
        switch checkAttractors(values: values, free: free, walkEnds: walkEnds) {
        case .inside(let verification, let count):
            return strategy(set, verification, start: start, checked: count)
        case .outside:
            return nil
        case .unknown:
            result.undecided.append(nodeValues(set))
            return nil
        }
    }

    /// The strategy for `set`, with the percolation steps that lead to the target nodes (or, when
    /// percolation does not reach them, to the nodes upstream of them).
    func strategy(_ set: [(Int, Int8)], _ verification: ControlVerification, start: [Int8], checked: Int) -> ControlStrategy {
        let (_, steps) = network.percolate(start)
        // Keep the steps the target nodes depend on: walk the "because" links back from them.
        let stepOf = Dictionary(steps.enumerated().map { ($1.node, $0) }, uniquingKeysWith: { a, _ in a })
        var needed = Set<Int>()
        var stack = target.map(\.node).filter { stepOf[$0] != nil }
        if stack.isEmpty {
            // Not reached: keep the steps upstream of the target.
            let upstream = network.ancestors(of: target.map(\.node))
            stack = steps.map(\.node).filter { upstream.contains($0) }
        }
        while let i = stack.popLast() {
            guard needed.insert(i).inserted, let k = stepOf[i] else { continue }
            stack.append(contentsOf: reasons(steps[k], steps, start))
        }
        let explanation = steps.filter { needed.contains($0.node) }.map { step in
            ControlStep(node: model.nodeIDs[step.node], value: Int(step.value),
                        because: reasons(step, steps, start).map { NodeValue(model.nodeIDs[$0], Int(percolatedValue($0, steps, start))) },
                        edges: edges(into: step.node, from: reasons(step, steps, start)))
        }
        return ControlStrategy(perturbations: nodeValues(set),
                               verification: verification, explanation: explanation, checked: checked)
    }

    /// A smallest-first subset of a step's fixed regulators that alone makes the node's rule
    /// constant (greedy: a regulator is dropped when the rule stays constant without it) — the
    /// reasons that matter, not every regulator that happened to be fixed.
    func reasons(_ step: PercolationStep, _ steps: [PercolationStep], _ start: [Int8]) -> [Int] {
        var values = [Int8](repeating: -1, count: model.nodeCount)
        for j in step.because { values[j] = percolatedValue(j, steps, start) }
        var kept = step.because
        for j in step.because.reversed() {
            let saved = values[j]
            values[j] = -1
            if network.constantValue(of: step.node, in: values) == step.value {
                kept.removeAll { $0 == j }
            } else {
                values[j] = saved
            }
        }
        return kept
    }

    /// The value of node `j` in a percolation from `start` with `steps`.
    func percolatedValue(_ j: Int, _ steps: [PercolationStep], _ start: [Int8]) -> Int8 {
        if start[j] >= 0 { return start[j] }
        return steps.first { $0.node == j }?.value ?? -1
    }

    /// The graph's edges from `regulators` into `node` (coded variables, read as their nodes),
    /// with their evidence.
    func edges(into node: Int, from regulators: [Int]) -> [Edge] {
        guard let graph else { return [] }
        let ids = coding.original.nodeIDs
        let id = ids[coding.owner[node]]
        var seen = Set<Int>()
        return regulators.filter { seen.insert(coding.owner[$0]).inserted }
            .flatMap { graph.edges(from: ids[coding.owner[$0]], to: id) }
    }

    /// The coded start of a set: the context, with every variable of a perturbed node at the
    /// set's value (all off for a knockout, all on for the maximum level).
    func perturbedStart(_ set: [(Int, Int8)]) -> [Int8] {
        var start = base
        for (i, v) in set { for variable in coding.variables[i] { start[variable] = v } }
        return start
    }

    /// A set as node values of the analysed model (1 means the node's maximum level).
    func nodeValues(_ set: [(Int, Int8)]) -> [NodeValue] {
        set.map { NodeValue(coding.original.nodeIDs[$0.0], $0.1 > 0 ? coding.original.maxLevels[$0.0] : 0) }
    }
}
