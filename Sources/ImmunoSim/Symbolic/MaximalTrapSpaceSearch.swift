/// Maximal trap spaces by a search over self-sustaining sets of node values.
///
/// A trap space is given by the values `L` it fixes, each *sustained*: node `j` fixed at `w` has
/// `f_j = w` on the whole subspace, i.e. some prime implicant of `f_j = w` lies in `L`. A proper
/// trap space is maximal exactly when its `L` is an inclusion-minimal non-empty sustained set.
///
/// The search starts from one value `(i, v)` and, while some fixed value is not sustained, adds
/// the values of one of its prime implicants consistent with the set (branching over them, the
/// value with the fewest candidates first, dead when one has none). Complete: for a maximal trap
/// space with values `L*` and a seed in `L*`, each step from a set `S ⊆ L*` has a branch staying
/// in `L*` (`f_j = w` on the subspace of `L*`, so a prime of it lies in `L*`), and a sustained
/// `S ⊆ L*` is `L*` itself (its trap space holds `L*`'s and is proper, hence equal by
/// maximality). A set holding one already found is pruned (it can only grow into a larger set);
/// sets seen once are not searched again. The sustained sets found are trap spaces; the maximal
/// ones among them are the answer.
///
/// Two prunings keep large models small. A single value that sustains itself (an input, a
/// constant) is a maximal trap space alone, and any other minimal sustained set holding it would
/// hold that one: such values are left out of every other search. And a value none of whose
/// primes is made of values that can still occur cannot occur either (a greatest fixed point):
/// chains leading back only to inputs are never explored.
struct MaximalTrapSpaceSearch {
    let n: Int
    /// `primes[i][v]`: the prime implicants of `f_i = v` (literal codes `2 * node + value`)
    /// made of viable values only.
    let primes: [[[[Int32]]]]
    /// `viable[i][v]`: whether node `i` at `v` can be in a sustained set other than a single value
    /// (nodes that must stay free — inputs with `InputHandling.free` — never are).
    let viable: [[Bool]]
    /// The sustained single values (inputs, constants), each a maximal trap space.
    let singles: [[Int8]]
    let budget: DiagramBudget?
    /// The sustained sets found, as value vectors.
    var found: [[Int8]] = []
    var seen: Set<[Int8]> = []
    var steps = 0

    init(_ model: LogicalModel, inputs: InputHandling, budget: DiagramBudget?) throws(LogicalAnalysisError) {
        var network = try SymbolicNetwork(model)
        let n = network.n
        self.n = n
        let isInput = (0..<n).map { network.functions[$0] == network.dd.variable($0) }
        let fixable = (0..<n).map { inputs == .fixed || !isInput[$0] }
        let all = try network.primeImplicants(nodeIDs: model.nodeIDs)
        // Single values sustaining themselves (an input, a constant): each is a maximal trap space
        // on its own, and no other minimal sustained set holds it — so it is left out of the rest.
        var viable = (0..<n).map { [fixable[$0], fixable[$0]] }
        var singles: [[Int8]] = []
        for j in 0..<n where fixable[j] {
            for w in 0..<2 where all[j][w].contains(where: { p in p.allSatisfy { $0 == Int32(2 * j + w) } }) {
                var values = [Int8](repeating: -1, count: n)
                values[j] = Int8(w)
                singles.append(values)
                viable[j][w] = false
            }
        }
        // A value can be in a sustained set only if one of its primes is made of such values:
        // the greatest set of values closed under that (iterated to a fixed point).
        var changed = true
        while changed {
            changed = false
            for j in 0..<n {
                for w in 0..<2 where viable[j][w]
                    && !all[j][w].contains(where: { p in p.allSatisfy { viable[Int($0 >> 1)][Int($0 & 1)] } }) {
                    viable[j][w] = false
                    changed = true
                }
            }
        }
        primes = (0..<n).map { j in
            (0..<2).map { w in
                viable[j][w] ? all[j][w].filter { p in p.allSatisfy { viable[Int($0 >> 1)][Int($0 & 1)] } } : []
            }
        }
        self.viable = viable
        self.singles = singles
        self.budget = budget
    }

    /// The maximal trap spaces (all of them), or `nil` when the deadline passed.
    mutating func run() -> [Subspace]? {
        for i in 0..<n {
            for v in 0..<2 where viable[i][v] {
                var values = [Int8](repeating: -1, count: n)
                values[i] = Int8(v)
                guard search(values) else { return nil }
            }
        }
        // The maximal ones: drop every set holding another (a smaller trap space).
        let kept = found.filter { a in
            !found.contains { b in b != a && Self.holds(a, b) }
        }
        return TrapSpaceEncoding.sortedByText((singles + kept).map(Subspace.init(values:)))
    }

    /// Whether the values `a` fix include all those of `b`.
    static func holds(_ a: [Int8], _ b: [Int8]) -> Bool {
        for k in a.indices where b[k] >= 0 && a[k] != b[k] { return false }
        return true
    }

    /// Searches every sustained extension of `values`; `false` when the deadline passed.
    /// Recursion depth at most the number of nodes (each level fixes at least one more).
    mutating func search(_ values: [Int8]) -> Bool {
        steps += 1
        if steps & 1023 == 0, budget?.isPastDeadline == true { return false }
        guard seen.insert(values).inserted else { return true }
        if found.contains(where: { Self.holds(values, $0) }) { return true }
        // The unsustained fixed value with the fewest consistent primes.
        var best: [[Int32]]? = nil
        for j in 0..<n where values[j] >= 0 {
            var options: [[Int32]] = []
            var sustained = false
            for p in primes[j][Int(values[j])] {
                var consistent = true, inside = true
                for literal in p {
                    let value = values[Int(literal >> 1)]
                    if value < 0 { inside = false } else if value != Int8(literal & 1) { consistent = false; break }
                }
                if !consistent { continue }
                if inside { sustained = true; break }
                options.append(p)
            }
            if sustained { continue }
            if options.isEmpty { return true }  // dead end
            if best == nil || options.count < (best?.count ?? 0) { best = options }
        }
        guard let branches = best else {
            found.append(values)
            return true
        }
        for p in branches {
            var next = values
            for literal in p { next[Int(literal >> 1)] = Int8(literal & 1) }
            guard search(next) else { return false }
        }
        return true
    }
}
