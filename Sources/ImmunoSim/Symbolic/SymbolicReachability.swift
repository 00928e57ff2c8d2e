/// The asynchronous state graph of a Boolean model as decision diagrams over one variable per
/// node (variable `i` = node `i`): sets of states are diagrams, successors are computed one node
/// at a time.
struct AsynchronousGraph {
    var network: SymbolicNetwork
    /// States where node `i` can change (`x_i ≠ f_i(x)`; false for a node that never changes).
    private(set) var canFlip: [BDD]
    /// Every state, with nodes held by permanent clamps at their clamp.
    private(set) var universe: BDD
    var n: Int { network.n }

    init(_ model: LogicalModel) throws(LogicalAnalysisError) {
        network = try SymbolicNetwork(model)
        var flips: [BDD] = []
        for i in 0..<network.n {
            let x = network.dd.variable(i)
            flips.append(network.dd.xor(x, network.functions[i]))
        }
        canFlip = flips
        universe = network.dd.cube(model.permanentClamps.map { (variable: $0.node, value: $0.level > 0) })
    }

    /// The update function of every node as the dynamics now stand (`x_i ⊕ canFlip_i`: a node
    /// that never changes reads itself), with each node's regulators among the nodes that can
    /// change (self-loops kept; none for a node that never changes) and their readers.
    ///
    /// - Complexity: one XOR and one support per node.
    mutating func updateGraph() -> (functions: [BDD], regulators: [[Int]], readers: [[Int]]) {
        let isColour = canFlip.map { $0 == .zero }
        var functions: [BDD] = []
        var regulators: [[Int]] = []
        var readers = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            let f = network.dd.xor(network.dd.variable(i), canFlip[i])
            functions.append(f)
            regulators.append(isColour[i] ? [] : network.dd.support(f).filter { !isColour[$0] })
            for r in regulators[i] { readers[r].append(i) }
        }
        return (functions, regulators, readers)
    }

    /// Replaces the dynamics (for a reduced network in the same diagram, see `AttractorReduction`).
    mutating func replaceDynamics(canFlip: [BDD], universe: BDD) {
        self.canFlip = canFlip
        self.universe = universe
    }

    /// The states the search covers: every state, or with `initial` those reachable from the
    /// given states (levels > 0 read as on; nodes held by permanent clamps at their clamp).
    mutating func searchUniverse(from initial: [[Int]]?, clamps: [(node: Int, level: Int)]) -> BDD {
        guard let initial else { return universe }
        var starts = BDD.zero
        for state in initial {
            var values = (0..<n).map { $0 < state.count && state[$0] > 0 }
            for clamp in clamps { values[clamp.node] = clamp.level > 0 }
            starts = network.dd.or(starts, self.state(values))
        }
        return reach(starts, within: universe, forward: true)
    }

    /// `set` with node `i` flipped in every state.
    mutating func flip(_ set: BDD, _ i: Int) -> BDD {
        network.dd.flip(set, i)
    }

    /// The successors of `set` by an update of node `i`.
    mutating func post(_ set: BDD, _ i: Int) -> BDD {
        flip(network.dd.and(set, canFlip[i]), i)
    }

    /// The predecessors of `set` by an update of node `i`.
    mutating func pre(_ set: BDD, _ i: Int) -> BDD {
        network.dd.and(flip(set, i), canFlip[i])
    }

    /// Every state reachable from `set` (forward) or reaching it (backward) inside `within`,
    /// `set` included, by saturation (see ``saturate(_:within:forward:)``).
    ///
    /// - Complexity: at most (reachable states) × N image steps; typically far fewer.
    mutating func reach(_ set: BDD, within: BDD, forward: Bool) -> BDD {
        saturate(set, within: within, forward: forward)
    }

    /// The same set as ``reach(_:within:forward:)`` by chaining: nodes are tried from the bottom
    /// of the order, and the scan restarts at the bottom whenever a node adds states (the
    /// reference the saturation is tested against).
    ///
    /// - Complexity: at most (reachable states) × N image steps.
    mutating func chainedReach(_ set: BDD, within: BDD, forward: Bool) -> BDD {
        var result = network.dd.and(set, within)
        var i = n - 1
        while i >= 0 {
            if canFlip[i] == .zero { i -= 1; continue }
            let image = forward ? post(result, i) : pre(result, i)
            let new = network.dd.minus(network.dd.and(image, within), result)
            if new != .zero {
                result = network.dd.or(result, new)
                i = n - 1
            } else {
                i -= 1
            }
        }
        return result
    }

    /// One state of a non-empty `set` (nodes it does not constrain at 0).
    func pick(_ set: BDD) -> [Bool]? {
        network.dd.extremeAssignment(set, weights: [Int](repeating: 0, count: network.dd.variableCount))
    }

    /// The single state `state` (one value per node) as a diagram.
    mutating func state(_ state: [Bool]) -> BDD {
        network.dd.cube((0..<n).map { (variable: $0, value: state[$0]) })
    }

    /// The end of a deterministic asynchronous trajectory of at most `steps` updates from
    /// `state`: at each step the first node after the last one updated that can change is
    /// updated (a round-robin scan, so no node is starved).
    func walk(from state: [Bool], steps: Int) -> [Bool] {
        var s = state
        var last = -1
        for _ in 0..<steps {
            var moved = false
            for k in 1...max(1, n) {
                let i = (last + k) % n
                if network.dd.evaluate(canFlip[i], s) {
                    s[i].toggle()
                    last = i
                    moved = true
                    break
                }
            }
            if !moved { break }
        }
        return s
    }

    /// The basin size of each attractor of `sets` (as ``basinSize(_:within:)``). Inputs never
    /// change, so attractors of different input valuations (colours) have disjoint basins: one
    /// backward reachability from one attractor of each colour serves them all, and each basin is
    /// its colour's part. Rounds: the most attractors any one colour has.
    ///
    /// - Complexity: (most attractors of one colour) backward reachabilities, plus one conjunction
    ///   and count per attractor.
    mutating func basinSizes(_ sets: [BDD], within: BDD) -> [Int] {
        let colours = (0..<n).filter { canFlip[$0] == .zero }
        let keys: [[Bool]] = sets.map { set in pick(set).map { state in colours.map { state[$0] } } ?? [] }
        var round = [Int](repeating: 0, count: sets.count)
        var used: [[Bool]: Int] = [:]
        for k in sets.indices {
            round[k] = used[keys[k], default: 0]
            used[keys[k], default: 0] += 1
        }
        var sizes = [Int](repeating: 0, count: sets.count)
        for r in 0..<(used.values.max() ?? 0) {
            let members = sets.indices.filter { round[$0] == r }
            let basin = reach(network.dd.or(all: members.map { sets[$0] }), within: within, forward: false)
            for k in members {
                let colour = network.dd.cube(colours.indices.map { (variable: colours[$0], value: keys[k][$0]) })
                let part = network.dd.and(basin, colour)  // made before the count reads the diagram
                let count = network.dd.satisfyingCount(part, over: 0..<n)
                sizes[k] = count >= 9.2e18 ? Int.max : Int(count)
            }
        }
        return sizes
    }

    /// The number of states of `within` from which `set` is reachable, capped at `Int.max`.
    mutating func basinSize(_ set: BDD, within: BDD) -> Int {
        let basin = reach(set, within: within, forward: false)
        let count = network.dd.satisfyingCount(basin, over: 0..<n)
        return count >= 9.2e18 ? Int.max : Int(count)
    }
}
