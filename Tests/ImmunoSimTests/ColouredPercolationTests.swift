import Foundation
import ImmunoGraph
@testable import ImmunoSim
import Testing

/// Random Boolean networks with 2–4 inputs that gate a small core (conjunctions and disjunctions
/// with inputs, so that input valuations percolate into the core) — the shape where the
/// percolated input subspaces differ from colour to colour.
enum GatedNetwork {
    static func model(seed: UInt64) throws -> LogicalModel {
        var rng = SeededGenerator(seed: seed)
        let inputs = (0..<Int.random(in: 2...4, using: &rng)).map { "u\($0)" }
        let core = (0..<Int.random(in: 4...8, using: &rng)).map { "x\($0)" }
        var ids: [String] = inputs
        var functions: [NodeFunction] = inputs.map { _ in .keep }
        for id in core {
            let read = (0..<Int.random(in: 1...3, using: &rng)).compactMap { _ in core.randomElement(using: &rng).map { ($0, 1) } }
            var expression = RandomLogical.expression(read, depth: 2, using: &rng)
            if Int.random(in: 0..<3, using: &rng) > 0, let u = inputs.randomElement(using: &rng) {
                let gate: ImmunoGraph.Expression = Bool.random(using: &rng) ? .variable(u) : .not(.variable(u))
                expression = Bool.random(using: &rng) ? .and([gate, expression]) : .or([gate, expression])
            }
            ids.append(id)
            functions.append(.boolean(expression))
        }
        let order = Array(ids.indices).shuffled(using: &rng)
        return try LogicalModel(name: "gated\(seed)", nodes: order.map { (ids[$0], 1) }, functions: order.map { functions[$0] },
                                initialLevels: order.map { _ in 0 })
    }
}

@Suite("Coloured percolation and saturated reachability")
struct ColouredPercolationTests {
    @Test("on 48 random gated networks with inputs, the symbolic attractors (states and basins) and their count equal enumeration")
    func attractorsEqualEnumeration() throws {
        for seed in UInt64(1)...48 {
            var model = try GatedNetwork.model(seed: seed)
            if seed % 7 == 0 { model = try model.holding([(model.nodeIDs[1], Int(seed % 2))]) }
            try SymbolicCheck.expectEqualsEnumeration(model, seed: seed)
        }
    }

    @Test("the percolated universe holds every state of every attractor, is forward-closed, and is smaller than the whole space on some networks")
    func percolatedUniverseHoldsEveryAttractor() throws {
        var shrunk = 0
        for seed in UInt64(1)...48 {
            let model = try GatedNetwork.model(seed: seed)
            let expected = try model.asynchronousAttractors(symbolicAbove: .max)
            var graph = try AsynchronousGraph(model)
            let percolated = graph.percolated(graph.universe)
            for attractor in expected.attractors {
                for state in attractor.states {
                    #expect(graph.network.dd.evaluate(percolated, state.map { $0 > 0 }), "seed \(seed): attractor state \(state) outside")
                }
            }
            for i in 0..<graph.n {
                let escape = graph.network.dd.minus(graph.post(percolated, i), percolated)
                #expect(escape == .zero, "seed \(seed): node \(i) leaves the percolated universe")
            }
            if graph.network.dd.satisfyingCount(percolated, over: 0..<graph.n) < Double.power2(graph.n) { shrunk += 1 }
        }
        #expect(shrunk >= 24)
    }

    @Test("saturation gives the same sets as chaining, forward and backward, inside random constraints")
    func saturationEqualsChaining() throws {
        for seed in UInt64(1)...40 {
            let model = try seed % 2 == 0 ? GatedNetwork.model(seed: seed) : RandomLogical.model(nodes: 9, k: 3, multiValued: false, seed: seed)
            var graph = try AsynchronousGraph(model)
            var rng = SeededGenerator(seed: seed &* 7919)
            let n = graph.n
            func randomSet(_ cubes: Int) -> BDD {
                var set = BDD.zero
                for _ in 0..<cubes {
                    let literals = (0..<n).filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }.map { (variable: $0, value: Bool.random(using: &rng)) }
                    set = graph.network.dd.or(set, graph.network.dd.cube(literals))
                }
                return set
            }
            for forward in [true, false] {
                let start = randomSet(2)
                let within = seed % 3 == 0 ? BDD.one : graph.network.dd.or(start, randomSet(6))
                let saturated = graph.reach(start, within: within, forward: forward)
                let chained = graph.chainedReach(start, within: within, forward: forward)
                #expect(saturated == chained, "seed \(seed), forward \(forward)")
            }
        }
    }
}
