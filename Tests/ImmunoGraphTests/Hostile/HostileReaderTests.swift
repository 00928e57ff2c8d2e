import Foundation
import ImmunoGraph
import Testing

/// The hostile corpus against every reader, one test per class of issue 16: integer overflow,
/// unbounded allocation, silent acceptance, errors without a place, valid files refused.
@Suite("Hostile input: readers")
struct HostileReaderTests {
    /// The files of the corpus this suite covers (the older ones are covered by "Formats: hostile inputs").
    static let corpus = [
        "bom.bnet", "bom.sif", "clamp_out_of_range.json", "cn_intmax_gt.sbml", "cn_intmax_leq.sbml", "crlf.sif",
        "delay_huge.json", "delay_intmax.json", "id_with_nul.json", "id_with_spaces.json", "initial_level_99.json",
        "sign_word.json", "threshold_intmax.sbml", "type_mismatch.json", "undefined_typo.bnet",
        "deep_parens.bnet", "deep_not.bnet", "deep_apply.sbml",
    ]

    private func load(_ name: String) throws -> MechanismGraph {
        let url = FormatsSupport.hostile.appendingPathComponent(name)
        let format = try #require(ModelFormat.forPath(name))
        return try format.read(try Data(contentsOf: url), name: "h", file: name)
    }

    /// Every file of the corpus: a graph or a clean error with a location, never a crash; the
    /// message never carries a Foundation error code and never echoes more than a line of input.
    @Test("every file of the hostile corpus is read or refused with a located, short error")
    func everyFileIsReadOrRefusedCleanly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: FormatsSupport.hostile.path).sorted()
        #expect(names.count >= 40)
        var refused = 0
        for name in names where ModelFormat.forPath(name) != nil {
            do {
                _ = try load(name)
            } catch let error as ModelReadError {
                refused += 1
                #expect(error.file == name, "\(name): \(error)")
                let located = error.line != nil || error.path != nil || error.message.contains("empty")
                #expect(located, "\(name): unlocated: \(error)")
                #expect(!error.description.contains("NSCocoaErrorDomain") && !error.description.contains("Code="), "\(error)")
                #expect(error.description.count < 600, "\(name): \(error.description.count) characters")
            } catch let error as GraphValidationError {
                refused += 1
                #expect(error.description.hasPrefix(name), "\(name): \(error)")
            }
        }
        #expect(refused >= 25)
    }

    // MARK: Integer overflow

    @Test("MathML <cn> and thresholdLevel of Int.max compare like the top level (no overflow)",
        arguments: ["cn_intmax_gt.sbml", "cn_intmax_leq.sbml", "threshold_intmax.sbml"])
    func mathMLIntMax(_ name: String) throws {
        let graph = try load(name)
        let b = try #require(graph.index(of: "B"))
        // A > Int.max is never true; Int.max <= A neither (A is 0 or 1); A > threshold Int.max neither.
        #expect(graph.nodes[b].rule?.description == "0", "\(String(describing: graph.nodes[b].rule))")
    }

    // MARK: Unbounded allocation

    @Test("an edge delay beyond Edge.maximumDelay is a validation error naming the limit, also at Int.max")
    func delaysAreBounded() throws {
        for name in ["delay_huge.json", "delay_intmax.json"] {
            #expect { try load(name) } throws: { error in
                let e = try #require(error as? GraphValidationError)
                return e.problems.contains { $0.code == "delay-limit" } && e.description.contains("limit of \(Edge.maximumDelay) steps")
            }
        }
    }

    @Test("a model with thousands of errors lists the first 20 and counts the rest")
    func validationErrorsAreCapped() throws {
        var builder = GraphBuilder(name: "many")
        for i in 0..<3000 { builder.add(Node("N\(i)")) }
        for i in 0..<2999 { builder.add(Edge("N\(i)", .activates, "N\(i + 1)", delay: 100_000)) }
        #expect { try builder.build() } throws: { error in
            let text = "\(error)"
            return text.split(separator: "\n").count == 21 && text.contains("and 2979 more")
        }
    }

    // MARK: Silent acceptance

    @Test("background clamps outside 0...1, initialLevel 99 and control characters in ids are errors",
        arguments: [
            ("clamp_out_of_range.json", "clamp-level"), ("initial_level_99.json", "initial-level"),
            ("id_with_nul.json", "control-character"),
        ])
    func outOfRangeValuesAreErrors(_ name: String, _ code: String) throws {
        #expect { try load(name) } throws: { error in
            (error as? GraphValidationError)?.problems.contains { $0.code == code } == true
        }
    }

    @Test("the bnet writer refuses an id it cannot write (spaces), naming it; SBML and JSON keep it")
    func bnetWriterRefusesUnwritableIds() throws {
        let graph = try load("id_with_spaces.json")
        #expect { try BnetFormat.write(graph) } throws: { error in
            "\(error)".contains("'id with spaces' cannot be written to bnet")
        }
        let back = try JSONFormat.read(try JSONFormat.write(graph))
        #expect(back.index(of: "id with spaces") != nil)
    }

    @Test("a bnet name read but never defined is a warning naming the line, with a did-you-mean")
    func undefinedBnetNameWarns() throws {
        let graph = try load("undefined_typo.bnet")
        let warning = try #require(graph.diagnostics.first { $0.code == "undefined-input" })
        #expect(warning.message.contains("read on line 1") && warning.message.contains("did you mean 'TNFA'?"), "\(warning)")
        #expect(throws: ModelReadError.self) {
            try BnetFormat.read(String(decoding: try Data(contentsOf: FormatsSupport.hostile.appendingPathComponent("undefined_typo.bnet")), as: UTF8.self),
                undefinedNames: .error)
        }
    }

    // MARK: Errors with a place

    @Test("JSON shape errors give line, column and path in our words, with the allowed values")
    func jsonShapeErrorsAreLocatedInOurWords() throws {
        #expect { try load("sign_word.json") } throws: { error in
            let e = try #require(error as? ModelReadError)
            return e.line == 18 && e.column == 12 && e.path == "edges[0].sign"
                && e.message == "'activate' is not a valid sign; expected one of: activates, inhibits"
        }
        #expect { try load("type_mismatch.json") } throws: { error in
            let e = try #require(error as? ModelReadError)
            return e.line == 9 && e.path == "nodes[0].maxLevel" && e.message == "expected an integer, found \"two\""
        }
    }

    @Test("the JSON locator finds values behind deep nesting; nesting beyond the decoder's depth is a located error")
    func locatorHandlesDeepNesting() throws {
        struct B: Decodable { var b: Int }
        for depth in [400, 50_000] {
            let text = "{\"a\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ", \"b\": \"x\"}"
            #expect { try JSONDocument.decode(B.self, from: Data(text.utf8), file: "deep.json") } throws: { error in
                let e = try #require(error as? ModelReadError)
                if depth > JSONDocument.maximumDepth {
                    return e.line == 1 && e.column == depth + 6 && e.message.contains("nests \(depth + 1) levels deep")
                }
                return e.path == "b" && e.line == 1 && e.column == depth * 2 + 14
            }
        }
    }

    // MARK: Valid files accepted

    @Test("10,000 nested parentheses, negations or <apply>s read (iterative parsing; double negations cancel)",
        arguments: ["deep_parens.bnet", "deep_not.bnet", "deep_apply.sbml"])
    func deepNestingReads(_ name: String) throws {
        let graph = try load(name)
        let b = try #require(graph.index(of: "B"))
        #expect((graph.nodes[b].rule?.depth ?? 0) <= 2, "\(String(describing: graph.nodes[b].rule))")
    }

    @Test("100,000 nested parentheses read without recursion")
    func deepParentheses() throws {
        let depth = 100_000
        let text = "A, A\nB, " + String(repeating: "(", count: depth) + "!A" + String(repeating: ")", count: depth) + "\n"
        let graph = try BnetFormat.read(text)
        #expect(graph.node("B")?.rule == .not(.variable("A")))
    }

    /// The 285 models of the Biodivine Boolean Models collection — from `BBM_MODELS` (a folder of
    /// model folders) or the git mirror under /work/.mirror: every bnet
    /// and SBML file loads (the 23 in ../shared are loaded by "Formats: BBM models"). Skipped when none is on this machine. (`BBM_ALL=1` for all 564 files of
    /// the collection; 85 s in debug.)
    @Test("every published BBM model loads, bnet and SBML (skipped when the collection is absent)")
    func everyBBMModelLoads() throws {
        var files: [(String, Data)] = []
        // From the full collection: by default the files nested deeper than the old limits (200
        // parentheses, 256 XML elements — the class under test); BBM_ALL=1 loads all of them.
        let all = ProcessInfo.processInfo.environment["BBM_ALL"] == "1"
        files += BBMCollection.files().filter { all || BBMCollection.nesting(of: $0.1) > 200 }
        guard !files.isEmpty else { return }
        var failures: [String] = []
        for (name, data) in files {
            do {
                _ = try ModelFormat.forPath(name)?.read(data, name: "m", file: name)
            } catch {
                failures.append("\(error)".prefix(200).description)
            }
        }
        print("BBM models loaded: \(files.count - failures.count) of \(files.count) files")
        #expect(failures.isEmpty, "\(failures.count) of \(files.count) failed: \(failures.prefix(5))")
    }

    @Test("bnet with a UTF-8 BOM, SIF with CRLF, SIF with a BOM (not part of the first id) are read",
        arguments: ["bom.bnet", "crlf.sif", "bom.sif"])
    func validVariantsAreAccepted(_ name: String) throws {
        let graph = try load(name)
        #expect(graph.nodes.map(\.id).sorted() == ["A", "B"])
        #expect(graph.edges.count == 2)
    }
}
