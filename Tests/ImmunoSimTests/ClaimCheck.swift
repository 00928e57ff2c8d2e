import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// The outcome of one claim on one model: named parts, each holding or not, with its effect
/// size (the margin by which a direction or comparison holds; `nil` for timing and "unchanged"
/// parts, which have no size).
struct ClaimCheck {
    struct Part {
        var label: String
        var holds: Bool
        var effect: Double?
        /// A part the nominal model must satisfy but the jittered variants are not asked to: it
        /// pins a parameter the paper does not identify (a threshold placed between two tested
        /// doses), so ±30 % jitter of that parameter tests the jitter, not the claim. Each use
        /// says why (seeds/README.md, "Robustness").
        var nominalOnly = false
    }
    var parts: [Part] = []
    private let tolerance = ClaimModel.tolerance

    /// Every part holds.
    var holds: Bool { parts.allSatisfy(\.holds) }
    /// Every part that jittered variants are asked to keep holds (all but ``Part/nominalOnly``).
    var holdsRobustly: Bool { parts.allSatisfy { $0.holds || $0.nominalOnly } }
    /// The smallest effect among the sized parts (the claim is as strong as its weakest part).
    var effect: Double? { parts.compactMap(\.effect).min() }
    /// `holds`, or `fails: ` and the failing parts, for the sweep's lines.
    var verdict: String { holds ? "holds" : "fails: " + failures }
    /// The parts that do not hold, for messages.
    var failures: String { parts.filter { !$0.holds }.map(\.label).joined(separator: "; ") }

    /// `id` rises by more than the tolerance.
    mutating func up(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) {
        let d = delta(id, b, t)
        parts.append(Part(label: "\(id) up (\(format(d)))", holds: d > tolerance, effect: d))
    }
    /// `id` falls by more than the tolerance.
    mutating func down(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) {
        let d = delta(id, b, t)
        parts.append(Part(label: "\(id) down (\(format(d)))", holds: d < -tolerance, effect: -d))
    }
    /// `id` moves by no more than the tolerance (`nominalOnly`: see ``Part/nominalOnly``).
    mutating func unchanged(_ id: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run, nominalOnly: Bool = false) {
        let d = delta(id, b, t)
        parts.append(Part(label: "\(id) unchanged (\(format(d)))\(nominalOnly ? " [nominal only]" : "")",
            holds: abs(d) <= tolerance, effect: nil, nominalOnly: nominalOnly))
    }
    /// `smaller < larger − margin`; the effect is `larger − smaller`.
    mutating func less(_ label: String, _ smaller: Double, _ larger: Double, margin: Double = 0) {
        parts.append(Part(label: "\(label) (\(format(smaller)) < \(format(larger)))",
            holds: smaller < larger - margin, effect: larger - smaller))
    }
    /// A condition without a size (an order in time, a range).
    mutating func require(_ label: String, _ condition: Bool) {
        parts.append(Part(label: label, holds: condition, effect: nil))
    }
    /// `later` changes strictly after `earlier` (both must change).
    mutating func after(_ later: String, _ earlier: String, _ b: ClaimModel.Run, _ t: ClaimModel.Run) {
        let e = ClaimModel.firstChange(earlier, b, t), l = ClaimModel.firstChange(later, b, t)
        let holds = e != nil && l != nil && (l ?? 0) > (e ?? 0)
        parts.append(Part(label: "\(later) (step \(l.map(String.init) ?? "-")) after \(earlier) (step \(e.map(String.init) ?? "-"))",
            holds: holds, effect: nil))
    }

    private func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }
}

/// A claim of `seeds/claims.md` as a check on the model.
struct Claim: Sendable, CustomTestStringConvertible {
    let id: String
    let expectation: String
    /// The semantics under which the model reproduces the claim (all unless `seeds/README.md`
    /// says why not).
    var semantics: Set<ClaimSemantics> = Set(ClaimSemantics.allCases)
    let check: @Sendable (ClaimModel) throws -> ClaimCheck

    init(id: String, expectation: String, semantics: Set<ClaimSemantics> = Set(ClaimSemantics.allCases),
         check: @escaping @Sendable (ClaimModel) throws -> ClaimCheck) {
        self.id = id
        self.expectation = expectation
        self.semantics = semantics
        self.check = check
    }
    var testDescription: String { "\(id) \(expectation)" }
}

/// The issue's first bar as a count of variants: a claim must hold in at least 90 % of them.
enum ClaimBar {
    /// The required fraction.
    static let required = 0.9
    /// The issue's number of variants; from it on the bar is the plain fraction.
    static let fullSweep = 200

    /// The fewest variants out of `n` in which a claim must hold.
    ///
    /// With `n ≥ 200` (the issue's sweep, and the CI's 1000 graded variants) it is the plain
    /// ⌈0.9·n⌉. A smaller sweep is a sample too small for that rule: a claim that holds in 93 %
    /// of all variants misses 18 of 20 about one time in six. It then fails a claim only when its
    /// count is significantly below 90 % — `P(X ≤ holding) < 1 %` for `X ~ Binomial(n, 0.9)` —
    /// so the CI's stochastic smoke sweep catches a regression, not the luck of the draw; the
    /// fractions the issue asks for come from the 200-variant sweeps (seeds/README.md).
    static func allowed(of n: Int) -> Int {
        guard n < fullSweep else { return Int((required * Double(n)).rounded(.up)) }
        var pmf = pow(1 - required, Double(n)), cdf = pmf
        for k in 0..<n {
            if cdf >= 0.01 { return k }
            pmf *= Double(n - k) / Double(k + 1) * required / (1 - required)
            cdf += pmf
        }
        return n
    }
}
