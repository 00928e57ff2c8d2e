import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim simulate MODEL [--semantics graded|logical] ...`: one trajectory as CSV or JSON.
let simulateCommand = Command(
    name: "simulate",
    summary: "Run one trajectory (graded or logical) and print every node's level per step.",
    usage: "MODEL [--semantics graded|logical] [--steps N] [--therapy SPEC]... [--format csv|json] [--svg OUT]",
    options: ScenarioOptions.specs + [
        OptionSpec(name: "semantics", value: "NAME", help: "graded (default: levels in [0, 1]) or logical (levels 0...max)."),
        OptionSpec(name: "steps", value: "N", help: "Steps to run (default 100)."),
        OptionSpec(name: "update", value: "MODE", help: "Logical update: sync (default) or async."),
        OptionSpec(name: "seed", value: "S", help: "Seed of the asynchronous update (default 0)."),
        OptionSpec(name: "policy", value: "NAME", help: "Logical rule policy: inhibitorDominant (default) or threshold."),
        OptionSpec(name: "format", value: "FMT", help: "csv (default) or json: {\"nodes\": [...], \"steps\": [[levels], ...]}."),
        OptionSpec(name: "readout", value: "ID", repeatable: true, help: "Nodes to plot with --svg (default: all, at most 10)."),
        OptionSpec(name: "svg", value: "OUT", help: "Also write the time course to OUT (SVG)."),
    ],
    examples: [
        "immunosim simulate builtin:tme --therapy ANTI_PD1@10 --steps 120 --format json",
        "immunosim simulate model.bnet --semantics logical --update async --seed 7 --knockout PD1",
        "immunosim simulate builtin:flagship --therapy ANTI_PD1@10 --svg course.svg --readout TIM3 --readout PDL1",
    ],
    run: { arguments in try runSimulate(arguments) }
)

/// The body of `immunosim simulate`.
func runSimulate(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positionals.count == 1 else { throw CLIError.usage("simulate takes exactly one MODEL argument") }
    let semantics = try arguments.choice("semantics", ["graded", "logical"], default: "graded")
    let format = try arguments.choice("format", ["csv", "json"], default: "csv")
    let steps = try arguments.int("steps", default: 100)
    guard steps >= 0 else { throw CLIError.usage("--steps must not be negative") }
    let reference = arguments.positionals[0]
    let graph = try ModelLoader.load(reference)
    var readouts = arguments.all("readout")
    for id in readouts where graph.index(of: id) == nil { throw CLIError.input(graph.unknownNodeMessage(id)) }

    var nodes: [String]
    var levels: [[Double]]
    var therapies: [Therapy] = []
    var text: String
    if semantics == "graded" {
        for option in ["update", "seed", "policy"] where arguments.value(option) != nil {
            throw CLIError.usage("--\(option) applies to --semantics logical only")
        }
        let scenario = try ScenarioOptions.scenario(from: arguments, graph: graph, reference: reference)
        therapies = scenario.therapies
        let model = try CompiledGradedModel(graph)
        let trajectory: GradedTrajectory
        do {
            trajectory = model.run(try model.inputs(for: scenario), steps: steps)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
        nodes = trajectory.nodeIDs
        levels = (0..<trajectory.stateCount).map { Array(trajectory.state(at: $0)) }
        text = format == "csv" ? trajectory.csv() : try jsonText(["nodes": nodes, "steps": levels])
    } else {
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
        if readouts.isEmpty { readouts = Array(nodes.prefix(10)) }
        let series = readouts.compactMap { id -> Series? in
            guard let i = graph.index(of: id), i < nodes.count else { return nil }
            return Series(name: nodes[i], values: levels.map { $0[i] })
        }
        let windows = therapies.map { ShadedWindow(therapy: $0.name, start: $0.schedule.start, stop: $0.schedule.stop) }
        let plot = TimeCoursePlot(title: "\(graph.name): \(semantics) simulation", series: series, windows: windows,
            yRange: semantics == "graded" ? .fixed(0, 1) : .automatic)
        try writeOutput(plot.svg(), to: path)
    }
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    return 0
}
