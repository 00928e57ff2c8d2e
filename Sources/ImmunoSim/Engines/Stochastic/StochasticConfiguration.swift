public import ImmunoGraph

/// A node's transition rates in the stochastic engine, as MaBoSS writes them.
///
/// `nil` means the MaBoSS default: `rate_up = @logic ? 1 : 0`, `rate_down = @logic ? 0 : 1`.
/// An expression of the form `@logic ? k : 0` (rate_up) or `@logic ? 0 : k` (rate_down) with a
/// constant `k` runs on the engine's fast path; any other expression is evaluated as MaBoSS does:
/// the node flips up at `rate_up` whenever it is 0, down at `rate_down` whenever it is 1, whatever
/// its logic (which the expression reads as `@logic`).
public struct NodeRates: Hashable, Sendable {
    /// The 0 → 1 rate, or `nil` for the default.
    public var up: MaBoSSExpression?
    /// The 1 → 0 rate, or `nil` for the default.
    public var down: MaBoSSExpression?
    /// Creates rates.
    public init(up: MaBoSSExpression? = nil, down: MaBoSSExpression? = nil) {
        self.up = up
        self.down = down
    }
    /// Logic-gated constant rates: up at `up` while the logic is 1, down at `down` while it is 0.
    public static func constant(up: Double, down: Double) -> NodeRates {
        NodeRates(up: .whenLogic(up), down: .unlessLogic(down))
    }
}

/// A time window `start ..< stop` in model time units (`stop == nil`: until the end of the run).
public struct TimeWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The start time.
    public var start: Double
    /// The end time (exclusive), or `nil`.
    public var stop: Double?
    /// Creates a window.
    public init(start: Double = 0, stop: Double? = nil) {
        self.start = start
        self.stop = stop
    }
    /// The whole run.
    public static let always = TimeWindow()
    /// The window of a logical ``StepWindow``, one step being one time unit.
    public init(_ steps: StepWindow) { self.init(start: Double(steps.start), stop: steps.stop.map(Double.init)) }
    /// Whether `time` is inside.
    public func contains(_ time: Double) -> Bool { time >= start && (stop.map { time < $0 } ?? true) }
    public var description: String { stop.map { "\(start)..<\($0)" } ?? "\(start)..." }
}

/// A change to the stochastic dynamics during a time window: a clamp (the node is set to a level
/// when the window opens and frozen there until it closes) or a scaling of its up or down rate
/// (a partial block scales `rate_up` by `1 − efficacy`).
///
/// Later interventions on the same node override earlier ones while both are active.
public struct StochasticIntervention: Hashable, Sendable {
    /// What the intervention does.
    public enum Effect: Hashable, Sendable {
        /// Hold the node at a level (0…max).
        case clamp(level: Int)
        /// Multiply the node's up rate by a factor ≥ 0.
        case scaleUp(Double)
        /// Multiply the node's down rate by a factor ≥ 0.
        case scaleDown(Double)
    }
    /// The node identifier.
    public var node: String
    /// The effect.
    public var effect: Effect
    /// When it applies.
    public var window: TimeWindow
    /// Creates an intervention.
    public init(node: String, effect: Effect, window: TimeWindow = .always) {
        self.node = node
        self.effect = effect
        self.window = window
    }
    /// A block of `efficacy` (0…1): full efficacy holds the node at 0, a partial one scales its up
    /// rate by `1 − efficacy`.
    public static func block(_ node: String, efficacy: Double = 1, window: TimeWindow = .always) -> StochasticIntervention {
        efficacy >= 1 ? .init(node: node, effect: .clamp(level: 0), window: window)
            : .init(node: node, effect: .scaleUp(max(0, 1 - efficacy)), window: window)
    }
    /// A supply of `efficacy` (0…1): full efficacy holds the node at `level` (its maximum), a
    /// partial one scales its down rate by `1 − efficacy`.
    public static func supply(_ node: String, level: Int = 1, efficacy: Double = 1, window: TimeWindow = .always) -> StochasticIntervention {
        efficacy >= 1 ? .init(node: node, effect: .clamp(level: level), window: window)
            : .init(node: node, effect: .scaleDown(max(0, 1 - efficacy)), window: window)
    }
}

/// The initial distribution of states: independent per-node probabilities of being on, and joint
/// blocks (MaBoSS `[A, B].istate = 0.3 [0, 1], 0.7 [1, 0];`) whose nodes are drawn together.
///
/// A node named in neither starts at the graph's initial level (see ``StochasticModel``). A
/// multi-valued node that is "on" starts at its maximum.
public struct StochasticInitialState: Hashable, Sendable {
    /// One joint block: its nodes and weighted level vectors (weights need not sum to 1).
    public struct Joint: Hashable, Sendable {
        /// The node identifiers.
        public var nodes: [String]
        /// The alternatives: a weight and one level per node.
        public var choices: [Choice]
        /// One alternative.
        public struct Choice: Hashable, Sendable {
            /// The relative weight (≥ 0).
            public var weight: Double
            /// One level per node of the block.
            public var levels: [Int]
            /// Creates a choice.
            public init(weight: Double, levels: [Int]) {
                self.weight = weight
                self.levels = levels
            }
        }
        /// Creates a joint block.
        public init(nodes: [String], choices: [Choice]) {
            self.nodes = nodes
            self.choices = choices
        }
    }
    /// Probability (0…1) that a node starts on.
    public var probabilities: [String: Double]
    /// Joint blocks.
    public var joint: [Joint]
    /// Creates an initial state.
    public init(probabilities: [String: Double] = [:], joint: [Joint] = []) {
        self.probabilities = probabilities
        self.joint = joint
    }
}

/// Everything the stochastic engine needs beyond the graph's logic: rates, `$parameters`, the
/// initial distribution and timed interventions.
public struct StochasticConfiguration: Hashable, Sendable {
    /// Rates by node identifier (missing: the defaults).
    public var rates: [String: NodeRates]
    /// `$parameter` values (names without `$`).
    public var parameters: [String: Double]
    /// The initial distribution (missing nodes: the graph's initial level).
    public var initial: StochasticInitialState
    /// Interventions in the order given.
    public var interventions: [StochasticIntervention]
    /// Creates a configuration.
    public init(rates: [String: NodeRates] = [:], parameters: [String: Double] = [:],
                initial: StochasticInitialState = .init(), interventions: [StochasticIntervention] = []) {
        self.rates = rates
        self.parameters = parameters
        self.initial = initial
        self.interventions = interventions
    }
}

/// How to run the stochastic engine.
public struct StochasticSettings: Hashable, Sendable {
    /// The number of trajectories.
    public var trajectories: Int
    /// The simulated time of each trajectory.
    public var maxTime: Double
    /// The width of the sampling windows (MaBoSS `time_tick`).
    public var timeTick: Double
    /// The seed: trajectory `k` draws from a generator seeded by (seed, k).
    public var seed: UInt64
    /// Worker threads (the result does not depend on it).
    public var threads: Int
    /// Nodes whose joint state is tallied (at most ``StochasticSettings/maxOutputs``).
    public var outputs: [String]
    /// Which part of the trajectories to run: `index` of `count` contiguous shards.
    public var shard: (index: Int, count: Int)
    /// The largest number of output nodes.
    public static let maxOutputs = 12

    /// Creates settings (defaults: 10,000 trajectories, time 100, tick 1, seed 0, one thread).
    public init(trajectories: Int = 10_000, maxTime: Double = 100, timeTick: Double = 1, seed: UInt64 = 0,
                threads: Int = 1, outputs: [String] = [], shard: (index: Int, count: Int) = (0, 1)) {
        self.trajectories = trajectories
        self.maxTime = maxTime
        self.timeTick = timeTick
        self.seed = seed
        self.threads = threads
        self.outputs = outputs
        self.shard = shard
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.trajectories == b.trajectories && a.maxTime == b.maxTime && a.timeTick == b.timeTick && a.seed == b.seed
            && a.threads == b.threads && a.outputs == b.outputs && a.shard == b.shard
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(trajectories); hasher.combine(maxTime); hasher.combine(timeTick); hasher.combine(seed)
        hasher.combine(threads); hasher.combine(outputs); hasher.combine(shard.index); hasher.combine(shard.count)
    }

    /// The trajectory indices of this shard.
    public var trajectoryRange: Range<Int> {
        let n = max(0, trajectories), c = max(1, shard.count), i = min(max(0, shard.index), c - 1)
        return (n * i / c)..<(n * (i + 1) / c)
    }
}
