import Foundation

extension StochasticModel {
    /// The sampling windows of `settings`: their end times and lengths in tally units.
    static func windows(_ settings: StochasticSettings) -> (ends: [Double], units: [Int64]) {
        let count = max(1, Int((settings.maxTime / settings.timeTick - 1e-9).rounded(.up)))
        var ends: [Double] = [], units: [Int64] = []
        for w in 0..<count {
            let start = Double(w) * settings.timeTick
            let end = w == count - 1 ? settings.maxTime : Double(w + 1) * settings.timeTick
            ends.append(end)
            units.append(w == count - 1
                ? Int64(((end - start) / settings.timeTick * Double(StochasticTally.unitsPerTick)).rounded())
                : StochasticTally.unitsPerTick)
        }
        return (ends, units)
    }

    /// Checks `settings` and returns the output node indices.
    func validate(_ settings: StochasticSettings) throws(LogicalModelError) -> [Int] {
        guard settings.trajectories >= 0 else { throw LogicalModelError("the number of trajectories must not be negative") }
        guard settings.maxTime > 0, settings.maxTime.isFinite else { throw LogicalModelError("the maximum time must be a positive number") }
        guard settings.timeTick > 0, settings.timeTick.isFinite else { throw LogicalModelError("the time tick must be a positive number") }
        guard settings.maxTime / settings.timeTick <= 1_000_000 else {
            throw LogicalModelError("max time / time tick = \(settings.maxTime / settings.timeTick) windows; at most 1,000,000")
        }
        guard settings.threads >= 1 else { throw LogicalModelError("the number of threads must be at least 1") }
        guard settings.shard.count >= 1, (0..<settings.shard.count).contains(settings.shard.index) else {
            throw LogicalModelError("shard \(settings.shard.index + 1)/\(settings.shard.count) is not valid")
        }
        guard settings.outputs.count <= StochasticSettings.maxOutputs else {
            throw LogicalModelError("\(settings.outputs.count) output nodes; at most \(StochasticSettings.maxOutputs)")
        }
        var outputs: [Int] = []
        for id in settings.outputs {
            guard let i = nodeIDs.firstIndex(of: id) else { throw LogicalModelError("output '\(id)' is not a node of '\(name)'") }
            guard !outputs.contains(i) else { throw LogicalModelError("output '\(id)' is named twice") }
            outputs.append(i)
        }
        return outputs
    }

    /// Runs the trajectories of `settings.shard` and returns their integer sums.
    ///
    /// Trajectory `k` draws from a generator seeded by `(seed, k)` and the sums are integers, so
    /// the tally is the same for any number of threads, and the tallies of the shards
    /// `0..<count` add up to the unsharded tally exactly.
    ///
    /// - Throws: ``LogicalModelError`` for invalid settings (non-positive time or tick, unknown
    ///   output, bad shard).
    /// - Complexity: O(trajectories × (events × (dependents × (rule size + log N)) + windows × variables)).
    public func tally(_ settings: StochasticSettings) throws(LogicalModelError) -> StochasticTally {
        let outputs = try validate(settings)
        let (ends, units) = Self.windows(settings)
        var total = StochasticTally(model: self, settings: settings, windowUnits: units)
        let range = settings.trajectoryRange
        let threads = min(settings.threads, max(1, range.count / 16))
        if threads <= 1 {
            let worker = StochasticWorker(model: self, settings: settings, outputs: outputs, windowEnds: ends, windowUnits: units)
            for k in range { worker.run(trajectory: k) }
            worker.tally(into: &total)
            return total
        }
        let lock = NSLockLike()
        nonisolated(unsafe) var next = range.lowerBound
        nonisolated(unsafe) var tallies: [StochasticTally] = []
        let chunk = max(1, min(256, range.count / (threads * 8)))
        let empty = total
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let worker = StochasticWorker(model: self, settings: settings, outputs: outputs, windowEnds: ends, windowUnits: units)
            while true {
                let claimed: Range<Int> = lock.withLock {
                    let start = next
                    next = min(range.upperBound, start + chunk)
                    return start..<next
                }
                if claimed.isEmpty { break }
                for k in claimed { worker.run(trajectory: k) }
            }
            var mine = empty
            worker.tally(into: &mine)
            lock.withLock { tallies.append(mine) }
        }
        for t in tallies { total.add(t) }
        return total
    }

    /// Runs `settings` and summarises: probabilities over time, joint output states, final
    /// distribution, fixed points, transition entropy.
    ///
    /// - Throws: ``LogicalModelError`` for invalid settings.
    public func simulate(_ settings: StochasticSettings) throws(LogicalModelError) -> StochasticResult {
        StochasticResult(tally: try tally(settings), nodeIDs: nodeIDs)
    }
}
