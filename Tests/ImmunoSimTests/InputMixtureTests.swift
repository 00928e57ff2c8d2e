import ImmunoGraph
import ImmunoSim
import Testing

/// An imported model's inputs (`X, X`) started at 0.5 are a population half on, half off: the
/// graded reading is the mixture over their valuations, not one half-on cell.
@Suite("Graded readings mix over the valuations of inputs started between 0 and 1")
struct InputMixtureTests {
    @Test func branchesFedByOneInputStayCorrelated() throws {
        // C = A & B with A = I and B = I: in every cell C = I, so C is on in half the population.
        // One mean-field run from I = 0.5 would give 0.5 · 0.5 = 0.25.
        let graph = try BnetFormat.read("I, I\nA, I\nB, I\nC, A & B\n", name: "fork")
        let engine = try CompiledGradedModel(graph)
        let reading = try engine.read(Scenario(model: "fork"), at: .steady)
        let c = try #require(graph.index(of: "C"))
        #expect(abs(reading.levels[c] - 0.5) < 1e-6)
        #expect(reading.spread == nil)   // exact: no sampling
        #expect(reading.readAt.contains("exact mixture over the 2"))
        // A stated start of 0.8 weighs the valuations 0.8 / 0.2.
        let skewed = try engine.read(Scenario(model: "fork", initialLevels: [.init(node: "I", level: 0.8)]), at: .steady)
        #expect(abs(skewed.levels[c] - 0.8) < 1e-6)
        // A Boolean start is one run.
        let on = try engine.read(Scenario(model: "fork", initialLevels: [.init(node: "I", level: 1)]), at: .steady)
        #expect(abs(on.levels[c] - 1) < 1e-6)
        #expect(!on.readAt.contains("mixture"))
    }

    @Test func theMixtureIsTheWeightedMeanOfOneRunPerValuation() throws {
        // Two inputs, an XOR-like readout: compare with the four Boolean runs computed one by one.
        let graph = try BnetFormat.read("I, I\nJ, J\nX, (I & !J) | (!I & J)\nY, X & I\n", name: "two")
        let engine = try CompiledGradedModel(graph)
        let start = Scenario(model: "two", initialLevels: [.init(node: "I", level: 0.3), .init(node: "J", level: 0.6)])
        let mixture = try engine.read(start, at: .step(30))
        var expected = [Double](repeating: 0, count: graph.nodeCount)
        for (i, j) in [(0.0, 0.0), (0, 1), (1, 0), (1, 1)] {
            let weight = (i == 1 ? 0.3 : 0.7) * (j == 1 ? 0.6 : 0.4)
            let run = try engine.read(Scenario(model: "two", initialLevels: [.init(node: "I", level: i), .init(node: "J", level: j)]), at: .step(30))
            for k in expected.indices { expected[k] += weight * run.levels[k] }
        }
        for k in expected.indices { #expect(abs(mixture.levels[k] - expected[k]) < 1e-12) }
        // The course is mixed too: the readout step's state equals the reading.
        let x = try #require(graph.index(of: "X"))
        #expect(abs(mixture.series(x)[30] - mixture.levels[x]) < 1e-12)
    }

    @Test func aKnockedOutInputIsNotMixed() throws {
        let graph = try BnetFormat.read("I, I\nA, I\nB, I\nC, A & B\n", name: "fork")
        let engine = try CompiledGradedModel(graph)
        var scenario = Scenario(model: "fork")
        scenario.perturbations = [.knockout("I")]
        let reading = try engine.read(scenario, at: .steady)
        #expect(!reading.readAt.contains("mixture"))
        #expect(reading.levels[try #require(graph.index(of: "C"))] < 1e-6)
        let response = try engine.response(to: scenario, at: .steady, readouts: ["C"])
        #expect(abs((response["C"]?.delta ?? 0) + 0.5) < 1e-6)
    }

    @Test func manyInputsAreSampledDeterministically() throws {
        // 12 inputs (4,096 valuations) → 1,024 seeded draws; OUT = I1 on the mixture is ≈ 0.5.
        var text = ""
        for k in 1...12 { text += "I\(k), I\(k)\n" }
        text += "OUT, I1 & (I2 | !I2)\n"
        let graph = try BnetFormat.read(text, name: "wide")
        let engine = try CompiledGradedModel(graph)
        let a = try engine.read(Scenario(model: "wide"), at: .step(5))
        let b = try engine.read(Scenario(model: "wide"), at: .step(5))
        #expect(a.levels == b.levels)
        #expect(a.samples == CompiledGradedModel.maximumInputValuations)
        let out = try #require(graph.index(of: "OUT"))
        #expect(abs(a.levels[out] - 0.5) < 4 * 0.5 / 32)   // within 4 standard errors of 1,024 draws
    }
}
