public import ImmunoGraph

extension ControlStrategy {
    /// The strategy as screen candidates: a knockout for each node held at 0; for a node held at
    /// 1, the node switched on when it is a therapy or an input, else a `supply` intervention
    /// (the graded engine's over-expression of any node, see ``TherapySpec``).
    public func screenCandidates(in graph: MechanismGraph) -> [ScreenCandidate] {
        perturbations.map { perturbation in
            if perturbation.value == 0 { return ScreenCandidate(perturbation.node, .knockout) }
            let switchable = graph.index(of: perturbation.node).map { graph.nodes[$0].isTherapy || graph.inDegree(of: $0) == 0 } ?? false
            return ScreenCandidate(switchable ? perturbation.node : "supply \(perturbation.node)", .therapy)
        }
    }
}

extension ScreenPlan {
    /// A screen of the answers of attractor control: the candidates of every strategy (in order,
    /// without repeats), combined up to the largest strategy's size (at least 1, at most 3), so
    /// every strategy is one arm of the plan — the logical answer checked by simulation, with
    /// doses, timing and the graded engine's partial effects.
    ///
    /// - Parameters:
    ///   - strategies: answers of ``LogicalModel/controlStrategies(_:graph:)`` on `graph`'s model.
    ///   - readouts: the screen's readouts.
    ///   - graph: the model the strategies were computed on.
    public init(controlStrategies strategies: [ControlStrategy], readouts: [String], in graph: MechanismGraph) {
        var candidates: [ScreenCandidate] = []
        for strategy in strategies {
            for candidate in strategy.screenCandidates(in: graph) where !candidates.contains(candidate) {
                candidates.append(candidate)
            }
        }
        self.init(candidates: candidates, readouts: readouts, order: max(1, strategies.map(\.size).max() ?? 1))
    }
}
