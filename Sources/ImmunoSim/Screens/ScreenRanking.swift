/// Which way a readout should move for an intervention to count as beneficial.
public enum ScreenGoal: String, Hashable, Sendable, Codable, CaseIterable {
    /// Lower is better (tumour burden, exhaustion, toxicity).
    case decrease
    /// Higher is better (T-cell activity, IFN-γ).
    case increase
}

/// One arm of a screen with its effects and, for combinations, its synergy.
public struct RankedArm: Hashable, Sendable, Codable {
    /// The arm's number in plan order.
    public var arm: Int
    /// The candidates applied.
    public var candidates: [ScreenCandidate]
    /// `ANTI_PD1 + ANTI_TIM3`.
    public var label: String
    /// Readout levels, in plan order.
    public var values: [Double]
    /// Readout level minus baseline, in plan order.
    public var effects: [Double]
    /// The fraction of the possible benefit reached on the ranking readout, in [0, 1]
    /// (see ``ScreenResult/fraction(value:baseline:goal:)``).
    public var response: Double
    /// Bliss excess on the ranking readout: observed response − (1 − Π(1 − single responses)).
    /// Positive means synergy; `nil` for singles or when a single is missing.
    public var bliss: Double?
    /// Highest-single-agent excess on the ranking readout: observed − best single response.
    public var hsa: Double?
}

extension ScreenResult {
    /// The response fraction of a level: for `.decrease`, (baseline − value) / baseline; for
    /// `.increase`, (value − baseline) / (1 − baseline); clamped to [0, 1] (a change in the wrong
    /// direction counts as no response). A baseline already at the goal's bound gives 0.
    ///
    /// This is the "fraction affected" of Bliss independence (C. I. Bliss, Ann. Appl. Biol. 1939)
    /// applied to a level in [0, 1].
    public static func fraction(value: Double, baseline: Double, goal: ScreenGoal) -> Double {
        let room = goal == .decrease ? baseline : 1 - baseline
        guard room > 1e-12 else { return 0 }
        let gain = goal == .decrease ? baseline - value : value - baseline
        return min(1, max(0, gain / room))
    }

    /// The arms ranked by their effect on readout `readout` (an index into the plan's readouts),
    /// best first for `goal`; ties keep plan order. Combinations carry Bliss and
    /// highest-single-agent excesses computed from the singles in this result.
    ///
    /// - Complexity: O(R log R) for R rows.
    public func ranked(goal: ScreenGoal = .decrease, readout: Int = 0) -> [RankedArm] {
        var singles: [ScreenCandidate: Double] = [:]
        for row in rows where row.candidates.count == 1 {
            singles[row.candidates[0]] = Self.fraction(value: row.values[readout], baseline: baseline[readout], goal: goal)
        }
        let ranked = rows.map { row -> RankedArm in
            let response = Self.fraction(value: row.values[readout], baseline: baseline[readout], goal: goal)
            var bliss: Double?
            var hsa: Double?
            if row.candidates.count > 1 {
                let parts = row.candidates.compactMap { singles[$0] }
                if parts.count == row.candidates.count {
                    bliss = response - (1 - parts.reduce(1) { $0 * (1 - $1) })
                    hsa = response - (parts.max() ?? 0)
                }
            }
            return RankedArm(
                arm: row.arm, candidates: row.candidates, label: ScreenArm(row.candidates).description,
                values: row.values, effects: zip(row.values, baseline).map { $0 - $1 }, response: response,
                bliss: bliss, hsa: hsa)
        }
        let sign: Double = goal == .decrease ? -1 : 1
        return ranked.sorted { a, b in
            let sa = sign * a.effects[readout]
            let sb = sign * b.effects[readout]
            if sa != sb { return sa > sb }
            return a.arm < b.arm
        }
    }
}
