/// The node order of the asynchronous-attractor search. The search uses one decision-diagram
/// variable per node, in node order, and saturation fires each node's update on the part of the
/// diagram below its regulators: an order keeping every node near its regulators (the banded
/// order, ``LogicalModel/bandedOrder()``) keeps the diagrams and the events local. On BBM 014 it
/// takes the search from more than 60 s to 7 s. The search runs on the model with its nodes
/// permuted, and its answers are permuted back.
extension LogicalModel {
    /// The nodes in the order the attractor search uses them (position k holds node
    /// `order[k]`), or `nil` when that is the model's own order.
    ///
    /// - Complexity: O(N log N + E).
    func attractorSearchOrder() -> [Int]? {
        let position = bandedOrder()
        var order = [Int](repeating: 0, count: nodeCount)
        for (i, p) in position.enumerated() { order[p] = i }
        return order == Array(0..<nodeCount) ? nil : order
    }

    /// The same model with its nodes in `order` (node k of the result is node `order[k]`):
    /// functions, clamps and initial levels follow their nodes.
    ///
    /// - Complexity: recompiles the model, O(total rule size).
    func permuted(_ order: [Int]) throws(LogicalAnalysisError) -> LogicalModel {
        var position = [Int](repeating: 0, count: nodeCount)
        for (k, i) in order.enumerated() { position[i] = k }
        do {
            return try LogicalModel(name: name, nodes: order.map { (nodeIDs[$0], maxLevels[$0]) },
                                    functions: order.map { functions[$0] },
                                    clamps: clamps.map { LogicalClamp(node: position[$0.node], level: $0.level, window: $0.window) },
                                    initialLevels: order.map { initialLevels[$0] })
        } catch {
            throw LogicalAnalysisError("'\(name)' could not be reordered for the attractor search: \(error.message)")
        }
    }
}

/// Values listed in a permuted node order, put back in the original order.
func unpermuted<T>(_ values: [T], _ order: [Int]) -> [T] {
    var result = values
    for (k, i) in order.enumerated() { result[i] = values[k] }
    return result
}
