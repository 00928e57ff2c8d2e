extension DecisionDiagram {
    /// The nodes reachable from `f` (terminals excluded), children before parents.
    ///
    /// - Complexity: O(|f|).
    func postOrder(_ f: BDD) -> [UInt32] {
        var order: [UInt32] = []
        var seen = Set<UInt32>()
        var stack: [(UInt32, Bool)] = [(f.raw, false)]
        while let (n, expanded) = stack.popLast() {
            if n < 2 { continue }
            if expanded { order.append(n); continue }
            guard seen.insert(n).inserted else { continue }
            stack.append((n, true))
            stack.append((nodes[Int(n)].high, false))
            stack.append((nodes[Int(n)].low, false))
        }
        return order
    }

    /// The number of decision nodes of `f` (terminals excluded).
    ///
    /// - Complexity: O(|f|).
    public func nodeCount(_ f: BDD) -> Int { postOrder(f).count }

    /// The variables `f` depends on, in increasing order.
    ///
    /// - Complexity: O(|f|).
    public func support(_ f: BDD) -> [Int] {
        Set(postOrder(f).map { Int(nodes[Int($0)].variable) }).sorted()
    }

    /// The number of assignments of all ``variableCount`` variables satisfying `f`, as a `Double`
    /// (exact up to 2^53, then rounded; `+infinity` beyond about 2^1023).
    ///
    /// - Complexity: O(|f|).
    public func satisfyingCount(_ f: BDD) -> Double {
        satisfyingCount(f, over: 0..<variableCount)
    }

    /// The number of assignments of the variables `range` satisfying `f`, which must depend on no
    /// variable outside `range`.
    ///
    /// - Complexity: O(|f|).
    public func satisfyingCount(_ f: BDD, over range: Range<Int>) -> Double {
        if f == .zero { return 0 }
        let top = UInt32(range.upperBound)
        func level(_ n: UInt32) -> UInt32 { n < 2 ? top : nodes[Int(n)].variable }
        var count: [UInt32: Double] = [0: 0, 1: 1]
        for n in postOrder(f) {
            let node = nodes[Int(n)]
            let low = (count[node.low] ?? 0) * Double.power2(Int(level(node.low)) - Int(node.variable) - 1)
            let high = (count[node.high] ?? 0) * Double.power2(Int(level(node.high)) - Int(node.variable) - 1)
            count[n] = low + high
        }
        return (count[f.raw] ?? 0) * Double.power2(Int(level(f.raw)) - range.lowerBound)
    }

    /// Whether the assignment (one value per variable) satisfies `f`.
    ///
    /// - Complexity: O(variables).
    public func evaluate(_ f: BDD, _ assignment: [Bool]) -> Bool {
        var n = f.raw
        while n >= 2 {
            let node = nodes[Int(n)]
            n = assignment[Int(node.variable)] ? node.high : node.low
        }
        return n == 1
    }

    /// The cubes of `f` — its paths to true — as partial assignments (`-1`: variable not on the
    /// path, either value), at most `limit` of them. Their disjunction is `f` and they are
    /// pairwise disjoint.
    ///
    /// - Complexity: O(cubes listed × variables).
    public func cubes(_ f: BDD, limit: Int = Int.max) -> [[Int8]] {
        var result: [[Int8]] = []
        var current = [Int8](repeating: -1, count: variableCount)
        // (node, variable set on the way in, value) — an undo marker has node == UInt32.max.
        var stack: [(node: UInt32, variable: Int, value: Int8)] = [(f.raw, -1, -1)]
        while let (n, variable, value) = stack.popLast(), result.count < limit {
            if n == UInt32.max { current[variable] = -1; continue }
            if variable >= 0 { current[variable] = value }
            if n == 1 {
                result.append(current)
            } else if n >= 2 {
                let node = nodes[Int(n)]
                let v = Int(node.variable)
                stack.append((UInt32.max, v, -1))
                stack.append((node.high, v, 1))
                stack.append((UInt32.max, v, -1))
                stack.append((node.low, v, 0))
            }
        }
        return result
    }

    /// A satisfying assignment of `f` of least (or, with `maximize`, greatest) total weight,
    /// where setting variable `v` to 1 costs `weights[v]` and 0 costs nothing; `nil` when `f` is
    /// false. Variables `f` does not depend on are set to the cheaper (or dearer) value.
    ///
    /// - Complexity: O(|f| + variables).
    public func extremeAssignment(_ f: BDD, weights: [Int], maximize: Bool = false) -> [Bool]? {
        if f == .zero { return nil }
        let n = variableCount
        // Weight of the best free choice for the variables in lo..<hi (prefix sums).
        var prefix = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { prefix[v + 1] = prefix[v] + (maximize ? max(0, weights[v]) : min(0, weights[v])) }
        func gap(_ from: Int, _ to: Int) -> Int { prefix[to] - prefix[from] }
        func level(_ x: UInt32) -> Int { x < 2 ? n : Int(nodes[Int(x)].variable) }
        let impossible = maximize ? Int.min / 4 : Int.max / 4
        var best: [UInt32: (value: Int, high: Bool)] = [0: (impossible, false), 1: (0, false)]
        func better(_ a: Int, _ b: Int) -> Bool { maximize ? a > b : a < b }
        for x in postOrder(f) {
            let node = nodes[Int(x)]
            let v = Int(node.variable)
            let lowValue = best[node.low]?.value ?? impossible
            let highValue = best[node.high]?.value ?? impossible
            let low = lowValue == impossible ? impossible : lowValue + gap(v + 1, level(node.low))
            let high = highValue == impossible ? impossible : highValue + weights[v] + gap(v + 1, level(node.high))
            best[x] = better(high, low) ? (high, true) : (low, false)
        }
        var assignment = [Bool](repeating: false, count: n)
        for v in 0..<n { assignment[v] = maximize ? weights[v] > 0 : weights[v] < 0 }
        var x = f.raw
        while x >= 2 {
            let node = nodes[Int(x)]
            let high = best[x]?.high ?? false
            assignment[Int(node.variable)] = high
            x = high ? node.high : node.low
        }
        return assignment
    }
}

extension Double {
    /// 2^k for any integer k (0 or infinity when out of range).
    static func power2(_ k: Int) -> Double {
        k == 0 ? 1 : Double(sign: .plus, exponent: k, significand: 1)
    }
}
