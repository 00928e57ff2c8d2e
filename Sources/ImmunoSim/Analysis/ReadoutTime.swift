/// When a response is read: at one step, as the mean over a window of steps, or at steady state.
public enum ReadoutTime: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The levels at step `n` (the run lasts `n` steps).
    case step(Int)
    /// The mean level over steps `from…to` inclusive (the run lasts `to` steps).
    case window(from: Int, to: Int)
    /// The levels once the largest one-step change of any level is below `epsilon`, or after
    /// `maxSteps` steps (whichever comes first). Runs last at least one step past the latest
    /// therapy or clamp start.
    case steadyState(epsilon: Double, maxSteps: Int)

    /// Steady state with ε = 1e-6 and at most 10,000 steps.
    public static let steady: ReadoutTime = .steadyState(epsilon: 1e-6, maxSteps: 10_000)

    /// `"step 50"`, `"mean of steps 40…50"`, `"steady state (ε 1e-06, ≤ 10000 steps)"`.
    public var description: String {
        switch self {
        case .step(let n): return "step \(n)"
        case .window(let from, let to): return "mean of steps \(from)…\(to)"
        case .steadyState(let epsilon, let maxSteps): return "steady state (ε \(epsilon), ≤ \(maxSteps) steps)"
        }
    }

    /// Problems with the numbers, or an empty list.
    public var problems: [String] {
        switch self {
        case .step(let n): return n < 0 ? ["readout step \(n) is negative"] : []
        case .window(let from, let to):
            return from < 0 || to < from ? ["readout window \(from)…\(to) is empty or negative"] : []
        case .steadyState(let epsilon, let maxSteps):
            return epsilon > 0 && maxSteps > 0 ? [] : ["steady state needs ε > 0 and a positive step cap"]
        }
    }
}

extension CompiledGradedModel {
    /// Runs `inputs` long enough for `time` and returns the trajectory and the levels read.
    public func read(_ inputs: GradedInputs, at time: ReadoutTime) -> (trajectory: GradedTrajectory, levels: [Double]) {
        switch time {
        case .step(let n):
            let trajectory = run(inputs, steps: max(0, n))
            return (trajectory, trajectory.finalState)
        case .window(let from, let to):
            let trajectory = run(inputs, steps: max(0, to))
            return (trajectory, trajectory.mean(over: max(0, from)...max(0, to)))
        case .steadyState(let epsilon, let maxSteps):
            let latestStart = (inputs.therapyList.map(\.schedule.start) + inputs.clamps.map(\.window.start)).max() ?? 0
            let trajectory = runToSteadyState(inputs, epsilon: epsilon, minimumSteps: latestStart + 1, maxSteps: maxSteps)
            return (trajectory, trajectory.finalState)
        }
    }
}

extension ReadoutTime {
    /// The same readout `steps` later (a step or window moves; steady state is unchanged): the
    /// readout of a scenario whose interventions start after a warm-up of `steps`.
    public func shifted(by steps: Int) -> ReadoutTime {
        switch self {
        case .step(let n): return .step(n.addingReportingOverflow(steps).overflow ? Int.max : n + steps)
        case .window(let from, let to): return .window(from: from + steps, to: to.addingReportingOverflow(steps).overflow ? Int.max : to + steps)
        case .steadyState: return self
        }
    }
}
