import ImmunoGraph
import Testing

/// Brute-force references on small graphs: adjacency matrices and all sequences of distinct nodes.
private struct BruteForce {
    let graph: MechanismGraph
    var n: Int { graph.nodeCount }

    /// reach[u][v]: v reachable from u by ≥ 1 edge (Warshall).
    func reach() -> [[Bool]] {
        var r = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for e in 0..<graph.edgeCount { r[graph.source(ofEdge: e)][graph.target(ofEdge: e)] = true }
        for k in 0..<n { for i in 0..<n where r[i][k] { for j in 0..<n where r[k][j] { r[i][j] = true } } }
        return r
    }

    /// Every sequence of distinct nodes, in no particular order (n ≤ 7).
    func sequences() -> [[Int]] {
        var result: [[Int]] = []
        func extend(_ prefix: [Int]) {
            if !prefix.isEmpty { result.append(prefix) }
            for v in 0..<n where !prefix.contains(v) { extend(prefix + [v]) }
        }
        extend([])
        return result
    }

    /// The (node sequence, sign) walks along a node sequence, one per choice of parallel edges.
    func signedWalks(_ nodes: [Int]) -> [([Int], Sign)] {
        var partial: [Sign] = [.activates]
        for (a, b) in zip(nodes, nodes.dropFirst()) {
            let signs = graph.outEdges(of: a).filter { graph.target(ofEdge: $0) == b }.map { graph.edges[$0].sign }
            partial = partial.flatMap { p in signs.map { p.composed(with: $0) } }
            if partial.isEmpty { return [] }
        }
        return partial.map { (nodes, $0) }
    }
}

private struct Walk: Hashable { var nodes: [Int]; var sign: Sign }

@Suite("Graph algorithms against brute force")
struct AlgorithmTests {
    @Test(arguments: 0..<40)
    func reachabilityAndComponentsMatchBruteForce(seed: Int) throws {
        let graph = try randomGraph(nodes: 3 + seed % 6, edgeProbability: 0.25, seed: UInt64(seed))
        let brute = BruteForce(graph: graph)
        let reach = brute.reach()
        for u in 0..<graph.nodeCount {
            #expect(Set(graph.descendants(of: u)) == Set((0..<graph.nodeCount).filter { reach[u][$0] }))
            #expect(Set(graph.ancestors(of: u)) == Set((0..<graph.nodeCount).filter { reach[$0][u] }))
        }
        let components = graph.stronglyConnectedComponents()
        #expect(components.flatMap { $0 }.sorted() == Array(0..<graph.nodeCount))
        let index = graph.componentIndex()
        for u in 0..<graph.nodeCount {
            for v in 0..<graph.nodeCount {
                let same = u == v || (reach[u][v] && reach[v][u])
                #expect((index[u] == index[v]) == same)
            }
        }
        // Reverse topological order: no edge goes from an earlier component to a later one.
        for e in 0..<graph.edgeCount {
            #expect(index[graph.source(ofEdge: e)] >= index[graph.target(ofEdge: e)])
        }
    }

    @Test(arguments: 0..<40)
    func feedbackLoopsMatchBruteForce(seed: Int) throws {
        let graph = try randomGraph(nodes: 2 + seed % 5, edgeProbability: 0.35, seed: UInt64(1000 + seed))
        let maxLength = 2 + seed % 4
        let brute = BruteForce(graph: graph)
        // A multiset: parallel edges can give the same nodes and sign by different edges.
        var expected: [Walk: Int] = [:]
        for sequence in brute.sequences() where sequence.count <= maxLength {
            guard let first = sequence.first, sequence.allSatisfy({ $0 >= first }) else { continue }
            for (nodes, sign) in brute.signedWalks(sequence + [first]) { expected[Walk(nodes: nodes, sign: sign), default: 0] += 1 }
        }
        let loops = graph.feedbackLoops(maxLength: maxLength)
        var found: [Walk: Int] = [:]
        for loop in loops { found[Walk(nodes: loop.nodes, sign: loop.sign), default: 0] += 1 }
        #expect(found == expected, "every circuit exactly once per choice of parallel edges")
        #expect(Set(loops.map(\.edges)).count == loops.count, "no circuit reported twice")
        #expect(loops.allSatisfy { $0.isLoop && $0.length <= maxLength })
        #expect(zip(loops, loops.dropFirst()).allSatisfy { $0.length <= $1.length }, "shortest first")
    }

    @Test(arguments: 0..<40)
    func signedPathsMatchBruteForce(seed: Int) throws {
        let graph = try randomGraph(nodes: 3 + seed % 4, edgeProbability: 0.4, seed: UInt64(2000 + seed))
        let brute = BruteForce(graph: graph)
        let maxLength = 1 + seed % 4
        let source = 0
        let target = graph.nodeCount - 1
        var expected: [Walk: Int] = [:]
        for sequence in brute.sequences()
        where sequence.first == source && sequence.last == target && sequence.count - 1 <= maxLength {
            for (nodes, sign) in brute.signedWalks(sequence) { expected[Walk(nodes: nodes, sign: sign), default: 0] += 1 }
        }
        func multiset(_ paths: [SignedPath]) -> [Walk: Int] {
            var result: [Walk: Int] = [:]
            for path in paths { result[Walk(nodes: path.nodes, sign: path.sign), default: 0] += 1 }
            return result
        }
        let paths = graph.signedPaths(from: source, to: target, maxLength: maxLength, limit: 10_000)
        #expect(multiset(paths) == expected)
        #expect(zip(paths, paths.dropFirst()).allSatisfy { $0.length <= $1.length }, "shortest first")
        let positives = graph.signedPaths(from: source, to: target, maxLength: maxLength, sign: .activates, limit: 10_000)
        #expect(multiset(positives) == expected.filter { $0.key.sign == .activates })
    }

    @Test func flagshipPathsAndLoopsCarryTheRightSigns() throws {
        let graph = try Catalog.flagship()
        let antiPD1 = try #require(graph.index(of: "ANTI_PD1"))
        let tim3 = try #require(graph.index(of: "TIM3"))
        let pdl1 = try #require(graph.index(of: "PDL1"))
        let toTIM3 = graph.signedPaths(from: antiPD1, to: tim3)
        #expect(toTIM3.map { graph.describe($0) } == ["ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> TIM3"])
        #expect(toTIM3.first?.sign == .activates)
        #expect(graph.signedPaths(from: antiPD1, to: pdl1).first.map(graph.describe)
            == "ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> IFNG -> PDL1")
        #expect(graph.signedPaths(from: antiPD1, to: tim3, sign: .inhibits).isEmpty)
        let loops = graph.feedbackLoops()
        #expect(loops.count == 2)
        #expect(loops.allSatisfy { $0.sign == .inhibits })
        #expect(loops.first.map(graph.describe) == "TIM3 -| T_CELL_ACTIVATION -> CD8_T -> TIM3")
        #expect(graph.feedbackLoops(through: pdl1).count == 1)
    }

    @Test func neighbourhoodKeepsNodesWithinRadius() throws {
        let graph = try Catalog.flagship()
        let ifng = try #require(graph.index(of: "IFNG"))
        let sub = graph.neighbourhood(of: [ifng], radius: 1)
        #expect(Set(sub.nodes.map(\.id)) == ["IFNG", "CD8_T", "PDL1"])
        #expect(Set(sub.edges.map(\.arrowDescription)) == ["CD8_T -> IFNG", "IFNG -> PDL1"])
        let two = graph.neighbourhood(of: [ifng], radius: 2)
        #expect(Set(two.nodes.map(\.id)) == ["IFNG", "CD8_T", "PDL1", "T_CELL_ACTIVATION", "TIM3", "TUMOR_CELL", "PD1", "ANTI_PDL1"])
    }

    @Test func hundredThousandNodeChainDoesNotOverflowTheStack() throws {
        let n = 100_000
        var builder = GraphBuilder(name: "chain")
        for i in 0..<n { builder.add(Node("c\(i)")) }
        for i in 0..<(n - 1) { builder.add(Edge("c\(i)", i % 2 == 0 ? .activates : .inhibits, "c\(i + 1)")) }
        let chain = try builder.build()
        #expect(chain.descendants(of: 0).count == n - 1)
        #expect(chain.ancestors(of: n - 1).count == n - 1)
        #expect(chain.stronglyConnectedComponents().count == n)
        #expect(chain.feedbackLoops().isEmpty)
        let path = chain.signedPaths(from: 0, to: n - 1, maxLength: n)
        #expect(path.count == 1)
        #expect(path.first?.length == n - 1)
        #expect(path.first?.sign == ((n - 1) / 2 % 2 == 0 ? .activates : .inhibits))

        // Close the chain into one big cycle: one component, one loop.
        builder.add(Edge("c\(n - 1)", .activates, "c0"))
        let ring = try builder.build()
        #expect(ring.stronglyConnectedComponents().count == 1)
        #expect(ring.feedbackLoops(maxLength: n).count == 1)
    }
}
