/// A walk along edges with the product of their signs: a simple path between two nodes, or an
/// elementary circuit (a feedback loop) when it ends where it starts.
public struct SignedPath: Hashable, Sendable {
    /// The node indices visited, in order. For a loop the first node is repeated at the end.
    public var nodes: [Int]
    /// The edge indices taken, in order (`nodes.count - 1` of them).
    public var edges: [Int]
    /// The product of the edge signs: `.activates` for an even number of inhibitions.
    public var sign: Sign

    /// Creates a signed path.
    public init(nodes: [Int], edges: [Int], sign: Sign) {
        self.nodes = nodes
        self.edges = edges
        self.sign = sign
    }

    /// The number of edges.
    public var length: Int { edges.count }

    /// Whether the path returns to its first node.
    public var isLoop: Bool { nodes.count > 1 && nodes.first == nodes.last }
}

extension MechanismGraph {
    /// `"A -> B -| C"` with the graph's identifiers.
    public func describe(_ path: SignedPath) -> String {
        guard let first = path.nodes.first else { return "" }
        var text = nodes[first].id
        for e in path.edges {
            text += " \(edges[e].sign.arrow) \(nodes[target(ofEdge: e)].id)"
        }
        return text
    }

    /// A score for ordering equally long paths: stated evidence counts 2, implied 1, summed over
    /// the edges' records.
    public func evidenceScore(of path: SignedPath) -> Int {
        path.edges.reduce(0) { total, e in
            total + edges[e].evidence.reduce(0) { $0 + ($1.strength == .stated ? 2 : 1) }
        }
    }

    /// Sorts paths shortest first, then best evidenced, then by their identifiers (deterministic).
    func rankPaths(_ paths: [SignedPath]) -> [SignedPath] {
        let keyed = paths.map { path in
            (path: path, score: evidenceScore(of: path), key: path.nodes.map { nodes[$0].id }.joined(separator: "\u{1}"))
        }
        return keyed.sorted { a, b in
            if a.path.length != b.path.length { return a.path.length < b.path.length }
            if a.score != b.score { return a.score > b.score }
            if a.key != b.key { return a.key < b.key }
            return a.path.edges.lexicographicallyPrecedes(b.path.edges)
        }.map(\.path)
    }
}
