public import ImmunoGraph

/// The graded engine averaged over random Boolean starts: the graded counterpart of MaBoSS's
/// random initial states.
///
/// A deterministic graded run from every node at 0.5 follows one mean-field trajectory, so in a
/// multistable model (a Th1/Th2 toggle, a survival switch) it settles in one attractor and cannot
/// show a perturbation that shifts the *share* of starts ending in each. This engine draws
/// ``starts`` start states — each node on with probability equal to its start level (its stated
/// initial level, its basal level, 0.5 in imported models, or the scenario's initial level;
/// multi-valued nodes by randomised rounding of `m·level`) — runs the graded engine from each,
/// and reads the mean and standard deviation of every level. Run `k` draws from a seed derived
/// from ``seed`` and `k`, so the same seed gives the same reading.
public struct GradedStartEnsemble: SimulationEngine {
    /// The compiled graded model run from each start.
    public let model: CompiledGradedModel
    /// The number of random starts (≥ 1).
    public let starts: Int
    /// The seed from which every start's seed is derived.
    public private(set) var seed: UInt64

    /// Creates an ensemble of `starts` random starts of `model`.
    ///
    /// - Throws: ``EngineError`` when `starts` is not positive.
    public init(_ model: CompiledGradedModel, starts: Int, seed: UInt64 = 0) throws(EngineError) {
        guard starts >= 1 else { throw EngineError(.run, "the number of random starts must be positive, not \(starts)") }
        self.model = model
        self.starts = starts
        self.seed = seed
    }

    /// The model.
    public var graph: MechanismGraph { model.graph }

    /// `"graded (multilinear), mean of 32 random starts"`.
    public var semanticsDescription: String { "\(model.semanticsDescription), mean of \(starts) random starts" }

    /// Runs the scenario from ``starts`` random Boolean starts and reads the mean levels.
    ///
    /// - Complexity: ``starts`` graded runs.
    public func read(_ scenario: Scenario, at time: ReadoutTime) throws(EngineError) -> EngineReading {
        let n = graph.nodeCount
        var start = model.defaultInitialLevels
        for item in scenario.initialLevels {
            guard let i = graph.index(of: item.node) else { throw EngineError(.scenario, graph.unknownNodeMessage(item.node)) }
            guard (0...1).contains(item.level) else {
                throw EngineError(.scenario, "initial level \(item.level) for '\(item.node)' is outside 0...1")
            }
            start[i] = item.level
        }
        let maxLevels = graph.nodes.map { max(1, $0.maxLevel) }
        var accumulator = ReadingAccumulator(nodeCount: n)
        var readAt = time.description
        for k in 0..<starts {
            var rng = SeededGenerator(seed: CompiledGradedModel.ensembleSeed(seed, run: k))
            let drawn = LogicalEngine.draw(start, maxLevels: maxLevels, using: &rng)
            var run = scenario
            run.initialLevels = (0..<n).map { .init(node: graph.nodes[$0].id, level: Double(drawn[$0]) / Double(maxLevels[$0])) }
            let reading = try model.read(run, at: time)
            readAt = reading.readAt
            accumulator.add(reading, weight: 1)
        }
        return accumulator.mean(nodeIDs: graph.nodes.map(\.id), readAt: readAt + ", mean of \(starts) random starts", samples: starts)
    }

    /// The same ensemble with other starts and a jittered model.
    public func variant(seed: UInt64, jitter: Double) throws(EngineError) -> GradedStartEnsemble {
        var copy = try GradedStartEnsemble(model.jittered(amount: jitter, seed: seed), starts: starts, seed: seed)
        copy.seed = seed
        return copy
    }

    /// The graded model's antibody targets.
    public func antibodyTargets(of node: Int) -> [Int] { model.antibodyTargets(of: node) }
}
