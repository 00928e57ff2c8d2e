public import ImmunoGraph

/// The logical function of one node: which level it moves toward, given the levels of all nodes.
///
/// Follows the SBML-qual / GINsim convention: a list of *function terms*, each a condition and the
/// target level it gives, tried in order (the first that holds wins), and a default level when
/// none holds. The simple case — a node with a Boolean rule such as `A & !B` — is
/// `[(rule, maxLevel)]` with default 0: a multi-valued node with a Boolean rule targets its maximum
/// when the rule holds and 0 otherwise. A default of `nil` means "keep the current level" (inputs,
/// and the tie of the threshold policy).
///
/// The target is not the next level: a node moves one level toward its target per update
/// (GINsim's unitary steps), which for Boolean nodes is the same thing.
///
/// ```swift
/// // IFNG: 2 when both TCR and IL12, 1 when either, else 0.
/// let f = NodeFunction(terms: [(try ExpressionParser.parse("TCR & IL12"), 2),
///                              (try ExpressionParser.parse("TCR | IL12"), 1)], default: 0)
/// ```
public struct NodeFunction: Hashable, Sendable {
    /// One term: when `condition` holds (and no earlier term does), the target is `level`.
    public struct Term: Hashable, Sendable {
        /// The condition over node levels.
        public var condition: Expression
        /// The target level it gives.
        public var level: Int
        /// Creates a term.
        public init(_ condition: Expression, level: Int) {
            self.condition = condition
            self.level = level
        }
    }

    /// One input of a threshold function: `node >= level` contributes `weight` (signed) when true.
    public struct WeightedInput: Hashable, Sendable {
        /// The regulating node's identifier.
        public var node: String
        /// The level at which the input counts as active (1 for Boolean regulators).
        public var level: Int
        /// The signed weight: positive for an activator, negative for an inhibitor.
        public var weight: Double
        /// Creates a weighted input.
        public init(_ node: String, level: Int = 1, weight: Double) {
            self.node = node
            self.level = level
            self.weight = weight
        }
    }

    /// How the target is computed.
    public enum Body: Hashable, Sendable {
        /// Ordered function terms with a default (`nil`: keep the current level).
        case terms([Term], default: Int?)
        /// Sum of the weights of active inputs: > 0 → maximum, < 0 → 0, = 0 → keep.
        case weightedSum([WeightedInput])
    }

    /// The body.
    public var body: Body

    /// Creates a function from a body.
    public init(body: Body) { self.body = body }

    /// Creates a function from ordered (condition, target level) terms and a default level
    /// (`nil`: keep the current level).
    public init(terms: [(Expression, Int)], default defaultLevel: Int?) {
        body = .terms(terms.map { Term($0.0, level: $0.1) }, default: defaultLevel)
    }

    /// The function of a node with a Boolean rule: its maximum when the rule holds, else 0.
    public static func boolean(_ rule: Expression, maxLevel: Int = 1) -> NodeFunction {
        NodeFunction(body: .terms([Term(rule, level: maxLevel)], default: 0))
    }

    /// The function of an input: the node keeps its level.
    public static let keep = NodeFunction(body: .terms([], default: nil))

    /// The node identifiers the function reads.
    public var variables: [String] {
        switch body {
        case .terms(let terms, _):
            var seen = Set<String>()
            var result: [String] = []
            for term in terms {
                for v in term.condition.variables where seen.insert(v).inserted { result.append(v) }
            }
            return result
        case .weightedSum(let inputs):
            var seen = Set<String>()
            return inputs.map(\.node).filter { seen.insert($0).inserted }
        }
    }

    /// The target level given the node's `current` level, its `maxLevel`, and a lookup of every
    /// node's level. This is the reference (scalar, unoptimised) semantics the compiled program
    /// must reproduce exactly.
    ///
    /// - Complexity: O(size of the function) lookups.
    public func target(current: Int, maxLevel: Int, levels: (String) -> Int) -> Int {
        switch body {
        case .terms(let terms, let defaultLevel):
            for term in terms where term.condition.evaluate(levels) { return term.level }
            return defaultLevel ?? current
        case .weightedSum(let inputs):
            var sum = 0.0
            for input in inputs where levels(input.node) >= input.level { sum += input.weight }
            return sum > 0 ? maxLevel : (sum < 0 ? 0 : current)
        }
    }
}
