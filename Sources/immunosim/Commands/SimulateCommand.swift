import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim simulate MODEL [--semantics graded|logical] ...`: one trajectory as CSV or JSON.
let simulateCommand = Command(
    name: "simulate",
    summary: "Run one trajectory (graded or logical) and print every node's level per step.",
    usage: "MODEL [--semantics graded|logical|stochastic] [--steps N] [--therapy SPEC]... [--format csv|json] [--svg OUT]",
    options: ScenarioOptions.specs + [ScenarioOptions.exposureSpec] + [
        OptionSpec(name: "semantics", value: "NAME", help: "graded (default: levels in [0, 1]), logical (levels 0...max) or stochastic (MaBoSS-style probabilities over time)."),
        OptionSpec(name: "steps", value: "N", help: "Steps to run (default 100)."),
        OptionSpec(name: "update", value: "MODE", help: "Logical update: sync (default) or async."),
        OptionSpec(name: "seed", value: "S", help: "Seed of the asynchronous update (default 0)."),
        OptionSpec(name: "policy", value: "NAME", help: "Logical rule policy: inhibitorDominant (default) or threshold."),
        EngineOptions.logicSpec,
        EngineOptions.hillSpec,
        OptionSpec(name: "format", value: "FMT", help: "csv (default) or json: {\"nodes\": [...], \"steps\": [[levels], ...]}."),
        OptionSpec(name: "readout", value: "ID", repeatable: true,
                   help: "Nodes to print (CSV/JSON columns, in this order) and plot with --svg (default: all; the plot picks the 8 that move most)."),
        OptionSpec(name: "svg", value: "OUT", help: "Also write the time course to OUT (SVG)."),
    ] + StochasticOptions.specs,
    examples: [
        "immunosim simulate model.bnd --semantics stochastic --trajectories 10000 --max-time 50 --json",
        "immunosim simulate builtin:tme --therapy ANTI_PD1@10 --steps 120 --format json",
        "immunosim simulate model.bnet --semantics logical --update async --seed 7 --knockout PD1",
        "immunosim simulate builtin:flagship --therapy ANTI_PD1@10 --svg course.svg --readout TIM3 --readout PDL1",
    ],
    run: { arguments in try runSimulate(arguments) }
)

/// The body of `immunosim simulate`.
func runSimulate(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positionals.count == 1 else { throw CLIError.usage("simulate takes exactly one MODEL argument") }
    if arguments.value("semantics") == "stochastic" { return try runStochasticSimulate(arguments) }
    for spec in StochasticOptions.specs where arguments.value(spec.name) != nil || arguments.flag(spec.name) {
        throw CLIError.usage("--\(spec.name) applies to --semantics stochastic only")
    }
    let semantics = try arguments.choice("semantics", ["graded", "logical"], default: "graded")
    let format = try arguments.choice("format", ["csv", "json"], default: "csv")
    let steps = try arguments.int("steps", default: 100)
    guard steps >= 0 else { throw CLIError.usage("--steps must not be negative") }
    let reference = arguments.positionals[0]
    let graph = try ModelLoader.load(reference)
    try OptionLimits.checkRecord(steps: try arguments.int("steps", default: 100), nodes: graph.nodes.count)
    var readouts = arguments.all("readout")
    for id in readouts where graph.index(of: id) == nil { throw CLIError.input(graph.unknownNodeMessage(id)) }

    if arguments.flag("exposure") {
        let scenario = try ScenarioOptions.scenario(from: arguments, graph: graph, reference: reference)
        try ScenarioOptions.printExposure(of: scenario, steps: steps, csv: arguments.value("format") == "csv")
        return 0
    }
    var nodes: [String]
    var levels: [[Double]]
    var therapies: [Therapy] = []
    var text: String
    /// The untreated run, for choosing what to plot when no readout is named.
    var untreated: [[Double]]?
    if semantics == "graded" {
        for option in ["update", "seed", "policy"] where arguments.value(option) != nil {
            throw CLIError.usage("--\(option) applies to --semantics logical only")
        }
        let scenario = try ScenarioOptions.scenario(from: arguments, graph: graph, reference: reference)
        therapies = scenario.therapies
        let model: CompiledGradedModel
        do {
            model = try CompiledGradedModel(graph, parameters: try EngineOptions.gradedParameters(from: arguments))
        } catch let error as GradedModelError {
            throw CLIError.input(error.message)
        }
        let trajectory: GradedTrajectory
        do {
            trajectory = model.run(try model.inputs(for: scenario), steps: steps)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
        nodes = trajectory.nodeIDs
        levels = (0..<trajectory.stateCount).map { Array(trajectory.state(at: $0)) }
        text = format == "csv" ? trajectory.csv() : try jsonText(["nodes": nodes, "steps": levels])
        if arguments.value("svg") != nil, readouts.isEmpty, !scenario.therapies.isEmpty {
            let base = model.run(try model.inputs(for: scenario.baseline), steps: steps)
            untreated = (0..<base.stateCount).map { Array(base.state(at: $0)) }
        }
    } else {
        try EngineOptions.rejectGradedOptions(arguments)
        let update = try arguments.choice("update", ["sync", "async"], default: "sync")
        let policy = RulePolicy(name: try arguments.choice("policy", RulePolicy.all.map(\.name), default: RulePolicy.inhibitorDominant.name))
        var scenario = Scenario(model: reference, background: arguments.value("background"))
        for spec in arguments.all("therapy") {
            do {
                scenario.therapies.append(try TherapySpec.parse(spec, in: graph))
            } catch {
                throw CLIError.input(error.description)
            }
        }
        therapies = scenario.therapies
        scenario.perturbations = arguments.all("knockout").map(Perturbation.knockout)
            + arguments.all("overexpress").map(Perturbation.overexpress)
        let initial: [(String, Int)]
        let run: LogicalRun
        do {
            initial = try arguments.all("initial").map(parseInitialAssignment)
            // The background's clamps hold throughout, then the perturbations and therapy clamps.
            let background = try scenario.logicalBackground(in: graph)?.clamps.map {
                Perturbation.hold($0.node, level: $0.level, window: .always)
            } ?? []
            let perturbations = background + (try scenario.logicalPerturbations(in: graph, horizon: steps + 1))
            run = try LogicalRun(
                graph: graph, policy: policy, update: update == "sync" ? .synchronous : .asynchronous, steps: steps,
                seed: try arguments.uint64("seed", default: 0), perturbations: perturbations, initial: initial)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
        nodes = run.trajectory.nodes
        levels = run.trajectory.states.map { $0.map(Double.init) }
        text = format == "csv" ? run.trajectory.csv : run.trajectory.json
    }
    if let path = arguments.value("svg") {
        var title = "\(graph.name): \(semantics) simulation"
        if readouts.isEmpty {
            // No readouts named: the (at most 8) non-therapy nodes that the therapies move most
            // against the untreated run, or that move most over the run when there is no therapy.
            readouts = mostMoving(nodes: nodes, levels: levels, reference: untreated, in: graph, count: 8)
            title += untreated == nil ? " (the \(readouts.count) nodes that move most)" : " (the \(readouts.count) nodes most changed by the therapies)"
        }
        let series = readouts.compactMap { id -> Series? in
            guard let i = graph.index(of: id), i < nodes.count else { return nil }
            return Series(name: nodes[i], values: levels.map { $0[i] })
        }
        let windows = therapies.map { ShadedWindow(therapy: $0.name, start: $0.schedule.start, stop: $0.schedule.stop) }
        let top = semantics == "graded" ? 1 : Double(graph.nodes.map(\.maxLevel).max() ?? 1)
        let plot = TimeCoursePlot(title: title, series: series, windows: windows, yRange: .fixed(0, max(1, top)))
        try writeOutput(plot.svg(), to: path)
    }
    let named = arguments.all("readout")
    if !named.isEmpty { text = try onlyReadouts(named, nodes: nodes, levels: levels, in: graph, csv: format == "csv", text: text) }
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    return 0
}

/// The CSV or JSON output cut to the `--readout` nodes, in the order given: `step,ID,...` lines
/// (the values as printed for the whole model), or `{"nodes": [...], "steps": [[...], ...]}`.
func onlyReadouts(_ readouts: [String], nodes: [String], levels: [[Double]], in graph: MechanismGraph, csv: Bool, text: String) throws -> String {
    let columns = readouts.compactMap { id in graph.index(of: id).map { graph.nodes[$0].id } }.compactMap { nodes.firstIndex(of: $0) }
    if csv {
        // Keep the model's own number formatting: cut the columns out of the printed lines.
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return ([fields[0]] + columns.compactMap { $0 + 1 < fields.count ? fields[$0 + 1] : nil }).joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
    let names: [String] = columns.map { nodes[$0] }
    let steps: [[Double]] = levels.map { state in columns.map { state[$0] } }
    let object: [String: Any] = ["nodes": names, "steps": steps]
    return try jsonText(object)
}

/// The ids of the non-therapy nodes that move most, at most `count`, in model order: by the
/// largest difference from `reference` (an untreated run of the same length) at any step, or by
/// the range (max − min) over `levels` without one. Nodes that do not move at all are left out
/// unless nothing moves.
func mostMoving(nodes: [String], levels: [[Double]], reference: [[Double]]?, in graph: MechanismGraph, count: Int) -> [String] {
    var ranges: [(index: Int, range: Double)] = []
    for i in nodes.indices {
        guard let node = graph.index(of: nodes[i]), !graph.nodes[node].isTherapy else { continue }
        if let reference {
            var largest = 0.0
            for (state, base) in zip(levels, reference) where i < state.count && i < base.count {
                largest = max(largest, abs(state[i] - base[i]))
            }
            ranges.append((i, largest))
            continue
        }
        var low = Double.infinity, high = -Double.infinity
        for state in levels where i < state.count {
            low = min(low, state[i])
            high = max(high, state[i])
        }
        ranges.append((i, high - low))
    }
    let moving = ranges.filter { $0.range > 1e-9 }
    let chosen = (moving.isEmpty ? ranges : moving).sorted { $0.range > $1.range }.prefix(count).map(\.index).sorted()
    return chosen.map { nodes[$0] }
}
