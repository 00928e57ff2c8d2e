/// A testable expectation about a model: given a background, when therapies are applied, expect
/// directions, levels, comparisons between arms or time courses — optionally across an ensemble
/// of jittered model variants.
///
/// ```swift
/// let hypothesis = Hypothesis(
///     "anti-PD-1 raises TIM-3", therapies: ["ANTI_PD1"],
///     expect: [.direction(node: "TIM3", .up), .direction(node: "PDL1", .up)])
/// let verdict = try hypothesis.check(on: Catalog.tumourMicroenvironment())
/// #expect(verdict.holds, "\(verdict)")
/// ```
public struct Hypothesis: Hashable, Sendable {
    /// A short name ("anti-PD-1 raises TIM-3").
    public var name: String
    /// The model's background to run in (`nil`: none).
    public var background: String?
    /// The therapies of the treated arm, as specs: `ID`, `ID[@START[-STOP]][:DOSE][/ON+OFF][~HALFLIFE]`.
    public var therapies: [String]
    /// Extra perturbations, in both arms (knockouts, over-expression).
    public var perturbations: [Perturbation]
    /// When levels are read.
    public var readAt: ReadoutTime
    /// The largest difference still called unchanged.
    public var tolerance: Double
    /// What is expected; all must hold.
    public var expectations: [Expectation]
    /// Optional robustness requirement over jittered model variants (graded) or over seeds of the
    /// asynchronous update (logical).
    public var robustness: Robustness?
    /// The semantics the hypothesis is checked under (default graded).
    public var semantics: Semantics = .graded
    /// For ensembles (stochastic, asynchronous or randomly started runs): the confidence level at
    /// which a direction must be significant, e.g. 0.95 — the change must exceed `z · SE` with
    /// the two-sided normal quantile `z` (1.96) and the standard error of the change
    /// (``NodeResponse/standardError``). `nil`: the tolerance alone decides.
    public var confidence: Double?

    /// Which engine checks a hypothesis.
    public enum Semantics: Hashable, Sendable {
        /// The graded engine; levels are read at ``Hypothesis/readAt``.
        case graded
        /// The logical engine: levels are attractor averages (``LogicalEngine``) after `steps`
        /// steps of the given update, with node rules from `policy`; an asynchronous arm is the
        /// mean of `runs` seeded runs. ``Hypothesis/readAt`` is not used; comparisons and levels
        /// read the same averages, and a time-course expectation reads the first step at which
        /// the arms' trajectories differ. Robustness re-runs every arm with other seeds (no
        /// jitter: logical rules have no weights); with synchronous update all variants agree.
        case logical(update: LogicalUpdate = .synchronous, policy: RulePolicy = .inhibitorDominant, steps: Int = 100, runs: Int = 20)
        /// The stochastic engine (MaBoSS semantics, ``StochasticEngine``): levels are
        /// probabilities of being on in the last sampling window before `maxTime`, from
        /// `trajectories` trajectories; robustness draws other trajectories.
        case stochastic(trajectories: Int = 10_000, maxTime: Double = 100)
    }

    /// Robustness: the expectations must all hold in at least `required` of `variants` model
    /// variants, each with edge weights, rates and basal levels jittered by ±`jitter` (relative),
    /// seeded from `seed`.
    public struct Robustness: Hashable, Sendable, Codable {
        /// The number of variants.
        public var variants: Int
        /// The relative jitter (0.2 = ±20 %).
        public var jitter: Double
        /// The share of variants that must pass (0…1).
        public var required: Double
        /// The seed from which every variant's seed is derived.
        public var seed: UInt64

        /// Creates a robustness requirement.
        public init(variants: Int = 100, jitter: Double = 0.2, required: Double = 0.9, seed: UInt64 = 1) {
            self.variants = variants
            self.jitter = jitter
            self.required = required
            self.seed = seed
        }
    }

    /// Creates a hypothesis.
    public init(
        _ name: String, background: String? = nil, therapies: [String], perturbations: [Perturbation] = [],
        readAt: ReadoutTime = .step(100), tolerance: Double = Response.defaultTolerance, expect expectations: [Expectation],
        robustness: Robustness? = nil, semantics: Semantics = .graded, confidence: Double? = nil
    ) {
        self.name = name
        self.background = background
        self.therapies = therapies
        self.perturbations = perturbations
        self.readAt = readAt
        self.tolerance = tolerance
        self.expectations = expectations
        self.robustness = robustness
        self.semantics = semantics
        self.confidence = confidence
    }
}
