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
    }

    /// Creates a background.
    public init(name: String, summary: String = "", clamps: [Clamp]) {
        self.name = name
        self.summary = summary
        self.clamps = clamps
    }

    /// The wild type: no clamps.
    public static let wildType = Background(name: "WT", summary: "wild type, nothing clamped", clamps: [])
}
