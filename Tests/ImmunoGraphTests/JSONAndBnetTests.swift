import Foundation
import ImmunoGraph
import Testing

@Suite("JSON format")
struct JSONFormatTests {
    @Test func roundTripIsLosslessIncludingEvidenceRulesAndBackgrounds() throws {
        var builder = Catalog.flagshipBuilderForTests()
        builder.updateNode("TIM3") { $0.rule = try? ExpressionParser.parse("CD8_T & !ANTI_TIM3") }
        builder.updateNode("IFNG") { $0.maxLevel = 2; $0.compartment = "tumour"; $0.rate = 0.3; $0.basal = 0.05 }
        builder.add(Edge("ANTI_TIM3", .activates, "TIM3", note: "dual"))
        builder.add(Background(name: "CD8_DEPLETED", summary: "anti-CD8", clamps: [.init(node: "CD8_T", level: 0)]))
        let graph = try builder.build()
        let data = try JSONFormat.write(graph)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"format\" : \"immunograph\""))
        #expect(text.contains("\"version\" : 1"))
        let back = try JSONFormat.read(data)
        #expect(back == graph)
        #expect(back.edges.flatMap(\.evidence) == graph.edges.flatMap(\.evidence))
        #expect(back.edges.flatMap(\.evidence).count >= 13)
        #expect(try JSONFormat.write(back) == data)
    }

    @Test func errorsNameTheJSONPath() throws {
        let bad = """
            {"format": "immunograph", "version": 1, "name": "x",
             "nodes": [{"id": "A"}, {"kind": "cell"}], "edges": []}
            """
        #expect { try JSONFormat.read(Data(bad.utf8), file: "m.json") } throws: { error in
            let e = try #require(error as? ModelReadError)
            return e.path == "nodes[1]" && e.message.contains("'id'") && e.description.hasPrefix("m.json:2:25: at nodes[1]") && e.line == 2
        }
        let badSign = """
            {"format": "immunograph", "version": 1, "name": "x", "nodes": [{"id": "A"}],
             "edges": [{"source": "A", "target": "A", "sign": "sideways"}]}
            """
        #expect { try JSONFormat.read(Data(badSign.utf8)) } throws: { error in
            (error as? ModelReadError)?.path == "edges[0].sign"
        }
        let badRule = """
            {"format": "immunograph", "version": 1, "name": "x", "nodes": [{"id": "A", "rule": "A &"}], "edges": []}
            """
        #expect { try JSONFormat.read(Data(badRule.utf8)) } throws: { error in
            let e = error as? ModelReadError
            return e?.path == "nodes[0].rule" && e?.message.contains("1:4") == true
        }
        #expect(throws: ModelReadError.self) { try JSONFormat.read(Data("{\"format\": \"other\", \"version\": 1, \"name\": \"x\", \"nodes\": [], \"edges\": []}".utf8)) }
        #expect(throws: ModelReadError.self) { try JSONFormat.read(Data("not json".utf8)) }
        #expect(throws: GraphValidationError.self) {
            try JSONFormat.read(Data("{\"format\": \"immunograph\", \"version\": 1, \"name\": \"x\", \"nodes\": [{\"id\": \"A\"}, {\"id\": \"A\"}], \"edges\": []}".utf8))
        }
    }
}

@Suite("bnet format")
struct BnetFormatTests {
    let toy = """
        targets, factors
        # inputs
        antiPD1, antiPD1
        PDL1, PDL1
        PD1sig, PDL1 & !antiPD1   # trailing comment
        Teff, !PD1sig
        IFNG, Teff
        TIM3, IFNG
        Exhausted, PD1sig | TIM3
        Dual, Teff & !IFNG | !Teff & IFNG
        """

    @Test func readsRulesAndDerivesSignedEdges() throws {
        let graph = try BnetFormat.read(toy, name: "toy")
        #expect(graph.nodes.map(\.id) == ["antiPD1", "PDL1", "PD1sig", "Teff", "IFNG", "TIM3", "Exhausted", "Dual"])
        #expect(graph.node("antiPD1")?.rule == nil)
        #expect(graph.node("PD1sig")?.rule == .and([.variable("PDL1"), .not(.variable("antiPD1"))]))
        #expect(graph.edges(from: "antiPD1", to: "PD1sig").map(\.sign) == [.inhibits])
        #expect(graph.edges(from: "PDL1", to: "PD1sig").map(\.sign) == [.activates])
        #expect(Set(graph.edges(from: "Teff", to: "Dual").map(\.sign)) == [.activates, .inhibits])
        #expect(graph.edges(from: "Teff", to: "Dual").allSatisfy { $0.note?.hasPrefix("dual") == true })
        #expect(graph.diagnostics.isEmpty)
    }

    @Test func writeThenReadIsTheSameModel() throws {
        let graph = try BnetFormat.read(toy, name: "toy")
        let text = try BnetFormat.write(graph)
        #expect(text.hasPrefix("targets, factors\n"))
        #expect(text.contains("antiPD1, antiPD1\n"))
        let back = try BnetFormat.read(text, name: "toy")
        #expect(back == graph)
    }

    @Test func nodesWithoutRulesAreWrittenWithTheirInhibitorDominantRule() throws {
        let graph = try Catalog.flagship()
        let back = try BnetFormat.read(BnetFormat.write(graph))
        #expect(back.node("T_CELL_ACTIVATION")?.rule?.description == "ANTIGEN & !(PD1 | TIM3)")
        #expect(back.node("TUMOR_CELL")?.rule?.description == "!CD8_T")
        #expect(back.node("ANTI_PD1")?.rule == nil)
        #expect(Set(back.edges.map(\.arrowDescription)) == Set(graph.edges.map(\.arrowDescription)))
    }

    @Test func errorsAreLocated() {
        func failure(_ text: String) -> ModelReadError? {
            do { _ = try BnetFormat.read(text, file: "m.bnet"); return nil } catch { return error as? ModelReadError }
        }
        let duplicate = failure("A, A\nB, A\nB, !A\n")
        #expect(duplicate?.line == 3)
        #expect(duplicate?.message.contains("duplicate target 'B'") == true)
        // Undefined names: an error on request, otherwise inputs with a warning (BBM files rely on it).
        var undefined: ModelReadError?
        do { _ = try BnetFormat.read("A, A\nB, A & C\n", file: "m.bnet", undefinedNames: .error) } catch { undefined = error as? ModelReadError }
        #expect(undefined?.line == 2)
        #expect(undefined?.message.contains("'C'") == true)
        let lenient = try? BnetFormat.read("A, A\nB, A & C\n")
        #expect(lenient?.node("C") != nil)
        #expect(lenient?.diagnostics.contains { $0.code == "undefined-input" && $0.subject == "C" } == true)
        let syntax = failure("A, A\nB,  A &\n")
        #expect(syntax?.line == 2)
        #expect(syntax?.column == 8)
        #expect(syntax?.description.hasPrefix("m.bnet:2:8:") == true)
        #expect(failure("A A\n")?.message.contains("expected ','") == true)
        let deep = "A, A\nB, " + String(repeating: "(", count: 10_000) + "A" + String(repeating: ")", count: 10_000)
        #expect(failure(deep) == nil)  // redundant parentheses: any number reads (issue 16)
        #expect((try? BnetFormat.read(deep))?.node("B")?.rule == .variable("A"))
        #expect(failure("\u{0}\u{1}\u{2}garbage") != nil)
    }

    @Test func emptyFileIsACleanError() throws {
        #expect(throws: ModelReadError.self) { try BnetFormat.read("") }
        #expect(throws: ModelReadError.self) { try BnetFormat.read("targets, factors\n# nothing\n") }
    }
}

extension Catalog {
    static func flagshipBuilderForTests() -> GraphBuilder {
        (try? flagship().builder) ?? GraphBuilder()
    }
}
