public import ImmunoGraph

/// A node and a level: one perturbation (0 = knockout, the node's maximum = over-expression) or
/// one condition of a control target.
public struct NodeValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The node identifier.
    public var node: String
    /// The level: 0 or 1 for a Boolean node, 0…max for a multi-valued one.
    public var value: Int

    /// Creates a node value.
    public init(_ node: String, _ value: Int) {
        self.node = node
        self.value = value
    }

    /// `PD1=0`.
    public var description: String { "\(node)=\(value)" }
}

/// What to control: the subspace every attractor must end in, and which perturbations to try.
///
/// ```swift
/// let problem = ControlProblem(target: [NodeValue("KILLING", 1)], maxSize: 2)
/// let result = try model.controlStrategies(problem)
/// ```
public struct ControlProblem: Hashable, Sendable {
    /// The target subspace: every attractor of the perturbed model must have these values.
    public var target: [NodeValue]
    /// The largest perturbation set tried (0 tries only the unperturbed model).
    public var maxSize: Int
    /// Nodes never perturbed (drugs that do not exist, essential genes).
    public var excluded: [String]
    /// Whether the target nodes themselves may be perturbed (default no: fixing the readout is
    /// not an answer).
    public var perturbTargets: Bool
    /// Unused since attractors are judged as one decision diagram, whatever their size (kept so
    /// code that sets it still compiles).
    public var attractorStateLimit: Int
    /// The most perturbation sets the search may enumerate (Σ C(candidates, s) × 2^s over the
    /// sizes); a larger search is refused with an error instead of running for hours.
    public var setLimit: Int

    /// Creates a control problem.
    public init(target: [NodeValue], maxSize: Int = 2, excluded: [String] = [], perturbTargets: Bool = false,
                attractorStateLimit: Int = 100_000, setLimit: Int = 1_000_000) {
        self.setLimit = setLimit
        self.target = target
        self.maxSize = maxSize
        self.excluded = excluded
        self.perturbTargets = perturbTargets
        self.attractorStateLimit = attractorStateLimit
    }
}

/// How a control strategy was shown to work.
public enum ControlVerification: String, Hashable, Sendable, Codable, CaseIterable {
    /// Percolation alone fixes every target node at its value: every trajectory ends in the
    /// target, whatever the initial state and update order. The explanation is the chain.
    case percolation
    /// Every asynchronous attractor of the perturbed model, computed exactly, lies in the target.
    case attractors
    /// The exact attractor search refused the part of the model checked: every *minimal trap
    /// space* lies in the target, but an attractor outside every minimal trap space (rare;
    /// "motif-avoidant") is not excluded. (Not produced by the current search, which judges
    /// attractors of any size exactly; kept for the JSON contract.)
    case trapSpaces = "trapspaces"
}

/// One step of a control explanation: a node fixed by percolation, why, and the curated edges
/// behind it.
public struct ControlStep: Hashable, Sendable {
    /// The node fixed; for a multi-valued node `X`, one of its coded variables `X>=k` (value 1:
    /// `X` is at least `k`; value 0: below `k`).
    public var node: String
    /// The value it is fixed at.
    public var value: Int
    /// The values of its regulators that fix it (its rule is constant given them).
    public var because: [NodeValue]
    /// The model's edges from those regulators to the node, with their evidence records (empty
    /// when no graph was given or the model has no edges, e.g. a `.bnet` file).
    public var edges: [Edge]
}

/// A set of permanent perturbations after which every attractor lies in the target.
public struct ControlStrategy: Hashable, Sendable {
    /// The perturbations, in model node order.
    public var perturbations: [NodeValue]
    /// How the strategy was verified.
    public var verification: ControlVerification
    /// The percolation steps from the perturbations to the target nodes (for ``ControlVerification/percolation``,
    /// every target node is among them), in the order they happen.
    public var explanation: [ControlStep]
    /// The number of attractors checked (``ControlVerification/attractors``) or minimal trap spaces
    /// (``ControlVerification/trapSpaces``) of the part of the model upstream of the target; 0 for percolation.
    public var checked: Int

    /// The number of perturbations.
    public var size: Int { perturbations.count }
}

/// The answer of ``LogicalModel/controlStrategies(_:graph:)`` with the work it took.
public struct ControlResult: Hashable, Sendable {
    /// The minimal strategies, by size, then in node order (value 0 before 1).
    public var strategies: [ControlStrategy]
    /// The candidate nodes (upstream of the target, not excluded), in node order.
    public var candidates: [String]
    /// Perturbation sets examined.
    public var examined: Int
    /// Sets decided by percolation alone (accepted or refuted).
    public var decidedByPercolation: Int
    /// Sets refuted by a trap space found by percolation (a target node held at the wrong value
    /// sustains itself).
    public var refutedByTrapSpace: Int
    /// Sets decided by an exact attractor search.
    public var attractorChecks: Int
    /// Distinct attractor searches run: sets that leave the part of the model upstream of the
    /// target in the same state share one.
    public var attractorSearches: Int
    /// Sets that could not be decided (neither attractors nor trap spaces within limits); they are
    /// not reported as strategies.
    public var undecided: [[NodeValue]]
}
