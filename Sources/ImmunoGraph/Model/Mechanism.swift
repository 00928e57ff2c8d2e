/// The mechanism verb of an edge: an open set (`.secretes`, `.binds`, … or any user verb).
public struct Mechanism: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The verb, e.g. `"inducesExpression"`.
    public let rawValue: String

    /// Creates a mechanism from its verb.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a mechanism from its verb.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a mechanism from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static let secretes = Mechanism("secretes")
    public static let inducesExpression = Mechanism("inducesExpression")
    public static let binds = Mechanism("binds")
    public static let blocks = Mechanism("blocks")
    public static let recruits = Mechanism("recruits")
    public static let polarizes = Mechanism("polarizes")
    public static let kills = Mechanism("kills")
    public static let depletes = Mechanism("depletes")
    public static let differentiates = Mechanism("differentiates")
    public static let sequesters = Mechanism("sequesters")
    public static let upregulates = Mechanism("upregulates")
    public static let downregulates = Mechanism("downregulates")
    public static let activates = Mechanism("activates")
    public static let inhibits = Mechanism("inhibits")
    public static let damages = Mechanism("damages")
    public static let degrades = Mechanism("degrades")
    public static let signals = Mechanism("signals")
    /// A regulation read from a logical rule, with no stated mechanism.
    public static let regulates = Mechanism("regulates")
}
