import Foundation
import ImmunoGraph
import ImmunoSim

/// A random network of `nodes` nodes with exactly `inputs` distinct signed in-edges each
/// (inhibitor-dominant rules are derived from them).
func randomRegularNetwork(nodes: Int, inputs: Int, seed: UInt64) throws -> MechanismGraph {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(name: "randomK\(inputs)")
    for i in 0..<nodes { builder.add(Node("n\(i)", kind: .process)) }
    for t in 0..<nodes {
        var sources = Set<Int>()
        while sources.count < inputs { sources.insert(Int.random(in: 0..<nodes, using: &rng)) }
        for s in sources.sorted() {
            builder.add(Edge("n\(s)", Int.random(in: 0..<3, using: &rng) == 0 ? .inhibits : .activates, "n\(t)"))
        }
    }
    return try builder.build()
}
