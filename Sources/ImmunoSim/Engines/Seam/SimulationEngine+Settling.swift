import ImmunoGraph

extension SimulationEngine {
    /// How long `scenario` takes to settle under this engine's own semantics: the first recorded
    /// time after which every node's course stays within a tolerance of its steady-state reading.
    ///
    /// The engine reads `scenario` at ``ReadoutTime/steady``. A deterministic reading (no
    /// ``EngineReading/spread``) settles within 1e-6; an ensemble reading within
    /// `0.02 + 4·spread/√samples`, so that run-to-run noise in the mean course does not postpone
    /// it. A course that never settles (a synchronous cycle, say) gives its last recorded time.
    /// `--warmup steady` uses this, so each engine warms up for as long as it needs.
    ///
    /// - Throws: ``EngineError`` from the run.
    /// - Complexity: one engine run, plus O(recorded states · nodes).
    public func settlingTime(of scenario: Scenario) throws(EngineError) -> Int {
        let reading = try read(scenario, at: .steady)
        let n = reading.nodeCount
        let states = reading.stateCount
        guard states > 0, n > 0 else { return 0 }
        let tolerance: [Double] = (0..<n).map { i in
            guard let spread = reading.spread, let samples = reading.samples, samples > 0 else { return 1e-6 }
            return 0.02 + 4 * spread[i] / Double(samples).squareRoot()
        }
        // Walk back from the end to the last recorded state that is outside the tolerance.
        var settled = 0
        for k in stride(from: states - 1, through: 0, by: -1) {
            let outside = (0..<n).contains { abs(reading.course[k * n + $0] - reading.levels[$0]) > tolerance[$0] }
            if outside {
                settled = k + 1
                break
            }
        }
        let index = min(settled, states - 1)
        return Int(reading.times[index].rounded(.up))
    }
}
