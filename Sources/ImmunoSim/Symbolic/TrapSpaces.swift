extension LogicalModel {
    /// The minimal or maximal trap spaces of a Boolean model, computed symbolically.
    ///
    /// A *trap space* is a subspace no asynchronous (or synchronous) update can leave: whenever a
    /// node is fixed in it, its function takes that value on every state of the subspace. Every
    /// minimal trap space holds at least one attractor; a maximal one is a first, coarse
    /// commitment of the network.
    ///
    /// Encoding (two variables per node, the "can be 1 / can be 0" formulation of Klarner et al.
    /// and of AEON): node `i` gets `a_i` (the subspace allows `i = 1`) and `b_i` (it allows
    /// `i = 0`), with `a_i ∨ b_i`; fixed-at-1 is (1, 0), fixed-at-0 is (0, 1), free is (1, 1). With
    /// `C1_i = ∃x. f_i(x) ∧ x ∈ space(a, b)` ("`f_i` can be 1 in the subspace") and `C0_i` likewise
    /// for `¬f_i`, the trap spaces are exactly `⋀_i (C1_i → a_i) ∧ (C0_i → b_i)`. The quantified
    /// state variables `x` are interleaved with `a, b` (order `x_0 a_0 b_0 x_1 …`) and only the
    /// regulators of `i` are quantified for `C1_i`, `C0_i`.
    ///
    /// The minimal ones are then `T ∧ ¬Up(R(T))`, where `R(T)` relaxes one fixed node of a member
    /// of `T` to free (∃ a_i b_i, then a_i ∧ b_i) and `Up` closes a set upward under inclusion (one
    /// relaxation pass per node: the steps commute); the maximal ones (the whole space excluded)
    /// symmetrically with tightening and downward closure. They are listed from the paths of the
    /// resulting diagram.
    ///
    /// - Parameters:
    ///   - kind: minimal (default) or maximal.
    ///   - inputs: inputs fixed (default, the convention of mpbn and pyboolnet) or free.
    ///   - limit: the most trap spaces returned.
    /// - Returns: the trap spaces, in textual order, over ``nodeIDs``; nodes held by permanent
    ///   clamps are fixed at their clamp.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model.
    /// - Complexity: O(N) diagram operations to build the trap-space set (each exponential only in
    ///   a node's in-degree), then O(N) operations on diagrams of the trap-space set for the minimisation, and
    ///   O(N) per trap space listed.
    public func trapSpaces(_ kind: TrapSpaceKind = .minimal, inputs: InputHandling = .fixed,
                           limit: Int = 100_000) throws(LogicalAnalysisError) -> [Subspace] {
        var encoding = try TrapSpaceEncoding(self, inputs: inputs)
        return encoding.list(kind, limit: limit)
    }
}

/// The two-variables-per-node encoding of trap spaces (see ``LogicalModel/trapSpaces(_:inputs:limit:)``).
struct TrapSpaceEncoding {
    var dd: DecisionDiagram
    let n: Int
    /// The set of all trap spaces, over the `a, b` variables.
    var traps: BDD
    /// The position of each node in the variable order.
    let position: [Int]

    /// The variables of node `i`: its state `x`, "can be 1" `a`, "can be 0" `b`.
    func xVar(_ i: Int) -> Int { 3 * position[i] }
    func aVar(_ i: Int) -> Int { 3 * position[i] + 1 }
    func bVar(_ i: Int) -> Int { 3 * position[i] + 2 }

    init(_ model: LogicalModel, inputs: InputHandling) throws(LogicalAnalysisError) {
        n = model.nodeCount
        var dd = DecisionDiagram(variableCount: max(1, 3 * n))
        let position = model.bandedOrder()
        let nodeAt = position.indices.sorted { position[$0] < position[$1] }
        func aVar(_ i: Int) -> Int { 3 * position[i] + 1 }
        func bVar(_ i: Int) -> Int { 3 * position[i] + 2 }
        let functions = try model.symbolicFunctions(in: &dd, variableOf: { 3 * position[$0] })
        var constraints: [BDD] = []
        for i in 0..<n {
            let f = functions[i]
            let regulators = dd.support(f)   // x variables only
            var inSpace = BDD.one
            for v in regulators.reversed() {
                let j = nodeAt[v / 3]
                inSpace = dd.and(inSpace, dd.ite(dd.variable(v), dd.variable(aVar(j)), dd.variable(bVar(j))))
            }
            let canBeOne = dd.exists(dd.and(f, inSpace), regulators)
            let canBeZero = dd.exists(dd.and(dd.not(f), inSpace), regulators)
            let a = dd.variable(aVar(i)), b = dd.variable(bVar(i))
            var constraint = dd.and(dd.or(a, b), dd.and(dd.implies(canBeOne, a), dd.implies(canBeZero, b)))
            let own = dd.variable(3 * position[i])
            if inputs == .free && f == own {
                constraint = dd.and(constraint, dd.and(a, b))
            }
            constraints.append(constraint)
        }
        // Conjoin from the bottom of the order up: each constraint mostly touches variables near
        // its node's, so the partial conjunction grows like a band rather than all at once.
        let order = constraints.indices.sorted {
            (dd.topVariable(constraints[$0]) ?? 0, $0) > (dd.topVariable(constraints[$1]) ?? 0, $1)
        }
        var traps = BDD.one
        for k in order { traps = dd.and(traps, constraints[k]) }
        self.traps = traps
        self.dd = dd
        self.position = position
    }

    /// The subspace of an assignment of the `a, b` variables.
    func subspace(_ assignment: [Bool]) -> Subspace {
        Subspace(values: (0..<n).map { i in
            let a = assignment[aVar(i)], b = assignment[bVar(i)]
            return a && b ? -1 : (a ? 1 : 0)
        })
    }

    /// The cube of the true (`maximize == false`: supersets) or false (subsets) `a, b` literals of `s`.
    mutating func cone(of s: Subspace, supersets: Bool) -> BDD {
        var literals: [(variable: Int, value: Bool)] = []
        for i in 0..<n {
            let allowsOne = s.values[i] != 0, allowsZero = s.values[i] != 1
            if supersets {
                if allowsOne { literals.append((aVar(i), true)) }
                if allowsZero { literals.append((bVar(i), true)) }
            } else {
                if !allowsOne { literals.append((aVar(i), false)) }
                if !allowsZero { literals.append((bVar(i), false)) }
            }
        }
        return dd.cube(literals)
    }

    /// Elements of `x` with node `i` fixed, made free (one step up the inclusion order).
    mutating func relax(_ x: BDD, _ i: Int) -> BDD {
        let a = dd.variable(aVar(i)), b = dd.variable(bVar(i))
        let both = dd.and(a, b)
        return dd.and(dd.exists(dd.minus(x, both), [aVar(i), bVar(i)]), both)
    }

    /// Elements of `x` with node `i` free, fixed at 0 or at 1 (one step down the inclusion order).
    mutating func tighten(_ x: BDD, _ i: Int) -> BDD {
        let a = dd.variable(aVar(i)), b = dd.variable(bVar(i))
        return dd.and(dd.exists(dd.and(x, dd.and(a, b)), [aVar(i), bVar(i)]), dd.xor(a, b))
    }

    /// Every subspace containing (`up`) or contained in (`!up`) an element of `x`: one relaxation
    /// (tightening) pass per node, since the steps of different nodes commute.
    mutating func closure(_ x: BDD, up: Bool) -> BDD {
        var result = x
        for i in stride(from: n - 1, through: 0, by: -1) {
            result = dd.or(result, up ? relax(result, i) : tighten(result, i))
        }
        return result
    }

    /// The inclusion-minimal (or maximal, whole space excluded) elements of the trap-space set,
    /// symbolically: the set minus the closure of its one-step relaxations (tightenings).
    mutating func extremeSet(_ kind: TrapSpaceKind) -> BDD {
        var set = traps
        if kind == .maximal { set = dd.minus(set, cone(of: Subspace(free: n), supersets: true)) }
        var steps: [BDD] = []
        for i in 0..<n { steps.append(kind == .minimal ? relax(set, i) : tighten(set, i)) }
        let strict = closure(dd.or(all: steps), up: kind == .minimal)
        return dd.minus(set, strict)
    }

    mutating func list(_ kind: TrapSpaceKind, limit: Int) -> [Subspace] {
        let set = extremeSet(kind)
        var result: [Subspace] = []
        for cube in dd.cubes(set, limit: limit) {
            // A path may skip an a/b variable; expand those and keep the members.
            let open = (0..<n).flatMap { [aVar($0), bVar($0)] }.filter { cube[$0] < 0 }
            var assignment = cube.map { $0 == 1 }
            for combination in 0..<(1 << min(open.count, 20)) {
                for (k, v) in open.enumerated() { assignment[v] = combination >> k & 1 == 1 }
                guard dd.evaluate(set, assignment) else { continue }
                result.append(subspace(assignment))
                if result.count >= limit { return result.sorted() }
            }
        }
        return result.sorted()
    }
}

