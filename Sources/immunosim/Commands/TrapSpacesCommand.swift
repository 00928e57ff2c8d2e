import Foundation
import ImmunoGraph
import ImmunoSim

/// The `--fix ID=V` option of the symbolic commands.
let fixOption = OptionSpec(name: "fix", value: "ID=V", repeatable: true, help: "Hold a node at 0 or 1 for ever (a permanent perturbation).")

/// Loads MODEL like the other logical commands, then applies `--fix ID=V`.
func loadSymbolicModel(_ arguments: Arguments, command: String) throws -> (MechanismGraph, LogicalModel) {
    let (graph, model) = try loadLogicalModel(arguments, command: command)
    let fixes = try arguments.all("fix").map(parseInitialAssignment).map { (node: $0.0, level: $0.1) }
    return (graph, try model.holding(fixes))
}

/// `immunosim trapspaces MODEL [--maximal] [--free-inputs] [--fix ID=V]... [--json]`.
let trapSpacesCommand = Command(
    name: "trapspaces",
    summary: "List the minimal (or maximal) trap spaces of a Boolean model, computed symbolically.",
    usage: "MODEL [--maximal] [--free-inputs] [--fix ID=V]... [--limit N] [--json] [--knockout ID]... [--overexpress ID]...",
    options: [
        OptionSpec(name: "maximal", help: "List the maximal trap spaces (other than the whole space) instead of the minimal ones."),
        OptionSpec(name: "free-inputs", help: "Keep inputs (nodes whose function is their own value) free instead of fixing them."),
        OptionSpec(name: "limit", value: "N", help: "List at most N trap spaces (default 100000)."),
        OptionSpec(name: "json", help: "Print JSON: {nodes, trapSpaces: [\"01-...\"], count, truncated} (one character per node: 0, 1 or - for free; count is the exact total, truncated whether --limit cut the list)."),
        fixOption,
    ] + logicalModelOptions,
    examples: [
        "immunosim trapspaces model.bnet",
        "immunosim trapspaces model.bnet --maximal --json",
        "immunosim trapspaces model.bnet --fix PD1=0 --free-inputs",
    ],
    run: { arguments in
        let (_, model) = try loadSymbolicModel(arguments, command: "trapspaces")
        let limit = try arguments.int("limit", default: 100_000, atLeast: 1)
        let found = try model.trapSpaceList(arguments.flag("maximal") ? .maximal : .minimal,
                                            inputs: arguments.flag("free-inputs") ? .free : .fixed, limit: limit)
        let spaces = found.spaces
        if arguments.flag("json") {
            print(try jsonText(["nodes": model.nodeIDs, "trapSpaces": spaces.map(\.description),
                                "count": NSNumber(value: found.count), "truncated": found.isTruncated]))
        } else {
            let kind = arguments.flag("maximal") ? "maximal" : "minimal"
            let total = found.count < 1e15 ? String(Int(found.count)) : String(found.count)
            var text = "\(total) \(kind) trap space\(found.count == 1 ? "" : "s") over \(model.nodeCount) nodes"
                + (found.isTruncated ? " (first \(spaces.count) listed; --limit N for more)\n" : "\n")
            for space in spaces {
                let fixed = space.values.indices.filter { space.values[$0] >= 0 }
                    .map { "\(model.nodeIDs[$0])=\(space.values[$0])" }
                text += "  \(space)  (\(fixed.count) fixed: \(fixed.joined(separator: ", ")))\n"
            }
            print(text, terminator: "")
        }
        return 0
    }
)
