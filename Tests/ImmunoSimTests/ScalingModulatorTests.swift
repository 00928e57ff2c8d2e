import ImmunoGraph
import ImmunoSim
import Testing

/// A modulator edge into a rule node that its rule does not read scales the node's graded value:
/// an inhibiting one is a weak brake, an activating one a gain,
/// `f = min(1, (b + (1 − b)·rule)·∏ gains (1 + transfer)·∏ brakes (1 − transfer))`; the Boolean
/// readings ignore both, as every modulator.
@Suite("Graded engine: modulators scale a rule node")
struct ScalingModulatorTests {
    /// R = A (a rule; basal level `basal`) with the modulator M ⊣ R or M → R (weight 0.5); A and
    /// M are inputs.
    static func graph(modulator: Bool = true, sign: Sign = .inhibits, basal: Double? = nil) throws -> MechanismGraph {
        try MechanismGraph(name: "brake") {
            Node("A")
            Node("M")
            Node("R", rule: .variable("A"), basal: basal)
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

    @Test("an activating modulator is a gain: R = min(1, (b + (1 − b)·rule) · (1 + min(1, w·transfer(M))))",
          arguments: GradedLogic.allCases)
    func gainScalesTheRule(logic: GradedLogic) throws {
        let graph = try Self.graph(sign: .activates, basal: 0.4)
        #expect(!graph.diagnostics.contains { $0.code == "rule-ignores-edge" }, "a scaling modulator is intended")
        // transfer(1) = 1 and w = 0.5: M on multiplies R by 1.5, never above 1; M off leaves R
        // as it was (a gain, not a source: with A off R keeps its basal level times the gain).
        for (a, m, expected) in [(0.0, 0.0, 0.4), (0.0, 1.0, 0.6), (1.0, 0.0, 1.0), (1.0, 1.0, 1.0), (0.0, 0.5, 0.5)] {
            let got = try Self.steady(graph, a: a, m: m, logic: logic)
            #expect(abs(got - expected) < 1e-6, "\(logic) A=\(a) M=\(m): \(got) vs \(expected)")
        }
        // Without the basal level the gain has nothing to scale: it cannot switch R on.
        #expect(abs(try Self.steady(try Self.graph(sign: .activates), a: 0, m: 1, logic: logic)) < 1e-6)
    }

    @Test("gains and weak brakes are one product, capped at 1 only at the end", arguments: GradedLogic.allCases)
    func gainAndBrakeTogether(logic: GradedLogic) throws {
        let graph = try MechanismGraph(name: "both") {
            Node("A")
            Node("G")
            Node("B")
            Node("R", rule: .variable("A"))
            Edge("A", .activates, "R")
            Edge("G", .activates, "R", weight: 0.5, modulator: true)
            Edge("B", .inhibits, "R", weight: 0.5, modulator: true)
        }
        let model = try CompiledGradedModel(graph, parameters: GradedParameters(logic: logic))
        let r = try #require(graph.index(of: "R"))
        // A on, the gain and the brake on: 1 · 1.5 · 0.5 = 0.75 (capping before the brake would
        // give 0.5); the gain alone is capped at 1.
        for (g, b, expected) in [(1.0, 1.0, 0.75), (1.0, 0.0, 1.0), (0.0, 1.0, 0.5)] {
            let scenario = Scenario(model: "both", initialLevels: [
                .init(node: "A", level: 1), .init(node: "G", level: g), .init(node: "B", level: b),
            ])
            let got = try model.read(scenario, at: .steady).levels[r]
            #expect(abs(got - expected) < 1e-6, "\(logic) G=\(g) B=\(b): \(got) vs \(expected)")
        }
    }

    @Test("the Boolean readings ignore it; a non-modulator edge the rule does not read is ignored")
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
        let plainGain = try Self.graph(modulator: false, sign: .activates, basal: 0.4)
        #expect(plainGain.diagnostics.contains { $0.code == "rule-ignores-edge" })
        #expect(abs(try Self.steady(plainGain, a: 0, m: 1, logic: .multilinear) - 0.4) < 1e-6)
        let gain = try LogicalModel(try Self.graph(sign: .activates))
        var off = [Int](repeating: 0, count: 3)
        off[m] = 1
        #expect(gain.referenceTarget(of: r, in: off) == 0, "a gain never switches a rule node on")
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
