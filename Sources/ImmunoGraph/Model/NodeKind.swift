/// The biological kind of a node: an open set, like `Errno` in swift-system.
///
/// Well-known kinds are static members (`.cell`, `.cytokine`, …); users add their own with
/// `NodeKind("organoid")`. Unknown kinds are accepted everywhere.
public struct NodeKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The kind's name, e.g. `"checkpointLigand"`.
    public let rawValue: String

    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from its name.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// A cell population (CD8+ T cells, tumour cells, M2 macrophages).
    public static let cell = NodeKind("cell")
    /// A secreted signalling protein (IFN-γ, IL-12).
    public static let cytokine = NodeKind("cytokine")
    /// A chemoattractant cytokine (CXCL9, CXCL10).
    public static let chemokine = NodeKind("chemokine")
    /// A receptor that is not a checkpoint (IFNAR1, CXCR3).
    public static let receptor = NodeKind("receptor")
    /// An inhibitory checkpoint receptor (PD-1, TIM-3, CTLA-4).
    public static let checkpointReceptor = NodeKind("checkpointReceptor")
    /// A ligand of a checkpoint receptor (PD-L1, galectin-9).
    public static let checkpointLigand = NodeKind("checkpointLigand")
    /// An enzyme (IDO1, TREX1, cGAS).
    public static let enzyme = NodeKind("enzyme")
    /// A transcription factor (STAT4, T-bet).
    public static let transcriptionFactor = NodeKind("transcriptionFactor")
    /// A signalling pathway collapsed to one node (PI3K–AKT).
    public static let pathway = NodeKind("pathway")
    /// A damage-associated molecular pattern (HMGB1, calreticulin).
    public static let damp = NodeKind("damp")
    /// A biological process (DNA damage, antigen presentation).
    public static let process = NodeKind("process")
    /// A phenotype or readout (tumour burden, exhaustion).
    public static let phenotype = NodeKind("phenotype")
    /// A therapy; therapies act on the model and have no inputs.
    public static let therapy = NodeKind("therapy")
    /// A marker (CD39, Ki-67).
    public static let marker = NodeKind("marker")
    /// A node whose kind is not known (imported from a format without kinds).
    public static let unspecified = NodeKind("unspecified")

    /// The kinds this package knows by name, in a stable order.
    public static let wellKnown: [NodeKind] = [
        .cell, .cytokine, .chemokine, .receptor, .checkpointReceptor, .checkpointLigand, .enzyme,
        .transcriptionFactor, .pathway, .damp, .process, .phenotype, .therapy, .marker, .unspecified,
    ]
}
