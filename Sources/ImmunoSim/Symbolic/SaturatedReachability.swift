/// Reachability by saturation (Ciardo et al.), for the asynchronous graph: node `i`'s update is
/// an *event* that reads and writes only the variables of `x_i ⊕ f_i` and `x_i`, so it acts on
/// the part of a diagram below its *top* level (the first of those variables in the order).
/// A diagram node at level `l` is *saturated* when the set it stands for (over levels `l…`) is
/// closed under every event whose top is at or below `l`: its children are saturated first, then
/// the events of level `l` fire until nothing is added (re-saturating the children after each
/// round). The root saturated at level 0 is the reachable set. Local events are exhausted deep in
/// the diagram, on small sub-diagrams, before any event near the root fires — far fewer and far
/// cheaper image steps than a global chaining.
extension AsynchronousGraph {
    /// See ``reach(_:within:forward:)``: the same set, by saturation.
    ///
    /// - Complexity: at most (reachable states) × N image steps, each on a sub-diagram; recursion
    ///   depth at most N.
    mutating func saturate(_ set: BDD, within: BDD, forward: Bool) -> BDD {
        var context = SaturationContext(n: n)
        for i in 0..<n where canFlip[i] != .zero {
            let top = min(i, network.dd.topVariable(canFlip[i]) ?? i)
            context.events[top].append(i)
            context.lastLevel = max(context.lastLevel, top)
        }
        let start = network.dd.and(set, within)
        return BDD(saturate(start.raw, within.raw, 0, forward, &context))
    }

    private mutating func saturate(_ p: UInt32, _ w: UInt32, _ level: Int, _ forward: Bool,
                                   _ context: inout SaturationContext) -> UInt32 {
        if p == 0 || p == w || level > context.lastLevel { return p }
        if let known = context.memo.value(p, w, level) { return known }
        let v = UInt32(level)
        let (p0, p1) = network.dd.cofactors(p, v), (w0, w1) = network.dd.cofactors(w, v)
        var r = network.dd.make(v, saturate(p0, w0, level + 1, forward, &context),
                                saturate(p1, w1, level + 1, forward, &context))
        let events = context.events[level]
        if !events.isEmpty {
            var changed = true
            while changed {
                changed = false
                for e in events {
                    let set = BDD(r)
                    let image = forward ? post(set, e) : pre(set, e)
                    let new = network.dd.minus(w == 1 ? image : network.dd.and(image, BDD(w)), set)
                    if new != .zero {
                        r = network.dd.or(set, new).raw
                        changed = true
                    }
                }
                if changed {
                    let (r0, r1) = network.dd.cofactors(r, v)
                    r = network.dd.make(v, saturate(r0, w0, level + 1, forward, &context),
                                        saturate(r1, w1, level + 1, forward, &context))
                }
            }
        }
        context.memo.insert(p, w, level, r)
        return r
    }
}

/// The events by top level and the memo of one saturation.
struct SaturationContext {
    var events: [[Int]]
    var lastLevel = -1
    var memo = SaturationMemo()
    init(n: Int) { events = [[Int]](repeating: [], count: n) }
}

/// An open-addressing map (node, within, level) → saturated node, for one saturation (a store,
/// not a cache: every saturated node is kept, so none is saturated twice).
struct SaturationMemo {
    private var keys: [UInt64] = [UInt64](repeating: .max, count: 1 << 10)
    private var levels: [Int32] = [Int32](repeating: 0, count: 1 << 10)
    private var values: [UInt32] = [UInt32](repeating: 0, count: 1 << 10)
    private var count = 0

    private func slot(_ key: UInt64, _ level: Int) -> Int {
        DecisionDiagram.hash(UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key), UInt32(level))
            & (keys.count - 1)
    }

    func value(_ p: UInt32, _ w: UInt32, _ level: Int) -> UInt32? {
        let key = UInt64(p) << 32 | UInt64(w)
        var s = slot(key, level)
        while keys[s] != .max {
            if keys[s] == key && levels[s] == Int32(level) { return values[s] }
            s = (s + 1) & (keys.count - 1)
        }
        return nil
    }

    mutating func insert(_ p: UInt32, _ w: UInt32, _ level: Int, _ value: UInt32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = UInt64(p) << 32 | UInt64(w)
        var s = slot(key, level)
        while keys[s] != .max {
            if keys[s] == key && levels[s] == Int32(level) { values[s] = value; return }
            s = (s + 1) & (keys.count - 1)
        }
        keys[s] = key
        levels[s] = Int32(level)
        values[s] = value
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldLevels, oldValues) = (keys, levels, values)
        keys = [UInt64](repeating: .max, count: oldKeys.count * 2)
        levels = [Int32](repeating: 0, count: oldKeys.count * 2)
        values = [UInt32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for s in oldKeys.indices where oldKeys[s] != .max {
            insert(UInt32(truncatingIfNeeded: oldKeys[s] >> 32), UInt32(truncatingIfNeeded: oldKeys[s]), Int(oldLevels[s]), oldValues[s])
        }
    }
}
