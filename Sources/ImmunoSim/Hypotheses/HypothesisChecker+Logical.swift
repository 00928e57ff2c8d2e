import ImmunoGraph

extension Hypothesis {
    /// Checks the hypothesis under the logical semantics (see ``Semantics/logical(update:policy:steps:runs:)``).
    ///
    /// Each expectation is read from attractor-averaged levels; a direction expectation names the
    /// shortest signed path from a therapy's node whose sign predicts the expected direction (the
    /// logical engine has no in-silico mediation, so chains are structural).
    ///
    /// - Throws: errors for therapy specs, backgrounds or nodes that do not exist in the model.
    /// - Complexity: two logical runs per arm (times `runs` when asynchronous), per variant.
    func checkLogical(
        on graph: MechanismGraph, update: LogicalUpdate, policy: RulePolicy, steps: Int, runs: Int, reference: String?
    ) throws -> Verdict {
        guard steps > 0, runs > 0 else { throw PerturbationError("logical hypotheses need steps > 0 and runs > 0") }
        let treated = try scenario(in: graph, therapies: therapies, reference: reference)
        for node in expectations.map(\.node) where graph.index(of: node) == nil {
            throw PerturbationError(graph.unknownNodeMessage(node))
        }
        func evaluate(seed: UInt64) throws -> [Verdict.Outcome] {
            let response = try LogicalResponse.response(
                graph: graph, treated: treated, readouts: Array(Set(expectations.map(\.node))).sorted(), policy: policy,
                update: update, steps: steps, seed: seed, runs: runs, tolerance: tolerance)
            var armLevels: [[String]: [Double]] = [:]
            func levels(_ arm: [String]) throws -> [Double] {
                if let cached = armLevels[arm] { return cached }
                let value = try LogicalResponse.levels(
                    graph: graph, scenario: scenario(in: graph, therapies: arm, reference: treated.model), policy: policy,
                    update: update, steps: steps, seed: seed, runs: runs).levels
                armLevels[arm] = value
                return value
            }
            return try outcomes(in: graph, response: response, treatedLevels: { _ in try levels(therapies) }, armLevels: levels)
        }
        let seed = robustness?.seed ?? 1
        var results = try evaluate(seed: seed)
        for (k, expectation) in expectations.enumerated() {
            if case .direction(let node, let expected) = expectation {
                results[k].chain = try structuralChain(to: node, predicting: expected, in: graph, scenario: treated)
            }
        }
        var verdict = Verdict(
            name: name, holds: results.allSatisfy(\.holds), outcomes: results, passFraction: nil, confidenceInterval: nil,
            variants: nil, required: nil, explanations: [], expectationKinds: expectations.map(\.kind))
        if let robustness {
            guard robustness.variants > 0, (0...1).contains(robustness.required) else {
                throw PerturbationError("robustness needs variants > 0 and 0 <= required <= 1")
            }
            var passed = 0
            for v in 0..<robustness.variants where try evaluate(seed: CompiledGradedModel.ensembleSeed(robustness.seed, run: v)).allSatisfy(\.holds) {
                passed += 1
            }
            verdict.record(passed: passed, of: robustness)
        }
        return verdict
    }

    /// The shortest signed path (≤ 8 edges) from a node the scenario drives up to `node` whose sign
    /// predicts `expected`, as text (`ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION`), or `nil`.
    private func structuralChain(to node: String, predicting expected: Direction, in graph: MechanismGraph, scenario: Scenario) throws -> String? {
        guard let target = graph.index(of: node), expected != .unchanged else { return nil }
        var best: SignedPath?
        for therapy in scenario.therapies {
            guard case .drive(let origin) = try therapy.action(in: graph) else { continue }
            let sign: Sign = expected == .up ? .activates : .inhibits
            for path in graph.signedPaths(from: origin, to: target, maxLength: 8, sign: sign, limit: 50)
            where best.map({ path.edges.count < $0.edges.count }) ?? true {
                best = path
            }
        }
        return best.map { graph.describe($0) }
    }
}
