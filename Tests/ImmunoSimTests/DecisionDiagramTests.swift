import ImmunoSim
import Testing

/// Property tests of the decision-diagram package against truth tables (functions of up to 6
/// variables as 64-bit masks: bit `a` = value on assignment `a`, variable `v` = bit `v` of `a`).
@Suite("Decision diagrams")
struct DecisionDiagramTests {
    static let n = 6
    static let rows = 1 << n

    /// The truth table of variable v.
    static func column(_ v: Int) -> UInt64 {
        var mask: UInt64 = 0
        for a in 0..<rows where a >> v & 1 == 1 { mask |= 1 << UInt64(a) }
        return mask
    }

    /// A random function built by random connectives, with its truth table.
    static func random(_ dd: inout DecisionDiagram, _ rng: inout SeededGenerator, depth: Int = 4) -> (BDD, UInt64) {
        if depth == 0 || Int.random(in: 0..<5, using: &rng) == 0 {
            let v = Int.random(in: 0..<n, using: &rng)
            return (dd.variable(v), column(v))
        }
        let (f, tf) = random(&dd, &rng, depth: depth - 1)
        let (g, tg) = random(&dd, &rng, depth: depth - 1)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return (dd.and(f, g), tf & tg)
        case 1: return (dd.or(f, g), tf | tg)
        case 2: return (dd.xor(f, g), tf ^ tg)
        default: return (dd.not(f), ~tf)
        }
    }

    /// The diagram of a truth table, built independently (disjunction of minterms).
    static func fromTable(_ dd: inout DecisionDiagram, _ table: UInt64) -> BDD {
        var result = BDD.zero
        for a in 0..<rows where table >> UInt64(a) & 1 == 1 {
            result = dd.or(result, dd.cube((0..<n).map { ($0, a >> $0 & 1 == 1) }))
        }
        return result
    }

    static func table(_ dd: DecisionDiagram, _ f: BDD) -> UInt64 {
        var mask: UInt64 = 0
        for a in 0..<rows where dd.evaluate(f, (0..<n).map { a >> $0 & 1 == 1 }) { mask |= 1 << UInt64(a) }
        return mask
    }

    @Test("connectives, ITE and canonicity agree with truth tables")
    func connectives() {
        var rng = SeededGenerator(seed: 11)
        var dd = DecisionDiagram(variableCount: Self.n, cacheSize: 1024)
        for _ in 0..<150 {
            let (f, tf) = Self.random(&dd, &rng)
            let (g, tg) = Self.random(&dd, &rng)
            let (h, th) = Self.random(&dd, &rng)
            #expect(Self.table(dd, f) == tf)
            #expect(Self.fromTable(&dd, tf) == f, "canonical: equal functions, equal handles")
            #expect(dd.ite(f, g, h) == Self.fromTable(&dd, (tf & tg) | (~tf & th)))
            #expect(dd.implies(f, g) == Self.fromTable(&dd, ~tf | tg))
            #expect(dd.equivalent(f, g) == Self.fromTable(&dd, ~(tf ^ tg)))
            #expect(dd.minus(f, g) == Self.fromTable(&dd, tf & ~tg))
            #expect(dd.satisfyingCount(f) == Double(tf.nonzeroBitCount))
        }
    }

    @Test("exists, forall, restrict and rename agree with truth tables")
    func quantifiers() {
        var rng = SeededGenerator(seed: 12)
        var dd = DecisionDiagram(variableCount: Self.n, cacheSize: 1024)
        for _ in 0..<150 {
            let (f, tf) = Self.random(&dd, &rng)
            let vars = (0..<Self.n).filter { _ in Bool.random(using: &rng) }
            var te: UInt64 = 0, ta: UInt64 = 0
            for a in 0..<Self.rows {
                var any = false, all = true
                for sub in 0..<(1 << vars.count) {
                    var b = a
                    for (k, v) in vars.enumerated() { b = sub >> k & 1 == 1 ? b | 1 << v : b & ~(1 << v) }
                    let value = tf >> UInt64(b) & 1 == 1
                    any = any || value
                    all = all && value
                }
                if any { te |= 1 << UInt64(a) }
                if all { ta |= 1 << UInt64(a) }
            }
            #expect(dd.exists(f, vars) == Self.fromTable(&dd, te))
            #expect(dd.forall(f, vars) == Self.fromTable(&dd, ta))
            // Restrict: fix the chosen variables to random values.
            let literals = vars.map { ($0, Bool.random(using: &rng)) }
            var tr: UInt64 = 0
            for a in 0..<Self.rows {
                var b = a
                for (v, value) in literals { b = value ? b | 1 << v : b & ~(1 << v) }
                if tf >> UInt64(b) & 1 == 1 { tr |= 1 << UInt64(a) }
            }
            #expect(dd.restrict(f, literals.map { (variable: $0.0, value: $0.1) }) == Self.fromTable(&dd, tr))
            // Rename by a random (not order-preserving, not injective) map.
            let mapping = (0..<Self.n).map { _ in Int.random(in: 0..<Self.n, using: &rng) }
            var tn: UInt64 = 0
            for a in 0..<Self.rows {
                var b = 0
                for v in 0..<Self.n where a >> mapping[v] & 1 == 1 { b |= 1 << v }
                if tf >> UInt64(b) & 1 == 1 { tn |= 1 << UInt64(a) }
            }
            #expect(dd.rename(f, mapping) == Self.fromTable(&dd, tn))
        }
    }

    @Test("cubes partition the function; extreme assignments are optimal; compaction keeps roots")
    func queries() {
        var rng = SeededGenerator(seed: 13)
        var dd = DecisionDiagram(variableCount: Self.n, cacheSize: 1024)
        for _ in 0..<100 {
            let (f, tf) = Self.random(&dd, &rng)
            var covered: UInt64 = 0
            for cube in dd.cubes(f) {
                for a in 0..<Self.rows where (0..<Self.n).allSatisfy({ cube[$0] < 0 || Int(cube[$0]) == a >> $0 & 1 }) {
                    #expect(covered >> UInt64(a) & 1 == 0, "cubes are disjoint")
                    covered |= 1 << UInt64(a)
                }
            }
            #expect(covered == tf)
            let weights = (0..<Self.n).map { _ in Int.random(in: -2...3, using: &rng) }
            for maximize in [false, true] {
                let pick = dd.extremeAssignment(f, weights: weights, maximize: maximize)
                var bestWeight: Int?
                for a in 0..<Self.rows where tf >> UInt64(a) & 1 == 1 {
                    let w = (0..<Self.n).reduce(0) { $0 + (a >> $1 & 1 == 1 ? weights[$1] : 0) }
                    if bestWeight.map({ maximize ? w > $0 : w < $0 }) ?? true { bestWeight = w }
                }
                if let pick, let bestWeight {
                    #expect(dd.evaluate(f, pick))
                    #expect((0..<Self.n).reduce(0) { $0 + (pick[$1] ? weights[$1] : 0) } == bestWeight)
                } else {
                    #expect(pick == nil && tf == 0)
                }
            }
        }
        let (f, tf) = Self.random(&dd, &rng)
        let (g, tg) = Self.random(&dd, &rng)
        let before = dd.storedNodeCount
        let kept = dd.compact(keeping: [f, g])
        #expect(dd.storedNodeCount <= before)
        #expect(Self.table(dd, kept[0]) == tf && Self.table(dd, kept[1]) == tg)
        #expect(dd.and(kept[0], kept[1]) == Self.fromTable(&dd, tf & tg))
    }

    @Test("deep diagrams need no deep recursion; counts beyond 2^64")
    func deep() {
        // A chain of 20,000 variables: parity has a node per variable at every depth.
        let n = 20_000
        var dd = DecisionDiagram(variableCount: n)
        var parity = BDD.zero
        for v in stride(from: n - 1, through: 0, by: -1) { parity = dd.xor(dd.variable(v), parity) }
        #expect(dd.nodeCount(parity) == 2 * n - 1)
        let conjunction = dd.and(all: (0..<n).map { dd.variable($0) })
        #expect(dd.and(parity, conjunction) == (n % 2 == 1 ? conjunction : .zero))
        var small = DecisionDiagram(variableCount: 100)
        let x = small.variable(3)
        #expect(small.satisfyingCount(x) == Double.power2Test(99))
        #expect(small.exists(x, [3]) == .one)
    }
}

extension Double {
    static func power2Test(_ k: Int) -> Double { Double(sign: .plus, exponent: k, significand: 1) }
}
