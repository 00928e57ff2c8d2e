public import ImmunoGraph

extension LogicalModel {
    /// The smallest sets of permanent perturbations (knockout = 0, over-expression = 1) after
    /// which **every** asynchronous attractor lies in the target subspace — the answers of
    /// attractor control, each with an explanation.
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
    /// 3. *Attractors*: the exact asynchronous attractors (``symbolicAsynchronousAttractors(from:stateLimit:basins:)``)
    ///    of the part of the model upstream of the free target nodes inside the percolated
    ///    subspace (its attractors are the projections of the whole model's, so nothing is lost).
    ///    When an attractor is too large to list, the minimal trap spaces of that part decide
    ///    (``ControlVerification/trapSpaces``: an attractor avoiding every minimal trap space is
    ///    then not excluded).
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
    /// - Throws: ``LogicalAnalysisError`` naming an unknown node, a value other than 0 or 1, a
    ///   negative size, or a multi-valued model.
    /// - Complexity: O(C^maxSize × 2^maxSize) percolations (C candidates), each O(N × 2^in-degree);
    ///   plus one symbolic attractor search per set percolation leaves undecided.
    public func controlStrategies(_ problem: ControlProblem, graph: MechanismGraph? = nil) throws(LogicalAnalysisError) -> ControlResult {
        let network = try TruthTableNetwork(self)
        var search = try ControlSearch(model: self, network: network, problem: problem, graph: graph)
        return search.run()
    }
}

/// The state of one control search (see ``LogicalModel/controlStrategies(_:graph:)``).
struct ControlSearch {
    let model: LogicalModel
    let network: TruthTableNetwork
    let problem: ControlProblem
    let graph: MechanismGraph?
    /// Target (node, value), in node order.
    let target: [(node: Int, value: Int8)]
    let candidates: [Int]
    /// The context: values held by the model's clamps, −1 elsewhere.
    let base: [Int8]
    var result: ControlResult
    /// The outcome of every part already checked, by the part's nodes and values.
    var outcomes: [[Int32]: ControlCheckOutcome] = [:]

    init(model: LogicalModel, network: TruthTableNetwork, problem: ControlProblem, graph: MechanismGraph?) throws(LogicalAnalysisError) {
        func index(_ id: String, _ role: String) throws(LogicalAnalysisError) -> Int {
            guard let i = model.index(of: id) else {
                throw LogicalAnalysisError("unknown node '\(id)' in \(role) (model '\(model.name)')")
            }
            return i
        }
        guard problem.maxSize >= 0 else { throw LogicalAnalysisError("the largest set size must be at least 0, got \(problem.maxSize)") }
        guard !problem.target.isEmpty else { throw LogicalAnalysisError("a control target needs at least one node value") }
        var target: [Int: Int8] = [:]
        for condition in problem.target {
            let i = try index(condition.node, "the target")
            guard condition.value == 0 || condition.value == 1 else {
                throw LogicalAnalysisError("target value \(condition.value) for '\(condition.node)' is not 0 or 1")
            }
            if let other = target[i], other != Int8(condition.value) {
                throw LogicalAnalysisError("the target asks '\(condition.node)' to be both 0 and 1")
            }
            target[i] = Int8(condition.value)
        }
        var excluded = Set<Int>()
        for id in problem.excluded { excluded.insert(try index(id, "--exclude")) }
        var base = [Int8](repeating: -1, count: model.nodeCount)
        for clamp in model.permanentClamps { base[clamp.node] = clamp.level > 0 ? 1 : 0 }
        let targetList = target.keys.sorted().map { (node: $0, value: target[$0] ?? 0) }
        let upstream = network.ancestors(of: targetList.map(\.node))
        self.candidates = upstream.sorted().filter { i in
            !excluded.contains(i) && base[i] < 0 && (problem.perturbTargets || target[i] == nil)
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
        self.model = model
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

    /// Calls `body` with every set of `size` distinct candidates and every value assignment, in
    /// order: node combinations lexicographically, then values as a binary number (0 first).
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
        var start = base
        for (i, v) in set { start[i] = v }
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
            result.undecided.append(set.map { NodeValue(model.nodeIDs[$0.0], Int($0.1)) })
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
        return ControlStrategy(perturbations: set.map { NodeValue(model.nodeIDs[$0.0], Int($0.1)) },
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

    /// The graph's edges from `regulators` into `node`, with their evidence.
    func edges(into node: Int, from regulators: [Int]) -> [Edge] {
        guard let graph else { return [] }
        let id = model.nodeIDs[node]
        return regulators.flatMap { graph.edges(from: model.nodeIDs[$0], to: id) }
    }
}
