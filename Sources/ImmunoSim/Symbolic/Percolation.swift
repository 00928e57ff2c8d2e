/// One step of a percolation: a node fixed because its function became constant.
public struct PercolationStep: Hashable, Sendable {
    /// The node fixed.
    public var node: Int
    /// The value it is fixed at.
    public var value: Int8
    /// The pass in which it was fixed (1 = read only the values given).
    public var round: Int
    /// The fixed regulators of the node when it was fixed (its function is constant given them).
    public var because: [Int]
}

/// The result of percolating a subspace: the smallest subspace every trajectory from it enters
/// (with the values given held), and the chain of steps that got there.
public struct Percolation: Hashable, Sendable {
    /// The percolated subspace.
    public var subspace: Subspace
    /// The nodes fixed by percolation, in order.
    public var steps: [PercolationStep]
}

extension LogicalModel {
    /// Percolates `subspace`: the values it fixes are held (as permanent perturbations would),
    /// and every free node whose function is constant on the current subspace is fixed at that
    /// constant, repeatedly, until nothing changes.
    ///
    /// Every asynchronous or synchronous trajectory from the subspace (with its values held)
    /// reaches the percolated subspace and stays there, so every attractor lies in it. On a trap
    /// space the result is the usual percolation (the fixed values are then self-consistent).
    ///
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model or a subspace of the wrong size.
    /// - Complexity: O(passes × N) restrictions of node functions (each linear in its diagram).
    public func percolate(_ subspace: Subspace) throws(LogicalAnalysisError) -> Percolation {
        guard subspace.values.count == nodeCount else {
            throw LogicalAnalysisError("subspace has \(subspace.values.count) values for \(nodeCount) nodes")
        }
        var network = try SymbolicNetwork(self)
        return network.percolate(subspace)
    }
}

/// A Boolean model's functions as diagrams over one variable per node (variable `i` = node `i`),
/// with each node's regulators and readers.
struct SymbolicNetwork {
    var dd: DecisionDiagram
    let functions: [BDD]
    let regulators: [[Int]]
    let readers: [[Int]]
    let n: Int

    init(_ model: LogicalModel) throws(LogicalAnalysisError) {
        n = model.nodeCount
        dd = DecisionDiagram(variableCount: max(1, n))
        functions = try model.symbolicFunctions(in: &dd, variableOf: { $0 })
        let dd = self.dd
        regulators = functions.map { dd.support($0) }
        var readers = [[Int]](repeating: [], count: n)
        for (i, regs) in regulators.enumerated() { for j in regs { readers[j].append(i) } }
        self.readers = readers
    }

    /// See ``LogicalModel/percolate(_:)``.
    mutating func percolate(_ start: Subspace) -> Percolation {
        let (values, steps) = percolationRounds(start.values, regulators: regulators, readers: readers) { i, values in
            let f = dd.restrict(functions[i], assignment: values)
            return f.isConstant ? (f == .one ? 1 : 0) : nil
        }
        return Percolation(subspace: Subspace(values: values), steps: steps)
    }
}

/// Percolation in rounds, whatever tells whether a node's function is constant on a subspace: in
/// each round every free node whose regulators changed is asked `constantValue(i, values)`, and the
/// nodes found constant are fixed together (one step each, with the fixed regulators it read).
///
/// - Parameters:
///   - start: the values given (−1 free), held.
///   - regulators, readers: each node's regulators and the nodes reading it.
///   - recordSteps: whether to record the steps (the search only needs the values).
///   - changed: when given, `start` is already percolated except for these nodes' new values,
///     and only their readers are asked first (default: every node).
///   - constantValue: node `i`'s value on every state of `values`, or `nil` if not constant.
/// - Complexity: O(rounds × N) calls of `constantValue`, each node asked again only after one of
///   its regulators was fixed.
func percolationRounds(
    _ start: [Int8], regulators: [[Int]], readers: [[Int]], recordSteps: Bool = true, changed: [Int]? = nil,
    constantValue: (Int, [Int8]) -> Int8?
) -> (values: [Int8], steps: [PercolationStep]) {
    let n = start.count
    var values = start
    var steps: [PercolationStep] = []
    var dirty = [Bool](repeating: changed == nil, count: n)
    for j in changed ?? [] { for r in readers[j] { dirty[r] = true } }
    var fixedNow: [(Int, Int8)] = []
    var round = 0
    var changed = true
    while changed {
        changed = false
        round += 1
        fixedNow.removeAll(keepingCapacity: true)
        for i in 0..<n where values[i] < 0 && dirty[i] {
            dirty[i] = false
            if let value = constantValue(i, values) { fixedNow.append((i, value)) }
        }
        if recordSteps {
            for (i, value) in fixedNow {
                steps.append(PercolationStep(node: i, value: value, round: round,
                                             because: regulators[i].filter { values[$0] >= 0 }))
            }
        }
        for (i, value) in fixedNow {
            values[i] = value
            for r in readers[i] { dirty[r] = true }
            changed = true
        }
    }
    return (values, steps)
}
