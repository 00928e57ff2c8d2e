import ImmunoGraph

/// One run's inputs resolved against a ``CompiledGradedModel``: initial levels, clamps (background
/// and perturbations), removed edges and therapies, all as indices. Build it once per scenario with
/// ``CompiledGradedModel/inputs(for:)``; the step loop only reads numbers from it.
public struct GradedInputs: Sendable {
    /// A therapy resolved to indices.
    struct ResolvedTherapy: Sendable {
        enum Effect: UInt8, Sendable { case drive, blockSlots, deplete, supply, damage }
        var effect: Effect
        var node: Int
        /// The compiled in-edge slots scaled by a block.
        var slots: [Int32]
        var therapy: Therapy
    }

    /// The initial level of every node, before clamps and therapies of step 0 are applied.
    public var initialLevels: [Double]
    /// Node clamps, in order (a later clamp on the same node wins).
    public var clamps: [ResolvedPerturbations.Clamp]
    var removedSlots: [Int32]
    var therapies: [ResolvedTherapy]
    /// Nodes held on a given trajectory: node `node` is set to `levels[min(t, levels.count − 1)]`
    /// at every step `t`, after clamps (used by in-silico mediation to freeze a node at its
    /// baseline course).
    public var heldSeries: [HeldSeries] = []

    /// A node held on a given course of levels.
    public struct HeldSeries: Sendable, Hashable {
        /// The node index.
        public var node: Int
        /// The level at each step; the last value holds for later steps. Must not be empty.
        public var levels: [Double]
        /// Creates a held series.
        public init(node: Int, levels: [Double]) {
            self.node = node
            self.levels = levels
        }
    }

    /// The therapies in the run.
    public var therapyList: [Therapy] { therapies.map(\.therapy) }
}

extension CompiledGradedModel {
    /// Resolves `scenario` (background, perturbations, therapies, initial levels) against this model.
    ///
    /// Composition: the background's clamps apply throughout, then the scenario's perturbations
    /// (a later clamp on the same node wins), then the therapies act; clamps override therapies.
    ///
    /// - Throws: ``PerturbationError`` naming an unknown node, background, edge, or a level out of range.
    public func inputs(for scenario: Scenario) throws -> GradedInputs {
        let background = try scenario.resolvedBackground(in: graph)
        let resolved = try ResolvedPerturbations(scenario.perturbations, background: background, in: graph)
        var initial = defaultInitialLevels
        for item in scenario.initialLevels {
            guard let i = graph.index(of: item.node) else { throw PerturbationError(graph.unknownNodeMessage(item.node)) }
            guard (0...1).contains(item.level) else {
                throw PerturbationError("initial level \(item.level) for '\(item.node)' is outside 0...1")
            }
            initial[i] = item.level
        }
        var therapies: [GradedInputs.ResolvedTherapy] = []
        for therapy in scenario.therapies {
            switch try therapy.action(in: graph) {
            case .drive(let node):
                therapies.append(.init(effect: .drive, node: node, slots: [], therapy: therapy))
            case .blockNode(let node):
                let slots = Array(outSlots[Int(outStart[node])..<Int(outStart[node + 1])])
                therapies.append(.init(effect: .blockSlots, node: node, slots: slots, therapy: therapy))
            case .blockEdges(let edges):
                therapies.append(.init(effect: .blockSlots, node: -1, slots: edges.map { slotOfEdge[$0] }, therapy: therapy))
            case .deplete(let node): therapies.append(.init(effect: .deplete, node: node, slots: [], therapy: therapy))
            case .supply(let node): therapies.append(.init(effect: .supply, node: node, slots: [], therapy: therapy))
            case .damage(let node): therapies.append(.init(effect: .damage, node: node, slots: [], therapy: therapy))
            }
        }
        return GradedInputs(
            initialLevels: initial, clamps: resolved.clamps,
            removedSlots: resolved.removedEdges.map { slotOfEdge[$0] }, therapies: therapies)
    }
}
