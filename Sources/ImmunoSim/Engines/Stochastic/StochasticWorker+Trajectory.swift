import Foundation

extension StochasticWorker {
    /// The generator of trajectory `k` under `seed` (independent of threads and shards).
    static func generator(seed: UInt64, trajectory k: Int) -> SeededGenerator {
        var g = SeededGenerator(seed: seed ^ 0x6A09_E667_F3BC_C909)
        let a = g.next()
        var h = SeededGenerator(seed: a &+ UInt64(k) &* 0xD1B5_4A32_D192_ED03)
        return SeededGenerator(seed: h.next())
    }

    /// A uniform draw in [0, 1).
    @inline(__always) static func uniform(_ rng: inout SeededGenerator) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }

    /// Adds the interval from (window `wa`, units `ua`) to (window `wb`, units `ub`) to entry
    /// `index` of `sums` (rows of `stride` per window): partial first and last windows directly,
    /// whole windows in between as difference counts in `full` (O(1) however long the interval).
    @inline(__always) func addInterval(_ sums: UnsafeMutablePointer<Int64>, _ full: UnsafeMutablePointer<Int64>, index: Int,
                                       stride: Int, from wa: Int, _ ua: Int64, to wb: Int, _ ub: Int64) {
        if wa == wb {
            sums[wa * stride + index] &+= ub &- ua
            return
        }
        sums[wa * stride + index] &+= StochasticTally.unitsPerTick &- ua
        sums[wb * stride + index] &+= ub
        if wb > wa + 1 {
            full[(wa + 1) * stride + index] &+= 1
            full[wb * stride + index] &-= 1
        }
    }

    /// Sets variable `p` at `units` into window `w`, keeping the on-time and joint-state sums.
    @inline(__always) func setPlane(_ p: Int, _ value: Bool, units: Int64, window w: Int) {
        let r = LogicalProgram.firstPlane + p
        let was = regs[r] != 0
        if was == value { return }
        if was {
            addInterval(on, fullOn, index: p, stride: planes, from: Int(markWindow[p]), mark[p], to: w, units)
        } else {
            markWindow[p] = Int32(w)
            mark[p] = units
        }
        regs[r] = value ? ~0 : 0
        let b = outputBit[p]
        if b >= 0 {
            let code = Int(jointState[0])
            addInterval(joint, fullJoint, index: code, stride: jointSize, from: Int(jointState[1]), jointState[2], to: w, units)
            jointState[0] = Int64(code ^ (1 << Int(b)))
            jointState[1] = Int64(w)
            jointState[2] = units
        }
    }

    /// Sets node `i` to level `l` (one variable at a time).
    func setLevel(_ i: Int, _ l: Int, units: Int64, window w: Int) {
        let base = Int(planeBase[i])
        for k in 0..<Int(maxLevel[i]) { setPlane(base + k, k < l, units: units, window: w) }
        level[i] = Int32(l)
    }

    /// Applies schedule phase `phase`: scales, clamps, and the clamped levels.
    func applyPhase(_ phase: Int, units: Int64, window w: Int) {
        let row = phase * n
        for i in 0..<n {
            upScale[i] = model.phaseUp[row + i]
            downScale[i] = model.phaseDown[row + i]
            let c = Int(model.phaseClamp[row + i])
            clamped[i] = c >= 0
            if c >= 0 && Int(level[i]) != c { setLevel(i, c, units: units, window: w) }
        }
    }

    /// Runs trajectory `k` and adds it to the sums.
    func run(trajectory k: Int) {
        var rng = Self.generator(seed: seed, trajectory: k)
        // Initial state: deterministic levels, independent draws, joint blocks, then phase 0.
        for i in 0..<n {
            let p = model.initialProbability[i]
            var l = model.initialLevels[i]
            if p >= 0 { l = p >= 1 || (p > 0 && Self.uniform(&rng) < p) ? Int(maxLevel[i]) : 0 }
            level[i] = Int32(l)
        }
        for block in model.joints {
            let u = Self.uniform(&rng)
            let c = block.cumulative.firstIndex { u < $0 } ?? (block.cumulative.count - 1)
            for (m, i) in block.nodes.enumerated() { level[i] = Int32(block.levels[c][m]) }
        }
        for i in 0..<n {
            let c = Int(model.phaseClamp[i])
            upScale[i] = model.phaseUp[i]
            downScale[i] = model.phaseDown[i]
            clamped[i] = c >= 0
            if c >= 0 { level[i] = Int32(c) }
            let base = Int(planeBase[i])
            for kk in 0..<Int(maxLevel[i]) { regs[LogicalProgram.firstPlane + base + kk] = kk < Int(level[i]) ? ~0 : 0 }
        }
        var code = 0
        for p in 0..<planes {
            mark[p] = 0
            markWindow[p] = 0
            let b = outputBit[p]
            if b >= 0 && regs[LogicalProgram.firstPlane + p] != 0 { code |= 1 << Int(b) }
        }
        jointState[0] = Int64(code)
        jointState[1] = 0
        jointState[2] = 0
        rebuildAll()

        var t = 0.0, w = 0, windowStart = 0.0
        var entropySum = 0.0, entropyTime = 0.0, h = transitionEntropy
        var phase = 0
        let changes = model.changeTimes
        var nextChange = changes.first ?? .infinity
        while true {
            let total = tree[1]
            if total <= 0 && nextChange >= maxTime {
                // Absorbed: the state holds to the end (closed below); the entropy is 0 from here.
                if w < windows {
                    entropy[w] &+= Int64(entropySum / (windowEnd[w] - windowStart) * StochasticTally.entropyScale)
                }
                break
            }
            let tNext = total > 0 ? t - log(1 - Self.uniform(&rng)) / total : .infinity
            let horizon = min(tNext, nextChange, maxTime)
            while w < windows && windowEnd[w] <= horizon {
                entropySum += h * (windowEnd[w] - entropyTime)
                entropy[w] &+= Int64(entropySum / (windowEnd[w] - windowStart) * StochasticTally.entropyScale)
                entropySum = 0
                entropyTime = windowEnd[w]
                windowStart = windowEnd[w]
                w += 1
            }
            if horizon >= maxTime || w >= windows { break }
            let units = min(max(0, Int64((horizon - windowStart) * scale)), fullUnits[w])
            entropySum += h * (horizon - entropyTime)
            entropyTime = horizon
            t = horizon
            if nextChange <= tNext {
                phase += 1
                applyPhase(phase, units: units, window: w)
                rebuildAll()
                nextChange = phase < changes.count ? changes[phase] : .infinity
            } else {
                // Choose the node: descend the sum tree.
                var x = Self.uniform(&rng) * total
                var node = 1
                while node < leaves {
                    let left = tree[2 * node]
                    if x < left { node = 2 * node } else { x -= left; node = 2 * node + 1 }
                }
                var i = node - leaves
                if i >= n || tree[leaves + i] <= 0 {
                    // Rounding at the right edge: the last node with a positive propensity.
                    i = n - 1
                    while i > 0 && tree[leaves + i] <= 0 { i -= 1 }
                }
                let l = Int(level[i]), base = Int(planeBase[i])
                if dirUp[i] {
                    level[i] = Int32(l + 1)
                    setPlane(base + l, true, units: units, window: w)
                } else {
                    level[i] = Int32(l - 1)
                    setPlane(base + l - 1, false, units: units, window: w)
                }
                var d = Int(depStart[i])
                let end = Int(depStart[i + 1])
                while d < end {
                    let j = Int(deps[d])
                    evaluateNode(j)
                    setLeaf(j, propensity(j))
                    d += 1
                }
            }
            h = transitionEntropy
        }
        // Close every open interval at the end of the run.
        let last = windows - 1, end = fullUnits[last]
        for p in 0..<planes where regs[LogicalProgram.firstPlane + p] != 0 {
            finalOn[p] &+= 1
            addInterval(on, fullOn, index: p, stride: planes, from: Int(markWindow[p]), mark[p], to: last, end)
        }
        let finalCode = Int(jointState[0])
        addInterval(joint, fullJoint, index: finalCode, stride: jointSize, from: Int(jointState[1]), jointState[2], to: last, end)
        finalJoint[finalCode] &+= 1
        if tree[1] <= 0 {
            var key = [UInt64](repeating: 0, count: (planes + 63) / 64)
            for p in 0..<planes where regs[LogicalProgram.firstPlane + p] != 0 { key[p / 64] |= 1 << UInt64(p % 64) }
            fixedPoints[key, default: 0] += 1
        }
        trajectories += 1
    }

    /// The sums so far as a tally (whole-window counts spread over their windows).
    func tally(into result: inout StochasticTally) {
        var running = [Int64](repeating: 0, count: planes)
        var runningJoint = [Int64](repeating: 0, count: jointSize)
        for w in 0..<windows {
            let full = StochasticTally.unitsPerTick
            for p in 0..<planes {
                running[p] &+= fullOn[w * planes + p]
                result.on[w * planes + p] &+= on[w * planes + p] &+ running[p] &* full
            }
            for c in 0..<jointSize {
                runningJoint[c] &+= fullJoint[w * jointSize + c]
                result.joint[w * jointSize + c] &+= joint[w * jointSize + c] &+ runningJoint[c] &* full
            }
            result.entropy[w] &+= entropy[w]
        }
        for p in 0..<planes { result.finalOn[p] &+= finalOn[p] }
        for c in 0..<jointSize { result.finalJoint[c] &+= finalJoint[c] }
        result.trajectories += trajectories
        var counts: [[UInt64]: Int64] = [:]
        for f in result.fixedPoints { counts[f.state] = f.count }
        for (state, count) in fixedPoints { counts[state, default: 0] += count }
        result.fixedPoints = counts.map { .init(state: $0.key, count: $0.value) }.sorted { $0.state.lexicographicallyPrecedes($1.state) }
    }
}
