import Foundation
import ImmunoGraph
import Testing

@Suite("Formats: bnet")
struct FormatsBnetTests {
    @Test func headerIsOptionalAndCommentsAreSkipped() throws {
        let with = try BnetFormat.read("targets, factors\n# inputs\nA, A\nB, A & !C # trailing\nC, 1\n")
        let without = try BnetFormat.read("A, A\n\nB, A & !C\nC, 1\n")
        #expect(with.nodes.map(\.id) == ["A", "B", "C"])
        #expect(with.nodes == without.nodes)
        #expect(with.node("A")?.rule == nil)  // `A, A` is an input
        #expect(with.node("C")?.rule == .constant(true))
    }

    @Test func andBindsTighterThanOr() throws {
        let graph = try BnetFormat.read("x1, x1\nx2, x2\nx3, x3\ny, x1 & x2 | x3\n")
        let rule = try #require(graph.node("y")?.rule)
        for bits in 0..<8 {
            let v = ["x1": bits & 1, "x2": (bits >> 1) & 1, "x3": (bits >> 2) & 1]
            let expected = (v["x1"] == 1 && v["x2"] == 1) || v["x3"] == 1
            #expect(rule.evaluate { v[$0] ?? 0 } == expected)
        }
    }

    @Test func signedEdgesFollowTheRule() throws {
        let graph = try BnetFormat.read("A, A\nB, B\nC, C\nT, A & !B | (C & !A)\n")
        let edges = graph.edges.filter { $0.target == "T" }
        #expect(Set(edges.map { "\($0.source)\($0.sign.arrow)" }) == ["A->", "A-|", "B-|", "C->"])
        #expect(edges.filter { $0.source == "A" }.allSatisfy { $0.note?.contains("dual") == true })
    }

    @Test func undefinedNamesBecomeInputsWithAWarningOrAnError() throws {
        let graph = try BnetFormat.read("B, A & C\nA, A\n")
        #expect(graph.nodes.map(\.id) == ["B", "A", "C"])
        #expect(graph.diagnostics.contains { $0.code == "undefined-input" && $0.subject == "C" })
        #expect(throws: ModelReadError.self) { try BnetFormat.read("B, A & C\nA, A\n", undefinedNames: .error) }
    }

    @Test func writeThenReadIsLogicallyIdenticalOnRandomRules() throws {
        for seed in UInt64(1)...40 {
            let graph = try RandomModels.graph(seed: seed, nodes: 7)
            let back = try BnetFormat.read(BnetFormat.write(graph), name: graph.name, undefinedNames: .error)
            #expect(back.nodes.map(\.id) == graph.nodes.map(\.id))
            // The reader's edges are exactly those derived from each rule (brute-force reference).
            let expected = back.nodes.flatMap { node in node.rule.map { BnetFormat.derivedEdges(of: $0, target: node.id) } ?? [] }
            #expect(FormatsSupport.sortedEdges(back) == expected.sorted {
                ($0.source, $0.target, $0.sign.rawValue) < ($1.source, $1.target, $1.sign.rawValue)
            }, "seed \(seed)")
            for (i, node) in graph.nodes.enumerated() {
                let original = graph.effectiveRule(for: i)
                let read = back.node(node.id)?.rule
                #expect(FormatsSupport.equivalent(original, read), "seed \(seed) node \(node.id)")
            }
        }
    }

    @Test func multiValuedComparisonsRoundTrip() throws {
        let text = "A, A\nB, A >= 2 & A != 3 | A < 1\n"
        let graph = try BnetFormat.read(text)
        let rule = try #require(graph.node("B")?.rule)
        for a in 0...3 {
            #expect(rule.evaluate { _ in a } == ((a >= 2 && a != 3) || a < 1))
        }
        #expect(try BnetFormat.read(BnetFormat.write(graph)).node("B")?.rule == rule)
    }

    @Test func windowsLineEndingsAndDoubleOperators() throws {
        let graph = try BnetFormat.read("targets, factors\r\nA, A\r\nB, A && !A || A\r\n")
        #expect(graph.node("B")?.rule == .or([.and([.variable("A"), .not(.variable("A"))]), .variable("A")]))
    }
}

@Suite("Formats: hostile inputs")
struct FormatsHostileTests {
    /// Every file in the corpus with the error it must produce: message fragment and location.
    static let cases: [(file: String, message: String, line: Int?, path: String?)] = [
        ("empty.bnet", "no rules found", 1, nil),
        ("junk.bnet", "not UTF-8 text", 1, nil),
        ("duplicate_target.bnet", "duplicate target 'B'", 3, nil),
        ("undefined_name.bnet", "reads 'C'", 2, nil),
        ("unclosed_paren.bnet", "expected ')'", 2, nil),
        ("bad_char.bnet", "unexpected '$'", 2, nil),
        ("no_comma.bnet", "expected ','", 2, nil),
        ("big_constant.bnet", "is not 0 or 1", 2, nil),
        ("empty.sbml", "empty", 1, nil),
        ("junk.sbml", "not UTF-8 text", 1, nil),
        ("truncated.sbml", "malformed XML", nil, "sbml/model/listOfTransitions/transition[1]"),
        ("deep_alternation.sbml", "logic nested deeper than 200", nil,
            "sbml/model/listOfTransitions/transition[1]/listOfFunctionTerms/functionTerm[1]/math/apply"),
        ("deep_alternation.bnet", "more than 200 levels deep", 2, nil),
        ("unknown_mathml.sbml", "unsupported MathML element <plus>", nil,
            "sbml/model/listOfTransitions/transition[1]/listOfFunctionTerms/functionTerm[1]/math/apply/plus"),
        ("undefined_ci.sbml", "'Z' is neither", nil,
            "sbml/model/listOfTransitions/transition[1]/listOfFunctionTerms/functionTerm[1]/math/ci"),
        ("duplicate_target.sbml", "duplicate target: 'B'", nil,
            "sbml/model/listOfTransitions/transition[2]/listOfOutputs/output[1]"),
        ("wrong_root.sbml", "expected <sbml>", nil, "html"),
        ("entity_bomb.sbml", "document type declarations", nil, nil),
        ("bad_maxlevel.sbml", "maxLevel '99'", nil, "sbml/model/listOfQualitativeSpecies/qualitativeSpecies[2]"),
        ("bad_result_level.sbml", "resultLevel '5'", nil,
            "sbml/model/listOfTransitions/transition[1]/listOfFunctionTerms/functionTerm[1]"),
        ("unknown_sign.sbml", "sign 'sideways'", nil, "sbml/model/listOfTransitions/transition[1]/listOfInputs/input[1]"),
        ("xor_blowup.sbml", "expands to more than 100000", nil,
            "sbml/model/listOfTransitions/transition[1]/listOfFunctionTerms/functionTerm[1]/math/apply"),
        ("xor_nested.sbml", "expands to more than 100000", nil,
            "sbml/model/listOfTransitions/transition[1]/listOfFunctionTerms/functionTerm[1]/math/apply"),
        ("invalid_utf8_attribute.sbml", "not UTF-8", 14, nil),
        ("control_character.sbml", "control character 0x1", 3, nil),
        ("bad_sif.sif", "unknown interaction type 'foo'", 2, nil),
        ("two_fields.sif", "found two fields", 2, nil),
    ]

    static func read(_ file: String) throws -> MechanismGraph {
        let url = FormatsSupport.hostile.appendingPathComponent(file)
        if file == "undefined_name.bnet" {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try BnetFormat.read(text, file: url.path, undefinedNames: .error)
        }
        return try ModelLoader.load(url.path)
    }

    @Test(arguments: cases.map(\.file))
    func hostileFileFailsCleanly(_ file: String) throws {
        let expected = try #require(Self.cases.first { $0.file == file })
        do {
            let graph = try Self.read(file)
            Issue.record("\(file) was accepted: \(graph.nodeCount) nodes")
        } catch let error as ModelReadError {
            #expect(error.file?.hasSuffix(file) == true, "\(error)")
            #expect(error.message.contains(expected.message), "\(error)")
            if let line = expected.line { #expect(error.line == line, "\(error)") }
            if expected.file.hasSuffix(".sbml") && file != "entity_bomb.sbml" && file != "empty.sbml" {
                #expect(error.line != nil, "\(error)")  // XML errors carry a line too
            }
            if let path = expected.path { #expect(error.path?.hasPrefix(path) == true, "\(error)") }
            if expected.line != nil { #expect(error.column != nil, "\(error)") }
        }
    }

    @Test func everyCorpusFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: FormatsSupport.hostile.path).sorted()
        #expect(files == (Self.cases.map(\.file) + HostileReaderTests.corpus).sorted())
    }
}

@Suite("Formats: SBML-qual")
struct FormatsSBMLTests {
    static func document(_ species: String, _ transitions: String) -> Data {
        Data("""
            <?xml version="1.0"?><sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1"
             xmlns:q="http://www.sbml.org/sbml/level3/version1/qual/version1" q:required="true"><model id="m">
            <q:listOfQualitativeSpecies>\(species)</q:listOfQualitativeSpecies>
            <q:listOfTransitions>\(transitions)</q:listOfTransitions></model></sbml>
            """.utf8)
    }

    static func species(_ id: String, max: Int = 1, constant: Bool = false) -> String {
        "<q:qualitativeSpecies q:id=\"\(id)\" q:compartment=\"c\" q:constant=\"\(constant)\" q:maxLevel=\"\(max)\"/>"
    }

    static func transition(_ output: String, inputs: [(String, String, String?, Int?)], terms: [(Int, String)], defaultLevel: Int = 0) -> String {
        var s = "<q:transition><q:listOfInputs>"
        for (id, species, sign, threshold) in inputs {
            s += "<q:input q:id=\"\(id)\" q:qualitativeSpecies=\"\(species)\" q:transitionEffect=\"none\""
            if let sign { s += " q:sign=\"\(sign)\"" }
            if let threshold { s += " q:thresholdLevel=\"\(threshold)\"" }
            s += "/>"
        }
        s += "</q:listOfInputs><q:listOfOutputs><q:output q:qualitativeSpecies=\"\(output)\" q:transitionEffect=\"assignmentLevel\"/></q:listOfOutputs>"
        s += "<q:listOfFunctionTerms><q:defaultTerm q:resultLevel=\"\(defaultLevel)\"/>"
        for (level, math) in terms {
            s += "<q:functionTerm q:resultLevel=\"\(level)\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">\(math)</math></q:functionTerm>"
        }
        return s + "</q:listOfFunctionTerms></q:transition>"
    }

    /// Each MathML construct of the accepted superset, with the truth table it must have over A, B ∈ {0,1}.
    static let mathCases: [(String, @Sendable (Int, Int) -> Bool)] = [
        ("<apply><xor/><ci>A</ci><ci>B</ci></apply>", { ($0 == 1) != ($1 == 1) }),
        ("<apply><implies/><ci>A</ci><ci>B</ci></apply>", { $0 == 0 || $1 == 1 }),
        ("<apply><neq/><ci>A</ci><cn type=\"integer\">1</cn></apply>", { a, _ in a != 1 }),
        ("<apply><lt/><cn type=\"integer\">0</cn><ci>B</ci></apply>", { _, b in 0 < b }),
        ("<apply><leq/><ci>A</ci><cn type=\"integer\">0</cn></apply>", { a, _ in a <= 0 }),
        ("<apply><gt/><ci>B</ci><cn type=\"integer\">0</cn></apply>", { _, b in b > 0 }),
        ("<apply><and/><apply><geq/><ci>A</ci><cn>1</cn></apply><apply><eq/><ci>B</ci><cn type=\"integer\">0</cn></apply></apply>", { $0 >= 1 && $1 == 0 }),
        ("<apply><or/><true/><ci>A</ci></apply>", { _, _ in true }),
        ("<apply><and/><false/><ci>A</ci></apply>", { _, _ in false }),
        ("<apply><not/><ci>iB</ci></apply>", { _, b in b == 0 }),
        ("<apply><xor/><ci>A</ci><ci>B</ci><true/></apply>", { ($0 == 1) == ($1 == 1) }),
    ]

    @Test(arguments: mathCases.indices)
    func acceptedMathMLHasTheRightTruthTable(_ index: Int) throws {
        let (math, expected) = Self.mathCases[index]
        let data = Self.document(Self.species("A") + Self.species("B") + Self.species("T"),
            Self.transition("T", inputs: [("iA", "A", "positive", nil), ("iB", "B", nil, nil)], terms: [(1, math)]))
        let graph = try SBMLQualReader.read(data)
        let rule = try #require(graph.node("T")?.rule)
        for a in 0...1 {
            for b in 0...1 {
                #expect(rule.evaluate { $0 == "A" ? a : b } == expected(a, b), "\(math) at A=\(a) B=\(b)")
            }
        }
    }

    @Test func namedThresholdsAndMultiValuedTerms() throws {
        // T (max 2): level 2 when A ≥ th (th = input threshold 2), level 1 when A == 1, default 0.
        let data = Self.document(Self.species("A", max: 3) + Self.species("T", max: 2),
            Self.transition("T", inputs: [("th", "A", "positive", 2)],
                terms: [(2, "<apply><geq/><ci>A</ci><ci>th</ci></apply>"), (1, "<apply><eq/><ci>A</ci><cn>1</cn></apply>")]))
        let graph = try SBMLQualReader.read(data)
        let node = try #require(graph.node("T"))
        let rules = try #require(node.levelRules)
        #expect(rules.defaultLevel == 0)
        for a in 0...3 {
            let expected = a >= 2 ? 2 : (a == 1 ? 1 : 0)
            #expect(rules.evaluate { _ in a } == expected)
            #expect(node.rule?.evaluate { _ in a } == (expected >= 1))
        }
        #expect(graph.edges.first?.threshold == 2)
        // Written and read back: the same levels on every input.
        let back = try SBMLQualReader.read(Data(SBMLQualWriter.write(graph).utf8))
        let backRules = try #require(back.node("T")?.levelRules)
        for a in 0...3 { #expect(backRules.evaluate { _ in a } == rules.evaluate { _ in a }) }
        // A bare ci of a species with a threshold means "at or above the threshold".
        let bare = try SBMLQualReader.read(Self.document(Self.species("A", max: 3) + Self.species("T"),
            Self.transition("T", inputs: [("th", "A", "positive", 2)], terms: [(1, "<ci>A</ci>")])))
        #expect(bare.node("T")?.rule == .atom(.init("A", .atLeast, 2)))
    }

    @Test func declaredSignContradictingTheRuleIsAWarning() throws {
        let data = Self.document(Self.species("A") + Self.species("T"),
            Self.transition("T", inputs: [("iA", "A", "positive", nil)], terms: [(1, "<apply><not/><ci>A</ci></apply>")]))
        let graph = try SBMLQualReader.read(data)
        #expect(graph.diagnostics.contains { $0.code == "rule-sign-mismatch" && $0.subject == "T" })
        #expect(graph.edges.first?.sign == .activates)  // the declared sign is kept, flagged
    }

    @Test func dualAndUnknownSigns() throws {
        let data = Self.document(Self.species("A") + Self.species("B") + Self.species("T"),
            Self.transition("T", inputs: [("iA", "A", "dual", nil), ("iB", "B", "unknown", nil)],
                terms: [(1, "<apply><and/><apply><xor/><ci>A</ci><ci>B</ci></apply><apply><not/><ci>B</ci></apply></apply>")]))
        let graph = try SBMLQualReader.read(data)
        #expect(graph.edges.filter { $0.source == "A" }.count == 2)
        #expect(graph.edges.filter { $0.source == "A" }.allSatisfy { $0.note != nil })
        #expect(Set(graph.edges.filter { $0.source == "B" }.map(\.sign)) == [.activates, .inhibits])
    }

    @Test func foreignRDFEvidenceIsRead() throws {
        let input = """
            <q:input q:id="i" metaid="m1" q:qualitativeSpecies="A" q:transitionEffect="none" q:sign="positive">
            <notes><body xmlns="http://www.w3.org/1999/xhtml"><p>A induces T [1]</p></body></notes>
            <annotation><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:bqbiol="http://biomodels.net/biology-qualifiers/">
            <rdf:Description rdf:about="#m1"><bqbiol:isDescribedBy><rdf:Bag><rdf:li rdf:resource="urn:miriam:pubmed:123"/>
            <rdf:li rdf:resource="https://identifiers.org/doi:10.1/abc"/></rdf:Bag></bqbiol:isDescribedBy></rdf:Description></rdf:RDF></annotation></q:input>
            """
        let transition = Self.transition("T", inputs: [], terms: [(1, "<ci>A</ci>")]).replacingOccurrences(
            of: "<q:listOfInputs></q:listOfInputs>", with: "<q:listOfInputs>\(input)</q:listOfInputs>")
        let graph = try SBMLQualReader.read(Self.document(Self.species("A") + Self.species("T"), transition))
        let evidence = try #require(graph.edges.first?.evidence)
        #expect(evidence.map(\.source.file) == ["urn:miriam:pubmed:123", "https://identifiers.org/doi:10.1/abc"])
        #expect(evidence.map(\.source.doi) == [nil, "10.1/abc"])
        #expect(evidence.first?.paraphrase == "A induces T [1]")
    }

    @Test func flagshipRoundTripsLosslessly() throws {
        let graph = try Catalog.flagship()
        let text = SBMLQualWriter.write(graph)
        let back = try SBMLQualReader.read(Data(text.utf8))
        #expect(back.name == graph.name)
        #expect(back.nodes == graph.nodes)
        #expect(FormatsSupport.sortedEdges(back) == FormatsSupport.sortedEdges(graph))
        #expect(back.backgrounds == graph.backgrounds)
        #expect(text.contains("bqbiol:isDescribedBy") && text.contains("https://identifiers.org/doi:10.5772/66494"))
        #expect(text.contains("<notes>"))
        // JSON too.
        let json = try JSONFormat.read(try JSONFormat.write(graph))
        #expect(json == graph)
    }

    @Test func randomGraphsRoundTripLosslessly() throws {
        for seed in UInt64(1)...30 {
            let graph = try RandomModels.graph(seed: seed, nodes: 9, multiValued: seed % 2 == 0)
            let back = try SBMLQualReader.read(Data(SBMLQualWriter.write(graph).utf8))
            #expect(back.nodes.map(\.id) == graph.nodes.map(\.id), "seed \(seed)")
            for (a, b) in zip(graph.nodes, back.nodes) {
                var a2 = a
                var b2 = b
                a2.rule = nil; b2.rule = nil
                a2.levelRules = nil; b2.levelRules = nil
                #expect(a2 == b2, "seed \(seed)")
                let max: (String) -> Int = { graph.node($0)?.maxLevel ?? 1 }
                #expect(FormatsSupport.equivalent(a.rule, b.rule, maxLevel: max), "seed \(seed) \(a.id)")
                #expect((a.levelRules == nil) == (b.levelRules == nil), "seed \(seed) \(a.id)")
                if let ra = a.levelRules, let rb = b.levelRules {
                    #expect(ra.terms.map(\.level) == rb.terms.map(\.level))
                    for (ta, tb) in zip(ra.terms, rb.terms) {
                        #expect(FormatsSupport.equivalent(ta.condition, tb.condition, maxLevel: max))
                    }
                }
            }
            #expect(FormatsSupport.sortedEdges(back) == FormatsSupport.sortedEdges(graph), "seed \(seed)")
            #expect(back.backgrounds == graph.backgrounds)
            let json = try JSONFormat.read(try JSONFormat.write(graph))
            #expect(json == graph, "seed \(seed)")
        }
    }

    @Test func identifiersThatAreNotSIdsAreRestored() throws {
        var builder = GraphBuilder(name: "odd ids")
        builder.add(Node("IL-2.R", kind: .receptor))
        builder.add(Node("2B", rule: .not(.variable("IL-2.R"))))
        builder.add(Edge("IL-2.R", .inhibits, "2B"))
        let graph = try builder.build()
        let text = SBMLQualWriter.write(graph)
        #expect(!text.contains("qual:id=\"IL-2.R\""))
        let back = try SBMLQualReader.read(Data(text.utf8))
        #expect(back.nodes == graph.nodes)
        #expect(back.edges == graph.edges)
    }
}

@Suite("Formats: LevelRules")
struct FormatsLevelRulesTests {
    @Test func booleanProjectionMatchesBruteForce() {
        var rng = TestRNG(seed: 99)
        let names = ["A", "B", "C"]
        let maxLevel = ["A": 2, "B": 1, "C": 1]
        for _ in 0..<200 {
            let count = Int.random(in: 0...3, using: &rng)
            let terms = (0..<count).map { _ in
                LevelRule(RandomModels.expression(names, depth: 2, maxLevel: maxLevel, rng: &rng), level: Int.random(in: 0...2, using: &rng))
            }
            let rules = LevelRules(terms: terms, defaultLevel: Int.random(in: 0...2, using: &rng))
            let projection = rules.booleanProjection
            for a in 0...2 {
                for b in 0...1 {
                    for c in 0...1 {
                        let v = ["A": a, "B": b, "C": c]
                        #expect(projection.evaluate { v[$0] ?? 0 } == (rules.evaluate { v[$0] ?? 0 } >= 1))
                    }
                }
            }
        }
    }

    @Test func levelRulesAreOmittedFromJSONWhenAbsent() throws {
        let data = try JSONEncoder().encode(Node("A"))
        #expect(!String(decoding: data, as: UTF8.self).contains("levelRules"))
        let node = Node("T", maxLevel: 2, levelRules: LevelRules(terms: [LevelRule(.variable("A"), level: 1)], defaultLevel: 2))
        let text = String(decoding: try JSONEncoder().encode(node), as: UTF8.self)
        #expect(text.contains("\"levelRules\"") && text.contains("\"when\":\"A\"") && text.contains("\"default\":2"))
        #expect(try JSONDecoder().decode(Node.self, from: Data(text.utf8)) == node)
    }
}

@Suite("Formats: level rules validation")
struct FormatsLevelRulesValidationTests {
    @Test func unknownNamesAndOutOfRangeLevelsAreErrors() throws {
        var builder = GraphBuilder(name: "bad")
        builder.add(Node("A"))
        builder.add(Node("T", maxLevel: 2, levelRules: LevelRules(terms: [LevelRule(.variable("Z"), level: 3)], defaultLevel: 0)))
        do {
            _ = try builder.build()
            Issue.record("accepted")
        } catch {
            #expect(error.problems.contains { $0.code == "level-rule" && $0.subject == "T" })
            #expect(error.problems.contains { $0.code == "unknown-node" && $0.message.contains("'Z'") })
        }
    }
}
