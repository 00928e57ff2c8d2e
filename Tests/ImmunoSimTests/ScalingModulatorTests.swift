import ImmunoGraph
import ImmunoSim
import Testing

/// An inhibiting modulator edge into a rule node that its rule does not read is a weak brake:
/// under the graded semantics it scales the node's value, `f = (b + (1 − b)·rule)·∏(1 − transfer)`;
/// the Boolean readings ignore it, as every modulator.
@Suite("Graded engine: modulators scale a rule node")
struct ScalingModulatorTests {
    /// R = A (a rule) with the modulator M ⊣ R (weight 0.5); A and M are inputs.
    static func graph(modulator: Bool = true, sign: Sign = .inhibits) throws -> MechanismGraph {
        try MechanismGraph(name: "brake") {
            Node("A")
            Node("M")
            Node("R", rule: .variable("A"))
            Edge("A", .activates, "R")
            Edge("M", sign, "R", weight: 0.5, modulator: modulator)
        }
    }

    static func steady(_ graph: MechanismGraph, a: Double, m: Double, logic: GradedLogic) throws -> Double {
        let model = try CompiledGradedModel(graph, parameters: GradedParameters(logic: logic))
        let scenario = Scenario(model: graph.name, initialLevels: [.init(node: "A", level: a), .init(node: "M", level: m)])
        let reading = try model.read(scenario, at: .steady)
        return reading.levels[try #require(graph.index(of: "R"))]
    }

    @Test("R = rule · (1 − min(1, w·transfer(M))) under every graded logic", arguments: GradedLogic.allCases)
    func scalesTheRule(logic: GradedLogic) throws {
        let graph = try Self.graph()
        #expect(!graph.diagnostics.contains { $0.code == "rule-ignores-edge" }, "a scaling modulator is intended")
        // The modulator's threshold is 1.01, read as the level fraction 0.51: transfer(1) = 1, so
        // M on halves R. An input started at 0.5 in a model with rules is a population half on
        // (InputMixtureTests): R = ½ · 1 + ½ · 0.5.
        for (a, m, expected) in [(1.0, 0.0, 1.0), (1.0, 1.0, 0.5), (1.0, 0.5, 0.75), (0.0, 1.0, 0.0)] {
            let got = try Self.steady(graph, a: a, m: m, logic: logic)
            #expect(abs(got - expected) < 1e-6, "\(logic) A=\(a) M=\(m): \(got) vs \(expected)")
        }
    }

    @Test("the Boolean readings ignore it; an activating or non-modulator edge is not a brake")
    func booleanAndOtherEdges() throws {
        let logical = try LogicalModel(try Self.graph())
        let r = try #require(logical.index(of: "R")), a = try #require(logical.index(of: "A")), m = try #require(logical.index(of: "M"))
        var state = [Int](repeating: 0, count: 3)
        state[a] = 1
        state[m] = 1
        #expect(logical.referenceTarget(of: r, in: state) == 1)
        // A plain inhibitor the rule ignores stays ignored (imported models declare such edges),
        // and is still reported.
        let plain = try Self.graph(modulator: false)
        #expect(plain.diagnostics.contains { $0.code == "rule-ignores-edge" })
        #expect(abs(try Self.steady(plain, a: 1, m: 1, logic: .multilinear) - 1) < 1e-6)
        let activating = try Self.graph(sign: .activates)
        #expect(activating.diagnostics.contains { $0.code == "rule-ignores-edge" })
        #expect(abs(try Self.steady(activating, a: 1, m: 1, logic: .multilinear) - 1) < 1e-6)
    }

    @Test("removing the edge removes the brake")
    func removal() throws {
        let graph = try Self.graph()
        let model = try CompiledGradedModel(graph)
        let scenario = Scenario(model: "brake", initialLevels: [.init(node: "A", level: 1), .init(node: "M", level: 1)],
                                perturbations: [.removeEdge(source: "M", target: "R")])
        let reading = try model.read(scenario, at: .steady)
        #expect(abs(reading.levels[try #require(graph.index(of: "R"))] - 1) < 1e-6)
    }
}
