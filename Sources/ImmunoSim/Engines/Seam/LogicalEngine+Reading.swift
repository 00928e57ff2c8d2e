import Foundation
import ImmunoGraph

/// One chunk's sums of an asynchronous reading.
struct ChunkResult: Sendable {
    var early: [Double]
    var late: [Double]
    var squares: [Double]
    var course: [Double]
    init(nodes: Int, ticks: Int) {
        early = [Double](repeating: 0, count: nodes)
        late = early
        squares = early
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
            course: course.map { $0 / r }, readAt: readAt)
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
                    }
                }
                results.set(c, part)
            }
            var early = [Double](repeating: 0, count: n)
            var late = [Double](repeating: 0, count: n)
            var squares = [Double](repeating: 0, count: n)
            var course = [Double](repeating: 0, count: ticks * n)
            for part in results.all() {
                for i in 0..<n {
                    early[i] += part.early[i]
                    late[i] += part.late[i]
                    squares[i] += part.squares[i]
                }
                for j in course.indices { course[j] += part.course[j] }
            }
            let r = Double(runs)
            let mean = late.map { $0 / r }
            let change = (0..<n).map { abs(mean[$0] - early[$0] / r) }.max() ?? 0
            let converged = change <= 0.01
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
                    course: course.map { $0 / r }, readAt: readAt)
            }
            horizon *= 2
            doublings += 1
        }
    }

    /// One continuous-time run to `horizon`: the time average of every node (fraction of its
    /// maximum) over each window, and the state at every integer time added into `course`.
    ///
    /// Each visited state lasts its expected residence `1/k` (`k` nodes can move); a state where
    /// none can move lasts until the next clamp change or the horizon.
    func continuousRun(
        _ model: LogicalModel, from initial: [Int], until horizon: Double, windows: [(Double, Double)], ticks: Int,
        course: inout [Double], using rng: inout SeededGenerator
    ) -> [[Double]] {
        let n = model.nodeCount
        let program = model.program
        let scale = model.maxLevels.map { 1 / Double(max(1, $0)) }
        var state = initial
        var changes = Set<Int>()
        for clamp in model.clamps {
            if clamp.window.start > 0 { changes.insert(clamp.window.start) }
            if let stop = clamp.window.stop { changes.insert(stop) }
        }
        let changePoints = changes.sorted()
        var nextChange = 0
        var clamped = [Bool](repeating: false, count: n)
        for clamp in model.activeClamps(at: 0) {
            state[clamp.node] = clamp.level
            clamped[clamp.node] = true
        }
        var kernel = LogicalKernel(program: program, width: 1)
        kernel.setLevels(state, planeStart: program.planeStart, maxLevels: model.maxLevels)
        var sums = windows.map { _ in [Double](repeating: 0, count: n) }
        var candidates: [Int] = []
        candidates.reserveCapacity(n)
        var t = 0.0
        var tick = 0
        while t < horizon {
            while nextChange < changePoints.count, Double(changePoints[nextChange]) <= t {
                for i in 0..<n { clamped[i] = false }
                for clamp in model.activeClamps(at: changePoints[nextChange]) {
                    state[clamp.node] = clamp.level
                    clamped[clamp.node] = true
                }
                kernel.setLevels(state, planeStart: program.planeStart, maxLevels: model.maxLevels)
                nextChange += 1
            }
            kernel.evaluate()
            candidates.removeAll(keepingCapacity: true)
            for i in 0..<n where !clamped[i] {
                if kernel.target(of: i, program: program, maxLevels: model.maxLevels) != state[i] { candidates.append(i) }
            }
            let next = nextChange < changePoints.count ? Double(changePoints[nextChange]) : horizon
            let dt = candidates.isEmpty ? max(next, t) - t : 1 / Double(candidates.count)
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
            if !candidates.isEmpty, t < horizon {
                let i = candidates[Int.random(in: 0..<candidates.count, using: &rng)]
                state[i] += kernel.target(of: i, program: program, maxLevels: model.maxLevels) > state[i] ? 1 : -1
                kernel.setLevel(of: i, to: state[i], planeStart: program.planeStart, maxLevels: model.maxLevels)
            }
        }
        return sums.enumerated().map { w, sum in
            let length = max(1e-12, windows[w].1 - windows[w].0)
            return sum.map { $0 / length }
        }
    }
}

extension LogicalKernel {
    /// Writes node `i`'s level into lane 0 (all lanes when width > 1).
    mutating func setLevel(of i: Int, to level: Int, planeStart: [Int], maxLevels: [Int]) {
        for k in 1...maxLevels[i] {
            let value: UInt64 = level >= k ? ~0 : 0
            let r = (planeStart[i] + k - 1) * width
            for w in 0..<width { registers[r + w] = value }
        }
    }
}
