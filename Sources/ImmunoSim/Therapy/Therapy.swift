/// A treatment, kept separate from the model: what it acts on, how, and when (its ``Schedule``).
///
/// ```swift
/// let antiPD1 = Therapy(name: "ANTI_PD1", target: .node("PD1"), mode: .block(efficacy: 0.9),
///                       schedule: .continuous(from: 10))
/// ```
///
/// **Strength.** At step `t` the therapy's *occupancy* is `min(1, exposure(t) / fullEffectDose)`
/// (``Schedule/exposure(at:)``); its *strength* is `efficacy · occupancy` for a block and the
/// occupancy otherwise.
///
/// **Through a therapy node or directly.** When the model has a node of kind `therapy` whose
/// identifier (or synonym) is the therapy's ``name`` (the flagship's `ANTI_PD1`), or the therapy
/// supplies an input node (no in-edges, e.g. a bnet input), that node's level *is* the strength
/// at every step and the model's own edges carry the effect. Otherwise the therapy acts directly on
/// its ``target`` as its ``Mode`` says. Set ``actsDirectly`` to skip the therapy node.
/// See `Guides/GradedSemantics.md`.
public struct Therapy: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What a therapy acts on.
    public enum Target: Hashable, Sendable, Codable, CustomStringConvertible {
        /// A node (identifier or synonym).
        case node(String)
        /// The edge(s) from `source` to `target`, e.g. PDL1 → PD1.
        case edge(source: String, target: String)

        /// `"PD1"` or `"PDL1 -> PD1"`.
        public var description: String {
            switch self {
            case .node(let id): return id
            case .edge(let source, let target): return "\(source) -> \(target)"
            }
        }
    }

    /// How a therapy acts on its target (when it acts directly).
    public enum Mode: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The target's outgoing influence (or the edge's) is scaled by `1 − efficacy · occupancy`.
        case block(efficacy: Double)
        /// A cell population is driven toward 0: its target level is scaled by `1 − occupancy`.
        case deplete
        /// The node is raised toward the occupancy: its target level is `max(f, occupancy)`.
        case supply
        /// Damage added to the node (TAT, EBRT on DNA damage): target level `1 − (1 − f)(1 − occupancy)`.
        case damage

        /// An agonist: the same as ``supply``.
        public static let agonise: Mode = .supply

        /// `"block 90%"`, `"deplete"`, `"supply"`, `"damage"`.
        public var description: String {
            switch self {
            case .block(let efficacy): return "block \(formatLevel(efficacy * 100))%"
            case .deplete: return "deplete"
            case .supply: return "supply"
            case .damage: return "damage"
            }
        }
    }

    /// The therapy's name; when a therapy node has this identifier, the therapy drives it.
    public var name: String
    /// What it acts on when it acts directly.
    public var target: Target
    /// How it acts.
    public var mode: Mode
    /// When and how much.
    public var schedule: Schedule
    /// The exposure that gives full effect (occupancy 1); doses are in the same unit (default 1).
    public var fullEffectDose: Double
    /// Act on ``target`` even when the model has a therapy node named ``name``.
    public var actsDirectly: Bool

    /// Creates a therapy.
    public init(
        name: String, target: Target, mode: Mode = .block(efficacy: 1), schedule: Schedule = Schedule(),
        fullEffectDose: Double = 1, actsDirectly: Bool = false
    ) {
        self.name = name
        self.target = target
        self.mode = mode
        self.schedule = schedule
        self.fullEffectDose = fullEffectDose
        self.actsDirectly = actsDirectly
    }

    /// A therapy that drives the therapy (or input) node `id` of a model: target and name are `id`.
    public static func node(_ id: String, schedule: Schedule = Schedule()) -> Therapy {
        Therapy(name: id, target: .node(id), mode: .supply, schedule: schedule)
    }

    /// The occupancy at step `t`: `min(1, exposure / fullEffectDose)`, in [0, 1].
    public func occupancy(at t: Int) -> Double {
        min(1, max(0, schedule.exposure(at: t) / fullEffectDose))
    }

    /// The strength at step `t`: efficacy × occupancy for a block, the occupancy otherwise.
    public func strength(at t: Int) -> Double {
        occupancy(at: t) * efficacy
    }

    /// The block efficacy (1 for the other modes).
    public var efficacy: Double {
        if case .block(let efficacy) = mode { return efficacy }
        return 1
    }

    /// The strength at steps `0..<steps`.
    public func strengthProfile(steps: Int) -> [Double] {
        let e = efficacy
        return schedule.profile(steps: steps).map { min(1, max(0, $0 / fullEffectDose)) * e }
    }

    /// Problems with the therapy's numbers (efficacy outside 0…1, schedule problems…).
    public var problems: [String] {
        var result = schedule.problems
        if case .block(let efficacy) = mode, !(0...1).contains(efficacy) {
            result.append("efficacy \(efficacy) is outside 0...1")
        }
        if !(fullEffectDose > 0 && fullEffectDose.isFinite) {
            result.append("full-effect dose \(fullEffectDose) must be a positive number")
        }
        return result.map { "therapy '\(name)': \($0)" }
    }

    /// `"ANTI_PD1: block 100% PD1, from 10, continuous, dose 1"`.
    public var description: String {
        "\(name): \(mode) \(target), \(schedule)"
    }
}
