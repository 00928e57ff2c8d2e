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
    usage: "MODEL [--maximal] [--free-inputs] [--fix ID=V]... [--limit N] [--timeout S] [--json] [--knockout ID]... [--overexpress ID]...",
    options: [
        OptionSpec(name: "maximal", help: "List the maximal trap spaces (other than the whole space) instead of the minimal ones."),
        OptionSpec(name: "free-inputs", help: "Keep inputs (nodes whose function is their own value) free instead of fixing them."),
        OptionSpec(name: "limit", value: "N", help: "List at most N trap spaces (default 100000)."),
        OptionSpec(name: "timeout", value: "S", help: "Give up after S seconds with an error (default 60)."),
        OptionSpec(name: "json", help: "Print JSON: {nodes, trapSpaces: [\"01-...\"], count, truncated} (one character per node: 0, 1 or - for free; count is the exact total, or null when the listing stopped at --limit before knowing it; truncated whether --limit cut the list)."),
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
        let timeout = try arguments.double("timeout", default: 60)
        guard timeout > 0 else { throw CLIError.usage("--timeout must be positive, got '\(arguments.value("timeout") ?? "")'") }
        let found: TrapSpaceList
        do {
            found = try model.trapSpaceList(arguments.flag("maximal") ? .maximal : .minimal,
                                            inputs: arguments.flag("free-inputs") ? .free : .fixed, limit: limit,
                                            budget: DiagramBudget(nodes: DiagramBudget.trapSpaces.nodes, seconds: timeout))
        } catch let error as LogicalAnalysisError where error.isOutOfBudget {
            let hint = arguments.flag("maximal") || arguments.flag("free-inputs") ? "" : "; try --limit 1000 (the first 1,000 are listed input valuation by input valuation)"
            throw CLIError.input("\(arguments.positionals[0]): \(error.message) (--timeout \(timeout) s)\(hint)")
        }
        let spaces = found.spaces
        if arguments.flag("json") {
            print(try jsonText(["nodes": model.nodeIDs, "trapSpaces": spaces.map(\.description),
                                "count": found.count.map { NSNumber(value: $0) } ?? NSNull(), "truncated": found.isTruncated]))
        } else {
            let kind = arguments.flag("maximal") ? "maximal" : "minimal"
            var text: String
            if let count = found.count {
                let total = count < 1e15 ? String(Int(count)) : String(count)
                text = "\(total) \(kind) trap space\(count == 1 ? "" : "s") over \(model.nodeCount) nodes"
                    + (found.isTruncated ? " (first \(spaces.count) listed; --limit N for more)\n" : "\n")
            } else {
                text = "at least \(spaces.count) \(kind) trap spaces over \(model.nodeCount) nodes (the first \(spaces.count) "
                    + "found listed; the total is not known: --limit N for more)\n"
            }
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
