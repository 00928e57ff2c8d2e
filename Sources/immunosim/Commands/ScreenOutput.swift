import Foundation
import ImmunoGraph
import ImmunoSim

/// Rendering of screen results: the ranked table, JSON, CSV, SVG heatmap, and the result file.
enum ScreenOutput {
    /// Writes what the arguments ask for; returns the exit code.
    static func emit(_ result: ScreenResult, goal: ScreenGoal, arguments: Arguments) throws -> Int32 {
        let resultJSON = try encode(result)
        if result.shard != nil {
            // A shard is raw material for `merge`: no ranking (synergy needs every single).
            if let path = arguments.value("output") { try writeOutput(resultJSON, to: path) }
            if arguments.value("output") == nil { print(resultJSON) }
            if let shard = result.shard { printError("shard \(shard): \(result.rows.count) arms") }
            return 0
        }
        let ranking = result.ranked(goal: goal)
        // The complete document (result, ranking and goal) is the same for -o and --json, and the
        // same whether the result was run at once or merged from shards.
        var object = try JSONSerialization.jsonObject(with: Data(resultJSON.utf8)) as? [String: Any] ?? [:]
        object["ranking"] = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(ranking))
        object["goal"] = goal.rawValue
        let document = try jsonText(object)
        if let path = arguments.value("output") { try writeOutput(document, to: path) }
        if let path = arguments.value("svg") { try writeOutput(heatmapSVG(result, ranking: ranking, goal: goal), to: path) }
        if let path = arguments.value("synergy-svg") {
            guard result.plan.order >= 2 else { throw CLIError.usage("--synergy-svg needs pairs: add --pairs") }
            try writeOutput(result.blissHeatmap(goal: goal, readout: 0, top: 20).svg(), to: path)
        }
        if arguments.flag("json") {
            print(document)
        } else if arguments.flag("csv") {
            print(csv(result, ranking: ranking))
        } else {
            print(table(result, ranking: ranking, goal: goal, top: try arguments.int("top", default: 25, atLeast: 0)))
        }
        return 0
    }

    static func encode(_ result: ScreenResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    /// The ranked table: one line per arm, best first, with effects and synergy.
    static func table(_ result: ScreenResult, ranking: [RankedArm], goal: ScreenGoal, top: Int) -> String {
        let readouts = result.plan.readouts
        var lines = ["screen of \(result.model): \(result.rows.count) arms, \(result.settings)"]
        lines.append("ranked by \(readouts[0]) (\(goal.rawValue) is better); baseline "
            + zip(readouts, result.baseline).map { "\($0) \(String(format: "%.3f", $1))" }.joined(separator: ", "))
        let width = max(24, min(60, ranking.prefix(top).map(\.label.count).max() ?? 24))
        var header = "rank  " + "arm".padding(toLength: width, withPad: " ", startingAt: 0)
        let columns = readouts.map { max(10, $0.count + 2) }
        for (readout, column) in zip(readouts, columns) { header += "  " + ("Δ" + readout).padding(toLength: column, withPad: " ", startingAt: 0) }
        header += "  response  Bliss    HSA"
        lines.append(header)
        for (k, arm) in ranking.prefix(top).enumerated() {
            var line = String(format: "%4d  ", k + 1) + arm.label.padding(toLength: width, withPad: " ", startingAt: 0)
            for (effect, column) in zip(arm.effects, columns) {
                line += "  " + String(format: "%+.4f", effect).padding(toLength: column, withPad: " ", startingAt: 0)
            }
            line += String(format: "  %8.3f", arm.response)
            line += arm.bliss.map { String(format: "  %+.3f", $0) } ?? "       -"
            line += arm.hsa.map { String(format: "  %+.3f", $0) } ?? "       -"
            lines.append(line)
        }
        if ranking.count > top { lines.append("… \(ranking.count - top) more (use --top, --csv or --json)") }
        return lines.joined(separator: "\n")
    }

    /// CSV: rank, arm, candidates, then per readout value and effect, then response, Bliss, HSA.
    static func csv(_ result: ScreenResult, ranking: [RankedArm]) -> String {
        var header = ["rank", "arm", "size"]
        for readout in result.plan.readouts { header += [readout, "delta_\(readout)"] }
        header += ["response", "bliss", "hsa"]
        var lines = [header.joined(separator: ",")]
        for (k, arm) in ranking.enumerated() {
            var fields = ["\(k + 1)", "\"\(arm.label)\"", "\(arm.candidates.count)"]
            for (value, effect) in zip(arm.values, arm.effects) { fields += ["\(value)", "\(effect)"] }
            fields += ["\(arm.response)", arm.bliss.map { "\($0)" } ?? "", arm.hsa.map { "\($0)" } ?? ""]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    /// The pair heatmap of the ranking readout (top 20 candidates by single effect).
    static func heatmapSVG(_ result: ScreenResult, ranking: [RankedArm], goal: ScreenGoal) throws -> String {
        result.pairHeatmap(goal: goal, readout: 0, top: 20).svg()
    }
}
