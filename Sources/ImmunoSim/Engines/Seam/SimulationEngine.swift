public import ImmunoGraph

/// What an engine read from one scenario: every node's level at the readout and its course over
/// time, all as fractions of the node's maximum (0…1), so graded levels, attractor-averaged
/// logical levels and stochastic probabilities compare directly.
public struct EngineReading: Sendable {
    /// Node identifiers, in index order.
    public var nodeIDs: [String]
    /// Each node's level at the readout (fraction of its maximum).
    public var levels: [Double]
    /// For ensembles (asynchronous or stochastic runs, random starts): each level's standard
    /// deviation over the runs; `nil` for a deterministic run.
    public var spread: [Double]?
    /// The time of each recorded state of ``course`` (steps, or time units for continuous time).
    public var times: [Double]
    /// The recorded states, time-major: `course[k * nodeCount + i]` is node `i` at `times[k]`
    /// (a mean over runs for ensembles).
    public var course: [Double]
    /// How the levels were read, for reports ("step 100", "time average over 200…400 (converged)").
    public var readAt: String
    /// For ensembles: the number of independent runs (trajectories, seeded runs, random starts)
    /// behind each level, so that a level's standard error is `spread / √samples`.
    public var samples: Int?

    /// Creates a reading.
    public init(
        nodeIDs: [String], levels: [Double], spread: [Double]? = nil, times: [Double], course: [Double], readAt: String,
        samples: Int? = nil
    ) {
        self.nodeIDs = nodeIDs
        self.levels = levels
        self.spread = spread
        self.times = times
        self.course = course
        self.readAt = readAt
        self.samples = samples
    }

    /// The number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// The number of recorded states.
    public var stateCount: Int { times.count }

    /// Node `i`'s recorded course.
    public func series(_ i: Int) -> [Double] {
        (0..<stateCount).map { course[$0 * nodeCount + i] }
    }
}

/// An engine failure, typed, naming what it is about.
public struct EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the error concerns.
    public enum Subject: Hashable, Sendable {
        /// The model cannot be compiled for this engine (a rule, a parameter, a size limit).
        case model
        /// The scenario names something that does not resolve (a node, background, edge, number).
        case scenario
        /// A readout, option or limit of the run itself.
        case run
    }
    /// What the error concerns.
    public var subject: Subject
    /// The message, naming the node, edge or value.
    public var message: String
    /// Creates an error.
    public init(_ subject: Subject, _ message: String) {
        self.subject = subject
        self.message = message
    }
    public var description: String { message }

    /// Wraps the package's other error types with their subject.
    public init(wrapping error: any Error) {
        switch error {
        case let e as EngineError: self = e
        case let e as PerturbationError: self.init(.scenario, e.message)
        case let e as TherapySpecError: self.init(.scenario, e.description)
        case let e as GradedModelError: self.init(.model, e.message)
        case let e as LogicalModelError: self.init(.model, e.message)
        default: self.init(.run, "\(error)")
        }
    }
}

/// The seam every semantics plugs into: a scenario in, levels over time out.
///
/// Responses, explanations, hypotheses, screens, sweeps and the command line are written against
/// this protocol, so they never switch on the engine and a new engine needs only a conformance.
/// Conformances: ``CompiledGradedModel`` (graded), ``LogicalEngine`` (synchronous and
/// asynchronous Boolean or multi-valued logic).
///
/// ```swift
/// let engine: any SimulationEngine = try LogicalEngine(graph, update: .asynchronous)
/// let response = try engine.response(to: scenario, at: .step(100))
/// ```
public protocol SimulationEngine: Sendable {
    /// The model.
    var graph: MechanismGraph { get }
    /// A short description of the semantics, for reports (`"graded (multilinear)"`).
    var semanticsDescription: String { get }
    /// Runs `scenario` and reads every node at `time`.
    ///
    /// - Throws: ``EngineError`` naming the node, edge or value at fault.
    func read(_ scenario: Scenario, at time: ReadoutTime) throws(EngineError) -> EngineReading
    /// Runs `scenario` with node `node` held on its course in `baseline` (in-silico mediation).
    /// Engines without a notion of a held course hold the node at its baseline readout level.
    func read(_ scenario: Scenario, holding node: Int, onCourseOf baseline: EngineReading, at time: ReadoutTime)
        throws(EngineError) -> EngineReading
    /// The nodes whose influence an antibody node blocks without changing their level (empty for
    /// engines that model a block as a clamp).
    func antibodyTargets(of node: Int) -> [Int]
    /// A variant for robustness ensembles, determined by `seed`: the graded engine jitters edge
    /// weights and rates by ±`jitter`; ensemble engines draw other runs.
    func variant(seed: UInt64, jitter: Double) throws(EngineError) -> Self
}

extension SimulationEngine {
    /// Holds the node at its baseline readout level for the whole run.
    public func read(_ scenario: Scenario, holding node: Int, onCourseOf baseline: EngineReading, at time: ReadoutTime)
        throws(EngineError) -> EngineReading
    {
        var held = scenario
        held.perturbations.append(.hold(graph.nodes[node].id, level: min(1, max(0, baseline.levels[node])), window: .always))
        return try read(held, at: time)
    }

    /// No antibody semantics: blocks are clamps.
    public func antibodyTargets(of node: Int) -> [Int] { [] }

    /// The node indices for `readouts`, or every node that is not a therapy when `nil`.
    ///
    /// - Throws: ``EngineError`` naming an unknown identifier, with a suggestion.
    public func readoutIndices(_ readouts: [String]?) throws(EngineError) -> [Int] {
        guard let readouts else { return (0..<graph.nodeCount).filter { !graph.nodes[$0].isTherapy } }
        var result: [Int] = []
        for id in readouts {
            guard let i = graph.index(of: id) else { throw EngineError(.scenario, graph.unknownNodeMessage(id)) }
            result.append(i)
        }
        return result
    }

    /// Runs `baseline` and `treated` and compares them node by node at `time`.
    ///
    /// - Throws: ``EngineError`` for unknown nodes, backgrounds or bad numbers.
    /// - Complexity: two runs of the engine.
    public func response(
        baseline: Scenario, treated: Scenario, at time: ReadoutTime, readouts: [String]? = nil,
        tolerance: Double = Response.defaultTolerance
    ) throws(EngineError) -> Response {
        if let problem = time.problems.first { throw EngineError(.run, problem) }
        guard tolerance >= 0 else { throw EngineError(.run, "tolerance \(tolerance) is negative") }
        let nodes = try readoutIndices(readouts)
        let b = try read(baseline, at: time)
        let t = try read(treated, at: time)
        return Response(baseline: b, treated: t, nodes: nodes, tolerance: tolerance)
    }

    /// The response to what `scenario` adds to its ``Scenario/baseline``: its therapies, or,
    /// without therapies, its perturbations.
    public func response(
        to scenario: Scenario, at time: ReadoutTime, readouts: [String]? = nil,
        tolerance: Double = Response.defaultTolerance
    ) throws(EngineError) -> Response {
        try response(baseline: scenario.baseline, treated: scenario, at: time, readouts: readouts, tolerance: tolerance)
    }
}

extension Response {
    /// Compares two readings node by node: the direction at the readout under `tolerance`, and
    /// the first recorded time at which the courses differ by more than it.
    public init(baseline: EngineReading, treated: EngineReading, nodes: [Int], tolerance: Double) {
        let count = min(baseline.stateCount, treated.stateCount)
        let n = baseline.nodeCount
        let entries = nodes.map { i -> NodeResponse in
            let delta = treated.levels[i] - baseline.levels[i]
            let direction = Direction(delta: delta, tolerance: tolerance)
            let first = (0..<count).first { abs(treated.course[$0 * n + i] - baseline.course[$0 * n + i]) > tolerance }
            var entry = NodeResponse(
                node: baseline.nodeIDs[i], baseline: baseline.levels[i], treated: treated.levels[i], delta: delta,
                direction: direction, firstStep: first.map { Int(baseline.times[$0].rounded()) },
                sustained: direction != .unchanged, baselineSpread: baseline.spread?[i], treatedSpread: treated.spread?[i])
            if let a = baseline.spread?[i], let b = treated.spread?[i], let n = baseline.samples, let m = treated.samples, n > 0, m > 0 {
                entry.standardError = (a * a / Double(n) + b * b / Double(m)).squareRoot()
            }
            return entry
        }
        self.init(readouts: entries, tolerance: tolerance, readAt: treated.readAt)
    }
}
