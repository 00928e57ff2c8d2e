public import ImmunoGraph

extension Therapy {
    /// The windows of steps in `0..<horizon` during which the strength is at least `threshold`.
    ///
    /// A window that is still open at the horizon of a schedule without cycles or stop is left
    /// open (`stop == nil`).
    public func activeWindows(horizon: Int = 1000, threshold: Double = 0.5) -> [StepWindow] {
        let strengths = strengthProfile(steps: max(0, horizon))
        var windows: [StepWindow] = []
        var open: Int?
        for (t, s) in strengths.enumerated() {
            if s >= threshold {
                if open == nil { open = t }
            } else if let start = open {
                windows.append(StepWindow(start: start, stop: t))
                open = nil
            }
        }
        if let start = open {
            let endless = schedule.stop == nil && (schedule.cycle == nil || schedule.halfLife == nil && schedule.cycle?.off == 0)
            windows.append(StepWindow(start: start, stop: endless ? nil : horizon))
        }
        return windows
    }

    /// The therapy as clamps for the logical engine.
    ///
    /// The therapy is "on" while its strength is at least 0.5 (``activeWindows(horizon:threshold:)``):
    /// - acting through a node (``TherapyAction/drive(node:)``): the node is held at 1 while on
    ///   and at 0 otherwise (therapy nodes and driven inputs are off unless given); a
    ///   multi-valued node (maximum `m` > 1) is held at its dose level instead, `round(m · strength)`
    ///   (``levelWindows(maxLevel:horizon:)``), so a dose scale in levels reaches the logical rules;
    /// - block or deplete of a node: the node is held at 0 while on;
    /// - supply or damage of a node: the node is held at 1 while on;
    /// - block of an edge: the edge is removed for the whole run (``Perturbation`` has no windowed
    ///   edge removal; an approximation when the block is not given throughout).
    ///
    /// A block whose efficacy is below 0.5 never reaches the threshold and maps to nothing.
    ///
    /// - Throws: ``PerturbationError`` as ``action(in:)`` does.
    public func logicalPerturbations(in graph: MechanismGraph, horizon: Int = 1000) throws -> [Perturbation] {
        let action = try action(in: graph)
        let windows = activeWindows(horizon: horizon)
        func holds(_ node: Int, _ level: Double) -> [Perturbation] {
            windows.map { .hold(graph.nodes[node].id, level: level, window: $0) }
        }
        switch action {
        case .drive(let node):
            // Off whenever the therapy is not on (a later clamp wins inside the windows).
            let m = graph.nodes[node].maxLevel
            if m > 1 {
                return [.hold(graph.nodes[node].id, level: 0, window: .always)]
                    + levelWindows(maxLevel: m, horizon: horizon).map {
                        .hold(graph.nodes[node].id, level: Double($0.level) / Double(m), window: $0.window)
                    }
            }
            return [.hold(graph.nodes[node].id, level: 0, window: .always)] + holds(node, 1)
        case .blockNode(let node), .deplete(let node): return holds(node, 0)
        case .supply(let node), .damage(let node): return holds(node, 1)
        case .blockEdges(let edges):
            guard !windows.isEmpty else { return [] }
            var seen = Set<String>()
            return edges.compactMap { e in
                let source = graph.nodes[graph.source(ofEdge: e)].id
                let target = graph.nodes[graph.target(ofEdge: e)].id
                guard seen.insert(source + "\u{0}" + target).inserted else { return nil }
                return .removeEdge(source: source, target: target)
            }
        }
    }
}

extension Therapy {
    /// The windows of steps in `0..<horizon` during which the dose level `round(maxLevel · strength)`
    /// is constant and at least 1, with that level (for a node of maximum `maxLevel`).
    ///
    /// A window still open at the horizon of an endless schedule is left open, as in
    /// ``activeWindows(horizon:threshold:)``.
    ///
    /// - Complexity: O(horizon).
    public func levelWindows(maxLevel: Int, horizon: Int = 1000) -> [(level: Int, window: StepWindow)] {
        let m = Double(max(1, maxLevel))
        let levels = strengthProfile(steps: max(0, horizon)).map { Int((m * $0).rounded()) }
        var result: [(level: Int, window: StepWindow)] = []
        var start = 0
        for t in 0...levels.count {
            let changed = t == levels.count || levels[t] != levels[start]
            guard changed else { continue }
            if start < levels.count, levels[start] >= 1 {
                let endless = t == levels.count && schedule.stop == nil
                    && (schedule.cycle == nil || schedule.halfLife == nil && schedule.cycle?.off == 0)
                result.append((levels[start], StepWindow(start: start, stop: endless ? nil : t)))
            }
            start = t
        }
        return result
    }
}
