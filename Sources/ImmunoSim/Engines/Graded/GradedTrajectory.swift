/// The levels of every node at steps `0…steps` of one graded run, stored flat (step-major).
public struct GradedTrajectory: Sendable, Hashable {
    /// The node identifiers, by index.
    public let nodeIDs: [String]
    /// Levels: `levels[step * nodeCount + node]`.
    public private(set) var levels: [Double]
    /// Whether the run stopped because it reached a steady state (max |Δ| < ε).
    public var converged: Bool

    /// Creates a trajectory from flat levels.
    public init(nodeIDs: [String], levels: [Double], converged: Bool = false) {
        self.nodeIDs = nodeIDs
        self.levels = levels
        self.converged = converged
    }

    /// The number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// The number of recorded states (steps + 1).
    public var stateCount: Int { nodeIDs.isEmpty ? 0 : levels.count / nodeIDs.count }
    /// The last step recorded.
    public var lastStep: Int { stateCount - 1 }

    /// The level of node `node` at step `step`.
    public func level(_ node: Int, at step: Int) -> Double { levels[step * nodeCount + node] }

    /// The levels of all nodes at `step`.
    public func state(at step: Int) -> ArraySlice<Double> { levels[(step * nodeCount)..<((step + 1) * nodeCount)] }

    /// The levels of node `node` over all steps.
    public func series(_ node: Int) -> [Double] { (0..<stateCount).map { level(node, at: $0) } }

    /// The final levels.
    public var finalState: [Double] { Array(state(at: lastStep)) }

    /// The mean level of every node over the steps in `window` (clipped to the recorded steps).
    public func mean(over window: ClosedRange<Int>) -> [Double] {
        let low = max(0, window.lowerBound)
        let high = min(lastStep, window.upperBound)
        var sums = [Double](repeating: 0, count: nodeCount)
        guard low <= high else { return finalState }
        for t in low...high { for i in 0..<nodeCount { sums[i] += level(i, at: t) } }
        let count = Double(high - low + 1)
        return sums.map { $0 / count }
    }

    /// The trajectory extended to `stateCount` states by repeating its last state (for comparing
    /// runs that converged at different steps).
    public func padded(to count: Int) -> GradedTrajectory {
        guard count > stateCount, stateCount > 0 else { return self }
        var copy = self
        let last = finalState
        copy.levels.reserveCapacity(count * nodeCount)
        for _ in stateCount..<count { copy.levels += last }
        return copy
    }

    /// CSV: a `step,ID1,ID2,…` header then one line per step.
    public func csv() -> String {
        var lines = ["step," + nodeIDs.joined(separator: ",")]
        for t in 0..<stateCount { lines.append("\(t)," + state(at: t).map(formatLevel).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }
}
