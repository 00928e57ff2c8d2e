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
                guard let value = Double(dose.text), value.isFinite, value >= 0 else {
                    throw fail(dose.start, "expected a dose (a non-negative number) after ':', got '\(dose.text)'")
                }
                schedule.dose = value
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
        guard let index = graph.index(of: id) else {
            throw fail(0, graph.unknownNodeMessage(id))
        }
        let node = graph.nodes[index]
        guard node.isTherapy || graph.inDegree(of: index) == 0 else {
            let candidates = graph.nodes.indices.filter { graph.nodes[$0].isTherapy || graph.inDegree(of: $0) == 0 }
                .map { graph.nodes[$0].id }
            throw fail(0, "'\(node.id)' is neither a therapy nor an input node of model '\(graph.name)'"
                + (candidates.isEmpty ? "" : "; therapies and inputs: \(candidates.joined(separator: ", "))"))
        }
        return Therapy.node(node.id, schedule: schedule)
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
