/// A named set of clamps applied throughout a run: a genetic or experimental background
/// such as "CD8-depleted" or "Rag2-/-Il2rg-/-".
///
/// Levels are fractions of each node's maximum in [0, 1]: 0 is a knockout, 1 an over-expression.
/// The logical engine rounds them to the nearest level.
public struct Background: Hashable, Sendable, Codable {
    /// The background's name, used on the command line (`--background CD8_DEPLETED`).
    public var name: String
    /// What the background means, in a sentence.
    public var summary: String
    /// Node identifier → clamped level (fraction of maximum, 0…1), in a stable order.
    public var clamps: [Clamp]
    /// Other names the background answers to (`"CD8-depleted"`, `"Rag2-/-Il2rg-/-"`).
    public var synonyms: [String]

    /// One clamped node.
    public struct Clamp: Hashable, Sendable, Codable {
        /// The node identifier.
        public var node: String
        /// The clamped level as a fraction of the node's maximum, 0…1.
        public var level: Double
        /// Creates a clamp.
        public init(node: String, level: Double) {
            self.node = node
            self.level = level
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case node, level }

        /// Decodes `{"node": "PD1", "level": 0}`; other keys are refused.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(CodingKeys.self)
            self.init(node: try c.decode(String.self, forKey: .node), level: try c.decode(Double.self, forKey: .level))
        }
    }

    /// Creates a background.
    public init(name: String, summary: String = "", synonyms: [String] = [], clamps: [Clamp]) {
        self.name = name
        self.summary = summary
        self.synonyms = synonyms
        self.clamps = clamps
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case name, summary, synonyms, clamps }

    /// Decodes a background; `summary` and `synonyms` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
        synonyms = try container.decodeIfPresent([String].self, forKey: .synonyms) ?? []
        clamps = try container.decode([Clamp].self, forKey: .clamps)
    }

    /// Encodes a background; empty synonyms are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(summary, forKey: .summary)
        if !synonyms.isEmpty { try container.encode(synonyms, forKey: .synonyms) }
        try container.encode(clamps, forKey: .clamps)
    }

    /// Whether `text` names this background: its name or a synonym, ignoring case.
    public func answers(to text: String) -> Bool {
        let wanted = text.lowercased()
        return name.lowercased() == wanted || synonyms.contains { $0.lowercased() == wanted }
    }

    /// The wild type: no clamps.
    public static let wildType = Background(
        name: "WT", summary: "wild type, nothing clamped", synonyms: ["wild type", "wild-type", "wildtype"], clamps: [])
}
