public import ImmunoGraph

/// One logical simulation, end to end: what `immunosim simulate --semantics logical` runs.
///
/// ```swift
/// let run = try LogicalRun(graph: graph, update: .asynchronous, steps: 50, seed: 7,
///                          perturbations: [.knockout("PD1")], initial: [("ANTIGEN", 1)])
/// print(run.trajectory.csv)
/// ```
public struct LogicalRun: Sendable {
    /// The compiled model (perturbations applied).
    public let model: LogicalModel
    /// The trajectory: `steps + 1` states, the first being the initial state.
    public let trajectory: LogicalTrajectory

    /// Compiles `graph` under `policy` with `perturbations` and runs it.
    ///
    /// The initial state is every node's `Node.initialLevel` (else its basal level rounded to a
    /// logical level, else 0), overridden by
    /// `initial` (identifier or synonym, level); clamps active at step 0 then apply.
    ///
    /// - Throws: ``ImmunoSim/PerturbationError`` for an unknown identifier (with a suggestion) or
    ///   an initial level outside 0…max; ``LogicalModelError`` if a function cannot be compiled.
    public init(graph: MechanismGraph, policy: RulePolicy = .inhibitorDominant, update: LogicalUpdate = .synchronous,
                steps: Int, seed: UInt64 = 0, perturbations: [Perturbation] = [],
                initial: [(String, Int)] = []) throws {
        guard steps >= 0 else { throw PerturbationError("the number of steps must be ≥ 0, not \(steps)") }
        let resolved = try ResolvedPerturbations(perturbations, in: graph)
        let model = try LogicalModel(graph, policy: policy, perturbations: resolved)
        let state = try model.initialState(graph: graph, overrides: initial)
        var rng = SeededGenerator(seed: seed)
        self.model = model
        trajectory = model.trajectory(from: state, steps: steps, update: update, using: &rng)
    }
}

extension LogicalModel {
    /// The model's initial state with `overrides` (identifier or synonym of `graph`, level) applied.
    ///
    /// - Throws: ``ImmunoSim/PerturbationError`` naming an unknown node (with a suggestion) or a
    ///   level outside the node's range.
    public func initialState(graph: MechanismGraph, overrides: [(String, Int)]) throws -> [Int] {
        var state = initialLevels
        for (id, level) in overrides {
            guard let i = graph.index(of: id), i < nodeCount else { throw PerturbationError(graph.unknownNodeMessage(id)) }
            guard (0...maxLevels[i]).contains(level) else {
                throw PerturbationError("initial level \(level) for '\(id)' is outside 0...\(maxLevels[i])")
            }
            state[i] = level
        }
        return state
    }
}

/// Parses `ID=LEVEL` (as given to `--initial`) into its parts.
///
/// - Throws: ``ImmunoSim/PerturbationError`` when the text is not of that form.
public func parseInitialAssignment(_ text: String) throws -> (String, Int) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1].trimmingCharacters(in: " ")) else {
        throw PerturbationError("'\(text)' is not of the form ID=LEVEL (e.g. PD1=1)")
    }
    return (parts[0].trimmingCharacters(in: " "), level)
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
