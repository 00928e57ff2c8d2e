extension SymbolicNetwork {
    /// The most prime implicants kept for one function before giving up (a guard against
    /// functions of very many regulators, whose prime implicants can be exponentially many).
    static let primeLimit = 50_000

    /// The prime implicants of each node's function and of its negation: `primes[i][v]` lists
    /// the smallest sets of regulator values that force node `i`'s function to `v`, each as
    /// sorted literal codes `2 * node + value`.
    ///
    /// Recursively on the diagram (variable `x` on top, cofactors `f0`, `f1`):
    /// `P(f) = P(f0 ∧ f1) ∪ ¬x·(P(f0) \ P(f0 ∧ f1)) ∪ x·(P(f1) \ P(f0 ∧ f1))` — a prime of
    /// `f0` that is an implicant of `f0 ∧ f1` is a prime of it, and then needs no `x` literal.
    ///
    /// - Throws: `LogicalAnalysisError` when a function has more than `primeLimit` primes.
    /// - Complexity: O(diagram nodes × primes) per function; exponential only in the in-degree.
    mutating func primeImplicants(nodeIDs: [String]) throws(LogicalAnalysisError) -> [[[[Int32]]]] {
        var memo: [UInt32: [[Int32]]] = [:]
        var result: [[[[Int32]]]] = []
        for i in 0..<n {
            let f = functions[i]
            let negated = dd.not(f)
            guard let zero = primes(negated, &memo), let one = primes(f, &memo) else {
                throw LogicalAnalysisError("node '\(nodeIDs[i])' has more than \(Self.primeLimit) prime implicants")
            }
            result.append([zero, one])
        }
        return result
    }

    /// The prime implicants of `f` (`nil` beyond `primeLimit`), memoised by diagram node.
    mutating func primes(_ f: BDD, _ memo: inout [UInt32: [[Int32]]]) -> [[Int32]]? {
        if f == .zero { return [] }
        if f == .one { return [[]] }
        if let known = memo[f.raw] { return known }
        guard let x = dd.topVariable(f) else { return [] }
        let (f0, f1) = dd.children(f)
        let both = dd.and(f0, f1)
        guard let common = primes(both, &memo), let low = primes(f0, &memo), let high = primes(f1, &memo) else { return nil }
        let shared = Set(common)
        var result = common
        for p in low where !shared.contains(p) { result.append([Int32(2 * x)] + p) }
        for p in high where !shared.contains(p) { result.append([Int32(2 * x + 1)] + p) }
        guard result.count <= Self.primeLimit else { return nil }
        memo[f.raw] = result
        return result
    }
}
