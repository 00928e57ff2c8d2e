import Foundation

/// When and how much of a therapy is given: a start step, an optional stop, optional repeated
/// cycles (on `k` steps / off `m` steps), an optional bolus half-life, and a dose.
///
/// The **exposure** at step `t` is
/// - *continuous* (no half-life): `dose` at every step inside an on-window, `0` outside;
/// - *bolus* (half-life `h`): a dose is given at the first step of every on-window, and each
///   decays as `dose · 2^(−(t − tₖ)/h)`; exposures of successive doses add up.
///
/// On-windows: without cycles, the single window `start..<stop`; with cycles `(on: k, off: m)`,
/// the steps `t ≥ start` with `(t − start) mod (k + m) < k`, cut at `stop`. After `stop` no new
/// dose is given (a bolus already given keeps decaying).
///
/// ```swift
/// let weekly = Schedule(start: 0, cycle: .init(on: 1, off: 6), halfLife: 3, dose: 1)
/// print(weekly.profileText(steps: 14))
/// ```
public struct Schedule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Repeated treatment cycles: `on` steps given, then `off` steps of rest.
    public struct Cycle: Hashable, Sendable, Codable {
        /// Steps of treatment at the start of each period (≥ 1).
        public var on: Int
        /// Steps of rest after them (≥ 0).
        public var off: Int
        /// Creates a cycle.
        public init(on: Int, off: Int) {
            self.on = on
            self.off = off
        }
    }

    /// The first step of treatment.
    public var start: Int
    /// The first step without new treatment, or `nil` to treat until the end of the run.
    public var stop: Int?
    /// Repeated on/off cycles, or `nil` for one window `start..<stop`.
    public var cycle: Cycle?
    /// The bolus half-life in steps, or `nil` for continuous exposure while on.
    public var halfLife: Double?
    /// The dose, in units of the therapy's ``Therapy/fullEffectDose`` (default 1: full effect).
    public var dose: Double

    /// The largest step number a schedule may name (start, stop, on- and off-lengths): a billion
    /// steps, far beyond any run (`--steps` is at most a million), and small enough that sums of
    /// step numbers never overflow `Int`.
    public static let maximumStep = 1_000_000_000

    /// Creates a schedule; the default is "continuous, full dose, from step 0 to the end".
    public init(start: Int = 0, stop: Int? = nil, cycle: Cycle? = nil, halfLife: Double? = nil, dose: Double = 1) {
        self.start = start
        self.stop = stop
        self.cycle = cycle
        self.halfLife = halfLife
        self.dose = dose
    }

    /// Continuous treatment from `start` (to `stop`), at `dose`.
    public static func continuous(from start: Int = 0, until stop: Int? = nil, dose: Double = 1) -> Schedule {
        Schedule(start: start, stop: stop, dose: dose)
    }

    /// Problems with the schedule's numbers (negative start, empty cycle, non-positive half-life…).
    public var problems: [String] {
        var result: [String] = []
        if start < 0 { result.append("start \(start) is negative") }
        for (what, value) in [("start", start), ("stop", stop ?? 0), ("cycle on-length", cycle?.on ?? 0), ("cycle off-length", cycle?.off ?? 0)]
        where value > Self.maximumStep {
            result.append("\(what) \(value) is beyond the largest step \(Self.maximumStep)")
        }
        if let stop, stop < start { result.append("stop \(stop) is before start \(start)") }
        if let cycle {
            if cycle.on < 1 { result.append("cycle on-length \(cycle.on) must be at least 1") }
            if cycle.off < 0 { result.append("cycle off-length \(cycle.off) is negative") }
        }
        if let halfLife, !(halfLife > 0 && halfLife.isFinite) { result.append("half-life \(halfLife) must be a positive number") }
        if !(dose >= 0 && dose.isFinite) { result.append("dose \(dose) must be a non-negative number") }
        return result
    }

    /// The cycle period (on + off, at least 1), saturating at `Int.max` instead of overflowing.
    var period: Int? {
        cycle.map { cycle in
            let (sum, overflow) = max(1, cycle.on).addingReportingOverflow(max(0, cycle.off))
            return overflow ? Int.max : sum
        }
    }

    /// Whether step `t` is inside an on-window.
    public func isOn(at t: Int) -> Bool {
        guard t >= start else { return false }
        if let stop, t >= stop { return false }
        guard let cycle, let period else { return true }
        return (t - start) % period < cycle.on
    }

    /// Whether step `t` is the first step of an on-window (a bolus is given).
    public func isDoseStep(_ t: Int) -> Bool {
        guard isOn(at: t) else { return false }
        guard let period else { return t == start }
        return (t - start) % period == 0
    }

    /// The exposure at step `t` (see the type's documentation).
    ///
    /// - Complexity: O(1) for continuous schedules; O(number of doses so far) for a bolus.
    public func exposure(at t: Int) -> Double {
        guard let halfLife else { return isOn(at: t) ? dose : 0 }
        guard t >= start else { return 0 }
        var total = 0.0
        var doseStep = start
        while doseStep <= t {
            if let stop, doseStep >= stop { break }
            total += dose * exp2(-Double(t - doseStep) / halfLife)
            guard let period else { break }
            let (next, overflow) = doseStep.addingReportingOverflow(period)
            if overflow { break }
            doseStep = next
        }
        return total
    }

    /// The exposure at steps `0..<steps`.
    ///
    /// - Complexity: O(steps) (bolus exposures are updated incrementally).
    public func profile(steps: Int) -> [Double] {
        guard steps > 0 else { return [] }
        guard let halfLife else { return (0..<steps).map { isOn(at: $0) ? dose : 0 } }
        let decay = exp2(-1 / halfLife)
        var result = [Double](repeating: 0, count: steps)
        var level = 0.0
        for t in 0..<steps {
            level *= decay
            if isDoseStep(t) { level += dose }
            result[t] = level
        }
        return result
    }

    /// The exposure profile as CSV: a `step,exposure` header, then one line per step.
    public func profileCSV(steps: Int) -> String {
        var lines = ["step,exposure"]
        for (t, value) in profile(steps: steps).enumerated() { lines.append("\(t),\(formatLevel(value))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The exposure profile as text: one line per step with a bar scaled to the maximum.
    public func profileText(steps: Int, width: Int = 40) -> String {
        let values = profile(steps: steps)
        let top = max(values.max() ?? 0, 1e-12)
        let digits = String(max(0, steps - 1)).count
        return values.enumerated().map { t, value in
            let bar = String(repeating: "#", count: Int((value / top * Double(width)).rounded()))
            let label = String(repeating: " ", count: digits - String(t).count) + String(t)
            return "\(label) \(formatLevel(value).padding(toLength: 8, withPad: " ", startingAt: 0)) \(bar)"
        }.joined(separator: "\n") + "\n"
    }

    /// `"from 10 until 20, cycles 5 on / 9 off, bolus t½ 3, dose 1"`.
    public var description: String {
        var parts = ["from \(start)"]
        if let stop { parts.append("until \(stop)") }
        if let cycle { parts.append("cycles \(cycle.on) on / \(cycle.off) off") }
        if let halfLife { parts.append("bolus t½ \(formatLevel(halfLife))") } else { parts.append("continuous") }
        parts.append("dose \(formatLevel(dose))")
        return parts.joined(separator: ", ")
    }
}

/// A level printed with at most four decimals and no trailing zeros (`0.5`, `0.1235`, `1`).
func formatLevel(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
}
