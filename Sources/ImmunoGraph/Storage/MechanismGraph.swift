/// An immutable, typed, signed, evidence-carrying directed graph of a tumour–immune mechanism.
///
/// Build one with ``GraphBuilder`` or the result-builder initializer
/// ``MechanismGraph/init(name:requireEvidence:content:)``; both validate and list every problem.
///
/// Storage is dense: nodes have integer indices `0..<nodeCount`; edges are stored sorted by source
/// (stable in declaration order), so the out-edges of node `i` are the contiguous edge indices
/// ``outEdges(of:)``; in-edges are a second compressed-sparse-row index. Lookup by identifier or
/// synonym is one hash-table probe.
public struct MechanismGraph: Sendable {
    /// The model's name.
    public let name: String
    /// The nodes, by index.
    public let nodes: [Node]
    /// The edges, by index (sorted by source index, stable).
    public let edges: [Edge]
    /// Named backgrounds (sets of clamps) that ship with the model.
    public let backgrounds: [Background]
    /// Warnings found while building (errors stop the build instead).
    public let diagnostics: [Diagnostic]

    let edgeSource: [Int32]
    let edgeTarget: [Int32]
    /// Out-edges of node i are edge indices outOffsets[i]..<outOffsets[i+1].
    let outOffsets: [Int32]
    /// In-edges of node i are inEdgeList[inOffsets[i]..<inOffsets[i+1]].
    let inOffsets: [Int32]
    let inEdgeList: [Int32]
    let lookup: IdentifierTable

    init(
        name: String, nodes: [Node], edges: [Edge], backgrounds: [Background], diagnostics: [Diagnostic],
        edgeSource: [Int32], edgeTarget: [Int32], outOffsets: [Int32], inOffsets: [Int32],
        inEdgeList: [Int32], lookup: IdentifierTable
    ) {
        self.name = name
        self.nodes = nodes
        self.edges = edges
        self.backgrounds = backgrounds
        self.diagnostics = diagnostics
        self.edgeSource = edgeSource
        self.edgeTarget = edgeTarget
        self.outOffsets = outOffsets
        self.inOffsets = inOffsets
        self.inEdgeList = inEdgeList
        self.lookup = lookup
    }

    /// The number of nodes.
    @inlinable public var nodeCount: Int { nodes.count }
    /// The number of edges.
    @inlinable public var edgeCount: Int { edges.count }

    /// The index of the node with this identifier or synonym, or `nil`.
    ///
    /// - Complexity: O(1) expected (one hash of the string).
    public func index(of identifier: String) -> Int? {
        lookup[identifier].map(Int.init)
    }

    /// The node with this identifier or synonym, or `nil`.
    public func node(_ identifier: String) -> Node? {
        index(of: identifier).map { nodes[$0] }
    }

    /// The index of the source node of edge `edge`.
    public func source(ofEdge edge: Int) -> Int { Int(edgeSource[edge]) }
    /// The index of the target node of edge `edge`.
    public func target(ofEdge edge: Int) -> Int { Int(edgeTarget[edge]) }

    /// The indices of the edges leaving node `node`, a contiguous range.
    ///
    /// - Complexity: O(1).
    public func outEdges(of node: Int) -> Range<Int> {
        Int(outOffsets[node])..<Int(outOffsets[node + 1])
    }

    /// The indices of the edges entering node `node`, in declaration order.
    ///
    /// - Complexity: O(1) to obtain; O(in-degree) to walk.
    public func inEdges(of node: Int) -> some RandomAccessCollection<Int> {
        inEdgeList[Int(inOffsets[node])..<Int(inOffsets[node + 1])].lazy.map(Int.init)
    }

    /// The number of edges leaving `node`.
    public func outDegree(of node: Int) -> Int { Int(outOffsets[node + 1] - outOffsets[node]) }
    /// The number of edges entering `node`.
    public func inDegree(of node: Int) -> Int { Int(inOffsets[node + 1] - inOffsets[node]) }

    /// The index of the first edge from `source` to `target`, if any.
    ///
    /// - Complexity: O(out-degree of `source`).
    public func edgeIndex(from source: Int, to target: Int) -> Int? {
        outEdges(of: source).first { edgeTarget[$0] == Int32(target) }
    }

    /// The edges from `source` to `target` (identifiers or synonyms), possibly of both signs.
    public func edges(from source: String, to target: String) -> [Edge] {
        guard let s = index(of: source), let t = index(of: target) else { return [] }
        return outEdges(of: s).filter { edgeTarget[$0] == Int32(t) }.map { edges[$0] }
    }

    /// The background with this name (case-insensitive), if the model ships one.
    public func background(named name: String) -> Background? {
        backgrounds.first { $0.answers(to: name) }
    }

    /// The builder that would produce this graph; use it to derive a modified model.
    public var builder: GraphBuilder {
        var builder = GraphBuilder(name: name)
        for node in nodes { builder.add(node) }
        for edge in edges { builder.add(edge) }
        for background in backgrounds { builder.add(background) }
        return builder
    }
}

extension MechanismGraph: Equatable {
    /// Two graphs are equal when their names, nodes, edges (in order) and backgrounds are equal.
    public static func == (lhs: MechanismGraph, rhs: MechanismGraph) -> Bool {
        lhs.name == rhs.name && lhs.nodes == rhs.nodes && lhs.edges == rhs.edges
            && lhs.backgrounds == rhs.backgrounds
    }
}

extension MechanismGraph: CustomStringConvertible {
    /// A short listing: the name, the counts, then one line per node and edge.
    public var description: String {
        var lines = ["\(name): \(nodeCount) nodes, \(edgeCount) edges"]
        for node in nodes { lines.append("  \(node.id) [\(node.kind)]") }
        for edge in edges { lines.append("  \(edge.arrowDescription) (\(edge.mechanism))") }
        return lines.joined(separator: "\n")
    }
}
