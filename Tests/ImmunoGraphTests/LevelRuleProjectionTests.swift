import Foundation
import ImmunoGraph
import Testing

/// A node with multi-valued `levelRules` and no Boolean `rule` (how JSON carries it) is written
/// to Boolean formats by its projection "target level ≥ 1", not by its signed edges.
@Suite("Writers read levelRules through their Boolean projection")
struct LevelRuleProjectionTests {
    /// A random Boolean graph where every node with inputs has random level rules over them
    /// (ordered terms of one or two literals, levels 0 or 1, default 0 or 1) and no `rule`.
    func randomLevelRuleGraph(seed: UInt64) throws -> MechanismGraph {
        var rng = TestRNG(seed: seed)
        let count = Int.random(in: 3...6, using: &rng)
        var builder = GraphBuilder(name: "levels\(seed)")
        var edges: [Edge] = []
        for i in 0..<count {
            let sources = (0..<count).filter { _ in Bool.random(using: &rng) }.prefix(3)
            var terms: [LevelRule] = []
            var used = Set<Int>()
            for _ in 0..<Int.random(in: 1...3, using: &rng) where !sources.isEmpty {
                let literals = (0..<Int.random(in: 1...2, using: &rng)).map { _ -> ImmunoGraph.Expression in
                    let source = sources.randomElement(using: &rng) ?? 0
                    used.insert(source)
                    let atom = ImmunoGraph.Expression.variable("n\(source)")
                    return Bool.random(using: &rng) ? atom : .not(atom)
                }
                terms.append(LevelRule(literals.count == 1 ? literals[0] : .and(literals), level: Int.random(in: 0...1, using: &rng)))
            }
            let rules = terms.isEmpty ? nil : LevelRules(terms: terms, defaultLevel: Int.random(in: 0...1, using: &rng))
            builder.add(Node("n\(i)", levelRules: rules))
            // Edge signs as the writers' fallback would read them: every source an activator, so
            // a writer ignoring the level rules writes an OR and the test sees it.
            for s in used.sorted() { edges.append(Edge("n\(s)", .activates, "n\(i)", mechanism: .regulates)) }
        }
        for edge in edges { builder.add(edge) }
        return try builder.build()
    }

    @Test func effectiveRuleAndTheWritersAgreeWithTheLevelRulesOnEveryState() throws {
        var checkedNodes = 0, nonMonotone = 0
        for seed in UInt64(0)..<60 {
            let graph = try randomLevelRuleGraph(seed: seed)
            let ids = graph.nodes.map(\.id)
            let text = try BnetFormat.write(graph)
            let written = try BnetFormat.read(text, name: "back")
            for (i, node) in graph.nodes.enumerated() {
                guard let rules = node.levelRules else { continue }
                #expect(node.rule == nil, "the fixture must leave the projection to the writers")
                let rule = try #require(graph.effectiveRule(for: i))
                // Read back, a node whose rule is itself (`n1, n1`) is an input: it keeps its level.
                let back = written.index(of: node.id).flatMap { written.effectiveRule(for: $0) } ?? .variable(node.id)
                checkedNodes += 1
                for state in 0..<(1 << ids.count) {
                    let level = { (id: String) -> Int in (ids.firstIndex(of: id).map { state >> $0 & 1 }) ?? 0 }
                    let expected = rules.evaluate(level) >= 1
                    #expect(rule.evaluate(level) == expected, "seed \(seed) \(node.id) state \(state): \(rule)")
                    #expect(back.evaluate(level) == expected, "seed \(seed) \(node.id) via bnet: \(back)")
                }
                // A rule that an OR of activators cannot express (a negation, a default on).
                if rules.defaultLevel == 1 || rules.terms.contains(where: { $0.level == 0 }) { nonMonotone += 1 }
            }
        }
        #expect(checkedNodes >= 150)
        #expect(nonMonotone >= 50, "the fixture must include rules the signed edges would get wrong")
    }

    @Test func theBuiltinModelsAntigenPresentationKeepsItsRequirement() throws {
        let graph = try Catalog.tumourMicroenvironment()
        let (bnd, _) = MaBoSSFormat.write(graph)
        let block = bnd.components(separatedBy: "Node ").first { $0.hasPrefix("ANTIGEN_PRESENTATION {") } ?? ""
        let logic = try #require(block.split(separator: "\n").first { $0.contains("logic =") })
        // Priming needs neoantigens and a presenting cell (levelRules), not either of them.
        #expect(logic.contains("NEOANTIGENS & (CDC1 | CDC1_LN | DC | ICD)"), "\(logic)")
        #expect(!logic.contains("ICD | NEOANTIGENS"), "\(logic)")
        // An average tumour is antigenic (default level 1): on unless nothing holds it, not off.
        let neo = bnd.components(separatedBy: "Node ").first { $0.hasPrefix("NEOANTIGENS {") } ?? ""
        #expect(neo.contains("logic = 1;"), "\(neo)")
    }
}
