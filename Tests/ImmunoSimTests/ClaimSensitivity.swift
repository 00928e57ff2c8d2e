import ImmunoGraph

/// Which jittered parameters a claim's margin hinges on: the Spearman rank correlation, over the
/// variants of a robustness sweep, between each parameter's jitter factor and the claim's effect
/// (``ClaimCheck/effect``, the smallest margin of its sized parts). A claim that fails in some
/// variants usually fails because one or two parameters moved; naming them turns "88 %" into a
/// mechanism to read (`Scripts/claim-robustness.sh --sensitivity`).
enum ClaimSensitivity {
    /// The `count` parameters whose factors correlate most strongly (by |ρ|) with `effects`.
    ///
    /// - Parameters:
    ///   - base: the nominal graph.
    ///   - variants: the jittered graphs (``ClaimVariant/apply(to:)`` of `base`), one per effect.
    ///   - effects: the claim's effect in each variant.
    /// - Complexity: O(p · v log v) for p parameters and v variants.
    static func strongest(base: MechanismGraph, variants: [MechanismGraph], effects: [Double], count: Int = 5) -> [(name: String, rho: Double)] {
        guard variants.count == effects.count, variants.count > 2 else { return [] }
        let baseParameters = parameters(base)
        let names = baseParameters.map(\.name), baseValues = baseParameters.map(\.value)
        let factors: [[Double]] = variants.map { graph in
            zip(parameters(graph).map(\.value), baseValues).map { $1 == 0 ? 1 : $0 / $1 }
        }
        let effectRanks = ranks(effects)
        var result: [(name: String, rho: Double)] = []
        for p in names.indices {
            let column = factors.map { $0.count == names.count ? $0[p] : 1 }
            let rho = correlation(ranks(column), effectRanks)
            if rho.isFinite { result.append((names[p], rho)) }
        }
        return Array(result.sorted { abs($0.rho) > abs($1.rho) }.prefix(count))
    }

    /// Every jittered parameter of `graph` with its value, in a fixed order: node basal levels and
    /// rates, edge weights and thresholds (as graded fractions, the way ``ClaimVariant`` reads them).
    static func parameters(_ graph: MechanismGraph) -> [(name: String, value: Double)] {
        var result: [(name: String, value: Double)] = []
        for node in graph.nodes {
            if let basal = node.basal { result.append(("basal \(node.id)", basal)) }
            result.append(("rate \(node.id)", node.rate ?? 0.5))
        }
        for edge in graph.edges {
            let label = "\(edge.source)>\(edge.target)"
            result.append(("weight \(label)", edge.weight))
            result.append(("threshold \(label)", ClaimVariant.thresholdFraction(of: edge, in: graph)))
        }
        return result
    }

    /// Ranks (1-based, ties averaged).
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j { result[order[k]] = rank }
            i = j + 1
        }
        return result
    }

    /// Pearson correlation of two equally long series (NaN when either is constant).
    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
