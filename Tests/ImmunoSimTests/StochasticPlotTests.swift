import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite("Stochastic plots")
struct StochasticPlotTests {
    static func result() throws -> StochasticResult {
        let graph = try BnetFormat.read("A, 1\nB, A\nC, !B\n", name: "chain")
        let model = try StochasticModel(graph, configuration: .init(initial: .init(probabilities: ["C": 1])))
        return try model.simulate(StochasticSettings(trajectories: 500, maxTime: 6, timeTick: 0.5, seed: 2, outputs: ["B", "C"]))
    }

    @Test("probability trajectories: one curve per chosen variable, well-formed SVG on a 0...1 axis")
    func probabilityPlot() throws {
        let result = try Self.result()
        let plot = result.probabilityPlot(title: "chain", variables: ["A", "C"])
        #expect(plot.curves.map(\.name) == ["A", "C"])
        #expect(plot.curves[0].x == result.times && plot.curves[0].y == result.probabilities["A"])
        let parsed = parseSVG(plot.svg())
        #expect(parsed.error == nil)
        #expect(parsed.classCounts["curve"] == 2)
        // Without a choice: the variables that move (all three do here).
        #expect(Set(result.probabilityPlot().curves.map(\.name)) == ["A", "B", "C"])
    }

    @Test("output states as stacked areas: layers sum to 1 in every window, legend lists every state")
    func stackedStates() throws {
        let result = try Self.result()
        let plot = try #require(result.stateDistributionPlot(title: "states"))
        #expect(!plot.layers.isEmpty)
        for w in result.times.indices {
            let total = plot.layers.reduce(0) { $0 + $1.values[w] }
            #expect(abs(total - 1) < 1e-9)
        }
        #expect(Set(plot.layers.map(\.name)).isSubset(of: ["<nil>", "B", "C", "B -- C"]))
        let parsed = parseSVG(plot.svg())
        #expect(parsed.error == nil)
        #expect(parsed.classCounts["layer"] == plot.layers.count)
        for layer in plot.layers { #expect(parsed.texts.contains(layer.name)) }
        // No outputs, no state plot.
        let graph = try BnetFormat.read("A, 1\n", name: "one")
        #expect(try StochasticModel(graph).simulate(StochasticSettings(trajectories: 5, maxTime: 1)).stateDistributionPlot() == nil)
    }
}
