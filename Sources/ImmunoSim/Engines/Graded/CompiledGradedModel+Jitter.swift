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
        var rng = SeededGenerator(seed: seed)
        for k in copy.slotWeight.indices { copy.slotWeight[k] *= Double.random(in: (1 - a)...(1 + a), using: &rng) }
        for i in copy.rate.indices {
            copy.rate[i] = min(1, max(1e-6, copy.rate[i] * Double.random(in: (1 - a)...(1 + a), using: &rng)))
        }
        return copy
    }
}
