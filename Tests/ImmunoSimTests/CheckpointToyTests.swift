import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

private let toyURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/checkpoint_toy.bnet")

/// The root in [0, 1] of `f(t) = t` for a decreasing `f`, by bisection (independent of the engines).
private func fixedPoint(_ f: (Double) -> Double) -> Double {
    var low = 0.0, high = 1.0
    for _ in 0..<200 {
        let mid = (low + high) / 2
        if f(mid) > mid { low = mid } else { high = mid }
    }
    return (low + high) / 2
}

/// An 11-node checkpoint model (Fixtures/checkpoint_toy.bnet): ANTIGEN on,
/// TCELL = ANTIGEN & !PD1SIG & !TIM3SIG, IFN-γ induces PD-L1, TIM-3 and galectin-9, engaged PD-1
/// (PD1 & PDL1) and TIM-3 (TIM3 & GAL9) brake the T cells. Anti-PD-1 is a block of PD1 — an
/// intervention on a node of a model that has no therapy node.
@Suite("An imported checkpoint model responds to PD-1 blockade under every faithful semantics")
struct CheckpointToyTests {
    let graph: MechanismGraph
    let antiPD1: Scenario

    init() throws {
        graph = try BnetFormat.read(try String(contentsOf: toyURL, encoding: .utf8), name: "toy")
        var scenario = Scenario(model: "toy", initialLevels: [.init(node: "ANTIGEN", level: 1)])
        scenario.therapies = [try TherapySpec.parseIntervention("PD1", kind: .block, in: graph)]
        antiPD1 = scenario
    }

    @Test func multilinearSteadyStateIsTheExactFixedPoint() throws {
        // Multilinear fixed point: every node on the loop equals t, engagement is t·t, so
        // untreated t = (1 − t²)², and with PD-1's influence blocked t = 1 − t² (t = (√5 − 1)/2).
        let untreated = fixedPoint { t in (1 - t * t) * (1 - t * t) }
        let treated = fixedPoint { t in 1 - t * t }
        #expect(abs(treated - (5.0.squareRoot() - 1) / 2) < 1e-12)
        let model = try CompiledGradedModel(graph)
        let response = try model.response(to: antiPD1, at: .steady, readouts: ["TCELL", "TIM3", "PDL1", "TUMOR", "PD1SIG"])
        for node in ["TCELL", "TIM3", "PDL1"] {
            let r = try #require(response[node])
            #expect(abs(r.baseline - untreated) < 1e-5, "\(r)")
            #expect(abs(r.treated - treated) < 1e-5, "\(r)")
            #expect(r.direction == .up)
        }
        let tumour = try #require(response["TUMOR"])
        #expect(abs(tumour.treated - (1 - treated)) < 1e-5 && tumour.direction == .down)
        // PD-1 engagement falls to 0: the blocked influence reaches the rule atom.
        #expect(try #require(response["PD1SIG"]).treated < 1e-5)
    }

    @Test func minMaxLogicCannotSeeTheEffect() throws {
        // Why multilinear is the default: under min/max the loop sits at 0.5 in both arms.
        let model = try CompiledGradedModel(graph, parameters: GradedParameters(logic: .minMax))
        let response = try model.response(to: antiPD1, at: .steady, readouts: ["TIM3"])
        #expect(try #require(response["TIM3"]).direction == .unchanged)
    }

    @Test func asynchronousLogicAgrees() throws {
        let engine = try LogicalEngine(graph, update: .asynchronous, runs: 12, seed: 7)
        let response = try engine.response(to: antiPD1, at: .step(100), readouts: ["TCELL", "TIM3", "PDL1", "TUMOR"])
        #expect(response["TCELL"]?.direction == .up, "\(response)")
        #expect(response["TIM3"]?.direction == .up, "\(response)")
        #expect(response["PDL1"]?.direction == .up, "\(response)")
        #expect(response["TUMOR"]?.direction == .down, "\(response)")
        #expect(response.readAt.contains("converged"))
        // Same seed, same numbers.
        let again = try LogicalEngine(graph, update: .asynchronous, runs: 12, seed: 7)
            .response(to: antiPD1, at: .step(100), readouts: ["TCELL", "TIM3", "PDL1", "TUMOR"])
        #expect(again == response)
    }

    @Test func knockoutAloneIsComparedWithTheUnperturbedModel() throws {
        var knockout = Scenario(model: "toy", initialLevels: [.init(node: "ANTIGEN", level: 1)])
        knockout.perturbations = [.knockout("TIM3")]
        #expect(knockout.baseline.perturbations.isEmpty)
        let response = try CompiledGradedModel(graph).response(to: knockout, at: .steady, readouts: ["TCELL", "TIM3"])
        #expect(response["TIM3"]?.direction == .down)
        #expect(response["TCELL"]?.direction == .up)   // the TIM-3 brake is gone
    }

    @Test func warmupStartsTheInterventionAfterTheModelSettles() throws {
        let model = try CompiledGradedModel(graph)
        let warmed = try antiPD1.startingInterventions(after: 60)
        #expect(warmed.therapies[0].schedule.start == 60)
        let baseline = try model.read(warmed.baseline, at: .step(160))
        let treated = try model.read(warmed, at: .step(160))
        let t = try #require(graph.index(of: "TCELL"))
        // Identical until the block starts, different after it.
        for step in 0...60 { #expect(baseline.series(t)[step] == treated.series(t)[step]) }
        #expect(treated.levels[t] - baseline.levels[t] > 0.05)
        let response = Response(baseline: baseline, treated: treated, nodes: [t], tolerance: 0.02)
        #expect((response.readouts[0].firstStep ?? 0) > 60)
        // Knockouts and overexpressions become holds from the warm-up's end.
        var knockout = antiPD1
        knockout.perturbations = [.knockout("TIM3")]
        let shifted = try knockout.startingInterventions(after: 10)
        #expect(shifted.perturbations == [.hold("TIM3", level: 0, window: StepWindow(start: 10))])
        #expect(throws: PerturbationError.self) { try knockout.startingInterventions(after: -1) }
    }

    @Test func randomLogicalStartsAreSeededAndMatchTheirProbability() throws {
        // ANTIGEN alone (an input keeps its start): its level is the share of runs started on.
        var scenario = Scenario(model: "toy", initialLevels: [.init(node: "ANTIGEN", level: 0.3)])
        scenario.perturbations = []
        let engine = try LogicalEngine(graph, runs: 400, seed: 11)
        let reading = try engine.read(scenario, at: .step(10))
        let a = try #require(graph.index(of: "ANTIGEN"))
        #expect(abs(reading.levels[a] - 0.3) < 4 * (0.3 * 0.7 / 400).squareRoot())
        #expect(try engine.read(scenario, at: .step(10)).levels == reading.levels)
        #expect(reading.readAt.contains("400 random starts"))
    }
}

@Suite("Graded ensembles over random starts")
struct GradedStartEnsembleTests {
    @Test func startsAreDrawnFromStartLevelsAndSeeded() throws {
        // A bistable switch: A and B repress each other; from an exact 0.5 start the graded run
        // sits on the unstable symmetric point, random starts fall into one state or the other.
        let graph = try BnetFormat.read("A, !B\nB, !A\nR, R\nC, A & R\n", name: "switch")
        let model = try CompiledGradedModel(graph)
        let ensemble = try GradedStartEnsemble(model, starts: 100, seed: 3)
        let reading = try ensemble.read(Scenario(model: "switch"), at: .step(60))
        let r = try #require(graph.index(of: "R")), a = try #require(graph.index(of: "A"))
        // R is an input: its mean is the share of starts with R on (probability ½).
        #expect(abs(reading.levels[r] - 0.5) < 4 * (0.25 / 100).squareRoot())
        // A ends near 0 or 1 in most runs: a large spread, where the deterministic run has A = 0.5.
        #expect(try #require(reading.spread)[a] > 0.3)
        #expect(abs(try model.read(Scenario(model: "switch"), at: .step(60)).levels[a] - 0.5) < 1e-9)
        #expect(try ensemble.read(Scenario(model: "switch"), at: .step(60)).levels == reading.levels)
        // Knocking out B moves A's share of "on" up to 1 (the deterministic 0.5 start agrees here).
        var knockout = Scenario(model: "switch")
        knockout.perturbations = [.knockout("B")]
        let response = try ensemble.response(to: knockout, at: .step(60), readouts: ["A", "C"])
        #expect(response["A"]?.direction == .up && response["C"]?.direction == .up)
        #expect(throws: EngineError.self) { try GradedStartEnsemble(model, starts: 0) }
    }
}

@Suite("Hypotheses on probabilities with a confidence level")
struct ProbabilityHypothesisTests {
    let graph: MechanismGraph
    init() throws {
        graph = try BnetFormat.read(try String(contentsOf: toyURL, encoding: .utf8), name: "toy")
    }

    func hypothesis(trajectories: Int) -> Hypothesis {
        var h = Hypothesis(
            "anti-PD-1 raises P(TIM-3 on)", therapies: ["block PD1"], expect: [.direction(node: "TIM3", .up)],
            semantics: .stochastic(trajectories: trajectories, maxTime: 50), confidence: 0.95)
        h.perturbations = [.overexpress("ANTIGEN")]
        return h
    }

    @Test func aSignificantRiseHoldsAndATooSmallSampleDoesNot() throws {
        let verdict = try hypothesis(trajectories: 4000).check(on: graph)
        #expect(verdict.holds, "\(verdict)")
        #expect(verdict.outcomes[0].observed.contains("at 95% confidence"), "\(verdict.outcomes[0].observed)")
        // With 60 trajectories the same rise (about +0.06) is within its 95 % interval.
        let small = try hypothesis(trajectories: 60).check(on: graph)
        #expect(!small.holds, "\(small)")
        #expect(small.outcomes[0].observed.contains("not significant"), "\(small.outcomes[0].observed)")
        #expect(abs(Hypothesis.normalQuantile(0.975) - 1.959964) < 1e-6)
    }

    @Test func hypothesisFilesCarryStochasticSemanticsAndConfidence() throws {
        let text = """
            {"hypotheses": [{"name": "p", "block": ["PD1"], "semantics": "stochastic", "trajectories": 500, "maxTime": 20,
              "confidence": 0.9, "expect": [{"node": "TIM3", "direction": "up"}]}]}
            """
        let file = try HypothesisFile.read(Data(text.utf8), file: "p.json")
        let h = try #require(file.hypotheses.first)
        #expect(h.semantics == .stochastic(trajectories: 500, maxTime: 20))
        #expect(h.confidence == 0.9 && h.therapies == ["block PD1"])
        let again = try HypothesisFile.read(try file.jsonData(), file: "again.json")
        #expect(again == file)
        let bad = Data(text.replacingOccurrences(of: "0.9", with: "1.5").utf8)
        #expect(throws: (any Error).self) { try HypothesisFile.read(bad, file: "bad.json") }
    }
}
