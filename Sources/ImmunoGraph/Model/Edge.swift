/// A directed, signed influence of one node on another, with the evidence that supports it.
public struct Edge: Hashable, Sendable {
    /// The identifier of the influencing node.
    public var source: String
    /// The identifier of the influenced node.
    public var target: String
    /// Whether the source raises or lowers the target.
    public var sign: Sign
    /// How the influence works (`.secretes`, `.binds`, …).
    public var mechanism: Mechanism
    /// The strength of the influence in the graded engine (default 1).
    public var weight: Double
    /// The largest delay a model may give an edge: a graded simulation keeps `delay + 1` states
    /// of every node, so the bound keeps a 10,000-node model with the longest delay within 80 MB.
    public static let maximumDelay = 1_000
    /// How many steps the influence takes to arrive (default 0, at most ``maximumDelay``).
    public var delay: Int
    /// The source level from which the influence counts: a logical level (≥ 1) for multi-valued
    /// sources, or a fraction in [0, 1) for the graded engine. `nil` means the default (level 1).
    public var threshold: Double?
    /// The steepness of the graded transfer: the Hill exponent `n` (1…8) of this edge, so that a
    /// threshold acts as a switch (n = 4: below the threshold almost nothing, above it almost all).
    /// `nil` means the engine's default exponent. The logical engine ignores it.
    public var hill: Int?
    /// The evidence for the edge; every edge of the curated catalog has at least one record.
    public var evidence: [Evidence]
    /// A curator's note, e.g. why the same pair has both signs.
    public var note: String?
    /// A minor, secondary or partial input (JSON key `modulator`): it shapes its target's graded
    /// level but never switches the target on or off alone in a Boolean reading. Unless the edge
    /// states a threshold, ``GraphBuilder`` gives it the level just above its source's maximum
    /// (`maxLevel + 0.01`): the graded engine reads a Boolean source from half its range (0.51),
    /// and a logical reading never reaches that level.
    public var modulator: Bool

    /// Creates an edge.
    public init(
        _ source: String, _ sign: Sign, _ target: String, mechanism: Mechanism? = nil,
        weight: Double = 1, delay: Int = 0, threshold: Double? = nil, hill: Int? = nil, evidence: [Evidence] = [],
        note: String? = nil, modulator: Bool = false
    ) {
        self.source = source
        self.target = target
        self.sign = sign
        self.mechanism = mechanism ?? (sign == .activates ? .activates : .inhibits)
        self.weight = weight
        self.delay = delay
        self.threshold = threshold
        self.hill = hill
        self.evidence = evidence
        self.note = note
        self.modulator = modulator
    }

    /// `"A -> B"` or `"A -| B"`.
    public var arrowDescription: String { "\(source) \(sign.arrow) \(target)" }

    /// The level at which a logical reading counts the source as active: the threshold rounded up
    /// (≥ 1), or 1 without one (a modulator's `maxLevel + 0.01` is a level its source never reaches).
    public var activationLevel: Int { threshold.map { max(1, Int($0.rounded(.up))) } ?? 1 }
}
