import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite("Hypotheses")
struct HypothesisTests {
    @Test func pd1BlockadeRaisesTIM3AndPDL1() throws {
        let hypothesis = Hypothesis(
            "anti-PD-1 raises TIM-3 and PD-L1", therapies: ["ANTI_PD1"],
            expect: [.direction(node: "TIM3", .up), .direction(node: "PDL1", .up), .direction(node: "TUMOR_BURDEN", .down)])
        let verdict = try hypothesis.check(on: Catalog.flagship())
        #expect(verdict.holds, "\(verdict)")
        #expect(verdict.outcomes.count == 3)
        #expect(verdict.outcomes[0].chain == "ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> TIM3")
        #expect(verdict.explanations.map(\.readout) == ["TIM3", "PDL1", "TUMOR_BURDEN"])
        #expect(verdict.description.hasPrefix("PASS anti-PD-1 raises TIM-3 and PD-L1"))
    }

    @Test func aFailingHypothesisSaysWhatWasExpectedWhatCameOutAndWhichChain() throws {
        let verdict = try Hypothesis(
            "anti-PD-1 lowers TIM-3 (wrong)", therapies: ["ANTI_PD1"], expect: [.direction(node: "TIM3", .down)]
        ).check(on: Catalog.flagship())
        #expect(!verdict.holds)
        let message = verdict.description
        #expect(message.hasPrefix("FAIL anti-PD-1 lowers TIM-3 (wrong)"))
        #expect(message.contains("expected TIM3 down; got TIM3"))
        #expect(message.contains(", up)"))
        // No signed path predicts a fall of TIM3 under anti-PD-1 in the flagship.
        #expect(message.contains("no signed path from the therapies predicts that change"))
        #expect(message.contains("what happened instead (TIM3 up) is carried by: ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> TIM3"))
        #expect(message.contains("necessary mediators of that change:"))
    }

    @Test func aFailureWithAnExistingButLosingChainNamesIt() throws {
        // T raises A and B; A activates R weakly, B inhibits R strongly: R falls, although the chain
        // T -> A -> R predicts a rise.
        let graph = try MechanismGraph(name: "competing") {
            Node("T", kind: .therapy); Node("A"); Node("B"); Node("R", basal: 0.5)
            Edge("T", .activates, "A"); Edge("T", .activates, "B")
            Edge("A", .activates, "R", weight: 0.1); Edge("B", .inhibits, "R")
        }
        let verdict = try Hypothesis("T raises R", therapies: ["T"], expect: [.direction(node: "R", .up)]).check(on: graph)
        #expect(!verdict.holds)
        #expect(verdict.outcomes[0].chain == "T -> A -> R")
        #expect(verdict.description.contains("the chain that should have carried it: T -> A -> R"))
    }

    @Test func levelsComparisonsAndTimeCourses() throws {
        let graph = try Catalog.flagship()
        let verdict = try Hypothesis(
            "anti-PD-1 + anti-TIM-3 beats anti-PD-1", therapies: ["ANTI_PD1", "ANTI_TIM3"],
            expect: [
                .comparison(node: "T_CELL_ACTIVATION", arm: ["ANTI_PD1", "ANTI_TIM3"], relation: .higherThan, other: ["ANTI_PD1"], margin: 0),
                .comparison(node: "TUMOR_BURDEN", arm: ["ANTI_PD1", "ANTI_TIM3"], relation: .lowerThan, other: ["ANTI_PD1"], margin: 0),
                .level(node: "TIM3", atLeast: 0.5, atMost: nil, time: nil),   // blocked, still expressed
                .timeCourse(node: "PD1", transient: false),
            ]
        ).check(on: graph)
        #expect(verdict.holds, "\(verdict)")
        let tooStrict = try Hypothesis("impossible margin", therapies: ["ANTI_PD1"], expect: [
            .comparison(node: "TUMOR_BURDEN", arm: ["ANTI_PD1", "ANTI_TIM3"], relation: .lowerThan, other: ["ANTI_PD1"], margin: 2),
            .level(node: "TIM3", atLeast: 1.5, atMost: nil, time: .step(10)),
        ]).check(on: graph)
        #expect(!tooStrict.holds)
        #expect(tooStrict.outcomes.allSatisfy { !$0.holds })
    }

    @Test func ensemblePassFractionsAreReproducibleAndCarryAnInterval() throws {
        let graph = try Catalog.flagship()
        let model = try CompiledGradedModel(graph)
        let hypothesis = Hypothesis(
            "robust TIM-3 rise", therapies: ["ANTI_PD1"], expect: [.direction(node: "TIM3", .up)],
            robustness: .init(variants: 40, jitter: 0.3, required: 0.8, seed: 7))
        let a = try hypothesis.check(on: model)
        let b = try hypothesis.check(on: model)
        #expect(a == b)
        let fraction = try #require(a.passFraction)
        let interval = try #require(a.confidenceInterval)
        #expect(interval.contains(fraction))
        #expect(a.variants == 40)
        #expect(a.holds == (fraction >= 0.8))
        var other = hypothesis
        other.robustness?.seed = 8
        let c = try other.check(on: model)
        #expect(c.passFraction != nil)
        // Wilson interval against known values (20 of 40 at 95 %: 0.352–0.648).
        let wilson = Verdict.wilsonInterval(successes: 20, trials: 40)
        #expect(abs(wilson.lowerBound - 0.352) < 0.001 && abs(wilson.upperBound - 0.648) < 0.001)
        #expect(Verdict.wilsonInterval(successes: 40, trials: 40).upperBound == 1)
    }

    @Test func unknownNodesAndTherapiesAreErrors() {
        #expect { try Hypothesis("x", therapies: ["ANTI_PD-1"], expect: [.direction(node: "TIM3", .up)]).check(on: Catalog.flagship()) } throws: { error in
            "\(error)".contains("ANTI_PD1")
        }
        #expect { try Hypothesis("x", therapies: ["ANTI_PD1"], expect: [.direction(node: "TIM-3", .up)]).check(on: Catalog.flagship()) } throws: { error in
            "\(error)".contains("did you mean TIM3?")
        }
    }

    @Test func hypothesisFilesRoundTripAndReportTheirErrors() throws {
        let text = """
            {"model": "builtin:flagship", "hypotheses": [
              {"name": "a", "therapies": ["ANTI_PD1"], "steps": 80,
               "expect": [{"node": "TIM3", "direction": "up"}, {"node": "TIM3", "atMost": 0.9, "window": [60, 80]},
                          {"node": "TUMOR_BURDEN", "arm": ["ANTI_PD1", "ANTI_TIM3"], "lowerThan": ["ANTI_PD1"], "margin": 0.001},
                          {"node": "PD1", "sustained": true}],
               "robustness": {"variants": 5, "jitter": 0.1, "atLeast": 0.6, "seed": 3}},
              {"name": "b", "background": "X", "knockout": ["TIM3"], "overexpress": ["IFNG"], "steady": true,
               "expect": [{"node": "PDL1", "direction": "unchanged"}]}]}
            """
        let file = try HypothesisFile.read(Data(text.utf8))
        #expect(file.model == "builtin:flagship")
        #expect(file.hypotheses.count == 2)
        #expect(file.hypotheses[0].readAt == .step(80))
        #expect(file.hypotheses[0].expectations.count == 4)
        #expect(file.hypotheses[0].robustness == .init(variants: 5, jitter: 0.1, required: 0.6, seed: 3))
        #expect(file.hypotheses[1].perturbations == [.knockout("TIM3"), .overexpress("IFNG")])
        #expect(file.hypotheses[1].readAt == .steady)
        let back = try HypothesisFile.read(try file.jsonData())
        #expect(back == file)

        #expect { try HypothesisFile.read(Data(#"{"hypotheses": [{"name": "x", "expect": [{"node": "A"}]}]}"#.utf8), file: "h.json") } throws: { error in
            "\(error)".contains("h.json:1:42: at hypotheses[0].expect[0]")
        }
        #expect { try HypothesisFile.read(Data(#"{"hypotheses": [{"expect": []}]}"#.utf8)) } throws: { error in
            "\(error)".contains("hypotheses[0]")
        }
    }
}
