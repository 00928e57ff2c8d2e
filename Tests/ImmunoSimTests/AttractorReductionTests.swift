import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Random networks with the shape of published models: inputs, nodes driven only by inputs,
/// a small cyclic core, and output chains read by nothing upstream.
enum LayeredNetwork {
    static func model(seed: UInt64) throws -> LogicalModel {
        var rng = SeededGenerator(seed: seed)
        let inputs = (0..<Int.random(in: 1...3, using: &rng)).map { "u\($0)" }
        let constants = (0..<Int.random(in: 0...2, using: &rng)).map { "m\($0)" }
        let core = (0..<Int.random(in: 2...5, using: &rng)).map { "c\($0)" }
        let outputs = (0..<Int.random(in: 1...3, using: &rng)).map { "o\($0)" }
        var ids: [String] = []
        var functions: [NodeFunction] = []
        func add(_ id: String, _ function: NodeFunction) { ids.append(id); functions.append(function) }
        func pick(_ pool: [String], _ count: Int) -> [(String, Int)] {
            (0..<count).compactMap { _ in pool.randomElement(using: &rng).map { ($0, 1) } }
        }
        for id in inputs { add(id, .keep) }
        for (k, id) in constants.enumerated() {
            add(id, .boolean(RandomLogical.expression(pick(inputs + constants.prefix(k), 2), depth: 2, using: &rng)))
        }
        for id in core {
            let read = pick(core, Int.random(in: 1...3, using: &rng)) + pick(inputs + constants, Int.random(in: 0...1, using: &rng))
            add(id, .boolean(RandomLogical.expression(read, depth: 3, using: &rng)))
        }
        for (k, id) in outputs.enumerated() {
            let read = pick(core, 1) + pick(Array(outputs.prefix(k)) + inputs + constants, Int.random(in: 0...2, using: &rng))
            add(id, .boolean(RandomLogical.expression(read, depth: 2, using: &rng)))
        }
        // Shuffle the node order so removed nodes are interleaved with the core in the diagram.
        let order = Array(ids.indices).shuffled(using: &rng)
        return try LogicalModel(name: "layered\(seed)", nodes: order.map { (ids[$0], 1) }, functions: order.map { functions[$0] },
                                initialLevels: order.map { _ in 0 })
    }
}

@Suite("Attractor reduction (constant nodes and outputs)")
struct AttractorReductionTests {
    @Test("on 40 random networks with inputs, input-driven nodes and output chains, the reduced search equals enumeration (states and basins) and the summaries count it")
    func layeredNetworks() throws {
        for seed in UInt64(1)...40 {
            var model = try LayeredNetwork.model(seed: seed)
            if seed % 5 == 0 { model = try model.holding([(model.nodeIDs[0], Int(seed / 5 % 2))]) }
            try SymbolicCheck.expectEqualsEnumeration(model, seed: seed)
        }
    }
}
