import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim respond MODEL --therapy SPEC... [--readout ID]... [--json]`: baseline vs treated.
let respondCommand = Command(
    name: "respond",
    summary: "Compare a treated run with its baseline: which nodes go up or down, and when.",
    usage: "MODEL --therapy SPEC... [--readout ID]... [--semantics graded|logical] [--steps N] [--steady-state] "
        + "[--background NAME] [--knockout ID]... [--overexpress ID]... [--initial ID=LEVEL]... [--tolerance X] [--json]",
    options: ScenarioOptions.specs + [ScenarioOptions.exposureSpec] + [
        OptionSpec(name: "readout", value: "ID", repeatable: true, help: "A node to report (default: every non-therapy node)."),
        OptionSpec(name: "semantics", value: "NAME", help: "graded (default) or logical (attractor-averaged levels)."),
        OptionSpec(name: "update", value: "MODE", help: "Logical update: sync (default) or async (mean of 20 seeded runs)."),
        OptionSpec(name: "seed", value: "S", help: "Seed of the asynchronous runs (default 0)."),
        OptionSpec(name: "policy", value: "NAME", help: "Logical rule policy: inhibitorDominant (default) or threshold."),
        OptionSpec(name: "steps", value: "N", help: "Steps to run; levels are read at the last step (default 100)."),
        OptionSpec(name: "steady-state", help: "Read at steady state (max |Δ| < 1e-6, at most --steps steps, default 10000)."),
        OptionSpec(name: "tolerance", value: "X", help: "Largest difference called unchanged (default 0.02)."),
        OptionSpec(name: "svg", value: "OUT", help: "Also write the readouts' time courses (treated solid, baseline dashed) to OUT."),
        OptionSpec(name: "json", help: "Print JSON: {\"readouts\": [{\"node\", \"baseline\", \"treated\", \"delta\", \"direction\"}]}."),
    ],
    examples: [
        "immunosim respond builtin:flagship --therapy ANTI_PD1@10 --readout TIM3 --readout PDL1",
        "immunosim respond builtin:flagship --therapy ANTI_PD1@10 --therapy ANTI_TIM3@10 --steady-state --json",
    ],
    run: { arguments in
        guard arguments.positionals.count == 1 else {
            throw CLIError.usage("respond takes exactly one MODEL argument")
        }
        let semantics = try arguments.choice("semantics", ["graded", "logical"], default: "graded")
        guard !arguments.all("therapy").isEmpty else {
            throw CLIError.usage("respond needs at least one --therapy SPEC")
        }
        let reference = arguments.positionals[0]
        let graph = try ModelLoader.load(reference)
        try OptionLimits.checkRecord(steps: try arguments.int("steps", default: arguments.flag("steady-state") ? 10_000 : 100), nodes: graph.nodes.count)
        let scenario = try ScenarioOptions.scenario(from: arguments, graph: graph, reference: reference)
        if arguments.flag("exposure") {
            try ScenarioOptions.printExposure(of: scenario, steps: try arguments.int("steps", default: 100), csv: false)
            return 0
        }
        let tolerance = try arguments.double("tolerance", default: Response.defaultTolerance)
        guard tolerance >= 0 else { throw CLIError.usage("--tolerance must not be negative") }
        let time: ReadoutTime
        if arguments.flag("steady-state") {
            let cap = try arguments.int("steps", default: 10_000)
            guard cap > 0 else { throw CLIError.usage("--steps must be positive") }
            time = .steadyState(epsilon: 1e-6, maxSteps: cap)
        } else {
            let steps = try arguments.int("steps", default: 100)
            guard steps >= 0 else { throw CLIError.usage("--steps must not be negative") }
            time = .step(steps)
        }
        let readouts = arguments.all("readout")
        let response: Response
        if semantics == "logical" {
            let update = try arguments.choice("update", ["sync", "async"], default: "sync")
            let policy = RulePolicy(name: try arguments.choice("policy", RulePolicy.all.map(\.name), default: RulePolicy.inhibitorDominant.name))
            do {
                let initial = try arguments.all("initial").map(parseInitialAssignment)
                var logical = scenario
                logical.initialLevels = []
                response = try LogicalResponse.response(
                    graph: graph, treated: logical, readouts: readouts.isEmpty ? nil : readouts, policy: policy,
                    update: update == "sync" ? .synchronous : .asynchronous, steps: try arguments.int("steps", default: 100),
                    seed: try arguments.uint64("seed", default: 0), initial: initial, tolerance: tolerance)
            } catch let error as PerturbationError {
                throw CLIError.input(error.message)
            }
            print(arguments.flag("json") ? try response.jsonText() : response.description)
            return 0
        }
        do {
            let model = try CompiledGradedModel(graph)
            response = try model.response(to: scenario, at: time, readouts: readouts.isEmpty ? nil : readouts, tolerance: tolerance)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        } catch let error as GradedModelError {
            throw CLIError.input(error.message)
        }
        if let path = arguments.value("svg") {
            let model = try CompiledGradedModel(graph)
            let steps = max(1, try arguments.int("steps", default: 100))
            let baseline = model.run(try model.inputs(for: scenario.baseline), steps: steps)
            let treated = model.run(try model.inputs(for: scenario), steps: steps)
            var series: [Series] = []
            // Named readouts in order; otherwise the eight largest changes.
            let plotted = readouts.isEmpty
                ? Array(response.readouts.sorted { abs($0.delta) > abs($1.delta) }.prefix(8)) : Array(response.readouts.prefix(8))
            for (k, readout) in plotted.enumerated() {
                guard let i = graph.index(of: readout.node) else { continue }
                let color = CategoricalPalette.color(k)
                series.append(Series(name: readout.node, values: treated.series(i), color: color))
                series.append(Series(name: "\(readout.node) baseline", values: baseline.series(i), color: color, dashed: true))
            }
            let windows = scenario.therapies.map { ShadedWindow(therapy: $0.name, start: $0.schedule.start, stop: $0.schedule.stop) }
            var title = "Response to " + arguments.all("therapy").joined(separator: " + ")
            if let background = scenario.background { title += " (\(background))" }
            if readouts.isEmpty { title += ": the \(plotted.count) largest changes" }
            try writeOutput(TimeCoursePlot(title: title, series: series, windows: windows).svg(), to: path)
        }
        if arguments.flag("json") {
            print(try response.jsonText())
        } else {
            print(response)
        }
        return 0
    }
)
