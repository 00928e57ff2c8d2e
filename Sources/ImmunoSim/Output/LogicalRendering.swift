extension LogicalTrajectory {
    /// CSV: a header `step,ID1,ID2,…` then one row per step, `0,1,0,…`.
    public var csv: String {
        var lines = ["step," + nodes.joined(separator: ",")]
        for (step, state) in states.enumerated() {
            lines.append(String(step) + "," + state.map(String.init).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: `{"nodes": [ids], "steps": [[levels], …]}`, one step per line.
    public var json: String {
        "{\"nodes\": \(jsonStringArray(nodes)),\n \"steps\": [\n"
            + states.map { "  " + jsonIntArray($0) }.joined(separator: ",\n") + "\n]}\n"
    }
}

extension LogicalAttractors {
    /// JSON: `{"nodes": [ids], "attractors": [{"length": L, "basin": B, "states": [[…]],
    /// "average": [levels]}]}` (`average` is the attractor-averaged level of each node).
    public var json: String {
        let items = attractors.map { a in
            "  {\"length\": \(a.length), \"basin\": \(a.basin), \"average\": [\(a.averageLevels.map(formatAverage).joined(separator: ", "))],\n   \"states\": ["
                + a.states.map(jsonIntArray).joined(separator: ", ") + "]}"
        }
        return "{\"nodes\": \(jsonStringArray(nodes)),\n \"attractors\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
    }

    /// Text: one block per attractor listing the nodes that are on (level > 0) in each state.
    public var text: String {
        var lines = ["\(attractors.count) attractor\(attractors.count == 1 ? "" : "s")"]
        for (k, a) in attractors.enumerated() {
            lines.append("#\(k + 1): \(a.isFixedPoint ? "fixed point" : "cycle of length \(a.length)"), basin \(a.basin)")
            for state in a.states { lines.append("  " + describeState(state, nodes: nodes)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// JSON for fixed points: `{"nodes": [ids], "fixedpoints": [[levels], …], "count": N, "truncated": B}`,
/// where `count` is the number listed and `truncated` is true when a limit cut the list.
public func fixedPointsJSON(nodes: [String], fixedPoints: [[Int]], truncated: Bool = false) -> String {
    "{\"nodes\": \(jsonStringArray(nodes)),\n \"fixedpoints\": [\n"
        + fixedPoints.map { "  " + jsonIntArray($0) }.joined(separator: ",\n")
        + "\n],\n \"count\": \(fixedPoints.count),\n \"truncated\": \(truncated)}\n"
}

/// Text for fixed points: the nodes on in each. A truncated list (the search stopped at a limit
/// and more exist) says so in its first line: `5 fixed points (first 5; more exist)`.
public func fixedPointsText(nodes: [String], fixedPoints: [[Int]], truncated: Bool = false) -> String {
    var lines = ["\(fixedPoints.count) fixed point\(fixedPoints.count == 1 ? "" : "s")"
        + (truncated ? " (first \(fixedPoints.count); more exist)" : "")]
    for (k, state) in fixedPoints.enumerated() { lines.append("#\(k + 1): " + describeState(state, nodes: nodes)) }
    return lines.joined(separator: "\n") + "\n"
}

/// `A B=2 C` — the nodes with a level above 0 (`-` when none).
func describeState(_ state: [Int], nodes: [String]) -> String {
    let on = zip(nodes, state).filter { $0.1 > 0 }.map { $0.1 == 1 ? $0.0 : "\($0.0)=\($0.1)" }
    return on.isEmpty ? "-" : on.joined(separator: " ")
}

func formatAverage(_ x: Double) -> String {
    let rounded = (x * 1_000_000).rounded() / 1_000_000
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

func jsonIntArray(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }

func jsonStringArray(_ values: [String]) -> String { "[" + values.map(jsonString).joined(separator: ", ") + "]" }

/// A JSON string literal with the required escapes.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
