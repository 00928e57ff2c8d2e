import Foundation
import ImmunoGraph
import ImmunoSim

/// `immunosim merge SHARDS... -o OUT`: combines screen shards into the unsharded result.
let mergeCommand = Command(
    name: "merge",
    summary: "Merge screen shards (from --shard I/N) into exactly the unsharded result.",
    usage: "SHARD.json... [-o OUT] [--json|--csv] [--svg OUT]",
    options: [
        OptionSpec(name: "output", short: "o", value: "OUT", help: "Write the merged result JSON to OUT."),
        OptionSpec(name: "goal", value: "DIR", help: "decrease (default) or increase, for the ranking."),
        OptionSpec(name: "top", value: "K", help: "Rows in the text table (default 25)."),
        OptionSpec(name: "json", help: "Print the merged result and ranking as JSON."),
        OptionSpec(name: "csv", help: "Print the ranking as CSV."),
        OptionSpec(name: "svg", value: "OUT", help: "Also write the pair heatmap to OUT (SVG)."),
        OptionSpec(name: "synergy-svg", value: "OUT", help: "Also write a heatmap of the pairs' Bliss excess (synergy) to OUT (SVG)."),
    ],
    examples: ["immunosim merge shard-1.json shard-2.json shard-3.json -o screen.json"],
    run: { arguments in
        guard !arguments.positionals.isEmpty else { throw CLIError.usage("merge needs at least one shard file") }
        var shards: [ScreenResult] = []
        for path in arguments.positionals {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw CLIError.input("\(path): cannot read the file: \(error.localizedDescription)")
            }
            do {
                // Located errors (line, column, JSON path), then a full check of the rows.
                let shard = try JSONDocument.decode(
                    ScreenResult.self, from: data, file: path, expected: "a screen result from 'immunosim screen -o'",
                    vocabulary: ["Action": ["therapy", "knockout"]])
                try shard.validate(name: path)
                shards.append(shard)
            } catch let error as ModelReadError {
                throw CLIError.input(error.description)
            } catch let error as PerturbationError {
                throw CLIError.input(error.message)
            }
        }
        let merged: ScreenResult
        do {
            merged = try ScreenResult.merge(shards)
        } catch let error as PerturbationError {
            throw CLIError.input(error.message)
        }
        let goal = ScreenGoal(rawValue: try arguments.choice("goal", ["decrease", "increase"], default: "decrease")) ?? .decrease
        return try ScreenOutput.emit(merged, goal: goal, arguments: arguments)
    }
)
