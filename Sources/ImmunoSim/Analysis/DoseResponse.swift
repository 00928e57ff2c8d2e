import Foundation
import ImmunoGraph

/// A readout as a function of one therapy parameter (dose, start step): a curve of points.
public struct DoseResponseCurve: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One point: the parameter value and the readout level (and its baseline without therapies).
    public struct Point: Hashable, Sendable, Codable {
        /// The parameter value (a dose, or a start step).
        public var parameter: Double
        /// The readout level with the therapy.
        public var value: Double
        /// The readout level of the same scenario without therapies.
        public var baseline: Double
    }

    /// The therapy varied.
    public var therapy: String
    /// What was varied: `"dose"` or `"start"`.
    public var parameter: String
    /// The readout node.
    public var readout: String
    /// The points, in the order of the values given.
    public var points: [Point]

    /// The readout values, in order.
    public var values: [Double] { points.map(\.value) }

    /// Whether the values never decrease (within `tolerance`) as the parameter increases.
    public func isNonDecreasing(tolerance: Double = 1e-9) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $1 >= $0 - tolerance }
    }

    /// Whether the values never increase (within `tolerance`) as the parameter increases.
    public func isNonIncreasing(tolerance: Double = 1e-9) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $1 <= $0 + tolerance }
    }

    /// The point with the highest value.
    public var peak: Point? { points.max { $0.value < $1.value } }

    /// CSV: `parameter,value,baseline`.
    public func csv() -> String {
        (["\(parameter),\(readout),baseline"] + points.map { "\(formatLevel($0.parameter)),\(formatLevel($0.value)),\(formatLevel($0.baseline))" })
            .joined(separator: "\n") + "\n"
    }

    /// One line per point.
    public var description: String {
        "\(readout) vs \(therapy) \(parameter):\n"
            + points.map { "  \(formatLevel($0.parameter))  \(String(format: "%.4f", $0.value))" }.joined(separator: "\n")
    }
}

extension SimulationEngine {
    /// Sweeps the dose of the therapy named `therapy` in `scenario` over `doses` and reads `readout`.
    ///
    /// - Throws: ``PerturbationError`` when the scenario has no such therapy or names unknown nodes.
    public func doseResponse(
        _ scenario: Scenario, therapy: String, doses: [Double], readout: String, at time: ReadoutTime
    ) throws -> DoseResponseCurve {
        try sweep(scenario, therapy: therapy, parameter: "dose", values: doses, readout: readout, at: time) {
            $0.schedule.dose = $1
        }
    }

    /// Sweeps the start step of the therapy named `therapy` over `starts` (a stop step, if any,
    /// moves with the start) and reads `readout`: "simultaneous versus delayed".
    public func startResponse(
        _ scenario: Scenario, therapy: String, starts: [Int], readout: String, at time: ReadoutTime
    ) throws -> DoseResponseCurve {
        try sweep(scenario, therapy: therapy, parameter: "start", values: starts.map(Double.init), readout: readout, at: time) {
            let shift = Int($1) - $0.schedule.start
            $0.schedule.start += shift
            if let stop = $0.schedule.stop { $0.schedule.stop = stop + shift }
        }
    }

    /// Sweeps any therapy parameter: `modify(&therapy, value)` for each value; the engine (its
    /// compiled model) is reused for every point.
    public func sweep(
        _ scenario: Scenario, therapy name: String, parameter: String, values: [Double], readout: String,
        at time: ReadoutTime, modify: (inout Therapy, Double) -> Void
    ) throws -> DoseResponseCurve {
        guard let position = scenario.therapies.firstIndex(where: { $0.name == name }) else {
            let names = scenario.therapies.map(\.name)
            throw PerturbationError("the scenario has no therapy '\(name)'" + (names.isEmpty ? "" : "; it has \(names.joined(separator: ", "))"))
        }
        let node = try readoutIndices([readout])[0]
        let baseline = try read(scenario.baseline, at: time).levels[node]
        var points: [DoseResponseCurve.Point] = []
        for value in values {
            var variant = scenario
            modify(&variant.therapies[position], value)
            let level = try read(variant, at: time).levels[node]
            points.append(.init(parameter: value, value: level, baseline: baseline))
        }
        return DoseResponseCurve(therapy: name, parameter: parameter, readout: graph.nodes[node].id, points: points)
    }
}
