/// The sign of an edge. A closed set: an influence either raises or lowers its target.
///
/// A regulator that acts both ways (a "dual" regulation in SBML-qual) is two edges, one of each
/// sign, carrying a note that says why.
public enum Sign: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The source raises the target.
    case activates
    /// The source lowers the target.
    case inhibits

    /// `+1` for activation, `-1` for inhibition.
    public var value: Int { self == .activates ? 1 : -1 }

    /// The sign of a path made of `self` followed by `other`.
    public func composed(with other: Sign) -> Sign { self == other ? .activates : .inhibits }

    /// The opposite sign.
    public var opposite: Sign { self == .activates ? .inhibits : .activates }

    /// `->` for activation, `-|` for inhibition.
    public var arrow: String { self == .activates ? "->" : "-|" }

    public var description: String { rawValue }
}
