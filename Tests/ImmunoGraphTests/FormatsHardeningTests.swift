import Foundation
import ImmunoGraph
import Testing

/// Regression tests for the formats audit: located JSON syntax errors, file names on validation
/// errors, empty SIF / qual-less SBML, Boolean-only bnet, MaBoSS comments, SBML sign conflicts,
/// parser wording and large SBML documents.
@Suite("Formats hardening")
struct FormatsHardeningTests {
    private func readError(_ body: () throws -> MechanismGraph) -> ModelReadError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ModelReadError
        }
    }

    // MARK: JSON syntax errors

    @Test("a JSON syntax error names the line and column of the offending character")
    func jsonSyntaxErrorHasLineAndColumn() throws {
        let text = "{\"format\": \"immunograph\",\n \"version\": 1, x}"
        let error = try #require(readError { try JSONFormat.read(Data(text.utf8), file: "syn.json") })
        #expect(error.line == 2 && error.column == 16, "\(error)")
        #expect(error.description.hasPrefix("syn.json:2:16: invalid JSON: unexpected 'x'"), "\(error)")
    }

    @Test("JSON syntax errors: missing comma, unterminated string, bad value, text after the value, end of file, bad literal",
        arguments: [
            ("{\"a\": [1, 2,]\n  \"b\": 2}", 2, 3, "unexpected '\"'; expected ',' or '}'"),
            ("{\"a\": \"open\n}", 1, 12, "unterminated string"),
            ("{\"a\": @}", 1, 7, "unexpected '@'; expected a value"),
            ("{}\n{}", 2, 1, "after the end of the JSON value"),
            ("{\"a\": [1,\n  2", 2, 4, "unexpected end of file"),
            ("{\"é\": tru}", 1, 7, "expected true"),
        ])
    func jsonSyntaxErrorsAreLocated(_ text: String, _ line: Int, _ column: Int, _ words: String) throws {
        let error = try #require(readError { try JSONFormat.read(Data(text.utf8), file: "x.json") })
        #expect(error.file == "x.json")
        #expect(error.line == line && error.column == column, "\(error)")
        #expect(error.message.contains(words), "\(error)")
    }

    @Test("an empty JSON file and binary junk are clean errors naming the file")
    func emptyAndBinaryJSON() throws {
        for data in [Data(), Data("  \n".utf8)] {
            let error = try #require(readError { try JSONFormat.read(data, file: "empty.json") })
            #expect(error.description == "empty.json:1:1: the file is empty; expected a JSON object {\"format\": \"immunograph\", ...}")
        }
        let junk = try #require(readError { try JSONFormat.read(Data([0x7B, 0xFF, 0xFE, 0x00, 0x41]), file: "junk.json") })
        #expect(junk.description.hasPrefix("junk.json:1:2: the file is not UTF-8 text"), "\(junk)")
        let control = try #require(readError { try JSONFormat.read(Data([0x01, 0x02, 0x41]), file: "junk.json") })
        #expect(control.description.hasPrefix("junk.json:1:1: invalid JSON: unexpected byte 0x1"), "\(control)")
    }

    @Test("valid JSON with a shape error still reports the JSON path")
    func shapeErrorsKeepTheirPath() throws {
        let error = try #require(readError { try JSONFormat.read(Data("{\"format\": 3}".utf8), file: "x.json") })
        #expect(error.path == "format", "\(error)")
    }

    // MARK: Validation errors name the file

    @Test("a validation error of a JSON model names the file and the first problem on its first line")
    func validationErrorNamesTheFile() throws {
        let text = """
            {"format": "immunograph", "version": 1, "name": "t", "nodes": [{"id": "A", "kind": "cytokine"}],
             "edges": [{"source": "A", "target": "Z", "sign": "activates", "mechanism": "inducesExpression"}]}
            """
        do {
            _ = try ModelFormat.json.read(Data(text.utf8), name: "t", file: "bad_ref.json")
            Issue.record("expected a validation error")
        } catch let error as GraphValidationError {
            #expect(error.file == "bad_ref.json")
            let firstLine = error.description.split(separator: "\n").first.map(String.init) ?? ""
            #expect(firstLine == "bad_ref.json: the model has 1 error(s): A -> Z: target 'Z' is not a node [unknown-endpoint]")
        }
    }

    // MARK: Empty SIF, SBML without qual content

    @Test("an empty or comment-only SIF file is an error naming the file")
    func emptySIF() throws {
        for text in ["", "\n  \n", "# only a comment\n"] {
            let error = try #require(readError { try SIFFormat.read(text, file: "empty.sif") })
            #expect(error.description.hasPrefix("empty.sif:1:1: no interactions found"), "\(error)")
        }
    }

    @Test("an SBML model without qual species is an error naming the file and the XML path")
    func sbmlWithoutQualContent() throws {
        let core = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
             <model id="core_only">
              <listOfCompartments><compartment id="c" constant="true"/></listOfCompartments>
              <listOfSpecies><species id="S" compartment="c" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
             </model>
            </sbml>
            """
        let error = try #require(readError { try SBMLQualReader.read(Data(core.utf8), file: "core.sbml") })
        #expect(error.file == "core.sbml" && error.path == "sbml/model", "\(error)")
        #expect(error.message.contains("no qual:listOfQualitativeSpecies"), "\(error)")
        let emptyList = core.replacingOccurrences(of: "<listOfSpecies>", with: "<qual:listOfQualitativeSpecies xmlns:qual=\"\(SBMLQualReader.qualNamespace)\"/><listOfSpecies>")
        let second = try #require(readError { try SBMLQualReader.read(Data(emptyList.utf8), file: "core.sbml") })
        #expect(second.path == "sbml/model/listOfQualitativeSpecies" && second.message.contains("holds no"), "\(second)")
    }

    // MARK: bnet and MaBoSS writers on multi-valued models

    private func multiValuedModel() throws -> MechanismGraph {
        var builder = GraphBuilder(name: "mv")
        builder.add(Node("A", maxLevel: 2))
        builder.add(Node("B", rule: .atom(.init("A", .atLeast, 2))))
        builder.add(Node("C", rule: .not(.variable("B"))))
        builder.add(Node("D", rule: .atom(.init("B", .equal, 1))))
        builder.add(Edge("A", .activates, "B", mechanism: .regulates))
        builder.add(Edge("B", .inhibits, "C", mechanism: .regulates))
        builder.add(Edge("B", .activates, "D", mechanism: .regulates))
        return try builder.build()
    }

    @Test("the bnet writer refuses a multi-valued model, naming the node and the alternatives")
    func bnetRefusesMultiValuedModels() throws {
        let graph = try multiValuedModel()
        #expect {
            _ = try BnetFormat.write(graph)
        } throws: { error in
            let text = (error as? ModelWriteError)?.description ?? ""
            return text.contains("'A'") && text.contains("multi-valued") && text.contains("--to sbml")
        }
        // Boolean models (even with comparison atoms) are still written.
        #expect(try BnetFormat.write(try BnetFormat.read("A, A\nB, A >= 2\n")).contains("B, A >= 2"))
    }

    @Test("MaBoSS projection: only multi-valued nodes say so; Boolean nodes with exact logic carry no comment")
    func mabossCommentsOnlyWhereLevelsAreLost() throws {
        let (bnd, _) = MaBoSSFormat.write(try multiValuedModel(), settings: .init(multiValued: .projection))
        func block(_ name: String) -> String {
            bnd.components(separatedBy: "Node ").first { $0.hasPrefix("\(name) {") } ?? ""
        }
        #expect(block("A").contains("// multi-valued in the source model"))
        #expect(block("B").contains("// approximated") && !block("B").contains("multi-valued in the source"))
        #expect(!block("C").contains("//"), "\(block("C"))")
        #expect(!block("D").contains("//"), "\(block("D"))")
    }

    @Test("MaBoSS thermometer coding (the default): nothing is approximated; A >= 2 reads A's second variable")
    func mabossThermometerLosesNothing() throws {
        let (bnd, cfg) = MaBoSSFormat.write(try multiValuedModel())
        func block(_ name: String) -> String {
            bnd.components(separatedBy: "Node ").first { $0.hasPrefix("\(name) {") } ?? ""
        }
        #expect(!bnd.contains("approximated") && !bnd.contains("read as ON"))
        #expect(block("A").contains("// level >= 1 of A (levels 0...2)") && block("A").contains("logic = A | A_b2;"))
        // An input keeps its level, and its variables keep the coding admissible.
        #expect(block("A_b2").contains("logic = A_b2 & A;"), "\(block("A_b2"))")
        #expect(block("B").contains("logic = A_b2;"), "\(block("B"))")
        #expect(block("D").contains("logic = B;"), "B == 1 on a Boolean B is B: \(block("D"))")
        #expect(cfg.contains("[A, A_b2].istate = 0.5 [0, 0], 0.5 [1, 1];"), "\(cfg)")
    }

    // MARK: SBML sign conflicts

    @Test("an input whose qual:sign contradicts its ig:edge annotation gives a warning naming both signs")
    func sbmlSignConflictIsReported() throws {
        var builder = GraphBuilder(name: "conflict")
        builder.add(Node("A"))
        builder.add(Node("B", rule: .variable("A")))
        builder.add(Edge("A", .activates, "B", mechanism: .secretes))  // not plain: written with ig:edge
        let sbml = SBMLQualWriter.write(try builder.build())
        #expect(sbml.contains("qual:sign=\"positive\""))
        #expect(try SBMLQualReader.read(Data(sbml.utf8)).diagnostics.isEmpty)
        let edited = sbml.replacingOccurrences(of: "qual:sign=\"positive\"", with: "qual:sign=\"negative\"")
        let back = try SBMLQualReader.read(Data(edited.utf8), file: "edited.sbml")
        #expect(back.edges.map(\.arrowDescription) == ["A -> B"])  // the annotation still wins
        let warning = try #require(back.diagnostics.first { $0.code == "sign-annotation-mismatch" })
        #expect(warning.severity == .warning && warning.subject == "A -> B")
        #expect(warning.message.contains("tr_B") && warning.message.contains("qual:sign is negative")
            && warning.message.contains("annotation says activates"), "\(warning)")
    }

    // MARK: Parser wording

    @Test("bnet: a rule that ends early says 'unexpected end of line'")
    func bnetEndOfLineWording() throws {
        let error = try #require(readError { try BnetFormat.read("A, A\nB, A &\n", file: "x.bnet") })
        #expect(error.message.hasPrefix("unexpected end of line; expected"), "\(error)")
        #expect(!error.message.contains("the end of the line;"))
    }

    // MARK: Large SBML

    @Test("plain edges (bnet imports) are written without ig:edge annotations and read back the same")
    func plainEdgesAreWrittenCompactly() throws {
        let graph = try BnetFormat.read("A, A\nB, A & !C\nC, B\n", name: "plain")
        let sbml = SBMLQualWriter.write(graph)
        #expect(!sbml.contains("ig:edge") && !sbml.contains("meta_in_"))
        let back = try SBMLQualReader.read(Data(sbml.utf8))
        #expect(FormatsSupport.sortedEdges(back) == FormatsSupport.sortedEdges(graph))
        #expect(back.nodes.map(\.rule) == graph.nodes.map(\.rule))
    }

    @Test("an SBML document over 10 MB that we wrote reads back (12,000-node chain)")
    func largeSBMLRoundTrips() throws {
        var text = "N0, N0\n"
        for i in 1..<12_000 { text += "N\(i), N\(i - 1) & !N\(i / 2)\n" }
        let graph = try BnetFormat.read(text, name: "chain")
        let data = Data(SBMLQualWriter.write(graph).utf8)
        #expect(data.count > 10_000_000)
        let back = try SBMLQualReader.read(data, file: "chain.sbml")
        #expect(back.nodeCount == 12_000 && back.edges.count == graph.edges.count)
        #expect(FormatsSupport.sortedEdges(back) == FormatsSupport.sortedEdges(graph))
        #expect(back.node("N11999")?.rule == graph.node("N11999")?.rule)
    }
}
