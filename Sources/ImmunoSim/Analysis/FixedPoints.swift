import ImmunoGraph

extension LogicalModel {
    /// Every fixed point of the model — every state where each node's target equals its level —
    /// without enumerating the state space.
    ///
    /// A backtracking search over the equations x = f(x): variables are assigned in an order that
    /// follows the dependencies (strongly connected components of the read graph, upstream first;
    /// inputs first), and after each assignment the functions of the nodes that read it are
    /// evaluated on the partial state with three-valued logic (0, 1, unknown). A function whose
    /// value is already determined either contradicts its node's level (backtrack) or forces it
    /// (propagate). Nodes held by permanent clamps are fixed at their clamp and their own equation
    /// is dropped. Results are sorted lexicographically.
    ///
    /// - Parameter limit: stop after this many fixed points (the result is then partial).
    /// - Complexity: exponential in the worst case (the problem is NP-hard); in practice
    ///   milliseconds for published models of hundreds of nodes.
    public func fixedPoints(limit: Int = .max) -> [[Int]] {
        var search = FixedPointSearch(model: self)
        var points: [[Int]] = []
        _ = search.run(limit: limit) { points.append($0) }
        return points.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The fixed points ``fixedPoints(limit:)`` lists, and whether the model has more than `limit`.
    ///
    /// The search runs until it finds `limit + 1` fixed points (or all of them), so memory stays
    /// bounded by `limit` and a truncated listing can say so.
    ///
    /// - Parameter limit: the most fixed points to return (a negative limit counts as 0).
    /// - Returns: the points (sorted lexicographically) and `truncated`, true when more exist.
    public func fixedPoints(upTo limit: Int) -> (points: [[Int]], truncated: Bool) {
        let limit = max(0, limit)
        var search = FixedPointSearch(model: self)
        var points: [[Int]] = []
        let found = search.run(limit: limit == .max ? .max : limit + 1) { points.append($0) }
        let truncated = found > limit
        if truncated { points.removeLast() }
        return (points.sorted { $0.lexicographicallyPrecedes($1) }, truncated)
    }
}

/// The state of the fixed-point search.
struct FixedPointSearch {
    let model: LogicalModel
    let program: LogicalProgram
    /// Three-valued registers: 0, 1, or 2 (unknown).
    var registers: [UInt8]
    /// Each node's level, or -1 when unassigned.
    var value: [Int]
    /// Nodes whose function reads node i (including i itself): the equations node i occurs in.
    var readers: [[Int]]
    /// The variables of node i's equation: i and the nodes its function reads.
    var scopes: [[Int]]
    /// Whether node i's equation is dropped (clamped).
    var isClamped: [Bool]
    var order: [Int]
    var trail: [Int] = []
    var queue: [Int] = []
    var queued: [Bool]

    init(model: LogicalModel) {
        self.model = model
        program = model.program
        let n = model.nodeCount
        registers = [UInt8](repeating: 2, count: program.registerCount)
        registers[0] = 0
        registers[1] = 1
        value = [Int](repeating: -1, count: n)
        isClamped = [Bool](repeating: false, count: n)
        queued = [Bool](repeating: false, count: n)
        // The read graph: node i reads a plane through an instruction or a direct target plane.
        var reads = [Set<Int>](repeating: [], count: n)
        let firstInstruction = LogicalProgram.firstPlane + program.planeCount
        for i in 0..<n {
            var operands: [Int32] = []
            for ins in program.code[program.nodeCode[i]] { operands += [ins.a, ins.b, ins.c] }
            let start = program.planeStart[i] - LogicalProgram.firstPlane
            for k in 0..<model.maxLevels[i] { operands.append(program.targetPlane[start + k]) }
            for r in operands where Int(r) >= LogicalProgram.firstPlane && Int(r) < firstInstruction {
                reads[i].insert(Int(program.planeNode[Int(r) - LogicalProgram.firstPlane]))
            }
        }
        var readers = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            readers[i].append(i)
            for source in reads[i].sorted() where source != i { readers[source].append(i) }
        }
        self.readers = readers
        scopes = (0..<n).map { [$0] + reads[$0].subtracting([$0]).sorted() }
        order = FixedPointSearch.dependencyOrder(reads: reads)
        for clamp in model.permanentClamps {
            isClamped[clamp.node] = true
        }
        for clamp in model.permanentClamps { assign(clamp.node, clamp.level) }
    }

    /// Upstream components first (Tarjan, iterative), inputs (nodes that read only themselves or
    /// nothing) at the very front; within a component, most readers first.
    static func dependencyOrder(reads: [Set<Int>]) -> [Int] {
        let n = reads.count
        var successors = [[Int]](repeating: [], count: n)  // source -> readers
        for i in 0..<n { for s in reads[i].sorted() where s != i { successors[s].append(i) } }
        let components = StronglyConnectedComponents.of(successors: successors)
            .map { $0.sorted { successors[$0].count > successors[$1].count } }
        // Tarjan emits sinks first; reverse for upstream first.
        let ordered = components.reversed().flatMap { $0 }
        let inputs = ordered.filter { reads[$0].subtracting([$0]).isEmpty }
        return inputs + ordered.filter { !reads[$0].subtracting([$0]).isEmpty }
    }

    mutating func assign(_ node: Int, _ level: Int) {
        value[node] = level
        trail.append(node)
        let start = program.planeStart[node]
        for k in 0..<model.maxLevels[node] { registers[start + k] = level > k ? 1 : 0 }
        for reader in readers[node] where !queued[reader] {
            queued[reader] = true
            queue.append(reader)
        }
    }

    mutating func undo(to length: Int) {
        while trail.count > length, let node = trail.popLast() {
            value[node] = -1
            let start = program.planeStart[node]
            for k in 0..<model.maxLevels[node] { registers[start + k] = 2 }
        }
    }

    /// Evaluates node i's target in three-valued logic; returns false on a contradiction, and
    /// assigns the node when its target is determined.
    mutating func check(_ i: Int) -> Bool {
        if isClamped[i] { return true }
        let base = program.register(ofInstruction: 0)
        for p in program.nodeCode[i] {
            let ins = program.code[p]
            let a = registers[Int(ins.a)], b = registers[Int(ins.b)], c = registers[Int(ins.c)]
            registers[base + p] = a == 1 ? b : (a == 0 ? c : (b == c ? b : 2))
        }
        let start = program.planeStart[i] - LogicalProgram.firstPlane
        let m = model.maxLevels[i]
        var target = 0
        var known = true
        for k in 0..<m {
            let t = registers[Int(program.targetPlane[start + k])]
            if t == 2 { known = false; continue }
            if value[i] >= 0 && (t == 1) != (value[i] > k) { return false }
            target += Int(t)
        }
        if known && value[i] < 0 { assign(i, target) }
        return true
    }

    mutating func propagate() -> Bool {
        var ok = true
        while let i = queue.popLast() {
            queued[i] = false
            if ok && !check(i) { ok = false }
        }
        return ok
    }

    /// Calls `visit` with each fixed point (at most `limit`); returns how many were found.
    mutating func run(limit: Int, visit: ([Int]) -> Void) -> Int {
        var found = 0
        for i in 0..<model.nodeCount where !queued[i] {
            queued[i] = true
            queue.append(i)
        }
        guard propagate() else { return 0 }
        // Decisions: (trail length before, node, level tried, position in `order`). Every node
        // before a decision's position was assigned before it, so the scan resumes there.
        var decisions: [(Int, Int, Int, Int)] = []
        var descend = true
        var cursor = 0
        while found < limit {
            if descend {
                while cursor < order.count && value[order[cursor]] >= 0 { cursor += 1 }
                if cursor < order.count {
                    let node = order[cursor]
                    decisions.append((trail.count, node, 0, cursor))
                    assign(node, 0)
                    descend = propagate()
                    continue
                }
                visit(value)
                found += 1
            }
            // Backtrack to the next untried level.
            guard let (length, node, level, position) = decisions.popLast() else { break }
            undo(to: length)
            cursor = position
            if level < model.maxLevels[node] {
                decisions.append((length, node, level + 1, position))
                assign(node, level + 1)
                descend = propagate()
            } else {
                descend = false
            }
        }
        return found
    }
}
