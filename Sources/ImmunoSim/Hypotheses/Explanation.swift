public import ImmunoGraph

/// Why a node moved under a scenario: the signed chains of cited edges that can carry the change,
/// how much of the change survives when each intermediate node is frozen at its baseline course
/// (in-silico mediation), and the feedback loops the change passes through.
///
/// Build one with ``CompiledGradedModel/explain(_:in:at:tolerance:maxLength:maxChains:mediation:)``. It renders as
/// plain text (``description``) and encodes as JSON.
public struct Explanation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One edge of a chain, with the evidence that supports it.
    public struct Link: Hashable, Sendable, Codable {
        /// The source node identifier.
        public var source: String
        /// The target node identifier.
        public var target: String
        /// The edge's sign.
        public var sign: Sign
        /// The edge's mechanism verb.
        public var mechanism: String
        /// The evidence records of the edge.
        public var evidence: [Evidence]
    }

    /// A signed chain from an origin (a therapy or a perturbed node) to the readout.
    public struct Chain: Hashable, Sendable, Codable {
        /// The node identifiers along the chain, origin first.
        public var nodes: [String]
        /// The edges of the chain.
        public var links: [Link]
        /// The sign of the chain (product of the edge signs).
        public var sign: Sign
        /// The direction this chain predicts for the readout, given how the origin was moved.
        public var predicts: Direction
        /// Evidence score: stated records count 2, implied 1, summed over the edges.
        public var evidenceScore: Int
        /// `ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> TIM3`.
        public var text: String
    }

    /// A node frozen at its baseline course and the share of the effect that survived.
    public struct Mediator: Hashable, Sendable, Codable {
        /// The node identifier.
        public var node: String
        /// (Effect with the node frozen) / (effect without): 1 means the node carries none of the
        /// effect, 0 means it carries all of it; may be negative or above 1.
        public var survivingFraction: Double
        /// Whether freezing the node removes at least half of the effect
        /// (``Explanation/necessityThreshold``).
        public var necessary: Bool
    }

    /// A feedback loop through a node of the explanation's chains.
    public struct Loop: Hashable, Sendable, Codable {
        /// The loop's nodes, first repeated at the end.
        public var nodes: [String]
        /// Positive (switch-like) or negative (homeostatic, a brake).
        public var sign: Sign
        /// `IFNG -> PDL1 -> PD1 -| T_CELL_ACTIVATION -> CD8_T -> IFNG`.
        public var text: String
    }

    /// A node is called necessary when freezing it leaves less than this share of the effect.
    public static let necessityThreshold = 0.5

    /// The node whose change is explained.
    public var readout: String
    /// The scenario, in words.
    public var scenario: String
    /// When the levels were read.
    public var readAt: String
    /// The readout's baseline level.
    public var baseline: Double
    /// The readout's treated level.
    public var treated: Double
    /// Treated − baseline.
    public var delta: Double
    /// The observed direction, under `tolerance`.
    public var direction: Direction
    /// The tolerance used for "unchanged".
    public var tolerance: Double
    /// What the scenario moves, as `NODE up` / `NODE down` (therapy nodes driven up, blocked or
    /// knocked-out nodes down).
    public var origins: [String]
    /// Chains whose predicted direction matches the observed one: shortest and best-evidenced
    /// first.
    public var chains: [Chain]
    /// Chains that predict the opposite direction (shown when nothing else explains the change,
    /// or as competing routes).
    public var opposingChains: [Chain]
    /// Intermediate nodes of the top chains, each frozen at its baseline course.
    public var mediators: [Mediator]
    /// Feedback loops through the nodes of the top chains.
    public var loops: [Loop]

    /// Whether the change is accounted for: a matching chain exists and either it is a direct
    /// edge, mediation was not run, or freezing some intermediate node removes at least half of
    /// the effect.
    public var isCarried: Bool {
        guard !chains.isEmpty else { return false }
        if chains.contains(where: { $0.nodes.count <= 2 }) || mediators.isEmpty { return true }
        return mediators.contains { $0.necessary }
    }

    public var description: String {
        var lines: [String] = []
        let arrow = direction == .up ? "rises" : direction == .down ? "falls" : "does not change"
        lines.append("\(readout) \(arrow) under \(scenario) (\(readAt)): \(format(baseline)) -> \(format(treated)), delta \(signed(delta))")
        lines.append("origins: " + (origins.isEmpty ? "none" : origins.joined(separator: ", ")))
        if chains.isEmpty {
            if opposingChains.isEmpty {
                lines.append("no signed path leads from the origins to \(readout)")
            } else {
                lines.append("no chain predicts '\(direction.rawValue)'; the signed paths all predict the opposite:")
                for chain in opposingChains.prefix(3) { lines.append("  \(chain.text)  [predicts \(chain.predicts.rawValue)]") }
            }
        } else {
            lines.append(mediators.isEmpty ? "chains (shortest and best-evidenced first):" : "chains (those whose own nodes carry the effect in simulation first, then shortest):")
            for (k, chain) in chains.enumerated() {
                lines.append("  \(k + 1). \(chain.text)  [\(chain.sign == .activates ? "+" : "-"), evidence \(chain.evidenceScore)]")
                if k == 0 {
                    for link in chain.links {
                        let cite = link.evidence.first.map { "\($0.source.file)\($0.record.map { " \($0)" } ?? ""), \($0.location): \($0.paraphrase)" } ?? "no evidence"
                        lines.append("       \(link.source) \(link.sign.arrow) \(link.target) (\(link.mechanism)): \(cite)")
                    }
                }
            }
        }
        if !mediators.isEmpty {
            lines.append("mediation (node frozen at its baseline course -> share of the effect that survives):")
            for mediator in mediators {
                let mark = mediator.necessary ? "  necessary" : ""
                // Below 0: freezing the node does not just remove the change, it reverses it.
                let reverses = mediator.survivingFraction < 0 ? " (the change reverses)" : ""
                lines.append("  \(mediator.node): \(Int((mediator.survivingFraction * 100).rounded()))%\(reverses)\(mark)")
            }
        }
        if !loops.isEmpty {
            lines.append("feedback loops on the way:")
            for loop in loops { lines.append("  [\(loop.sign == .activates ? "+" : "-")] \(loop.text)") }
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }

    private func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + format(x) }
}
