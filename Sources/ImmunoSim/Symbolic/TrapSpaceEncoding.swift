import ImmunoGraph

/// The two-variables-per-node encoding of trap spaces (see ``LogicalModel/trapSpaces(_:inputs:limit:budget:)``).
struct TrapSpaceEncoding {
    var dd: DecisionDiagram
    let n: Int
    /// The set of all trap spaces (or, built for minimal ones, a subset holding every minimal
    /// one), over the `a, b` variables.
    var traps: BDD
    /// The position of each node in the variable order.
    let position: [Int]
    /// Nodes on no cycle, eliminated from a minimal-trap-space encoding: their "can be 1" and
    /// "can be 0" as functions of the other nodes' `a, b` (in an order where each comes after
    /// the eliminated nodes it reads). Their own `a, b` variables do not occur in ``traps``.
    var derived: [(node: Int, canBeOne: BDD, canBeZero: BDD)] = []
    /// Whether the diagram ran out of its budget (everything built since is meaningless).
    var exceeded: Bool { dd.isExhausted }

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
    ///
    /// For minimal trap spaces the nodes on no cycle (and not inputs) are also *eliminated*:
    /// their `a, b` are monotone functions of their regulators', hence of the remaining nodes',
    /// so inclusion between self-image subspaces is decided by the remaining nodes alone and the
    /// set is built over those (``derived`` recovers the rest when listing).
    init(_ model: LogicalModel, inputs: InputHandling, candidatesFor kind: TrapSpaceKind? = nil,
         budget: DiagramBudget? = nil) throws(LogicalAnalysisError) {
        try self.init(nodeCount: model.nodeCount, position: model.bandedOrder(), inputs: inputs, candidatesFor: kind,
                      budget: budget) { (dd: inout DecisionDiagram, variableOf: (Int) -> Int) throws(LogicalAnalysisError) -> [BDD] in
            try model.symbolicFunctions(in: &dd, variableOf: variableOf)
        }
    }

    /// The encoding of any Boolean network of `nodeCount` nodes whose functions `build` makes in
    /// the encoding's diagram over the state variables `variableOf(node)`, with node `i` at
    /// `position[i]` of the variable order (see `init(_:inputs:candidatesFor:budget:)`). With a
    /// `budget`, the construction stops when it runs out and `exceeded` is set; `cacheSize` is the
    /// diagram's computed table (small for the search's many small residual networks).
    init(nodeCount: Int, position: [Int], inputs: InputHandling, candidatesFor kind: TrapSpaceKind?, budget: DiagramBudget?,
         cacheSize: Int = 1 << 18, functions build: (inout DecisionDiagram, (Int) -> Int) throws(LogicalAnalysisError) -> [BDD]) throws(LogicalAnalysisError) {
        n = nodeCount
        var dd = DecisionDiagram(variableCount: max(1, 3 * n), cacheSize: cacheSize)
        dd.setBudget(budget)
        let nodeAt = position.indices.sorted { position[$0] < position[$1] }
        func aVar(_ i: Int) -> Int { 3 * position[i] + 1 }
        func bVar(_ i: Int) -> Int { 3 * position[i] + 2 }
        let functions = try build(&dd, { 3 * position[$0] })
        let selfImage = kind == .minimal
        let regulators = functions.map { dd.support($0).map { nodeAt[$0 / 3] } }
        let isInput = (0..<n).map { functions[$0] == dd.variable(3 * position[$0]) }
        let eliminated = selfImage ? Self.acyclicNodes(regulators).enumerated().map { $1 && !isInput[$0] } : [Bool](repeating: false, count: n)
        // "Can be 1" and "can be 0" of each node as diagrams over the a, b of kept nodes.
        var can1 = (0..<n).map { dd.variable(aVar($0)) }
        var can0 = (0..<n).map { dd.variable(bVar($0)) }
        var done = eliminated.map { !$0 }
        var derived: [(node: Int, canBeOne: BDD, canBeZero: BDD)] = []
        var constraints: [BDD] = []
        var progress = true
        while progress {
            progress = false
            for i in 0..<n where !done[i] && regulators[i].allSatisfy({ done[$0] || $0 == i }) {
                (can1[i], can0[i]) = Self.canTake(functions[i], regulators[i], can1, can0, position, &dd)
                derived.append((i, can1[i], can0[i]))
                done[i] = true
                progress = true
            }
        }
        for i in 0..<n where !eliminated[i] {
            let a = dd.variable(aVar(i)), b = dd.variable(bVar(i))
            if isInput[i] {
                // An input: any value, fixed or free as asked (a minimal trap space fixes it).
                constraints.append(inputs == .free ? dd.and(a, b) : (selfImage ? dd.xor(a, b) : dd.or(a, b)))
                continue
            }
            let (canBeOne, canBeZero) = Self.canTake(functions[i], regulators[i], can1, can0, position, &dd)
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
        for k in order where !dd.isExhausted { traps = dd.and(traps, constraints[k]) }
        self.traps = traps
        self.dd = dd
        self.position = position
        self.derived = derived
    }

    /// `C1 = ∃x. f(x) ∧ x ∈ space` and `C0` likewise for `¬f`, where regulator `r` of the space
    /// may be 1 when `can1[r]` and 0 when `can0[r]`.
    static func canTake(_ f: BDD, _ regulators: [Int], _ can1: [BDD], _ can0: [BDD], _ position: [Int],
                        _ dd: inout DecisionDiagram) -> (BDD, BDD) {
        var inSpace = BDD.one
        var xs: [Int] = []
        for r in regulators.sorted(by: { position[$0] > position[$1] }) {
            let x = 3 * position[r]
            xs.append(x)
            inSpace = dd.and(inSpace, dd.ite(dd.variable(x), can1[r], can0[r]))
        }
        return (dd.exists(dd.and(f, inSpace), xs), dd.exists(dd.and(dd.not(f), inSpace), xs))
    }

    /// The nodes on no cycle of the regulatory graph (no self-loop, strongly connected
    /// component of one).
    ///
    /// - Complexity: O(N + E).
    static func acyclicNodes(_ regulators: [[Int]]) -> [Bool] {
        var result = [Bool](repeating: false, count: regulators.count)
        for component in StronglyConnectedComponents.of(successors: regulators) where component.count == 1 {
            let v = component[0]
            if !regulators[v].contains(v) { result[v] = true }
        }
        return result
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
        let order = kept.flatMap { [aVar($0), bVar($0)] }
        return dd.extremeElements(set, order: order, maximal: kind == .maximal)
    }

    /// The number of subspaces in `set` (a set over the `a, b` variables of kept nodes only).
    func count(_ set: BDD) -> Double {
        dd.satisfyingCount(set) / Double.power2(n + 2 * derived.count)
    }

    /// The nodes whose `a, b` variables ``traps`` is built over (all but ``derived``).
    var kept: [Int] {
        var isDerived = [Bool](repeating: false, count: n)
        for entry in derived { isDerived[entry.node] = true }
        return (0..<n).filter { !isDerived[$0] }
    }

    /// The first `limit` subspaces of `set` (in diagram-path order), sorted textually.
    func list(_ set: BDD, limit: Int) -> [Subspace] {
        var result: [Subspace] = []
        for cube in dd.cubes(set, limit: limit) {
            // A path may skip an a/b variable; expand those and keep the members.
            let open = kept.flatMap { [aVar($0), bVar($0)] }.filter { cube[$0] < 0 }
            var assignment = cube.map { $0 == 1 }
            for combination in 0..<(1 << min(open.count, 20)) {
                for (k, v) in open.enumerated() { assignment[v] = combination >> k & 1 == 1 }
                guard dd.evaluate(set, assignment) else { continue }
                for (node, canBeOne, canBeZero) in derived {
                    assignment[aVar(node)] = dd.evaluate(canBeOne, assignment)
                    assignment[bVar(node)] = dd.evaluate(canBeZero, assignment)
                }
                result.append(subspace(assignment))
                if result.count >= limit { return Self.sortedByText(result) }
            }
        }
        return Self.sortedByText(result)
    }

    /// `spaces` in textual order, each text made once (not once per comparison).
    static func sortedByText(_ spaces: [Subspace]) -> [Subspace] {
        spaces.map { ($0.description, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

