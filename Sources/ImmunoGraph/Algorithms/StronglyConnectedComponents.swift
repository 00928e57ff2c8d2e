extension MechanismGraph {
    /// The strongly connected components, by Tarjan's algorithm (iterative: no recursion, so a
    /// chain of any length is safe). Components come in reverse topological order of the
    /// condensation (a component is listed before any component that reaches it); nodes inside a
    /// component are sorted by index.
    ///
    /// Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1972.
    /// - Complexity: O(N + E) time and memory.
    public func stronglyConnectedComponents() -> [[Int]] {
        let successors = (0..<nodeCount).map { u in (Int(outOffsets[u])..<Int(outOffsets[u + 1])).map { Int(edgeTarget[$0]) } }
        return StronglyConnectedComponents.of(successors: successors).map { $0.sorted() }
    }

    /// For every node, the position of its component in ``stronglyConnectedComponents()``.
    public func componentIndex() -> [Int] {
        var result = [Int](repeating: 0, count: nodeCount)
        for (c, component) in stronglyConnectedComponents().enumerated() {
            for v in component { result[v] = c }
        }
        return result
    }
}

/// Tarjan's strongly connected components of any graph given as adjacency lists, for the
/// package's analyses that work on their own graphs (regulators of a logical model, readers of a
/// fixed-point search). ``MechanismGraph/stronglyConnectedComponents()`` is this on the model.
public enum StronglyConnectedComponents {
    /// The components of the graph with edges `u → successors[u][k]`, iteratively (no recursion,
    /// so a chain of any length is safe). Components come in Tarjan's order — a component before
    /// any component that reaches it — and nodes inside a component in the order they leave the
    /// search stack (callers sort as they need).
    ///
    /// Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1972.
    /// - Complexity: O(N + E) time and memory.
    public static func of(successors: [[Int]]) -> [[Int]] {
        let n = successors.count
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        // Call stack of (node, next successor position).
        var frames: [(node: Int, next: Int)] = []
        for root in 0..<n where index[root] < 0 {
            frames.append((root, 0))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (u, next) = frames.last {
                if next < successors[u].count {
                    frames[frames.count - 1].next += 1
                    let v = successors[u][next]
                    if index[v] < 0 {
                        index[v] = counter; low[v] = counter; counter += 1
                        stack.append(v); onStack[v] = true
                        frames.append((v, 0))
                    } else if onStack[v] {
                        low[u] = min(low[u], index[v])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[u]) }
                if low[u] == index[u] {
                    var component: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == u { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
