import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Hypotheses checked with the logical engine, and the spread of asynchronous responses.
@Suite("Logical hypotheses")
struct LogicalHypothesisTests {
    /// anti-PD-1 ⊣ PD-1 ⊣ T-cell activation → TIM-3, with TIM-3 braking nothing: Boolean,
    /// hand-checkable (untreated: PD1 on, TACT off, TIM3 off; treated: the reverse).
    let model = """
        ANTI, ANTI
        PD1, !ANTI
        TACT, !PD1
        TIM3, TACT
        BURDEN, !TACT
        """

    @Test func directionsComparisonsAndChainsUnderSynchronousUpdate() throws {
        let graph = try BnetFormat.read(model, name: "toy")
        let logical = Hypothesis.Semantics.logical(update: .synchronous, steps: 20)
        let verdict = try Hypothesis(
            "blockade raises TIM-3", therapies: ["ANTI"],
            expect: [
                .direction(node: "TIM3", .up), .direction(node: "BURDEN", .down),
                .level(node: "TACT", atLeast: 1, atMost: nil, time: nil),
                .comparison(node: "BURDEN", arm: ["ANTI"], relation: .lowerThan, other: [], margin: 0.5),
                .timeCourse(node: "TIM3", transient: false),
            ], semantics: logical
        ).check(on: graph)
        #expect(verdict.holds, "\(verdict)")
        #expect(verdict.outcomes[0].chain == "ANTI -| PD1 -| TACT -> TIM3")
        #expect(verdict.outcomes[0].observed == "TIM3 0 -> 1.0 (+1.0, up)")

        let wrong = try Hypothesis("blockade lowers TIM-3", therapies: ["ANTI"], expect: [.direction(node: "TIM3", .down)],
            semantics: logical).check(on: graph)
        #expect(!wrong.holds)
        #expect(wrong.description.contains("expected TIM3 down; got TIM3 0 -> 1.0"))
        #expect(wrong.outcomes[0].chain == nil)   // no negative path from ANTI to TIM3
        #expect(throws: PerturbationError.self) {
            try Hypothesis("typo", therapies: ["ANTI"], expect: [.direction(node: "TIM-3", .up)], semantics: logical).check(on: graph)
        }
    }

    @Test func asynchronousRunsHaveASpreadAndSeededRobustness() throws {
        // A toggles itself unless S holds it on; B follows A. Under asynchronous update, which of
        // A and B moves first is random, so each run's average differs.
        let graph = try BnetFormat.read("S, S\nA, !A | S\nB, A\n", name: "loop")
        let scenario = Scenario(model: "loop", therapies: [try TherapySpec.parse("S", in: graph)])
        let engine = try LogicalEngine(graph, update: .asynchronous, runs: 10, seed: 3)
        let response = try engine.response(to: scenario, at: .step(200), readouts: ["A", "B"])
        let a = try #require(response["A"])
        #expect(a.treated == 1 && a.treatedSpread == 0)   // S holds A on in every run
        #expect(a.baseline > 0.2 && a.baseline < 0.8)
        #expect(try #require(a.baselineSpread) > 0)
        let again = try LogicalEngine(graph, update: .asynchronous, runs: 10, seed: 3)
            .response(to: scenario, at: .step(200), readouts: ["A", "B"])
        #expect(again == response)
        // A deterministic start under synchronous update is one run, without a spread; the
        // default start of an imported model is random (each node on with probability ½).
        var fixedStart = scenario
        fixedStart.initialLevels = graph.nodes.map { .init(node: $0.id, level: 0) }
        let sync = try LogicalEngine(graph).response(to: fixedStart, at: .step(20), readouts: ["A"])
        #expect(sync["A"]?.baselineSpread == nil)
        let random = try LogicalEngine(graph).response(to: scenario, at: .step(20), readouts: ["A"])
        #expect(random["A"]?.baselineSpread != nil)

        let hypothesis = Hypothesis("S holds A on", therapies: ["S"], expect: [.direction(node: "A", .up)],
            robustness: .init(variants: 8, required: 0.75, seed: 5), semantics: .logical(update: .asynchronous, steps: 200, runs: 4))
        let verdict = try hypothesis.check(on: graph)
        #expect(verdict.holds, "\(verdict)")
        #expect(verdict.variants == 8 && verdict.passFraction == 1)
        #expect(try hypothesis.check(on: graph) == verdict)
    }

    @Test func hypothesisFilesCarryTheSemantics() throws {
        let text = """
            {"model": "toy", "hypotheses": [
              {"name": "logical", "semantics": "logical", "update": "async", "runs": 5, "steps": 40, "therapies": ["ANTI"],
               "expect": [{"node": "TIM3", "direction": "up"}]},
              {"name": "graded", "therapies": ["ANTI"], "expect": [{"node": "TIM3", "direction": "up"}]}]}
            """
        let file = try HypothesisFile.read(Data(text.utf8))
        #expect(file.hypotheses[0].semantics == .logical(update: .asynchronous, policy: .inhibitorDominant, steps: 40, runs: 5))
        #expect(file.hypotheses[1].semantics == .graded)
        let encoded = try JSONEncoder().encode(file)
        #expect(try JSONDecoder().decode(HypothesisFile.self, from: encoded) == file)
        let graph = try BnetFormat.read(model, name: "toy")
        #expect(try file.hypotheses.allSatisfy { try $0.check(on: graph).holds })
        let bad = #"{"hypotheses": [{"name": "x", "semantics": "fuzzy", "expect": []}]}"#
        #expect(throws: PerturbationError.self) { try HypothesisFile.read(Data(bad.utf8)) }
        let misplaced = #"{"hypotheses": [{"name": "x", "update": "async", "expect": []}]}"#
        #expect(throws: PerturbationError.self) { try HypothesisFile.read(Data(misplaced.utf8)) }
    }

    /// The flagship on the catalog model with the logical engine (inhibitor-dominant rules): PD-1
    /// blockade switches T-cell activation on and, with it, TIM-3.
    @Test func flagshipUnderLogicalSemantics() throws {
        let verdict = try Hypothesis(
            "anti-PD-1 raises TIM-3 (logical)", therapies: ["ANTI_PD1"],
            expect: [.direction(node: "T_CELL_ACTIVATION", .up), .direction(node: "TIM3", .up)],
            semantics: .logical(steps: 50)
        ).check(on: Catalog.flagship())
        #expect(verdict.holds, "\(verdict)")
    }
}
