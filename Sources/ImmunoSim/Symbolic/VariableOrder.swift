extension LogicalModel {
    /// A variable order for symbolic analyses that keeps each node near its regulators: the
    /// reverse Cuthill–McKee order of the undirected regulatory graph (breadth-first from a
    /// least-connected node of each component, neighbours by increasing degree, then reversed),
    /// which narrows the band of every node's constraint. Returns each node's position.
    ///
    /// - Complexity: O(N log N + E).
    func bandedOrder() -> [Int] {
        let n = nodeCount
        var index: [String: Int] = [:]
        for (i, id) in nodeIDs.enumerated() { index[id] = i }
        var neighbours = [Set<Int>](repeating: [], count: n)
        for (i, function) in functions.enumerated() {
            for id in function.variables {
                guard let j = index[id], j != i else { continue }
                neighbours[i].insert(j)
                neighbours[j].insert(i)
            }
        }
        let degree = neighbours.map(\.count)
        var visited = [Bool](repeating: false, count: n)
        var order: [Int] = []
        let starts = (0..<n).sorted { (degree[$0], $0) < (degree[$1], $1) }
        for start in starts where !visited[start] {
            visited[start] = true
            var queue = [start]
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for v in neighbours[u].sorted(by: { (degree[$0], $0) < (degree[$1], $1) }) where !visited[v] {
                    visited[v] = true
                    queue.append(v)
                }
            }
            order.append(contentsOf: queue)
        }
        var position = [Int](repeating: 0, count: n)
        for (p, i) in order.reversed().enumerated() { position[i] = p }
        return position
    }
}
