/// The bnet text format of BoolNet, pyboolnet, bioLQM, AEON and mpbn: one `target, rule` per line.
///
/// Reading: an optional `targets, factors` header; `#` comments (whole-line or trailing); rules in
/// ``ExpressionParser`` syntax; `A, A` marks an input (a node with no rule that keeps its level).
/// Every name a rule reads must have its own line. Signed edges are derived from each rule: a
/// regulator used only positively activates, only negatively inhibits, and one used both ways
/// (or compared with `==`) gets one edge of each sign with a note saying it is dual.
public enum BnetFormat {
    /// What to do with a name a rule reads that has no line of its own.
    public enum UndefinedNames: Sendable {
        /// Make it an input (no rule) and add an `undefined-input` warning to the graph's
        /// diagnostics. This is what pyboolnet and the BBM files expect (BBM omits `A, A` lines).
        case makeInputs
        /// Reject the file, naming the line and column of the rule.
        case error
    }

    /// Reads a bnet document.
    ///
    /// - Parameters:
    ///   - undefinedNames: the policy for names with no line of their own (default: make inputs).
    /// - Throws: ``ModelReadError`` with line and column for syntax errors, duplicate targets and
    ///   (with `.error`) undefined names.
    /// - Complexity: O(length of the text); one pass over the UTF-8 bytes.
    public static func read(
        _ text: String, name: String = "model", file: String? = nil, undefinedNames: UndefinedNames = .makeInputs
    ) throws -> MechanismGraph {
        var text = text
        let lines = try text.withUTF8 { bytes in
            var parser = BnetParser(bytes: bytes, file: file)
            return try parser.parseDocument()
        }
        guard !lines.isEmpty else {
            throw ModelReadError(file: file, line: 1, column: 1, message: "no rules found; expected lines 'target, rule'")
        }
        var lineOf: [String: Int] = [:]
        lineOf.reserveCapacity(lines.count)
        for (k, entry) in lines.enumerated() {
            if let previous = lineOf[entry.target] {
                throw ModelReadError(file: file, line: entry.line, column: entry.targetColumn,
                    message: "duplicate target '\(entry.target)' (first defined on line \(lines[previous].line))")
            }
            lineOf[entry.target] = k
        }
        var builder = GraphBuilder(name: name)
        var undefined: [String] = []
        var undefinedSeen: Set<String> = []
        for entry in lines {
            let isInput = entry.rule == .variable(entry.target)
            builder.add(Node(entry.target, rule: isInput ? nil : entry.rule))
            if isInput { continue }
            for variable in entry.rule.variables where lineOf[variable] == nil {
                if undefinedNames == .error {
                    throw ModelReadError(file: file, line: entry.line, column: entry.ruleColumn,
                        message: "rule of '\(entry.target)' reads '\(variable)', which has no rule of its own (add '\(variable), \(variable)' to make it an input)")
                }
                if undefinedSeen.insert(variable).inserted { undefined.append(variable) }
            }
        }
        for variable in undefined { builder.add(Node(variable)) }
        for entry in lines where entry.rule != .variable(entry.target) {
            for edge in derivedEdges(of: entry.rule, target: entry.target) { builder.add(edge) }
        }
        let graph: MechanismGraph
        do {
            graph = try builder.build()
        } catch {
            throw ModelReadError(file: file, message: error.description)
        }
        guard !undefined.isEmpty else { return graph }
        return graph.addingDiagnostics(undefined.map { variable in
            Diagnostic(.warning, code: "undefined-input", subject: variable,
                message: "'\(variable)' has no line of its own; read as an input (no rule)")
        })
    }

    /// The signed edges implied by `rule` for `target`, in order of first appearance.
    public static func derivedEdges(of rule: Expression, target: String) -> [Edge] {
        var polarity: [String: UInt8] = [:]
        var order: [String] = []
        rule.forEachAtom { atom, positive in
            if polarity[atom.node] == nil { order.append(atom.node) }
            let bit: UInt8 = atom.comparison == .equal ? 3 : (positive ? 1 : 2)
            polarity[atom.node, default: 0] |= bit
        }
        var edges: [Edge] = []
        for source in order {
            let bits = polarity[source] ?? 0
            if bits == 3 {
                let note = "dual: the rule reads \(source) both positively and negatively"
                edges.append(Edge(source, .activates, target, mechanism: .regulates, note: note))
                edges.append(Edge(source, .inhibits, target, mechanism: .regulates, note: note))
            } else {
                edges.append(Edge(source, bits == 1 ? .activates : .inhibits, target, mechanism: .regulates))
            }
        }
        return edges
    }

    /// Writes `graph` as bnet with a `targets, factors` header. Nodes without a rule use their
    /// inhibitor-dominant rule; nodes with no inputs are written as `A, A`.
    ///
    /// Multi-valued comparisons are written as-is (`A >= 2`), which only this package and tools
    /// that accept the extension read back.
    public static func write(_ graph: MechanismGraph, header: Bool = true) -> String {
        var lines: [String] = []
        if header { lines.append("targets, factors") }
        for (i, node) in graph.nodes.enumerated() {
            let rule = graph.effectiveRule(for: i)
            lines.append("\(node.id), \(rule.map(\.description) ?? node.id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "."
    }
}


extension MechanismGraph {
    /// The same graph with `extra` appended to its diagnostics (readers use it for format-level
    /// warnings, such as names a bnet file reads but does not define).
    func addingDiagnostics(_ extra: [Diagnostic]) -> MechanismGraph {
        MechanismGraph(
            name: name, nodes: nodes, edges: edges, backgrounds: backgrounds, diagnostics: diagnostics + extra,
            edgeSource: edgeSource, edgeTarget: edgeTarget, outOffsets: outOffsets, inOffsets: inOffsets,
            inEdgeList: inEdgeList, lookup: lookup)
    }
}
