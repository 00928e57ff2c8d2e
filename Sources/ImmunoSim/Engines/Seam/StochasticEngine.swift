public import ImmunoGraph

/// The stochastic semantics behind the engine seam: MaBoSS's continuous-time Markov chain
/// (``StochasticModel``), read as the probability of each node being on.
///
/// A scenario maps onto the model as the logical engine maps it (therapies and perturbations
/// become timed clamps; one step is one time unit); its initial levels are probabilities of being
/// on. In a model with explicit rules (imported models) a node with no stated level starts on
/// with probability ½, as MaBoSS's random initial state. A readout at step `n` is the probability
/// averaged over the last sampling window before time `n` (MaBoSS's last "probtraj" line); a
/// window readout averages the windows it covers; steady state reads the last window of
/// ``settings``' `maxTime`. ``EngineReading/spread`` holds each probability's binomial
/// standard deviation per trajectory, `√(p(1 − p))`.
public struct StochasticEngine: SimulationEngine {
    /// The model.
    public let graph: MechanismGraph
    /// The rule policy for nodes without explicit logic.
    public let policy: RulePolicy
    /// Rates, parameters, initial distribution and interventions beyond the scenario.
    public let configuration: StochasticConfiguration
    /// Trajectories, default time, tick, seed and threads.
    public private(set) var settings: StochasticSettings
    /// Whether a basal level is spontaneous activity (the default) or only rounds the initial
    /// state (``StochasticModel/init(_:policy:perturbations:configuration:spontaneousBasal:)``).
    public let spontaneousBasal: Bool

    /// Creates the engine; nothing is compiled until a scenario is read (interventions change the
    /// compiled schedule).
    ///
    /// - Throws: ``EngineError`` for settings that cannot run.
    public init(
        _ graph: MechanismGraph, policy: RulePolicy = .inhibitorDominant, configuration: StochasticConfiguration = .init(),
        settings: StochasticSettings = .init(), spontaneousBasal: Bool = true
    ) throws(EngineError) {
        guard settings.trajectories > 0 else { throw EngineError(.run, "the number of trajectories must be positive") }
        guard settings.maxTime > 0, settings.timeTick > 0 else { throw EngineError(.run, "max time and time tick must be positive") }
        self.graph = graph
        self.policy = policy
        self.configuration = configuration
        self.settings = settings
        self.spontaneousBasal = spontaneousBasal
    }

    /// `"stochastic (10000 trajectories)"`.
    public var semanticsDescription: String { "stochastic (\(settings.trajectories) trajectories)" }

    /// Compiles the scenario into the model and runs the trajectories.
    public func read(_ scenario: Scenario, at time: ReadoutTime) throws(EngineError) -> EngineReading {
        if let problem = time.problems.first { throw EngineError(.run, problem) }
        var run = settings
        switch time {
        case .step(let n): run.maxTime = Double(max(1, n))
        case .window(_, let to): run.maxTime = Double(max(1, to))
        case .steadyState: run.maxTime = max(settings.maxTime, Double(scenario.latestInterventionStart + 1) * 2)
        }
        run.timeTick = min(settings.timeTick, run.maxTime)
        let result: StochasticResult
        do {
            let background = try scenario.logicalBackground(in: graph)?.clamps.map {
                Perturbation.hold($0.node, level: $0.level, window: .always)
            } ?? []
            let resolved = try ResolvedPerturbations(
                background + (try scenario.logicalPerturbations(in: graph, horizon: Int(run.maxTime.rounded(.up)) + 1)), in: graph)
            var configuration = self.configuration
            let jointNodes = Set(configuration.initial.joint.flatMap(\.nodes))
            for (node, halfOn) in zip(graph.nodes, graph.nodesStartingHalfOn)
            where halfOn && configuration.initial.probabilities[node.id] == nil && !jointNodes.contains(node.id) {
                configuration.initial.probabilities[node.id] = 0.5
            }
            for item in scenario.initialLevels {
                guard let i = graph.index(of: item.node) else { throw PerturbationError(graph.unknownNodeMessage(item.node)) }
                guard (0...1).contains(item.level) else {
                    throw PerturbationError("initial level \(item.level) for '\(item.node)' is outside 0...1")
                }
                configuration.initial.probabilities[graph.nodes[i].id] = item.level
            }
            let model = try StochasticModel(graph, policy: policy, perturbations: resolved, configuration: configuration,
                                            spontaneousBasal: spontaneousBasal)
            result = try model.simulate(run)
        } catch {
            throw EngineError(wrapping: error)
        }
        let n = graph.nodeCount
        let windows = result.times.count
        // Variable k of node i: "X" (≥ 1), "X>=2", …; a level is the mean of its thermometer variables.
        var variablesOf = [[Int]](repeating: [], count: n)
        let index = Dictionary(result.variables.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (i, node) in graph.nodes.enumerated() {
            variablesOf[i] = ([node.id] + (node.maxLevel > 1 ? (2...node.maxLevel).map { "\(node.id)>=\($0)" } : []))
                .compactMap { index[$0] }
        }
        func level(_ i: Int, _ w: Int) -> Double {
            let vars = variablesOf[i]
            guard !vars.isEmpty else { return 0 }
            return vars.reduce(0.0) { $0 + result.probability(variable: $1, window: w) } / Double(max(1, graph.nodes[i].maxLevel))
        }
        var course = [Double](repeating: 0, count: windows * n)
        for w in 0..<windows { for i in 0..<n { course[w * n + i] = level(i, w) } }
        var levels = [Double](repeating: 0, count: n)
        var readAt: String
        if case .window(let from, let to) = time {
            let covered = (0..<windows).filter { result.times[$0] >= Double(from) && result.times[$0] < Double(to) }
            let used = covered.isEmpty ? [windows - 1] : covered
            for i in 0..<n { levels[i] = used.reduce(0.0) { $0 + level(i, $1) } / Double(used.count) }
            readAt = "mean probability over time \(from)…\(to)"
        } else {
            for i in 0..<n { levels[i] = level(i, windows - 1) }
            readAt = "probability in the last window before time \(formatLevel(run.maxTime))"
        }
        readAt += ", \(result.trajectories) trajectories"
        let spread = levels.map { ($0 * (1 - $0)).squareRoot() }
        return EngineReading(
            nodeIDs: graph.nodes.map(\.id), levels: levels, spread: spread, times: result.times, course: course, readAt: readAt,
            samples: result.trajectories)
    }

    /// The same engine drawing other trajectories.
    public func variant(seed: UInt64, jitter: Double) throws(EngineError) -> StochasticEngine {
        var copy = self
        copy.settings.seed = seed
        return copy
    }
}
