import ImmunoGraph
import ImmunoSim
import Testing

/// ``ClaimSensitivity``, the diagnostic of `Scripts/claim-robustness.sh --sensitivity`.
@Suite("Claim sensitivity: which jittered parameters a claim's margin hinges on")
struct ClaimSensitivityTests {
    @Test func ranksAverageTies() {
        #expect(ClaimSensitivity.ranks([3, 1, 2, 1]) == [4, 1.5, 3, 1.5])
        #expect(ClaimSensitivity.ranks([]) == [])
    }

    @Test func correlationOfMonotoneAndReversedSeries() {
        let x: [Double] = [1, 2, 3, 4, 5]
        #expect(abs(ClaimSensitivity.correlation(x, x.map { $0 * 2 + 1 }) - 1) < 1e-12)
        #expect(abs(ClaimSensitivity.correlation(x, x.map { -$0 }) + 1) < 1e-12)
        #expect(ClaimSensitivity.correlation(x, [2, 2, 2, 2, 2]).isNaN)
    }

    /// On jittered variants of a real model, an effect computed from one edge weight's factor
    /// (rank-preserving, with the sign flipped) puts that edge first with ρ = −1; an effect
    /// unrelated to every parameter (the variant's index, shuffled) correlates weakly with all.
    @Test func theDrivingParameterComesFirst() throws {
        let base = try Catalog.tumourMicroenvironment()
        let variants = try (0..<40).map { try ClaimVariant(amount: 0.3, seed: UInt64($0)).apply(to: base) }
        let target = try #require(base.edges.firstIndex { $0.source == "ANTIGEN_PRESENTATION" && $0.target == "TCR" })
        let effects = variants.map { variant -> Double in
            let factor = variant.edges[target].weight / base.edges[target].weight
            return -factor * factor * factor
        }
        let strongest = ClaimSensitivity.strongest(base: base, variants: variants, effects: effects, count: 3)
        #expect(strongest.first?.name == "weight ANTIGEN_PRESENTATION>TCR")
        #expect(abs((strongest.first?.rho ?? 0) + 1) < 1e-9)

        var rng = SeededGenerator(seed: 7)
        let noise = (0..<40).map { _ in Double(rng.next() % 1000) }
        let unrelated = ClaimSensitivity.strongest(base: base, variants: variants, effects: noise, count: 1)
        // With 40 variants and a few hundred parameters the largest chance |ρ| stays well under 1.
        #expect(abs(unrelated.first?.rho ?? 1) < 0.75)
    }
}
