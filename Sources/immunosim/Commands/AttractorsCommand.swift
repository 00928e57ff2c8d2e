import ImmunoGraph
import ImmunoSim

/// `immunosim attractors MODEL [--update sync|async] [--exhaustive] [--json]`.
let attractorsCommand = Command(
    name: "attractors",
    summary: "Find the logical attractors of a model (fixed points and cycles), from its initial state or over all states.",
    usage: "MODEL [--update sync|async] [--exhaustive] [--json] [--initial ID=LEVEL]... [--knockout ID]... [--overexpress ID]...",
    options: [
        OptionSpec(name: "update", value: "sync|async", help: "Update scheme (default sync)."),
        OptionSpec(name: "exhaustive", help: "Enumerate every state (sync: up to ~30 free nodes; async: up to ~22) and report basin sizes."),
        OptionSpec(name: "json", help: "Print JSON: {nodes, attractors: [{length, basin, average, states}]}."),
        initialOption,
    ] + logicalModelOptions,
    examples: [
        "immunosim attractors builtin:flagship",
        "immunosim attractors model.bnet --exhaustive --json",
        "immunosim attractors model.bnet --update async --knockout PD1",
    ],
    run: { arguments in
        let (graph, model) = try loadLogicalModel(arguments, command: "attractors")
        let update = try arguments.choice("update", ["sync", "async"], default: "sync")
        let overrides = try arguments.all("initial").map(parseInitialAssignment)
        let exhaustive = arguments.flag("exhaustive")
        if exhaustive && !overrides.isEmpty {
            throw CLIError.usage("--initial has no effect with --exhaustive (every state is an initial state)")
        }
        let result: LogicalAttractors
        if update == "sync" {
            if exhaustive {
                result = try model.exhaustiveSynchronousAttractors()
            } else {
                result = try model.synchronousAttractors(from: [try model.initialState(graph: graph, overrides: overrides)])
            }
        } else {
            let initial = exhaustive ? nil : try model.initialState(graph: graph, overrides: overrides)
            result = try model.asynchronousAttractors(from: initial)
        }
        print(arguments.flag("json") ? result.json : result.text, terminator: "")
        return 0
    }
)

/// `immunosim fixedpoints MODEL [--json]`.
let fixedPointsCommand = Command(
    name: "fixedpoints",
    summary: "List every logical fixed point of a model, by a propagating search (no state enumeration).",
    usage: "MODEL [--json] [--knockout ID]... [--overexpress ID]... [--limit N]",
    options: [
        OptionSpec(name: "json", help: "Print JSON: {nodes, fixedpoints: [[levels], ...]}."),
        OptionSpec(name: "limit", value: "N", help: "Stop after N fixed points (default: all)."),
    ] + logicalModelOptions,
    examples: ["immunosim fixedpoints model.bnet", "immunosim fixedpoints builtin:flagship --json --knockout PD1"],
    run: { arguments in
        let (_, model) = try loadLogicalModel(arguments, command: "fixedpoints")
        let limit = try arguments.int("limit", default: Int.max)
        guard limit > 0 else { throw CLIError.usage("--limit must be positive") }
        let points = model.fixedPoints(limit: limit)
        let text = arguments.flag("json")
            ? fixedPointsJSON(nodes: model.nodeIDs, fixedPoints: points)
            : fixedPointsText(nodes: model.nodeIDs, fixedPoints: points)
        print(text, terminator: "")
        return 0
    }
)
