import Foundation

/// The summary of a stochastic run (MaBoSS's outputs): per-variable probabilities per sampling
/// window (time-averaged within the window, like MaBoSS's "probtraj"), the joint distribution of
/// the output nodes per window, the final distribution, fixed points reached, and the transition
/// entropy, with binomial confidence intervals.
public struct StochasticResult: Sendable {
    /// The integer sums behind everything here.
    public let tally: StochasticTally
    /// The model's node identifiers.
    public let nodeIDs: [String]

    /// Creates the summary of a tally.
    public init(tally: StochasticTally, nodeIDs: [String]) {
        self.tally = tally
        self.nodeIDs = nodeIDs
    }

    /// The number of trajectories.
    public var trajectories: Int { Int(tally.trajectories) }
    /// The Boolean variables (see ``StochasticModel/variableNames``).
    public var variables: [String] { tally.variables }
    /// The start time of each window.
    public var times: [Double] { (0..<tally.windowCount).map { Double($0) * tally.timeTick } }

    /// The probability that variable `v` is on, averaged over window `w`.
    public func probability(variable v: Int, window w: Int) -> Double {
        let denominator = Double(tally.trajectories) * Double(tally.windowUnits[w])
        return denominator > 0 ? Double(tally.on[w * tally.variables.count + v]) / denominator : 0
    }

    /// Each variable's probability per window, by name.
    public var probabilities: [String: [Double]] {
        var result: [String: [Double]] = [:]
        for (v, name) in tally.variables.enumerated() {
            result[name] = (0..<tally.windowCount).map { probability(variable: v, window: $0) }
        }
        return result
    }

    /// The probability of each variable being on at the end of the run.
    public var finalProbabilities: [String: Double] {
        var result: [String: Double] = [:]
        let n = Double(max(1, tally.trajectories))
        for (v, name) in tally.variables.enumerated() { result[name] = Double(tally.finalOn[v]) / n }
        return result
    }

    /// The label of joint output state `code`: the on outputs joined by ` -- `, or `<nil>` (MaBoSS).
    public func stateLabel(_ code: Int) -> String {
        let on = tally.outputs.enumerated().filter { code & (1 << $0.offset) != 0 }.map(\.element)
        return on.isEmpty ? "<nil>" : on.joined(separator: " -- ")
    }

    /// The probability of each joint output state (by code: bit `k` is output `k`) in window `w`.
    public func jointDistribution(window w: Int) -> [Double] {
        let size = 1 << tally.outputs.count
        let denominator = Double(tally.trajectories) * Double(tally.windowUnits[w])
        return (0..<size).map { denominator > 0 ? Double(tally.joint[w * size + $0]) / denominator : 0 }
    }

    /// The distribution of the joint output state at the end of the run.
    public var finalJointDistribution: [Double] {
        let n = Double(max(1, tally.trajectories))
        return tally.finalJoint.map { Double($0) / n }
    }

    /// The mean transition entropy (bits) per window.
    public var entropy: [Double] {
        let n = Double(max(1, tally.trajectories))
        return tally.entropy.map { Double($0) / StochasticTally.entropyScale / n }
    }

    /// The fixed points reached (the Boolean variables that are on) and the fraction of
    /// trajectories ending there, most frequent first.
    public var fixedPoints: [(on: [String], probability: Double)] { fixedPoints(limit: .max) }

    /// The `limit` most frequent fixed points (ties in state order).
    ///
    /// - Complexity: O(F log F + limit × variables) for F distinct fixed points.
    public func fixedPoints(limit: Int) -> [(on: [String], probability: Double)] {
        let n = Double(max(1, tally.trajectories))
        return tally.fixedPoints.sorted { $0.count > $1.count || $0.count == $1.count && $0.state.lexicographicallyPrecedes($1.state) }
            .prefix(max(0, limit))
            .map { f in
                let on = tally.variables.indices.filter { f.state[$0 / 64] & (1 << UInt64($0 % 64)) != 0 }.map { tally.variables[$0] }
                return (on, Double(f.count) / n)
            }
    }

    /// The fraction of trajectories that ended in a fixed point.
    public var fixedPointProbability: Double {
        Double(tally.fixedPoints.reduce(Int64(0)) { $0 + $1.count }) / Double(max(1, tally.trajectories))
    }

    /// The Wilson score interval of a binomial proportion `p` from `n` trials at normal quantile
    /// `z` (1.96: 95 %). For window averages it is conservative: a time average in [0, 1] with
    /// mean p has variance at most p(1 − p).
    public static func wilson(_ p: Double, n: Int, z: Double = 1.96) -> ClosedRange<Double> {
        guard n > 0 else { return 0...1 }
        let nn = Double(n), z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z * ((p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()) / (1 + z2 / nn)
        return max(0, centre - half)...min(1, centre + half)
    }

    /// The binomial standard error of a probability `p` from this run's trajectories.
    public func standardError(_ p: Double) -> Double {
        (p * (1 - p) / Double(max(1, tally.trajectories))).squareRoot()
    }
}
