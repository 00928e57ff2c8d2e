extension MechanismGraph {
    /// A basal level read as spontaneous activity in a Boolean, continuous-time reading: the node
    /// turns on at ``rate`` (relative to its down rate) while its logic is off and none of
    /// ``inhibitors`` is on.
    public struct SpontaneousActivation: Hashable, Sendable {
        /// `b / (1 − b)` for the basal level `b` (capped at 0.99): with down rate 1, a node whose
        /// activators are all off and whose inhibitors are all off is on with probability `b`.
        public var rate: Double
        /// The Boolean inhibitors (level ≥ 1) that gate it off.
        public var inhibitors: [String]
    }

    /// The spontaneous activity that stands for `node`'s basal level in the stochastic (MaBoSS)
    /// reading, or `nil` when its basal level plays no part there.
    ///
    /// The graded engines read a signed node's basal level `b` as a floor,
    /// `f = (b + (1 − b)·A)·(1 − I)` with `A` its activation and `I` its inhibition; the
    /// inhibitor-dominant Boolean rule `(A1 | …) & !(I1 | …)` has no floor, so a node whose
    /// activators are off is off. MaBoSS writes constitutive activity with rates: `rate_up =
    /// @logic ? 1 : (!(I1 | …) ? b/(1−b) : 0)`, `rate_down = @logic ? 0 : 1`, whose stationary
    /// probability of being on, with every regulator off, is `b` — the graded floor's
    /// counterpart — and which an inhibitor still switches off.
    ///
    /// It applies to Boolean, non-therapy nodes without an explicit rule that have a basal level
    /// in (0, 1] and at least one activating in-edge (a node with only inhibitors is already on
    /// unless inhibited; a node with no in-edges keeps its initial level). Edges in `removedEdges`
    /// are left out. An inhibitor read at a level above 1 (`TAT >= 4`) has no Boolean spelling and
    /// does not gate it (MaBoSS would read it as "level ≥ 1").
    ///
    /// - Complexity: O(in-degree).
    public func spontaneousActivation(of node: Int, removedEdges: Set<Int> = []) -> SpontaneousActivation? {
        let n = nodes[node]
        guard let basal = n.basal, basal > 0, n.maxLevel == 1, !n.isTherapy, n.rule == nil, n.levelRules == nil else { return nil }
        var hasActivator = false
        var inhibitors: [String] = []
        for e in inEdges(of: node) where !removedEdges.contains(e) {
            let edge = edges[e]
            if edge.sign == .activates {
                hasActivator = true
            } else if edge.activationLevel == 1, !inhibitors.contains(edge.source) {
                inhibitors.append(edge.source)
            }
        }
        guard hasActivator else { return nil }
        let b = min(basal, 0.99)
        return SpontaneousActivation(rate: b / (1 - b), inhibitors: inhibitors)
    }
}

extension MechanismGraph.SpontaneousActivation {
    /// The MaBoSS `rate_up` of the node: `@logic ? up : (!(I1 | …) ? down·rate : 0)` (without
    /// inhibitors, `@logic ? up : down·rate`); its `rate_down` stays `@logic ? 0 : down`. `name`
    /// maps a node identifier to the name the expression should read (a writer's identifiers).
    public func rateUp(up: Double = 1, down: Double = 1, name: (String) -> String = { $0 }) -> MaBoSSExpression {
        let leak = MaBoSSExpression.number(down * rate)
        let spontaneous: MaBoSSExpression = inhibitors.isEmpty ? leak
            : .conditional(.unary(.not, inhibitors.dropFirst().reduce(.node(name(inhibitors[0]))) { .binary(.or, $0, .node(name($1))) }),
                           leak, .number(0))
        return .conditional(.variable("logic"), .number(up), spontaneous)
    }
}
