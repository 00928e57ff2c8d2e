import ImmunoGraph
import Foundation

/// The graded step loop (see ``CompiledGradedModel`` for the equations).
///
/// Order within one step `t → t+1`: edge blocks for step `t` are applied to the edge weights; every
/// node's target `f` is computed from the levels at `t` (and earlier, for delayed edges, read from a
/// ring buffer of `maxDelay + 2` states); direct therapy effects (deplete, supply, damage at the
/// strength of step `t`) modify `f`; levels relax, `x + r·(f − x)`; therapy-driven nodes are set to
/// the strength of step `t+1`; clamps active at `t+1` are applied last. Step 0 is the initial state
/// with the drivers and clamps of step 0 applied. Steps before 0 read the initial state.
extension CompiledGradedModel {
    /// Runs `inputs` for `steps` steps and records every state.
    ///
    /// - Complexity: O(steps · (nodes + edges)); memory O(steps · nodes) for the record.
    public func run(_ inputs: GradedInputs, steps: Int) -> GradedTrajectory {
        var levels: [Double] = []
        levels.reserveCapacity((max(0, steps) + 1) * nodeCount)
        simulate(inputs, steps: steps) { _, state in
            levels.append(contentsOf: state)
            return true
        }
        return GradedTrajectory(nodeIDs: graph.nodes.map(\.id), levels: levels)
    }

    /// Runs `inputs` for `steps` steps and returns only the final levels (no record).
    public func finalLevels(_ inputs: GradedInputs, steps: Int) -> [Double] {
        var final: [Double] = []
        simulate(inputs, steps: steps) { t, state in
            if t == max(0, steps) { final = Array(state) }
            return true
        }
        return final
    }

    /// Runs until the largest change of any level in one step is below `epsilon` (a steady state)
    /// or `maxSteps` steps have run; records every state. `converged` says which happened.
    ///
    /// Therapies with a later start are not waited for: pick `minimumSteps` past the last start.
    public func runToSteadyState(
        _ inputs: GradedInputs, epsilon: Double = 1e-6, minimumSteps: Int = 0, maxSteps: Int = 10_000
    ) -> GradedTrajectory {
        var levels: [Double] = []
        let n = nodeCount
        var converged = false
        simulate(inputs, steps: maxSteps) { t, state in
            if t > 0 {
                var delta = 0.0
                let previous = levels.count - n
                for i in 0..<n { delta = max(delta, abs(state[i] - levels[previous + i])) }
                levels.append(contentsOf: state)
                if delta < epsilon && t >= minimumSteps {
                    converged = true
                    return false
                }
            } else {
                levels.append(contentsOf: state)
            }
            return true
        }
        return GradedTrajectory(nodeIDs: graph.nodes.map(\.id), levels: levels, converged: converged)
    }

    /// The core loop: calls `observe(t, levels)` for `t = 0…steps`; stop early by returning `false`.
    ///
    /// No allocation happens inside the loop: all buffers are made before step 0.
    public func simulate(
        _ inputs: GradedInputs, steps: Int, observe: (Int, UnsafeBufferPointer<Double>) -> Bool
    ) {
        let n = nodeCount
        let ringSize = maxDelay + 2
        var history = [Double](repeating: 0, count: ringSize * n)
        var targets = [Double](repeating: 0, count: n)
        var baseWeight = slotWeight
        for k in inputs.removedSlots { baseWeight[Int(k)] = 0 }
        // Antibody edges act on their target's out-edges, not on its level (an edge removed by a
        // perturbation blocks nothing).
        let antibodyWeight = influenceBlockSlot.map { baseWeight[Int($0)] }
        for k in influenceBlockSlot { baseWeight[Int(k)] = 0 }
        var weight = baseWeight
        var slotBase = [Int](repeating: 0, count: maxDelay + 1)
        var stack = [Double](repeating: 0, count: ruleStackSize + 1)
        var diagramValues = [Double](repeating: 0, count: diagrams.variable.count)
        var state = inputs.initialLevels
        applyDrivers(inputs, step: 0, to: &state)
        for slot in 0..<ringSize { for i in 0..<n { history[slot * n + i] = state[i] } }
        let blocks = inputs.therapies.filter { $0.effect == .blockSlots }
        let modifiers = inputs.therapies.filter { $0.effect == .deplete || $0.effect == .supply || $0.effect == .damage }
        let drivers = inputs.therapies.filter { $0.effect == .drive }
        // Strength profiles are computed once per run, so the loop reads one number per therapy.
        let horizon = max(0, steps) + 2
        let blockStrength = blocks.map { $0.therapy.strengthProfile(steps: horizon) }
        let modifierStrength = modifiers.map { $0.therapy.strengthProfile(steps: horizon) }
        let driverStrength = drivers.map { $0.therapy.strengthProfile(steps: horizon) }
        let keepGoing = history.withUnsafeBufferPointer { observe(0, UnsafeBufferPointer(rebasing: $0[0..<n])) }
        guard keepGoing, steps > 0 else { return }
        let hill = parameters.hillExponent
        for t in 0..<steps {
            let current = t % ringSize
            let next = (t + 1) % ringSize
            for d in 0...maxDelay { slotBase[d] = (((t - d) % ringSize + ringSize) % ringSize) * n }
            if !blocks.isEmpty || !antibodyWeight.isEmpty {
                for block in blocks { for k in block.slots { weight[Int(k)] = baseWeight[Int(k)] } }
                for target in influenceBlockTarget {
                    for k in outSlots[Int(outStart[Int(target)])..<Int(outStart[Int(target) + 1])] { weight[Int(k)] = baseWeight[Int(k)] }
                }
                for (b, block) in blocks.enumerated() {
                    let factor = 1 - blockStrength[b][t]
                    for k in block.slots { weight[Int(k)] *= factor }
                }
                for (j, slot) in influenceBlockSlot.enumerated() where antibodyWeight[j] > 0 {
                    let k = Int(slot)
                    let u = history[slotBase[Int(slotDelay[k])] + Int(slotSource[k])]
                    let factor = 1 - Self.transfer(u, n: Int(slotHill[k]), weight: antibodyWeight[j], norm: slotNorm[k], thetaN: slotThetaN[k])
                    let target = Int(influenceBlockTarget[j])
                    for o in outSlots[Int(outStart[target])..<Int(outStart[target + 1])] { weight[Int(o)] *= factor }
                }
            }
            // Specialised copies of the kernel: the Hill power unrolls and, without delays, every
            // edge reads the current state directly.
            // hill 0: each slot's own exponent (some edge states one).
            switch (uniformHill ? hill : 0, maxDelay == 0) {
            case (1, true): step(hill: 1, delayed: false, current: current, next: next, history: &history, targets: &targets, weight: weight, slotBase: slotBase, stack: &stack, diagramValues: &diagramValues)
            case (1, false): step(hill: 1, delayed: true, current: current, next: next, history: &history, targets: &targets, weight: weight, slotBase: slotBase, stack: &stack, diagramValues: &diagramValues)
            case (2, true): step(hill: 2, delayed: false, current: current, next: next, history: &history, targets: &targets, weight: weight, slotBase: slotBase, stack: &stack, diagramValues: &diagramValues)
            case (3, true): step(hill: 3, delayed: false, current: current, next: next, history: &history, targets: &targets, weight: weight, slotBase: slotBase, stack: &stack, diagramValues: &diagramValues)
            default: step(hill: uniformHill ? hill : 0, delayed: true, current: current, next: next, history: &history, targets: &targets, weight: weight, slotBase: slotBase, stack: &stack, diagramValues: &diagramValues)
            }
            let base = next * n
            for (m, modifier) in modifiers.enumerated() {
                let i = modifier.node
                let s = modifierStrength[m][t]
                let f = targets[i]
                let g: Double
                switch modifier.effect {
                case .deplete: g = f * (1 - s)
                case .supply: g = max(f, s)
                default: g = 1 - (1 - f) * (1 - s)
                }
                let x = history[current * n + i]
                history[base + i] = x + rate[i] * (g - x)
            }
            for (d, driver) in drivers.enumerated() { history[base + driver.node] = driverStrength[d][t + 1] }
            for clamp in inputs.clamps where clamp.window.contains(t + 1) { history[base + clamp.node] = clamp.level }
            for held in inputs.heldSeries where !held.levels.isEmpty {
                history[base + held.node] = held.levels[min(t + 1, held.levels.count - 1)]
            }
            let more = history.withUnsafeBufferPointer { observe(t + 1, UnsafeBufferPointer(rebasing: $0[base..<(base + n)])) }
            if !more { return }
        }
    }

    /// An edge's transfer v = min(1, w · uⁿ(1 + θⁿ)/(uⁿ + θⁿ)), with `norm` = 1 + θⁿ.
    @inline(__always)
    static func transfer(_ u: Double, n: Int, weight: Double, norm: Double, thetaN: Double) -> Double {
        var un = u
        var p = 1
        while p < n { un *= u; p += 1 }
        return min(1, weight * (un * norm / (un + thetaN)))
    }

    private func applyDrivers(_ inputs: GradedInputs, step: Int, to state: inout [Double]) {
        for therapy in inputs.therapies where therapy.effect == .drive {
            state[therapy.node] = therapy.therapy.strength(at: step)
        }
        for clamp in inputs.clamps where clamp.window.contains(step) { state[clamp.node] = clamp.level }
        for held in inputs.heldSeries where !held.levels.isEmpty {
            state[held.node] = held.levels[min(step, held.levels.count - 1)]
        }
    }

    /// One synchronous update of every node from the ring buffer slot `current` into `next`.
    @inline(__always)
    private func step(
        hill: Int, delayed: Bool, current: Int, next: Int, history: inout [Double], targets: inout [Double],
        weight: [Double], slotBase: [Int], stack: inout [Double], diagramValues: inout [Double]
    ) {
        let n = nodeCount
        let hillCube = parameters.logic == .hillCube
        let defaultHill = parameters.hillExponent
        let defaultThetaN = pow(parameters.threshold, Double(defaultHill))
        history.withUnsafeMutableBufferPointer { h in
        targets.withUnsafeMutableBufferPointer { target in
        stack.withUnsafeMutableBufferPointer { stack in
        weight.withUnsafeBufferPointer { w in
        slotBase.withUnsafeBufferPointer { sb in
        kind.withUnsafeBufferPointer { kind in
        basal.withUnsafeBufferPointer { basal in
        rate.withUnsafeBufferPointer { rate in
        inStart.withUnsafeBufferPointer { inStart in
        actEnd.withUnsafeBufferPointer { actEnd in
        brakeStart.withUnsafeBufferPointer { brakeStart in
        slotSource.withUnsafeBufferPointer { source in
        slotDelay.withUnsafeBufferPointer { delay in
        slotThetaN.withUnsafeBufferPointer { thetaN in
        slotNorm.withUnsafeBufferPointer { norm in
        slotHill.withUnsafeBufferPointer { slotHill in
        program.withUnsafeBufferPointer { program in
        ruleStart.withUnsafeBufferPointer { ruleStart in
        ruleEnd.withUnsafeBufferPointer { ruleEnd in
        diagramValues.withUnsafeMutableBufferPointer { dv in
        diagrams.variable.withUnsafeBufferPointer { dVariable in
        diagrams.childStart.withUnsafeBufferPointer { dChildStart in
        diagrams.value.withUnsafeBufferPointer { dLeaf in
        diagrams.children.withUnsafeBufferPointer { dChildren in
        diagrams.variableNode.withUnsafeBufferPointer { vNode in
        diagrams.variableDelay.withUnsafeBufferPointer { vDelay in
        diagrams.variableSlot.withUnsafeBufferPointer { vSlot in
        diagrams.variableMax.withUnsafeBufferPointer { vMax in
        diagramRoot.withUnsafeBufferPointer { diagramRoot in
            let cur = current * n
            let out = next * n
            @inline(__always) func transfer(_ k: Int) -> Double {
                let u = h[(delayed ? sb[Int(delay[k])] : cur) + Int(source[k])]
                return Self.transfer(u, n: hill > 0 ? hill : Int(slotHill[k]), weight: w[k], norm: norm[k], thetaN: thetaN[k])
            }
            /// A rule node's target from its rule's value: the basal floor times its scaling
            /// modulators (`MechanismGraph.scalingModulators(of:)`), 1 + v for each gain (slots
            /// from actEnd[i]) and 1 − v for each weak brake (from brakeStart[i]); at most 1.
            @inline(__always) func ruleTarget(_ i: Int, _ value: Double) -> Double {
                var f = basal[i] + (1 - basal[i]) * value
                let brakes = Int(brakeStart[i])
                for k in Int(actEnd[i])..<brakes { f *= 1 + transfer(k) }
                for k in brakes..<Int(inStart[i + 1]) { f *= 1 - transfer(k) }
                return min(1, f)
            }
            for i in 0..<n {
                let x = h[cur + i]
                var f: Double
                switch kind[i] {
                case .signed:
                    let lo = Int(inStart[i]), mid = Int(actEnd[i]), hi = Int(inStart[i + 1])
                    var pa = 1.0
                    for k in lo..<mid { pa *= 1 - transfer(k) }
                    var pi = 1.0
                    for k in mid..<hi { pi *= 1 - transfer(k) }
                    let a = mid > lo ? 1 - pa : 1
                    f = (basal[i] + (1 - basal[i]) * a) * pi
                case .rule:
                    var top = -1
                    for pc in Int(ruleStart[i])..<Int(ruleEnd[i]) {
                        let instruction = program[pc]
                        switch instruction.operation {
                        case .constant:
                            top += 1
                            stack[top] = instruction.a
                        case .atLeast:
                            let u = h[sb[Int(instruction.delay)] + Int(instruction.node)]
                            let truth = min(1, max(0, u * instruction.a - instruction.b))
                            top += 1
                            // The edge's weight scales the atom's truth, min(1, w·t), never the level
                            // it reads (on a Boolean source this is min(1, w·x)); "X ≥ 0" always holds.
                            stack[top] = instruction.slot >= 0 && instruction.b >= 0 ? min(1, w[Int(instruction.slot)] * truth) : truth
                        case .equal:
                            let u = h[sb[Int(instruction.delay)] + Int(instruction.node)]
                            let truth = 1 - min(1, abs(u * instruction.a - instruction.b))
                            top += 1
                            if instruction.slot < 0 {
                                stack[top] = truth
                            } else if instruction.b > 0 {
                                stack[top] = min(1, w[Int(instruction.slot)] * truth)
                            } else {
                                // Level 0 is what a weakened signal falls back to.
                                stack[top] = 1 - min(1, w[Int(instruction.slot)] * (1 - truth))
                            }
                        case .not:
                            stack[top] = 1 - stack[top]
                        case .and:
                            let count = Int(instruction.count)
                            var value = stack[top]
                            for j in 1..<count { value = min(value, stack[top - j]) }
                            top -= count - 1
                            stack[top] = value
                        case .or:
                            let count = Int(instruction.count)
                            var value = stack[top]
                            for j in 1..<count { value = max(value, stack[top - j]) }
                            top -= count - 1
                            stack[top] = value
                        case .mean:
                            let count = Int(instruction.count)
                            var value = stack[top]
                            for j in 1..<count { value += stack[top - j] }
                            top -= count - 1
                            stack[top] = value / Double(count)
                        }
                    }
                    f = ruleTarget(i, top >= 0 ? stack[top] : 0)
                case .diagram:
                    // Multilinear extension: value(d) = Σₖ P(input = k) · value(child k), children first.
                    for d in Int(ruleStart[i])..<Int(ruleEnd[i]) {
                        let v = Int(dVariable[d])
                        if v < 0 {
                            dv[d] = dLeaf[d]
                            continue
                        }
                        let u0 = h[sb[Int(vDelay[v])] + Int(vNode[v])]
                        let k = Int(vSlot[v])
                        let m = Int(vMax[v])
                        // The edge's weight scales each thermometer probability, min(1, w·P(X ≥ k)),
                        // never the level read (on a Boolean source: min(1, w·u)).
                        let weight = k >= 0 ? w[k] : 1
                        let u: Double
                        if hillCube {
                            u = k >= 0
                                ? Self.transfer(u0, n: Int(slotHill[k]), weight: 1, norm: norm[k], thetaN: thetaN[k])
                                : Self.transfer(u0, n: defaultHill, weight: 1, norm: 1 + defaultThetaN, thetaN: defaultThetaN)
                        } else {
                            u = u0
                        }
                        let c = Int(dChildStart[d])
                        if m == 1 {
                            let p = min(1, weight * u)
                            dv[d] = p * dv[Int(dChildren[c + 1])] + (1 - p) * dv[Int(dChildren[c])]
                        } else {
                            // Thermometer reading: P(X ≥ k) = min(1, w · clamp(m·u − (k − 1), 0, 1)).
                            let y = u * Double(m)
                            var above = 1.0
                            var acc = 0.0
                            for level in 0...m {
                                let next = level < m ? min(1, weight * min(1, max(0, y - Double(level)))) : 0
                                acc += (above - next) * dv[Int(dChildren[c + level])]
                                above = next
                            }
                            dv[d] = acc
                        }
                    }
                    f = ruleTarget(i, dv[Int(diagramRoot[i])])
                case .keep:
                    f = x
                case .relax:
                    f = basal[i]
                case .inhibitedBasal:
                    var pi = 1.0
                    for k in Int(inStart[i])..<Int(inStart[i + 1]) { pi *= 1 - transfer(k) }
                    f = basal[i] * pi
                }
                target[i] = f
                h[out + i] = x + rate[i] * (f - x)
            }
        }}}}}}}}}}}}}}}}}}}}}}}}}}}}}
    }
}
