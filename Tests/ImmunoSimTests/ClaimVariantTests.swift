import ImmunoGraph
import ImmunoSim
import Testing

/// ``ClaimVariant``, the jittered models of the robustness sweep.
@Suite("Claim variants: jittered parameters")
struct ClaimVariantTests {
    static let amount = 0.3

    /// Every jittered weight of `variant` divided by its value in `base`, keyed by edge name.
    static func weightFactors(_ variant: MechanismGraph, _ base: MechanismGraph) -> [String: Double] {
        var factors: [String: Double] = [:]
        for (jittered, original) in zip(variant.edges, base.edges) {
            factors[jittered.arrowDescription] = jittered.weight / original.weight
        }
        return factors
    }

    @Test func factorsStayInRangeAndFollowTheSeed() throws {
        let base = try Catalog.tumourMicroenvironment()
        let a = try ClaimVariant(amount: Self.amount, seed: 3).apply(to: base)
        let again = try ClaimVariant(amount: Self.amount, seed: 3).apply(to: base)
        let other = try ClaimVariant(amount: Self.amount, seed: 4).apply(to: base)
        let factors = Self.weightFactors(a, base)
        #expect(factors.values.allSatisfy { $0 >= 1 - Self.amount && $0 <= 1 + Self.amount })
        #expect(a.edges == again.edges && a.nodes == again.nodes)
        #expect(factors != Self.weightFactors(other, base))
        // Spread over the whole range, not a constant: some factors fall in each outer fifth.
        #expect(factors.values.contains { $0 < 1 - 0.6 * Self.amount } && factors.values.contains { $0 > 1 + 0.6 * Self.amount })
    }

    /// An added edge (the builder sorts it in among the others by source, where one stream of
    /// draws would shift every later edge's draw) leaves every other parameter's draw as it was:
    /// a candidate and the model it edits are compared on the same draws.
    @Test func anAddedEdgeLeavesTheOtherDrawsAlone() throws {
        let base = try Catalog.tumourMicroenvironment()
        var builder = base.builder
        builder.add(Edge("CTLA4", .inhibits, "CD8_T", weight: 0.2, modulator: true))
        let edited = try builder.build()
        #expect(edited.edges.count == base.edges.count + 1)

        for seed: UInt64 in [0, 1, 17] {
            let variant = ClaimVariant(amount: Self.amount, seed: seed)
            let a = try variant.apply(to: base), b = try variant.apply(to: edited)
            #expect(a.nodes == b.nodes, "seed \(seed): node draws moved")
            var jittered: [String: (Double, Double?)] = [:]
            for edge in b.edges { jittered[edge.arrowDescription] = (edge.weight, edge.threshold) }
            for edge in a.edges {
                let other = try #require(jittered[edge.arrowDescription])
                #expect(other.0 == edge.weight && other.1 == edge.threshold, "seed \(seed): \(edge.arrowDescription) moved")
            }
        }
    }
}
