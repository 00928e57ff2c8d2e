/// Percolation of the input subspaces, for every input valuation (colour) at once.
///
/// For a colour `c`, the subspace where the inputs take the values `c` is a trap space; its
/// percolation (fix every node whose function is constant on the subspace, repeatedly) is a
/// smaller trap space holding every attractor of colour `c`. Here that is computed for all
/// colours together: node `i` carries two diagrams over the colours, `one[i]` and `zero[i]`, the
/// colours where it is percolated to 1 and to 0. The percolated subspace of colour `c` is
/// `S(c, x) = ⋀_j (one_j(c) → x_j) ∧ (zero_j(c) → ¬x_j)`, and node `i` becomes fixed at 1 in the
/// colours where no state of `S` has `f_i = 0`:
///
///     one_i  := one_i  ∨ ¬∃x. S ∧ ¬f_i        zero_i := zero_i ∨ ¬∃x. S ∧ f_i
///
/// `S(c, ·)` is never empty (a colour fixes a node at one value at most) and is a product over
/// nodes, so only the constraints of `f_i`'s regulators matter in the quantification: each update
/// reads `i`'s regulators only. The diagrams only grow, so the fixpoint comes after at most N
/// updates of each node. The union `⋃_c {c} × S(c, ·)` is a union of trap spaces — forward-closed
/// — and holds every attractor: the search runs inside it.
extension AsynchronousGraph {
    /// `universe` restricted to the percolated input subspaces of every colour (see above). Exact:
    /// every attractor in the forward-closed `universe` lies in the result, which is forward-closed.
    ///
    /// - Complexity: O(N × rounds) local quantifications, each over one node's regulators, plus
    ///   the conjunction of the N constraints.
    mutating func percolated(_ universe: BDD) -> BDD {
        let colours = colourNodes
        if let values = singleColour(of: universe, colours) { return percolated(universe, colour: values) }
        let (functions, regulators, readers) = updateGraph()
        var one = [BDD](repeating: .zero, count: n)
        var zero = [BDD](repeating: .zero, count: n)
        var constraint = [BDD](repeating: .one, count: n)
        var pending = [Bool](repeating: false, count: n)
        var work: [Int] = []
        for i in (0..<n).reversed() where canFlip[i] != .zero {
            pending[i] = true
            work.append(i)
        }
        while let i = work.popLast() {
            pending[i] = false
            let local = network.dd.and(all: regulators[i].map { constraint[$0] })
            let canBeZero = network.dd.exists(network.dd.minus(local, functions[i]), regulators[i])
            let canBeOne = network.dd.exists(network.dd.and(local, functions[i]), regulators[i])
            let newOne = network.dd.or(one[i], network.dd.not(canBeZero))
            let newZero = network.dd.or(zero[i], network.dd.not(canBeOne))
            guard newOne != one[i] || newZero != zero[i] else { continue }
            one[i] = newOne
            zero[i] = newZero
            let x = network.dd.variable(i)
            constraint[i] = network.dd.ite(x, network.dd.not(newZero), network.dd.not(newOne))
            for r in readers[i] where !pending[r] {
                pending[r] = true
                work.append(r)
            }
        }
        return network.dd.and(universe, network.dd.and(all: constraint))
    }

    /// The colour values (per node, -1 for the others) when `universe` holds a single colour,
    /// as it does from one initial state; else `nil`.
    mutating func singleColour(of universe: BDD, _ colours: [Int]) -> [Int8]? {
        guard !colours.isEmpty else { return nil }
        let projection = network.dd.exists(universe, (0..<n).filter { canFlip[$0] != .zero })
        let cubes = network.dd.cubes(projection, limit: 2)
        guard cubes.count == 1, let cube = cubes.first, colours.allSatisfy({ cube[$0] >= 0 }) else { return nil }
        var values = [Int8](repeating: -1, count: n)
        for i in colours { values[i] = cube[i] }
        return values
    }

    /// `universe` (of one colour, `values`) restricted to that colour's percolated subspace, by
    /// plain percolation of the values: the same set as the all-colours computation, without
    /// its diagrams over every colour (which on BBM 258 do not finish).
    ///
    /// - Complexity: O(N × rounds) restrictions of one node's function.
    mutating func percolated(_ universe: BDD, colour values: [Int8]) -> BDD {
        let (functions, regulators, readers) = updateGraph()
        let fixed = percolationRounds(values, regulators: regulators, readers: readers, recordSteps: false) { i, values in
            let f = network.dd.restrict(functions[i], assignment: values)
            return f.isConstant ? (f == .one ? 1 : 0) : nil
        }.values
        let literals = (0..<n).filter { fixed[$0] >= 0 }.map { (variable: $0, value: fixed[$0] == 1) }
        return network.dd.and(universe, network.dd.cube(literals))
    }
}
