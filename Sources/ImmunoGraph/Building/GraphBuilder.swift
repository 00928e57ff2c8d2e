/// Collects nodes, edges and backgrounds, then validates them into a ``MechanismGraph``.
///
/// ```swift
/// var builder = GraphBuilder(name: "toy")
/// builder.add(Node("IFNG", kind: .cytokine))
/// builder.add(Node("PDL1", kind: .checkpointLigand))
/// builder.add(Edge("IFNG", .activates, "PDL1", mechanism: .inducesExpression))
/// let graph = try builder.build()
/// ```
public struct GraphBuilder: Sendable {
    /// The model's name.
    public var name: String
    /// The nodes added so far, in order.
    public private(set) var nodes: [Node] = []
    /// The edges added so far, in order.
    public private(set) var edges: [Edge] = []
    /// The backgrounds added so far, in order.
    public private(set) var backgrounds: [Background] = []

    /// Readers whose edges are derived from the rules themselves (bnet) skip the rule/edge
    /// consistency check, which cannot fail for them and dominates the cost of large files.
    var rulesAreKnownConsistent = false

    /// Creates an empty builder.
    public init(name: String = "model") { self.name = name }

    /// Adds a node.
    public mutating func add(_ node: Node) { nodes.append(node) }
    /// Adds an edge.
    public mutating func add(_ edge: Edge) { edges.append(edge) }
    /// Adds a background.
    public mutating func add(_ background: Background) { backgrounds.append(background) }

    /// Adds a node with the given identifier and kind.
    public mutating func addNode(_ id: String, kind: NodeKind = .unspecified) { add(Node(id, kind: kind)) }

    /// Adds an edge `source -> target` or `source -| target`.
    public mutating func connect(_ source: String, _ sign: Sign, _ target: String, mechanism: Mechanism? = nil) {
        add(Edge(source, sign, target, mechanism: mechanism))
    }

    /// Replaces the node with identifier `id` by `transform(node)`; returns whether it was found.
    @discardableResult
    public mutating func updateNode(_ id: String, _ transform: (inout Node) -> Void) -> Bool {
        guard let i = nodes.firstIndex(where: { $0.id == id }) else { return false }
        transform(&nodes[i])
        return true
    }

    /// Removes every edge for which `shouldRemove` is true.
    public mutating func removeEdges(where shouldRemove: (Edge) -> Bool) { edges.removeAll(where: shouldRemove) }

    /// Validates and returns the immutable graph.
    ///
    /// Errors (all reported together in one ``GraphValidationError``): an empty node identifier,
    /// a duplicate identifier, an edge with an unknown endpoint, an edge declared twice with the
    /// same sign, an edge declared with both signs where neither carries a note, a therapy node
    /// with incoming edges, a maximum level outside 1…9 (or an initial level outside the node's
    /// levels), an identifier with a control character, a background clamp outside 0…1, a negative delay or one beyond
    /// ``Edge/maximumDelay``, a weight that is not
    /// finite, a rule that reads an unknown node, and — with `requireEvidence` — an edge without
    /// evidence. Warnings (kept in ``MechanismGraph/diagnostics``): a synonym that is already
    /// taken, and a rule that disagrees with the declared edges (ignores one, reads a regulator
    /// without an edge, or uses it with the opposite sign).
    ///
    /// - Complexity: O(N + E + total rule size), with one hash per identifier and endpoint.
    public func build(requireEvidence: Bool = false) throws(GraphValidationError) -> MechanismGraph {
        var edges = self.edges  // modulators get their threshold below
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        func fail(_ code: String, _ subject: String, _ message: String) {
            problems.append(Diagnostic(.error, code: code, subject: subject, message: message))
        }

        // Nodes and the identifier table.
        var lookup = IdentifierTable(capacity: nodes.count + nodes.reduce(0) { $0 + $1.synonyms.count })
        for (i, node) in nodes.enumerated() {
            if node.id.isEmpty {
                fail("empty-identifier", "node #\(i + 1)", "node has an empty identifier")
                continue
            }
            if lookup.updateValue(Int32(i), forKey: node.id) != nil {
                fail("duplicate-identifier", node.id, "identifier '\(node.id)' is declared more than once")
            }
            if !(1...9).contains(node.maxLevel) {
                fail("max-level", node.id, "maximum level \(node.maxLevel) is outside 1...9")
            } else if let initial = node.initialLevel, !(0...node.maxLevel).contains(initial) {
                fail("initial-level", node.id, "initial level \(initial) is outside 0...\(node.maxLevel) (the node's levels)")
            }
            for dose in node.fullEffect where !(dose.value.isFinite && dose.value > 0) || dose.unit.allSatisfy(\.isWhitespace) {
                fail("full-effect", node.id, "full-effect dose \(dose.value) '\(dose.unit)' needs a positive finite value and a unit")
            }
            if let bad = node.id.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
                fail("control-character", "node #\(i + 1)",
                    "identifier contains the control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4)); identifiers are printable text")
            }
        }
        for node in nodes where !node.id.isEmpty {
            for synonym in node.synonyms where synonym != node.id {
                if let other = lookup[synonym], nodes[Int(other)].id != node.id {
                    warnings.append(
                        Diagnostic(.warning, code: "synonym-taken", subject: node.id,
                            message: "synonym '\(synonym)' already names '\(nodes[Int(other)].id)'; ignored"))
                } else {
                    if let own = lookup[node.id] { lookup.updateValue(own, forKey: synonym) }
                }
            }
        }
        func resolve(_ id: String) -> Int32? {
            guard let i = lookup[id], nodes[Int(i)].id == id else { return nil }
            return i
        }

        // Edges: resolve endpoints by identifier (not synonym), then counting-sort by source.
        let n = nodes.count
        var sources = [Int32](repeating: -1, count: edges.count)
        var targets = [Int32](repeating: -1, count: edges.count)
        var valid = [Bool](repeating: true, count: edges.count)
        for (e, edge) in edges.enumerated() {
            let s = resolve(edge.source)
            let t = resolve(edge.target)
            if s == nil {
                fail("unknown-endpoint", edge.arrowDescription, "source '\(edge.source)' is not a node")
            }
            if t == nil {
                fail("unknown-endpoint", edge.arrowDescription, "target '\(edge.target)' is not a node")
            }
            if let s, let t {
                sources[e] = s
                targets[e] = t
                // A modulator without a stated threshold counts from just above its source's
                // maximum level (Edge.modulator).
                if edge.modulator && edge.threshold == nil {
                    edges[e].threshold = Double(nodes[Int(s)].maxLevel) + 0.01
                }
            } else {
                valid[e] = false
            }
            if edge.delay < 0 {
                fail("negative-delay", edge.arrowDescription, "delay \(edge.delay) is negative")
            } else if edge.delay > Edge.maximumDelay {
                fail("delay-limit", edge.arrowDescription,
                    "delay \(edge.delay) is beyond the limit of \(Edge.maximumDelay) steps (a simulation keeps delay + 1 states of every node)")
            }
            if !edge.weight.isFinite {
                fail("weight", edge.arrowDescription, "weight \(edge.weight) is not a finite number")
            }
            if requireEvidence && edge.evidence.isEmpty {
                fail("missing-evidence", edge.arrowDescription, "edge has no evidence record")
            }
            if let t, nodes[Int(t)].isTherapy {
                fail("therapy-input", edge.arrowDescription,
                    "therapy '\(edge.target)' has an incoming edge; therapies only act on the model")
            }
        }

        // Same pair declared twice: same sign is an error; both signs need a note.
        var signSeen = [UInt8](repeating: 0, count: n)  // bit 1: +, bit 2: -
        var noteSeen = [Bool](repeating: false, count: n)
        var stamp = [Int32](repeating: -1, count: n)
        var outCount = [Int32](repeating: 0, count: n + 1)
        for e in edges.indices where valid[e] { outCount[Int(sources[e]) + 1] += 1 }
        for i in 0..<n { outCount[i + 1] += outCount[i] }
        var outOrder = [Int32](repeating: 0, count: edges.count)
        var cursor = outCount
        for e in edges.indices where valid[e] {
            let s = Int(sources[e])
            outOrder[Int(cursor[s])] = Int32(e)
            cursor[s] += 1
        }
        let validCount = Int(outCount[n])
        for s in 0..<n {
            for k in Int(outCount[s])..<Int(outCount[s + 1]) {
                let e = Int(outOrder[k])
                let t = Int(targets[e])
                if stamp[t] != Int32(s) {
                    stamp[t] = Int32(s)
                    signSeen[t] = 0
                    noteSeen[t] = false
                }
                let bit: UInt8 = edges[e].sign == .activates ? 1 : 2
                if signSeen[t] & bit != 0 {
                    fail("duplicate-edge", edges[e].arrowDescription,
                        "edge is declared twice with the same sign; merge the evidence into one edge")
                }
                let hadOther = signSeen[t] & (3 ^ bit) != 0
                signSeen[t] |= bit
                noteSeen[t] = noteSeen[t] || edges[e].note != nil
                if hadOther && !noteSeen[t] {
                    fail("conflicting-signs", "\(edges[e].source) -> \(edges[e].target)",
                        "edge is declared with both signs and neither carries a note explaining why")
                }
            }
        }

        // Rules: unknown names are errors; disagreements with the edges are warnings.
        if !rulesAreKnownConsistent {
            checkRules(resolve: resolve, sources: sources, targets: targets, valid: valid, problems: &problems,
                warnings: &warnings)
        }

        // Multi-valued rules: names must be nodes, levels within the node's range.
        for node in nodes {
            guard let rules = node.levelRules else { continue }
            for level in rules.terms.map(\.level) + [rules.defaultLevel] where !(0...node.maxLevel).contains(level) {
                fail("level-rule", node.id, "level rule gives level \(level), outside 0...\(node.maxLevel)")
            }
            for term in rules.terms {
                for name in term.condition.variables where resolve(name) == nil {
                    fail("unknown-node", node.id, "level rule '\(term.condition)' reads '\(name)', which is not a node")
                }
            }
        }

        for background in backgrounds {
            for clamp in background.clamps where !(0...1).contains(clamp.level) {
                fail("clamp-level", "background \(background.name)",
                    "clamp of '\(clamp.node)' is \(clamp.level); a clamp is a fraction of the node's maximum, 0...1")
            }
            for clamp in background.clamps where resolve(clamp.node) == nil {
                fail("unknown-node", "background \(background.name)",
                    "clamp names '\(clamp.node)', which is not a node")
            }
        }

        guard problems.isEmpty else { throw GraphValidationError(problems: problems + warnings) }

        // Final storage.
        var sortedEdges: [Edge] = []
        sortedEdges.reserveCapacity(validCount)
        var edgeSource = [Int32](repeating: 0, count: validCount)
        var edgeTarget = [Int32](repeating: 0, count: validCount)
        for k in 0..<validCount {
            let e = Int(outOrder[k])
            sortedEdges.append(edges[e])
            edgeSource[k] = sources[e]
            edgeTarget[k] = targets[e]
        }
        var inOffsets = [Int32](repeating: 0, count: n + 1)
        for k in 0..<validCount { inOffsets[Int(edgeTarget[k]) + 1] += 1 }
        for i in 0..<n { inOffsets[i + 1] += inOffsets[i] }
        var inEdgeList = [Int32](repeating: 0, count: validCount)
        var inCursor = inOffsets
        for k in 0..<validCount {
            let t = Int(edgeTarget[k])
            inEdgeList[Int(inCursor[t])] = Int32(k)
            inCursor[t] += 1
        }
        return MechanismGraph(
            name: name, nodes: nodes, edges: sortedEdges, backgrounds: backgrounds, diagnostics: warnings,
            edgeSource: edgeSource, edgeTarget: edgeTarget, outOffsets: outCount, inOffsets: inOffsets,
            inEdgeList: inEdgeList, lookup: lookup)
    }

    private func checkRules(
        resolve: (String) -> Int32?, sources: [Int32], targets: [Int32], valid: [Bool],
        problems: inout [Diagnostic], warnings: inout [Diagnostic]
    ) {
        var hasRule = false
        for node in nodes where node.rule != nil { hasRule = true; break }
        guard hasRule else { return }
        // Bits of the declared edges and of the rule's uses of one source. A declared pair without
        // `strongEdge` (every edge a modulator: a weak brake or a gain) scales a rule that does
        // not read its source under the graded semantics (`MechanismGraph.scalingModulators(of:)`),
        // so ignoring it is intended.
        let positive: UInt8 = 1, negative: UInt8 = 2, sign: UInt8 = positive | negative
        let nonMonotone: UInt8 = 4, strongEdge: UInt8 = 8
        var declared: [Int32: [Int32: UInt8]] = [:]
        for e in edges.indices where valid[e] && nodes[Int(targets[e])].rule != nil {
            declared[targets[e], default: [:]][sources[e], default: 0] |=
                (edges[e].sign == .activates ? positive : negative) | (edges[e].modulator ? 0 : strongEdge)
        }
        for (i, node) in nodes.enumerated() {
            guard let rule = node.rule else { continue }
            var used: [Int32: UInt8] = [:]  // positive, negative or non-monotone (==) uses
            var unknown: [String] = []
            rule.forEachAtom { atom, isPositive in
                guard let r = resolve(atom.node) else {
                    if !unknown.contains(atom.node) { unknown.append(atom.node) }
                    return
                }
                let bit: UInt8 = atom.comparison == .equal ? nonMonotone : (isPositive ? positive : negative)
                used[r, default: 0] |= bit
            }
            for name in unknown {
                problems.append(
                    Diagnostic(.error, code: "unknown-node", subject: node.id,
                        message: "rule '\(rule)' reads '\(name)', which is not a node"))
            }
            let edgesIn = declared[Int32(i)] ?? [:]
            for (source, signs) in edgesIn.sorted(by: { $0.key < $1.key }) {
                let sourceID = nodes[Int(source)].id
                guard let use = used[source] else {
                    if signs & strongEdge == 0 { continue }
                    warnings.append(
                        Diagnostic(.warning, code: "rule-ignores-edge", subject: node.id,
                            message: "rule '\(rule)' does not read '\(sourceID)' although an edge \(sourceID) -> \(node.id) is declared"))
                    continue
                }
                if use & nonMonotone == 0 && use & signs & sign == 0 {
                    let declaredSign = signs & sign == positive ? "activates" : "inhibits"
                    warnings.append(
                        Diagnostic(.warning, code: "rule-sign-mismatch", subject: node.id,
                            message: "rule '\(rule)' uses '\(sourceID)' with the opposite sign to its edge (\(sourceID) \(declaredSign) \(node.id))"))
                }
            }
            for (source, _) in used.sorted(by: { $0.key < $1.key }) where edgesIn[source] == nil && Int(source) != i {
                let sourceID = nodes[Int(source)].id
                warnings.append(
                    Diagnostic(.warning, code: "rule-without-edge", subject: node.id,
                        message: "rule '\(rule)' reads '\(sourceID)' but no edge \(sourceID) -> \(node.id) is declared"))
            }
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
