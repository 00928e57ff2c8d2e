public import ImmunoGraph

extension StochasticConfiguration {
    /// The configuration of a model read from MaBoSS files: its rates, `$parameters`, and initial
    /// states (one-node istates as probabilities, joint blocks as joint blocks, and probability ½
    /// for nodes without an istate, as in MaBoSS).
    public init(maboss model: MaBoSSModel) {
        let config = model.configuration
        var rates: [String: NodeRates] = [:]
        for (id, r) in config.rates where r.up != nil || r.down != nil { rates[id] = NodeRates(up: r.up, down: r.down) }
        var initial = StochasticInitialState()
        for node in model.graph.nodes {
            if let p = config.initialProbability(of: node.id) { initial.probabilities[node.id] = p }
        }
        for state in config.initialStates where state.nodes.count > 1 {
            initial.joint.append(.init(nodes: state.nodes, choices: state.choices.map { .init(weight: $0.weight, levels: $0.values) }))
        }
        self.init(rates: rates, parameters: config.parameters, initial: initial)
    }
}
