import Foundation
import ImmunoGraph
import ImmunoSim

// Plain benchmark runner: warm-up, best of N, a checksum, a name filter (first argument).
// Prints `name: value unit` lines. Run with `swift run -c release Benchmarks [filter]`.

#if DEBUG
    FileHandle.standardError.write(Data("WARNING: Benchmarks built in debug mode; numbers are meaningless. Use -c release.\n".utf8))
#endif

let filter = CommandLine.arguments.dropFirst().first
nonisolated(unsafe) var checksum = 0

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Runs `body` `repetitions` times after one warm-up and returns the best time in seconds.
func best(_ repetitions: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var bestTime = Double.infinity
    for _ in 0..<repetitions {
        let start = now()
        try body()
        bestTime = min(bestTime, now() - start)
    }
    return bestTime
}

func report(_ name: String, _ value: Double, _ unit: String) {
    print("\(name): \(String(format: value >= 100 ? "%.0f" : "%.4g", value)) \(unit)")
}

func selected(_ name: String) -> Bool { filter.map { name.contains($0) } ?? true }

/// A seeded SplitMix64 generator so benchmark inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func randomBuilder(nodes: Int, edges: Int, seed: UInt64) -> GraphBuilder {
    var rng = SplitMix64(state: seed)
    var builder = GraphBuilder(name: "random")
    for i in 0..<nodes { builder.add(Node("n\(i)", kind: .process)) }
    var seen = Set<Int>()
    while seen.count < edges {
        let s = Int.random(in: 0..<nodes, using: &rng)
        let t = Int.random(in: 0..<nodes, using: &rng)
        if seen.insert(s &* nodes &+ t).inserted {
            builder.add(Edge("n\(s)", Bool.random(using: &rng) ? .activates : .inhibits, "n\(t)"))
        }
    }
    return builder
}

do {
    if selected("graph.build") {
        let builder = randomBuilder(nodes: 100_000, edges: 1_000_000, seed: 1)
        let time = try best(3) { checksum &+= try builder.build().edgeCount }
        report("graph.build.100k_1M", time, "s")
    }
    if selected("graph.lookup") {
        let graph = try randomBuilder(nodes: 100_000, edges: 200_000, seed: 2).build()
        let ids = (0..<100_000).map { "n\(($0 &* 7919) % 100_000)" }
        let time = best(5) {
            var sum = 0
            for id in ids { sum &+= graph.index(of: id) ?? 0 }
            checksum &+= sum
        }
        report("graph.lookup", Double(ids.count) / time, "lookups/s")
    }
    if selected("graph.signedPaths") {
        let graph = try Catalog.flagship()
        let from = graph.index(of: "ANTI_PD1") ?? 0
        let to = graph.index(of: "TIM3") ?? 0
        let rounds = 10_000
        let time = best(5) {
            for _ in 0..<rounds { checksum &+= graph.signedPaths(from: from, to: to, maxLength: 8).count }
        }
        report("graph.signedPaths.flagship", time / Double(rounds) * 1e6, "us")
        let random = try randomBuilder(nodes: 70, edges: 210, seed: 3).build()
        let time70 = best(5) {
            for k in 0..<1000 { checksum &+= random.signedPaths(from: k % 70, to: (k * 7 + 3) % 70, maxLength: 6, limit: 20).count }
        }
        report("graph.signedPaths.random70", time70 / 1000 * 1e6, "us")
    }
    try runFormatsBenchmarks()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
