extension DecisionDiagram {
    static let opITE: UInt32 = 1
    static let opExists: UInt32 = 2
    static let opRestrict: UInt32 = 3
    static let opRename: UInt32 = 4

    /// One pending step of an iterative operation: `stage` 0 = expand, 1 = combine the two child
    /// results on the result stack, 2 = record the result of a delegated OR in the cache.
    struct Frame {
        var op: UInt32
        var stage: UInt8
        var a: UInt32
        var b: UInt32
        var c: UInt32
        var variable: UInt32
    }

    /// Cofactors of node `n` with respect to `variable` (the node itself when it tests a lower one).
    @inline(__always) func cofactors(_ n: UInt32, _ variable: UInt32) -> (UInt32, UInt32) {
        let node = nodes[Int(n)]
        return node.variable == variable ? (node.low, node.high) : (n, n)
    }

    /// If-then-else: `(f ∧ g) ∨ (¬f ∧ h)`, the one operation every connective reduces to.
    ///
    /// - Complexity: O(|f| × |g| × |h|) worst case; iterative.
    public mutating func ite(_ f: BDD, _ g: BDD, _ h: BDD) -> BDD {
        var frames = [Frame(op: Self.opITE, stage: 0, a: f.raw, b: g.raw, c: h.raw, variable: 0)]
        var results: [UInt32] = []
        run(&frames, &results, quantified: [], assignment: [], renaming: [])
        return BDD(results[0])
    }

    /// `¬f`. - Complexity: O(|f|).
    public mutating func not(_ f: BDD) -> BDD { ite(f, .zero, .one) }
    /// `f ∧ g`. - Complexity: O(|f| × |g|).
    public mutating func and(_ f: BDD, _ g: BDD) -> BDD { ite(f, g, .zero) }
    /// `f ∨ g`. - Complexity: O(|f| × |g|).
    public mutating func or(_ f: BDD, _ g: BDD) -> BDD { ite(f, .one, g) }
    /// `f ⊕ g`. - Complexity: O(|f| × |g|).
    public mutating func xor(_ f: BDD, _ g: BDD) -> BDD { ite(f, not(g), g) }
    /// `f ↔ g`. - Complexity: O(|f| × |g|).
    public mutating func equivalent(_ f: BDD, _ g: BDD) -> BDD { ite(f, g, not(g)) }
    /// `f → g`. - Complexity: O(|f| × |g|).
    public mutating func implies(_ f: BDD, _ g: BDD) -> BDD { ite(f, g, .one) }
    /// `f ∧ ¬g`. - Complexity: O(|f| × |g|).
    public mutating func minus(_ f: BDD, _ g: BDD) -> BDD { ite(g, .zero, f) }

    /// The conjunction of `items` (true when empty), combined pairwise as a balanced tree.
    public mutating func and(all items: [BDD]) -> BDD { combine(items, neutral: .one) { $0.and($1, $2) } }
    /// The disjunction of `items` (false when empty), combined pairwise as a balanced tree.
    public mutating func or(all items: [BDD]) -> BDD { combine(items, neutral: .zero) { $0.or($1, $2) } }

    mutating func combine(_ items: [BDD], neutral: BDD, _ op: (inout DecisionDiagram, BDD, BDD) -> BDD) -> BDD {
        var layer = items
        if layer.isEmpty { return neutral }
        while layer.count > 1 {
            var next: [BDD] = []
            var k = 0
            while k + 1 < layer.count {
                next.append(op(&self, layer[k], layer[k + 1]))
                k += 2
            }
            if k < layer.count { next.append(layer[k]) }
            layer = next
        }
        return layer[0]
    }

    /// `∃ variables. f`.
    ///
    /// - Complexity: exponential in the worst case; O(|f|) ITE calls on the quantified levels.
    public mutating func exists(_ f: BDD, _ variables: [Int]) -> BDD {
        if variables.isEmpty { return f }
        var quantified = [Bool](repeating: false, count: variableCount)
        for v in variables { quantified[v] = true }
        epoch &+= 1
        var frames = [Frame(op: Self.opExists, stage: 0, a: f.raw, b: epoch, c: 0, variable: 0)]
        var results: [UInt32] = []
        run(&frames, &results, quantified: quantified, assignment: [], renaming: [])
        return BDD(results[0])
    }

    /// `∀ variables. f` (= `¬∃ variables. ¬f`).
    public mutating func forall(_ f: BDD, _ variables: [Int]) -> BDD {
        not(exists(not(f), variables))
    }

    /// `f` with the variables of `literals` replaced by their values (the cofactor by a cube).
    ///
    /// - Complexity: O(|f|).
    public mutating func restrict(_ f: BDD, _ literals: [(variable: Int, value: Bool)]) -> BDD {
        if literals.isEmpty || f.isConstant { return f }
        var assignment = [Int8](repeating: -1, count: variableCount)
        for literal in literals { assignment[literal.variable] = literal.value ? 1 : 0 }
        return restrict(f, assignment: assignment)
    }

    /// `f` with `variable` replaced by `value` (a cofactor). Unlike the general restriction its
    /// results stay in the computed table across calls, so repeated images of one set are cheap.
    ///
    /// - Complexity: O(|f|).
    public mutating func cofactor(_ f: BDD, _ variable: Int, _ value: Bool) -> BDD {
        if f.isConstant { return f }
        var assignment = [Int8](repeating: -1, count: variableCount)
        assignment[variable] = value ? 1 : 0
        // A key of its own (high bit set: never an epoch) per literal.
        let key = 0x8000_0000 | UInt32(variable) << 1 | (value ? 1 : 0)
        var frames = [Frame(op: Self.opRestrict, stage: 0, a: f.raw, b: key, c: 0, variable: 0)]
        var results: [UInt32] = []
        run(&frames, &results, quantified: [], assignment: assignment, renaming: [])
        return BDD(results[0])
    }

    /// `f` with every variable `v` where `assignment[v]` is 0 or 1 replaced by that value
    /// (−1: left free).
    ///
    /// - Complexity: O(|f|).
    public mutating func restrict(_ f: BDD, assignment: [Int8]) -> BDD {
        if f.isConstant { return f }
        epoch &+= 1
        var frames = [Frame(op: Self.opRestrict, stage: 0, a: f.raw, b: epoch, c: 0, variable: 0)]
        var results: [UInt32] = []
        run(&frames, &results, quantified: [], assignment: assignment, renaming: [])
        return BDD(results[0])
    }

    /// `f` with each variable `v` replaced by variable `mapping[v]` (a substitution of variables
    /// by variables; the mapping need not preserve the order, nor be injective).
    ///
    /// - Complexity: O(|f|) ITE calls, each O(|result|) in the worst case; linear when the mapping
    ///   preserves the order.
    public mutating func rename(_ f: BDD, _ mapping: [Int]) -> BDD {
        if f.isConstant { return f }
        precondition(mapping.count == variableCount, "a renaming maps every variable")
        epoch &+= 1
        var frames = [Frame(op: Self.opRename, stage: 0, a: f.raw, b: epoch, c: 0, variable: 0)]
        var results: [UInt32] = []
        run(&frames, &results, quantified: [], assignment: [], renaming: mapping.map(UInt32.init))
        return BDD(results[0])
    }

    /// The iterative engine behind every operation above. Each frame leaves exactly one result
    /// on `results`.
    mutating func run(_ frames: inout [Frame], _ results: inout [UInt32], quantified: [Bool],
                      assignment: [Int8], renaming: [UInt32]) {
        while let frame = frames.popLast() {
            if isExhausted { abandon(&frames, &results); return }
            switch (frame.op, frame.stage) {
            case (Self.opITE, 0):
                var f = frame.a, g = frame.b, h = frame.c
                if f == 1 { results.append(g); continue }
                if f == 0 { results.append(h); continue }
                if g == h { results.append(g); continue }
                if g == 1 && h == 0 { results.append(f); continue }
                if g == f { g = 1 }
                if h == f { h = 0 }
                if let known = cached(Self.opITE, f, g, h) { results.append(known); continue }
                let v = min(nodes[Int(f)].variable, nodes[Int(g)].variable, nodes[Int(h)].variable)
                let (f0, f1) = cofactors(f, v), (g0, g1) = cofactors(g, v), (h0, h1) = cofactors(h, v)
                frames.append(Frame(op: Self.opITE, stage: 1, a: f, b: g, c: h, variable: v))
                frames.append(Frame(op: Self.opITE, stage: 0, a: f1, b: g1, c: h1, variable: 0))
                frames.append(Frame(op: Self.opITE, stage: 0, a: f0, b: g0, c: h0, variable: 0))
            case (Self.opITE, _):
                let high = results.removeLast(), low = results.removeLast()
                let r = make(frame.variable, low, high)
                store(Self.opITE, frame.a, frame.b, frame.c, r)
                results.append(r)

            case (Self.opExists, 0):
                let f = frame.a
                if f < 2 { results.append(f); continue }
                if let known = cached(Self.opExists, f, frame.b, 0) { results.append(known); continue }
                let node = nodes[Int(f)]
                frames.append(Frame(op: Self.opExists, stage: 1, a: f, b: frame.b, c: 0, variable: node.variable))
                frames.append(Frame(op: Self.opExists, stage: 0, a: node.high, b: frame.b, c: 0, variable: 0))
                frames.append(Frame(op: Self.opExists, stage: 0, a: node.low, b: frame.b, c: 0, variable: 0))
            case (Self.opExists, 1):
                let high = results.removeLast(), low = results.removeLast()
                if quantified[Int(frame.variable)] {
                    if low == 1 || high == 1 || low == high {
                        let r = low == 1 || high == 1 ? 1 : low
                        store(Self.opExists, frame.a, frame.b, 0, r)
                        results.append(r)
                    } else {
                        frames.append(Frame(op: Self.opExists, stage: 2, a: frame.a, b: frame.b, c: 0, variable: 0))
                        frames.append(Frame(op: Self.opITE, stage: 0, a: low, b: 1, c: high, variable: 0))
                    }
                } else {
                    let r = make(frame.variable, low, high)
                    store(Self.opExists, frame.a, frame.b, 0, r)
                    results.append(r)
                }
            case (Self.opExists, _), (Self.opRename, 2):
                if let r = results.last { store(frame.op, frame.a, frame.b, 0, r) }

            case (Self.opRestrict, 0):
                let f = frame.a
                if f < 2 { results.append(f); continue }
                if let known = cached(Self.opRestrict, f, frame.b, 0) { results.append(known); continue }
                let node = nodes[Int(f)]
                let value = assignment[Int(node.variable)]
                if value >= 0 {
                    frames.append(Frame(op: Self.opRestrict, stage: 2, a: f, b: frame.b, c: 0, variable: 0))
                    frames.append(Frame(op: Self.opRestrict, stage: 0, a: value == 1 ? node.high : node.low,
                                        b: frame.b, c: 0, variable: 0))
                } else {
                    frames.append(Frame(op: Self.opRestrict, stage: 1, a: f, b: frame.b, c: 0, variable: node.variable))
                    frames.append(Frame(op: Self.opRestrict, stage: 0, a: node.high, b: frame.b, c: 0, variable: 0))
                    frames.append(Frame(op: Self.opRestrict, stage: 0, a: node.low, b: frame.b, c: 0, variable: 0))
                }
            case (Self.opRestrict, 1):
                let high = results.removeLast(), low = results.removeLast()
                let r = make(frame.variable, low, high)
                store(Self.opRestrict, frame.a, frame.b, 0, r)
                results.append(r)
            case (Self.opRestrict, _):
                if let r = results.last { store(Self.opRestrict, frame.a, frame.b, 0, r) }

            case (Self.opRename, 0):
                let f = frame.a
                if f < 2 { results.append(f); continue }
                if let known = cached(Self.opRename, f, frame.b, 0) { results.append(known); continue }
                let node = nodes[Int(f)]
                frames.append(Frame(op: Self.opRename, stage: 1, a: f, b: frame.b, c: 0, variable: node.variable))
                frames.append(Frame(op: Self.opRename, stage: 0, a: node.high, b: frame.b, c: 0, variable: 0))
                frames.append(Frame(op: Self.opRename, stage: 0, a: node.low, b: frame.b, c: 0, variable: 0))
            default: // (opRename, 1): ite(x_mapped, high, low)
                let high = results.removeLast(), low = results.removeLast()
                let target = make(renaming[Int(frame.variable)], 0, 1)
                frames.append(Frame(op: Self.opRename, stage: 2, a: frame.a, b: frame.b, c: 0, variable: 0))
                frames.append(Frame(op: Self.opITE, stage: 0, a: target, b: high, c: low, variable: 0))
            }
        }
    }
}
