import Foundation

/// The outcome of checking a ``Hypothesis``: whether it holds, the numbers, the explanations of
/// the expected changes, and — when it fails — a message that says what was expected, what came
/// out, and which chain should have carried the effect.
///
/// Use it directly in tests: `#expect(verdict.holds, "\(verdict)")` (Swift Testing) or
/// `XCTAssertHolds(verdict)` from `ImmunoSimTesting` (XCTest).
public struct Verdict: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The outcome of one expectation on the nominal model.
    public struct Outcome: Hashable, Sendable, Codable {
        /// The expectation, in words.
        public var expectation: String
        /// Whether it held.
        public var holds: Bool
        /// What came out, in words (`TIM3 0.412 -> 0.587 (+0.175, up)`).
        public var observed: String
        /// The effect size: treated − baseline, the level itself, or the difference between arms.
        public var effect: Double
        /// For a direction expectation: the best signed chain that predicts the *expected*
        /// direction (`nil` when no signed path does).
        public var chain: String?
    }

    /// The hypothesis's name.
    public var name: String
    /// Whether every expectation held (and, with a robustness requirement, enough variants passed).
    public var holds: Bool
    /// One outcome per expectation, in order.
    public var outcomes: [Outcome]
    /// With robustness: the share of variants in which every expectation held.
    public var passFraction: Double?
    /// With robustness: the 95 % Wilson score interval of the pass fraction.
    public var confidenceInterval: ClosedRange<Double>?
    /// With robustness: the number of variants run.
    public var variants: Int?
    /// With robustness: the required share.
    public var required: Double?
    /// Explanations of the direction expectations, in order.
    public var explanations: [Explanation]
    /// The kind of each expectation (`direction`, `level`, `comparison`, `timeCourse`), in order.
    public var expectationKinds: [String]

    /// A one-line result followed by the failure details when it does not hold.
    public var description: String {
        var lines = ["\(holds ? "PASS" : "FAIL") \(name)"]
        for outcome in outcomes {
            lines.append("  \(outcome.holds ? "ok  " : "FAIL") expected \(outcome.expectation); got \(outcome.observed)")
        }
        if let passFraction, let variants, let required {
            let ci = confidenceInterval.map { String(format: " (95%% CI %.2f–%.2f)", $0.lowerBound, $0.upperBound) } ?? ""
            lines.append(String(format: "  robustness: held in %.0f%% of %d variants%@; required %.0f%%",
                passFraction * 100, variants, ci, required * 100))
        }
        if !holds {
            for (outcome, expectation) in zip(outcomes, expectationKinds) where !outcome.holds && expectation == "direction" {
                if let chain = outcome.chain {
                    lines.append("  the chain that should have carried it: \(chain) — it did not prevail in the simulation")
                } else {
                    lines.append("  no signed path from the therapies predicts that change: the model cannot produce it")
                }
            }
            for explanation in explanations where outcomes.contains(where: { !$0.holds && $0.expectation.hasPrefix(explanation.readout + " ") }) {
                if let chain = explanation.chains.first {
                    lines.append("  what happened instead (\(explanation.readout) \(explanation.direction.rawValue)) is carried by: \(chain.text)")
                }
                let necessary = explanation.mediators.filter(\.necessary).map(\.node)
                if !necessary.isEmpty { lines.append("  necessary mediators of that change: \(necessary.joined(separator: ", "))") }
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Verdict {
    /// The 95 % Wilson score interval for `successes` out of `trials`.
    ///
    /// Reference: E. B. Wilson, J. Am. Stat. Assoc. 22 (1927) 209–212.
    public static func wilsonInterval(successes: Int, trials: Int, z: Double = 1.959964) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let n = Double(trials)
        let p = Double(successes) / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / denominator
        return max(0, centre - half)...min(1, centre + half)
    }
}
