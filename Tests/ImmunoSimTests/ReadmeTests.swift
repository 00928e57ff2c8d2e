import ImmunoGraph
import ImmunoSim
import Testing

/// The README's examples, kept compiling and true.
@Suite("README examples")
struct ReadmeTests {
    @Test func tenLines() throws {
        let graph = try Catalog.tumourMicroenvironment()
        let model = try CompiledGradedModel(graph)
        let antiPD1 = Scenario(model: "builtin:tme", therapies: [try TherapySpec.parse("ANTI_PD1@10", in: graph)])
        let response = try model.response(to: antiPD1, at: .step(200), readouts: ["TIM3", "PDL1", "TUMOR_BURDEN"])
        #expect(response["TIM3"]?.direction == .up)
        #expect(response["PDL1"]?.direction == .up)
        #expect(response["TUMOR_BURDEN"]?.direction == .down)
        let explanation = try model.explain("TIM3", in: antiPD1, at: .step(200))
        #expect(explanation.chains.first?.nodes.first == "ANTI_PD1")
        #expect(explanation.isCarried)
    }

    @Test func pd1BlockadeRaisesTIM3() throws {
        let verdict = try Hypothesis("anti-PD-1 raises TIM-3", therapies: ["ANTI_PD1"],
                                     expect: [.direction(node: "TIM3", .up), .direction(node: "PDL1", .up)],
                                     robustness: .init(variants: 50, jitter: 0.2, required: 0.9, seed: 1))
            .check(on: Catalog.tumourMicroenvironment())
        #expect(verdict.holds, "\(verdict)")
    }
}
