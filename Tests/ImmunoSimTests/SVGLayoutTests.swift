import ImmunoGraph
import ImmunoSim
import Testing

@Suite struct SVGLayoutTests {
    /// A random graph on `n` nodes; acyclic when edges only go from lower to higher rank of a
    /// random permutation.
    static func randomGraph(n: Int, edges m: Int, acyclic: Bool, rng: inout SeededGenerator) -> [(source: Int, target: Int)] {
        let rank = Array(0..<n).shuffled(using: &rng)
        var edges: [(source: Int, target: Int)] = []
        for _ in 0..<m {
            let a = Int.random(in: 0..<n, using: &rng)
            let b = Int.random(in: 0..<n, using: &rng)
            if acyclic {
                guard a != b else { continue }
                edges.append(rank[a] < rank[b] ? (a, b) : (b, a))
            } else {
                edges.append((a, b))
            }
        }
        return edges
    }

    static func sizes(_ n: Int, rng: inout SeededGenerator) -> [(width: Double, height: Double)] {
        (0..<n).map { _ in (Double.random(in: 30...160, using: &rng), 30) }
    }

    @Test func acyclicEdgesGoFromLowerToHigherLayers() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<200 {
            let n = Int.random(in: 1...30, using: &rng)
            let edges = Self.randomGraph(n: n, edges: Int.random(in: 0...(3 * n), using: &rng), acyclic: true, rng: &rng)
            let layout = LayeredLayout(sizes: Self.sizes(n, rng: &rng), edges: edges)
            #expect(!layout.reversed.contains(true), "an acyclic graph needs no reversed edge")
            for (e, edge) in edges.enumerated() {
                #expect(layout.layers[edge.source] < layout.layers[edge.target])
                // The route descends one layer per point.
                let ys = layout.routes[e].map(\.y)
                #expect(zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 })
                #expect(ys.count == layout.layers[edge.target] - layout.layers[edge.source] + 1)
            }
        }
    }

    @Test func cyclesAreBrokenByAFeedbackArcSet() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let n = Int.random(in: 1...25, using: &rng)
            let edges = Self.randomGraph(n: n, edges: Int.random(in: 0...(3 * n), using: &rng), acyclic: false, rng: &rng)
            let layout = LayeredLayout(sizes: Self.sizes(n, rng: &rng), edges: edges)
            for (e, edge) in edges.enumerated() where edge.source != edge.target {
                let (upper, lower) = layout.reversed[e] ? (edge.target, edge.source) : (edge.source, edge.target)
                #expect(layout.layers[upper] < layout.layers[lower])
            }
            // Brute force: the non-reversed edges alone form an acyclic graph (Kahn empties it).
            var indegree = [Int](repeating: 0, count: n)
            for (e, edge) in edges.enumerated() where !layout.reversed[e] && edge.source != edge.target {
                indegree[edge.target] += 1
            }
            var ready = (0..<n).filter { indegree[$0] == 0 }
            var seen = 0
            while let u = ready.popLast() {
                seen += 1
                for (e, edge) in edges.enumerated() where edge.source == u && !layout.reversed[e] && edge.target != u {
                    indegree[edge.target] -= 1
                    if indegree[edge.target] == 0 { ready.append(edge.target) }
                }
            }
            #expect(seen == n)
        }
    }

    @Test func nodesInALayerDoNotOverlapAndCrossingsAreCountedRight() {
        var rng = SeededGenerator(seed: 31)
        var options = LayeredLayout.Options()
        options.nodeGap = 10
        for _ in 0..<100 {
            let n = Int.random(in: 2...20, using: &rng)
            let sizes = Self.sizes(n, rng: &rng)
            let edges = Self.randomGraph(n: n, edges: 2 * n, acyclic: Bool.random(using: &rng), rng: &rng)
            let layout = LayeredLayout(sizes: sizes, edges: edges, options: options)
            for a in 0..<n {
                for b in (a + 1)..<n where layout.layers[a] == layout.layers[b] {
                    let distance = abs(layout.centers[a].x - layout.centers[b].x)
                    #expect(distance >= (sizes[a].width + sizes[b].width) / 2 + 10 - 1e-6)
                }
                #expect(layout.centers[a].x - sizes[a].width / 2 >= -1e-6)
                #expect(layout.centers[a].x + sizes[a].width / 2 <= layout.width + 1e-6)
            }
            // Recount crossings from the routes' straight segments between adjacent layers.
            var segments: [(LayoutPoint, LayoutPoint)] = []
            for route in layout.routes where route.count >= 2 {
                for (p, q) in zip(route, route.dropFirst()) { segments.append(p.y < q.y ? (p, q) : (q, p)) }
            }
            var crossings = 0
            for i in segments.indices {
                for j in segments.indices where j > i && segments[i].0.y == segments[j].0.y {
                    if (segments[i].0.x - segments[j].0.x) * (segments[i].1.x - segments[j].1.x) < 0 { crossings += 1 }
                }
            }
            #expect(crossings == layout.crossings)
        }
    }

    @Test func barycentreOrderingUntanglesASimpleCrossing() {
        // 0 → 3 and 1 → 2 cross in index order; swapping one layer removes the crossing.
        let layout = LayeredLayout(sizes: Array(repeating: (width: 40, height: 20), count: 4),
            edges: [(0, 3), (1, 2)])
        #expect(layout.crossings == 0)
        #expect(layout.layers == [0, 0, 1, 1])
    }

    @Test func flagshipDiagramHasOneElementPerNodeAndEdge() throws {
        let graph = try Catalog.flagship()
        let parsed = parseSVG(NetworkDiagram(graph: graph).svg())
        #expect(parsed.error == nil)
        #expect(parsed.classCounts["node"] == graph.nodeCount)
        #expect(parsed.classCounts["edge"] == graph.edgeCount)
        let inhibitions = graph.edges.filter { $0.sign == .inhibits }.count
        #expect(parsed.classCounts["inhibits"] == inhibitions)
        #expect(parsed.classCounts["activates"] == graph.edgeCount - inhibitions)
        #expect(parsed.classCounts["highlighted"] == nil)
        for node in graph.nodes { #expect(parsed.attributeValues.contains(node.id)) }
    }

    @Test func subsetAndHighlighting() throws {
        let graph = try Catalog.flagship()
        let source = try #require(graph.index(of: "ANTI_PD1"))
        let target = try #require(graph.index(of: "TUMOR_BURDEN"))
        let path = try #require(graph.signedPaths(from: source, to: target, maxLength: 8, limit: 1).first)
        let full = parseSVG(NetworkDiagram(graph: graph, explaining: [path]).svg())
        #expect(full.error == nil)
        #expect(full.classCounts["node"] == graph.nodeCount)
        #expect(full.classCounts["edge"] == graph.edgeCount)
        // Highlighted: every path edge, and every path node.
        #expect(full.elementCounts["path"].map { $0 >= path.edges.count } == true)
        #expect(full.classCounts["highlighted"] == path.edges.count + path.nodes.count)
        let only = parseSVG(NetworkDiagram(graph: graph, explaining: [path], onlyPaths: true).svg())
        #expect(only.classCounts["node"] == path.nodes.count)
        let keep = Set(path.nodes)
        let among = (0..<graph.edgeCount).filter { keep.contains(graph.source(ofEdge: $0)) && keep.contains(graph.target(ofEdge: $0)) }
        #expect(only.classCounts["edge"] == among.count)
    }

    @Test func selfLoopsAndDualEdgesAreDrawn() throws {
        var builder = GraphBuilder(name: "loops")
        builder.add(Node("A", kind: .cell))
        builder.add(Node("B", kind: .cytokine))
        builder.add(Edge("A", .activates, "A"))
        builder.add(Edge("A", .activates, "B", note: "dual"))
        builder.add(Edge("A", .inhibits, "B", note: "dual"))
        builder.add(Edge("B", .inhibits, "A"))
        let graph = try builder.build()
        let parsed = parseSVG(NetworkDiagram(graph: graph).svg())
        #expect(parsed.error == nil)
        #expect(parsed.classCounts["node"] == 2)
        #expect(parsed.classCounts["edge"] == 4)
    }
}
