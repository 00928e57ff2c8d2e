/// The two-variables-per-node encoding of trap spaces (see ``LogicalModel/trapSpaces(_:inputs:limit:)``).
struct TrapSpaceEncoding {
    var dd: DecisionDiagram
    let n: Int
    /// The set of all trap spaces (or, built for minimal ones, a subset holding every minimal
    /// one), over the `a, b` variables.
    var traps: BDD
    /// The position of each node in the variable order.
    let position: [Int]

    /// The variables of node `i`: its state `x`, "can be 1" `a`, "can be 0" `b`.
    func xVar(_ i: Int) -> Int { 3 * position[i] }
    func aVar(_ i: Int) -> Int { 3 * position[i] + 1 }
    func bVar(_ i: Int) -> Int { 3 * position[i] + 2 }

    /// Builds the set of trap spaces (`candidatesFor == nil`), or — for `.minimal` — the smaller
    /// set of *self-image* subspaces that holds every minimal trap space.
    ///
    /// A self-image subspace `S` allows exactly the values its functions take on it: `a_i ↔ C1_i`
    /// and `b_i ↔ C0_i` for every node (inputs excepted, which are fixed or free as asked). Each
    /// is a trap space, and each minimal trap space `M` is one: were `a_i ∧ ¬C1_i` in `M`, the
    /// subspace `M ∩ {x_i = 0}` would be a smaller trap space (every `C` only shrinks). So the
    /// minimal elements of this set are exactly the minimal trap spaces — the fixed points of the
    /// monotone two-rail network of mpbn and trappist, here as a diagram. The set is far smaller
    /// than the set of all trap spaces (a node copying an input no longer doubles it), which is
    /// what makes 50–160-node models fast.
    init(_ model: LogicalModel, inputs: InputHandling, candidatesFor kind: TrapSpaceKind? = nil) throws(LogicalAnalysisError) {
        n = model.nodeCount
        var dd = DecisionDiagram(variableCount: max(1, 3 * n))
        let position = model.bandedOrder()
        let nodeAt = position.indices.sorted { position[$0] < position[$1] }
        func aVar(_ i: Int) -> Int { 3 * position[i] + 1 }
        func bVar(_ i: Int) -> Int { 3 * position[i] + 2 }
        let functions = try model.symbolicFunctions(in: &dd, variableOf: { 3 * position[$0] })
        let selfImage = kind == .minimal
        var constraints: [BDD] = []
        for i in 0..<n {
            let f = functions[i]
            let a = dd.variable(aVar(i)), b = dd.variable(bVar(i))
            let own = dd.variable(3 * position[i])
            if f == own {
                // An input: any value, fixed or free as asked (a minimal trap space fixes it).
                constraints.append(inputs == .free ? dd.and(a, b) : (selfImage ? dd.xor(a, b) : dd.or(a, b)))
                continue
            }
            let regulators = dd.support(f)   // x variables only
            var inSpace = BDD.one
            for v in regulators.reversed() {
                let j = nodeAt[v / 3]
                inSpace = dd.and(inSpace, dd.ite(dd.variable(v), dd.variable(aVar(j)), dd.variable(bVar(j))))
            }
            let canBeOne = dd.exists(dd.and(f, inSpace), regulators)
            let canBeZero = dd.exists(dd.and(dd.not(f), inSpace), regulators)
            if selfImage {
                constraints.append(dd.and(dd.or(a, b), dd.and(dd.equivalent(canBeOne, a), dd.equivalent(canBeZero, b))))
            } else {
                constraints.append(dd.and(dd.or(a, b), dd.and(dd.implies(canBeOne, a), dd.implies(canBeZero, b))))
            }
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

    /// The inclusion-minimal (or maximal, whole space excluded) elements of the trap-space set,
    /// by the recursive minimisation of ``DecisionDiagram/extremeElements(_:order:maximal:)``
    /// over the `a, b` variables (the componentwise order on them is subspace inclusion).
    mutating func extremeSet(_ kind: TrapSpaceKind) -> BDD {
        var set = traps
        if kind == .maximal { set = dd.minus(set, cone(of: Subspace(free: n), supersets: true)) }
        let order = (0..<n).flatMap { [aVar($0), bVar($0)] }
        return dd.extremeElements(set, order: order, maximal: kind == .maximal)
    }

    /// The number of subspaces in `set` (a set over the `a, b` variables only).
    func count(_ set: BDD) -> Double {
        dd.satisfyingCount(set) / Double.power2(n)
    }

    /// The first `limit` subspaces of `set` (in diagram-path order), sorted textually.
    func list(_ set: BDD, limit: Int) -> [Subspace] {
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

