import Foundation

/// Which way a node moved between baseline and treated runs.
public enum Direction: String, Hashable, Sendable, Codable {
    /// Treated − baseline > tolerance.
    case up
    /// Treated − baseline < −tolerance.
    case down
    /// |treated − baseline| ≤ tolerance.
    case unchanged

    /// The direction of a difference under `tolerance` (a difference equal to it is unchanged).
    public init(delta: Double, tolerance: Double) {
        self = delta > tolerance ? .up : delta < -tolerance ? .down : .unchanged
    }
}

/// One node's response: baseline level, treated level, difference and direction at the readout,
/// plus when the change first appeared and whether it lasted.
///
/// JSON keys `node`, `baseline`, `treated`, `delta`, `direction` are a contract of the CLI;
/// `firstStep` (absent when the node never moved) and `sustained` are extra.
public struct NodeResponse: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The node identifier.
    public var node: String
    /// The baseline level read.
    public var baseline: Double
    /// The treated level read.
    public var treated: Double
    /// `treated − baseline`.
    public var delta: Double
    /// The direction of `delta` under the response's tolerance.
    public var direction: Direction
    /// The first step at which |treated(t) − baseline(t)| exceeded the tolerance, if any.
    public var firstStep: Int?
    /// Whether the change still exceeds the tolerance at the readout (`direction != .unchanged`).
    public var sustained: Bool
    /// For seeded (asynchronous) runs: the standard deviation of the baseline level over the
    /// runs; `nil` for a deterministic run.
    public var baselineSpread: Double? = nil
    /// For seeded (asynchronous) runs: the standard deviation of the treated level over the runs.
    public var treatedSpread: Double? = nil
    /// For ensembles: the standard error of `delta` (the arms as independent samples; with common
    /// seeds it is conservative).
    public var standardError: Double? = nil

    /// Whether the node moved at some step but is back within the tolerance at the readout.
    public var isTransient: Bool { firstStep != nil && !sustained }

    /// `"TIM3  0.21 -> 0.64  +0.43  up  (from step 14, sustained)"`.
    public var description: String {
        let sign = delta >= 0 ? "+" : ""
        var text = "\(node)  \(formatLevel(baseline)) -> \(formatLevel(treated))  \(sign)\(formatLevel(delta))  \(direction.rawValue)"
        if let firstStep { text += "  (from step \(firstStep), \(sustained ? "sustained" : "transient"))" }
        if let baselineSpread, let treatedSpread {
            text += "  (sd \(formatLevel(baselineSpread)) / \(formatLevel(treatedSpread)))"
        }
        return text
    }
}

/// The comparison of a treated run with its baseline, node by node.
///
/// **Tolerance.** Levels are in [0, 1]; a difference of at most ``tolerance`` (default 0.02) is
/// "unchanged". Approximate comparison is not transitive, so never use it as equality elsewhere.
public struct Response: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One entry per readout node, in the order asked.
    public var readouts: [NodeResponse]
    /// The tolerance used for directions and first steps.
    public var tolerance: Double
    /// When the levels were read (as text, e.g. "step 50").
    public var readAt: String

    /// Creates a response.
    public init(readouts: [NodeResponse], tolerance: Double, readAt: String) {
        self.readouts = readouts
        self.tolerance = tolerance
        self.readAt = readAt
    }

    /// The default tolerance, 0.02.
    public static let defaultTolerance = 0.02

    /// The entry for `node` (identifier), if it was read.
    public subscript(node: String) -> NodeResponse? { readouts.first { $0.node == node } }

    /// Compares a baseline and a treated trajectory.
    ///
    /// - Parameters:
    ///   - baseline: the baseline run, used for the first step at which the arms differ.
    ///   - treated: the treated run (padded to the longer of the two runs when shorter).
    ///   - baselineLevels: the baseline levels read (at a step, a window mean or steady state).
    ///   - treatedLevels: the treated levels read at the same time.
    ///   - nodes: the node indices to report, in order.
    ///   - tolerance: the largest difference still called unchanged.
    ///   - readAt: when the levels were read, as text (e.g. "step 50").
    public init(
        baseline: GradedTrajectory, treated: GradedTrajectory, baselineLevels: [Double], treatedLevels: [Double],
        nodes: [Int], tolerance: Double, readAt: String
    ) {
        let count = max(baseline.stateCount, treated.stateCount)
        let b = baseline.padded(to: count)
        let t = treated.padded(to: count)
        readouts = nodes.map { i in
            let delta = treatedLevels[i] - baselineLevels[i]
            let direction = Direction(delta: delta, tolerance: tolerance)
            let first = (0..<count).first { abs(t.level(i, at: $0) - b.level(i, at: $0)) > tolerance }
            return NodeResponse(
                node: baseline.nodeIDs[i], baseline: baselineLevels[i], treated: treatedLevels[i], delta: delta,
                direction: direction, firstStep: first, sustained: direction != .unchanged)
        }
        self.tolerance = tolerance
        self.readAt = readAt
    }

    /// `{"readouts": [...], "tolerance": …, "readAt": …}`, pretty-printed with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// One aligned line per readout: node, baseline, treated, delta, direction, first step.
    public var description: String {
        let width = max(4, readouts.map(\.node.count).max() ?? 4)
        func pad(_ text: String, _ n: Int) -> String { text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0) }
        var lines = [pad("node", width) + "  baseline  treated   delta     direction  first  (read at \(readAt), tolerance \(formatLevel(tolerance)))"]
        for r in readouts {
            let delta = (r.delta >= 0 ? "+" : "") + String(format: "%.4f", r.delta)
            let first = r.firstStep.map(String.init) ?? "-"
            var note = r.isTransient ? "  transient" : ""
            if let a = r.baselineSpread, let b = r.treatedSpread {
                note += "  sd " + String(format: "%.4f", a) + " / " + String(format: "%.4f", b)
            }
            lines.append(
                pad(r.node, width) + "  " + pad(String(format: "%.4f", r.baseline), 8) + "  "
                    + pad(String(format: "%.4f", r.treated), 8) + "  " + pad(delta, 8) + "  "
                    + pad(r.direction.rawValue, 9) + "  " + first + note)
        }
        return lines.joined(separator: "\n")
    }
}
