public import ImmunoGraph

/// A dose scale a model states for one of its therapy nodes: the dose, in a paper's unit, that
/// gives the therapy's full effect (level 1), so a dose in that unit maps to a level.
///
/// A model states its scales on the therapy node, `Node.fullEffect` (JSON
/// `"fullEffect": [{"value": 625, "unit": "kBq/kg"}]`; `builtin:tme`: `TAT` 625 kBq/kg and
/// 50 kBq/mL, `EBRT` 20 Gy), or, in models written before that key, in the node's note as
/// `full effect: VALUE UNIT`, one or more separated by `;`. A therapy spec with a unit, `TAT:250kBq/kg`, then doses the
/// node at 250 / 625 = 0.4 (``TherapySpec``), and a dose above the full-effect dose saturates.
public struct DoseScale: Hashable, Sendable, CustomStringConvertible {
    /// The unit as the model writes it (`kBq/kg`, `Gy`, `ug/kg`).
    public var unit: String
    /// The dose in ``unit`` that gives full effect (level 1); positive.
    public var fullEffect: Double

    /// Creates a scale.
    public init(unit: String, fullEffect: Double) {
        self.unit = unit
        self.fullEffect = fullEffect
    }

    /// `625 kBq/kg`.
    public var description: String { "\(formatLevel(fullEffect)) \(unit)" }

    /// Units compare without case, spaces or the micro sign's spelling (`µg/kg` = `ug/kg`).
    static func normalised(_ unit: String) -> String {
        String(unit.lowercased().filter { $0 != " " }.map { $0 == "µ" || $0 == "μ" ? "u" : $0 })
    }

    /// Whether `unit` names this scale's unit.
    public func matches(_ unit: String) -> Bool { Self.normalised(unit) == Self.normalised(self.unit) }
}

extension Node {
    /// The dose scales the node states: its `Node.fullEffect` doses, else the
    /// `full effect: VALUE UNIT` tags of its note (older models; see ``DoseScale``); empty when
    /// it states none.
    ///
    /// - Complexity: O(number of doses + length of the note).
    public var doseScales: [DoseScale] {
        if !fullEffect.isEmpty { return fullEffect.map { DoseScale(unit: $0.unit, fullEffect: $0.value) } }
        guard let note else { return [] }
        var scales: [DoseScale] = []
        for part in note.split(separator: ";") {
            let all = part.split(separator: " ", omittingEmptySubsequences: true)
            guard let at = all.indices.first(where: { $0 + 1 < all.count && all[$0] == "full" && all[$0 + 1] == "effect:" }) else { continue }
            let words = all[(at + 2)...].map(String.init)
            guard words.count >= 2, let value = Double(words[0]), value > 0, value.isFinite else { continue }
            var unit = words[1]
            while let last = unit.last, [",", ".", ")"].contains(last) { unit.removeLast() }
            scales.append(DoseScale(unit: unit, fullEffect: value))
        }
        return scales
    }
}
