/// A seeded SplitMix64 generator private to the graded engine (the package-wide
/// `SeededGenerator` replaces it when the logical engine lands).
struct GradedRNG: RandomNumberGenerator, Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension CompiledGradedModel {
    /// A variant with every edge weight and node rate multiplied by an independent factor drawn
    /// uniformly from `[1 − amount, 1 + amount]` (rates then clamped to (0, 1]), from `seed`.
    /// The same seed gives the same variant. Thresholds, delays and rules are unchanged.
    ///
    /// - Complexity: O(nodes + edges); the arrays are copied, nothing is recompiled.
    public func jittered(amount: Double, seed: UInt64) -> CompiledGradedModel {
        var copy = self
        let a = min(max(0, amount), 1)
        guard a > 0 else { return copy }
        var rng = GradedRNG(seed: seed)
        for k in copy.slotWeight.indices { copy.slotWeight[k] *= Double.random(in: (1 - a)...(1 + a), using: &rng) }
        for i in copy.rate.indices {
            copy.rate[i] = min(1, max(1e-6, copy.rate[i] * Double.random(in: (1 - a)...(1 + a), using: &rng)))
        }
        return copy
    }
}
