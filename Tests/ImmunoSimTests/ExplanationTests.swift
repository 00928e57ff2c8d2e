import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite("Explanations")
struct ExplanationTests {
    func explain(_ graph: MechanismGraph, _ readout: String, therapies: [String], perturbations: [Perturbation] = []) throws -> Explanation {
        let model = try CompiledGradedModel(graph)
        let therapyList = try therapies.map { try TherapySpec.parse($0, in: graph) }
        let scenario = Scenario(model: graph.name, therapies: therapyList, perturbations: perturbations)
        return try model.explain(readout, in: scenario, at: .step(60))
    }

    @Test func flagshipTIM3RiseIsCarriedByTheCitedChainThroughCD8() throws {
        let graph = try Catalog.flagship()
        let explanation = try explain(graph, "TIM3", therapies: ["ANTI_PD1"])
        #expect(explanation.direction == .up)
        #expect(explanation.origins == ["ANTI_PD1 up"])
        #expect(explanation.chains.first?.text == "ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> TIM3")
        #expect(explanation.chains.first?.links.allSatisfy { !$0.evidence.isEmpty } == true)
        #expect(explanation.opposingChains.isEmpty)
        let necessary = Set(explanation.mediators.filter(\.necessary).map(\.node))
        #expect(necessary.contains("CD8_T"))
        #expect(necessary.contains("T_CELL_ACTIVATION"))
        #expect(explanation.loops.contains { $0.text == "TIM3 -| T_CELL_ACTIVATION -> CD8_T -> TIM3" && $0.sign == .inhibits })
        #expect(explanation.isCarried)
        let text = explanation.description
        #expect(text.contains("TIM3 rises under ANTI_PD1"))
        #expect(text.contains("CD8_T -> TIM3 (upregulates)"))
        #expect(text.contains("necessary"))
    }

    @Test func flagshipPDL1RiseGoesThroughIFNG() throws {
        let explanation = try explain(try Catalog.flagship(), "PDL1", therapies: ["ANTI_PD1"])
        #expect(explanation.direction == .up)
        #expect(explanation.chains.first?.nodes == ["ANTI_PD1", "PD1", "T_CELL_ACTIVATION", "CD8_T", "IFNG", "PDL1"])
        #expect(explanation.mediators.first { $0.node == "IFNG" }?.necessary == true)
        #expect(explanation.loops.contains { $0.text.contains("IFNG -> PDL1 -> PD1") })
    }

    @Test func onlyPathHasTheWrongSign() throws {
        // The declared edge says A activates R, but R's rule reads !A: the therapy lowers A, R rises,
        // and the only signed path predicts a fall.
        let graph = try MechanismGraph(name: "wrong sign") {
            Node("T", kind: .therapy)
            Node("A", basal: 1)
            Node("R", rule: .not(.variable("A")))
            Edge("T", .inhibits, "A")
            Edge("A", .activates, "R")
        }
        let explanation = try explain(graph, "R", therapies: ["T"])
        #expect(explanation.direction == .up)
        #expect(explanation.chains.isEmpty)
        #expect(explanation.opposingChains.map(\.text) == ["T -| A -> R"])
        #expect(explanation.opposingChains.first?.predicts == .down)
        #expect(!explanation.isCarried)
        #expect(explanation.description.contains("no chain predicts 'up'"))
    }

    @Test func mediationSeparatesTheCarryingPathFromAnInertOne() throws {
        // Two routes T -> M -> R and T -> N -> R; M's edge into R has weight 0, so only N carries.
        let graph = try MechanismGraph(name: "two routes") {
            Node("T", kind: .therapy)
            Node("M"); Node("N"); Node("R")
            Edge("T", .activates, "M")
            Edge("T", .activates, "N")
            Edge("M", .activates, "R", weight: 0)
            Edge("N", .activates, "R")
        }
        let explanation = try explain(graph, "R", therapies: ["T"])
        #expect(explanation.direction == .up)
        #expect(Set(explanation.chains.map(\.text)) == ["T -> M -> R", "T -> N -> R"])
        let m = try #require(explanation.mediators.first { $0.node == "M" })
        let n = try #require(explanation.mediators.first { $0.node == "N" })
        #expect(abs(m.survivingFraction - 1) < 1e-9)
        #expect(!m.necessary)
        #expect(abs(n.survivingFraction) < 1e-9)
        #expect(n.necessary)
    }

    @Test func noSignedPathAtAll() throws {
        let graph = try MechanismGraph(name: "disconnected") {
            Node("T", kind: .therapy); Node("A"); Node("R", basal: 0.5)
            Edge("T", .activates, "A")
        }
        let explanation = try explain(graph, "R", therapies: ["T"])
        #expect(explanation.direction == .unchanged)
        #expect(explanation.chains.isEmpty && explanation.opposingChains.isEmpty)
        #expect(explanation.description.contains("no signed path leads from the origins to R"))
    }

    @Test func knockoutsAreOriginsWhenThereIsNoTherapy() throws {
        let explanation = try explain(try Catalog.flagship(), "T_CELL_ACTIVATION", therapies: [], perturbations: [.knockout("PD1")])
        #expect(explanation.origins == ["PD1 down"])
        #expect(explanation.direction == .up)
        #expect(explanation.chains.first?.text == "PD1 -| T_CELL_ACTIVATION")
    }

    @Test func explanationEncodesAsJSON() throws {
        let explanation = try explain(try Catalog.flagship(), "TIM3", therapies: ["ANTI_PD1"])
        let data = try JSONEncoderForTests.encode(explanation)
        let back = try JSONDecoderForTests.decode(Explanation.self, from: data)
        #expect(back == explanation)
    }

    @Test func unknownReadoutIsAnErrorWithASuggestion() throws {
        #expect { try explain(try Catalog.flagship(), "TIM-3", therapies: ["ANTI_PD1"]) } throws: { error in
            "\(error)".contains("did you mean TIM3?")
        }
    }
}
