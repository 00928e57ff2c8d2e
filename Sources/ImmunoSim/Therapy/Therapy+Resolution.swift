public import ImmunoGraph

/// A therapy resolved against a graph: how it acts, with node and edge indices.
public enum TherapyAction: Hashable, Sendable {
    /// The node's level is the therapy's strength at every step (a therapy node or a supplied input).
    case drive(node: Int)
    /// The node's outgoing influence is scaled by `1 − strength`.
    case blockNode(Int)
    /// The edges' influence is scaled by `1 − strength`.
    case blockEdges([Int])
    /// The node's target level is scaled by `1 − strength`.
    case deplete(node: Int)
    /// The node's target level is raised to at least the strength.
    case supply(node: Int)
    /// The node's target level becomes `1 − (1 − f)(1 − strength)`.
    case damage(node: Int)
}

extension Therapy {
    /// How this therapy acts in `graph` (see the type's documentation for the rule).
    ///
    /// - Throws: ``PerturbationError`` when the target or the therapy node is not in the graph (with
    ///   a suggestion), when an edge target does not exist, or when a number is out of range.
    public func action(in graph: MechanismGraph) throws -> TherapyAction {
        if let problem = problems.first { throw PerturbationError(problem) }
        if !actsDirectly, let node = graph.index(of: name), graph.nodes[node].isTherapy {
            return .drive(node: node)
        }
        func index(_ id: String) throws -> Int {
            guard let i = graph.index(of: id) else {
                throw PerturbationError("therapy '\(name)': " + graph.unknownNodeMessage(id))
            }
            return i
        }
        switch target {
        case .node(let id):
            let node = try index(id)
            switch mode {
            case .block: return .blockNode(node)
            case .deplete: return .deplete(node: node)
            case .supply:
                if graph.nodes[node].isTherapy || graph.inDegree(of: node) == 0 { return .drive(node: node) }
                return .supply(node: node)
            case .damage: return .damage(node: node)
            }
        case .edge(let source, let target):
            let s = try index(source)
            let t = try index(target)
            let found = graph.outEdges(of: s).filter { graph.target(ofEdge: $0) == t }
            guard !found.isEmpty else {
                throw PerturbationError("therapy '\(name)': no edge \(source) -> \(target) in model '\(graph.name)'")
            }
            guard case .block = mode else {
                throw PerturbationError("therapy '\(name)': only a block can act on an edge (\(source) -> \(target)); got \(mode)")
            }
            return .blockEdges(found)
        }
    }
}
