extension StochasticResult {
    /// Probability trajectories of `variables` (default: the at most 10 that vary most) over the
    /// sampling windows, on a 0…1 axis.
    ///
    /// - Complexity: O(variables × windows).
    public func probabilityPlot(title: String? = nil, variables chosen: [String] = []) -> CurvePlot {
        let all = probabilities
        var names = chosen.filter { all[$0] != nil }
        if names.isEmpty {
            let ranked = variables.map { name -> (String, Double) in
                let series = all[name] ?? []
                return (name, (series.max() ?? 0) - (series.min() ?? 0) + (series.last ?? 0) * 1e-3)
            }.sorted { $0.1 > $1.1 }
            let kept = Set(ranked.prefix(10).map(\.0))
            names = variables.filter { kept.contains($0) }
        }
        let curves = names.map { Curve(name: $0, x: times, y: all[$0] ?? []) }
        return CurvePlot(title: title, curves: curves, xLabel: "time", yLabel: "probability (\(trajectories) trajectories)",
                         yRange: .fixed(0, 1), showMarkers: false)
    }

    /// The distribution of the joint output states over time as stacked areas (states that never
    /// occur are left out), or `nil` when the run had no outputs.
    ///
    /// - Complexity: O(states × windows).
    public func stateDistributionPlot(title: String? = nil) -> StackedAreaPlot? {
        guard !tally.outputs.isEmpty else { return nil }
        let windows = (0..<tally.windowCount).map { jointDistribution(window: $0) }
        let layers = (0..<(1 << tally.outputs.count)).compactMap { code -> Series? in
            let values = windows.map { $0[code] }
            return values.contains { $0 > 0 } ? Series(name: stateLabel(code), values: values) : nil
        }
        return StackedAreaPlot(title: title, times: times, layers: layers)
    }
}
