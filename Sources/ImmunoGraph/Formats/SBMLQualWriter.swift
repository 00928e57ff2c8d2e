/// Writes SBML Level 3 qual (SBML-qual v1) documents that GINsim, bioLQM, AEON, MaBoSS and BBM read.
///
/// One transition per node with logic (its explicit rule, its ``Node/levelRules``, or — marked
/// `ig:ruleDerived` — the inhibitor-dominant rule of its in-edges); one `qual:input` per regulator
/// with `qual:sign` positive/negative/dual. Math uses only `and`, `or`, `not`, `eq`, `geq`,
/// `true`, `false`. Node and edge details and evidence travel in annotations
/// (``SBMLAnnotations``) and human-readable XHTML notes, so ``SBMLQualReader`` restores the graph.
///
/// Identifiers that are not SBML SIds (e.g. containing `.` or `-`) are rewritten (`_`) and the
/// original kept in the annotation.
public enum SBMLQualWriter {
    /// The SBML text of `graph`.
    ///
    /// - Complexity: O(N + E + total rule size).
    public static func write(_ graph: MechanismGraph) -> String {
        var used: Set<String> = []
        func sid(_ text: String, prefix: String) -> String {
            var s = ""
            for c in text.unicodeScalars {
                let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
                s.unicodeScalars.append(ok ? c : "_")
            }
            if s.isEmpty || (s.unicodeScalars.first.map { $0 >= "0" && $0 <= "9" } ?? true) { s = prefix + s }
            var candidate = s
            var k = 2
            while used.contains(candidate) {
                candidate = "\(s)_\(k)"
                k += 1
            }
            used.insert(candidate)
            return candidate
        }
        var ids: [String: String] = [:]
        for node in graph.nodes { ids[node.id] = sid(node.id, prefix: "n_") }
        var compartments: [String: String] = [:]
        var compartmentOrder: [String] = []
        for node in graph.nodes {
            let c = node.compartment ?? "default"
            if compartments[c] == nil {
                compartments[c] = sid("c_" + c, prefix: "c_")
                compartmentOrder.append(c)
            }
        }
        if compartmentOrder.isEmpty {
            compartments["default"] = sid("c_default", prefix: "c_")
            compartmentOrder.append("default")
        }
        let maxLevels = Dictionary(graph.nodes.map { (ids[$0.id] ?? $0.id, $0.maxLevel) }, uniquingKeysWith: { a, _ in a })

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version1/core\" level=\"3\" version=\"1\""
        out += " xmlns:qual=\"\(SBMLQualReader.qualNamespace)\" qual:required=\"true\">\n"
        out += "<model id=\"\(sid(graph.name, prefix: "m_"))\" name=\"\(XMLText.escape(graph.name))\">\n"
        if !graph.backgrounds.isEmpty {
            out += "<annotation>"
            // One top-level element per namespace (libsbml 10402): backgrounds inside <ig:backgrounds>.
            out += "<ig:backgrounds xmlns:ig=\"\(SBMLAnnotations.namespace)\">"
            for background in graph.backgrounds {
                out += "<ig:background" + SBMLAnnotations.attribute("name", background.name)
                out += SBMLAnnotations.attribute("summary", background.summary) + ">"
                for clamp in background.clamps {
                    out += "<ig:clamp" + SBMLAnnotations.attribute("node", clamp.node) + SBMLAnnotations.attribute("level", "\(clamp.level)") + "/>"
                }
                out += "</ig:background>"
            }
            out += "</ig:backgrounds></annotation>\n"
        }
        out += "<listOfCompartments>\n"
        for c in compartmentOrder {
            out += "<compartment id=\"\(compartments[c] ?? "c_default")\" name=\"\(XMLText.escape(c))\" constant=\"true\"/>\n"
        }
        out += "</listOfCompartments>\n<qual:listOfQualitativeSpecies>\n"
        for (i, node) in graph.nodes.enumerated() {
            let id = ids[node.id] ?? node.id
            out += "<qual:qualitativeSpecies metaid=\"meta_\(id)\" qual:id=\"\(id)\" qual:name=\"\(XMLText.escape(node.name))\""
            out += " qual:compartment=\"\(compartments[node.compartment ?? "default"] ?? "c_default")\""
            out += " qual:constant=\"false\" qual:maxLevel=\"\(node.maxLevel)\""
            if let level = node.initialLevel { out += " qual:initialLevel=\"\(level)\"" }
            out += ">"
            let derived = node.rule == nil && node.levelRules == nil && graph.inhibitorDominantRule(for: i) != nil
            SBMLAnnotations.writeNode(node, ruleDerived: derived, into: &out)
            out += "</qual:qualitativeSpecies>\n"
        }
        out += "</qual:listOfQualitativeSpecies>\n<qual:listOfTransitions>\n"
        let rename: (String) -> String = { ids[$0] ?? $0 }
        for (i, node) in graph.nodes.enumerated() {
            let levelRules: LevelRules
            if let rules = node.levelRules {
                levelRules = rules
            } else if let rule = graph.effectiveRule(for: i) {
                levelRules = LevelRules(terms: [LevelRule(rule, level: node.maxLevel)], defaultLevel: 0)
            } else {
                continue
            }
            let id = ids[node.id] ?? node.id
            out += "<qual:transition qual:id=\"tr_\(id)\">\n<qual:listOfInputs>\n"
            // One input per regulator: declared edges first, then rule variables without an edge.
            var order: [String] = []
            var grouped: [String: [Edge]] = [:]
            for e in graph.inEdges(of: i) {
                let edge = graph.edges[e]
                if grouped[edge.source] == nil { order.append(edge.source) }
                grouped[edge.source, default: []].append(edge)
            }
            var ruleSigns: [String: UInt8] = [:]
            for term in levelRules.terms {
                term.condition.forEachAtom { atom, positive in
                    if grouped[atom.node] == nil && ruleSigns[atom.node] == nil { order.append(atom.node) }
                    ruleSigns[atom.node, default: 0] |= atom.comparison == .equal ? 3 : (positive ? 1 : 2)
                }
            }
            for (k, source) in order.enumerated() {
                let inputID = "in_\(id)_\(k + 1)"
                let edges = grouped[source] ?? []
                let bits = edges.isEmpty ? (ruleSigns[source] ?? 1) : edges.reduce(UInt8(0)) { $0 | ($1.sign == .activates ? 1 : 2) }
                let sign = bits == 3 ? "dual" : (bits == 1 ? "positive" : "negative")
                // A single plain edge (what a bnet or SIF import gives) is fully described by the
                // input's own attributes: no metaid or ig:edge annotation (a third of the file).
                let plain = edges.count == 1 && edges.allSatisfy {
                    $0.mechanism == .regulates && $0.weight == 1 && $0.delay == 0 && $0.threshold == nil && $0.hill == nil
                        && $0.evidence.isEmpty && $0.note == nil
                }
                out += "<qual:input qual:id=\"\(inputID)\"" + (plain ? "" : " metaid=\"meta_\(inputID)\"")
                out += " qual:qualitativeSpecies=\"\(rename(source))\" qual:transitionEffect=\"none\" qual:sign=\"\(sign)\""
                if let t = edges.first?.threshold, t >= 1, t == t.rounded(), t < 10 {
                    out += " qual:thresholdLevel=\"\(Int(t))\""
                }
                if plain {
                    out += "/>\n"
                    continue
                }
                out += ">"
                if edges.isEmpty {
                    out += "<annotation><ig:noEdge xmlns:ig=\"\(SBMLAnnotations.namespace)\"/></annotation>"
                } else {
                    SBMLAnnotations.writeEdges(edges, metaid: "meta_\(inputID)", into: &out)
                }
                out += "</qual:input>\n"
            }
            out += "</qual:listOfInputs>\n<qual:listOfOutputs>"
            out += "<qual:output qual:qualitativeSpecies=\"\(id)\" qual:transitionEffect=\"assignmentLevel\"/>"
            out += "</qual:listOfOutputs>\n<qual:listOfFunctionTerms>\n"
            out += "<qual:defaultTerm qual:resultLevel=\"\(levelRules.defaultLevel)\"/>\n"
            for term in levelRules.terms {
                out += "<qual:functionTerm qual:resultLevel=\"\(term.level)\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                MathMLWriter.write(term.condition.renamingNodes(rename), maxLevel: { maxLevels[$0] ?? 1 }, into: &out)
                out += "</math></qual:functionTerm>\n"
            }
            out += "</qual:listOfFunctionTerms>\n</qual:transition>\n"
        }
        out += "</qual:listOfTransitions>\n</model>\n</sbml>\n"
        return out
    }
}
