public import ImmunoGraph

/// Responses under the logical semantics.
///
/// A logical run of `steps` steps is read as the **attractor-averaged level** of each node,
/// divided by its maximum so it is comparable with graded levels: for a synchronous run the
/// average over the cycle the trajectory ends on (the last state's previous occurrence marks the
/// period; a fixed point is a cycle of 1); for an asynchronous run the average over the second
/// half of the run, then the mean over `runs` seeded runs (with its standard deviation as the
/// spread). A 2-cycle of TIM-3 on/off reads 0.5.
public enum LogicalResponse {
    /// The levels read from one scenario, and for asynchronous runs the standard deviation of each
    /// node's level over the runs (`nil` for synchronous runs, which are deterministic).
    public static func levels(
        graph: MechanismGraph, scenario: Scenario, policy: RulePolicy = .inhibitorDominant,
        update: LogicalUpdate = .synchronous, steps: Int, seed: UInt64 = 0, runs: Int = 20,
        initial: [(String, Int)] = []
    ) throws -> (levels: [Double], trajectory: LogicalTrajectory, spread: [Double]?) {
        let background = try scenario.logicalBackground(in: graph)?.clamps.map {
            Perturbation.hold($0.node, level: $0.level, window: .always)
        } ?? []
        let perturbations = background + (try scenario.logicalPerturbations(in: graph, horizon: steps + 1))
        let count = update == .synchronous ? 1 : max(1, runs)
        var sum = [Double](repeating: 0, count: graph.nodeCount)
        var squares = [Double](repeating: 0, count: graph.nodeCount)
        var first: LogicalTrajectory?
        for k in 0..<count {
            let run = try LogicalRun(
                graph: graph, policy: policy, update: update, steps: steps,
                seed: seed &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15, perturbations: perturbations, initial: initial)
            let states = run.trajectory.states
            guard let last = states.last else { continue }
            var from = states.count / 2
            if update == .synchronous {
                from = states.count - 1
                if let previous = states.dropLast().lastIndex(of: last) { from = previous + 1 }
            }
            let window = states[from...]
            for i in sum.indices {
                let maxLevel = Double(max(1, graph.nodes[i].maxLevel))
                let level = window.reduce(0.0) { $0 + Double($1[i]) } / Double(window.count) / maxLevel
                sum[i] += level
                squares[i] += level * level
            }
            if first == nil { first = run.trajectory }
        }
        let n = Double(count)
        let mean = sum.map { $0 / n }
        let spread = update == .synchronous ? nil : mean.indices.map { (max(0, squares[$0] / n - mean[$0] * mean[$0])).squareRoot() }
        return (mean, first ?? LogicalTrajectory(nodes: graph.nodes.map(\.id), states: []), spread)
    }

    /// Compares `treated` with its baseline (the scenario without therapies) under the logical
    /// semantics, node by node, with the same tolerance rule as the graded ``Response``.
    public static func response(
        graph: MechanismGraph, treated: Scenario, readouts: [String]? = nil, policy: RulePolicy = .inhibitorDominant,
        update: LogicalUpdate = .synchronous, steps: Int = 100, seed: UInt64 = 0, runs: Int = 20,
        initial: [(String, Int)] = [], tolerance: Double = Response.defaultTolerance
    ) throws -> Response {
        let nodes: [Int] = try (readouts ?? graph.nodes.filter { !$0.isTherapy }.map(\.id)).map { id in
            guard let i = graph.index(of: id) else { throw PerturbationError(graph.unknownNodeMessage(id)) }
            return i
        }
        let base = try levels(graph: graph, scenario: treated.baseline, policy: policy, update: update, steps: steps,
            seed: seed, runs: runs, initial: initial)
        let treat = try levels(graph: graph, scenario: treated, policy: policy, update: update, steps: steps,
            seed: seed, runs: runs, initial: initial)
        let entries = nodes.map { i -> NodeResponse in
            let delta = treat.levels[i] - base.levels[i]
            let direction = Direction(delta: delta, tolerance: tolerance)
            var firstStep: Int?
            let a = base.trajectory.states, b = treat.trajectory.states
            for t in 0..<min(a.count, b.count) where a[t][i] != b[t][i] {
                firstStep = t
                break
            }
            return NodeResponse(
                node: graph.nodes[i].id, baseline: base.levels[i], treated: treat.levels[i], delta: delta,
                direction: direction, firstStep: firstStep, sustained: direction != .unchanged,
                baselineSpread: base.spread?[i], treatedSpread: treat.spread?[i])
        }
        let how = update == .synchronous ? "attractor average after \(steps) synchronous steps"
            : "mean of the last \(steps - steps / 2 + 1) of \(steps) asynchronous steps over \(max(1, runs)) runs"
        return Response(readouts: entries, tolerance: tolerance, readAt: how)
    }
}
