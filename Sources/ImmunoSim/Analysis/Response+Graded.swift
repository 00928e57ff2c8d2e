import ImmunoGraph

extension CompiledGradedModel {
    /// The node indices for `readouts` identifiers, or every node that is not a therapy when `nil`.
    ///
    /// - Throws: ``PerturbationError`` naming an unknown identifier, with a suggestion.
    public func readoutIndices(_ readouts: [String]?) throws -> [Int] {
        guard let readouts else { return (0..<nodeCount).filter { !graph.nodes[$0].isTherapy } }
        return try readouts.map { id in
            guard let i = graph.index(of: id) else { throw PerturbationError(graph.unknownNodeMessage(id)) }
            return i
        }
    }

    /// Runs `baseline` and `treated` and compares them node by node at `time`.
    ///
    /// - Parameters:
    ///   - baseline: the reference scenario (usually ``Scenario/baseline`` of `treated`).
    ///   - treated: the scenario whose effect is measured.
    ///   - time: when both runs are read (a step, a window mean or steady state).
    ///   - readouts: node identifiers to report (default: every non-therapy node).
    ///   - tolerance: the largest difference still called unchanged (default 0.02).
    /// - Throws: ``PerturbationError`` for unknown nodes, backgrounds or bad numbers.
    public func response(
        baseline: Scenario, treated: Scenario, at time: ReadoutTime, readouts: [String]? = nil,
        tolerance: Double = Response.defaultTolerance
    ) throws -> Response {
        if let problem = time.problems.first { throw PerturbationError(problem) }
        guard tolerance >= 0 else { throw PerturbationError("tolerance \(tolerance) is negative") }
        let nodes = try readoutIndices(readouts)
        let b = read(try inputs(for: baseline), at: time)
        let t = read(try inputs(for: treated), at: time)
        return Response(
            baseline: b.trajectory, treated: t.trajectory, baselineLevels: b.levels, treatedLevels: t.levels,
            nodes: nodes, tolerance: tolerance, readAt: time.description)
    }

    /// The response to `scenario`'s therapies: the scenario against itself without therapies.
    public func response(
        to scenario: Scenario, at time: ReadoutTime, readouts: [String]? = nil,
        tolerance: Double = Response.defaultTolerance
    ) throws -> Response {
        try response(baseline: scenario.baseline, treated: scenario, at: time, readouts: readouts, tolerance: tolerance)
    }
}
