import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Brute-force references for trap spaces and percolation on small Boolean models.
enum BruteTrap {
    /// Every subspace of `n` nodes (3^n).
    static func allSubspaces(_ n: Int) -> [Subspace] {
        var result: [Subspace] = [Subspace(values: [])]
        for _ in 0..<n { result = result.flatMap { s in [-1, 0, 1].map { Subspace(values: s.values + [Int8($0)]) } } }
        return result
    }

    /// The states of a subspace.
    static func states(_ s: Subspace) -> [[Int]] {
        var result: [[Int]] = [[]]
        for v in s.values { result = result.flatMap { state in (v < 0 ? [0, 1] : [Int(v)]).map { state + [$0] } } }
        return result
    }

    static func isTrap(_ model: LogicalModel, _ s: Subspace) -> Bool {
        for state in states(s) {
            for i in 0..<model.nodeCount where s.values[i] >= 0 {
                if model.target(i, state) != Int(s.values[i]) { return false }
            }
        }
        return true
    }

    static func isInput(_ model: LogicalModel, _ i: Int) -> Bool {
        states(Subspace(free: model.nodeCount)).allSatisfy { model.target(i, $0) == $0[i] }
    }

    static func trapSpaces(_ model: LogicalModel, _ kind: TrapSpaceKind, inputs: InputHandling) -> [Subspace] {
        let full = Subspace(free: model.nodeCount)
        let traps = allSubspaces(model.nodeCount).filter { s in
            isTrap(model, s) && (inputs == .fixed || (0..<model.nodeCount).allSatisfy { !isInput(model, $0) || s.values[$0] < 0 })
        }
        switch kind {
        case .minimal:
            return traps.filter { s in !traps.contains { $0 != s && s.contains($0) } }.sorted()
        case .maximal:
            let proper = traps.filter { $0 != full }
            return proper.filter { s in !proper.contains { $0 != s && $0.contains(s) } }.sorted()
        }
    }

    /// Percolation by evaluating every function on every state of the subspace.
    static func percolate(_ model: LogicalModel, _ start: Subspace) -> Subspace {
        var s = start
        while true {
            var next = s
            for i in 0..<model.nodeCount where s.values[i] < 0 {
                let targets = Set(states(s).map { model.target(i, $0) })
                if targets.count == 1, let value = targets.first { next.values[i] = Int8(value) }
            }
            if next == s { return s }
            s = next
        }
    }
}

extension LogicalModel {
    /// The target with permanent clamps applied (what the symbolic analyses see).
    func target(_ i: Int, _ state: [Int]) -> Int {
        if let clamp = permanentClamps.last(where: { $0.node == i }) { return clamp.level }
        return referenceTarget(of: i, in: state)
    }
}

@Suite("Trap spaces")
struct TrapSpaceTests {
    @Test("minimal and maximal trap spaces equal brute force on random networks, inputs fixed or free")
    func randomNetworks() throws {
        for seed in UInt64(1)...40 {
            let n = 2 + Int(seed % 5)
            let model = try RandomLogical.model(nodes: n, k: 3, multiValued: false, seed: seed)
            for kind in TrapSpaceKind.allCases {
                for inputs in InputHandling.allCases {
                    let expected = BruteTrap.trapSpaces(model, kind, inputs: inputs)
                    let found = try model.trapSpaces(kind, inputs: inputs)
                    #expect(found == expected, "seed \(seed) \(kind) \(inputs)")
                }
            }
        }
    }

    @Test("fixing nodes and knockouts are respected; the limit truncates")
    func fixing() throws {
        let model = try RandomLogical.model(nodes: 6, k: 3, multiValued: false, seed: 77)
        let held = try model.holding([(model.nodeIDs[0], 1), (model.nodeIDs[3], 0)])
        let expected = BruteTrap.trapSpaces(held, .minimal, inputs: .fixed)
        #expect(try held.trapSpaces() == expected)
        #expect(expected.allSatisfy { $0.values[0] == 1 && $0.values[3] == 0 })
        #expect(try held.trapSpaces(limit: 1).count == 1)
        #expect(throws: LogicalModelError.self) { try model.holding([("nope", 1)]) }
    }

    @Test("percolation equals brute force and explains each step")
    func percolation() throws {
        var rng = SeededGenerator(seed: 5)
        for seed in UInt64(1)...30 {
            let model = try RandomLogical.model(nodes: 5, k: 2, multiValued: false, seed: seed)
            let start = Subspace(values: (0..<5).map { _ in Int8([-1, -1, 0, 1].randomElement(using: &rng) ?? -1) })
            let result = try model.percolate(start)
            #expect(result.subspace == BruteTrap.percolate(model, start), "seed \(seed) from \(start)")
            #expect(result.steps.count == result.subspace.values.count - start.values.filter { $0 >= 0 }.count
                    - result.subspace.freeCount)
            for step in result.steps { #expect(start.values[step.node] < 0) }
        }
    }

    @Test("multi-valued models are refused, naming the node")
    func multiValued() throws {
        let model = try LogicalModel(nodes: [("A", 2), ("B", 1)],
                                     functions: [.boolean(.variable("B"), maxLevel: 2), .boolean(.variable("A"))])
        #expect {
            try model.trapSpaces()
        } throws: { error in
            (error as? LogicalAnalysisError)?.message.contains("'A'") == true
        }
    }

    @Test("subspace text round-trips")
    func subspaceText() {
        let s = Subspace("01-")
        #expect(s?.values == [0, 1, -1] && s?.description == "01-" && s?.freeCount == 1)
        #expect(Subspace("01x") == nil)
        #expect(Subspace("0--")?.contains(Subspace("01-") ?? Subspace(free: 0)) == true)
    }
}
