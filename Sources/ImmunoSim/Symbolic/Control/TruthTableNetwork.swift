/// A Boolean model as one truth table per node over its essential regulators — the fast
/// percolation engine of control, which percolates thousands of candidate perturbations.
///
/// Node `i` reads `regulators[i]` (indices, increasing; only those the function really depends
/// on); bit `m` of `table[i]` is the value of `f_i` when regulator `k` has the value of bit `k` of
/// `m`. Permanent clamps make a node constant. Percolation matches
/// ``LogicalModel/percolate(_:)`` (the tests check it) without building decision diagrams.
struct TruthTableNetwork: Sendable {
    /// The most regulators a node may have (its table has 2^k bits).
    static let maximumInDegree = 20

    let n: Int
    let regulators: [[Int]]
    let readers: [[Int]]
    /// One bit per assignment of the regulators, 64 per word.
    let tables: [[UInt64]]

    /// Tabulates every node's function (with the model's permanent clamps applied).
    ///
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model or a node reading more than
    ///   ``maximumInDegree`` nodes.
    /// - Complexity: O(Σ 2^(in-degree + 1)) function evaluations.
    init(_ model: LogicalModel) throws(LogicalAnalysisError) {
        guard model.maxLevels.allSatisfy({ $0 == 1 }) else {
            let multi = model.nodeIDs.indices.filter { model.maxLevels[$0] > 1 }.map { model.nodeIDs[$0] }
            throw LogicalAnalysisError(
                "control needs a Boolean model; '\(model.name)' has multi-valued nodes: "
                    + multi.prefix(8).joined(separator: ", ") + (multi.count > 8 ? ", …" : ""))
        }
        n = model.nodeCount
        let clamps = model.permanentClamps
        var regulators: [[Int]] = []
        var tables: [[UInt64]] = []
        for i in 0..<n {
            if let clamp = clamps.last(where: { $0.node == i }) {
                regulators.append([])
                tables.append([clamp.level > 0 ? 1 : 0])
                continue
            }
            var read = Set(model.functions[i].variables.compactMap { model.index(of: $0) })
            read.insert(i)   // a rule without a default keeps the node's own level
            var candidates = read.sorted()
            guard candidates.count <= Self.maximumInDegree + 1 else {
                throw LogicalAnalysisError("node '\(model.nodeIDs[i])' reads \(candidates.count - 1) nodes; "
                    + "control handles at most \(Self.maximumInDegree)")
            }
            var table = Self.tabulate(model, node: i, over: candidates)
            // Drop the regulators the function does not depend on.
            var k = candidates.count - 1
            while k >= 0 {
                if !Self.dependsOn(table, bit: k, count: candidates.count) {
                    table = Self.project(table, removing: k, count: candidates.count)
                    candidates.remove(at: k)
                }
                k -= 1
            }
            guard candidates.count <= Self.maximumInDegree else {
                throw LogicalAnalysisError("node '\(model.nodeIDs[i])' depends on \(candidates.count) nodes; "
                    + "control handles at most \(Self.maximumInDegree)")
            }
            regulators.append(candidates)
            tables.append(table)
        }
        var readers = [[Int]](repeating: [], count: n)
        for (i, regs) in regulators.enumerated() { for j in regs { readers[j].append(i) } }
        self.regulators = regulators
        self.readers = readers
        self.tables = tables
    }

    static func bit(_ table: [UInt64], _ m: Int) -> Bool { table[m >> 6] >> UInt64(m & 63) & 1 == 1 }

    static func tabulate(_ model: LogicalModel, node i: Int, over regs: [Int]) -> [UInt64] {
        let size = 1 << regs.count
        var table = [UInt64](repeating: 0, count: (size + 63) / 64)
        var state = [Int](repeating: 0, count: model.nodeCount)
        for m in 0..<size {
            for (k, j) in regs.enumerated() { state[j] = m >> k & 1 }
            if model.referenceTarget(of: i, in: state) > 0 { table[m >> 6] |= 1 << UInt64(m & 63) }
        }
        return table
    }

    static func dependsOn(_ table: [UInt64], bit k: Int, count: Int) -> Bool {
        for m in 0..<(1 << count) where m >> k & 1 == 0 {
            if bit(table, m) != bit(table, m | 1 << k) { return true }
        }
        return false
    }

    static func project(_ table: [UInt64], removing k: Int, count: Int) -> [UInt64] {
        let size = 1 << (count - 1)
        var result = [UInt64](repeating: 0, count: (size + 63) / 64)
        for m in 0..<size {
            let low = m & ((1 << k) - 1), high = (m >> k) << (k + 1)
            if bit(table, high | low) { result[m >> 6] |= 1 << UInt64(m & 63) }
        }
        return result
    }

    /// The value `f_i` takes on every state of the subspace `values` (−1 free), or `nil` when it
    /// is not constant there.
    ///
    /// - Complexity: O(2^(free regulators of i)).
    func constantValue(of i: Int, in values: [Int8]) -> Int8? {
        var base = 0
        var free = 0  // a bit per free regulator position
        for (k, j) in regulators[i].enumerated() {
            if values[j] < 0 { free |= 1 << k } else if values[j] > 0 { base |= 1 << k }
        }
        let table = tables[i]
        let first = Self.bit(table, base)
        // Every non-empty subset of the free positions, without allocating.
        var subset = free
        while subset != 0 {
            if Self.bit(table, base | subset) != first { return nil }
            subset = (subset - 1) & free
        }
        return first ? 1 : 0
    }

    /// Percolates `start` (its fixed values held) like ``LogicalModel/percolate(_:)``.
    func percolate(_ start: [Int8], steps wanted: Bool = true) -> (values: [Int8], steps: [PercolationStep]) {
        percolationRounds(start, regulators: regulators, readers: readers, recordSteps: wanted) { i, values in
            constantValue(of: i, in: values)
        }
    }

    /// The nodes upstream of `nodes` (them included): every node with a path of essential
    /// regulations to one of them.
    func ancestors(of nodes: [Int]) -> Set<Int> {
        var seen = Set(nodes)
        var stack = nodes
        while let i = stack.popLast() {
            for j in regulators[i] where seen.insert(j).inserted { stack.append(j) }
        }
        return seen
    }
}
