import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// h(u) = u^n (1 + θ^n) / (u^n + θ^n), computed independently of the engine.
private func hill(_ u: Double, theta: Double = 0.5, n: Int = 1) -> Double {
    var un = 1.0, tn = 1.0
    for _ in 0..<n { un *= u; tn *= theta }
    return un * (1 + tn) / (un + tn)
}

private func graph(@GraphContentBuilder _ content: () -> [GraphComponent]) throws -> MechanismGraph {
    try MechanismGraph(name: "test", content: content)
}

@Suite struct GradedEngineTests {
    @Test func activatorAndInhibitorByHand() throws {
        let g = try graph {
            Node("A"); Node("B"); Node("C")
            Edge("A", .activates, "C")
            Edge("B", .inhibits, "C")
        }
        let model = try CompiledGradedModel(g)
        let scenario = Scenario(model: "test", initialLevels: [.init(node: "A", level: 1), .init(node: "B", level: 0.5)])
        let t = model.run(try model.inputs(for: scenario), steps: 3)
        let c = g.index(of: "C")!
        // f = (0 + 1·h(1)) · (1 − h(0.5)) = 1 · (1 − 0.75) = 0.25; x ← x + 0.5 (f − x).
        let f = hill(1) * (1 - hill(0.5))
        #expect(abs(f - 0.25) < 1e-12)
        #expect(t.level(c, at: 0) == 0)
        #expect(abs(t.level(c, at: 1) - 0.125) < 1e-12)
        #expect(abs(t.level(c, at: 2) - 0.1875) < 1e-12)
        #expect(abs(t.level(c, at: 3) - 0.21875) < 1e-12)
        // Inputs without basal keep their level.
        #expect(t.level(g.index(of: "A")!, at: 3) == 1)
    }

    @Test func basalRateWeightAndThresholdByHand() throws {
        let g = try graph {
            Node("A")
            Node("B", basal: 0.2, rate: 0.25)
            Edge("A", .activates, "B", weight: 0.5, threshold: 0.2)
        }
        let model = try CompiledGradedModel(g, parameters: GradedParameters(hillExponent: 2))
        let scenario = Scenario(model: "test", initialLevels: [.init(node: "A", level: 0.4), .init(node: "B", level: 0)])
        let t = model.run(try model.inputs(for: scenario), steps: 2)
        let v = min(1, 0.5 * hill(0.4, theta: 0.2, n: 2))
        let f = 0.2 + 0.8 * v
        let x1 = 0.25 * f
        let x2 = x1 + 0.25 * (f - x1)
        let b = g.index(of: "B")!
        #expect(abs(t.level(b, at: 1) - x1) < 1e-12)
        #expect(abs(t.level(b, at: 2) - x2) < 1e-12)
    }

    @Test func onlyInhibitorsMeansOnUnlessInhibited() throws {
        let g = try graph {
            Node("I"); Node("T", rate: 1)
            Edge("I", .inhibits, "T")
        }
        let model = try CompiledGradedModel(g)
        let off = model.run(try model.inputs(for: Scenario(model: "t")), steps: 1)
        #expect(off.level(1, at: 1) == 1)
        let on = model.run(try model.inputs(for: Scenario(model: "t", initialLevels: [.init(node: "I", level: 1)])), steps: 1)
        #expect(abs(on.level(1, at: 1)) < 1e-12)
    }

    @Test func delayedEdgeReadsTheSourceStepsBack() throws {
        let g = try graph {
            Node("A"); Node("B"); Node("C")
            Edge("A", .activates, "B", delay: 2)
            Edge("A", .activates, "C")
        }
        let model = try CompiledGradedModel(g)
        #expect(model.maxDelay == 2)
        var scenario = Scenario(model: "t")
        scenario.therapies = [.node("A", schedule: .continuous(from: 3))]
        let t = model.run(try model.inputs(for: scenario), steps: 8)
        let (a, b, c) = (0, 1, 2)
        #expect(t.series(a) == [0, 0, 0, 1, 1, 1, 1, 1, 1])
        // C follows A one step later; B two steps later still.
        #expect(t.level(c, at: 3) == 0 && t.level(c, at: 4) == 0.5)
        #expect(t.level(b, at: 5) == 0 && t.level(b, at: 6) == 0.5 && t.level(b, at: 7) == 0.75)
    }

    @Test func fuzzyRules() throws {
        let c = try ExpressionParser.parse("A & !B")
        let d = try ExpressionParser.parse("X >= 2 | B")
        let e = try ExpressionParser.parse("X == 1")
        let g = try graph {
            Node("A"); Node("B")
            Node("X", maxLevel: 2)
            Node("C", rule: c, rate: 1)
            Node("D", rule: d, rate: 1)
            Node("E", rule: e, rate: 1)
        }
        let model = try CompiledGradedModel(g, parameters: GradedParameters(logic: .minMax))
        let scenario = Scenario(model: "t", initialLevels: [
            .init(node: "A", level: 0.8), .init(node: "B", level: 0.3), .init(node: "X", level: 0.75),
        ])
        let t = model.run(try model.inputs(for: scenario), steps: 1)
        #expect(abs(t.level(g.index(of: "C")!, at: 1) - 0.7) < 1e-12)   // min(0.8, 1 − 0.3)
        #expect(abs(t.level(g.index(of: "D")!, at: 1) - 0.5) < 1e-12)   // max(clamp(1.5 − 1), 0.3)
        #expect(abs(t.level(g.index(of: "E")!, at: 1) - 0.5) < 1e-12)   // 1 − |1.5 − 1|
        // The default multilinear logic: X at 0.75 of max 2 is level 1 or 2 with probability ½ each.
        let multilinear = try CompiledGradedModel(g)
        let m = multilinear.run(try multilinear.inputs(for: scenario), steps: 1)
        #expect(abs(m.level(g.index(of: "C")!, at: 1) - 0.8 * 0.7) < 1e-12)       // a(1 − b)
        #expect(abs(m.level(g.index(of: "D")!, at: 1) - (1 - 0.5 * 0.7)) < 1e-12) // 1 − P(X < 2)(1 − b)
        #expect(abs(m.level(g.index(of: "E")!, at: 1) - 0.5) < 1e-12)             // P(X = 1)
    }

    @Test func clampsFromBackgroundsAndPerturbations() throws {
        var builder = GraphBuilder(name: "bg")
        builder.add(Node("A", basal: 1)); builder.add(Node("B")); builder.add(Node("C"))
        builder.add(Edge("A", .activates, "B")); builder.add(Edge("B", .activates, "C"))
        builder.add(Background(name: "B_KO", clamps: [.init(node: "B", level: 0)]))
        let g = try builder.build()
        #expect(g.background(named: "b_ko") != nil)
        let model = try CompiledGradedModel(g)
        let wild = model.finalLevels(try model.inputs(for: Scenario(model: "bg")), steps: 30)
        let knocked = model.finalLevels(try model.inputs(for: Scenario(model: "bg", background: "B_KO")), steps: 30)
        #expect(wild[2] > 0.9 && knocked[1] == 0 && knocked[2] == 0)
        // A later perturbation wins over the background.
        let rescued = model.finalLevels(try model.inputs(for: Scenario(model: "bg", background: "B_KO", perturbations: [.overexpress("B")])), steps: 30)
        #expect(rescued[1] == 1)
        #expect(throws: PerturbationError.self) { try model.inputs(for: Scenario(model: "bg", background: "NOPE")) }
        #expect(throws: PerturbationError.self) { try model.inputs(for: Scenario(model: "bg", perturbations: [.knockout("D")])) }
    }

    /// An antibody edge (therapy node, mechanism `blocks`, inhibits) scales its target's outgoing
    /// influence by 1 − v and leaves the target's own level alone.
    @Test func antibodyBlocksInfluenceNotExpression() throws {
        let g = try graph {
            Node("AB", kind: .therapy); Node("R", basal: 0.8); Node("C")
            Edge("AB", .inhibits, "R", mechanism: .blocks, weight: 0.5)
            Edge("R", .inhibits, "C")
        }
        let model = try CompiledGradedModel(g)
        let r = g.index(of: "R")!, c = g.index(of: "C")!
        let untreated = model.run(try model.inputs(for: Scenario(model: "t", initialLevels: [.init(node: "R", level: 0.8)])), steps: 2)
        let treated = model.run(try model.inputs(for: Scenario(
            model: "t", therapies: [.node("AB")], initialLevels: [.init(node: "R", level: 0.8)])), steps: 2)
        // R relaxes to its basal level whether or not the antibody is there.
        #expect(abs(treated.level(r, at: 2) - untreated.level(r, at: 2)) < 1e-12)
        #expect(abs(treated.level(r, at: 2) - 0.8) < 1e-12)
        // C (no basal, only an inhibitor: on unless inhibited) from 0: f = 1 − v_R, v_R = w·h(0.8)
        // with w = 1 − 0.5·h(1) = 0.5 under the antibody.
        let fUntreated = 1 - hill(0.8), fTreated = 1 - 0.5 * hill(0.8)
        #expect(abs(untreated.level(c, at: 1) - 0.5 * fUntreated) < 1e-12)
        #expect(abs(treated.level(c, at: 1) - 0.5 * fTreated) < 1e-12)
        // Removing the antibody edge removes the blockade.
        let removed = model.run(try model.inputs(for: Scenario(
            model: "t", therapies: [.node("AB")], initialLevels: [.init(node: "R", level: 0.8)],
            perturbations: [.removeEdge(source: "AB", target: "R")])), steps: 1)
        #expect(abs(removed.level(c, at: 1) - 0.5 * fUntreated) < 1e-12)
    }

    /// A per-edge Hill exponent: the edge's own n in h(u), the others keep the default.
    @Test func perEdgeHillExponent() throws {
        let g = try graph {
            Node("A"); Node("B"); Node("C"); Node("D")
            Edge("A", .activates, "C", threshold: 0.5, hill: 4)
            Edge("B", .activates, "D", threshold: 0.5)
        }
        let model = try CompiledGradedModel(g)
        let start = Scenario(model: "t", initialLevels: [.init(node: "A", level: 0.4), .init(node: "B", level: 0.4)])
        let t = model.run(try model.inputs(for: start), steps: 1)
        // C: 0.5 · h₄(0.4) with θ = 0.5; D: 0.5 · h₁(0.4).
        #expect(abs(t.level(g.index(of: "C")!, at: 1) - 0.5 * hill(0.4, n: 4)) < 1e-12)
        #expect(abs(t.level(g.index(of: "D")!, at: 1) - 0.5 * hill(0.4)) < 1e-12)
        #expect(hill(0.4, n: 4) < hill(0.4) / 2)   // steeper: far less below the threshold
        let bad = try graph { Node("A"); Node("B"); Edge("A", .activates, "B", hill: 9) }
        #expect(throws: GradedModelError.self) { try CompiledGradedModel(bad) }
        // The exponent survives the package's JSON and SBML-qual.
        let json = try JSONFormat.read(try JSONFormat.write(g))
        #expect(json.edges.first { $0.source == "A" }?.hill == 4)
        let sbml = try SBMLQualReader.read(Data(SBMLQualWriter.write(g).utf8))
        #expect(sbml.edges.first { $0.source == "A" }?.hill == 4)
    }

    /// A brute-force reference: the documented equations with dictionaries and no delays.
    @Test func matchesAReferenceOnSeededRandomNetworks() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<20 {
            var builder = GraphBuilder(name: "r")
            let n = 6
            for i in 0..<n { builder.add(Node("n\(i)", basal: Bool.random(using: &rng) ? 0.1 : nil)) }
            var seen = Set<Int>()
            for _ in 0..<12 {
                let s = Int.random(in: 0..<n, using: &rng), t = Int.random(in: 0..<n, using: &rng)
                guard seen.insert(s * n + t).inserted else { continue }
                builder.add(Edge("n\(s)", Bool.random(using: &rng) ? .activates : .inhibits, "n\(t)", weight: Double.random(in: 0.3...1, using: &rng)))
            }
            let g = try builder.build()
            let model = try CompiledGradedModel(g)
            let initial = (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }
            let scenario = Scenario(model: "r", initialLevels: (0..<n).map { .init(node: "n\($0)", level: initial[$0]) })
            let t = model.run(try model.inputs(for: scenario), steps: 10)
            var x = initial
            for step in 1...10 {
                var next = x
                for i in 0..<n {
                    let ins = g.edges.filter { $0.target == "n\(i)" }
                    let basal = g.nodes[i].basal ?? 0
                    if ins.isEmpty { next[i] = x[i] + 0.5 * ((g.nodes[i].basal ?? x[i]) - x[i]); continue }
                    let acts = ins.filter { $0.sign == .activates }
                    let a = acts.isEmpty ? 1 : 1 - acts.reduce(1.0) { $0 * (1 - min(1, $1.weight * hill(x[g.index(of: $1.source)!]))) }
                    let i2 = 1 - ins.filter { $0.sign == .inhibits }.reduce(1.0) { $0 * (1 - min(1, $1.weight * hill(x[g.index(of: $1.source)!]))) }
                    // Only inhibitors and a stated basal level: the inhibitors scale the basal level.
                    let f = acts.isEmpty && g.nodes[i].basal != nil ? basal * (1 - i2) : (basal + (1 - basal) * a) * (1 - i2)
                    next[i] = x[i] + 0.5 * (f - x[i])
                }
                x = next
                for i in 0..<n { #expect(abs(t.level(i, at: step) - x[i]) < 1e-9) }
            }
        }
    }
}

