public import ImmunoGraph

/// A therapy written on the command line that cannot be read: names the spec, the position
/// (1-based character) and what was expected.
public struct TherapySpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The spec as given.
    public var spec: String
    /// The 1-based character position of the problem.
    public var position: Int
    /// What is wrong.
    public var message: String
    /// Creates the error.
    public init(spec: String, position: Int, message: String) {
        self.spec = spec
        self.position = position
        self.message = message
    }
    public var description: String { "therapy '\(spec)', column \(position): \(message)" }
}

/// Parses therapy specs: `ID[@START[-STOP]][:DOSE][/ON+OFF][~HALFLIFE]`.
///
/// - `ID` alone: on from step 0 to the end at dose 1; `ID:DOSE` the same at another dose.
/// - `ID:DOSE UNIT` (no space needed: `TAT:250kBq/kg`, `EBRT:8Gy`): a dose in a unit for which
///   the therapy node states a full-effect dose (``DoseScale``, `Node.doseScales`);
///   the therapy's ``Therapy/fullEffectDose`` becomes that dose, so the level is
///   `dose / full effect` and a larger dose saturates.
/// - `@START[-STOP]`: the first treated step and the first step without treatment.
/// - `/ON+OFF`: repeated cycles, `ON` steps on then `OFF` off (`IL12_THERAPY@0/5+9`).
/// - `~HALFLIFE`: a bolus at the start of each on-window, decaying with that half-life in steps
///   (`TAT@0:0.4~10`); without it, exposure is the dose while on.
///
/// Examples: `ANTI_PDL1@10`, `TAT@0:250`, `TAT:0.4`, `ANTI_PD1@5-20`, `IL12_THERAPY@0-60/5+9~2`.
///
/// `ID` must be a therapy node of the model or an input node (no in-edges, e.g. in a bnet model);
/// the therapy drives that node (``Therapy/node(_:schedule:)``).
public enum TherapySpec {
    /// Parses `spec` against `graph`.
    ///
    /// - Throws: ``TherapySpecError`` for malformed text or an identifier that is not a therapy or
    ///   input node (with the model's suggestion for near misses).
    public static func parse(_ spec: String, in graph: MechanismGraph) throws(TherapySpecError) -> Therapy {
        for kind in InterventionKind.allCases {
            let prefix = kind.rawValue + " "
            if spec.hasPrefix(prefix) {
                return try parseIntervention(String(spec.dropFirst(prefix.count)), kind: kind, in: graph, original: spec)
            }
        }
        let (id, schedule, unit) = try partsWithUnit(spec)
        guard let index = graph.index(of: id) else {
            throw TherapySpecError(spec: spec, position: 1, message: graph.unknownNodeMessage(id))
        }
        let node = graph.nodes[index]
        guard node.isTherapy || graph.inDegree(of: index) == 0 else {
            let candidates = graph.nodes.indices.filter { graph.nodes[$0].isTherapy || graph.inDegree(of: $0) == 0 }
                .map { graph.nodes[$0].id }
            throw TherapySpecError(spec: spec, position: 1, message:
                "'\(node.id)' is neither a therapy nor an input node of model '\(graph.name)'"
                + (candidates.isEmpty ? "" : "; therapies and inputs: \(candidates.joined(separator: ", "))")
                + "; to act on any node use --block, --deplete or --supply")
        }
        var therapy = Therapy.node(node.id, schedule: schedule)
        if let unit {
            let scales = node.doseScales
            guard let scale = scales.first(where: { $0.matches(unit) }) else {
                let position = (spec.firstIndex(of: ":").map { spec.distance(from: spec.startIndex, to: $0) } ?? 0) + 2
                throw TherapySpecError(spec: spec, position: position, message: scales.isEmpty
                    ? "'\(node.id)' states no dose unit; give its dose as a level (0...1)"
                    : "'\(node.id)' has no dose scale in '\(unit)'; its units: "
                        + scales.map { "\($0.unit) (full effect \($0))" }.joined(separator: ", "))
            }
            therapy.fullEffectDose = scale.fullEffect
        }
        return therapy
    }

    /// Parses an intervention on any node, `ID[@START[-STOP]][:AMOUNT][/ON+OFF][~HALFLIFE]`, with
    /// the therapy grammar: for a block, AMOUNT is the efficacy (0…1, default 1); for a depletion
    /// or a supply it is the dose (occupancy, default 1).
    ///
    /// The result acts directly on the node (``Therapy/actsDirectly``), named `"block PD1"` and so
    /// on; ``parse(_:in:)`` reads that name back, so the spec `"block PD1@10:0.8"` works wherever a
    /// therapy spec does (hypothesis files, comparison arms).
    ///
    /// - Throws: ``TherapySpecError`` for malformed text, an unknown node (with a suggestion) or an
    ///   efficacy outside 0…1.
    public static func parseIntervention(
        _ spec: String, kind: InterventionKind, in graph: MechanismGraph, original: String? = nil
    ) throws(TherapySpecError) -> Therapy {
        let shown = original ?? "\(kind.rawValue) \(spec)"
        let offset = shown.count - spec.count
        var (id, schedule): (String, Schedule)
        do {
            (id, schedule) = try parts(spec)
        } catch {
            throw TherapySpecError(spec: shown, position: error.position + offset, message: error.message)
        }
        guard let index = graph.index(of: id) else {
            throw TherapySpecError(spec: shown, position: 1 + offset, message: graph.unknownNodeMessage(id))
        }
        let node = graph.nodes[index].id
        switch kind {
        case .block:
            let efficacy = schedule.dose
            schedule.dose = 1
            guard (0...1).contains(efficacy) else {
                throw TherapySpecError(spec: shown, position: 1 + offset, message: "block efficacy \(efficacy) is outside 0...1")
            }
            return Therapy(name: "block \(node)", target: .node(node), mode: .block(efficacy: efficacy), schedule: schedule, actsDirectly: true)
        case .deplete:
            return Therapy(name: "deplete \(node)", target: .node(node), mode: .deplete, schedule: schedule, actsDirectly: true)
        case .supply:
            return Therapy(name: "supply \(node)", target: .node(node), mode: .supply, schedule: schedule, actsDirectly: true)
        }
    }

    /// The identifier and schedule of `ID[@START[-STOP]][:DOSE][/ON+OFF][~HALFLIFE]`; a dose unit
    /// is an error here (interventions act on any node, which states no dose scale).
    static func parts(_ spec: String) throws(TherapySpecError) -> (String, Schedule) {
        let (id, schedule, unit) = try partsWithUnit(spec)
        if let unit {
            let position = (spec.firstIndex(of: ":").map { spec.distance(from: spec.startIndex, to: $0) } ?? 0) + 2
            throw TherapySpecError(spec: spec, position: position, message: "a dose unit ('\(unit)') is only for therapy nodes; give the amount as a number")
        }
        return (id, schedule)
    }

    /// The identifier, schedule and dose unit (if any) of `ID[@START[-STOP]][:DOSE[UNIT]][/ON+OFF][~HALFLIFE]`.
    static func partsWithUnit(_ spec: String) throws(TherapySpecError) -> (String, Schedule, String?) {
        let characters = Array(spec)
        func fail(_ position: Int, _ message: String) -> TherapySpecError {
            TherapySpecError(spec: spec, position: position + 1, message: message)
        }
        // The parts, in the only order they may come.
        let order: [Character] = ["@", ":", "/", "~"]
        let marks = Set(order)
        let idEnd = characters.firstIndex(where: { marks.contains($0) }) ?? characters.count
        let id = String(characters[0..<idEnd]).trimmingWhitespace
        guard !id.isEmpty else { throw fail(0, "expected a node identifier before '\(idEnd < characters.count ? characters[idEnd] : "@")'") }
        var schedule = Schedule()
        var unit: String?
        var position = idEnd
        func number(until stops: Set<Character>) -> (text: String, start: Int) {
            let start = position
            while position < characters.count, !stops.contains(characters[position]), !marks.contains(characters[position]) {
                position += 1
            }
            return (String(characters[start..<position]), start)
        }
        func integer(_ what: String, after mark: Character, until stops: Set<Character>, minimum: Int) throws(TherapySpecError) -> Int {
            let text = number(until: stops)
            guard let value = Int(text.text), value >= minimum, value <= Schedule.maximumStep else {
                throw fail(text.start, "expected \(what) (an integer in \(minimum)...\(Schedule.maximumStep)) after '\(mark)', got '\(text.text.prefix(40))'")
            }
            return value
        }
        var seen: Set<Character> = []
        while position < characters.count {
            let mark = characters[position]
            guard let rank = order.firstIndex(of: mark) else {
                throw fail(position, "expected '@START', '-STOP', ':DOSE', '/ON+OFF' or '~HALFLIFE', got '\(mark)'")
            }
            guard !seen.contains(mark), !order[(rank + 1)...].contains(where: seen.contains) else {
                throw fail(position, "'\(mark)' is out of place: write ID@START-STOP:DOSE/ON+OFF~HALFLIFE (each part optional)")
            }
            seen.insert(mark)
            position += 1
            switch mark {
            case "@":
                schedule.start = try integer("a start step", after: "@", until: ["-", ":", "/", "~"], minimum: 0)
                if position < characters.count, characters[position] == "-" {
                    position += 1
                    let stopStart = position
                    let stop = try integer("a stop step", after: "-", until: [":", "/", "~"], minimum: 0)
                    guard stop > schedule.start else {
                        throw fail(stopStart, "stop step \(stop) must be after start step \(schedule.start)")
                    }
                    schedule.stop = stop
                }
            case ":":
                let dose = number(until: ["/", "~"])
                // The longest numeric prefix is the dose; the rest, with "/letters" after it
                // (kBq/kg; a cycle's "/" is followed by a digit), is the unit.
                var split = dose.text.count
                while split > 0, Double(String(dose.text.prefix(split))) == nil { split -= 1 }
                var unitText = String(dose.text.dropFirst(split)).trimmingWhitespace
                if !unitText.isEmpty, position + 1 < characters.count, characters[position] == "/", characters[position + 1].isLetter {
                    position += 1
                    let rest = number(until: ["~"])
                    unitText += "/" + rest.text.trimmingWhitespace
                }
                guard let value = Double(String(dose.text.prefix(split)).trimmingWhitespace), value.isFinite, value >= 0,
                      unitText.isEmpty || unitText.first?.isLetter == true
                else {
                    throw fail(dose.start, "expected a dose (a non-negative number, optionally with a unit such as kBq/kg or Gy) after ':', got '\(dose.text)'")
                }
                schedule.dose = value
                if !unitText.isEmpty { unit = unitText }
            case "/":
                let on = try integer("an on-length", after: "/", until: ["+", "~"], minimum: 1)
                guard position < characters.count, characters[position] == "+" else {
                    throw fail(position, "expected '+OFF' after the on-length: write /ON+OFF, e.g. /5+9")
                }
                position += 1
                let off = try integer("an off-length", after: "+", until: ["~"], minimum: 0)
                schedule.cycle = .init(on: on, off: off)
            default:
                let half = number(until: [])
                guard let value = Double(half.text), value.isFinite, value > 0 else {
                    throw fail(half.start, "expected a half-life (a positive number of steps) after '~', got '\(half.text)'")
                }
                schedule.halfLife = value
            }
        }
        return (id, schedule, unit)
    }
}

/// An intervention aimed at any node of any model (`--block`, `--deplete`, `--supply`).
public enum InterventionKind: String, Hashable, Sendable, CaseIterable {
    /// Scale the node's outgoing influence by `1 − efficacy` (an antibody, an inhibitor).
    case block
    /// Drive the node's target level toward 0 (a depleting antibody, a knockdown).
    case deplete
    /// Raise the node's target level to at least the dose (a recombinant cytokine, an agonist).
    case supply
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
