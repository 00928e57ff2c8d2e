import ImmunoGraph

extension CompiledGradedModel: SimulationEngine {
    /// `"graded (multilinear)"`, naming the logic for explicit rules, and the default Hill
    /// exponent when it is not 1 (`"graded (multilinear, Hill 2)"`).
    public var semanticsDescription: String {
        parameters.hillExponent == 1 ? "graded (\(parameters.logic))" : "graded (\(parameters.logic), Hill \(parameters.hillExponent))"
    }

    /// Resolves and runs `scenario`, reading every node at `time`; the course is every step.
    ///
    /// A model input (a Boolean node whose rule is itself, `X, X` in bnet) started strictly
    /// between 0 and 1 — imported models start every unstated node at 0.5 — is a population share,
    /// not a half-on cell: the reading is the mixture over the inputs' on/off valuations
    /// (`mixtureReading`), exact up to 10 such inputs, so that branches fed by one input stay
    /// correlated as they are in every cell.
    ///
    /// - Throws: ``EngineError`` (subject `.scenario`) for what does not resolve.
    /// - Complexity: O(steps · (nodes + edges)) per input valuation.
    public func read(_ scenario: Scenario, at time: ReadoutTime) throws(EngineError) -> EngineReading {
        if let problem = time.problems.first { throw EngineError(.run, problem) }
        let inputs: GradedInputs
        do { inputs = try self.inputs(for: scenario) } catch { throw EngineError(wrapping: error) }
        return mixtureReading(inputs) { reading(read($0, at: time), time: time) }
    }

    /// Runs `scenario` with node `node` frozen on its baseline course (step by step).
    public func read(_ scenario: Scenario, holding node: Int, onCourseOf baseline: EngineReading, at time: ReadoutTime)
        throws(EngineError) -> EngineReading
    {
        var inputs: GradedInputs
        do { inputs = try self.inputs(for: scenario) } catch { throw EngineError(wrapping: error) }
        inputs.heldSeries.append(.init(node: node, levels: baseline.series(node)))
        return mixtureReading(inputs) { reading(read($0, at: time), time: time) }
    }

    /// The nodes whose influence an antibody node `node` blocks (the targets of its antibody edges).
    public func antibodyTargets(of node: Int) -> [Int] {
        influenceBlockSlot.indices.filter { Int(slotSource[Int(influenceBlockSlot[$0])]) == node }
            .map { Int(influenceBlockTarget[$0]) }
    }

    /// A variant with weights and rates jittered by ±`jitter` (``jittered(amount:seed:)``).
    public func variant(seed: UInt64, jitter: Double) throws(EngineError) -> CompiledGradedModel {
        jittered(amount: jitter, seed: seed)
    }

    private func reading(_ run: (trajectory: GradedTrajectory, levels: [Double]), time: ReadoutTime) -> EngineReading {
        EngineReading(
            nodeIDs: run.trajectory.nodeIDs, levels: run.levels, times: (0..<run.trajectory.stateCount).map(Double.init),
            course: run.trajectory.levels, readAt: time.description)
    }
}
