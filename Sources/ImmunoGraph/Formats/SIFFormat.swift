/// The Simple Interaction Format (Cytoscape, CellNOpt, INDRA, PyDrugLogics): `source TYPE target…`.
///
/// SIF carries signs only. Reading leaves every ``Node/rule`` `nil`, so engines use the
/// inhibitor-dominant rule (`(OR activators) & !(OR inhibitors)`, see
/// ``MechanismGraph/inhibitorDominantRule(for:)``) — the INDRA / DrugLogics convention.
public enum SIFFormat {
    /// How signs are spelled.
    public enum SignStyle: String, Sendable, CaseIterable {
        /// `1` / `-1` (CellNOpt, INDRA).
        case numeric
        /// `->` / `-|` (DrugLogics).
        case arrows
        /// `activates` / `inhibits`.
        case words
    }

    /// Writes one tab-separated line per edge; nodes without edges are written alone on a line.
    public static func write(_ graph: MechanismGraph, style: SignStyle = .numeric) -> String {
        var out = ""
        var connected = [Bool](repeating: false, count: graph.nodeCount)
        for e in graph.edges.indices {
            connected[graph.source(ofEdge: e)] = true
            connected[graph.target(ofEdge: e)] = true
        }
        for (i, node) in graph.nodes.enumerated() where !connected[i] { out += node.id + "\n" }
        for edge in graph.edges {
            let type: String
            switch style {
            case .numeric: type = edge.sign == .activates ? "1" : "-1"
            case .arrows: type = edge.sign.arrow
            case .words: type = edge.sign == .activates ? "activates" : "inhibits"
            }
            out += "\(edge.source)\t\(type)\t\(edge.target)\n"
        }
        return out
    }

    static let signs: [String: Sign] = [
        "1": .activates, "+1": .activates, "+": .activates, "->": .activates, "activates": .activates,
        "activation": .activates, "positive": .activates,
        "-1": .inhibits, "-": .inhibits, "-|": .inhibits, "inhibits": .inhibits, "inhibition": .inhibits,
        "negative": .inhibits,
    ]

    /// Reads SIF in any of the three sign styles (detected per line). Lines may be tab- or
    /// space-separated, list several targets, or hold one isolated node; `#` starts a comment.
    ///
    /// - Throws: ``ModelReadError`` naming the line and column of an unknown interaction type or
    ///   an invalid line, or naming the file when it holds no node at all.
    public static func read(_ text: String, name: String = "model", file: String? = nil) throws -> MechanismGraph {
        var builder = GraphBuilder(name: name)
        var known: Set<String> = []
        var seen: [String: Set<Sign>] = [:]  // "source\ttarget" → signs
        var edges: [Edge] = []
        func addNode(_ id: String) {
            if known.insert(id).inserted { builder.add(Node(id)) }
        }
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split on every line ending (LF, CRLF, CR).
        for raw in text.droppingByteOrderMark.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            lineNumber += 1
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            var fields: [(String, Int)] = []
            var column = 1
            var current = ""
            var start = 1
            for c in line.unicodeScalars {
                if c == " " || c == "\t" || c == "\r" {
                    if !current.isEmpty { fields.append((current, start)) }
                    current = ""
                } else {
                    if current.isEmpty { start = column }
                    if c.value < 0x20 || c.value == 0x7F {
                        throw ModelReadError(file: file, line: lineNumber, column: column,
                            message: "control character U+\(String(String(c.value, radix: 16, uppercase: true).leftPadded(4))) in a SIF line")
                    }
                    current.unicodeScalars.append(c)
                }
                column += 1
            }
            if !current.isEmpty { fields.append((current, start)) }
            if fields.isEmpty { continue }
            if fields.count == 1 {
                addNode(fields[0].0)
                continue
            }
            guard fields.count >= 3 else {
                throw ModelReadError(file: file, line: lineNumber, column: fields[1].1,
                    message: "expected 'source TYPE target' (a type and at least one target), found two fields")
            }
            guard let sign = signs[fields[1].0.lowercased()] else {
                throw ModelReadError(file: file, line: lineNumber, column: fields[1].1,
                    message: "unknown interaction type '\(fields[1].0)'; expected 1/-1, ->/-|, or activates/inhibits")
            }
            addNode(fields[0].0)
            for (target, _) in fields.dropFirst(2) {
                addNode(target)
                let key = fields[0].0 + "\t" + target
                if seen[key, default: []].insert(sign).inserted {
                    edges.append(Edge(fields[0].0, sign, target, mechanism: .regulates))
                }
            }
        }
        guard !known.isEmpty else {
            throw ModelReadError(file: file, line: 1, column: 1,
                message: "no interactions found (the file is empty or only comments); expected lines 'source TYPE target'")
        }
        for var edge in edges {
            if seen[edge.source + "\t" + edge.target]?.count == 2 {
                edge.note = "dual: the SIF file lists \(edge.source) as both activating and inhibiting \(edge.target)"
            }
            builder.add(edge)
        }
        do {
            return try builder.build()
        } catch {
            throw ModelReadError(file: file, message: error.description)
        }
    }
}
