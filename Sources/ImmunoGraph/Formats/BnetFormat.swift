/// The bnet text format of BoolNet, pyboolnet, bioLQM, AEON and mpbn: one `target, rule` per line.
///
/// Reading: an optional `targets, factors` header; `#` comments (whole-line or trailing); rules in
/// ``ExpressionParser`` syntax; `A, A` marks an input (a node with no rule that keeps its level).
/// Every name a rule reads must have its own line. Signed edges are derived from each rule: a
/// regulator used only positively activates, only negatively inhibits, and one used both ways
/// (or compared with `==`) gets one edge of each sign with a note saying it is dual.
public enum BnetFormat {
    /// Reads a bnet document.
    ///
    /// - Throws: ``ModelReadError`` with line and column for syntax errors, duplicate targets and
    ///   undefined names.
    /// - Complexity: O(length of the text).
    public static func read(_ text: String, name: String = "model", file: String? = nil) throws -> MechanismGraph {
        var order: [String] = []
        var rules: [String: (rule: Expression?, line: Int, column: Int)] = [:]
        var lineNumber = 0
        var sawHeader = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            guard let comma = line.firstIndex(of: ",") else {
                throw ModelReadError(file: file, line: lineNumber, column: 1,
                    message: "expected 'target, rule' (no comma on this line)")
            }
            let target = line[..<comma].trimmingCharacters(in: " \t\r")
            let ruleStart = line.index(after: comma)
            let ruleText = String(line[ruleStart...])
            let ruleColumn = line[..<ruleStart].unicodeScalars.count
            if !sawHeader && order.isEmpty && target.lowercased() == "targets" {
                sawHeader = true
                continue
            }
            guard !target.isEmpty, target.unicodeScalars.allSatisfy(isNameCharacter),
                !target.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" })
            else {
                throw ModelReadError(file: file, line: lineNumber, column: 1,
                    message: "'\(target)' is not a valid node name (letters, digits, '_' and '.')")
            }
            if let previous = rules[target] {
                throw ModelReadError(file: file, line: lineNumber, column: 1,
                    message: "duplicate target '\(target)' (first defined on line \(previous.line))")
            }
            let rule: Expression
            do throws(ExpressionSyntaxError) {
                rule = try ExpressionParser.parse(ruleText, line: lineNumber, columnOffset: ruleColumn)
            } catch {
                throw ModelReadError(file: file, line: error.line, column: error.column, message: error.message)
            }
            let isInput = rule == .variable(target)
            rules[target] = (isInput ? nil : rule, lineNumber, ruleColumn + 1)
            order.append(target)
        }
        // Undefined names.
        for target in order {
            guard let entry = rules[target], let rule = entry.rule else { continue }
            for variable in rule.variables where rules[variable] == nil {
                throw ModelReadError(file: file, line: entry.line, column: entry.column,
                    message: "rule of '\(target)' reads '\(variable)', which has no rule of its own (add '\(variable), \(variable)' to make it an input)")
            }
        }
        var builder = GraphBuilder(name: name)
        for target in order {
            builder.add(Node(target, rule: rules[target]?.rule ?? nil))
        }
        for target in order {
            guard let rule = rules[target]?.rule else { continue }
            for edge in derivedEdges(of: rule, target: target) { builder.add(edge) }
        }
        do {
            return try builder.build()
        } catch {
            throw ModelReadError(file: file, message: error.description)
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

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
