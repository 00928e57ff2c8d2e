import Foundation

/// Reads SBML Level 3 qual (SBML-qual v1) models.
///
/// - qualitativeSpecies become nodes (`id`, `name`, `maxLevel`, `initialLevel`; a `constant`
///   species has no rule). Our own annotation (`ig:node`) restores kind, synonyms, compartment,
///   basal, rate and note.
/// - Each transition's function terms become the output's rule: Boolean terms (every result level
///   = maxLevel, default 0) become ``Node/rule``; others become ``Node/levelRules`` with the Boolean
///   projection in `rule`. A transition without function terms leaves the node without a rule.
/// - Each `qual:input` becomes one edge with its declared sign (`dual` → two edges with a note;
///   `unknown` or missing → the sign the rule uses). Our annotation (`ig:edge`) restores the edges
///   exactly, with mechanism, weight, delay, threshold and evidence; otherwise `bqbiol:isDescribedBy`
///   URIs become evidence records, with the input's notes as the paraphrase.
/// - **Declared signs are not trusted blindly**: when the rule uses a regulator with the opposite
///   sign to its declared input, the graph carries a `rule-sign-mismatch` warning in
///   ``MechanismGraph/diagnostics`` (the model still loads). When an input's `qual:sign`
///   contradicts our own `ig:edge` annotation, the annotation's sign is used and the graph
///   carries a `sign-annotation-mismatch` warning naming the transition, the input and both signs.
///
/// Errors (``ModelReadError``) carry the line, column and element path, e.g.
/// `sbml/model/listOfTransitions/transition[3]/listOfFunctionTerms/functionTerm[1]/math/apply`.
public enum SBMLQualReader {
    /// The SBML-qual namespace URI.
    public static let qualNamespace = "http://www.sbml.org/sbml/level3/version1/qual/version1"

    /// Reads an SBML-qual document.
    ///
    /// - Parameters:
    ///   - data: the SBML-qual document's bytes (UTF-8 XML).
    ///   - name: the model name when the document's model has no id or name.
    ///   - file: the file name used in error messages, or `nil` when the data has no file.
    /// - Throws: ``ModelReadError`` or ``GraphValidationError``.
    /// - Complexity: O(document size).
    public static func read(_ data: Data, name: String = "model", file: String? = nil) throws -> MechanismGraph {
        let tree = try XMLTree.parse(data, file: file)
        func fail(_ element: Int, _ message: String) -> ModelReadError {
            ModelReadError(file: file, line: tree.elements[element].line, column: tree.elements[element].column,
                path: tree.path(of: element), message: message)
        }
        guard tree.elements[0].name == "sbml" else {
            throw fail(0, "the root element is <\(tree.elements[0].name)>; expected <sbml>")
        }
        guard let model = tree.child(of: 0, named: "model") else { throw fail(0, "expected a <model> element") }
        let modelAttributes = tree.elements[model].attributes
        let modelName = modelAttributes["name"] ?? modelAttributes["id"] ?? name

        // Species.
        var nodes: [Node] = []
        var indexOf: [String: Int] = [:]
        var maxLevel: [String: Int] = [:]
        var constant: Set<String> = []
        var ruleDerived: Set<String> = []
        var originalID: [String: String] = [:]
        // A model without qual species is not a logical model (a core SBML model with species and
        // reactions, or an empty one): reading it as 0 nodes would hide the mistake.
        guard let speciesList = tree.child(of: model, named: "listOfQualitativeSpecies") else {
            throw fail(model, "the model has no qual:listOfQualitativeSpecies; expected an SBML-qual (logical) model")
        }
        guard !tree.children(of: speciesList, named: "qualitativeSpecies").isEmpty else {
            throw fail(speciesList, "qual:listOfQualitativeSpecies holds no qual:qualitativeSpecies")
        }
        do {
            for s in tree.children(of: speciesList, named: "qualitativeSpecies") {
                let a = tree.elements[s].attributes
                guard let id = a["id"], !id.isEmpty else { throw fail(s, "qualitativeSpecies without an id") }
                guard indexOf[id] == nil else { throw fail(s, "duplicate qualitativeSpecies id '\(id)'") }
                var node = Node(id, name: a["name"].flatMap { $0.isEmpty ? nil : $0 }, compartment: a["compartment"])
                if let text = a["maxLevel"] {
                    guard let level = Int(text), (1...9).contains(level) else {
                        throw fail(s, "maxLevel '\(text)' of '\(id)'; expected an integer in 1...9")
                    }
                    node.maxLevel = level
                }
                if let text = a["initialLevel"] {
                    guard let level = Int(text), (0...node.maxLevel).contains(level) else {
                        throw fail(s, "initialLevel '\(text)' of '\(id)'; expected an integer in 0...\(node.maxLevel)")
                    }
                    node.initialLevel = level
                }
                if a["constant"] == "true" { constant.insert(id) }
                if let annotation = tree.child(of: s, named: "annotation"),
                    let ours = tree.child(of: annotation, named: "node")
                {
                    try SBMLAnnotations.readNode(tree, ours, into: &node, fail: fail)
                    if tree.elements[ours].attributes["ruleDerived"] == "true" { ruleDerived.insert(id) }
                    if let original = tree.elements[ours].attributes["id"], !original.isEmpty, original != id {
                        originalID[id] = original
                    }
                }
                indexOf[id] = nodes.count
                maxLevel[id] = node.maxLevel
                nodes.append(node)
            }
        }

        // Transitions.
        var edges: [Edge] = []
        var ruleOwner: [String: Int] = [:]
        var transitionNumber = 0
        // Inputs whose qual:sign contradicts our own ig:edge annotation: (edge read, message).
        var signConflicts: [(Edge, String)] = []
        if let list = tree.child(of: model, named: "listOfTransitions") {
            for t in tree.children(of: list, named: "transition") {
                transitionNumber += 1
                var outputs: [String] = []
                if let outs = tree.child(of: t, named: "listOfOutputs") {
                    for o in tree.children(of: outs, named: "output") {
                        guard let id = tree.elements[o].attributes["qualitativeSpecies"], indexOf[id] != nil else {
                            throw fail(o, "output names '\(tree.elements[o].attributes["qualitativeSpecies"] ?? "")', which is not a qualitativeSpecies")
                        }
                        if let previous = ruleOwner[id] {
                            throw fail(o, "duplicate target: '\(id)' is already the output of transition[\(previous)]")
                        }
                        ruleOwner[id] = transitionNumber
                        outputs.append(id)
                    }
                }
                guard !outputs.isEmpty else { throw fail(t, "transition without an output; expected a listOfOutputs with one output") }

                // Inputs.
                struct Input { var element: Int; var species: String; var sign: String?; var threshold: Int? }
                var inputs: [Input] = []
                var context = MathMLReader.Context(maxLevel: maxLevel, inputs: [:], speciesThreshold: [:])
                if let ins = tree.child(of: t, named: "listOfInputs") {
                    for i in tree.children(of: ins, named: "input") {
                        let a = tree.elements[i].attributes
                        guard let species = a["qualitativeSpecies"], indexOf[species] != nil else {
                            throw fail(i, "input names '\(a["qualitativeSpecies"] ?? "")', which is not a qualitativeSpecies")
                        }
                        var threshold: Int?
                        if let text = a["thresholdLevel"] {
                            guard let level = Int(text), level >= 0 else {
                                throw fail(i, "thresholdLevel '\(text)'; expected a non-negative integer")
                            }
                            threshold = level
                        }
                        if let sign = a["sign"], !["positive", "negative", "dual", "unknown"].contains(sign) {
                            throw fail(i, "sign '\(sign)'; expected positive, negative, dual or unknown")
                        }
                        if let id = a["id"] { context.inputs[id] = (species, threshold ?? 1) }
                        if let threshold { context.speciesThreshold[species] = threshold }
                        inputs.append(Input(element: i, species: species, sign: a["sign"], threshold: threshold))
                    }
                }

                // Function terms.
                var terms: [LevelRule] = []
                var defaultLevel: Int?
                let outputMax = outputs.map { maxLevel[$0] ?? 1 }.max() ?? 1
                if let fts = tree.child(of: t, named: "listOfFunctionTerms") {
                    for f in tree.elements[fts].children {
                        let element = tree.elements[f]
                        guard let text = element.attributes["resultLevel"], let level = Int(text),
                            (0...outputMax).contains(level)
                        else {
                            throw fail(f, "resultLevel '\(element.attributes["resultLevel"] ?? "")'; expected an integer in 0...\(outputMax)")
                        }
                        switch element.name {
                        case "defaultTerm":
                            guard defaultLevel == nil else { throw fail(f, "more than one defaultTerm") }
                            defaultLevel = level
                        case "functionTerm":
                            guard let math = tree.child(of: f, named: "math") else { throw fail(f, "functionTerm without <math>") }
                            if terms.count >= 64 { throw fail(f, "more than 64 function terms in one transition") }
                            terms.append(LevelRule(try MathMLReader.read(tree, math: math, context: context, file: file), level: level))
                        default:
                            throw fail(f, "unexpected <\(element.name)>; expected defaultTerm or functionTerm")
                        }
                    }
                }
                var rule: Expression?
                var levelRules: LevelRules?
                if !terms.isEmpty || defaultLevel != nil {
                    let rules = LevelRules(terms: terms, defaultLevel: defaultLevel ?? 0)
                    if rules.isBoolean(maxLevel: outputMax) {
                        rule = .any(terms.map(\.condition))
                    } else if rules.terms.isEmpty && rules.defaultLevel == outputMax {
                        rule = .constant(true)
                    } else {
                        levelRules = rules
                        rule = rules.booleanProjection
                    }
                }

                for output in outputs {
                    guard let k = indexOf[output] else { continue }
                    if !constant.contains(output) && !ruleDerived.contains(output) {
                        nodes[k].rule = rule
                        nodes[k].levelRules = levelRules
                    }
                    for input in inputs {
                        if let annotation = tree.child(of: input.element, named: "annotation"),
                            tree.child(of: annotation, named: "noEdge") != nil
                        {
                            continue
                        }
                        if let annotation = tree.child(of: input.element, named: "annotation"),
                            !SBMLAnnotations.items(tree, in: annotation, named: "edge", container: "edges").isEmpty
                        {
                            for e in SBMLAnnotations.items(tree, in: annotation, named: "edge", container: "edges") {
                                let edge = try SBMLAnnotations.readEdge(tree, e, source: input.species, target: output, fail: fail)
                                let declared: Sign? = input.sign == "positive" ? .activates : (input.sign == "negative" ? .inhibits : nil)
                                if let declared, declared != edge.sign {
                                    let transitionID = tree.elements[t].attributes["id"].map { "'\($0)'" } ?? "[\(transitionNumber)]"
                                    let inputID = tree.elements[input.element].attributes["id"].map { " '\($0)'" } ?? ""
                                    signConflicts.append((edge,
                                        "transition \(transitionID), input\(inputID): qual:sign is \(input.sign ?? "") "
                                            + "(\(declared.rawValue)) but the ig:edge annotation says \(edge.sign.rawValue); "
                                            + "the annotation's sign is used"))
                                }
                                edges.append(edge)
                            }
                            continue
                        }
                        let evidence = SBMLAnnotations.foreignEvidence(tree, input.element)
                        let threshold = input.threshold.flatMap { $0 == 1 ? nil : Double($0) }
                        var signs: [Sign]
                        switch input.sign {
                        case "positive": signs = [.activates]
                        case "negative": signs = [.inhibits]
                        case "dual": signs = [.activates, .inhibits]
                        default:
                            signs = rule.map { r in
                                BnetFormat.derivedEdges(of: r, target: output).filter { $0.source == input.species }.map(\.sign)
                            } ?? []
                            if signs.isEmpty { signs = [.activates] }
                        }
                        for sign in signs {
                            let note = signs.count == 2 ? "dual: \(input.species) both activates and inhibits \(output)" : nil
                            edges.append(Edge(input.species, sign, output, mechanism: .regulates, threshold: threshold,
                                evidence: evidence, note: note))
                        }
                    }
                }
            }
        }

        if !originalID.isEmpty {
            let rename: (String) -> String = { originalID[$0] ?? $0 }
            for k in nodes.indices {
                nodes[k].id = rename(nodes[k].id)
                nodes[k].rule = nodes[k].rule?.renamingNodes(rename)
                if var rules = nodes[k].levelRules {
                    for t in rules.terms.indices { rules.terms[t].condition = rules.terms[t].condition.renamingNodes(rename) }
                    nodes[k].levelRules = rules
                }
            }
            for k in edges.indices {
                edges[k].source = rename(edges[k].source)
                edges[k].target = rename(edges[k].target)
            }
        }
        var builder = GraphBuilder(name: modelName)
        if let annotation = tree.child(of: model, named: "annotation") {
            for b in SBMLAnnotations.items(tree, in: annotation, named: "background", container: "backgrounds") {
                let a = tree.elements[b].attributes
                var clamps: [Background.Clamp] = []
                for c in tree.children(of: b, named: "clamp") {
                    guard let node = tree.elements[c].attributes["node"],
                        let level = tree.elements[c].attributes["level"].flatMap(Double.init), level.isFinite
                    else { throw fail(c, "ig:clamp needs ig:node and a numeric ig:level") }
                    clamps.append(Background.Clamp(node: node, level: level))
                }
                builder.add(Background(name: a["name"] ?? "", summary: a["summary"] ?? "", clamps: clamps))
            }
        }
        for node in nodes { builder.add(node) }
        for edge in edges { builder.add(edge) }
        let graph: MechanismGraph
        do {
            graph = try builder.build()
        } catch {
            throw ModelReadError(file: file, message: error.description)
        }
        guard !signConflicts.isEmpty else { return graph }
        return graph.addingDiagnostics(signConflicts.map { edge, message in
            let source = originalID[edge.source] ?? edge.source, target = originalID[edge.target] ?? edge.target
            return Diagnostic(.warning, code: "sign-annotation-mismatch", subject: "\(source) \(edge.sign.arrow) \(target)",
                message: message)
        })
    }
}
