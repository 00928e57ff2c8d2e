/// Minimal trap spaces with inputs fixed, listed by a search over the input valuations when the
/// whole encoding is too large (BBM 195: 55 inputs, at least 2^55 minimal trap spaces).
///
/// Depth first over the inputs (nodes whose function is their own value): fix one at 0, then at
/// 1, percolating after each; once no input is free, the nodes still free form a *residual*
/// network (their functions restricted to the fixed values), usually small, whose minimal trap
/// spaces the two-rail encoding (`TrapSpaceEncoding`) gives. Residuals met again (the same free
/// nodes with the same restricted functions — equal diagrams, equal handles) are answered from a
/// memo. The search stops after `limit` trap spaces.
///
/// Exact because (1) every minimal trap space fixes every input (`M ∩ {u = 0}` would be a
/// smaller trap space), so the minimal trap spaces are partitioned by input valuation, and the
/// valuation's subspace is a trap space: its minimal trap spaces are the model's that fix those
/// inputs; (2) every minimal trap space inside a trap space `X` lies in the percolation of `X` (a
/// node constant on `X` left free could be fixed, giving a smaller trap space), and the
/// percolation is itself a trap space; (3) inside it, they are exactly the residual network's
/// minimal trap spaces (a residual node reading only itself is an input of the residual, fixed by
/// its encoding alike). Every input valuation holds at least one minimal trap space, so the
/// search visits at most `limit` leaves.
struct MinimalTrapSpaceSearch {
    var network: SymbolicNetwork
    /// The model's variable order (each node's position), restricted to each residual.
    let order: [Int]
    /// The inputs, most-read first.
    let inputs: [Int]
    let budget: DiagramBudget?
    /// The minimal trap spaces of each residual met (values of its nodes, in node order), keyed
    /// by (node, restricted function) pairs; `complete` when not cut by a limit.
    var memo: [[UInt32]: (spaces: [[Int8]], complete: Bool)] = [:]
    /// Whether a residual encoding ran out of the budget.
    var exhausted = false

    init(_ model: LogicalModel, budget: DiagramBudget?) throws(LogicalAnalysisError) {
        var network = try SymbolicNetwork(model)
        let isInput = (0..<network.n).map { network.functions[$0] == network.dd.variable($0) }
        let readers = network.readers
        inputs = (0..<network.n).filter { isInput[$0] }.sorted { (readers[$0].count, -$0) > (readers[$1].count, -$1) }
        self.network = network
        order = model.bandedOrder()
        self.budget = budget
    }

    /// At most `limit` minimal trap spaces, and whether they are all (`nil` when the budget ran out).
    mutating func run(limit: Int) throws(LogicalAnalysisError) -> (spaces: [Subspace], complete: Bool)? {
        var found: [[Int8]] = []
        // Each entry: values percolated except for the input just fixed (-1: nothing fixed yet).
        var stack = [([Int8](repeating: -1, count: network.n), -1)]
        var steps = 0
        while let (popped, fixed) = stack.popLast() {
            let values = percolate(popped, changed: fixed < 0 ? nil : [fixed])
            steps += 1
            if steps & 255 == 0, budget?.isPastDeadline == true { return nil }
            if let u = inputs.first(where: { values[$0] < 0 }) {
                for value: Int8 in [1, 0] {
                    var next = values
                    next[u] = value
                    stack.append((next, u))
                }
                continue
            }
            guard let residual = try residualSpaces(values, limit: limit - found.count) else { return nil }
            for (k, space) in residual.spaces.enumerated() {
                found.append(space)
                if found.count >= limit {
                    // Complete only if this was the last trap space anywhere.
                    let complete = stack.isEmpty && residual.complete && k == residual.spaces.count - 1
                    return (TrapSpaceEncoding.sortedByText(found.map(Subspace.init(values:))), complete)
                }
            }
        }
        return (TrapSpaceEncoding.sortedByText(found.map(Subspace.init(values:))), true)
    }

    /// `values` percolated (its fixed values held); with `changed`, only from those nodes' readers.
    mutating func percolate(_ values: [Int8], changed: [Int]? = nil) -> [Int8] {
        percolationRounds(values, regulators: network.regulators, readers: network.readers, recordSteps: false,
                          changed: changed) { i, values in
            let f = network.dd.restrict(network.functions[i], assignment: values)
            return f.isConstant ? (f == .one ? 1 : 0) : nil
        }.values
    }

    /// The minimal trap spaces (full value vectors, at most `limit`) inside the percolated
    /// `values` with every input fixed, from the encoding of its free nodes (memoised).
    mutating func residualSpaces(_ values: [Int8], limit: Int) throws(LogicalAnalysisError) -> (spaces: [[Int8]], complete: Bool)? {
        let part = (0..<network.n).filter { values[$0] < 0 }
        let functions = part.map { network.dd.restrict(network.functions[$0], assignment: values) }
        let key = zip(part, functions).flatMap { [UInt32($0), $1.raw] }
        var local: (spaces: [[Int8]], complete: Bool)
        if let known = memo[key], known.complete || known.spaces.count >= limit {
            local = (Array(known.spaces.prefix(limit)), known.complete && known.spaces.count <= limit)
        } else if part.isEmpty {
            local = ([[]], true)
        } else {
            var encoding = try residualEncoding(part, functions)
            guard !encoding.exceeded else { exhausted = true; return nil }
            let set = encoding.extremeSet(.minimal)
            guard !encoding.dd.isExhausted else { exhausted = true; return nil }
            let listed = encoding.list(set, limit: limit).map(\.values)
            local = (listed, Double(listed.count) >= encoding.count(set))
            memo[key] = local
        }
        let spaces = local.spaces.map { residual in
            var full = values
            for (k, i) in part.enumerated() { full[i] = residual[k] }
            return full
        }
        return (spaces, local.complete)
    }

    /// The two-rail encoding of the residual network on `part` (functions restricted), over its
    /// own diagram, in the model's order restricted to the part.
    mutating func residualEncoding(_ part: [Int], _ functions: [BDD]) throws(LogicalAnalysisError) -> TrapSpaceEncoding {
        let ranked = part.indices.sorted { order[part[$0]] < order[part[$1]] }
        var position = [Int](repeating: 0, count: part.count)
        for (p, k) in ranked.enumerated() { position[k] = p }
        let source = network.dd
        let n = network.n
        return try TrapSpaceEncoding(nodeCount: part.count, position: position, inputs: .fixed, candidatesFor: .minimal,
                                     budget: budget, cacheSize: part.count <= 40 ? 1 << 13 : 1 << 18) {
            (target: inout DecisionDiagram, variableOf: (Int) -> Int) throws(LogicalAnalysisError) -> [BDD] in
            var mapping = [Int](repeating: 0, count: max(1, n))
            for (k, i) in part.enumerated() { mapping[i] = variableOf(k) }
            return functions.map { target.importing($0, from: source, mapping: mapping) }
        }
    }
}
