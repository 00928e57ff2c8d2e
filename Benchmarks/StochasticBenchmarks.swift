import Foundation
import ImmunoGraph
import ImmunoSim

/// `stochastic.trajectories`: trajectories × simulated time units per second (one thread) on a
/// 1,000-node random network (3 inputs per node, random initial states), and on BBM 093 (the
/// 66-node checkpoint model) when ../shared is present; plus the 2-thread speed-up.
func runStochasticBenchmarks() throws {
    guard selected("stochastic") else { return }
    func measure(_ name: String, _ model: StochasticModel, trajectories: Int, maxTime: Double) throws {
        var times: [Int: Double] = [:]
        for threads in [1, 2] {
            let settings = StochasticSettings(trajectories: trajectories, maxTime: maxTime, timeTick: 1, seed: 1, threads: threads)
            times[threads] = try best(3) { checksum &+= Int(try model.tally(settings).finalOn.reduce(0, +)) }
        }
        let one = times[1] ?? 1, two = times[2] ?? 1
        report(name, Double(trajectories) * maxTime / one, "trajectory-time-units/s")
        report(name + ".speedup2", one / two, "x")
    }
    let random = try randomRegularNetwork(nodes: 1000, inputs: 3, seed: 11)
    let half = Dictionary(uniqueKeysWithValues: random.nodes.map { ($0.id, 0.5) })
    let large = try StochasticModel(random, configuration: .init(initial: .init(probabilities: half)))
    try measure("stochastic.trajectories.random1000", large, trajectories: 200, maxTime: 10)
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/models/bbm/093-immune-checkpoint-inhibitors/model.bnet").path
    if FileManager.default.fileExists(atPath: path) {
        let graph = try ModelLoader.load(path)
        let all = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, 0.5) })
        let model = try StochasticModel(graph, configuration: .init(initial: .init(probabilities: all)))
        try measure("stochastic.trajectories.bbm093", model, trajectories: 10_000, maxTime: 50)
    }
}
