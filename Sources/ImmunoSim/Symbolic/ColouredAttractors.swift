/// Attractors found by the coloured search, still symbolic: the fixed points (each state its own
/// attractor) and sets holding exactly one attractor per valuation of the inputs they cover.
struct ColouredAttractors {
    /// Every fixed point, as one set.
    var fixedPoints: BDD
    /// Sets of non-trivial attractors: for every input valuation (colour) a set covers, its
    /// states of that colour are one terminal strongly connected component.
    var cycles: [BDD]
}

extension AsynchronousGraph {
    /// The nodes that never change (inputs, whose function is their own value): their values
    /// are the *colours* of the search, every colour an independent copy of the network.
    var colourNodes: [Int] { (0..<n).filter { canFlip[$0] == .zero } }

    /// One state of `set` per colour it holds (the least one, variable by variable), so one
    /// search step serves every input valuation at once — the coloured pivots of AEON.
    ///
    /// - Complexity: one existential quantification per non-colour node.
    mutating func pickPerColour(_ set: BDD, colour: [Bool]) -> BDD {
        var result = set
        let free = (0..<n).filter { !colour[$0] }
        for (k, v) in free.enumerated() {
            // Prefixes (colour, earlier nodes) with a completion where v = 0 keep only v = 0.
            let zero = network.dd.and(result, network.dd.notVariable(v))
            let hasZero = network.dd.exists(zero, Array(free[k...]))
            result = network.dd.minus(result, network.dd.and(network.dd.variable(v), hasZero))
        }
        return result
    }

    /// The attractors inside the forward-closed `universe`, by a coloured Xie–Beerel search:
    /// fixed points first (all at once), then pivots one per colour; the colours whose forward set
    /// lies in the pivot's backward set are done (a terminal SCC each), the others move their
    /// pivot into the escape and shrink. The basin of what was found is then removed.
    ///
    /// - Complexity: O(attractors of one colour × reachability) rounds, each serving every colour;
    ///   exponential in the worst case, fast on published models.
    mutating func colouredAttractors(in start: BDD) -> ColouredAttractors {
        var universe = start
        var colour = [Bool](repeating: false, count: n)
        for i in colourNodes { colour[i] = true }
        let free = (0..<n).filter { !colour[$0] }
        // The fixed points of the universe, narrowed node by node (never the union of every
        // node's move set, which can be far larger than the universe: 195's).
        var sinks = universe
        for f in canFlip where f != .zero && sinks != .zero { sinks = network.dd.minus(sinks, f) }
        if sinks != .zero {
            universe = network.dd.minus(universe, reach(sinks, within: universe, forward: false))
        }
        var cycles: [BDD] = []
        while universe != .zero {
            var pivots = pickPerColour(universe, colour: colour)
            var forward = reach(pivots, within: universe, forward: true)
            var found = BDD.zero
            while true {
                let backward = reach(pivots, within: forward, forward: false)
                let escape = network.dd.minus(forward, backward)
                let escaping = network.dd.exists(escape, free)
                let done = network.dd.minus(forward, escaping)
                if done != .zero {
                    cycles.append(done)
                    found = network.dd.or(found, done)
                }
                if escape == .zero { break }
                pivots = pickPerColour(escape, colour: colour)
                forward = reach(pivots, within: network.dd.and(forward, escaping), forward: true)
            }
            universe = network.dd.minus(universe, reach(found, within: universe, forward: false))
        }
        return ColouredAttractors(fixedPoints: sinks, cycles: cycles)
    }

    /// The number of attractors in `found`: every fixed point, plus one per colour of each set.
    mutating func attractorCount(_ found: ColouredAttractors) -> Double {
        var total = network.dd.satisfyingCount(found.fixedPoints)
        let free = (0..<n).filter { canFlip[$0] != .zero }
        for set in found.cycles {
            // Two statements: in `dd.satisfyingCount(dd.exists(…))` Swift reads `dd` for the outer
            // (non-mutating) call before the inner call adds nodes, so the outer call would see
            // the diagram without the new root (an index out of range).
            let colours = network.dd.exists(set, free)
            total += network.dd.satisfyingCount(colours) / Double.power2(free.count)
        }
        return total
    }

    /// The individual attractors of a coloured set: its states of each colour it covers.
    mutating func split(_ set: BDD) -> [BDD] {
        let colours = colourNodes
        let free = (0..<n).filter { canFlip[$0] != .zero }
        let covered = network.dd.exists(set, free)
        var result: [BDD] = []
        for cube in network.dd.cubes(covered) {
            let open = colours.filter { cube[$0] < 0 }
            for combination in 0..<(1 << min(open.count, 30)) {
                var literals: [(variable: Int, value: Bool)] = []
                for i in colours {
                    if let k = open.firstIndex(of: i) {
                        literals.append((i, combination >> k & 1 == 1))
                    } else {
                        literals.append((i, cube[i] == 1))
                    }
                }
                let one = network.dd.and(set, network.dd.cube(literals))
                if one != .zero { result.append(one) }
            }
        }
        return result
    }
}

extension LogicalModel {
    /// The attractors inside `universe`, exact, by the cheapest route that works. Every
    /// attractor lies in the percolated input subspaces (forward-closed; see `percolated(_:)`),
    /// so only those are searched:
    ///
    /// 1. seeded by the network reduced to a feedback vertex set (see ``FeedbackReduction``):
    ///    the attractors of the forward set of its terminal components' candidates — unless that
    ///    set grows past `allowance` diagram nodes (the candidates were transient);
    /// 2. else seeded by the minimal trap spaces (each holds an attractor; their union is
    ///    forward-closed and small, so their attractors are found first and cheaply), then
    ///    completed: a proof on the reduced network that nothing was missed, or, failing it, one
    ///    backward reachability removing every state that reaches what was found, and a search of
    ///    what is left (states of attractors outside every minimal trap space, if any).
    ///    Without usable trap spaces (more than `seedLimit`), the plain coloured search.
    ///
    /// - Complexity: 1: a search over |feedback set| variables and one forward reachability;
    ///   2: the minimal trap spaces, a search inside them, and a proof or one backward
    ///   reachability over `universe` with a search of what is left.
    ///
    /// With `removed` (the nodes an `AttractorReduction` took out of `graph`), the trap spaces
    /// of the whole model are projected onto the rest: still trap sets of the reduced network.
    /// `allowance` bounds the diagram nodes the reduction and route 1 may add; `feedbackSeeding`
    /// false skips route 1 (tests reach route 2 with it). A percolated space of at most
    /// `smallSpace` states (one input valuation, typically) is searched as it is.
    func seededAttractors(_ graph: inout AsynchronousGraph, in universe: BDD, removed: [Int] = [],
                          seedLimit: Int = 100_000, allowance: Int = 1 << 21,
                          feedbackSeeding: Bool = true, smallSpace: Double = 65_536) -> ColouredAttractors {
        let percolated = graph.percolated(universe)
        // A small space (often one input valuation, from given states): searched as it is.
        if graph.network.dd.satisfyingCount(percolated) <= smallSpace { return graph.colouredAttractors(in: percolated) }
        let reduction = FeedbackReduction(&graph, allowance: allowance)
        if feedbackSeeding, let reduction, let found = graph.feedbackSeededAttractors(reduction, in: percolated, allowance: allowance) {
            return found
        }
        guard let spaces = try? trapSpaceList(limit: seedLimit), !spaces.isTruncated else {
            return graph.colouredAttractors(in: percolated)
        }
        var cubes: [BDD] = []
        cubes.reserveCapacity(spaces.spaces.count)
        for space in spaces.spaces {
            let literals = space.values.indices.filter { space.values[$0] >= 0 }.map { (variable: $0, value: space.values[$0] == 1) }
            cubes.append(graph.network.dd.cube(literals))
        }
        // A balanced union: O(total size × log spaces), not O(spaces × union size).
        var seeds = graph.network.dd.or(all: cubes)
        // Minimal trap spaces are trap sets, so this part of the universe is forward-closed.
        seeds = graph.network.dd.and(graph.network.dd.exists(seeds, removed), percolated)
        var found = graph.colouredAttractors(in: seeds)
        if let reduction, graph.provesComplete(found, in: percolated, by: reduction) { return found }
        var reached = graph.network.dd.or(all: [found.fixedPoints] + found.cycles)
        // Backward paths into `percolated` stay in it (it is forward-closed), so the search runs
        // in the simpler `universe`.
        reached = graph.reach(reached, within: universe, forward: false)
        let rest = graph.network.dd.minus(percolated, reached)
        if rest != .zero {
            let more = graph.colouredAttractors(in: rest)
            found.fixedPoints = graph.network.dd.or(found.fixedPoints, more.fixedPoints)
            found.cycles += more.cycles
        }
        return found
    }
}
