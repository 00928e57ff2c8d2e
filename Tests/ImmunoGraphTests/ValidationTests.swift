import ImmunoGraph
import Testing

@Suite("Graph validation")
struct ValidationTests {
    func problems(_ build: () throws -> MechanismGraph) -> [Diagnostic] {
        do {
            _ = try build()
            return []
        } catch let error as GraphValidationError {
            return error.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func validGraphBuildsWithoutDiagnostics() throws {
        let graph = try Catalog.flagship()
        #expect(graph.nodeCount == 12)
        #expect(graph.edgeCount == 13)
        #expect(graph.diagnostics.isEmpty)
    }

    @Test func emptyIdentifierIsReported() {
        let found = problems { try MechanismGraph { Node(""); Node("A") } }
        #expect(found.map(\.code) == ["empty-identifier"])
        #expect(found.first?.subject == "node #1")
    }

    @Test func duplicateIdentifierIsReported() {
        let found = problems { try MechanismGraph { Node("A"); Node("B"); Node("A") } }
        #expect(found.map(\.code) == ["duplicate-identifier"])
        #expect(found.first?.subject == "A")
    }

    @Test func unknownEndpointsAreReportedOnBothEnds() {
        let found = problems { try MechanismGraph { Node("A"); Edge("A", .activates, "X"); Edge("Y", .inhibits, "A") } }
        #expect(found.map(\.code) == ["unknown-endpoint", "unknown-endpoint"])
        #expect(found.map(\.subject) == ["A -> X", "Y -| A"])
        #expect(found[0].message.contains("'X'"))
        #expect(found[1].message.contains("'Y'"))
    }

    @Test func bothSignsWithoutNoteIsAnErrorButWithNoteIsAllowed() throws {
        let found = problems {
            try MechanismGraph { Node("A"); Node("B"); Edge("A", .activates, "B"); Edge("A", .inhibits, "B") }
        }
        #expect(found.map(\.code) == ["conflicting-signs"])
        let graph = try MechanismGraph {
            Node("A"); Node("B")
            Edge("A", .activates, "B", note: "context-dependent")
            Edge("A", .inhibits, "B")
        }
        #expect(graph.edges(from: "A", to: "B").count == 2)
    }

    @Test func sameEdgeTwiceWithSameSignIsAnError() {
        let found = problems {
            try MechanismGraph { Node("A"); Node("B"); Edge("A", .activates, "B"); Edge("A", .activates, "B") }
        }
        #expect(found.map(\.code) == ["duplicate-edge"])
    }

    @Test func therapyWithInputsIsAnError() {
        let found = problems {
            try MechanismGraph { Node("T", kind: .therapy); Node("A"); Edge("A", .activates, "T"); Edge("T", .inhibits, "A") }
        }
        #expect(found.map(\.code) == ["therapy-input"])
        #expect(found.first?.subject == "A -> T")
    }

    @Test func everyProblemIsListedAtOnce() {
        let found = problems {
            try MechanismGraph {
                Node("")
                Node("A"); Node("A")
                Node("T", kind: .therapy)
                Node("B", maxLevel: 12)
                Edge("A", .activates, "Q")
                Edge("A", .activates, "T")
                Edge("A", .inhibits, "B", delay: -1)
            }
        }
        let codes = Set(found.map(\.code))
        #expect(codes == ["empty-identifier", "duplicate-identifier", "max-level", "unknown-endpoint", "therapy-input", "negative-delay"])
    }

    @Test func missingEvidenceOnlyWhenRequired() throws {
        _ = try MechanismGraph { Node("A"); Node("B"); Edge("A", .activates, "B") }
        let found = problems {
            try MechanismGraph(requireEvidence: true) { Node("A"); Node("B"); Edge("A", .activates, "B") }
        }
        #expect(found.map(\.code) == ["missing-evidence"])
    }

    @Test func unknownKindsAndMechanismsAreAllowed() throws {
        let graph = try MechanismGraph {
            Node("O", kind: NodeKind("organoid")); Node("B")
            Edge("O", .activates, "B", mechanism: Mechanism("photoactivates"))
        }
        #expect(graph.nodes[0].kind.rawValue == "organoid")
        #expect(graph.edges[0].mechanism.rawValue == "photoactivates")
    }

    @Test func ruleReadingUnknownNodeIsAnErrorAndDisagreementsAreWarnings() throws {
        let found = problems {
            try MechanismGraph { Node("A"); Node("B", rule: .variable("Z")) }
        }
        #expect(found.map(\.code) == ["unknown-node"])

        let graph = try MechanismGraph {
            Node("A"); Node("C"); Node("D")
            Node("B", rule: .not(.variable("A")))
            Edge("A", .activates, "B")  // used negatively: sign mismatch
            Edge("C", .activates, "B")  // ignored by the rule
        }
        #expect(Set(graph.diagnostics.map(\.code)) == ["rule-sign-mismatch", "rule-ignores-edge"])
        #expect(graph.diagnostics.allSatisfy { $0.severity == .warning && $0.subject == "B" })

        let unDeclared = try MechanismGraph { Node("A"); Node("B", rule: .variable("A")) }
        #expect(unDeclared.diagnostics.map(\.code) == ["rule-without-edge"])
    }

    @Test func backgroundNamingUnknownNodeIsAnError() {
        let found = problems {
            try MechanismGraph { Node("A"); Background(name: "KO", clamps: [.init(node: "Q", level: 0)]) }
        }
        #expect(found.map(\.code) == ["unknown-node"])
    }

    @Test func synonymsResolveAndClashesWarn() throws {
        let graph = try MechanismGraph {
            Node("PDL1", synonyms: ["CD274", "B7-H1"])
            Node("PD1", synonyms: ["CD274"])
        }
        #expect(graph.index(of: "CD274") == 0)
        #expect(graph.node("B7-H1")?.id == "PDL1")
        #expect(graph.diagnostics.map(\.code) == ["synonym-taken"])
        #expect(graph.index(of: "nope") == nil)
    }

    @Test func suggestionsFindTheNearestIdentifier() throws {
        let graph = try Catalog.flagship()
        #expect(graph.suggestion(for: "TIM-3") == "TIM3")
        #expect(graph.suggestion(for: "pd1") == "PD1")
        #expect(graph.suggestion(for: "HAVCR-2") == "TIM3")  // via synonym
        #expect(graph.suggestion(for: "completely unrelated") == nil)
        #expect(graph.unknownNodeMessage("TIM-3").contains("did you mean TIM3?"))
    }
}
