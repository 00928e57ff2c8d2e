import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Runs arms of `builtin:tme` for the claim tests (seeds/claims.md): on the graded engine, or on
/// the stochastic engine (MaBoSS semantics) read as probabilities.
struct ClaimModel: Sendable {
    let graph: MechanismGraph
    /// The graded model (graded semantics), else `nil`.
    let model: CompiledGradedModel?
    /// The stochastic engine (stochastic semantics), else `nil`.
    let stochastic: StochasticEngine?
    /// Steps per run: long enough for every arm of the claims to settle (the slowest node has rate 0.05).
    static let steps = 200
    /// Stochastic runs: time units per run (every probability settles by about 20), trajectories
    /// per run, and the window read (its mean probability), which averages out sampling noise.
    static let stochasticTime = 50
    static let stochasticTrajectories = 4000
    /// Differences up to this size are "unchanged", as in `Response.defaultTolerance`.
    static let tolerance = Response.defaultTolerance
    /// How a graded run of the default length is read: the level at step ``steps`` (the
    /// reference: under multilinear and hill2 every arm has settled by then, `SanityTests`), or,
    /// with `IMMUNOSIM_CLAIM_READING=average`, the mean over steps ``steps``…2×``steps`` — the
    /// reading of a logic whose arms oscillate, such as the HillCube stress reading.
    static let readingName = ProcessInfo.processInfo.environment["IMMUNOSIM_CLAIM_READING"] ?? ""
    static let averagedReading = readingName == "average"

    /// The model under `semantics`, optionally a variant with every parameter jittered
    /// (``ClaimVariant``): graded weights, rates, basal levels and thresholds; stochastic
    /// transition rates and the seed.
    init(_ semantics: ClaimSemantics = .multilinear, variant: ClaimVariant? = nil) throws {
        var graph = try Self.baseGraph()
        if semantics == .stochastic {
            self.graph = graph
            model = nil
            var configuration = StochasticConfiguration()
            // Quarter-unit sampling windows resolve the order in which nodes first change.
            var settings = StochasticSettings(
                trajectories: Self.stochasticTrajectories, maxTime: Double(Self.stochasticTime), timeTick: 0.25)
            if let variant {
                configuration.rates = variant.rates(for: graph)
                settings.seed = variant.seed &+ 1
            }
            stochastic = try StochasticEngine(graph, configuration: configuration, settings: settings)
            return
        }
        if let variant { graph = try variant.apply(to: graph) }
        self.graph = graph
        model = try CompiledGradedModel(graph, parameters: semantics.parameters)
        stochastic = nil
    }

    /// `builtin:tme`, or the model file named by `IMMUNOSIM_CLAIM_MODEL` (a candidate edit of
    /// `Catalog/Models/tme.json`, checked by `Scripts/claim-robustness.sh --model FILE` without
    /// regenerating and rebuilding the embedded model).
    static func baseGraph() throws -> MechanismGraph {
        if let path = candidatePath { return try ModelLoader.load(path) }
        return try Catalog.tumourMicroenvironment()
    }

    /// The candidate model file of `IMMUNOSIM_CLAIM_MODEL`, or `nil` for `builtin:tme`.
    static let candidatePath: String? = {
        let path = ProcessInfo.processInfo.environment["IMMUNOSIM_CLAIM_MODEL"] ?? ""
        return path.isEmpty ? nil : path
    }()

    /// One arm: therapies `ID: level` (continuous from `starts[ID]` or 0), a background, held nodes.
    struct Arm {
        var therapies: [String: Double] = [:]
        var starts: [String: Int] = [:]
        var background: String? = nil
        var holds: [String: Double] = [:]
    }

    /// The trajectory of `arm`, indexed by node identifier. Under stochastic semantics `steps`
    /// is read as graded days only to keep schedules: a run lasts ``stochasticTime`` time units
    /// (a start at step `s` of a 40-step claim starts at `s`), and its level is the mean
    /// probability over the second half.
    func run(_ arm: Arm, steps: Int = ClaimModel.steps) throws -> Run {
        let therapies = arm.therapies.keys.sorted().map { id in
            Therapy.node(id, schedule: .continuous(from: arm.starts[id] ?? 0, dose: arm.therapies[id] ?? 1))
        }
        let holds = arm.holds.keys.sorted().map { Perturbation.hold($0, level: arm.holds[$0] ?? 0, window: .always) }
        let scenario = Scenario(model: "builtin:tme", background: arm.background, therapies: therapies, perturbations: holds)
        if let stochastic {
            let end = steps < Self.steps ? steps : Self.stochasticTime
            let reading = try stochastic.read(scenario, at: .window(from: end / 2, to: end))
            return Run(graph: graph, source: .reading(reading))
        }
        guard let model else { throw ClaimModelError() }
        let averaged = Self.averagedReading && steps == Self.steps
        let trajectory = model.run(try model.inputs(for: scenario), steps: averaged ? 2 * steps : steps)
        return Run(graph: graph, source: .graded(trajectory), averageFrom: averaged ? steps : nil)
    }

    func run(_ therapies: [String: Double] = [:], background: String? = nil, holds: [String: Double] = [:],
             starts: [String: Int] = [:], steps: Int = ClaimModel.steps) throws -> Run {
        try run(Arm(therapies: therapies, starts: starts, background: background, holds: holds), steps: steps)
    }

    struct ClaimModelError: Error {}

    struct Run {
        enum Source {
            case graded(GradedTrajectory)
            case reading(EngineReading)
        }
        let graph: MechanismGraph
        let source: Source
        /// With an averaged reading, the first step of the window read.
        var averageFrom: Int? = nil
        func series(_ id: String) -> [Double] {
            guard let i = graph.index(of: id) else { Issue.record("no node \(id)"); return [] }
            switch source {
            case .graded(let trajectory): return trajectory.series(i)
            case .reading(let reading): return reading.series(i)
            }
        }
        /// The level at the last step (graded; with an averaged reading, the mean from
        /// `averageFrom` on) or the mean probability over the window read (stochastic).
        subscript(_ id: String) -> Double {
            switch source {
            case .graded:
                let levels = series(id)
                if let from = averageFrom, from < levels.count {
                    return levels[from...].reduce(0, +) / Double(levels.count - from)
                }
                return levels.last ?? .nan
            case .reading(let reading):
                guard let i = graph.index(of: id) else { Issue.record("no node \(id)"); return .nan }
                return reading.levels[i]
            }
        }
    }

    /// The first step at which `treated` differs from `baseline` by more than the tolerance.
    /// Under the stochastic semantics: the first sampling window in which the difference exceeds
    /// half its final size as well (a half-rise time). With 4000 trajectories a window's
    /// difference carries a sampling error of about 0.01, so for two nodes that move together
    /// (IFN-γ and PD-L1 without delays) the first 0.02 crossing is a coin flip; the half-rise
    /// time orders them by mechanism.
    static func firstChange(_ id: String, _ baseline: Run, _ treated: Run) -> Int? {
        let b = baseline.series(id), t = treated.series(id)
        var threshold = tolerance
        if case .reading = treated.source { threshold = max(tolerance, 0.5 * abs(treated[id] - baseline[id])) }
        return zip(b, t).enumerated().first { abs($0.element.0 - $0.element.1) > threshold }?.offset
    }
}

/// The semantics every claim is checked under (issue 14, item 5).
enum ClaimSemantics: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Explicit rules by the multilinear extension, signed edges with Hill exponent 1 (the defaults).
    case multilinear
    /// As `multilinear`, every signed edge with Hill exponent 2 (edges that state their own keep it).
    case hill2
    /// The stochastic engine: the Boolean reading of the model (explicit rules, inhibitor-dominant
    /// rules elsewhere) as MaBoSS's continuous-time Markov chain, read as probabilities.
    case stochastic
    /// The two graded semantics.
    static let graded: [ClaimSemantics] = [.multilinear, .hill2]
    var parameters: GradedParameters {
        switch self {
        case .multilinear, .stochastic: GradedParameters()
        case .hill2: GradedParameters(hillExponent: 2, logic: Self.hill2Logic)
        }
    }
    /// How `hill2` reads explicit rules: multilinear (the rules' inputs unsteepened), or, for a
    /// stress test, `IMMUNOSIM_CLAIM_HILL2_LOGIC=hillcube`, every rule input through its edge's
    /// Hill function too (`Scripts/claim-robustness.sh --hill2-logic hillcube`).
    static let hill2Logic = GradedLogic(rawValue: hill2LogicName) ?? .multilinear
    /// The value of `IMMUNOSIM_CLAIM_HILL2_LOGIC` (empty when it is not set).
    static let hill2LogicName = ProcessInfo.processInfo.environment["IMMUNOSIM_CLAIM_HILL2_LOGIC"] ?? ""
    var testDescription: String { rawValue }
}

/// A variant of the model with every weight, rate, basal level and threshold multiplied by an
/// independent factor from `[1 − amount, 1 + amount]` (seeded; levels clamped to their ranges;
/// an edge without a threshold gets the jittered default 0.5).
///
/// Each factor is drawn from the variant's seed and the parameter's name (``unit(_:)``), not from
/// one stream in the order of the nodes and edges: adding, removing or reordering an edge leaves
/// every other parameter's draw as it was, so a candidate model and the model it edits are
/// compared on the same draws (a paired comparison). Until the eleventh session one stream was
/// used, and an added edge shifted the draws of every edge after it.
struct ClaimVariant: Sendable {
    var amount: Double
    var seed: UInt64

    func apply(to graph: MechanismGraph) throws -> MechanismGraph {
        func factor(_ key: String) -> Double { 1 + amount * (2 * unit(key) - 1) }
        var builder = GraphBuilder(name: graph.name)
        for var node in graph.nodes {
            if let b = node.basal { node.basal = min(1, max(0, b * factor("\(node.id) basal"))) }
            let rate = factor("\(node.id) rate")
            if let r = node.rate { node.rate = min(1, max(0.01, r * rate)) } else { node.rate = min(1, 0.5 * rate) }
            builder.add(node)
        }
        var occurrences: [String: Int] = [:]
        for var edge in graph.edges {
            // Parallel edges of one sign are told apart by their order among themselves.
            let name = "\(edge.source) \(edge.sign.rawValue) \(edge.target)"
            let key = "\(name) #\(occurrences[name, default: 0])"
            occurrences[name, default: 0] += 1
            edge.weight *= factor("\(key) weight")
            edge.threshold = min(0.99, max(0.01, Self.thresholdFraction(of: edge, in: graph) * factor("\(key) threshold")))
            builder.add(edge)
        }
        for background in graph.backgrounds { builder.add(background) }
        return try builder.build()
    }

    /// A uniform draw in [0, 1) for the parameter named `key` in this variant: FNV-1a of the
    /// name, mixed with the seed, as the start of a SplitMix64 stream (``SeededGenerator``).
    /// Deterministic across runs and platforms (Swift's `Hasher` is seeded per process).
    func unit(_ key: String) -> Double {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var rng = SeededGenerator(seed: hash ^ (seed &* 0x9E37_79B9_7F4A_7C15))
        return rng.unit()
    }

    /// The graded fraction of `edge`'s threshold, the value the jitter scales: a level threshold
    /// t ≥ 1 on a source of maximum m reads (t − 0.5) / m; no threshold reads the default 0.5.
    static func thresholdFraction(of edge: Edge, in graph: MechanismGraph) -> Double {
        let maxLevel = Double(max(1, graph.nodes[graph.index(of: edge.source) ?? 0].maxLevel))
        return edge.threshold.map { $0 >= 1 ? ($0 - 0.5) / maxLevel : $0 } ?? 0.5
    }
}

extension ClaimVariant {
    /// Stochastic transition rates: every node's up and down rate (1 by default) multiplied by an
    /// independent factor from `[1 − amount, 1 + amount]`.
    func rates(for graph: MechanismGraph) -> [String: NodeRates] {
        var rng = SeededGenerator(seed: seed &+ 0x5151)
        func factor() -> Double { 1 + amount * (2 * rng.unit() - 1) }
        var rates: [String: NodeRates] = [:]
        for node in graph.nodes where !node.isTherapy { rates[node.id] = .constant(up: factor(), down: factor()) }
        return rates
    }
}

extension SeededGenerator {
    /// A uniform draw in [0, 1) from the top 53 bits, for the variants.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// `treated[id] - baseline[id]`.
func delta(_ id: String, _ baseline: ClaimModel.Run, _ treated: ClaimModel.Run) -> Double { treated[id] - baseline[id] }
func isUp(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { delta(id, b, t) > ClaimModel.tolerance }
func isDown(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { delta(id, b, t) < -ClaimModel.tolerance }
func isUnchanged(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { abs(delta(id, b, t)) <= ClaimModel.tolerance }
