import Foundation
import ImmunoGraph
@testable import ImmunoSim
import Testing

@Suite("Trap-space searches and budgets")
struct TrapSpaceSearchTests {
    @Test("the minimal-trap-space search (inputs fixed) equals brute force on 60 random networks, whole and cut by a limit")
    func minimalSearch() throws {
        var withInputs = 0
        for seed in UInt64(1)...60 {
            let model = try RandomLogical.model(nodes: 2 + Int(seed % 6), k: 3, multiValued: false, seed: seed + 300)
            let expected = BruteTrap.trapSpaces(model, .minimal, inputs: .fixed)
            var search = try MinimalTrapSpaceSearch(model, budget: nil)
            if !search.inputs.isEmpty { withInputs += 1 }
            let all = try #require(try search.run(limit: 10_000))
            #expect(all.spaces == expected && all.complete, "seed \(seed)")
            let limit = max(1, expected.count - 1)
            var again = try MinimalTrapSpaceSearch(model, budget: nil)
            let some = try #require(try again.run(limit: limit))
            #expect(some.spaces.count == min(limit, expected.count), "seed \(seed)")
            #expect(Set(some.spaces).isSubset(of: Set(expected)), "seed \(seed)")
            #expect(some.complete == (limit >= expected.count), "seed \(seed)")
        }
        #expect(withInputs >= 20)
    }

    @Test("the maximal-trap-space search equals brute force on 60 random networks, inputs fixed and free")
    func maximalSearch() throws {
        for seed in UInt64(1)...60 {
            let model = try RandomLogical.model(nodes: 2 + Int(seed % 6), k: 3, multiValued: false, seed: seed + 500)
            for inputs in InputHandling.allCases {
                let expected = BruteTrap.trapSpaces(model, .maximal, inputs: inputs)
                var search = try MaximalTrapSpaceSearch(model, inputs: inputs, budget: nil)
                #expect(search.run() == expected, "seed \(seed) \(inputs)")
            }
        }
    }

    @Test("the whole encoding still equals brute force for maximal trap spaces (the search replaced it in the API)")
    func maximalEncoding() throws {
        for seed in UInt64(1)...40 {
            let model = try RandomLogical.model(nodes: 2 + Int(seed % 5), k: 3, multiValued: false, seed: seed + 700)
            for inputs in InputHandling.allCases {
                let found = try #require(try model.trapSpaceListByEncoding(.maximal, inputs: inputs, limit: 10_000, budget: nil))
                #expect(found.spaces == BruteTrap.trapSpaces(model, .maximal, inputs: inputs), "seed \(seed) \(inputs)")
            }
        }
    }

    @Test("prime implicants equal brute force: minimal cubes forcing each value")
    func primeImplicants() throws {
        for seed in UInt64(1)...30 {
            let model = try RandomLogical.model(nodes: 4, k: 3, multiValued: false, seed: seed + 900)
            var network = try SymbolicNetwork(model)
            let primes = try network.primeImplicants(nodeIDs: model.nodeIDs)
            let cubes = BruteTrap.allSubspaces(4)
            for i in 0..<4 {
                for v in 0..<2 {
                    let forcing = cubes.filter { c in BruteTrap.states(c).allSatisfy { model.target(i, $0) == v } }
                    let minimal = forcing.filter { c in !forcing.contains { $0 != c && $0.contains(c) } }
                    let found = primes[i][v].map { p in
                        var values = [Int8](repeating: -1, count: 4)
                        for literal in p { values[Int(literal >> 1)] = Int8(literal & 1) }
                        return Subspace(values: values)
                    }
                    #expect(found.sorted() == minimal.sorted(), "seed \(seed) node \(i) value \(v)")
                }
            }
        }
    }

    @Test("a node budget stops a runaway operation inside one conjunction; the diagram works again after")
    func budgetInsideOneOperation() {
        // x0..x11 then y0..y11: ⋀ (x_i ↔ y_i) needs 2^12 nodes in this order.
        let k = 12
        var dd = DecisionDiagram(variableCount: 2 * k)
        let half1 = (0..<k / 2).map { dd.equivalent(dd.variable($0), dd.variable(k + $0)) }
        let half2 = (k / 2..<k).map { dd.equivalent(dd.variable($0), dd.variable(k + $0)) }
        let a = dd.and(all: half1), b = dd.and(all: half2)
        dd.setBudget(DiagramBudget(nodes: dd.storedNodeCount + 100))
        let before = dd.storedNodeCount
        _ = dd.and(a, b)
        #expect(dd.isExhausted)
        #expect(dd.storedNodeCount <= before + 101)
        dd.setBudget(nil)
        #expect(!dd.isExhausted)
        let f = dd.and(a, b)
        #expect(dd.satisfyingCount(f) == Double(1 << k))
        // A deadline already past stops the next operation at once.
        dd.setBudget(DiagramBudget(nodes: .max, seconds: 0))
        #expect(dd.isExhausted)
        #expect(dd.or(a, b) == .zero)
    }

    @Test("trap spaces out of budget: a clear error naming the model and the limit")
    func budgetError() throws {
        let model = try RandomLogical.model(nodes: 6, k: 3, multiValued: false, seed: 7)
        #expect {
            try model.trapSpaceList(.minimal, inputs: .free, budget: DiagramBudget(nodes: 10))
        } throws: { error in
            let message = (error as? LogicalAnalysisError)?.message ?? ""
            return message.contains("'\(model.name)'") && message.contains("10 decision-diagram nodes")
        }
    }

    @Test("BBM 195 (216 nodes, 55 inputs): the first 300 minimal trap spaces are distinct trap spaces fixing every input (skipped without ../shared)")
    func checkpointInhibitors() throws {
        guard let model = try bbmModel("195") else { return }
        var search = try MinimalTrapSpaceSearch(model, budget: DiagramBudget(nodes: 1 << 22, seconds: 120))
        let found = try #require(try search.run(limit: 300))
        #expect(found.spaces.count == 300 && !found.complete)
        #expect(Set(found.spaces).count == 300)
        var network = try SymbolicNetwork(model)
        for space in found.spaces {
            #expect(search.inputs.allSatisfy { space.values[$0] >= 0 })
            for i in 0..<model.nodeCount where space.values[i] >= 0 {
                let f = network.dd.restrict(network.functions[i], assignment: space.values)
                #expect(f == (space.values[i] == 1 ? BDD.one : BDD.zero), "node \(model.nodeIDs[i]) in \(space)")
            }
        }
    }
}
