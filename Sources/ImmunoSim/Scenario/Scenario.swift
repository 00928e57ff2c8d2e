public import ImmunoGraph
import Foundation

/// One run's setting: a model (by reference), a background, therapies, an initial state and extra
/// perturbations (knockouts, over-expressions, held nodes, removed edges).
///
/// Both engines run any scenario: the graded engine through ``CompiledGradedModel/inputs(for:)``,
/// the logical engine through ``logicalPerturbations(in:horizon:)`` and ``logicalBackground(in:)``.
///
/// **JSON.** A scenario is `Codable`. The graph is *not* embedded: ``model`` is a reference string
/// (`"builtin:flagship"`, a file path — whatever `ModelLoader.load(_:)` accepts) and the caller
/// loads it; a scenario run against a different graph resolves its identifiers against that graph.
///
/// ```swift
/// var scenario = Scenario(model: "builtin:flagship")
/// scenario.therapies = [.node("ANTI_PD1", schedule: .continuous(from: 10))]
/// scenario.perturbations = [.knockout("TIM3")]
/// ```
public struct Scenario: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One node's initial level (a fraction of its maximum, 0…1).
    public struct InitialLevel: Hashable, Sendable, Codable {
        /// The node identifier or synonym.
        public var node: String
        /// The level, 0…1.
        public var level: Double
        /// Creates an initial level.
        public init(node: String, level: Double) {
            self.node = node
            self.level = level
        }
    }

    /// A short name for reports (`"anti-PD-1 from day 10"`), optional.
    public var name: String?
    /// The model reference (`"builtin:flagship"`, `"models/tme.json"`), not the graph itself.
    public var model: String
    /// The name of one of the model's backgrounds, or `nil` for none (wild type).
    public var background: String?
    /// The therapies given.
    public var therapies: [Therapy]
    /// Initial levels that differ from the model's defaults.
    public var initialLevels: [InitialLevel]
    /// Extra perturbations (applied after the background; a later clamp on a node wins).
    public var perturbations: [Perturbation]

    /// Creates a scenario.
    public init(
        name: String? = nil, model: String, background: String? = nil, therapies: [Therapy] = [],
        initialLevels: [InitialLevel] = [], perturbations: [Perturbation] = []
    ) {
        self.name = name
        self.model = model
        self.background = background
        self.therapies = therapies
        self.initialLevels = initialLevels
        self.perturbations = perturbations
    }

    /// The baseline arm of a response: the scenario without its therapies when it has some (its
    /// perturbations are then context, e.g. a knockout background), else without its
    /// perturbations (a knockout alone is the intervention). The background stays either way.
    ///
    /// A node a therapy drives (a therapy node, or an input such as a bnet's `ANTI, ANTI`) starts
    /// at 0 in the baseline, as it does before the therapy starts: untreated means off, not the
    /// random start of an imported model's inputs.
    public var baseline: Scenario {
        var copy = self
        if therapies.isEmpty {
            copy.perturbations = []
        } else {
            copy.therapies = []
            for therapy in therapies where !therapy.actsDirectly {
                guard case .node(let id) = therapy.target, id == therapy.name, case .supply = therapy.mode else { continue }
                if !copy.initialLevels.contains(where: { $0.node == id }) { copy.initialLevels.append(.init(node: id, level: 0)) }
            }
        }
        if let name { copy.name = name + " (baseline)" }
        return copy
    }

    /// The scenario with every intervention starting `steps` later, so that both arms of a
    /// comparison first run the model alone (a warm-up) and the intervention is not compared
    /// during the model's own start-up transient.
    ///
    /// Therapy schedules shift by `steps`; knockouts, over-expressions and holds become holds
    /// from the shifted step. Removed edges cannot be windowed and stay removed from step 0. The
    /// background is context and applies throughout.
    ///
    /// - Throws: ``PerturbationError`` when `steps` is negative or a shifted step overflows.
    public func startingInterventions(after steps: Int) throws -> Scenario {
        guard steps >= 0 else { throw PerturbationError("warm-up of \(steps) steps is negative") }
        guard steps > 0 else { return self }
        func shifted(_ step: Int) throws -> Int {
            let (value, overflow) = step.addingReportingOverflow(steps)
            guard !overflow else { throw PerturbationError("step \(step) + warm-up \(steps) overflows") }
            return value
        }
        var copy = self
        for k in copy.therapies.indices {
            copy.therapies[k].schedule.start = try shifted(copy.therapies[k].schedule.start)
            if let stop = copy.therapies[k].schedule.stop { copy.therapies[k].schedule.stop = try shifted(stop) }
        }
        copy.perturbations = try perturbations.map { perturbation in
            switch perturbation {
            case .knockout(let id): return .hold(id, level: 0, window: StepWindow(start: steps))
            case .overexpress(let id): return .hold(id, level: 1, window: StepWindow(start: steps))
            case .hold(let id, let level, let window):
                return .hold(id, level: level, window: StepWindow(start: try shifted(window.start), stop: try window.stop.map(shifted)))
            case .removeEdge: return perturbation
            }
        }
        return copy
    }

    /// The first step at which any therapy or windowed perturbation starts (0 when none).
    public var latestInterventionStart: Int {
        let therapyStarts = therapies.map(\.schedule.start)
        let holdStarts = perturbations.compactMap { perturbation -> Int? in
            if case .hold(_, _, let window) = perturbation { return window.start }
            return nil
        }
        return (therapyStarts + holdStarts).max() ?? 0
    }

    /// The model's background named ``background``, or `nil` when none is set.
    ///
    /// - Throws: ``PerturbationError`` listing the model's backgrounds when the name is unknown.
    public func resolvedBackground(in graph: MechanismGraph) throws -> Background? {
        guard let background else { return nil }
        if let found = graph.background(named: background) { return found }
        if Background.wildType.answers(to: background) { return .wildType }
        let known = graph.backgrounds.map(\.name)
        throw PerturbationError(
            "no background '\(background)' in model '\(graph.name)'"
                + (known.isEmpty ? " (it has none)" : "; it has \(known.joined(separator: ", "))"))
    }

    /// The background for the logical engine (pass it to ``ResolvedPerturbations``).
    public func logicalBackground(in graph: MechanismGraph) throws -> Background? {
        try resolvedBackground(in: graph)
    }

    /// The scenario's perturbations followed by every therapy mapped to clamps
    /// (``Therapy/logicalPerturbations(in:horizon:)``) — what the logical engine runs, together with
    /// ``logicalBackground(in:)``. Initial levels are not included (they are a start state).
    public func logicalPerturbations(in graph: MechanismGraph, horizon: Int = 1000) throws -> [Perturbation] {
        var result = perturbations
        for therapy in therapies { result += try therapy.logicalPerturbations(in: graph, horizon: horizon) }
        return result
    }

    /// The scenario as pretty-printed JSON with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a scenario from JSON text.
    public static func fromJSON(_ text: String) throws -> Scenario {
        try JSONDecoder().decode(Scenario.self, from: Data(text.utf8))
    }

    /// A multi-line summary: model, background, therapies, initial levels, perturbations.
    public var description: String {
        var lines = ["scenario \(name.map { "'\($0)' " } ?? "")on \(model)"]
        lines.append("  background: \(background ?? "none")")
        if therapies.isEmpty { lines.append("  therapies: none") }
        for therapy in therapies { lines.append("  therapy \(therapy)") }
        for item in initialLevels { lines.append("  initial \(item.node) = \(formatLevel(item.level))") }
        for perturbation in perturbations { lines.append("  \(perturbation)") }
        return lines.joined(separator: "\n")
    }
}

extension Scenario {
    /// A one-line summary: `ANTI_PD1 + ANTI_TIM3@10 (background CD8_DEPLETED, KO TIM3)`.
    public var summary: String {
        var parts: [String] = []
        parts.append(therapies.isEmpty ? "no therapy" : therapies.map { therapy in
            let start = therapy.schedule.start
            return start == 0 ? therapy.name : "\(therapy.name)@\(start)"
        }.joined(separator: " + "))
        var context: [String] = []
        if let background { context.append("background \(background)") }
        for perturbation in perturbations { context.append(perturbation.description) }
        if !context.isEmpty { parts.append("(\(context.joined(separator: ", ")))") }
        return parts.joined(separator: " ")
    }
}
