import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// The MaBoSS export's thermometer coding of multi-valued nodes (``MaBoSSFormat``), checked
/// against the engines' own semantics: the logic of every written variable on every state, and
/// the stochastic engine on the written files against the same engine on the source model.
@Suite("MaBoSS export: thermometer-coded multi-valued nodes")
struct MaBoSSThermometerTests {
    /// A random graph mixing every way a node states its logic: multi-valued level rules (with
    /// `==` and `>=` atoms, levels out of range included), Boolean rules read at a multi-valued
    /// maximum, rules derived from signed edges (some read at level 2), and inputs.
    static func graph(seed: UInt64) throws -> MechanismGraph {
        var rng = SeededGenerator(seed: seed)
        let n = 3 + Int(seed % 3)
        let maxLevels = (0..<n).map { _ in Int.random(in: 1...3, using: &rng) }
        let ids = (0..<n).map { "x\($0)" }
        var builder = GraphBuilder(name: "thermometer\(seed)")
        var derived: [Int] = []
        func atom() -> ImmunoGraph.Expression {
            let j = Int.random(in: 0..<n, using: &rng)
            let level = Int.random(in: 0...(maxLevels[j] + 1), using: &rng)
            return .atom(.init(ids[j], Bool.random(using: &rng) ? .atLeast : .equal, level))
        }
        func expression(_ depth: Int) -> ImmunoGraph.Expression {
            if depth == 0 || Int.random(in: 0..<3, using: &rng) == 0 { return atom() }
            let items = (0..<Int.random(in: 2...3, using: &rng)).map { _ in expression(depth - 1) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .not(items[0])
            case 1: return .and(items)
            default: return .or(items)
            }
        }
        for i in 0..<n {
            var node = Node(ids[i], kind: .process, maxLevel: maxLevels[i], initialLevel: Int.random(in: 0...maxLevels[i], using: &rng))
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                let terms = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                    LevelRule(expression(2), level: Int.random(in: 0...maxLevels[i], using: &rng))
                }
                node.levelRules = LevelRules(terms: terms, defaultLevel: Int.random(in: 0...maxLevels[i], using: &rng))
            case 1: node.rule = expression(3)
            case 2: derived.append(i)
            default: break  // an input: keeps its level
            }
            builder.add(node)
        }
        for i in derived {
            var sources = Set<Int>()
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let j = Int.random(in: 0..<n, using: &rng)
                guard sources.insert(j).inserted else { continue }
                let threshold: Double? = maxLevels[j] > 1 && Bool.random(using: &rng) ? 1.5 : nil
                builder.add(Edge(ids[j], Bool.random(using: &rng) ? .activates : .inhibits, ids[i], threshold: threshold))
            }
        }
        return try builder.build()
    }

    /// The written variables of node `id` (maximum `m`): `id`, `id_b2`, …, `id_bm`.
    static func variables(_ id: String, _ m: Int) -> [String] {
        [MaBoSSFormat.identifier(id)] + (m > 1 ? (2...m).map { MaBoSSFormat.identifier(id) + "_b\($0)" } : [])
    }

    /// The two writers' coded files read back as Boolean graphs (MaBoSS by default, bnet with
    /// `thermometer`).
    static func written(_ graph: MechanismGraph, bnet: Bool) throws -> MechanismGraph {
        if bnet { return try BnetFormat.read(try BnetFormat.write(graph, thermometer: true), name: graph.name) }
        let (bnd, cfg) = MaBoSSFormat.write(graph)
        return try MaBoSSReader.read(bnd: bnd, cfg: cfg, name: graph.name).graph
    }

    @Test("on every state of 60 random multi-valued models, each written variable X_bk reads (target ≥ k & X ≥ k−1) | X ≥ k+1 of the engines' semantics",
          arguments: ["maboss", "bnet"])
    func variableLogicIsTheUnitaryUpdate(_ format: String) throws {
        var multiValued = 0, states = 0
        for seed in UInt64(1)...60 {
            let graph = try Self.graph(seed: seed)
            let model = try LogicalModel(graph)
            let back = try Self.written(graph, bnet: format == "bnet")
            let names = graph.nodes.map { Self.variables($0.id, $0.maxLevel) }
            #expect(back.nodes.map(\.id) == names.flatMap { $0 }, "seed \(seed)")
            if graph.nodes.contains(where: { $0.maxLevel > 1 }) { multiValued += 1 }
            let rules = back.nodes.indices.map { back.effectiveRule(for: $0) }
            for state in RandomLogical.allStates(model) {
                var coded: [String: Int] = [:]
                for (i, vars) in names.enumerated() {
                    for (k, name) in zip(1..., vars) { coded[name] = state[i] >= k ? 1 : 0 }
                }
                var v = 0
                for (i, vars) in names.enumerated() {
                    let target = model.referenceTarget(of: i, in: state)
                    for k in 1...vars.count {
                        let expected = (target >= k && state[i] >= k - 1) || state[i] >= k + 1
                        // An input (no rule read back) keeps its state.
                        let written = rules[v].map { $0.evaluate { coded[$0] ?? 0 } } ?? (state[i] >= k)
                        #expect(written == expected, "seed \(seed) \(vars[k - 1]) in \(state): target \(target)")
                        v += 1
                    }
                }
                states += 1
            }
        }
        #expect(multiValued >= 50 && states >= 2000, "\(multiValued) models, \(states) states")
    }

    @Test("the bnet coding has exactly the multi-valued asynchronous attractors (random models up to 9 variables, brute force)")
    func bnetCodingKeepsTheAsynchronousAttractors() throws {
        var checked = 0
        for seed in UInt64(1)...60 {
            let graph = try Self.graph(seed: seed)
            guard graph.nodes.reduce(0, { $0 + $1.maxLevel }) <= 9, graph.nodes.contains(where: { $0.maxLevel > 1 }) else { continue }
            let model = try LogicalModel(graph)
            let boolean = try LogicalModel(try Self.written(graph, bnet: true))
            // Variables of node i: a run of maxLevel variables in node order; its level is how many are on.
            let widths = graph.nodes.map(\.maxLevel)
            func decode(_ state: [Int]) -> [Int] {
                var offset = 0
                return widths.map { w in
                    defer { offset += w }
                    return state[offset..<(offset + w)].reduce(0, +)
                }
            }
            let decoded = Set(RandomLogical.asynchronousAttractors(boolean).map { attractor in
                Set(attractor.map(decode)).sorted { $0.lexicographicallyPrecedes($1) }
            })
            let direct = Set(RandomLogical.asynchronousAttractors(model).map { $0.sorted { $0.lexicographicallyPrecedes($1) } })
            #expect(decoded == direct, "seed \(seed)")
            checked += 1
        }
        #expect(checked >= 10, "\(checked) models")
    }

    /// A therapy `T` (0…3) held at level 2, a node `X` (0…2) whose levels follow it, a Boolean `Y`
    /// with a basal level that `X` at level 2 switches off, and `Z` (0…2) starting half on.
    static func pathway() throws -> MechanismGraph {
        var builder = GraphBuilder(name: "pathway")
        builder.add(Node("T", kind: .therapy, maxLevel: 3, initialLevel: 0))
        builder.add(Node("X", kind: .process, maxLevel: 2, initialLevel: 0, levelRules: LevelRules(
            terms: [LevelRule(.atom(.init("T", .atLeast, 3)), level: 2), LevelRule(.atom(.init("T", .atLeast, 2)), level: 1)])))
        builder.add(Node("Y", kind: .cell, basal: 0.4))
        builder.add(Node("Z", kind: .process, maxLevel: 2, levelRules: LevelRules(
            terms: [LevelRule(.all([.variable("X"), .not(.variable("Y"))]), level: 2), LevelRule(.variable("Y"), level: 1)])))
        builder.add(Edge("T", .activates, "X"))
        builder.add(Edge("Z", .activates, "Y"))
        builder.add(Edge("X", .inhibits, "Y"))
        builder.add(Edge("X", .activates, "Z"))
        builder.add(Edge("Y", .activates, "Z"))
        return try builder.build()
    }

    @Test("the stochastic engine runs the written files as it runs the source: T held at 2 by $Level_T, 20,000 trajectories")
    func writtenFilesRunTheSameChain() throws {
        let graph = try Self.pathway()
        let (bnd, cfg) = MaBoSSFormat.write(graph)
        #expect(cfg.contains("$Level_T = 0;") && cfg.contains("[Z, Z_b2].istate = 0.5 [0, 0], 0.5 [1, 1];"), "\(cfg)")
        let back = try MaBoSSReader.read(bnd: bnd, cfg: cfg, name: "pathway")
        var configuration = StochasticConfiguration(maboss: back)
        configuration.parameters["Level_T"] = 2
        let settings = StochasticSettings(trajectories: 20_000, maxTime: 30, timeTick: 1, seed: 3)
        let written = try StochasticModel(back.graph, configuration: configuration).simulate(settings)

        let hold = try ResolvedPerturbations([.hold("T", level: 2.0 / 3.0, window: .always)], in: graph)
        var start = StochasticConfiguration()
        start.initial.probabilities["Z"] = 0.5
        let source = try StochasticModel(graph, perturbations: hold, configuration: start).simulate(settings)
        // The written T climbs to level 2 at rate 1 per level; by t = 30 both runs are stationary.
        let pairs = [("T", "T"), ("T>=2", "T_b2"), ("T>=3", "T_b3"), ("X", "X"), ("X>=2", "X_b2"), ("Y", "Y"), ("Z", "Z"), ("Z>=2", "Z_b2")]
        for (ours, theirs) in pairs {
            let a = try #require(source.probabilities[ours]?.last), b = try #require(written.probabilities[theirs]?.last)
            let se = (max(a * (1 - a), 1e-4) / 20_000 * 2).squareRoot()
            #expect(abs(a - b) < 5 * se + 1e-9, "\(ours) \(a) vs \(theirs) \(b)")
        }
        // The held level reads as held: T at 2 exactly, X at 1, and Y keeps its basal activity.
        #expect(source.probabilities["T>=2"]?.last == 1 && source.probabilities["T>=3"]?.last == 0)
        #expect(written.probabilities["T_b2"]?.last == 1 && written.probabilities["T_b3"]?.last == 0)
        #expect((written.probabilities["X"]?.last ?? 0) > 0.99 && (written.probabilities["X_b2"]?.last ?? 1) < 0.01)
    }
}
