extension ControlSearch {
    /// Whether a trap space of the perturbed model outside the target is found cheaply — a sound
    /// refutation (a trap space holds an attractor), tried before the exact attractor search.
    ///
    /// Two sources of trap spaces, both inside the percolated subspace `values`:
    /// 1. a free target node `t` held at the wrong value, percolated: when `t`'s rule is then
    ///    constant at that value, the subspace sustains itself;
    /// 2. the smallest trap space around the end of a few seeded asynchronous random walks (a
    ///    walk usually ends inside an attractor): fixed nodes whose rule is not constant at their
    ///    value are freed until the subspace is closed. With at most 5 free inputs, the walks
    ///    cover every combination of their values (inputs never change along a walk).
    ///
    /// The ends of the walks are appended to `walkEnds` (states, likely inside attractors, from
    /// which the attractor check starts).
    ///
    /// - Complexity: O(F × N × 2^in-degree) for 1 (F free target nodes); O(walks × (length +
    ///   N² ) × 2^in-degree) for 2. Deterministic (fixed seeds).
    func refutedByTrapSpace(_ values: [Int8], free: [(node: Int, value: Int8)], walkEnds: inout [[Int8]]) -> Bool {
        for t in free {
            var held = values
            held[t.node] = 1 - t.value
            let (trap, _) = network.percolate(held, steps: false)
            if network.constantValue(of: t.node, in: trap) == 1 - t.value { return true }
        }
        let open = (0..<network.n).filter { values[$0] < 0 }
        guard !open.isEmpty else { return false }
        var generator = SeededGenerator(seed: 0x5eed_c0de ^ UInt64(open.count))
        // Free inputs never change along a walk: spread the walks over their combinations.
        let inputs = open.filter { network.regulators[$0] == [$0] && network.tables[$0] == [0b10] }
        let walks = inputs.count <= 5 ? max(12, 1 << inputs.count) : 12
        for walk in 0..<walks {
            var state = values
            for i in open { state[i] = Bool.random(using: &generator) ? 1 : 0 }
            if inputs.count <= 5 { for (b, i) in inputs.enumerated() { state[i] = Int8(walk >> b & 1) } }
            for _ in 0..<(16 * open.count + 64) {
                let i = open[Int.random(in: 0..<open.count, using: &generator)]
                if let target = network.constantValue(of: i, in: state) { state[i] = target }
            }
            let trap = smallestTrapSpace(around: state, open: open)
            if free.contains(where: { trap[$0.node] >= 0 && trap[$0.node] != $0.value }) { return true }
            // An end whose trap space leaves a target node free may sit in an attractor outside.
            if walkEnds.count < 4 && free.contains(where: { trap[$0.node] < 0 }) { walkEnds.append(state) }
        }
        return false
    }

    /// The smallest trap space containing `state` (nodes outside `open` are held, consistent):
    /// free every node whose rule can leave its value, until none can.
    func smallestTrapSpace(around state: [Int8], open: [Int]) -> [Int8] {
        var space = state
        var changed = true
        while changed {
            changed = false
            for i in open where space[i] >= 0 {
                if network.constantValue(of: i, in: space) != space[i] {
                    space[i] = -1
                    changed = true
                }
            }
        }
        return space
    }
}
