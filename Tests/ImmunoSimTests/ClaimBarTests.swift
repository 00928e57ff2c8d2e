import Foundation
import Testing

/// The 90 % bar as a count (``ClaimBar``): the plain fraction from 200 variants on, a
/// one-sided binomial test at 1 % below that.
@Suite("Claim bar")
struct ClaimBarTests {
    /// `P(X ≤ k)` for `X ~ Binomial(n, p)`, summed from log-gamma terms (independent of the
    /// recurrence in ``ClaimBar``).
    static func cdf(_ k: Int, _ n: Int, _ p: Double) -> Double {
        var sum = 0.0
        for i in 0...max(0, k) {
            let logChoose = lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1))
            let logTerm = logChoose + Double(i) * log(p) + Double(n - i) * log(1 - p)
            sum += exp(logTerm)
        }
        return sum
    }

    @Test("from 200 variants on: the plain 90 %")
    func plainFraction() {
        #expect(ClaimBar.allowed(of: 200) == 180)
        #expect(ClaimBar.allowed(of: 1000) == 900)
        #expect(ClaimBar.allowed(of: 1001) == 901)
    }

    @Test("below 200: the fewest holding variants not significantly under 90 % (1 %, one-sided)", arguments: [1, 4, 10, 20, 50, 100, 199])
    func binomialTest(n: Int) {
        let k = ClaimBar.allowed(of: n)
        #expect(k >= 0 && k <= Int((0.9 * Double(n)).rounded(.up)))
        // k − 1 holding variants would be significant at 1 %, k is not.
        if k > 0 { #expect(Self.cdf(k - 1, n, 0.9) < 0.01) }
        #expect(Self.cdf(k, n, 0.9) >= 0.01)
    }

    @Test("values computed independently: 14 of 20, 40 of 50, 82 of 100")
    func knownValues() {
        // Computed with Python's exact integer binomial coefficients.
        #expect([20, 50, 100, 199].map(ClaimBar.allowed(of:)) == [14, 40, 82, 169])
    }
}
