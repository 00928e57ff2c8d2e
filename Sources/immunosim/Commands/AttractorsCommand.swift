import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim attractors MODEL [--update sync|async] [--exhaustive] [--json] [--count]`.
let attractorsCommand = Command(
    name: "attractors",
    summary: "Find the logical attractors of a model (fixed points and cycles), from its initial state or over all states.",
    usage: "MODEL [--update sync|async] [--exhaustive] [--json] [--count] [--initial ID=LEVEL]... [--knockout ID]... [--overexpress ID]...",
    options: [
        OptionSpec(name: "update", value: "sync|async", help: "Update scheme (default sync)."),
        OptionSpec(name: "exhaustive", help: "Enumerate every state (sync: up to ~30 free nodes; async: up to ~22) and report basin sizes."),
        OptionSpec(name: "json", help: "Print JSON: {nodes, attractors: [{length, basin, average, states}]}."),
        OptionSpec(name: "count", help: "Print only the exact number of attractors (JSON: {nodes, count}); with --update async counted symbolically, never listed."),
        initialOption,
    ] + logicalModelOptions,
    examples: [
        "immunosim attractors builtin:flagship",
        "immunosim attractors model.bnet --exhaustive --json",
        "immunosim attractors model.bnet --update async --knockout PD1",
        "immunosim attractors model.bnet --update async --exhaustive --count",
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
            if arguments.flag("count") {
                // Counted on the decision diagram: no state of any attractor is listed.
                let summaries = model.maxLevels.allSatisfy({ $0 == 1 })
                    ? try model.asynchronousAttractorSummaries(from: initial.map { [$0] }, limit: 0)
                    : try model.codedAsynchronousAttractorSummaries(from: initial.map { [$0] }, limit: 0)
                print(try attractorCountText(model, count: summaries.count, json: arguments.flag("json")), terminator: "")
                return 0
            }
            do {
                result = try model.asynchronousAttractors(from: initial)
            } catch let error as LogicalAnalysisError {
                // Too many attractors, or one too large to list: count and summarise them instead
                // (a multi-valued model through its Boolean coding).
                let summaries = model.maxLevels.allSatisfy({ $0 == 1 })
                    ? try model.asynchronousAttractorSummaries(from: initial.map { [$0] })
                    : try model.codedAsynchronousAttractorSummaries(from: initial.map { [$0] })
                print(arguments.flag("json") ? try summaryJSON(model, summaries) : summaryText(model, summaries, error), terminator: "")
                return 0
            }
        }
        if arguments.flag("count") {
            print(try attractorCountText(model, count: Double(result.attractors.count), json: arguments.flag("json")), terminator: "")
            return 0
        }
        print(arguments.flag("json") ? result.json : result.text, terminator: "")
        return 0
    }
)

/// `--count`: `{nodes, count}` or one line.
func attractorCountText(_ model: LogicalModel, count: Double, json: Bool) throws -> String {
    if json { return try jsonText(["nodes": model.nodeIDs, "count": NSNumber(value: count)]) + "\n" }
    let shown = count < 1e15 ? String(Int(count)) : String(count)
    return "\(shown) attractor\(count == 1 ? "" : "s")\n"
}

/// The most fixed points `fixedpoints` lists without `--limit`; beyond it the command fails and
/// suggests `--limit N` or `--count` (a list that size is unreadable and its memory unbounded).
let fixedPointListCap = 100_000

/// `immunosim fixedpoints MODEL [--json] [--limit N | --count]`.
let fixedPointsCommand = Command(
    name: "fixedpoints",
    summary: "List every logical fixed point of a model, by a propagating search (no state enumeration).",
    usage: "MODEL [--json] [--limit N | --count] [--knockout ID]... [--overexpress ID]...",
    options: [
        OptionSpec(name: "json", help: "Print JSON: {nodes, fixedpoints: [[levels], ...], count, truncated}; with --count, {nodes, count}."),
        OptionSpec(name: "limit", value: "N",
            help: "List at most N fixed points; if more exist, say so (text: \"(first N; more exist)\", JSON: \"truncated\": true). "
                + "Without --limit every fixed point is listed, up to \(fixedPointListCap); more than that is an error (exit 1)."),
        OptionSpec(name: "count", help: "Print only the exact number of fixed points (counted without listing them; fast for millions or more)."),
    ] + logicalModelOptions,
    examples: [
        "immunosim fixedpoints model.bnet", "immunosim fixedpoints builtin:flagship --json --knockout PD1",
        "immunosim fixedpoints big.bnet --count", "immunosim fixedpoints big.bnet --limit 10",
    ],
    run: { arguments in try runFixedPoints(arguments) }
)

/// The body of `immunosim fixedpoints`.
func runFixedPoints(_ arguments: Arguments) throws -> Int32 {
    let hasLimit = arguments.value("limit") != nil
    if arguments.flag("count") && hasLimit { throw CLIError.usage("--count and --limit cannot be combined") }
    let limit = try arguments.int("limit", default: fixedPointListCap, atLeast: 1)
    let (_, model) = try loadLogicalModel(arguments, command: "fixedpoints")
    let json = arguments.flag("json")
    if arguments.flag("count") {
        let count = model.fixedPointCount()
        let text = json
            ? try jsonText(["nodes": model.nodeIDs, "count": NSNumber(value: count)]) + "\n"
            : "\(count) fixed point\(count == 1 ? "" : "s")\n"
        print(text, terminator: "")
        return 0
    }
    let (points, truncated) = model.fixedPoints(upTo: limit)
    if truncated && !hasLimit {
        throw CLIError.input("\(arguments.positionals[0]) has more than \(fixedPointListCap) fixed points; "
            + "list the first N with --limit N, or count them all with --count")
    }
    let text = json
        ? fixedPointsJSON(nodes: model.nodeIDs, fixedPoints: points, truncated: truncated)
        : fixedPointsText(nodes: model.nodeIDs, fixedPoints: points, truncated: truncated)
    print(text, terminator: "")
    return 0
}

/// `{nodes, count, truncated, attractors: [{states, subspace}]}` for attractors summarised, not listed.
func summaryJSON(_ model: LogicalModel, _ summaries: AttractorSummaries) throws -> String {
    try jsonText(["nodes": model.nodeIDs, "count": NSNumber(value: summaries.count), "truncated": summaries.isTruncated,
                  "attractors": summaries.attractors.map { ["states": NSNumber(value: $0.stateCount), "subspace": $0.subspace.description] }]) + "\n"
}

/// The text form of attractors summarised, not listed: count and subspace of each.
func summaryText(_ model: LogicalModel, _ summaries: AttractorSummaries, _ reason: LogicalAnalysisError) -> String {
    let total = summaries.count < 1e15 ? String(Int(summaries.count)) : String(summaries.count)
    var text = "\(total) asynchronous attractor\(summaries.count == 1 ? "" : "s") (summarised, not listed: \(reason.message))\n"
    text += "  nodes: \(model.nodeIDs.joined(separator: " "))\n"
    for summary in summaries.attractors {
        let size = summary.stateCount < 1e15 ? String(Int(summary.stateCount)) : String(summary.stateCount)
        text += "  \(size) state\(summary.stateCount == 1 ? "" : "s") in \(summary.subspace)\n"
    }
    if summaries.isTruncated { text += "  … \(summaries.attractors.count) of \(total) shown\n" }
    return text
}
