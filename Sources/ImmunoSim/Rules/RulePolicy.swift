/// How a node without an explicit rule gets one from its signed in-edges.
///
/// An open set of named policies (static members), chosen when a ``LogicalModel`` is compiled:
///
/// ```swift
/// let model = try LogicalModel(graph, policy: .threshold)
/// ```
///
/// A node with no rule and no in-edges keeps its level under every policy (it is an input).
public struct RulePolicy: Hashable, Sendable, CustomStringConvertible {
    /// The policy's name (`"inhibitorDominant"`, `"threshold"`).
    public var name: String

    /// Creates a policy by name; only the static members are understood by the compiler.
    public init(name: String) { self.name = name }

    /// "Some activator and no inhibitor": `(A1 | A2 | …) & !(I1 | I2 | …)`; a node with only
    /// inhibitors is on unless one is on. The SIF convention (INDRA, DrugLogics); the same rule as
    /// `MechanismGraph.inhibitorDominantRule(for:)`.
    public static let inhibitorDominant = RulePolicy(name: "inhibitorDominant")

    /// Sign-weighted sum of the weights of the active inputs: > 0 the node goes to its maximum,
    /// < 0 to 0, = 0 it keeps its current level (the Li et al. 2004 yeast-cycle convention).
    public static let threshold = RulePolicy(name: "threshold")

    /// The policies the compiler understands.
    public static let all: [RulePolicy] = [.inhibitorDominant, .threshold]

    public var description: String { name }
}
