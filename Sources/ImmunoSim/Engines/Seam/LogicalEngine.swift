public import ImmunoGraph
import Foundation

/// The logical semantics behind the engine seam: synchronous or asynchronous updates of Boolean
/// or multi-valued nodes, read as levels (fractions of each node's maximum) so they compare with
/// graded levels and stochastic probabilities.
///
/// **Start.** A node starts at its stated initial level, else its basal level rounded, else — in a
/// model with explicit rules, as every imported model is — *on with probability ½* (MaBoSS's
/// random initial state), else 0. A scenario's initial level `f` (a fraction of the maximum) starts the
/// node at `m·f` rounded at random: level ⌊m·f⌋ + 1 with probability m·f − ⌊m·f⌋ (for a Boolean
/// node, on with probability `f`). Random starts are drawn per run from the seed.
///
/// **Synchronous reading.** Each run is read as the average over the cycle its trajectory ends on
/// (a fixed point is a cycle of one); random starts average ``runs`` runs. A window readout is
/// the mean over its steps.
///
/// **Asynchronous reading (continuous time).** Each run is a jump process in which every node
/// whose target differs from its level moves at rate 1 (general asynchronous updating, as in
/// MaBoSS with unit rates); a visited state is weighted by its expected residence `1/k` (`k` the
/// number of nodes that can move). A run is read as its time average over `[T/2, T]`, and the
/// level is the mean over ``runs`` seeded runs. `T` starts at the readout step (at least four
/// times the latest intervention start, and 50) and doubles (at most four times) until no node's
/// mean drifts between `[T/4, T/2]` and `[T/2, T]` by more than 0.01 beyond three standard errors
/// of the drift over the runs; the reading says which (`readAt`). Runs go in fixed chunks on all
/// cores, summed in order: the same result for any number of threads.
///
/// Compiles the model once; a scenario that removes no edge reuses the program with its own
/// clamps (one compilation per distinct set of removed edges).
public struct LogicalEngine: SimulationEngine {
    /// The model.
    public let graph: MechanismGraph
    /// The rule policy for nodes without explicit logic.
    public let policy: RulePolicy
    /// Synchronous or asynchronous updating.
    public let update: LogicalUpdate
    /// The number of seeded runs for asynchronous updating or random starts (default 20).
    public let runs: Int
    /// The seed of the first run; run `k` uses a seed derived from it.
    public private(set) var seed: UInt64
    /// The compiled model without perturbations.
    let base: LogicalModel
    /// The default start as fractions of each node's maximum (0.5 for random nodes).
    let defaultStart: [Double]
    /// The nodes whose function reads each node (from the unperturbed model: a superset of the
    /// readers once edges are removed).
    let dependents: [[Int]]

    /// Compiles `graph` under `policy`.
    ///
    /// - Throws: ``EngineError`` (subject `.model`) when a function cannot be compiled.
    public init(
        _ graph: MechanismGraph, policy: RulePolicy = .inhibitorDominant, update: LogicalUpdate = .synchronous,
        runs: Int = 20, seed: UInt64 = 0
    ) throws(EngineError) {
        guard runs > 0 else { throw EngineError(.run, "the number of runs must be positive, not \(runs)") }
        do { base = try LogicalModel(graph, policy: policy) } catch { throw EngineError(wrapping: error) }
        var readers = [[Int]](repeating: [], count: graph.nodeCount)
        for (j, function) in base.functions.enumerated() {
            for id in function.variables {
                if let i = graph.index(of: id), !readers[i].contains(j) { readers[i].append(j) }
            }
        }
        dependents = readers
        self.graph = graph
        self.policy = policy
        self.update = update
        self.runs = runs
        self.seed = seed
        let halfOn = graph.nodesStartingHalfOn
        defaultStart = graph.nodes.indices.map { i in
            let node = graph.nodes[i]
            return halfOn[i] ? 0.5 : Double(LogicalModel.initialLevel(of: node)) / Double(max(1, node.maxLevel))
        }
    }

    /// `"logical (sync)"` or `"logical (async)"`.
    public var semanticsDescription: String { "logical (\(update.rawValue))" }

    /// Runs `scenario` and reads every node at `time` (see the type's documentation).
    ///
    /// - Throws: ``EngineError`` for what does not resolve or compile.
    public func read(_ scenario: Scenario, at time: ReadoutTime) throws(EngineError) -> EngineReading {
        if let problem = time.problems.first { throw EngineError(.run, problem) }
        let model: LogicalModel
        var start = defaultStart
        let latestStart = scenario.latestInterventionStart
        let horizon: Int
        switch time {
        case .step(let n): horizon = n
        case .window(_, let to): horizon = to
        case .steadyState(_, let maxSteps): horizon = min(maxSteps, max(1000, 4 * (latestStart + 1)))
        }
        do {
            let background = try scenario.logicalBackground(in: graph)?.clamps.map {
                Perturbation.hold($0.node, level: $0.level, window: .always)
            } ?? []
            let resolved = try ResolvedPerturbations(
                background + (try scenario.logicalPerturbations(in: graph, horizon: max(horizon, 16 * max(50, 4 * (latestStart + 1))) + 1)),
                in: graph)
            model = try base.with(resolved, graph: graph, policy: policy)
            for item in scenario.initialLevels {
                guard let i = graph.index(of: item.node) else { throw PerturbationError(graph.unknownNodeMessage(item.node)) }
                guard (0...1).contains(item.level) else {
                    throw PerturbationError("initial level \(item.level) for '\(item.node)' is outside 0...1")
                }
                start[i] = item.level
            }
        } catch {
            throw EngineError(wrapping: error)
        }
        let deterministic = start.indices.allSatisfy { i in
            let x = start[i] * Double(model.maxLevels[i])
            return x == x.rounded()
        }
        switch update {
        case .synchronous:
            return synchronousReading(model, start: start, runs: deterministic ? 1 : runs, horizon: horizon, time: time, latestStart: latestStart)
        case .asynchronous:
            return asynchronousReading(model, start: start, time: time, latestStart: latestStart)
        }
    }

    /// The same engine drawing other runs (logical rules have no weights to jitter): with a
    /// deterministic synchronous run every variant agrees.
    public func variant(seed: UInt64, jitter: Double) throws(EngineError) -> LogicalEngine {
        var copy = self
        copy.seed = seed
        return copy
    }

    /// The seed of run `k`.
    ///
    /// Mixed (``CompiledGradedModel/ensembleSeed(_:run:)``), not offset: SplitMix streams whose
    /// seeds differ by its increment are the same stream shifted, which would correlate runs.
    func runSeed(_ k: Int) -> UInt64 { CompiledGradedModel.ensembleSeed(seed, run: k) }

    /// A start state drawn from fractions by randomised rounding.
    static func draw(_ start: [Double], maxLevels: [Int], using rng: inout SeededGenerator) -> [Int] {
        start.indices.map { i in
            let x = start[i] * Double(maxLevels[i])
            let low = x.rounded(.down)
            let p = x - low
            return Int(low) + (p > 0 && Double.random(in: 0..<1, using: &rng) < p ? 1 : 0)
        }
    }
}

extension LogicalModel {
    /// This model's program with the clamps of `perturbations`; recompiled only when they remove
    /// edges (which change functions).
    func with(_ perturbations: ResolvedPerturbations, graph: MechanismGraph, policy: RulePolicy) throws -> LogicalModel {
        if !perturbations.removedEdges.isEmpty {
            return try LogicalModel(graph, policy: policy, perturbations: perturbations)
        }
        let clamps = perturbations.clamps.map { clamp in
            LogicalClamp(node: clamp.node, level: Int((clamp.level * Double(maxLevels[clamp.node])).rounded()), window: clamp.window)
        }
        return replacingClamps(clamps)
    }
}
