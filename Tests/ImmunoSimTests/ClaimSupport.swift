import ImmunoGraph
import ImmunoSim
import Testing

/// Runs arms of `builtin:tme` on the graded engine for the claim tests (seeds/claims.md).
struct ClaimModel {
    let graph: MechanismGraph
    let model: CompiledGradedModel
    /// Steps per run: long enough for every arm of the claims to settle (the slowest node has rate 0.05).
    static let steps = 200
    /// Differences up to this size are "unchanged", as in `Response.defaultTolerance`.
    static let tolerance = Response.defaultTolerance

    init() throws {
        graph = try Catalog.tumourMicroenvironment()
        model = try CompiledGradedModel(graph)
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

/// `treated[id] - baseline[id]`.
func delta(_ id: String, _ baseline: ClaimModel.Run, _ treated: ClaimModel.Run) -> Double { treated[id] - baseline[id] }
func isUp(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { delta(id, b, t) > ClaimModel.tolerance }
func isDown(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { delta(id, b, t) < -ClaimModel.tolerance }
func isUnchanged(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) -> Bool { abs(delta(id, b, t)) <= ClaimModel.tolerance }
