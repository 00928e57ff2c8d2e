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
    ///   - text: the bnet document, one `target, rule` line per node.
    ///   - name: the name of the resulting graph (default `"model"`).
    ///   - file: the file name used in error messages, or `nil` when the text has no file.
    ///   - undefinedNames: the policy for names with no line of their own (default: make inputs).
    /// - Throws: ``ModelReadError`` with line and column for syntax errors, duplicate targets and
    ///   (with `.error`) undefined names.
    /// - Complexity: O(length of the text); one pass over the UTF-8 bytes.
    public static func read(
        _ text: String, name: String = "model", file: String? = nil, undefinedNames: UndefinedNames = .makeInputs
    ) throws -> MechanismGraph {
        var text = text.droppingByteOrderMark
        let (lines, atoms, names) = try text.withUTF8 { bytes in
            var parser = BnetParser(bytes: bytes, file: file)
            let lines = try parser.parseDocument()
            return (lines, parser.atoms, parser.names)
        }
        guard !lines.isEmpty else {
            throw ModelReadError(file: file, line: 1, column: 1, message: "no rules found; expected lines 'target, rule'")
        }
        // Everything below works on interned name indices: no hashing of strings.
        var lineOf = [Int32](repeating: -1, count: names.count)
        for (k, entry) in lines.enumerated() {
            let t = Int(entry.targetIndex)
            if lineOf[t] >= 0 {
                throw ModelReadError(file: file, line: entry.line, column: entry.targetColumn,
                    message: "duplicate target '\(entry.target)' (first defined on line \(lines[Int(lineOf[t])].line))")
            }
            lineOf[t] = Int32(k)
        }
        var builder = GraphBuilder(name: name)
        builder.rulesAreKnownConsistent = true
        var isUndefined = [Bool](repeating: false, count: names.count)
        var undefined: [Int] = []
        var firstUse: [Int: Int] = [:]
        var isInput = [Bool](repeating: false, count: lines.count)
        for (k, entry) in lines.enumerated() {
            isInput[k] = entry.atomEnd - entry.atomStart == 1 && atoms[entry.atomStart].name == entry.targetIndex
                && entry.rule == .variable(entry.target)
            builder.add(Node(entry.target, rule: isInput[k] ? nil : entry.rule))
            if isInput[k] { continue }
            for a in entry.atomStart..<entry.atomEnd {
                let n = Int(atoms[a].name)
                guard lineOf[n] < 0, !isUndefined[n] else { continue }
                if undefinedNames == .error {
                    throw ModelReadError(file: file, line: entry.line, column: entry.ruleColumn,
                        message: "rule of '\(entry.target)' reads '\(names[n])', which has no rule of its own (add '\(names[n]), \(names[n])' to make it an input)")
                }
                isUndefined[n] = true
                undefined.append(n)
                firstUse[n] = entry.line
            }
        }
        for n in undefined { builder.add(Node(names[n])) }
        // Signed edges from the recorded atom polarities (dual = one edge of each sign, with a note).
        var bits = [UInt8](repeating: 0, count: names.count)
        var order: [Int32] = []
        for (k, entry) in lines.enumerated() where !isInput[k] {
            order.removeAll(keepingCapacity: true)
            for a in entry.atomStart..<entry.atomEnd {
                let (n, b) = atoms[a]
                if bits[Int(n)] == 0 { order.append(n) }
                bits[Int(n)] |= b
            }
            for n in order {
                let source = names[Int(n)]
                switch bits[Int(n)] {
                case 1: builder.add(Edge(source, .activates, entry.target, mechanism: .regulates))
                case 2: builder.add(Edge(source, .inhibits, entry.target, mechanism: .regulates))
                default:
                    let note = "dual: the rule reads \(source) both positively and negatively"
                    builder.add(Edge(source, .activates, entry.target, mechanism: .regulates, note: note))
                    builder.add(Edge(source, .inhibits, entry.target, mechanism: .regulates, note: note))
                }
                bits[Int(n)] = 0
            }
        }
        let graph: MechanismGraph
        do {
            graph = try builder.build()
        } catch {
            throw ModelReadError(file: file, message: error.description)
        }
        guard !undefined.isEmpty else { return graph }
        let targets = lines.map(\.target)
        return graph.addingDiagnostics(undefined.map { n in
            let guess = Suggestion.nearest(to: names[n], in: targets).map { "; did you mean '\($0)'?" } ?? ""
            let line = firstUse[n].map { " (read on line \($0))" } ?? ""
            return Diagnostic(.warning, code: "undefined-input", subject: names[n],
                message: "'\(names[n])'\(line) has no line of its own; read as an input (no rule)\(guess)")
        })
    }

    /// One `target, rule` line of a bnet document.
    public struct RuleLine: Hashable, Sendable {
        /// The target node.
        public var target: String
        /// The rule (for an input `A, A`, the rule `A`).
        public var rule: Expression
        /// The 1-based line number.
        public var line: Int
    }

    /// Parses the rules of a bnet document without building a graph (no undefined-name or
    /// duplicate check): the syntax phase of ``read(_:name:file:undefinedNames:)``, for tools that
    /// only need the logic.
    ///
    /// - Throws: ``ModelReadError`` with line and column.
    /// - Complexity: O(length of the text); one pass over the UTF-8 bytes.
    public static func parseRules(_ text: String, file: String? = nil) throws -> [RuleLine] {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = BnetParser(bytes: bytes, file: file)
            return try parser.parseDocument().map { RuleLine(target: $0.target, rule: $0.rule, line: $0.line) }
        }
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
    /// bnet is Boolean. By default a model with a multi-valued node (``Node/maxLevel`` above 1) is
    /// refused rather than written with its levels silently lost. With `thermometer`, each such
    /// node `X` (maximum `m`) is written as the variables `X` (level ≥ 1), `X_b2`, …, `X_bm` of the
    /// thermometer coding, with `A >= k` read as `A_bk` (see ``MaBoSSFormat``): exact under
    /// **asynchronous** updating (pyboolnet, AEON, BoolNet's asynchronous mode), not under
    /// synchronous updating. Comparisons in the rules of a Boolean model are written as-is
    /// (`A >= 2`), which only this package and tools that accept the extension read back.
    ///
    /// - Throws: ``ModelWriteError`` naming the first multi-valued node (without `thermometer`)
    ///   or the first identifier bnet cannot spell.
    public static func write(_ graph: MechanismGraph, header: Bool = true, thermometer: Bool = false) throws(ModelWriteError) -> String {
        if !thermometer, let node = graph.nodes.first(where: { $0.maxLevel > 1 }) {
            let count = graph.nodes.filter { $0.maxLevel > 1 }.count
            throw ModelWriteError(format: "bnet",
                message: "bnet is Boolean, but node '\(node.id)' is multi-valued (levels 0...\(node.maxLevel))"
                    + (count > 1 ? " and so are \(count - 1) other node(s)" : "")
                    + "; write SBML-qual or JSON instead (--to sbml or --to json), or the thermometer coding "
                    + "(--levels thermometer: one variable per level, exact under asynchronous updating)")
        }
        if let node = graph.nodes.first(where: { node in
            node.id.isEmpty || !node.id.unicodeScalars.allSatisfy(isNameCharacter)
        }) {
            let count = graph.nodes.filter { !$0.id.unicodeScalars.allSatisfy(isNameCharacter) }.count
            let shown = node.id.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            throw ModelWriteError(format: "bnet",
                message: "node id '\(shown.prefix(60))' cannot be written to bnet (names are letters, digits, '_' and '.')"
                    + (count > 1 ? " and \(count - 1) other id(s) cannot either" : "")
                    + "; rename the node(s) or write SBML-qual or JSON instead")
        }
        var lines: [String] = []
        if header { lines.append("targets, factors") }
        if thermometer {
            let coding = ThermometerCoding(graph, thermometer: true, identifier: { $0 })
            for (i, names) in coding.names.enumerated() {
                for (k, name) in zip(1..., names) {
                    lines.append("\(name), \(coding.logic(of: i, atLeast: k).map(\.description) ?? name)")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
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
