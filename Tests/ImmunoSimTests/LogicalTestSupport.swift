import ImmunoGraph
import ImmunoSim
import Testing

/// Seeded random logical networks and brute-force references for the logical engine's tests.
enum RandomLogical {
    /// A random expression over `inputs` (with comparisons for multi-valued inputs).
    static func expression(_ inputs: [(String, Int)], depth: Int, using rng: inout SeededGenerator) -> Expression {
        if depth == 0 || inputs.isEmpty || Int.random(in: 0..<4, using: &rng) == 0 {
            guard let (id, maxLevel) = inputs.randomElement(using: &rng) else { return .constant(Bool.random(using: &rng)) }
            if Int.random(in: 0..<12, using: &rng) == 0 { return .constant(Bool.random(using: &rng)) }
            if maxLevel > 1 {
                let level = Int.random(in: 0...maxLevel, using: &rng)
                return .atom(.init(id, Bool.random(using: &rng) ? .atLeast : .equal, level))
            }
            return .variable(id)
        }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .not(expression(inputs, depth: depth - 1, using: &rng))
        case 1: return .and((0..<Int.random(in: 2...3, using: &rng)).map { _ in expression(inputs, depth: depth - 1, using: &rng) })
        default: return .or((0..<Int.random(in: 2...3, using: &rng)).map { _ in expression(inputs, depth: depth - 1, using: &rng) })
        }
    }

    /// A random model with explicit functions: each node reads up to `k` random nodes; some nodes
    /// are multi-valued (when `multiValued`), some keep their level, some have several terms.
    static func model(nodes n: Int, k: Int, multiValued: Bool, seed: UInt64) throws -> LogicalModel {
        var rng = SeededGenerator(seed: seed)
        let maxLevels = (0..<n).map { _ in multiValued && Int.random(in: 0..<3, using: &rng) == 0 ? Int.random(in: 2...3, using: &rng) : 1 }
        let ids = (0..<n).map { "x\($0)" }
        var functions: [NodeFunction] = []
        for i in 0..<n {
            if Int.random(in: 0..<8, using: &rng) == 0 { functions.append(.keep); continue }
            let inputs = (0..<Int.random(in: 1...k, using: &rng)).map { _ -> (String, Int) in
                let j = Int.random(in: 0..<n, using: &rng)
                return (ids[j], maxLevels[j])
            }
            if maxLevels[i] > 1 && Bool.random(using: &rng) {
                let terms = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                    (expression(inputs, depth: 2, using: &rng), Int.random(in: 0...maxLevels[i], using: &rng))
                }
                functions.append(NodeFunction(terms: terms, default: Bool.random(using: &rng) ? nil : Int.random(in: 0...maxLevels[i], using: &rng)))
            } else if Int.random(in: 0..<5, using: &rng) == 0 {
                functions.append(NodeFunction(body: .weightedSum(inputs.map { input in
                    .init(input.0, level: Int.random(in: 1...input.1, using: &rng), weight: Double(Int.random(in: -2...2, using: &rng)))
                })))
            } else {
                functions.append(.boolean(expression(inputs, depth: 3, using: &rng), maxLevel: maxLevels[i]))
            }
        }
        return try LogicalModel(name: "random\(seed)", nodes: Array(zip(ids, maxLevels)), functions: functions,
                                initialLevels: maxLevels.map { Int.random(in: 0...$0, using: &rng) })
    }

    /// A random signed graph (no rules) for the derived-rule policies.
    static func graph(nodes n: Int, edges: Int, seed: UInt64, multiValued: Bool = false) throws -> MechanismGraph {
        var rng = SeededGenerator(seed: seed)
        var builder = GraphBuilder(name: "random\(seed)")
        for i in 0..<n {
            builder.add(Node("n\(i)", kind: .process, maxLevel: multiValued && i % 3 == 0 ? 2 : 1))
        }
        var seen = Set<Int>()
        var attempts = 0
        while seen.count < edges && attempts < edges * 20 {
            attempts += 1
            let s = Int.random(in: 0..<n, using: &rng), t = Int.random(in: 0..<n, using: &rng)
            if seen.insert(s * n + t).inserted {
                builder.add(Edge("n\(s)", Bool.random(using: &rng) ? .activates : .inhibits, "n\(t)",
                                 weight: Double(Int.random(in: 1...2, using: &rng))))
            }
        }
        return try builder.build()
    }

    /// Every state of `model` (all levels of all nodes), in lexicographic order.
    static func allStates(_ model: LogicalModel) -> [[Int]] {
        var states: [[Int]] = [[]]
        for m in model.maxLevels { states = states.flatMap { s in (0...m).map { s + [$0] } } }
        return states
    }

    /// Brute-force fixed points: states where every unclamped node's reference target is its level.
    static func fixedPoints(_ model: LogicalModel) -> [[Int]] {
        let clamps = model.permanentClamps
        return allStates(model).filter { state in
            for c in clamps where state[c.node] != c.level { return false }
            return (0..<model.nodeCount).allSatisfy { i in
                clamps.contains { $0.node == i } || model.referenceTarget(of: i, in: state) == state[i]
            }
        }
    }

    /// Brute-force synchronous attractors over all states (clamped nodes fixed), as sets of
    /// (sorted cycle states, basin).
    static func synchronousAttractors(_ model: LogicalModel) -> [[[Int]]: Int] {
        let clamps = model.permanentClamps
        let states = allStates(model).filter { s in clamps.allSatisfy { s[$0.node] == $0.level } }
        var result: [[[Int]]: Int] = [:]
        for start in states {
            var seen: [[Int]: Int] = [:]
            var path: [[Int]] = []
            var s = start
            while seen[s] == nil {
                seen[s] = path.count
                path.append(s)
                s = model.referenceSynchronousStep(s, step: 1)
                for c in clamps { s[c.node] = c.level }
            }
            let cycle = Array(path[seen[s]!...]).sorted { $0.lexicographicallyPrecedes($1) }
            result[cycle, default: 0] += 1
        }
        return result
    }

    /// Brute-force asynchronous successors of a state (one node one level toward its target).
    static func asynchronousSuccessors(_ model: LogicalModel, _ state: [Int]) -> [[Int]] {
        let clamped = Set(model.permanentClamps.map(\.node))
        var result: [[Int]] = []
        for i in 0..<model.nodeCount where !clamped.contains(i) {
            let t = model.referenceTarget(of: i, in: state)
            if t != state[i] {
                var next = state
                next[i] += t > state[i] ? 1 : -1
                result.append(next)
            }
        }
        return result
    }

    /// Brute-force asynchronous attractors: states whose reachable set all reach back to them,
    /// grouped into sets.
    static func asynchronousAttractors(_ model: LogicalModel) -> Set<[[Int]]> {
        let clamps = model.permanentClamps
        let states = allStates(model).filter { s in clamps.allSatisfy { s[$0.node] == $0.level } }
        func reach(_ s: [Int]) -> Set<[Int]> {
            var seen: Set<[Int]> = [s]
            var queue = [s]
            while let x = queue.popLast() {
                for y in asynchronousSuccessors(model, x) where seen.insert(y).inserted { queue.append(y) }
            }
            return seen
        }
        var reachable: [[Int]: Set<[Int]>] = [:]
        for s in states { reachable[s] = reach(s) }
        var result = Set<[[Int]]>()
        for s in states {
            let r = reachable[s]!
            if r.allSatisfy({ reachable[$0]!.contains(s) }) {
                result.insert(r.sorted { $0.lexicographicallyPrecedes($1) })
            }
        }
        return result
    }
}

/// Checks shared by the symbolic attractor tests.
enum SymbolicCheck {
    /// Expects the symbolic asynchronous attractors (states and basins) of `model` to equal
    /// state-by-state enumeration, and the attractor summaries to count them.
    static func expectEqualsEnumeration(_ model: LogicalModel, seed: UInt64,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try model.asynchronousAttractors(symbolicAbove: .max)
        #expect(try model.symbolicAsynchronousAttractors() == expected, "seed \(seed)", sourceLocation: sourceLocation)
        #expect(try model.asynchronousAttractorSummaries().count == Double(expected.attractors.count), "seed \(seed)",
                sourceLocation: sourceLocation)
    }
}
