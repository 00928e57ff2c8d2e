extension MechanismGraph {
    /// The strongly connected components, by Tarjan's algorithm (iterative: no recursion, so a
    /// chain of any length is safe). Components come in reverse topological order of the
    /// condensation (a component is listed before any component that reaches it); nodes inside a
    /// component are sorted by index.
    ///
    /// Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1972.
    /// - Complexity: O(N + E) time and memory.
    public func stronglyConnectedComponents() -> [[Int]] {
        let n = nodeCount
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        // Call stack of (node, next out-edge position).
        var frames: [(node: Int, next: Int)] = []
        for root in 0..<n where index[root] < 0 {
            frames.append((root, Int(outOffsets[root])))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                let u = frame.node
                let end = Int(outOffsets[u + 1])
                if frame.next < end {
                    frames[frames.count - 1].next += 1
                    let v = Int(edgeTarget[frame.next])
                    if index[v] < 0 {
                        index[v] = counter; low[v] = counter; counter += 1
                        stack.append(v); onStack[v] = true
                        frames.append((v, Int(outOffsets[v])))
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
                    components.append(component.sorted())
                }
            }
        }
        return components
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
