import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim explain MODEL --therapy SPEC... --readout ID [--json]`.
let explainCommand = Command(
    name: "explain",
    summary: "Explain a readout's change: signed chains with evidence, mediation by simulation, loops.",
    usage: "MODEL --readout ID [--therapy SPEC]... [--block|--deplete|--supply SPEC]... [--knockout ID]... "
        + "[--semantics graded|logical] [--warmup N|steady] [--steps N] [--json]",
    options: ScenarioOptions.specs + EngineOptions.specs + [
        OptionSpec(name: "readout", value: "ID", help: "The node whose change to explain (required)."),
        OptionSpec(name: "steps", value: "N", help: "Read the levels at step N (default 100)."),
        OptionSpec(name: "steady-state", help: "Read at steady state instead of a fixed step."),
        OptionSpec(name: "tolerance", value: "X", help: "Largest difference called unchanged (default 0.02)."),
        OptionSpec(name: "max-length", value: "N", help: "Longest chain to consider, in edges (default 8)."),
        OptionSpec(name: "no-mediation", help: "Skip the mediation runs."),
        OptionSpec(name: "json", help: "Print the explanation as JSON."),
        OptionSpec(name: "svg", value: "OUT", help: "Also draw the top chains as a network (SVG) to OUT."),
    ],
    examples: [
        "immunosim explain builtin:tme --therapy ANTI_PD1 --readout TIM3",
        "immunosim explain builtin:flagship --therapy ANTI_PD1 --readout PDL1 --json",
        "immunosim explain builtin:flagship --knockout PD1 --readout T_CELL_ACTIVATION",
        "immunosim explain model.bnet --block PD1 --readout TIM3 --semantics logical --update async",
    ],
    run: { arguments in
        guard arguments.positionals.count == 1 else { throw CLIError.usage("explain takes exactly one MODEL argument") }
        guard let readout = arguments.value("readout") else { throw CLIError.usage("explain needs --readout ID") }
        let reference = arguments.positionals[0]
        let graph = try ModelLoader.load(reference)
        try OptionLimits.checkRecord(steps: try arguments.int("steps", default: 100), nodes: graph.nodes.count)
        let logical = try EngineOptions.isLogical(arguments)
        var scenario = try ScenarioOptions.scenario(from: arguments, graph: graph, reference: reference, logicalLevels: logical)
        guard ScenarioOptions.hasIntervention(arguments) else {
            throw CLIError.usage("explain needs at least one --therapy, --block, --deplete, --supply, --knockout or --overexpress")
        }
        var time: ReadoutTime = arguments.flag("steady-state") ? .steady : .step(try arguments.int("steps", default: 100))
        let engine = try EngineOptions.engine(from: arguments, graph: graph, reference: reference)
        (scenario, time, _) = try EngineOptions.warmedUp(scenario, at: time, arguments: arguments, engine: engine)
        let explanation: Explanation
        do {
            explanation = try engine.explain(
                readout, in: scenario, at: time, tolerance: try arguments.double("tolerance", default: Response.defaultTolerance),
                maxLength: try arguments.int("max-length", default: 8), mediation: !arguments.flag("no-mediation"))
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.input("\(error)")
        }
        if let path = arguments.value("svg") {
            // Rebuild the chains as edge paths of the graph and draw only them.
            let paths = explanation.chains.prefix(3).compactMap { chain -> SignedPath? in
                var edges: [Int] = []
                for link in chain.links {
                    guard let s = graph.index(of: link.source), let t = graph.index(of: link.target),
                        let e = graph.outEdges(of: s).first(where: { graph.target(ofEdge: $0) == t && graph.edges[$0].sign == link.sign })
                    else { return nil }
                    edges.append(e)
                }
                let nodes = chain.nodes.compactMap { graph.index(of: $0) }
                return SignedPath(nodes: nodes, edges: edges, sign: chain.sign)
            }
            let title = "Why \(explanation.readout) \(explanation.direction == .up ? "rises" : explanation.direction == .down ? "falls" : "stays")"
            try writeOutput(NetworkDiagram(graph: graph, explaining: paths, title: title, onlyPaths: true).svg(), to: path)
        }
        if arguments.flag("json") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(explanation), as: UTF8.self))
        } else {
            print(explanation)
        }
        return 0
    }
)
