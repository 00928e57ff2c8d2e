import Foundation
import ImmunoGraph
import ImmunoSim

/// The exact continuous-time Markov chain of a small logical model (≤ ~10 Boolean variables),
/// solved by uniformisation, as the reference for the stochastic engine.
struct ExactCTMC {
    let maxLevels: [Int]
    let states: [[Int]]
    var index: [[Int]: Int] = [:]

    init(maxLevels: [Int]) {
        self.maxLevels = maxLevels
        var all: [[Int]] = [[]]
        for m in maxLevels { all = all.flatMap { s in (0...m).map { s + [$0] } } }
        states = all
        for (k, s) in all.enumerated() { index[s] = k }
    }

    /// The outgoing transitions (next state index, rate) of every state under `rates(state)`,
    /// which lists (node, new level, rate).
    func generator(_ rates: ([Int]) -> [(node: Int, level: Int, rate: Double)]) -> [[(Int, Double)]] {
        states.map { s in
            rates(s).compactMap { t in
                guard t.rate > 0 else { return nil }
                var next = s
                next[t.node] = t.level
                return index[next].map { ($0, t.rate) }
            }
        }
    }

    /// `p · exp(Q t)` by uniformisation.
    func evolve(_ p: [Double], _ q: [[(Int, Double)]], time: Double) -> [Double] {
        guard time > 0 else { return p }
        let exits = q.map { $0.reduce(0) { $0 + $1.1 } }
        let lambda = max(1e-9, exits.max() ?? 0)
        var term = p
        var weight = exp(-lambda * time)
        var result = p.map { $0 * weight }
        var cumulative = weight
        var k = 0
        while cumulative < 1 - 1e-13 && k < 100_000 {
            k += 1
            var next = [Double](repeating: 0, count: p.count)
            for s in term.indices where term[s] != 0 {
                next[s] += term[s] * (1 - exits[s] / lambda)
                for (t, r) in q[s] { next[t] += term[s] * r / lambda }
            }
            term = next
            weight *= lambda * time / Double(k)
            cumulative += weight
            for s in result.indices { result[s] += weight * term[s] }
        }
        return result
    }

    /// The probability of `node ≥ level` in distribution `p`.
    func marginal(_ p: [Double], node: Int, atLeast level: Int = 1) -> Double {
        zip(states, p).reduce(0) { $0 + ($1.0[node] >= level ? $1.1 : 0) }
    }

    /// The average of `p(t)` over `[a, b)` (Simpson's rule on 40 intervals) starting from `p`
    /// at time `from`.
    func windowAverage(_ p0: [Double], _ q: [[(Int, Double)]], from: Double, _ a: Double, _ b: Double) -> [Double] {
        let m = 40
        var sum = [Double](repeating: 0, count: p0.count)
        var p = evolve(p0, q, time: a - from)
        let h = (b - a) / Double(m)
        for k in 0...m {
            let w = (k == 0 || k == m) ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0)
            for s in sum.indices { sum[s] += w * p[s] }
            if k < m { p = evolve(p, q, time: h) }
        }
        return sum.map { $0 * h / 3 / (b - a) }
    }
}

/// A reference evaluator of MaBoSS rate expressions (independent of the engine's compiler).
func referenceValue(_ e: MaBoSSExpression, levels: (String) -> Int, logic: Bool, parameters: [String: Double]) -> Double {
    func v(_ e: MaBoSSExpression) -> Double { referenceValue(e, levels: levels, logic: logic, parameters: parameters) }
    switch e {
    case .number(let x): return x
    case .node(let id): return levels(id) > 0 ? 1 : 0
    case .parameter(let name): return parameters[name] ?? .nan
    case .variable(let name): return name == "logic" ? (logic ? 1 : 0) : .nan
    case .unary(let op, let inner): return op == .not ? (v(inner) == 0 ? 1 : 0) : -v(inner)
    case .conditional(let c, let a, let b): return v(c) != 0 ? v(a) : v(b)
    case .binary(let op, let l, let r):
        let a = v(l), b = v(r)
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .less: return a < b ? 1 : 0
        case .lessOrEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterOrEqual: return a >= b ? 1 : 0
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .and: return a != 0 && b != 0 ? 1 : 0
        case .or: return a != 0 || b != 0 ? 1 : 0
        case .xor: return (a != 0) != (b != 0) ? 1 : 0
        }
    }
}

/// The reference transitions of a logical model under MaBoSS rates: gated defaults unless a rate
/// expression is given, clamped nodes frozen, rates scaled.
func referenceTransitions(
    _ logical: LogicalModel, rates: [String: NodeRates], parameters: [String: Double],
    clamped: Set<Int> = [], upScale: [Int: Double] = [:], downScale: [Int: Double] = [:]
) -> ([Int]) -> [(node: Int, level: Int, rate: Double)] {
    { state in
        var result: [(node: Int, level: Int, rate: Double)] = []
        let lookup: (String) -> Int = { id in logical.index(of: id).map { state[$0] } ?? 0 }
        for i in state.indices where !clamped.contains(i) {
            let target = logical.referenceTarget(of: i, in: state)
            let spec = rates[logical.nodeIDs[i]]
            let su = upScale[i] ?? 1, sd = downScale[i] ?? 1
            if let spec, logical.maxLevels[i] == 1 {
                let up = spec.up ?? .whenLogic(1), down = spec.down ?? .unlessLogic(1)
                if state[i] == 0 {
                    let r = referenceValue(up, levels: lookup, logic: target == 1, parameters: parameters)
                    result.append((i, 1, max(0, r) * su))
                } else {
                    let r = referenceValue(down, levels: lookup, logic: target == 1, parameters: parameters)
                    result.append((i, 0, max(0, r) * sd))
                }
            } else if target > state[i] {
                result.append((i, state[i] + 1, su))
            } else if target < state[i] {
                result.append((i, state[i] - 1, sd))
            }
        }
        return result
    }
}
