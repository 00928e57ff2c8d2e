/// A therapy's full-effect dose in one of its papers' units: the dose that drives the therapy
/// node to level 1, so that a dose in that unit maps to a level (`TAT`: 625 kBq/kg in vivo,
/// 50 kBq/mL in vitro; `EBRT`: 20 Gy per fraction).
///
/// In the JSON format a node states its doses as `"fullEffect": [{"value": 625, "unit": "kBq/kg"}]`.
/// Models written before the key existed state them in the node's note as
/// `full effect: VALUE UNIT`; ImmunoSim's `Node.doseScales` reads either.
public struct FullEffectDose: Hashable, Sendable, Codable {
    /// The dose that gives full effect; finite and positive (``GraphBuilder`` checks it).
    public var value: Double
    /// The unit as the paper writes it (`kBq/kg`, `Gy`, `ug/kg`); not empty.
    public var unit: String

    /// Creates a full-effect dose.
    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case value, unit
    }

    /// Decodes `{"value": 625, "unit": "kBq/kg"}`; both keys are required, others are refused.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        self.init(value: try c.decode(Double.self, forKey: .value), unit: try c.decode(String.self, forKey: .unit))
    }

    /// Encodes both keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
    }
}
