import ImmunoGraph

/// A seeded SplitMix64 generator so random test graphs are the same on every run.
struct TestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random signed graph on nodes n0…n(count-1); parallel edges of both signs carry a note.
func randomGraph(nodes count: Int, edgeProbability: Double, seed: UInt64) throws -> MechanismGraph {
    var rng = TestRNG(seed: seed)
    var builder = GraphBuilder(name: "random\(seed)")
    for i in 0..<count { builder.add(Node("n\(i)")) }
    for s in 0..<count {
        for t in 0..<count where Double.random(in: 0..<1, using: &rng) < edgeProbability {
            let both = Double.random(in: 0..<1, using: &rng) < 0.1
            if both {
                builder.add(Edge("n\(s)", .activates, "n\(t)", note: "dual"))
                builder.add(Edge("n\(s)", .inhibits, "n\(t)", note: "dual"))
            } else {
                builder.add(Edge("n\(s)", Bool.random(using: &rng) ? .activates : .inhibits, "n\(t)"))
            }
        }
    }
    return try builder.build()
}
