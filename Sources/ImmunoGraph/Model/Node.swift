/// A vertex of a mechanism graph: a cell, molecule, process, phenotype or therapy.
public struct Node: Hashable, Sendable {
    /// The stable identifier (`"PDL1"`). Unique within a graph, never empty.
    public var id: String
    /// The display name (`"PD-L1"`); defaults to the identifier.
    public var name: String
    /// Other names the node can be looked up by (`"CD274"`, `"B7-H1"`).
    public var synonyms: [String]
    /// The biological kind.
    public var kind: NodeKind
    /// Where the node lives (tumour, draining lymph node, blood), if it matters.
    public var compartment: String?
    /// The highest logical level: 1 for Boolean nodes, 2…9 for multi-valued ones.
    public var maxLevel: Int
    /// An explicit logical rule for the node's next level, if it has one.
    ///
    /// Without a rule, engines derive one from the signed in-edges by a named policy.
    public var rule: Expression?
    /// A multi-valued rule (SBML-qual function terms with result levels), when the node has one.
    ///
    /// `nil` for Boolean logic. When present it is authoritative and ``rule`` holds its Boolean
    /// projection (target ≥ 1); see ``LevelRules`` for the semantics.
    public var levelRules: LevelRules?
    /// The initial logical level, when the model states one (SBML-qual `initialLevel`).
    public var initialLevel: Int?
    /// Graded dynamics: the level the node relaxes to with no input (default 0 or engine policy).
    public var basal: Double?
    /// Graded dynamics: the fraction of the distance to the target covered per step (1/timescale).
    public var rate: Double?
    /// Free text: a curator's note.
    public var note: String?
    /// A therapy's full-effect doses, one per unit its papers use (JSON key `fullEffect`); empty
    /// when the node states none.
    public var fullEffect: [FullEffectDose]

    /// Creates a node.
    public init(
        _ id: String, name: String? = nil, kind: NodeKind = .unspecified, synonyms: [String] = [],
        compartment: String? = nil, maxLevel: Int = 1, rule: Expression? = nil,
        initialLevel: Int? = nil, basal: Double? = nil, rate: Double? = nil, note: String? = nil,
        levelRules: LevelRules? = nil, fullEffect: [FullEffectDose] = []
    ) {
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.synonyms = synonyms
        self.compartment = compartment
        self.maxLevel = maxLevel
        self.rule = rule
        self.initialLevel = initialLevel
        self.basal = basal
        self.rate = rate
        self.note = note
        self.levelRules = levelRules
        self.fullEffect = fullEffect
    }

    /// Whether this node is a therapy (acts on the model, has no inputs).
    public var isTherapy: Bool { kind == .therapy }
}
