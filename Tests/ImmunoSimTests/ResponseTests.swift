import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite struct ResponseTests {
    @Test func flagshipAntiPD1RaisesTCellsThenPDL1AndTIM3() throws {
        let g = try Catalog.flagship()
        let model = try CompiledGradedModel(g)
        let scenario = Scenario(model: "builtin:flagship", therapies: [try TherapySpec.parse("ANTI_PD1@10", in: g)])
        let r = try model.response(to: scenario, at: .steady)
        let tcell = try #require(r["T_CELL_ACTIVATION"]), cd8 = try #require(r["CD8_T"])
        let pdl1 = try #require(r["PDL1"]), tim3 = try #require(r["TIM3"])
        #expect(tcell.direction == .up && cd8.direction == .up)
        #expect(pdl1.direction == .up && tim3.direction == .up)
        // The antibody silences PD-1 signalling; PD-1 itself follows its ligand, which rises.
        #expect(r["PD1"]?.direction == .up)
        let first = try #require(tcell.firstStep)
        #expect(first > 10)
        #expect(try #require(pdl1.firstStep) > first)
        #expect(try #require(tim3.firstStep) > first)
        #expect(r["ANTI_PD1"] == nil)   // therapy nodes are not read by default

        // Adding anti-TIM-3 removes the TIM-3 brake: T cells rise further, and so does TIM-3
        // itself (the antibody blocks its signalling, not its expression).
        var both = scenario
        both.therapies.append(try TherapySpec.parse("ANTI_TIM3@10", in: g))
        let combo = try model.response(baseline: scenario, treated: both, at: .steady, readouts: ["T_CELL_ACTIVATION", "TIM3"])
        #expect(combo["T_CELL_ACTIVATION"]?.direction == .up)
        #expect(combo["TIM3"]?.direction == .up)
    }

    @Test func jsonContract() throws {
        let g = try Catalog.flagship()
        let model = try CompiledGradedModel(g)
        let scenario = Scenario(model: "builtin:flagship", therapies: [.node("ANTI_PD1")])
        let r = try model.response(to: scenario, at: .step(40), readouts: ["TIM3", "ANTIGEN"])
        let object = try JSONSerialization.jsonObject(with: Data(try r.jsonText().utf8)) as? [String: Any]
        let readouts = try #require(object?["readouts"] as? [[String: Any]])
        #expect(readouts.count == 2)
        #expect(readouts[0]["node"] as? String == "TIM3")
        #expect(readouts[0]["direction"] as? String == "up")
        #expect(readouts[1]["direction"] as? String == "unchanged")
        for key in ["baseline", "treated", "delta"] { #expect(readouts[0][key] is Double) }
        #expect(r.description.split(separator: "\n").count == 3)
    }

    @Test func transientChangeIsReportedAsTransient() throws {
        let g = try MechanismGraph(name: "pulse") {
            Node("DRUG", kind: .therapy); Node("X")
            Edge("DRUG", .activates, "X")
        }
        let model = try CompiledGradedModel(g)
        let scenario = Scenario(model: "pulse", therapies: [.node("DRUG", schedule: .continuous(from: 2, until: 4))])
        let r = try model.response(to: scenario, at: .step(60), readouts: ["X"])
        let x = try #require(r["X"])
        #expect(x.firstStep == 3)
        #expect(x.isTransient && x.direction == .unchanged)
        let w = try model.response(to: scenario, at: .window(from: 2, to: 6), readouts: ["X"])
        #expect(w["X"]?.direction == .up)
    }

    @Test func ensemblesAreDeterministicBySeed() throws {
        let g = try Catalog.flagship()
        let model = try CompiledGradedModel(g)
        let scenario = Scenario(model: "builtin:flagship", therapies: [.node("ANTI_PD1")])
        let a = try model.ensembleResponse(baseline: scenario.baseline, treated: scenario, at: .step(60), readouts: ["TIM3", "CD8_T"], runs: 8, seed: 7)
        let b = try model.ensembleResponse(baseline: scenario.baseline, treated: scenario, at: .step(60), readouts: ["TIM3", "CD8_T"], runs: 8, seed: 7)
        let c = try model.ensembleResponse(baseline: scenario.baseline, treated: scenario, at: .step(60), readouts: ["TIM3", "CD8_T"], runs: 8, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(a["TIM3"]!.deltaSpread > 0)
        #expect(a["TIM3"]!.direction == .up && a["TIM3"]!.fractionUp == 1)
    }
}
