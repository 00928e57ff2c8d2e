import ImmunoGraph
import ImmunoSim
import Testing

/// Runs arms of `builtin:tme` on the graded engine for the claim tests (seeds/claims.md).
struct ClaimModel: Sendable {
    let graph: MechanismGraph
    let model: CompiledGradedModel
    /// Steps per run: long enough for every arm of the claims to settle (the slowest node has rate 0.05).
    static let steps = 200
    /// Differences up to this size are "unchanged", as in `Response.defaultTolerance`.
    static let tolerance = Response.defaultTolerance

    /// The model under `semantics`, optionally a variant with every parameter jittered
    /// (``ClaimVariant``).
    init(_ semantics: ClaimSemantics = .multilinear, variant: ClaimVariant? = nil) throws {
        var graph = try Catalog.tumourMicroenvironment()
        if let variant { graph = try variant.apply(to: graph) }
        self.graph = graph
        model = try CompiledGradedModel(graph, parameters: semantics.parameters)
    }

    /// One arm: therapies `ID: level` (continuous from `starts[ID]` or 0), a background, held nodes.
    struct Arm {
        var therapies: [String: Double] = [:]
        var starts: [String: Int] = [:]
        var background: String? = nil
        var holds: [String: Double] = [:]
    }

    /// The trajectory of `arm`, indexed by node identifier.
    func run(_ arm: Arm, steps: Int = ClaimModel.steps) throws -> Run {
        let therapies = arm.therapies.keys.sorted().map { id in
            Therapy.node(id, schedule: .continuous(from: arm.starts[id] ?? 0, dose: arm.therapies[id] ?? 1))
        }
        let holds = arm.holds.keys.sorted().map { Perturbation.hold($0, level: arm.holds[$0] ?? 0, window: .always) }
        let scenario = Scenario(model: "builtin:tme", background: arm.background, therapies: therapies, perturbations: holds)
        return Run(graph: graph, trajectory: model.run(try model.inputs(for: scenario), steps: steps))
    }

    func run(_ therapies: [String: Double] = [:], background: String? = nil, holds: [String: Double] = [:],
             starts: [String: Int] = [:], steps: Int = ClaimModel.steps) throws -> Run {
        try run(Arm(therapies: therapies, starts: starts, background: background, holds: holds), steps: steps)
    }

    struct Run {
        let graph: MechanismGraph
        let trajectory: GradedTrajectory
        func series(_ id: String) -> [Double] {
            guard let i = graph.index(of: id) else { Issue.record("no node \(id)"); return [] }
            return trajectory.series(i)
        }
        /// The level at the last step.
        subscript(_ id: String) -> Double { series(id).last ?? .nan }
    }

    /// The first step at which `treated` differs from `baseline` by more than the tolerance.
    static func firstChange(_ id: String, _ baseline: Run, _ treated: Run) -> Int? {
        let b = baseline.series(id), t = treated.series(id)
        return zip(b, t).enumerated().first { abs($0.element.0 - $0.element.1) > tolerance }?.offset
    }
}

/// The semantics every claim is checked under (issue 14, item 5).
enum ClaimSemantics: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Explicit rules by the multilinear extension, signed edges with Hill exponent 1 (the defaults).
    case multilinear
    /// As `multilinear`, every signed edge with Hill exponent 2 (edges that state their own keep it).
    case hill2
    var parameters: GradedParameters {
        switch self {
        case .multilinear: GradedParameters()
        case .hill2: GradedParameters(hillExponent: 2)
        }
    }
    var testDescription: String { rawValue }
}

/// A variant of the model with every weight, rate, basal level and threshold multiplied by an
/// independent factor from `[1 − amount, 1 + amount]` (seeded; levels clamped to their ranges;
/// an edge without a threshold gets the jittered default 0.5).
struct ClaimVariant: Sendable {
    var amount: Double
    var seed: UInt64

    func apply(to graph: MechanismGraph) throws -> MechanismGraph {
        var rng = SplitMix(seed: seed &+ 0x9E37_79B9)
        func factor() -> Double { 1 + amount * (2 * rng.unit() - 1) }
        var builder = GraphBuilder(name: graph.name)
        for var node in graph.nodes {
            if let b = node.basal { node.basal = min(1, max(0, b * factor())) }
            if let r = node.rate { node.rate = min(1, max(0.01, r * factor())) } else { node.rate = min(1, 0.5 * factor()) }
            builder.add(node)
        }
        for var edge in graph.edges {
            edge.weight *= factor()
            edge.threshold = min(0.99, max(0.01, (edge.threshold ?? 0.5) * factor()))
            builder.add(edge)
        }
        for background in graph.backgrounds { builder.add(background) }
        return try builder.build()
    }
}

/// A small seeded generator (SplitMix64) for the variants.
struct SplitMix: Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// `treated[id] - baseline[id]`.
func delta(_ id: String, _ baseline: ClaimModel.Run, _ treated: ClaimModel.Run) -> Double { treated[id] - baseline[id] }
func isUp(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { delta(id, b, t) > ClaimModel.tolerance }
func isDown(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { delta(id, b, t) < -ClaimModel.tolerance }
func isUnchanged(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { abs(delta(id, b, t)) <= ClaimModel.tolerance }
