import Foundation
import ImmunoGraph
import ImmunoSim

/// The options of `simulate --semantics stochastic`.
enum StochasticOptions {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "trajectories", value: "N", help: "Stochastic: trajectories (default 10000, or the .cfg's sample_count)."),
        OptionSpec(name: "max-time", value: "T", help: "Stochastic: simulated time (default 100, or the .cfg's max_time)."),
        OptionSpec(name: "time-tick", value: "DT", help: "Stochastic: width of the sampling windows (default 1, or the .cfg's time_tick)."),
        EngineOptions.basalSpec,
        OptionSpec(name: "threads", value: "N", help: "Stochastic: worker threads (default 1; the result does not depend on it)."),
        OptionSpec(name: "output", value: "ID", repeatable: true, help: "Stochastic: a node of the joint output-state distribution (at most 12)."),
        OptionSpec(name: "shard", value: "I/N", help: "Stochastic: run only shard I of N and print its raw tally (combine with 'merge')."),
        OptionSpec(name: "states-svg", value: "OUT", help: "Stochastic: write the distribution of the --output states over time (stacked areas) to OUT."),
        OptionSpec(name: "json", help: "Stochastic: print JSON ({\"times\", \"probabilities\", \"trajectories\", ...})."),
    ]

    /// A stochastic model loaded from a reference: MaBoSS `.bnd` (+ `.cfg`) or any graph format.
    struct Loaded {
        var graph: MechanismGraph
        var configuration: StochasticConfiguration
        var trajectories: Int?
        var maxTime: Double?
        var timeTick: Double?
        var seed: UInt64?
    }

    /// Loads `reference`; a `.bnd` path reads its rates, parameters, istates and run settings
    /// from the `.cfg` beside it (same base name), when present.
    static func load(_ reference: String) throws -> Loaded {
        guard reference.lowercased().hasSuffix(".bnd") else {
            return Loaded(graph: try ModelLoader.load(reference), configuration: .init())
        }
        let model = try MaBoSSReader.load(bnd: reference)
        let config = model.configuration
        if config.discreteTime {
            throw CLIError.input("\(reference): the .cfg sets discrete_time = 1; only continuous time is supported")
        }
        return Loaded(graph: model.graph, configuration: StochasticConfiguration(maboss: model),
                      trajectories: config.sampleCount, maxTime: config.maxTime, timeTick: config.timeTick,
                      seed: config.seed.map(UInt64.init))
    }

    /// Parses `I/N` (1-based I).
    static func shard(_ text: String?) throws -> (index: Int, count: Int) {
        guard let text else { return (0, 1) }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
            throw CLIError.usage("--shard expects I/N with 1 <= I <= N, got '\(text)'")
        }
        return (i - 1, n)
    }
}

/// `simulate --semantics stochastic`: MaBoSS-style probabilities over time.
func runStochasticSimulate(_ arguments: Arguments) throws -> Int32 {
    for option in ["update", "policy", "steps"] where arguments.value(option) != nil {
        throw CLIError.usage("--\(option) does not apply to --semantics stochastic (use --max-time and --time-tick)")
    }
    try EngineOptions.rejectGradedOptions(arguments)
    let reference = arguments.positionals[0]
    let loaded = try StochasticOptions.load(reference)
    let graph = loaded.graph
    let scenario = try ScenarioOptions.scenario(from: arguments, graph: graph, reference: reference)
    var settings = StochasticSettings()
    settings.trajectories = try arguments.int("trajectories", default: loaded.trajectories ?? 10_000, atLeast: 1)
    settings.maxTime = try arguments.double("max-time", default: loaded.maxTime ?? 100)
    settings.timeTick = try arguments.double("time-tick", default: loaded.timeTick ?? 1)
    guard settings.maxTime > 0 else { throw CLIError.usage("--max-time must be positive") }
    guard settings.timeTick > 0 else { throw CLIError.usage("--time-tick must be positive") }
    settings.seed = try arguments.uint64("seed", default: loaded.seed ?? 0)
    settings.threads = try arguments.int("threads", default: 1, atLeast: 1)
    settings.shard = try StochasticOptions.shard(arguments.value("shard"))
    for id in arguments.all("output") {
        guard let i = graph.index(of: id) else { throw CLIError.input(graph.unknownNodeMessage(id)) }
        settings.outputs.append(graph.nodes[i].id)
    }
    let result: StochasticResult
    do {
        let model = try StochasticModel(graph, scenario: scenario, configuration: loaded.configuration, maxTime: settings.maxTime,
                                        spontaneousBasal: try EngineOptions.spontaneousBasal(arguments))
        if arguments.value("shard") != nil {
            let tally = try model.tally(settings)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(StochasticShard(model: reference, tally: tally)), as: UTF8.self))
            return 0
        }
        result = try model.simulate(settings)
    } catch let error as PerturbationError {
        throw CLIError.input(error.message)
    } catch let error as LogicalModelError {
        throw CLIError.input(error.message)
    }
    if let path = arguments.value("svg") {
        let plot = result.probabilityPlot(title: "\(graph.name): probabilities over time", variables: arguments.all("readout"))
        try writeOutput(plot.svg(), to: path)
    }
    if let path = arguments.value("states-svg") {
        guard let plot = result.stateDistributionPlot(title: "\(graph.name): output states over time") else {
            throw CLIError.usage("--states-svg needs at least one --output node")
        }
        try writeOutput(plot.svg(), to: path)
    }
    let json = arguments.flag("json") || arguments.value("format") == "json"
    let text = json ? try jsonText(stochasticJSON(result)) : stochasticCSV(result)
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    return 0
}

/// A shard's raw tally, as `simulate --shard` prints it and `merge` reads it.
struct StochasticShard: Codable {
    static let formatName = "immunosim-stochastic-tally"
    var format = formatName
    var model: String
    var tally: StochasticTally
}

/// The JSON object of a result: the contract keys `times`, `probabilities`, `trajectories`, then
/// `final` (with 95 % Wilson intervals), `entropy`, `fixedPoints` (the 100 most frequent, with
/// `fixedPointCount` distinct ones reached by a fraction `fixedPointProbability`), and the
/// output states.
func stochasticJSON(_ result: StochasticResult) -> [String: Any] {
    var object: [String: Any] = [
        "times": result.times,
        "probabilities": result.probabilities,
        "trajectories": result.trajectories,
        "maxTime": result.tally.maxTime,
        "timeTick": result.tally.timeTick,
        "seed": result.tally.seed,
        "entropy": result.entropy,
    ]
    let final = result.finalProbabilities
    object["final"] = final
    object["finalInterval"] = final.mapValues { p -> [Double] in
        let ci = StochasticResult.wilson(p, n: result.trajectories)
        return [ci.lowerBound, ci.upperBound]
    }
    // The 100 most frequent fixed points (a model with many inputs can reach thousands).
    object["fixedPoints"] = result.fixedPoints(limit: 100).map { ["on": $0.on, "probability": $0.probability] as [String: Any] }
    object["fixedPointCount"] = result.tally.fixedPoints.count
    object["fixedPointProbability"] = result.fixedPointProbability
    if !result.tally.outputs.isEmpty {
        object["outputs"] = result.tally.outputs
        var states: [String: [Double]] = [:]
        let windows = (0..<result.tally.windowCount).map { result.jointDistribution(window: $0) }
        for code in 0..<(1 << result.tally.outputs.count) {
            let series = windows.map { $0[code] }
            if series.contains(where: { $0 > 0 }) { states[result.stateLabel(code)] = series }
        }
        object["states"] = states
        var finalStates: [String: Double] = [:]
        for (code, p) in result.finalJointDistribution.enumerated() where p > 0 { finalStates[result.stateLabel(code)] = p }
        object["finalStates"] = finalStates
    }
    return object
}

/// CSV: `time,VAR1,VAR2,…` with one row per window.
func stochasticCSV(_ result: StochasticResult) -> String {
    var lines = [(["time"] + result.variables).joined(separator: ",")]
    for (w, time) in result.times.enumerated() {
        let row = result.variables.indices.map { String(format: "%.6g", result.probability(variable: $0, window: w)) }
        lines.append(([String(format: "%g", time)] + row).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
}

/// `merge` of `simulate --semantics stochastic --shard I/N` outputs: adds the tallies (exactly the
/// unsharded run) and prints the result as `simulate` would (`--json`, else CSV); `nil` when
/// the files are not stochastic shards.
func mergeStochasticShards(_ arguments: Arguments) throws -> Int32? {
    var shards: [StochasticShard] = []
    for path in arguments.positionals {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        guard String(decoding: data.prefix(4096), as: UTF8.self).contains(StochasticShard.formatName) else {
            if shards.isEmpty { return nil }
            throw CLIError.input("\(path): not a stochastic shard (the other files are)")
        }
        do {
            shards.append(try JSONDecoder().decode(StochasticShard.self, from: data))
        } catch {
            throw CLIError.input("\(path): not a stochastic shard: \(error)")
        }
    }
    guard let merged = StochasticTally.merged(shards.map(\.tally)) else {
        throw CLIError.input("the shards come from different models or settings (seed, max time, tick, outputs)")
    }
    let result = StochasticResult(tally: merged, nodeIDs: [])
    if let path = arguments.value("svg") { try writeOutput(result.probabilityPlot(title: "\(shards[0].model): probabilities over time").svg(), to: path) }
    let text = arguments.flag("json") ? try jsonText(stochasticJSON(result)) : stochasticCSV(result)
    try writeOutput(text, to: arguments.value("output"))
    return 0
}
