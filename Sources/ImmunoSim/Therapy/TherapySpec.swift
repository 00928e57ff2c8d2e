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

/// Parses therapy specs: `ID` (on from step 0 to the end) or `ID@START[-STOP][:DOSE]`
/// (`ANTI_PDL1@10`, `TAT@0:250`, `ANTI_PD1@5-20`).
///
/// `ID` must be a therapy node of the model or an input node (no in-edges, e.g. in a bnet model);
/// the therapy drives that node (``Therapy/node(_:schedule:)``). `STOP` is the first step without
/// treatment.
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
        let at = characters.firstIndex(of: "@")
        let idEnd = at ?? characters.firstIndex(of: ":") ?? characters.count
        let id = String(characters[0..<idEnd]).trimmingWhitespace
        guard !id.isEmpty else { throw fail(0, "expected a node identifier before '@'") }
        var schedule = Schedule()
        var position = idEnd
        func number(until stops: Set<Character>) -> (text: String, start: Int) {
            let start = position
            while position < characters.count, !stops.contains(characters[position]) { position += 1 }
            return (String(characters[start..<position]), start)
        }
        if at != nil {
            position += 1
            let start = number(until: ["-", ":"])
            guard let value = Int(start.text), value >= 0 else {
                throw fail(start.start, "expected a start step (a non-negative integer) after '@', got '\(start.text)'")
            }
            schedule.start = value
            if position < characters.count, characters[position] == "-" {
                position += 1
                let stop = number(until: [":"])
                guard let value = Int(stop.text), value >= 0 else {
                    throw fail(stop.start, "expected a stop step (a non-negative integer) after '-', got '\(stop.text)'")
                }
                guard value > schedule.start else {
                    throw fail(stop.start, "stop step \(value) must be after start step \(schedule.start)")
                }
                schedule.stop = value
            }
        }
        if position < characters.count {
            guard characters[position] == ":" else {
                throw fail(position, "expected '@START', '-STOP' or ':DOSE', got '\(characters[position])'")
            }
            guard at != nil else { throw fail(position, "a dose needs a start step: write \(id)@0:DOSE") }
            position += 1
            let dose = number(until: [])
            guard let value = Double(dose.text), value.isFinite, value >= 0 else {
                throw fail(dose.start, "expected a dose (a non-negative number) after ':', got '\(dose.text)'")
            }
            schedule.dose = value
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
