import Foundation

/// One thread's Gillespie simulator: every buffer allocated once, nothing allocated per event.
///
/// Per event: one exponential and one uniform draw, a descent of a binary sum tree of the
/// propensities (O(log N)), then for each node whose propensity may have changed (the flipped
/// node's dependents) its compiled logic and rate, and an O(log N) tree update.
final class StochasticWorker {
    let model: StochasticModel
    let n: Int, planes: Int, leaves: Int, windows: Int, jointSize: Int
    let maxTime: Double, tick: Double, scale: Double
    let seed: UInt64
    // Model tables.
    let code: UnsafeMutableBufferPointer<LogicalProgram.Instruction>
    let nodeCodeStart: UnsafeMutablePointer<Int32>, nodeCodeEnd: UnsafeMutablePointer<Int32>
    let targetReg: UnsafeMutablePointer<Int32>
    let planeBase: UnsafeMutablePointer<Int32>, maxLevel: UnsafeMutablePointer<Int32>
    let gated: UnsafeMutablePointer<Bool>
    let upK: UnsafeMutablePointer<Double>, downK: UnsafeMutablePointer<Double>
    let depStart: UnsafeMutablePointer<Int32>, deps: UnsafeMutablePointer<Int32>
    let rateOps: UnsafeMutablePointer<RateProgram.Op>
    let outputBit: UnsafeMutablePointer<Int32>
    let windowEnd: UnsafeMutablePointer<Double>, fullUnits: UnsafeMutablePointer<Int64>
    // Trajectory state.
    let regs: UnsafeMutablePointer<UInt64>
    let level: UnsafeMutablePointer<Int32>
    let tree: UnsafeMutablePointer<Double>
    let dirUp: UnsafeMutablePointer<Bool>
    let plogp: UnsafeMutablePointer<Double>
    let clamped: UnsafeMutablePointer<Bool>
    let upScale: UnsafeMutablePointer<Double>, downScale: UnsafeMutablePointer<Double>
    let stack: UnsafeMutablePointer<Double>
    /// When each variable last turned on: window and units into it.
    let markWindow: UnsafeMutablePointer<Int32>
    let mark: UnsafeMutablePointer<Int64>
    /// Scalars kept in memory the class owns (no exclusivity checks in the inner loop):
    /// `[0]` the entropy sum Σ aᵢ log₂ aᵢ; joint: `[0]` the code, `[1]` its window, `[2]` its units.
    let entropyTerms: UnsafeMutablePointer<Double>
    let jointState: UnsafeMutablePointer<Int64>
    // Sums.
    let on: UnsafeMutablePointer<Int64>, joint: UnsafeMutablePointer<Int64>, entropy: UnsafeMutablePointer<Int64>
    /// Difference counts of whole windows spent on (variables) or in a state (joint).
    let fullOn: UnsafeMutablePointer<Int64>, fullJoint: UnsafeMutablePointer<Int64>
    let finalOn: UnsafeMutablePointer<Int64>, finalJoint: UnsafeMutablePointer<Int64>
    var fixedPoints: [[UInt64]: Int64] = [:]
    var trajectories: Int64 = 0
    var sumPlogp: Double {
        get { entropyTerms[0] }
        set { entropyTerms[0] = newValue }
    }

    init(model: StochasticModel, settings: StochasticSettings, outputs: [Int], windowEnds: [Double], windowUnits: [Int64]) {
        self.model = model
        n = model.nodeCount
        planes = model.variableCount
        var l = 1
        while l < max(1, n) { l <<= 1 }
        leaves = l
        windows = windowEnds.count
        jointSize = 1 << outputs.count
        maxTime = settings.maxTime
        tick = settings.timeTick
        scale = Double(StochasticTally.unitsPerTick) / settings.timeTick
        seed = settings.seed
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
            if !array.isEmpty { p.initialize(from: array, count: array.count) }
            return p
        }
        func zeros<T: Numeric>(_ count: Int, _: T.Type) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, count))
            p.initialize(repeating: 0, count: max(1, count))
            return p
        }
        let program = model.program
        code = UnsafeMutableBufferPointer.allocate(capacity: max(1, program.code.count))
        _ = code.initialize(from: program.code)
        nodeCodeStart = copy(program.nodeCode.map { Int32($0.lowerBound) })
        nodeCodeEnd = copy(program.nodeCode.map { Int32($0.upperBound) })
        targetReg = copy(program.targetPlane)
        planeBase = copy(model.planeBase)
        maxLevel = copy(model.maxLevels.map(Int32.init))
        gated = copy(model.gated)
        upK = copy(model.upConstant)
        downK = copy(model.downConstant)
        depStart = copy(model.dependentStart)
        deps = copy(model.dependents)
        rateOps = copy(model.rates.ops)
        var bits = [Int32](repeating: -1, count: planes)
        for (k, i) in outputs.enumerated() { bits[Int(model.planeBase[i])] = Int32(k) }
        outputBit = copy(bits)
        windowEnd = copy(windowEnds)
        fullUnits = copy(windowUnits)
        regs = zeros(program.registerCount, UInt64.self)
        regs[1] = ~0
        level = zeros(n, Int32.self)
        tree = zeros(2 * leaves, Double.self)
        dirUp = copy([Bool](repeating: false, count: n))
        plogp = zeros(n, Double.self)
        clamped = copy([Bool](repeating: false, count: n))
        upScale = zeros(n, Double.self)
        downScale = zeros(n, Double.self)
        stack = zeros(model.rates.maxDepth + 1, Double.self)
        mark = zeros(planes, Int64.self)
        markWindow = zeros(planes, Int32.self)
        entropyTerms = zeros(1, Double.self)
        jointState = zeros(3, Int64.self)
        on = zeros(windows * planes, Int64.self)
        joint = zeros(windows * jointSize, Int64.self)
        entropy = zeros(windows, Int64.self)
        fullOn = zeros((windows + 1) * planes, Int64.self)
        fullJoint = zeros((windows + 1) * jointSize, Int64.self)
        finalOn = zeros(planes, Int64.self)
        finalJoint = zeros(jointSize, Int64.self)
    }

    deinit {
        code.deallocate()
        for p in [nodeCodeStart, nodeCodeEnd, targetReg, planeBase, maxLevel, depStart, deps, outputBit, level, markWindow] as [UnsafeMutablePointer<Int32>] { p.deallocate() }
        for p in [upK, downK, windowEnd, tree, plogp, upScale, downScale, stack, entropyTerms] as [UnsafeMutablePointer<Double>] { p.deallocate() }
        for p in [fullUnits, mark, on, joint, entropy, fullOn, fullJoint, finalOn, finalJoint, jointState] as [UnsafeMutablePointer<Int64>] { p.deallocate() }
        gated.deallocate(); dirUp.deallocate(); clamped.deallocate()
        rateOps.deallocate(); regs.deallocate()
    }

    // MARK: Logic and propensities

    /// Runs node `i`'s instructions over the register file.
    @inline(__always) func evaluateNode(_ i: Int) {
        let base = LogicalProgram.firstPlane + planes
        var k = Int(nodeCodeStart[i])
        let end = Int(nodeCodeEnd[i])
        let r = regs
        while k < end {
            let ins = code[k]
            let a = r[Int(ins.a)]
            r[base + k] = (a & r[Int(ins.b)]) | (~a & r[Int(ins.c)])
            k += 1
        }
    }

    /// Node `i`'s propensity in the current state (and whether it would move up).
    @inline(__always) func propensity(_ i: Int) -> Double {
        if clamped[i] { return 0 }
        let l = Int(level[i])
        if gated[i] {
            let base = Int(planeBase[i])
            if l < Int(maxLevel[i]) && regs[Int(targetReg[base + l])] != 0 {
                dirUp[i] = true
                return upK[i] * upScale[i]
            }
            if l > 0 && regs[Int(targetReg[base + l - 1])] == 0 {
                dirUp[i] = false
                return downK[i] * downScale[i]
            }
            return 0
        }
        let range = l == 0 ? model.upRange[i] : model.downRange[i]
        dirUp[i] = l == 0
        let v = RateProgram.evaluate(rateOps, range, registers: regs, stack: stack)
        return v * (l == 0 ? upScale[i] : downScale[i])
    }

    /// Sets leaf `i` to `value` and updates the sums above it and the entropy sum.
    @inline(__always) func setLeaf(_ i: Int, _ value: Double) {
        var k = leaves + i
        if tree[k] == value { return }
        tree[k] = value
        let old = plogp[i]
        let new = value > 0 && value != 1 ? value * log2(value) : 0
        plogp[i] = new
        sumPlogp += new - old
        k >>= 1
        while k >= 1 {
            tree[k] = tree[2 * k] + tree[2 * k + 1]
            k >>= 1
        }
    }

    /// Re-evaluates every node and rebuilds the tree (start of a trajectory, a schedule phase).
    func rebuildAll() {
        for i in 0..<n { evaluateNode(i) }
        for k in 1..<(2 * leaves) { tree[k] = 0 }
        sumPlogp = 0
        for i in 0..<n {
            let v = propensity(i)
            tree[leaves + i] = v
            plogp[i] = v > 0 && v != 1 ? v * log2(v) : 0
            sumPlogp += plogp[i]
        }
        var k = leaves - 1
        while k >= 1 {
            tree[k] = tree[2 * k] + tree[2 * k + 1]
            k -= 1
        }
    }

    /// The transition entropy of the current state (bits): `−Σ pᵢ log₂ pᵢ`, `pᵢ = aᵢ / Σ a`.
    @inline(__always) var transitionEntropy: Double {
        let total = tree[1]
        guard total > 0 else { return 0 }
        return max(0, log2(total) - sumPlogp / total)
    }
}
