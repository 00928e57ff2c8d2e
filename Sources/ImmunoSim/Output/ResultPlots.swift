/// Adapters from engine and screen results to the SVG figures.
extension ScreenResult {
    /// A candidate × candidate heatmap of the effect on readout `readout` (treated − baseline):
    /// cell (i, j) below the diagonal is the pair i + j (each pair once), the diagonal the single
    /// candidate; cells above the diagonal and pairs not run are blank.
    /// Only the `top` candidates with the best single effect for `goal` are shown, best first.
    public func pairHeatmap(goal: ScreenGoal = .decrease, readout: Int = 0, top: Int = 20) -> Heatmap {
        var single: [ScreenCandidate: Double] = [:]
        var pair: [Set<ScreenCandidate>: Double] = [:]
        for row in rows {
            let effect = row.values[readout] - baseline[readout]
            if row.candidates.count == 1 { single[row.candidates[0]] = effect }
            if row.candidates.count == 2 { pair[Set(row.candidates)] = effect }
        }
        let sign: Double = goal == .decrease ? 1 : -1
        let order = plan.candidates.enumerated().sorted { a, b in
            let ea = sign * (single[a.element] ?? .infinity)
            let eb = sign * (single[b.element] ?? .infinity)
            return ea != eb ? ea < eb : a.offset < b.offset
        }.map(\.element).prefix(top)
        let candidates = Array(order)
        let values = candidates.indices.map { i in
            candidates.indices.map { j in
                i == j ? (single[candidates[i]] ?? .nan) : i > j ? (pair[[candidates[i], candidates[j]]] ?? .nan) : .nan
            }
        }
        let labels = order.map(\.description)
        let name = plan.readouts[readout]
        var heatmap = Heatmap(
            title: "Δ \(name): pairs below the diagonal, singles on it; top \(order.count) by single effect",
            rowLabels: labels, columnLabels: labels, values: values, coloring: .diverging(),
            valueLabel: "Δ \(name)", showValues: order.count <= 14)
        heatmap.lowerTriangle = true
        return heatmap
    }
}

extension ScreenResult {
    /// The Bliss excess of every pair, as a lower-triangle heatmap of the same candidates as
    /// ``pairHeatmap(goal:readout:top:)``: observed response minus the Bliss-independent
    /// expectation `1 − (1 − a)(1 − b)` of the singles' responses (``RankedArm/bliss``). Positive
    /// is synergy, negative antagonism; the diagonal (singles) has no excess and is left empty.
    public func blissHeatmap(goal: ScreenGoal = .decrease, readout: Int = 0, top: Int = 20) -> Heatmap {
        let effects = pairHeatmap(goal: goal, readout: readout, top: top)
        var bliss: [Set<ScreenCandidate>: Double] = [:]
        for arm in ranked(goal: goal, readout: readout) where arm.candidates.count == 2 {
            if let excess = arm.bliss { bliss[Set(arm.candidates)] = excess }
        }
        let byLabel = Dictionary(plan.candidates.map { ($0.description, $0) }, uniquingKeysWith: { a, _ in a })
        let candidates = effects.rowLabels.compactMap { byLabel[$0] }
        let values = candidates.indices.map { i in
            candidates.indices.map { j in i > j ? (bliss[[candidates[i], candidates[j]]] ?? .nan) : .nan }
        }
        let name = plan.readouts[readout]
        var heatmap = Heatmap(
            title: "Bliss excess on \(name) (\(goal.rawValue) is better): > 0 synergy, < 0 antagonism",
            rowLabels: effects.rowLabels, columnLabels: effects.columnLabels, values: values, coloring: .diverging(),
            valueLabel: "Bliss excess", showValues: candidates.count <= 14)
        heatmap.lowerTriangle = true
        return heatmap
    }
}

extension GradedTrajectory {
    /// A time course of the given nodes (all nodes when empty), with therapy windows shaded.
    public func timeCoursePlot(title: String? = nil, nodes: [String] = [], therapies: [Therapy] = []) -> TimeCoursePlot {
        let selected = nodes.isEmpty ? Array(nodeIDs.indices) : nodes.compactMap { id in nodeIDs.firstIndex(of: id) }
        let series = selected.map { Series(name: nodeIDs[$0], values: self.series($0)) }
        let windows = therapies.map { therapy in
            ShadedWindow(therapy: therapy.name, start: therapy.schedule.start, stop: therapy.schedule.stop)
        }
        return TimeCoursePlot(title: title, series: series, windows: windows)
    }
}

extension DoseResponseCurve {
    /// The curve as a ``Curve`` of the readout against the swept parameter.
    public var curve: Curve {
        Curve(name: readout, x: points.map(\.parameter), y: points.map(\.value))
    }
}

extension CurvePlot {
    /// A plot of dose-response (or start-step) curves of one therapy, one line per readout, with
    /// the untreated baseline of the first readout as a dashed reference.
    public static func sweep(_ curves: [DoseResponseCurve], logarithmicX: Bool = false) -> CurvePlot {
        // Each readout in its palette colour, with its untreated level as a dashed line of the same colour.
        var lines: [Curve] = []
        for (k, sweep) in curves.enumerated() {
            var curve = sweep.curve
            curve.color = CategoricalPalette.color(k)
            lines.append(curve)
        }
        for (k, sweep) in curves.enumerated() {
            guard let baseline = sweep.points.first?.baseline else { continue }
            let xs = sweep.points.map(\.parameter)
            lines.append(Curve(name: "\(sweep.readout) untreated", x: xs, y: xs.map { _ in baseline },
                color: CategoricalPalette.color(k), isReference: true))
        }
        let therapy = curves.first?.therapy ?? "therapy"
        let parameter = curves.first?.parameter ?? "dose"
        return CurvePlot(
            title: "\(therapy): \(parameter) sweep", curves: lines, xLabel: parameter == "start" ? "start step" : parameter,
            yLabel: "level", xScale: logarithmicX ? .logarithmic : .linear)
    }
}
