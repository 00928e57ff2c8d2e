/// How the graded engine turns a node's explicit logical rule into a level in [0, 1].
///
/// A rule such as `TCELL = ANTIGEN & !PD1SIG` is a function of Boolean (or multi-valued) inputs;
/// the graded engine needs a value for fractional inputs. Three choices (see
/// `Guides/GradedSemantics.md`):
///
/// - ``multilinear`` (the default): the unique multilinear interpolation of the rule's truth
///   table (Odefy's *BooleCube*, Wittmann et al. 2009): each input is read as the probability that
///   the regulator is on, inputs are independent, and the target is the expected value of the rule.
///   It is computed from the function, not from the syntax, so `A & A` is `a`, not `a²`; every
///   input moves the output whenever the rule depends on it (no min/max dead zones).
/// - ``hillCube``: the same interpolation applied to each input passed through the edge's
///   normalised Hill function (Odefy's *HillCube*, per-edge exponent `n` and threshold `k`),
///   for switch-like inputs.
/// - ``minMax``: Zadeh's fuzzy logic, AND = min, OR = max, NOT = 1 − x (the engine's former
///   behaviour): cheap, but only the smallest input of an AND moves the output.
///
/// In all three, an input reads its edge: the edge's weight scales it (`min(1, w·x)`), a removed
/// or fully blocked edge reads as an absent regulator (0), and antibody edges scale it. On a
/// multi-valued input the weight scales the truth of each level (`P(X ≥ k)` becomes
/// `min(1, w·P(X ≥ k))`), not the level itself, so a weight above 1 never makes level 1 read as
/// level 2 (a weakened signal falls back to level 0, as a weakened Boolean signal reads off).
public enum GradedLogic: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The multilinear extension of the truth table (Odefy BooleCube).
    case multilinear
    /// The multilinear extension over normalised Hill-transformed inputs (Odefy HillCube).
    case hillCube = "hillcube"
    /// Fuzzy min/max logic.
    case minMax = "minmax"

    /// The name used on the command line: `multilinear`, `hillcube` or `minmax`.
    public var description: String { rawValue }

    /// The logic named `name` (case-insensitive), or `nil`.
    public init?(name: String) {
        guard let logic = GradedLogic(rawValue: name.lowercased()) else { return nil }
        self = logic
    }
}
