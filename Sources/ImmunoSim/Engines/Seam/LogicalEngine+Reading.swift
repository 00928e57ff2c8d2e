import Foundation
import ImmunoGraph

/// One chunk's sums of an asynchronous reading.
struct ChunkResult: Sendable {
    var early: [Double]
    var late: [Double]
    var squares: [Double]
    /// Σ (late − early)² per node: the run-to-run spread of the drift.
    var driftSquares: [Double]
    var course: [Double]
    init(nodes: Int, ticks: Int) {
        early = [Double](repeating: 0, count: nodes)
        late = early
        squares = early
        driftSquares = early
        course = [Double](repeating: 0, count: nodes * ticks)
    }
}

/// The chunks' results, filled concurrently, read in order.
final class ChunkResults: @unchecked Sendable {
    private var parts: [ChunkResult?]
    private let lock = NSLockLike()
    init(count: Int) { parts = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ part: ChunkResult) { lock.withLock { parts[index] = part } }
    func all() -> [ChunkResult] { lock.withLock { parts.compactMap { $0 } } }
}

extension LogicalEngine {
    /// Synchronous runs read as attractor averages (or window means), averaged over `runs` starts.
    func synchronousReading(_ model: LogicalModel, start: [Double], runs: Int, horizon: Int, time: ReadoutTime, latestStart: Int) -> EngineReading {
        let n = model.nodeCount
        let scale = model.maxLevels.map { 1 / Double(max(1, $0)) }
        var sum = [Double](repeating: 0, count: n)
        var squares = [Double](repeating: 0, count: n)
        var course = [Double](repeating: 0, count: (horizon + 1) * n)
        var cycleLengths: [Int] = []
        for k in 0..<runs {
            var rng = SeededGenerator(seed: runSeed(k))
            let initial = Self.draw(start, maxLevels: model.maxLevels, using: &rng)
            let states = model.trajectory(from: initial, steps: horizon).states
            for (t, state) in states.enumerated() {
                for i in 0..<n { course[t * n + i] += Double(state[i]) * scale[i] }
            }
            var from = states.count - 1
            var to = states.count - 1
            if case .window(let a, let b) = time {
                from = min(a, states.count - 1)
                to = min(b, states.count - 1)
            } else if let last = states.last {
                // The cycle the run ends on, searched only where the clamps no longer change.
                let searchFrom = min(latestStart, states.count - 1)
                if let previous = states[searchFrom..<(states.count - 1)].lastIndex(of: last) { from = previous + 1 }
                cycleLengths.append(to - from + 1)
            }
            let count = Double(to - from + 1)
            for i in 0..<n {
                var total = 0
                for t in from...to { total += states[t][i] }
                let level = Double(total) / count * scale[i]
                sum[i] += level
                squares[i] += level * level
            }
        }
        let r = Double(runs)
        let mean = sum.map { $0 / r }
        let spread = runs > 1 ? mean.indices.map { (max(0, squares[$0] / r - mean[$0] * mean[$0])).squareRoot() } : nil
        var readAt: String
        if case .window(let a, let b) = time {
            readAt = "mean of synchronous steps \(a)…\(b)"
        } else {
            readAt = "attractor average after \(horizon) synchronous steps"
            if let longest = cycleLengths.max(), longest > 1 { readAt += " (cycles up to \(longest) states)" }
        }
        if runs > 1 { readAt += ", mean of \(runs) random starts" }
        return EngineReading(
            nodeIDs: model.nodeIDs, levels: mean, spread: spread, times: (0...horizon).map(Double.init),
            course: course.map { $0 / r }, readAt: readAt, samples: runs > 1 ? runs : nil)
    }

    /// Asynchronous runs in continuous time, read as time averages with a convergence check.
    func asynchronousReading(_ model: LogicalModel, start: [Double], time: ReadoutTime, latestStart: Int) -> EngineReading {
        let n = model.nodeCount
        let minimum = Double(max(50, 4 * (latestStart + 1)))
        var horizon: Double
        var fixed: (Double, Double)?
        switch time {
        case .step(let s): horizon = max(Double(s), minimum)
        case .window(let a, let b):
            horizon = Double(b)
            fixed = (Double(a), Double(b))
        case .steadyState: horizon = minimum
        }
        var doublings = 0
        while true {
            let ticks = Int(horizon) + 1
            let lateWindow = fixed ?? (horizon / 2, horizon)
            let earlyWindow = (horizon / 4, horizon / 2)
            // Runs in fixed chunks on all cores; chunks are summed in order, so the result is the
            // same for any number of threads.
            let chunkSize = 8
            let chunks = (runs + chunkSize - 1) / chunkSize
            let results = ChunkResults(count: chunks)
            let engine = self
            let window = horizon
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var part = ChunkResult(nodes: n, ticks: ticks)
                for k in (c * chunkSize)..<min(runs, (c + 1) * chunkSize) {
                    var rng = SeededGenerator(seed: engine.runSeed(k))
                    let initial = Self.draw(start, maxLevels: model.maxLevels, using: &rng)
                    let run = engine.continuousRun(
                        model, from: initial, until: window, windows: [earlyWindow, lateWindow], ticks: ticks,
                        course: &part.course, using: &rng)
                    for i in 0..<n {
                        part.early[i] += run[0][i]
                        part.late[i] += run[1][i]
                        part.squares[i] += run[1][i] * run[1][i]
                        part.driftSquares[i] += (run[1][i] - run[0][i]) * (run[1][i] - run[0][i])
                    }
                }
                results.set(c, part)
            }
            var early = [Double](repeating: 0, count: n)
            var late = [Double](repeating: 0, count: n)
            var squares = [Double](repeating: 0, count: n)
            var driftSquares = [Double](repeating: 0, count: n)
            var course = [Double](repeating: 0, count: ticks * n)
            for part in results.all() {
                for i in 0..<n {
                    early[i] += part.early[i]
                    late[i] += part.late[i]
                    squares[i] += part.squares[i]
                    driftSquares[i] += part.driftSquares[i]
                }
                for j in course.indices { course[j] += part.course[j] }
            }
            let r = Double(runs)
            let mean = late.map { $0 / r }
            // Converged when no node's mean drifts between [T/4, T/2] and [T/2, T] by more than
            // 0.01 beyond three standard errors of the drift over the runs.
            var change = 0.0
            var converged = true
            for i in 0..<n {
                let drift = mean[i] - early[i] / r
                let variance = max(0, driftSquares[i] / r - drift * drift)
                let standardError = (variance / r).squareRoot()
                change = max(change, abs(drift))
                if abs(drift) > 0.01 + 3 * standardError { converged = false }
            }
            if fixed != nil || converged || doublings == 4 {
                let spread = mean.indices.map { (max(0, squares[$0] / r - mean[$0] * mean[$0])).squareRoot() }
                let readAt: String
                if let fixed {
                    readAt = "time average over \(formatLevel(fixed.0))…\(formatLevel(fixed.1)), \(runs) asynchronous runs"
                } else {
                    readAt = "time average over \(formatLevel(horizon / 2))…\(formatLevel(horizon)), \(runs) asynchronous runs, "
                        + (converged ? "converged" : "not converged: the last doubling moved a level by \(formatLevel(change))")
                }
                return EngineReading(
                    nodeIDs: model.nodeIDs, levels: mean, spread: spread, times: (0..<ticks).map(Double.init),
                    course: course.map { $0 / r }, readAt: readAt, samples: runs)
            }
            horizon *= 2
            doublings += 1
        }
    }

    /// One continuous-time run to `horizon`: the time average of every node (fraction of its
    /// maximum) over each window, and the state at every integer time added into `course`.
    ///
    /// Each visited state lasts its expected residence `1/k` (`k` nodes can move); a state where
    /// none can move lasts until the next clamp change or the horizon. After a jump only the
    /// moved node and the nodes reading it are re-evaluated (their own instructions), and the set
    /// of nodes that can move is kept incrementally: O(out-degree) per jump, no allocation.
    func continuousRun(
        _ model: LogicalModel, from initial: [Int], until horizon: Double, windows: [(Double, Double)], ticks: Int,
        course: inout [Double], using rng: inout SeededGenerator
    ) -> [[Double]] {
        let n = model.nodeCount
        let program = model.program
        let maxLevels = model.maxLevels
        let scale = maxLevels.map { 1 / Double(max(1, $0)) }
        var state = initial
        var changes = Set<Int>()
        for clamp in model.clamps {
            if clamp.window.start > 0 { changes.insert(clamp.window.start) }
            if let stop = clamp.window.stop { changes.insert(stop) }
        }
        let changePoints = changes.sorted()
        var nextChange = 0
        var clamped = [Bool](repeating: false, count: n)
        var kernel = LogicalKernel(program: program, width: 1)
        // The movable set: candidates[0..<count], position[i] its index or −1.
        var candidates = [Int](repeating: 0, count: n)
        var position = [Int](repeating: -1, count: n)
        var count = 0
        var target = [Int](repeating: 0, count: n)
        func refresh(_ j: Int) {
            kernel.evaluateNode(j)
            target[j] = kernel.target(of: j, program: program, maxLevels: maxLevels)
            let movable = !clamped[j] && target[j] != state[j]
            if movable, position[j] < 0 {
                position[j] = count
                candidates[count] = j
                count += 1
            } else if !movable, position[j] >= 0 {
                let last = candidates[count - 1]
                candidates[position[j]] = last
                position[last] = position[j]
                position[j] = -1
                count -= 1
            }
        }
        func applyClamps(at step: Int) {
            for i in 0..<n { clamped[i] = false }
            for clamp in model.activeClamps(at: step) {
                state[clamp.node] = clamp.level
                clamped[clamp.node] = true
            }
            kernel.setLevels(state, planeStart: program.planeStart, maxLevels: maxLevels)
            for j in 0..<n { refresh(j) }
        }
        applyClamps(at: 0)
        var sums = windows.map { _ in [Double](repeating: 0, count: n) }
        var t = 0.0
        var tick = 0
        while t < horizon {
            while nextChange < changePoints.count, Double(changePoints[nextChange]) <= t {
                applyClamps(at: changePoints[nextChange])
                nextChange += 1
            }
            let next = nextChange < changePoints.count ? Double(changePoints[nextChange]) : horizon
            let dt = count == 0 ? max(next, t) - t : 1 / Double(count)
            let end = min(t + max(dt, 1e-12), horizon)
            for (w, window) in windows.enumerated() {
                let overlap = min(window.1, end) - max(window.0, t)
                if overlap > 0 { for i in 0..<n { sums[w][i] += Double(state[i]) * scale[i] * overlap } }
            }
            while tick < ticks, Double(tick) < end || (end >= horizon && Double(tick) <= horizon) {
                for i in 0..<n { course[tick * n + i] += Double(state[i]) * scale[i] }
                tick += 1
            }
            t = end
            if count > 0, t < horizon {
                let i = candidates[Int.random(in: 0..<count, using: &rng)]
                state[i] += target[i] > state[i] ? 1 : -1
                kernel.setLevel(of: i, to: state[i], planeStart: program.planeStart, maxLevels: maxLevels)
                refresh(i)
                for j in dependents[i] where j != i { refresh(j) }
            }
        }
        return sums.enumerated().map { w, sum in
            let length = max(1e-12, windows[w].1 - windows[w].0)
            return sum.map { $0 / length }
        }
    }
}

extension LogicalKernel {
    /// Runs node `j`'s own instructions (lane 0 only; a node's code reads only planes, constants
    /// and its own registers).
    mutating func evaluateNode(_ j: Int) {
        let base = program.register(ofInstruction: 0)
        for p in program.nodeCode[j] {
            let ins = program.code[p]
            let a = registers[Int(ins.a) * width]
            registers[(base + p) * width] = (a & registers[Int(ins.b) * width]) | (~a & registers[Int(ins.c) * width])
        }
    }

    /// Writes node `i`'s level into lane 0 (all lanes when width > 1).
    mutating func setLevel(of i: Int, to level: Int, planeStart: [Int], maxLevels: [Int]) {
        for k in 1...maxLevels[i] {
            let value: UInt64 = level >= k ? ~0 : 0
            let r = (planeStart[i] + k - 1) * width
            for w in 0..<width { registers[r + w] = value }
        }
    }
}
