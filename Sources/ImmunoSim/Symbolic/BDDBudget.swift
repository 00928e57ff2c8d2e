/// Limits on the work of a ``DecisionDiagram``: how many nodes it may store and until when it may
/// run. Checked inside the operations — the node count whenever a node is added, the clock every
/// 65,536 node constructions — so a single runaway conjunction stops too, not only a sequence of
/// them.
public struct DiagramBudget: Hashable, Sendable {
    /// The most nodes the diagram may store (terminals and dead nodes included).
    public var nodes: Int
    /// When to stop, on the continuous clock (`nil`: no time limit).
    public var deadline: ContinuousClock.Instant?

    /// A budget of `nodes` stored nodes and, when given, `seconds` from now.
    public init(nodes: Int = .max, seconds: Double? = nil) {
        self.nodes = nodes
        deadline = seconds.map { ContinuousClock.now.advanced(by: .nanoseconds(Int64(($0 * 1e9).rounded(.down)))) }
    }

    /// A budget of `nodes` stored nodes until `deadline`.
    public init(nodes: Int, deadline: ContinuousClock.Instant?) {
        self.nodes = nodes
        self.deadline = deadline
    }

    /// No limit at all.
    public static let unlimited = DiagramBudget()

    /// Whether the deadline has passed.
    public var isPastDeadline: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }
}

extension DecisionDiagram {
    /// How many node constructions pass between two readings of the clock: once per interval, so
    /// the check costs nothing measurable per operation.
    static let budgetInterval = 1 << 16

    /// Sets (or, with `nil`, removes) the budget and clears ``isExhausted``. Once the budget runs
    /// out, every operation returns at once with a meaningless result and ``isExhausted`` stays
    /// true until the budget is set again: check it after a batch of operations.
    ///
    /// - Complexity: O(1).
    public mutating func setBudget(_ budget: DiagramBudget?) {
        self.budget = budget
        isExhausted = false
        nodeLimit = budget?.nodes ?? Int.max
        budgetTicks = budget?.deadline == nil ? Int.max : Self.budgetInterval
        if budget != nil { checkBudget() }
    }

    /// Looks at the budget (stored nodes, clock); marks the diagram exhausted when either ran out.
    mutating func checkBudget() {
        guard let budget else { budgetTicks = Int.max; return }
        budgetTicks = budget.deadline == nil ? Int.max : Self.budgetInterval
        if nodes.count > budget.nodes || budget.isPastDeadline { isExhausted = true }
    }

    /// Empties the stacks of an operation stopped by the budget, leaving the one result its
    /// caller reads (false).
    func abandon<Frame>(_ frames: inout [Frame], _ results: inout [UInt32]) {
        frames.removeAll()
        results.removeAll()
        results.append(0)
    }
}
