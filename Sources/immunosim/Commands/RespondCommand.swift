import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim respond MODEL [--therapy SPEC | --block SPEC | --knockout ID ...]... [--readout ID]... [--json]`:
/// baseline vs treated, under any semantics.
let respondCommand = Command(
    name: "respond",
    summary: "Compare a treated run with its baseline: which nodes go up or down, and when.",
    usage: "MODEL [--therapy SPEC]... [--block|--deplete|--supply SPEC]... [--knockout ID]... [--overexpress ID]... "
        + "[--readout ID]... [--semantics graded|logical] [--logic NAME] [--update sync|async] [--warmup N|steady] "
        + "[--steps N] [--steady-state] [--background NAME] [--initial ID=LEVEL]... [--tolerance X] [--json]",
    options: ScenarioOptions.specs + [ScenarioOptions.exposureSpec] + EngineOptions.specs + [
        OptionSpec(name: "readout", value: "ID", repeatable: true, help: "A node to report (default: every non-therapy node)."),
        OptionSpec(name: "steps", value: "N", help: "Steps to run; levels are read at the last step (default 100)."),
        OptionSpec(name: "steady-state", help: "Read at steady state (max |Δ| < 1e-6, at most --steps steps, default 10000)."),
        OptionSpec(name: "tolerance", value: "X", help: "Largest difference called unchanged (default 0.02)."),
        OptionSpec(name: "svg", value: "OUT", help: "Also write the readouts' time courses (treated solid, baseline dashed) to OUT."),
        OptionSpec(name: "json", help: "Print JSON: {\"readouts\": [{\"node\", \"baseline\", \"treated\", \"delta\", \"direction\"}]}."),
    ],
    examples: [
        "immunosim respond builtin:flagship --therapy ANTI_PD1@10 --readout TIM3 --readout PDL1",
        "immunosim respond builtin:flagship --therapy ANTI_PD1@10 --therapy ANTI_TIM3@10 --steady-state --json",
        "immunosim respond model.bnet --block PD1 --warmup 50 --semantics logical --update async",
        "immunosim respond model.bnet --knockout TIM3 --initial '*=0.5' --steady-state",
    ],
    run: { arguments in
        guard arguments.positionals.count == 1 else {
            throw CLIError.usage("respond takes exactly one MODEL argument")
        }
        let logical = try EngineOptions.isLogical(arguments)
        guard ScenarioOptions.hasIntervention(arguments) else {
            throw CLIError.usage("respond needs at least one --therapy, --block, --deplete, --supply, --knockout or --overexpress")
        }
        let reference = arguments.positionals[0]
        let graph = try ModelLoader.load(reference)
        try OptionLimits.checkRecord(steps: try arguments.int("steps", default: arguments.flag("steady-state") ? 10_000 : 100), nodes: graph.nodes.count)
        var scenario = try ScenarioOptions.scenario(from: arguments, graph: graph, reference: reference, logicalLevels: logical)
        if arguments.flag("exposure") {
            try ScenarioOptions.printExposure(of: scenario, steps: try arguments.int("steps", default: 100), csv: false)
            return 0
        }
        let tolerance = try arguments.double("tolerance", default: Response.defaultTolerance)
        guard tolerance >= 0 else { throw CLIError.usage("--tolerance must not be negative") }
        var time: ReadoutTime
        if arguments.flag("steady-state") {
            let cap = try arguments.int("steps", default: 10_000)
            guard cap > 0 else { throw CLIError.usage("--steps must be positive") }
            time = .steadyState(epsilon: 1e-6, maxSteps: cap)
        } else {
            let steps = try arguments.int("steps", default: 100)
            guard steps >= 0 else { throw CLIError.usage("--steps must not be negative") }
            time = .step(steps)
        }
        let engine = try EngineOptions.engine(from: arguments, graph: graph, reference: reference)
        (scenario, time, _) = try EngineOptions.warmedUp(scenario, at: time, arguments: arguments, engine: engine)
        let readouts = arguments.all("readout")
        let baseline: EngineReading, treated: EngineReading
        let response: Response
        do {
            let nodes = try engine.readoutIndices(readouts.isEmpty ? nil : readouts)
            baseline = try engine.read(scenario.baseline, at: time)
            treated = try engine.read(scenario, at: time)
            response = Response(baseline: baseline, treated: treated, nodes: nodes, tolerance: tolerance)
        } catch {
            throw CLIError.input("\(error)")
        }
        if let path = arguments.value("svg") {
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
            var title = "Response to " + scenario.summary + " (\(engine.semanticsDescription))"
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
