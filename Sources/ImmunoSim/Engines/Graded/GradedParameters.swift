/// The defaults of the graded engine, used where a node or edge does not state its own value.
///
/// See ``CompiledGradedModel`` and `Guides/GradedSemantics.md` for the equations.
public struct GradedParameters: Hashable, Sendable, Codable {
    /// The Hill exponent `n` of every edge transfer function (an integer 1…8, default 1).
    ///
    /// Default 1 (a saturating, Michaelis–Menten-like transfer): with steeper transfers the
    /// negative feedback loops of checkpoint models (PD-1 and TIM-3 on the flagship) become limit
    /// cycles in discrete time and a "steady-state" readout depends on the phase. Raise it for
    /// switch-like or bistable behaviour.
    public var hillExponent: Int
    /// The transfer threshold (half-activation level) of an edge without `Edge.threshold` (default 0.5).
    public var threshold: Double
    /// The rate (fraction of the distance to the target covered per step) of a node without
    /// `Node.rate` (default 0.5).
    public var rate: Double
    /// The basal level of a node without `Node.basal` (default 0).
    public var basal: Double
    /// How explicit rules are evaluated on graded levels (default ``GradedLogic/multilinear``).
    public var logic: GradedLogic

    /// Creates parameters; the defaults run any unparameterised signed graph.
    public init(
        hillExponent: Int = 1, threshold: Double = 0.5, rate: Double = 0.5, basal: Double = 0,
        logic: GradedLogic = .multilinear
    ) {
        self.hillExponent = hillExponent
        self.threshold = threshold
        self.rate = rate
        self.basal = basal
        self.logic = logic
    }

    private enum CodingKeys: String, CodingKey { case hillExponent, threshold, rate, basal, logic }

    /// Decodes parameters; a missing key takes its default (`logic` was added later).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = GradedParameters()
        self.init(
            hillExponent: try c.decodeIfPresent(Int.self, forKey: .hillExponent) ?? d.hillExponent,
            threshold: try c.decodeIfPresent(Double.self, forKey: .threshold) ?? d.threshold,
            rate: try c.decodeIfPresent(Double.self, forKey: .rate) ?? d.rate,
            basal: try c.decodeIfPresent(Double.self, forKey: .basal) ?? d.basal,
            logic: try c.decodeIfPresent(GradedLogic.self, forKey: .logic) ?? d.logic)
    }

    /// The defaults.
    public static let standard = GradedParameters()

    /// Problems with the numbers, or an empty list.
    public var problems: [String] {
        var result: [String] = []
        if !(1...8).contains(hillExponent) { result.append("Hill exponent \(hillExponent) must be an integer in 1...8") }
        if !(threshold > 0 && threshold < 1) { result.append("default threshold \(threshold) must be inside (0, 1)") }
        if !(rate > 0 && rate <= 1) { result.append("default rate \(rate) must be in (0, 1]") }
        if !(0...1).contains(basal) { result.append("default basal level \(basal) must be in 0...1") }
        return result
    }
}

/// An error compiling a model for the graded engine: names the node or edge and the value.
public struct GradedModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
