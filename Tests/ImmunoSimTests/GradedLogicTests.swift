import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// One step of a rate-1 node gives its target f exactly, so these read the logic directly.
private func target(
    _ rule: String, inputs: [String: Double], logic: GradedLogic = .multilinear,
    edges: [Edge] = [], therapies: [Therapy] = [], perturbations: [Perturbation] = []
) throws -> Double {
    var builder = GraphBuilder(name: "logic")
    for id in inputs.keys.sorted() { builder.add(Node(id)) }
    builder.add(Node("C", rule: try ExpressionParser.parse(rule), rate: 1))
    for edge in edges { builder.add(edge) }
    let graph = try builder.build()
    let model = try CompiledGradedModel(graph, parameters: GradedParameters(logic: logic))
    let scenario = Scenario(
        model: "logic", therapies: therapies,
        initialLevels: inputs.map { .init(node: $0.key, level: $0.value) }, perturbations: perturbations)
    let run = model.run(try model.inputs(for: scenario), steps: 1)
    return run.level(try #require(graph.index(of: "C")), at: 1)
}

@Suite("Graded logics for explicit rules")
struct GradedLogicTests {
    @Test func multilinearByHand() throws {
        // P(A∧B ∨ ¬D) with independent inputs = ab·d + (1 − d).
        let (a, b, d) = (0.6, 0.5, 0.3)
        let value = try target("A & B | !D", inputs: ["A": a, "B": b, "D": d])
        #expect(abs(value - (a * b * d + (1 - d))) < 1e-12)
        // min/max reads max(min(a, b), 1 − d) = 0.7.
        let fuzzy = try target("A & B | !D", inputs: ["A": a, "B": b, "D": d], logic: .minMax)
        #expect(abs(fuzzy - 0.7) < 1e-12)
    }

    @Test func aRepeatedVariableIsTheFunctionNotTheSyntax() throws {
        let inputs = ["A": 0.6, "B": 0.5]
        #expect(abs(try target("A & A", inputs: inputs) - 0.6) < 1e-12)  // a, not a²
        #expect(abs(try target("A & !A", inputs: inputs)) < 1e-12)  // a contradiction is 0
        #expect(abs(try target("A | !A", inputs: inputs) - 1) < 1e-12)
        // (A | B) & (A | !B) is A: a = 0.6 (a product of the clauses would give 0.64).
        #expect(abs(try target("(A | B) & (A | !B)", inputs: inputs) - 0.6) < 1e-12)
        // Exclusive or: a(1 − b) + (1 − a)b.
        #expect(abs(try target("A & !B | !A & B", inputs: inputs) - (0.6 * 0.5 + 0.4 * 0.5)) < 1e-12)
    }

    @Test func multilinearAgreesWithTheTruthTableOnRandomRules() throws {
        var rng = SeededGenerator(seed: 42)
        let names = ["A", "B", "D", "E"]
        for _ in 0..<40 {
            // A random rule as a disjunction of random conjunctions of literals.
            let clauses = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                    (Bool.random(using: &rng) ? "!" : "") + names[Int.random(in: 0..<4, using: &rng)]
                }.joined(separator: " & ")
            }
            let text = clauses.joined(separator: " | ")
            let rule = try ExpressionParser.parse(text)
            let p = names.map { _ in Double.random(in: 0...1, using: &rng) }
            // Expected value over all 16 assignments, computed from the truth table.
            var expected = 0.0
            for bits in 0..<16 {
                var weight = 1.0
                for k in 0..<4 { weight *= (bits >> k) & 1 == 1 ? p[k] : 1 - p[k] }
                let holds = rule.evaluate { id in names.firstIndex(of: id).map { (bits >> $0) & 1 } ?? 0 }
                if holds { expected += weight }
            }
            let inputs = Dictionary(uniqueKeysWithValues: zip(names, p))
            let value = try target(text, inputs: inputs)
            #expect(abs(value - expected) < 1e-12, "\(text)")
        }
    }

    @Test func hillCubeTransformsEachInputThroughItsEdge() throws {
        // C = A with edge A → C (n = 2, k = 0.5): h(a) = a²(1 + k²)/(a² + k²).
        let a = 0.5
        let value = try target(
            "A", inputs: ["A": a], logic: .hillCube, edges: [Edge("A", .activates, "C", hill: 2)])
        #expect(abs(value - a * a * 1.25 / (a * a + 0.25)) < 1e-12)
    }

    @Test func edgeWeightsBlocksAndRemovalsActOnRuleAtoms() throws {
        let inputs = ["A": 0.8, "B": 0.5]
        // Weight 0.5 on A → C: A reads min(1, 0.5·a).
        let weighted = try target("A & !B", inputs: inputs, edges: [Edge("A", .activates, "C", weight: 0.5)])
        #expect(abs(weighted - 0.4 * 0.5) < 1e-12)
        // A 50 % block of A's influence (an intervention on any node) halves its reading.
        let blockA = Therapy(name: "block A", target: .node("A"), mode: .block(efficacy: 0.5))
        let blocked = try target("A & !B", inputs: inputs, edges: [Edge("A", .activates, "C")], therapies: [blockA])
        #expect(abs(blocked - 0.4 * 0.5) < 1e-12)
        // Blocking the inhibitor B fully reads it as absent: C = a.
        let blockB = Therapy(name: "block B", target: .node("B"), mode: .block(efficacy: 1))
        let released = try target("A & !B", inputs: inputs, edges: [Edge("B", .inhibits, "C")], therapies: [blockB])
        #expect(abs(released - 0.8) < 1e-12)
        // Removing the edge A → C reads A as absent, as the logical engine does.
        let removed = try target("A & !B", inputs: inputs, edges: [Edge("A", .activates, "C")],
                                 perturbations: [.removeEdge(source: "A", target: "C")])
        #expect(removed == 0)
        // The same under min/max.
        let fuzzy = try target("A & !B", inputs: inputs, logic: .minMax, edges: [Edge("A", .activates, "C", weight: 0.5)])
        #expect(abs(fuzzy - 0.4) < 1e-12)
    }

    /// C's rule reads a three-level N (maximum 2) through an edge of weight `weight`.
    private func multiValued(_ rule: String, level: Double, weight: Double, logic: GradedLogic) throws -> Double {
        var builder = GraphBuilder(name: "levels")
        builder.add(Node("N", maxLevel: 2))
        builder.add(Node("C", rule: try ExpressionParser.parse(rule), rate: 1))
        builder.add(Edge("N", .activates, "C", weight: weight))
        let graph = try builder.build()
        let model = try CompiledGradedModel(graph, parameters: GradedParameters(logic: logic))
        let scenario = Scenario(model: "levels", initialLevels: [.init(node: "N", level: level)])
        return model.run(try model.inputs(for: scenario), steps: 1).level(try #require(graph.index(of: "C")), at: 1)
    }

    /// The weight of an edge into a rule scales how strongly a multi-valued input is read, not
    /// which level it is at: until the seventh session `min(1, w·x)` made level 1 of 2 read partly
    /// as level 2 whenever w > 1, so a jittered weight turned an average tumour's neoantigen load
    /// (level 1) into a mismatch-repair-deficient one (level 2).
    @Test(arguments: [GradedLogic.multilinear, .minMax])
    func aWeightNeverShiftsALevel(_ logic: GradedLogic) throws {
        // Level 1 of 2 is not level 2 however strong the edge.
        #expect(try multiValued("N >= 2", level: 0.5, weight: 1.3, logic: logic) == 0)
        #expect(try multiValued("N >= 1", level: 0.5, weight: 1.3, logic: logic) == 1)
        // A weaker edge transmits level 2 with probability w, else reads level 0.
        #expect(abs(try multiValued("N >= 2", level: 1, weight: 0.7, logic: logic) - 0.7) < 1e-12)
        #expect(abs(try multiValued("N >= 1", level: 1, weight: 0.7, logic: logic) - 0.7) < 1e-12)
        #expect(abs(try multiValued("N == 1", level: 0.5, weight: 0.6, logic: logic) - 0.6) < 1e-12)
        #expect(abs(try multiValued("N == 0", level: 0.5, weight: 0.6, logic: logic) - 0.4) < 1e-12)
        // Weight 1 reads the thermometer as before: halfway between levels 1 and 2.
        #expect(abs(try multiValued("N >= 2", level: 0.75, weight: 1, logic: logic) - 0.5) < 1e-12)
    }

    @Test func hillCubeScalesTheTruthOfAMultiValuedInputToo() throws {
        for level in [0.25, 0.5, 0.75, 1.0] {
            let unit = try multiValued("N >= 2", level: level, weight: 1, logic: .hillCube)
            let weak = try multiValued("N >= 2", level: level, weight: 0.6, logic: .hillCube)
            #expect(abs(weak - 0.6 * unit) < 1e-12, "level \(level)")
        }
    }

    @Test func threeLevelSBMLNodeThroughBothEngines() throws {
        // X (max 2) = 2 when A & B, 1 when A, else 0: from SBML-qual, never "→ level 1 means max".
        var builder = GraphBuilder(name: "three")
        builder.add(Node("A"))
        builder.add(Node("B"))
        let rules = LevelRules(terms: [
            LevelRule(try ExpressionParser.parse("A & B"), level: 2), LevelRule(try ExpressionParser.parse("A"), level: 1),
        ], defaultLevel: 0)
        builder.add(Node("X", maxLevel: 2, rate: 1, levelRules: rules))
        builder.add(Edge("A", .activates, "X"))
        builder.add(Edge("B", .activates, "X"))
        let graph = try SBMLQualReader.read(Data(SBMLQualWriter.write(try builder.build()).utf8))
        let x = try #require(graph.index(of: "X"))
        #expect(graph.nodes[x].levelRules != nil && graph.nodes[x].maxLevel == 2)

        // Logical: A on, B off → X targets 1, not its maximum.
        let logical = try LogicalModel(graph)
        var state = [Int](repeating: 0, count: graph.nodeCount)
        state[try #require(graph.index(of: "A"))] = 1
        #expect(logical.referenceTarget(of: x, in: state) == 1)
        let trajectory = logical.trajectory(from: state, steps: 3)
        #expect(trajectory.states.last?[x] == 1)

        // Graded multilinear: E[X]/2 = (2·ab + 1·a(1 − b)) / 2.
        let (a, b) = (1.0, 0.5)
        let model = try CompiledGradedModel(graph)
        let scenario = Scenario(model: "three", initialLevels: [.init(node: "A", level: a), .init(node: "B", level: b)])
        let level = model.run(try model.inputs(for: scenario), steps: 1).level(x, at: 1)
        let expectedRate = model.rate(ofNode: x)
        #expect(abs(level - expectedRate * (2 * a * b + a * (1 - b)) / 2) < 1e-12)
        // min/max: mean over k of "target ≥ k": (max(min(a,b), a) + min(a, b)) / 2.
        let fuzzyModel = try CompiledGradedModel(graph, parameters: GradedParameters(logic: .minMax))
        let fuzzy = fuzzyModel.run(try fuzzyModel.inputs(for: scenario), steps: 1).level(x, at: 1)
        #expect(abs(fuzzy - expectedRate * (1.0 + 0.5) / 2) < 1e-12)
    }
}
