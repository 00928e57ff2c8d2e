import Foundation
import ImmunoGraph
@testable import ImmunoSim
import Testing

/// The attractors in `found`, each as the set of its states (levels per node).
private func attractorSets(_ found: ColouredAttractors, _ graph: inout AsynchronousGraph,
                           _ model: LogicalModel) -> [Set<[Int]>] {
    var result = model.states(of: found.fixedPoints, in: graph.network.dd).map { Set([$0]) }
    for set in found.cycles {
        for one in graph.split(set) { result.append(Set(model.states(of: one, in: graph.network.dd))) }
    }
    return result
}

/// Random networks of both shapes: gated by 2–4 inputs, or without inputs (k = 3).
private func model(_ seed: UInt64) throws -> LogicalModel {
    seed % 2 == 0 ? try GatedNetwork.model(seed: seed + 300)
        : try RandomLogical.model(nodes: 5 + Int(seed % 5), k: 3, multiValued: false, seed: seed + 300)
}

/// `model`'s graph, its percolated space, its feedback reduction and the attractors seeded by it
/// (unlimited allowance), for the tests that check that search.
private func seededSearch(_ model: LogicalModel, seed: UInt64,
                          sourceLocation: SourceLocation = #_sourceLocation) throws
    -> (graph: AsynchronousGraph, space: BDD, reduction: FeedbackReduction, found: ColouredAttractors) {
    var graph = try AsynchronousGraph(model)
    let space = graph.percolated(graph.universe)
    let reduced = FeedbackReduction(&graph, allowance: .max)
    let reduction = try #require(reduced, "seed \(seed)", sourceLocation: sourceLocation)
    let seeded = graph.feedbackSeededAttractors(reduction, in: space, allowance: .max)
    let found = try #require(seeded, "seed \(seed)", sourceLocation: sourceLocation)
    return (graph, space, reduction, found)
}

/// Whether the graph on `alive` nodes (`regulators[v]`: the nodes `v` reads) has a cycle, by
/// depth-first search (colours: 0 unseen, 1 on the stack, 2 done).
private func hasCycle(_ regulators: [[Int]], alive: [Bool]) -> Bool {
    var mark = [Int](repeating: 0, count: regulators.count)
    func visit(_ v: Int) -> Bool {
        mark[v] = 1
        for r in regulators[v] where alive[r] {
            if mark[r] == 1 || (mark[r] == 0 && visit(r)) { return true }
        }
        mark[v] = 2
        return false
    }
    return regulators.indices.contains { alive[$0] && mark[$0] == 0 && visit($0) }
}

@Suite("Feedback reduction: seeding and proving the asynchronous attractor search")
struct FeedbackReductionTests {
    @Test("the greedy feedback vertex set leaves no cycle (self-loops included) on 200 random graphs")
    func feedbackSetBreaksEveryCycle() {
        var rng = SeededGenerator(seed: 11)
        for trial in 0..<200 {
            let n = Int.random(in: 2...14, using: &rng)
            let isColour = (0..<n).map { _ in Int.random(in: 0..<5, using: &rng) == 0 }
            let regulators = (0..<n).map { v in
                isColour[v] ? [] : (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
                    .filter { !isColour[$0] }
            }
            let feedback = FeedbackReduction.greedyFeedbackVertexSet(regulators: regulators, isColour: isColour)
            let rest = (0..<n).map { !isColour[$0] && !feedback.contains($0) }
            #expect(!hasCycle(regulators, alive: rest), "trial \(trial)")
            #expect(FeedbackReduction.topologicalOrder(regulators: regulators, among: rest) != nil, "trial \(trial)")
            #expect(!feedback.contains { isColour[$0] }, "trial \(trial)")
            // Nothing taken where there is no cycle to break.
            let open = (0..<n).map { !isColour[$0] }
            if !hasCycle(regulators, alive: open) { #expect(feedback.isEmpty, "trial \(trial)") }
        }
    }

    @Test("seeded by the reduced network, the attractors equal enumeration on 60 random networks")
    func seededSearchEqualsEnumeration() throws {
        for seed in UInt64(1)...60 {
            let model = try model(seed)
            let expected = try model.asynchronousAttractors(symbolicAbove: .max).attractors.map { Set($0.states) }
            var (graph, _, _, found) = try seededSearch(model, seed: seed)
            let sets = attractorSets(found, &graph, model)
            #expect(Set(sets) == Set(expected) && sets.count == expected.count, "seed \(seed)")
            let count = graph.attractorCount(found)
            #expect(count == Double(expected.count), "seed \(seed)")
        }
    }

    @Test("the proof never passes when an attractor is left out, and passes on complete answers of most networks")
    func proofIsSound() throws {
        var proved = 0, refuted = 0
        for seed in UInt64(1)...60 {
            let model = try model(seed)
            var (graph, space, reduction, found) = try seededSearch(model, seed: seed)
            if graph.provesComplete(found, in: space, by: reduction) { proved += 1 }
            // Leave one attractor out: a cyclic set, or one fixed point.
            var partial = found
            if !partial.cycles.isEmpty {
                partial.cycles.removeFirst()
            } else if let point = model.states(of: found.fixedPoints, in: graph.network.dd).first {
                let cube = graph.state(point.map { $0 > 0 })
                partial.fixedPoints = graph.network.dd.minus(partial.fixedPoints, cube)
            } else {
                continue
            }
            let wronglyProved = graph.provesComplete(partial, in: space, by: reduction)
            #expect(!wronglyProved, "seed \(seed): proved with an attractor missing")
            refuted += 1
        }
        #expect(refuted >= 50)
        #expect(proved >= 30, "the proof went through on only \(proved) of 60 complete answers")
    }

    @Test("without the seeding (trap spaces, then the proof or the backward search), the attractors still equal enumeration")
    func trapSpaceRouteEqualsEnumeration() throws {
        for seed in UInt64(1)...40 {
            let model = try model(seed)
            let expected = try model.asynchronousAttractors(symbolicAbove: .max).attractors.map { Set($0.states) }
            for allowance in [0, Int.max] {
                var graph = try AsynchronousGraph(model)
                let found = model.seededAttractors(&graph, in: graph.universe, allowance: allowance, feedbackSeeding: false)
                let sets = attractorSets(found, &graph, model)
                #expect(Set(sets) == Set(expected) && sets.count == expected.count, "seed \(seed), allowance \(allowance)")
            }
        }
    }

    @Test("a seeding that outgrows its allowance gives up (nil) and leaves the diagram's own budget as it was")
    func allowanceGivesUp() throws {
        var starvedRuns = 0
        for seed in UInt64(77)..<97 {
            let model = try RandomLogical.model(nodes: 12, k: 3, multiValued: false, seed: seed)
            var graph = try AsynchronousGraph(model)
            let space = graph.universe
            let reduced = FeedbackReduction(&graph, allowance: .max)
            let reduction = try #require(reduced)
            // How many nodes the seeding needs, on a copy.
            var probe = graph
            let before = probe.network.dd.storedNodeCount
            let full = probe.feedbackSeededAttractors(reduction, in: space, allowance: .max)
            #expect(full != nil)
            guard probe.network.dd.storedNodeCount > before + 10 else { continue }
            graph.network.dd.setBudget(DiagramBudget(nodes: 50_000_000))
            let starved = graph.feedbackSeededAttractors(reduction, in: space, allowance: 10)
            #expect(starved == nil, "seed \(seed)")
            #expect(graph.network.dd.budget?.nodes == 50_000_000)
            #expect(!graph.network.dd.isExhausted)
            starvedRuns += 1
        }
        #expect(starvedRuns >= 5)
    }

    @Test("the percolation of one input valuation, computed directly, equals the all-valuations computation restricted to it")
    func singleColourPercolation() throws {
        var shrunk = 0
        for seed in UInt64(1)...40 {
            let model = try GatedNetwork.model(seed: seed + 500)
            var graph = try AsynchronousGraph(model)
            let all = graph.percolated(graph.universe)
            let colours = graph.colourNodes
            for valuation in 0..<(1 << colours.count) {
                let cube = graph.network.dd.cube(colours.indices.map { (variable: colours[$0], value: valuation >> $0 & 1 == 1) })
                let one = graph.network.dd.and(graph.universe, cube)
                let values = graph.singleColour(of: one, colours)
                #expect(values != nil, "seed \(seed)")
                let direct = graph.percolated(one)
                let restricted = graph.network.dd.and(all, cube)
                #expect(direct == restricted, "seed \(seed), valuation \(valuation)")
                if direct != one { shrunk += 1 }
            }
        }
        #expect(shrunk >= 100, "percolation fixed nothing beyond the inputs in most valuations (\(shrunk))")
    }

    @Test("from one state, the attractors it reaches equal enumeration's, whether its input valuation has one attractor or several")
    func fromOneState() throws {
        var single = 0, several = 0
        for seed in UInt64(1)...40 {
            let model = try model(seed)
            var rng = SeededGenerator(seed: seed &* 104_729)
            for _ in 0..<3 {
                let state = (0..<model.nodeCount).map { _ in Int.random(in: 0...1, using: &rng) }
                let expected = try model.asynchronousAttractors(from: state, symbolicAbove: .max).attractors.map { Set($0.states) }
                let found = try model.symbolicAsynchronousAttractors(from: [state], basins: false).attractors.map { Set($0.states) }
                #expect(Set(found) == Set(expected) && found.count == expected.count, "seed \(seed), state \(state)")
                // Which case ran: the valuation's own attractors, one or several.
                let inputs = model.nodeIDs.indices.filter { model.nodeIDs[$0].hasPrefix("u") }
                let all = try model.asynchronousAttractors(symbolicAbove: .max).attractors
                let same = all.filter { attractor in inputs.allSatisfy { attractor.states[0][$0] == state[$0] } }
                if same.count == 1 { single += 1 } else { several += 1 }
            }
        }
        #expect(single >= 20 && several >= 20, "one attractor: \(single), several: \(several)")
    }

    @Test("BBM 093: the colour-summed attractor count of AEON 1.4 (41,240), now seeded by the reduced network (skipped without ../shared)")
    func publishedModels() throws {
        for (prefix, count) in [("093", 41_240.0)] {
            guard let model = try bbmModel(prefix) else { continue }
            #expect(try model.asynchronousAttractorSummaries(limit: 0).count == count, "BBM \(prefix)")
        }
    }
}
