public import ImmunoGraph
import Foundation

extension Hypothesis {
    /// Checks the hypothesis on `graph` under its ``semantics``: the graded engine, or the logical
    /// engine with levels read at step `steps` (``LogicalEngine``).
    public func check(on graph: MechanismGraph, reference: String? = nil) throws -> Verdict {
        switch semantics {
        case .graded:
            return try check(with: try CompiledGradedModel(graph), reference: reference)
        case .logical(let update, let policy, let steps, let runs):
            guard steps > 0, runs > 0 else { throw PerturbationError("logical hypotheses need steps > 0 and runs > 0") }
            var copy = self
            copy.readAt = .step(steps)
            let engine = try LogicalEngine(graph, policy: policy, update: update, runs: runs, seed: robustness?.seed ?? 1)
            return try copy.check(with: engine, reference: reference)
        case .stochastic(let trajectories, let maxTime):
            guard trajectories > 0, maxTime > 0 else { throw PerturbationError("stochastic hypotheses need trajectories > 0 and maxTime > 0") }
            var copy = self
            copy.readAt = .step(Int(maxTime.rounded(.up)))
            let settings = StochasticSettings(
                trajectories: trajectories, maxTime: maxTime, seed: robustness?.seed ?? 1, threads: 2)
            return try copy.check(with: try StochasticEngine(graph, settings: settings), reference: reference)
        }
    }

    /// Checks the hypothesis on a compiled graded model (a logical hypothesis compiles its own).
    public func check(on model: CompiledGradedModel, reference: String? = nil) throws -> Verdict {
        guard case .graded = semantics else { return try check(on: model.graph, reference: reference) }
        return try check(with: model, reference: reference)
    }

    /// Checks the hypothesis with any engine: runs baseline and treated arms, evaluates every
    /// expectation, explains each direction expectation (signed chains and in-silico mediation),
    /// and with ``robustness`` repeats the expectations on the engine's variants
    /// (``SimulationEngine/variant(seed:jitter:)``: jittered weights and rates for the graded
    /// engine, other seeds for ensembles). Same engine and seed, same verdict.
    ///
    /// - Throws: errors for therapy specs, backgrounds or nodes that do not exist in the model.
    public func check(with engine: some SimulationEngine, reference: String? = nil) throws -> Verdict {
        let graph = engine.graph
        // A graded run records every state up to the readout: bound the memory before running.
        let lastStep: Int
        switch readAt {
        case .step(let n): lastStep = n
        case .window(_, let to): lastStep = to
        case .steadyState(_, let maxSteps): lastStep = maxSteps
        }
        let (states, overflow) = (max(0, lastStep) &+ 1).multipliedReportingOverflow(by: max(1, graph.nodeCount))
        if overflow || states > HypothesisFile.maximumRecordedStates {
            throw PerturbationError("hypothesis '\(name)': reading at step \(lastStep) on \(graph.nodeCount) nodes would record "
                + "more than \(HypothesisFile.maximumRecordedStates) node-states (800 MB); read earlier")
        }
        let treated = try scenario(in: graph, therapies: therapies, reference: reference)
        var outcomes = try evaluate(with: engine, treated: treated)
        var explanations: [Explanation] = []
        for (k, expectation) in expectations.enumerated() {
            if case .direction(let node, let expected) = expectation {
                let explanation = try engine.explain(node, in: treated, at: readAt, tolerance: tolerance)
                explanations.append(explanation)
                outcomes[k].chain = (explanation.chains + explanation.opposingChains).first { $0.predicts == expected }?.text
            }
        }
        var verdict = Verdict(
            name: name, holds: outcomes.allSatisfy(\.holds), outcomes: outcomes, passFraction: nil, confidenceInterval: nil, variants: nil,
            required: nil, explanations: explanations, expectationKinds: expectations.map(\.kind))
        if let robustness {
            guard robustness.variants > 0, (0...1).contains(robustness.required), robustness.jitter >= 0 else {
                throw PerturbationError("robustness needs variants > 0, 0 <= required <= 1 and jitter >= 0")
            }
            var passed = 0
            for v in 0..<robustness.variants {
                let variant = try engine.variant(seed: CompiledGradedModel.ensembleSeed(robustness.seed, run: v), jitter: robustness.jitter)
                if try evaluate(with: variant, treated: treated).allSatisfy(\.holds) { passed += 1 }
            }
            verdict.record(passed: passed, of: robustness)
        }
        return verdict
    }

    func scenario(in graph: MechanismGraph, therapies specs: [String], reference: String?) throws -> Scenario {
        let parsed = try specs.map { spec throws -> Therapy in try TherapySpec.parse(spec, in: graph) }
        return Scenario(
            name: name, model: reference ?? graph.name, background: background, therapies: parsed,
            perturbations: perturbations)
    }

    func evaluate(with engine: some SimulationEngine, treated: Scenario) throws -> [Verdict.Outcome] {
        let graph = engine.graph
        let nodes = expectations.map(\.node)
        for node in nodes where graph.index(of: node) == nil { throw PerturbationError(graph.unknownNodeMessage(node)) }
        let response = try engine.response(to: treated, at: readAt, readouts: Array(Set(nodes)).sorted(), tolerance: tolerance)
        var treatedLevels: [ReadoutTime: [Double]] = [:]
        func levels(at time: ReadoutTime) throws -> [Double] {
            if let cached = treatedLevels[time] { return cached }
            let value = try engine.read(treated, at: time).levels
            treatedLevels[time] = value
            return value
        }
        return try outcomes(
            in: graph, response: response, treatedLevels: { try levels(at: $0 ?? readAt) },
            armLevels: { arm in
                var armScenario = try scenario(in: graph, therapies: arm, reference: treated.model)
                // Nodes the hypothesis's own therapies drive are off in an arm that does not give them.
                for initial in treated.baseline.initialLevels where !armScenario.initialLevels.contains(where: { $0.node == initial.node }) {
                    armScenario.initialLevels.append(initial)
                }
                return try engine.read(armScenario, at: readAt).levels
            })
    }

    /// Evaluates every expectation from what an engine read: the treated arm's `response`, the
    /// treated levels at a time (`nil`: the hypothesis's readout time), and the levels of any arm
    /// (therapy specs). Shared by the graded and the logical checks.
    func outcomes(
        in graph: MechanismGraph, response: Response, treatedLevels: (ReadoutTime?) throws -> [Double],
        armLevels: ([String]) throws -> [Double]
    ) throws -> [Verdict.Outcome] {
        try expectations.map { expectation -> Verdict.Outcome in
            let node = expectation.node
            let i = graph.index(of: node) ?? 0
            switch expectation {
            case .direction(_, let expected):
                guard let r = response[node] else { throw PerturbationError(graph.unknownNodeMessage(node)) }
                var holds = r.direction == expected
                var observed = "\(node) \(format(r.baseline)) -> \(format(r.treated)) (\(signed(r.delta)), \(r.direction.rawValue))"
                if let confidence, let standardError = r.standardError {
                    // The change must be significant at the confidence level, not only beyond the tolerance.
                    let half = Hypothesis.normalQuantile(0.5 + confidence / 2) * standardError
                    let significant = abs(r.delta) > half
                    holds = expected == .unchanged ? holds : holds && significant
                    observed += " ± \(format(half)) at \(String(format: "%g", confidence * 100))% confidence"
                        + (significant ? "" : ", not significant")
                }
                return .init(expectation: expectation.description, holds: holds, observed: observed, effect: r.delta, chain: nil)
            case .level(_, let low, let high, let time):
                let value = try treatedLevels(time)[i]
                let ok = (low.map { value >= $0 } ?? true) && (high.map { value <= $0 } ?? true)
                return .init(expectation: expectation.description, holds: ok, observed: "\(node) = \(format(value))", effect: value, chain: nil)
            case .comparison(_, let arm, let relation, let other, let margin):
                let a = try armLevels(arm)[i], b = try armLevels(other)[i]
                let difference = a - b
                let ok = relation == .lowerThan ? difference < -margin : difference > margin
                return .init(expectation: expectation.description, holds: ok,
                    observed: "\(node) \(format(a)) vs \(format(b)) (difference \(signed(difference)))", effect: difference,
                    chain: nil)
            case .timeCourse(_, let transient):
                guard let r = response[node] else { throw PerturbationError(graph.unknownNodeMessage(node)) }
                let moved = r.firstStep != nil
                let ok = moved && r.isTransient == transient
                let what = !moved ? "never moved" : r.isTransient ? "transient (first moved at step \(r.firstStep ?? 0))" : "sustained (\(signed(r.delta)))"
                return .init(expectation: expectation.description, holds: ok, observed: "\(node) \(what)", effect: r.delta, chain: nil)
            }
        }
    }
}

func format(_ x: Double) -> String {
    let rounded = (x * 1000).rounded() / 1000
    return rounded == 0 ? "0" : "\(rounded)"
}

func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + format(x) }

extension Verdict {
    /// Records an ensemble: `passed` of `robustness.variants` variants held; the verdict holds only
    /// if it held already and the pass fraction reaches `robustness.required`.
    mutating func record(passed: Int, of robustness: Hypothesis.Robustness) {
        let fraction = Double(passed) / Double(robustness.variants)
        passFraction = fraction
        confidenceInterval = Verdict.wilsonInterval(successes: passed, trials: robustness.variants)
        variants = robustness.variants
        required = robustness.required
        holds = holds && fraction >= robustness.required
    }
}

extension Hypothesis {
    /// The standard normal quantile: `Φ⁻¹(p)` for 0 < p < 1 (bisection on `erf`, to 1e-12).
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
        var low = -40.0, high = 40.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if 0.5 * (1 + erf(mid / 2.0.squareRoot())) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
