/// A model read from MaBoSS files: the graph (nodes, logic as rules, signed edges derived from the
/// logic, deterministic istates as initial levels) and everything the graph cannot hold.
public struct MaBoSSModel: Sendable {
    /// The network.
    public var graph: MechanismGraph
    /// Rates, parameters, initial states and run settings.
    public var configuration: MaBoSSConfiguration

    /// Creates a model.
    public init(graph: MechanismGraph, configuration: MaBoSSConfiguration) {
        self.graph = graph
        self.configuration = configuration
    }
}

/// What a `.bnd`/`.cfg` pair says beyond the logic: node rates, `$parameters`, initial states,
/// internal nodes and run settings.
public struct MaBoSSConfiguration: Hashable, Sendable {
    /// A node's rates as written (`nil`: the MaBoSS default, `@logic ? 1 : 0` / `@logic ? 0 : 1`),
    /// with its other local variables substituted.
    public struct Rates: Hashable, Sendable {
        /// `rate_up`.
        public var up: MaBoSSExpression?
        /// `rate_down`.
        public var down: MaBoSSExpression?
        /// Creates rates.
        public init(up: MaBoSSExpression? = nil, down: MaBoSSExpression? = nil) {
            self.up = up
            self.down = down
        }
    }

    /// One initial-state statement: `A.istate = 1;` (one node, certain), `[A, B].istate = 0.3 [0, 1],
    /// 0.7 [1, 0];` (joint, weighted), or an unspecified node (MaBoSS's default: 0 or 1 with
    /// probability ½ each).
    public struct InitialState: Hashable, Sendable {
        /// The nodes.
        public var nodes: [String]
        /// Weighted alternatives: one value (0 or 1) per node.
        public var choices: [(weight: Double, values: [Int])]
        /// Creates an initial state.
        public init(nodes: [String], choices: [(weight: Double, values: [Int])]) {
            self.nodes = nodes
            self.choices = choices
        }
        public static func == (a: Self, b: Self) -> Bool {
            a.nodes == b.nodes && a.choices.count == b.choices.count
                && zip(a.choices, b.choices).allSatisfy { $0.weight == $1.weight && $0.values == $1.values }
        }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(nodes)
            for c in choices { hasher.combine(c.weight); hasher.combine(c.values) }
        }
    }

    /// Rates by node (every node of the `.bnd` has an entry).
    public var rates: [String: Rates]
    /// `$parameter` values (names without `$`), after evaluating the `.cfg`'s definitions.
    public var parameters: [String: Double]
    /// Initial states in the order written, one per node or block; nodes not named are random.
    public var initialStates: [InitialState]
    /// Nodes marked `is_internal` (left out of MaBoSS's output states).
    public var internalNodes: [String]
    /// `sample_count`.
    public var sampleCount: Int?
    /// `max_time`.
    public var maxTime: Double?
    /// `time_tick`.
    public var timeTick: Double?
    /// `seed_pseudorandom`.
    public var seed: Int?
    /// `discrete_time` (the engine runs continuous time only).
    public var discreteTime: Bool
    /// Other numeric settings (`thread_count`, `statdist_traj_count`, …), by name.
    public var otherSettings: [String: Double]

    /// Creates an empty configuration.
    public init(rates: [String: Rates] = [:], parameters: [String: Double] = [:], initialStates: [InitialState] = [],
                internalNodes: [String] = [], sampleCount: Int? = nil, maxTime: Double? = nil, timeTick: Double? = nil,
                seed: Int? = nil, discreteTime: Bool = false, otherSettings: [String: Double] = [:]) {
        self.rates = rates
        self.parameters = parameters
        self.initialStates = initialStates
        self.internalNodes = internalNodes
        self.sampleCount = sampleCount
        self.maxTime = maxTime
        self.timeTick = timeTick
        self.seed = seed
        self.discreteTime = discreteTime
        self.otherSettings = otherSettings
    }

    /// The probability that a single node starts on: its one-node istate, ½ when it has none
    /// (MaBoSS's default), `nil` when it belongs to a joint block.
    public func initialProbability(of node: String) -> Double? {
        guard let s = initialStates.first(where: { $0.nodes.contains(node) }) else { return 0.5 }
        guard s.nodes.count == 1 else { return nil }
        let total = s.choices.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        return s.choices.filter { $0.values.first == 1 }.reduce(0) { $0 + $1.weight } / total
    }
}
