/// A point in layout coordinates (pixels, y growing downward).
public struct LayoutPoint: Sendable, Equatable {
    /// Horizontal position.
    public var x: Double
    /// Vertical position.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A layered (Sugiyama-style) drawing of a directed graph, top to bottom.
///
/// 1. Cycles are broken by reversing the back edges of an iterative depth-first search that starts
///    from the sources (nodes without in-edges) in index order.
/// 2. Longest-path layering on the resulting acyclic graph; a source is then pulled down to sit just
///    above its highest successor, so a therapy is drawn next to its target.
/// 3. Edges spanning several layers get one dummy node per crossed layer.
/// 4. Barycentre ordering (Sugiyama, Tagawa & Toda 1981): alternate down and up sweeps; the ordering
///    with the fewest crossings seen is kept.
/// 5. Horizontal positions: each node is pulled toward the mean of its neighbours, then placements
///    packed from the left and from the right are averaged, which keeps the order and the gaps.
///
/// Everything is iterative and deterministic. Self-loops take no part in the layout.
///
/// - Complexity: O(S · E' log E') for ordering, where S is the number of sweeps and E' the number of
///   edge segments after dummy insertion, plus O(R · V') for the R coordinate rounds over V' real
///   and dummy nodes.
public struct LayeredLayout: Sendable {
    /// Spacing parameters.
    public struct Options: Sendable, Equatable {
        /// Vertical gap between layers (between the bottom of one and the top of the next).
        public var layerGap: Double = 56
        /// Horizontal gap between neighbouring nodes.
        public var nodeGap: Double = 22
        /// Width reserved for a dummy node (an edge passing through a layer).
        public var dummyWidth: Double = 4
        /// Horizontal gap between two dummy nodes (parallel long edges run this close).
        public var dummyGap: Double = 6
        /// Number of down+up barycentre sweeps.
        public var sweeps: Int = 12
        /// Number of coordinate refinement rounds.
        public var refinements: Int = 24

        /// The default options.
        public init() {}
    }

    /// The layer of each node (0 at the top).
    public let layers: [Int]
    /// The left-to-right order of real and dummy nodes in each layer; indices ≥ `nodeCount` are dummies.
    public let order: [[Int]]
    /// Whether each edge was reversed to break a cycle (its route then runs upward).
    public let reversed: [Bool]
    /// The centre of each node.
    public let centers: [LayoutPoint]
    /// For each edge, the points its drawing passes through: source centre, dummy centres, target
    /// centre, in the edge's own direction. Self-loops have just their node's centre.
    public let routes: [[LayoutPoint]]
    /// Edge crossings between adjacent layers in the final order.
    public let crossings: Int
    /// The width of the drawing.
    public let width: Double
    /// The height of the drawing.
    public let height: Double

    /// Lays out `sizes.count` nodes with the given (width, height) and edges (source, target)
    /// given as node indices; edges with out-of-range ends are ignored.
    public init(sizes: [(width: Double, height: Double)], edges: [(source: Int, target: Int)],
        options: Options = Options())
    {
        let n = sizes.count
        let valid: [Bool] = edges.map { $0.source >= 0 && $0.source < n && $0.target >= 0 && $0.target < n }
        // 1. Break cycles with an iterative DFS.
        var out = [[Int]](repeating: [], count: n)
        var indegree = [Int](repeating: 0, count: n)
        for (e, edge) in edges.enumerated() where valid[e] && edge.source != edge.target {
            out[edge.source].append(e)
            indegree[edge.target] += 1
        }
        var reversed = [Bool](repeating: false, count: edges.count)
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on stack, 2 done
        let roots = (0..<n).filter { indegree[$0] == 0 } + (0..<n).filter { indegree[$0] != 0 }
        for root in roots where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                let node = stack[top].node
                if stack[top].next == out[node].count {
                    state[node] = 2
                    stack.removeLast()
                    continue
                }
                let e = out[node][stack[top].next]
                stack[top].next += 1
                let target = edges[e].target
                if state[target] == 1 {
                    reversed[e] = true
                } else if state[target] == 0 {
                    state[target] = 1
                    stack.append((target, 0))
                }
            }
        }
        // 2. Longest-path layering (Kahn's order) on the acyclic orientation.
        var dagOut = [[Int]](repeating: [], count: n)
        var dagIn = [Int](repeating: 0, count: n)
        var dagEdges: [(Int, Int, Int)] = []  // (upper, lower, edge)
        for (e, edge) in edges.enumerated() where valid[e] && edge.source != edge.target {
            let (a, b) = reversed[e] ? (edge.target, edge.source) : (edge.source, edge.target)
            dagOut[a].append(b)
            dagIn[b] += 1
            dagEdges.append((a, b, e))
        }
        var layer = [Int](repeating: 0, count: n)
        var remaining = dagIn
        var queue = (0..<n).filter { remaining[$0] == 0 }
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for v in dagOut[u] {
                layer[v] = max(layer[v], layer[u] + 1)
                remaining[v] -= 1
                if remaining[v] == 0 { queue.append(v) }
            }
        }
        for u in 0..<n where dagIn[u] == 0 && !dagOut[u].isEmpty {
            layer[u] = (dagOut[u].map { layer[$0] }.min() ?? 1) - 1
        }
        let layerCount = (layer.max() ?? 0) + 1

        // 3. Dummy nodes: virtual node v has layer vLayer[v]; segments join adjacent layers.
        var vLayer = layer
        var vWidth = sizes.map(\.width)
        var segments: [(upper: Int, lower: Int)] = []
        var chains = [[Int]](repeating: [], count: edges.count)  // virtual nodes, top to bottom
        for (a, b, e) in dagEdges {
            var chain = [a]
            var previous = a
            for l in (layer[a] + 1)..<max(layer[a] + 1, layer[b]) {
                let dummy = vLayer.count
                vLayer.append(l)
                vWidth.append(options.dummyWidth)
                segments.append((previous, dummy))
                chain.append(dummy)
                previous = dummy
            }
            segments.append((previous, b))
            chain.append(b)
            chains[e] = chain
        }
        let vCount = vLayer.count
        var up = [[Int]](repeating: [], count: vCount)
        var down = [[Int]](repeating: [], count: vCount)
        for segment in segments {
            down[segment.upper].append(segment.lower)
            up[segment.lower].append(segment.upper)
        }

        // 4. Barycentre ordering.
        var order = [[Int]](repeating: [], count: layerCount)
        for v in 0..<vCount { order[vLayer[v]].append(v) }
        var position = [Double](repeating: 0, count: vCount)
        func renumber(_ layerOrder: [[Int]]) {
            for row in layerOrder { for (i, v) in row.enumerated() { position[v] = Double(i) } }
        }
        func sortLayer(_ l: Int, by neighbours: [[Int]]) {
            let keyed = order[l].map { v -> (Int, Double, Double) in
                let list = neighbours[v]
                let centre = list.isEmpty ? position[v] : list.reduce(0) { $0 + position[$1] } / Double(list.count)
                return (v, centre, position[v])
            }
            order[l] = keyed.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.2 < $1.2 }.map(\.0)
            for (i, v) in order[l].enumerated() { position[v] = Double(i) }
        }
        // Crossings between two layers = inversions of the lower ends once segments are sorted by
        // (upper end, lower end); counted with a Fenwick tree (Barth, Jünger & Mutzel 2002).
        var segmentsByLayer = [[Int]](repeating: [], count: layerCount)
        for (k, segment) in segments.enumerated() { segmentsByLayer[vLayer[segment.upper]].append(k) }
        func countCrossings() -> Int {
            var total = 0
            for l in 0..<layerCount where segmentsByLayer[l].count > 1 && l + 1 < layerCount {
                var pairs: [(upper: Int, lower: Int)] = segmentsByLayer[l].map { k -> (upper: Int, lower: Int) in
                    let segment = segments[k]
                    return (Int(position[segment.upper]), Int(position[segment.lower]))
                }
                pairs.sort { $0.upper != $1.upper ? $0.upper < $1.upper : $0.lower < $1.lower }
                let size = order[l + 1].count
                var tree = [Int](repeating: 0, count: size + 1)
                var inserted = 0
                for (_, lower) in pairs {
                    // Earlier segments whose lower end is strictly right of this one cross it.
                    var i: Int = lower + 1
                    var atMost = 0
                    while i > 0 {
                        atMost += tree[i]
                        i -= i & (0 &- i)
                    }
                    total += inserted - atMost
                    i = lower + 1
                    while i <= size {
                        tree[i] += 1
                        i += i & (0 &- i)
                    }
                    inserted += 1
                }
            }
            return total
        }
        renumber(order)
        var best = order
        var bestCrossings = countCrossings()
        for _ in 0..<max(0, options.sweeps) where bestCrossings > 0 {
            for l in stride(from: 1, to: layerCount, by: 1) { sortLayer(l, by: up) }
            var c = countCrossings()
            if c < bestCrossings { (best, bestCrossings) = (order, c) }
            for l in stride(from: layerCount - 2, through: 0, by: -1) { sortLayer(l, by: down) }
            c = countCrossings()
            if c < bestCrossings { (best, bestCrossings) = (order, c) }
        }
        order = best
        renumber(order)

        // 5. Coordinates.
        func gap(_ a: Int, _ b: Int) -> Double {
            let dummies = (a >= n ? 1 : 0) + (b >= n ? 1 : 0)
            let space = dummies == 2 ? options.dummyGap : dummies == 1 ? (options.nodeGap + options.dummyGap) / 2
                : options.nodeGap
            return (vWidth[a] + vWidth[b]) / 2 + space
        }
        var x = [Double](repeating: 0, count: vCount)
        for row in order {
            var cursor = 0.0
            for (i, v) in row.enumerated() {
                if i > 0 { cursor += gap(row[i - 1], v) - (vWidth[row[i - 1]] + vWidth[v]) / 2 }
                x[v] = cursor + vWidth[v] / 2
                cursor += vWidth[v]
            }
            let shift = -cursor / 2
            for v in row { x[v] += shift }
        }
        for round in 0..<max(0, options.refinements) {
            let layersInOrder = round % 2 == 0 ? Array(0..<layerCount) : Array((0..<layerCount).reversed())
            for l in layersInOrder {
                let row = order[l]
                guard !row.isEmpty else { continue }
                let desired = row.map { v -> Double in
                    let count = up[v].count + down[v].count
                    guard count > 0 else { return x[v] }
                    var sum = 0.0
                    for u in up[v] { sum += x[u] }
                    for u in down[v] { sum += x[u] }
                    return sum / Double(count)
                }
                var fromLeft = desired
                for i in 1..<max(1, row.count) {
                    fromLeft[i] = max(desired[i], fromLeft[i - 1] + gap(row[i - 1], row[i]))
                }
                var fromRight = desired
                for i in stride(from: row.count - 2, through: 0, by: -1) {
                    fromRight[i] = min(desired[i], fromRight[i + 1] - gap(row[i], row[i + 1]))
                }
                for (i, v) in row.enumerated() { x[v] = (fromLeft[i] + fromRight[i]) / 2 }
            }
        }
        var minX = Double.infinity
        var maxX = -Double.infinity
        for v in 0..<vCount {
            minX = min(minX, x[v] - vWidth[v] / 2)
            maxX = max(maxX, x[v] + vWidth[v] / 2)
        }
        if !minX.isFinite { (minX, maxX) = (0, 0) }
        var layerTop = [Double](repeating: 0, count: layerCount)
        var layerHeight = [Double](repeating: 0, count: layerCount)
        for v in 0..<n { layerHeight[layer[v]] = max(layerHeight[layer[v]], sizes[v].height) }
        var cursor = 0.0
        for l in 0..<layerCount {
            layerTop[l] = cursor
            cursor += layerHeight[l] + options.layerGap
        }
        let point = { (v: Int) in
            LayoutPoint(x: x[v] - minX, y: layerTop[vLayer[v]] + layerHeight[vLayer[v]] / 2)
        }
        let centers = (0..<n).map(point)
        var routes = [[LayoutPoint]](repeating: [], count: edges.count)
        for (e, edge) in edges.enumerated() where valid[e] {
            if edge.source == edge.target {
                routes[e] = [centers[edge.source]]
            } else {
                let points = chains[e].map(point)
                routes[e] = reversed[e] ? points.reversed() : points
            }
        }
        self.layers = layer
        self.order = order
        self.reversed = reversed
        self.centers = centers
        self.routes = routes
        self.crossings = bestCrossings
        self.width = maxX - minX
        self.height = max(0, cursor - options.layerGap)
    }
}
