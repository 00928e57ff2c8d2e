public import ImmunoGraph

extension StochasticModel {
    /// Compiles `graph` for a ``Scenario``: its background and perturbations (knockouts,
    /// over-expressions, holds, removed edges) and its therapies mapped to clamps as for the
    /// logical engine (`Therapy.logicalPerturbations(in:horizon:)`, one step = one time unit),
    /// and its initial levels as probabilities of starting on; then `configuration` as usual.
    ///
    /// - Parameters:
    ///   - graph: the model.
    ///   - scenario: the background, therapies, initial levels and perturbations.
    ///   - policy: the rule policy for nodes without explicit rules.
    ///   - configuration: rates, parameters, initial distribution and further interventions.
    ///   - maxTime: the run's length, the horizon of therapy schedules.
    ///   - spontaneousBasal: whether a basal level is spontaneous activity (see
    ///     ``init(_:policy:perturbations:configuration:spontaneousBasal:)``).
    /// - Throws: ``PerturbationError`` for an unknown node, background or therapy target;
    ///   ``LogicalModelError`` as ``init(_:policy:perturbations:configuration:spontaneousBasal:)``.
    public init(_ graph: MechanismGraph, scenario: Scenario, policy: RulePolicy = .inhibitorDominant,
                configuration: StochasticConfiguration = .init(), maxTime: Double = 100, spontaneousBasal: Bool = true) throws {
        let horizon = Int(min(max(0, maxTime), 1e9).rounded(.up)) + 1
        let perturbations = try ResolvedPerturbations(
            try scenario.logicalPerturbations(in: graph, horizon: horizon), background: try scenario.logicalBackground(in: graph),
            in: graph)
        var configuration = configuration
        for item in scenario.initialLevels {
            guard let i = graph.index(of: item.node) else { throw PerturbationError(graph.unknownNodeMessage(item.node)) }
            configuration.initial.probabilities[graph.nodes[i].id] = item.level
        }
        try self.init(graph, policy: policy, perturbations: perturbations, configuration: configuration, spontaneousBasal: spontaneousBasal)
    }
}
