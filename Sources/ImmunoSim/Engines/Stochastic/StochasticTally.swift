/// The raw sums of a stochastic run, in integers so that adding them is exact and order-free: the
/// tallies of any split of the trajectories (threads, shards of a job array) add up to the tally
/// of the whole run, bit for bit.
///
/// Times are counted in *units* of `timeTick / 2³²` within each sampling window; entropies in
/// `2⁻²⁴` bits.
public struct StochasticTally: Hashable, Sendable, Codable {
    /// One fixed point reached at the end of trajectories: the packed Boolean variables and count.
    public struct FixedPoint: Hashable, Sendable, Codable {
        /// The Boolean variables, 64 per word (variable `p` is bit `p % 64` of word `p / 64`).
        public var state: [UInt64]
        /// How many trajectories ended there.
        public var count: Int64
    }
    /// Units in one full window.
    public static let unitsPerTick: Int64 = 1 << 32
    /// Entropy units per bit.
    public static let entropyScale: Double = Double(1 << 24)

    /// The simulated time and window width (for checks when merging).
    public var maxTime: Double
    /// The window width.
    public var timeTick: Double
    /// The seed.
    public var seed: UInt64
    /// The Boolean variable names.
    public var variables: [String]
    /// The output variables of the joint distribution.
    public var outputs: [String]
    /// Trajectories counted.
    public var trajectories: Int64
    /// Each window's length in units (the last one may be partial).
    public var windowUnits: [Int64]
    /// Time each variable spent on, per window (`window × variables + variable`).
    public var on: [Int64]
    /// Time spent in each joint output state, per window (`window × 2^outputs + code`).
    public var joint: [Int64]
    /// Per window: the sum over trajectories of the window-averaged transition entropy.
    public var entropy: [Int64]
    /// Trajectories with each variable on at the end.
    public var finalOn: [Int64]
    /// Trajectories ending in each joint output state.
    public var finalJoint: [Int64]
    /// Fixed points reached, sorted by state.
    public var fixedPoints: [FixedPoint]

    /// The number of windows.
    public var windowCount: Int { windowUnits.count }

    /// An empty tally for a run.
    init(model: StochasticModel, settings: StochasticSettings, windowUnits: [Int64]) {
        maxTime = settings.maxTime
        timeTick = settings.timeTick
        seed = settings.seed
        variables = model.variableNames
        outputs = settings.outputs
        trajectories = 0
        self.windowUnits = windowUnits
        let w = windowUnits.count, p = model.variableCount, j = 1 << settings.outputs.count
        on = Array(repeating: 0, count: w * p)
        joint = Array(repeating: 0, count: w * j)
        entropy = Array(repeating: 0, count: w)
        finalOn = Array(repeating: 0, count: p)
        finalJoint = Array(repeating: 0, count: j)
        fixedPoints = []
    }

    /// Whether `other` comes from the same model and settings (so the two can be added).
    public func isCompatible(with other: StochasticTally) -> Bool {
        maxTime == other.maxTime && timeTick == other.timeTick && seed == other.seed && variables == other.variables
            && outputs == other.outputs && windowUnits == other.windowUnits
    }

    /// Adds `other` (same model and settings) into this tally.
    ///
    /// - Precondition: ``isCompatible(with:)``.
    /// - Complexity: O(windows × (variables + joint states) + fixed points).
    public mutating func add(_ other: StochasticTally) {
        trajectories += other.trajectories
        for k in on.indices { on[k] &+= other.on[k] }
        for k in joint.indices { joint[k] &+= other.joint[k] }
        for k in entropy.indices { entropy[k] &+= other.entropy[k] }
        for k in finalOn.indices { finalOn[k] &+= other.finalOn[k] }
        for k in finalJoint.indices { finalJoint[k] &+= other.finalJoint[k] }
        var counts: [[UInt64]: Int64] = [:]
        for f in fixedPoints + other.fixedPoints { counts[f.state, default: 0] += f.count }
        fixedPoints = counts.map { FixedPoint(state: $0.key, count: $0.value) }.sorted { $0.state.lexicographicallyPrecedes($1.state) }
    }

    /// The sum of `tallies` (which must be compatible), or `nil` when empty or incompatible.
    public static func merged(_ tallies: [StochasticTally]) -> StochasticTally? {
        guard var total = tallies.first else { return nil }
        for t in tallies.dropFirst() {
            guard total.isCompatible(with: t) else { return nil }
            total.add(t)
        }
        return total
    }
}
