extension MechanismGraph {
    /// The direction in which to follow edges.
    public enum Direction: Sendable {
        /// Along edges (source to target).
        case forward
        /// Against edges (target to source).
        case backward
        /// Both ways, ignoring direction.
        case both
    }

    /// Breadth-first distances from `starts` following edges in `direction`, up to `maxDepth` hops;
    /// unreachable nodes have distance -1.
    ///
    /// - Complexity: O(N + E).
    public func distances(from starts: [Int], direction: Direction = .forward, maxDepth: Int = .max) -> [Int] {
        var distance = [Int](repeating: -1, count: nodeCount)
        var queue: [Int] = []
        queue.reserveCapacity(nodeCount)
        for s in starts where distance[s] < 0 {
            distance[s] = 0
            queue.append(s)
        }
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            let d = distance[u]
            if d >= maxDepth { continue }
            if direction != .backward {
                for e in outEdges(of: u) {
                    let v = Int(edgeTarget[e])
                    if distance[v] < 0 { distance[v] = d + 1; queue.append(v) }
                }
            }
            if direction != .forward {
                for e in inEdges(of: u) {
                    let v = Int(edgeSource[e])
                    if distance[v] < 0 { distance[v] = d + 1; queue.append(v) }
                }
            }
        }
        return distance
    }

    /// The nodes reachable from `node` along one or more edges, in breadth-first order.
    /// `node` itself is included only if it lies on a cycle.
    ///
    /// - Complexity: O(N + E).
    public func descendants(of node: Int) -> [Int] { reachable(from: node, direction: .forward) }

    /// The nodes from which `node` is reachable along one or more edges, in breadth-first order.
    ///
    /// - Complexity: O(N + E).
    public func ancestors(of node: Int) -> [Int] { reachable(from: node, direction: .backward) }

    private func reachable(from start: Int, direction: Direction) -> [Int] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var queue: [Int] = []
        var head = 0
        func visit(_ u: Int) {
            if direction == .forward {
                for e in outEdges(of: u) {
                    let v = Int(edgeTarget[e])
                    if !seen[v] { seen[v] = true; queue.append(v) }
                }
            } else {
                for e in inEdges(of: u) {
                    let v = Int(edgeSource[e])
                    if !seen[v] { seen[v] = true; queue.append(v) }
                }
            }
        }
        visit(start)
        while head < queue.count {
            visit(queue[head])
            head += 1
        }
        return queue
    }
}
