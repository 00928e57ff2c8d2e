import ImmunoGraph

/// Compiles node functions into a ``LogicalProgram`` with constant folding.
struct LogicalCompiler {
    typealias Register = Int32
    var program: LogicalProgram
    let index: [String: Int]
    let maxLevels: [Int]
    /// NOT already computed for a register (within the current node).
    var negations: [Register: Register] = [:]

    init(nodeIDs: [String], maxLevels: [Int]) {
        var start: [Int] = []
        var planeNode: [Int32] = []
        var next = LogicalProgram.firstPlane
        for (i, m) in maxLevels.enumerated() {
            start.append(next)
            next += m
            planeNode.append(contentsOf: repeatElement(Int32(i), count: m))
        }
        program = LogicalProgram(
            planeCount: planeNode.count, planeStart: start, planeNode: planeNode, code: [],
            nextPlane: [], targetPlane: [], nodeCode: [])
        var index: [String: Int] = [:]
        for (i, id) in nodeIDs.enumerated() { index[id] = i }
        self.index = index
        self.maxLevels = maxLevels
    }

    // MARK: Folding constructors

    mutating func emit(_ a: Register, _ b: Register, _ c: Register) -> Register {
        program.code.append(.init(a: a, b: b, c: c))
        return Register(program.register(ofInstruction: program.code.count - 1))
    }

    /// `(s & h) | (!s & l)` with constant folding.
    mutating func mux(_ s: Register, _ h: Register, _ l: Register) -> Register {
        let zero = LogicalProgram.zero, one = LogicalProgram.one
        if s == one || h == l { return h }
        if s == zero { return l }
        if h == one && l == zero { return s }
        if s == h { return mux(s, one, l) }
        if s == l { return mux(s, h, zero) }
        return emit(s, h, l)
    }

    mutating func and(_ a: Register, _ b: Register) -> Register { mux(a, b, LogicalProgram.zero) }
    mutating func or(_ a: Register, _ b: Register) -> Register { mux(a, LogicalProgram.one, b) }
    mutating func not(_ a: Register) -> Register {
        if a == LogicalProgram.zero { return LogicalProgram.one }
        if a == LogicalProgram.one { return LogicalProgram.zero }
        if let known = negations[a] { return known }
        let r = emit(a, LogicalProgram.zero, LogicalProgram.one)
        negations[a] = r
        negations[r] = a
        return r
    }

    /// The register "node ≥ level" of the *current* state.
    func atLeast(_ node: Int, _ level: Int) -> Register {
        if level <= 0 { return LogicalProgram.one }
        if level > maxLevels[node] { return LogicalProgram.zero }
        return Register(program.planeStart[node] + level - 1)
    }

    // MARK: Expressions

    /// Compiles an expression (recursion bounded by the expression's depth, which the parser caps).
    mutating func compile(_ expression: Expression, owner: String) throws(LogicalModelError) -> Register {
        switch expression {
        case .constant(let value): return value ? LogicalProgram.one : LogicalProgram.zero
        case .atom(let atom):
            guard let node = index[atom.node] else {
                throw LogicalModelError("the function of '\(owner)' reads '\(atom.node)', which is not a node")
            }
            switch atom.comparison {
            case .atLeast: return atLeast(node, atom.level)
            case .equal:
                let ge = atLeast(node, atom.level)
                let above = not(atLeast(node, atom.level + 1))
                return atom.level < 0 ? LogicalProgram.zero : and(ge, above)
            }
        case .not(let inner): return not(try compile(inner, owner: owner))
        case .and(let items):
            var r = LogicalProgram.one
            for item in items {
                r = and(r, try compile(item, owner: owner))
                if r == LogicalProgram.zero { break }
            }
            return r
        case .or(let items):
            var r = LogicalProgram.zero
            for item in items {
                r = or(r, try compile(item, owner: owner))
                if r == LogicalProgram.one { break }
            }
            return r
        }
    }

    // MARK: Nodes

    /// Compiles node `i`'s function: its target planes, then its next planes (one level toward the
    /// target: `next_k = cur_{k+1} | (cur_{k-1} & target_k)`).
    mutating func compileNode(_ i: Int, id: String, function: NodeFunction) throws(LogicalModelError) {
        negations = [:]
        let codeStart = program.code.count
        let m = maxLevels[i]
        var targets: [Register] = []
        switch function.body {
        case .terms(let terms, let defaultLevel):
            var conditions: [Register] = []
            for term in terms {
                guard (0...m).contains(term.level) else {
                    throw LogicalModelError("a term of '\(id)' targets level \(term.level), outside 0...\(m)")
                }
                conditions.append(try compile(term.condition, owner: id))
            }
            if let d = defaultLevel, !(0...m).contains(d) {
                throw LogicalModelError("the default level \(d) of '\(id)' is outside 0...\(m)")
            }
            for k in 1...m {
                var t: Register
                if let d = defaultLevel { t = d >= k ? LogicalProgram.one : LogicalProgram.zero } else { t = atLeast(i, k) }
                for (condition, term) in zip(conditions, terms).reversed() {
                    t = mux(condition, term.level >= k ? LogicalProgram.one : LogicalProgram.zero, t)
                }
                targets.append(t)
            }
        case .weightedSum(let inputs):
            var atoms: [Register] = []
            for input in inputs {
                guard let node = index[input.node] else {
                    throw LogicalModelError("the function of '\(id)' reads '\(input.node)', which is not a node")
                }
                guard input.weight.isFinite else { throw LogicalModelError("an input weight of '\(id)' is not finite") }
                atoms.append(atLeast(node, input.level))
            }
            let weights = inputs.map(\.weight)
            var maxRemaining = [Double](repeating: 0, count: weights.count + 1)
            var minRemaining = [Double](repeating: 0, count: weights.count + 1)
            for k in stride(from: weights.count - 1, through: 0, by: -1) {
                maxRemaining[k] = maxRemaining[k + 1] + max(0, weights[k])
                minRemaining[k] = minRemaining[k + 1] + min(0, weights[k])
            }
            var memo: [ShannonKey: Register] = [:]
            // sum > 0 and sum < 0 as decision DAGs over the inputs (memoised on the partial sum).
            func decide(_ k: Int, _ sum: Double, positive: Bool) -> Register {
                if positive {
                    if sum + minRemaining[k] > 0 { return LogicalProgram.one }
                    if sum + maxRemaining[k] <= 0 { return LogicalProgram.zero }
                } else {
                    if sum + maxRemaining[k] < 0 { return LogicalProgram.one }
                    if sum + minRemaining[k] >= 0 { return LogicalProgram.zero }
                }
                let key = ShannonKey(index: k, sum: sum, positive: positive)
                if let known = memo[key] { return known }
                let high = decide(k + 1, sum + weights[k], positive: positive)
                let low = decide(k + 1, sum, positive: positive)
                let r = mux(atoms[k], high, low)
                memo[key] = r
                return r
            }
            let up = decide(0, 0, positive: true)
            let down = decide(0, 0, positive: false)
            for k in 1...m { targets.append(or(up, and(not(down), atLeast(i, k)))) }
        }
        program.targetPlane.append(contentsOf: targets)
        for k in 1...m {
            if m == 1 {
                program.nextPlane.append(targets[0])
            } else {
                let above = atLeast(i, k + 1)
                let below = atLeast(i, k - 1)
                program.nextPlane.append(or(above, and(below, targets[k - 1])))
            }
        }
        program.nodeCode.append(codeStart..<program.code.count)
    }

    struct ShannonKey: Hashable {
        var index: Int
        var sum: Double
        var positive: Bool
    }
}
