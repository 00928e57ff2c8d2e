import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// A basal level in the stochastic (MaBoSS) reading: spontaneous activation at `b/(1 − b)` while
/// the activators are off, unless an inhibitor is on — the graded floor's counterpart.
@Suite("Stochastic engine: basal levels as spontaneous activity")
struct SpontaneousBasalTests {
    /// A → X ⊣ I, X → Y; X has basal level 0.3; A and I are inputs started half on.
    static func graph() throws -> MechanismGraph {
        var builder = GraphBuilder(name: "leak")
        builder.add(Node("A"))
        builder.add(Node("I"))
        builder.add(Node("X", basal: 0.3))
        builder.add(Node("Y"))
        builder.add(Edge("A", .activates, "X"))
        builder.add(Edge("I", .inhibits, "X"))
        builder.add(Edge("X", .activates, "Y"))
        return try builder.build()
    }

    static let halfOn = StochasticInitialState(probabilities: ["A": 0.5, "I": 0.5])

    /// The exact marginals of X and Y at `time`, with X's rates written out by hand: up at
    /// `k_up` when A is on, at `k_down · 0.3/0.7` when A and I are off, never while I is on;
    /// down at `k_down` when its logic is off. Y has gated constant rates `k_up`, `k_down`.
    static func exact(up: Double, down: Double, time: Double) throws -> [String: Double] {
        let logical = try LogicalModel(try graph())
        let rates = [
            "X": NodeRates(up: .conditional(.variable("logic"), .number(up), .conditional(.node("I"), .number(0), .number(down * 0.3 / 0.7))),
                           down: .unlessLogic(down)),
            "Y": .constant(up: up, down: down),
        ]
        let chain = ExactCTMC(maxLevels: logical.maxLevels)
        let q = chain.generator(referenceTransitions(logical, rates: rates, parameters: [:]))
        let a = logical.index(of: "A") ?? -1, i = logical.index(of: "I") ?? -1
        let p0 = chain.states.map { s in s.indices.allSatisfy { $0 == a || $0 == i || s[$0] == 0 } ? 0.25 : 0 }
        let final = chain.evolve(p0, q, time: time)
        return Dictionary(uniqueKeysWithValues: ["X", "Y"].map { ($0, chain.marginal(final, node: logical.index(of: $0) ?? -1)) })
    }

    static func expectClose(_ result: StochasticResult, _ expected: [String: Double]) {
        for (name, p) in expected.sorted(by: { $0.key < $1.key }) {
            let got = result.finalProbabilities[name] ?? -1
            #expect(abs(got - p) < 4.5 * max(result.standardError(p), 1e-3), "\(name): \(got) vs exact \(p)")
        }
    }

    @Test("the engine agrees with the exact chain, with default and with configured rates", arguments: [(1.0, 1.0), (2.0, 0.5)])
    func agreesWithExactChain(up: Double, down: Double) throws {
        let rates = ["X": NodeRates.constant(up: up, down: down), "Y": .constant(up: up, down: down)]
        let model = try StochasticModel(try Self.graph(), configuration: .init(rates: rates, initial: Self.halfOn))
        let result = try model.simulate(StochasticSettings(trajectories: 20_000, maxTime: 2, timeTick: 1, seed: 3, threads: 2))
        let expected = try Self.exact(up: up, down: down, time: 2)
        Self.expectClose(result, expected)
        // Without the leak X would be on only where A is on and I off (a quarter of the runs):
        // 0.25 · (1 − e^(−2·k_up)) by t = 2; the leak adds 0.25 · 0.3 · (1 − e^(−2·k_down/0.7)).
        let withoutLeak = 0.25 * (1 - exp(-2 * up)), leak = 0.25 * 0.3 * (1 - exp(-2 * down / 0.7))
        #expect(abs((expected["X"] ?? 0) - withoutLeak - leak) < 1e-9)
    }

    @Test("alone, X is on with probability b, the graded engine's level; an inhibitor switches the leak off")
    func stationaryProbabilityIsTheBasalLevel() throws {
        let graph = try Self.graph()
        for (inhibited, expected) in [(false, 0.3), (true, 0.0)] {
            let initial = StochasticInitialState(probabilities: ["A": 0, "I": inhibited ? 1 : 0])
            let result = try StochasticModel(graph, configuration: .init(initial: initial))
                .simulate(StochasticSettings(trajectories: 20_000, maxTime: 30, timeTick: 10, seed: 5))
            let got = try #require(result.finalProbabilities["X"])
            #expect(abs(got - expected) < 4.5 * max(result.standardError(expected), 1e-3), "I on: \(inhibited): \(got)")
        }
        // The graded engine's floor with every regulator off is the basal level itself, and the
        // stochastic engine behind the seam reads the same.
        let off = Scenario(model: "leak", initialLevels: [.init(node: "A", level: 0), .init(node: "I", level: 0)])
        let x = try #require(graph.index(of: "X"))
        let graded = try CompiledGradedModel(graph).read(off, at: .steady)
        #expect(abs(graded.levels[x] - 0.3) < 1e-6)
        let stochastic = try StochasticEngine(graph, settings: .init(trajectories: 20_000, maxTime: 30, timeTick: 10, seed: 9))
            .read(off, at: .steady)
        #expect(abs(stochastic.levels[x] - 0.3) < 4.5 * (0.3 * 0.7 / 20_000).squareRoot())
    }

    @Test("without spontaneous activity a basal level only rounds the initial state")
    func optOut() throws {
        let initial = StochasticInitialState(probabilities: ["A": 0, "I": 0])
        let result = try StochasticModel(try Self.graph(), configuration: .init(initial: initial), spontaneousBasal: false)
            .simulate(StochasticSettings(trajectories: 2_000, maxTime: 30, timeTick: 10, seed: 5))
        #expect(result.finalProbabilities["X"] == 0)
    }

    @Test("which nodes get it: signed Boolean nodes with an activator and a basal level")
    func whichNodes() throws {
        var builder = GraphBuilder(name: "which")
        builder.add(Node("A"))
        builder.add(Node("B", basal: 0.2))                        // an input: keeps its level
        builder.add(Node("C", basal: 0.2))                        // only an inhibitor: on unless inhibited
        builder.add(Node("D", basal: 0.5))                        // activator and inhibitors
        builder.add(Node("E", rule: .atom(.init("A", .atLeast, 1)), basal: 0.5)) // explicit rule
        builder.add(Node("F", maxLevel: 2, basal: 0.5))           // multi-valued
        builder.add(Node("T", kind: .therapy, maxLevel: 4))
        builder.add(Edge("A", .inhibits, "C"))
        builder.add(Edge("A", .activates, "D"))
        builder.add(Edge("B", .inhibits, "D"))
        builder.add(Edge("T", .inhibits, "D", threshold: 3.5))
        builder.add(Edge("A", .activates, "F"))
        let graph = try builder.build()
        let leaks = graph.nodes.indices.map { graph.spontaneousActivation(of: $0) }
        #expect(leaks.map { $0 != nil } == [false, false, false, true, false, false, false])
        let d = try #require(leaks[3])
        #expect(d.rate == 1)
        #expect(d.inhibitors == ["B"], "an inhibitor read at level 4 has no Boolean spelling")
        #expect(d.rateUp().description == "(@logic ? 1 : (!(B) ? 1 : 0))")
        // A removed inhibitor edge no longer gates it; a removed activator leaves nothing to leak.
        let inhibitor = try #require(graph.edges.firstIndex { $0.source == "B" && $0.target == "D" })
        let activator = try #require(graph.edges.firstIndex { $0.source == "A" && $0.target == "D" })
        #expect(graph.spontaneousActivation(of: 3, removedEdges: [inhibitor])?.inhibitors == [])
        #expect(graph.spontaneousActivation(of: 3, removedEdges: [activator]) == nil)
    }

    @Test("the MaBoSS export writes the same rates: reading it back runs the same chain")
    func mabossRoundTrip() throws {
        let graph = try Self.graph()
        let (bnd, cfg) = MaBoSSFormat.write(graph)
        #expect(bnd.contains("rate_up = (@logic ? 1 : (!(I) ? 0.428571"), "\(bnd)")
        let back = try MaBoSSReader.read(bnd: bnd, cfg: cfg, name: "leak")
        var configuration = StochasticConfiguration(maboss: back)
        configuration.initial = Self.halfOn
        let settings = StochasticSettings(trajectories: 20_000, maxTime: 2, timeTick: 1, seed: 11)
        let reread = try StochasticModel(back.graph, configuration: configuration).simulate(settings)
        Self.expectClose(reread, try Self.exact(up: 1, down: 1, time: 2))
    }
}
