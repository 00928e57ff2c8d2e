import Foundation
import ImmunoGraph
import Testing

/// Regression tests for the CLI audit: numeric options that trapped, `fixedpoints --count` and
/// truncation, and file names in model errors.
@Suite("CLI hardening")
struct HardeningCommandTests {
    private func run(_ arguments: [String]) throws -> CLIRun {
        guard let result = try CLI.run(arguments) else { throw CLIMissing() }
        return result
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: Numeric options

    @Test("a negative or non-numeric --seed is a usage error naming the flag, not a crash",
        arguments: [
            ["simulate", "builtin:flagship", "--semantics", "logical", "--update", "async", "--seed", "-1"],
            ["simulate", "builtin:flagship", "--semantics", "logical", "--update", "async", "--seed", "x7"],
            ["respond", "builtin:flagship", "--therapy", "ANTI_PD1@10", "--semantics", "logical", "--seed", "-5"],
        ])
    func badSeedIsAUsageError(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--seed expects a non-negative integer"), "\(result.stderr)")
    }

    @Test("a large seed is accepted")
    func largeSeedIsAccepted() throws {
        let result = try run(["simulate", "builtin:flagship", "--semantics", "logical", "--update", "async",
            "--steps", "3", "--seed", "18446744073709551615"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("--starts beyond Int or fractional, and a negative --top, are usage errors, not crashes",
        arguments: [
            (["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--starts", "1e300"], "--starts"),
            (["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--starts", "0,1.5"], "--starts"),
            (["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--doses", "nan"], "--doses"),
            (["screen", "builtin:flagship", "--readout", "TIM3", "--top", "-1"], "--top"),
        ])
    func otherNumericTraps(_ arguments: [String], _ flag: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(flag), "\(result.stderr)")
    }

    // MARK: fixedpoints

    @Test("fixedpoints --count prints the exact number, in text and JSON")
    func fixedPointsCount() throws {
        let text = try run(["fixedpoints", "builtin:flagship", "--count"])
        #expect(text.status == 0 && text.stdout == "11 fixed points\n", "\(text.stdout)\(text.stderr)")
        let listed = try json(try run(["fixedpoints", "builtin:flagship", "--json"]).stdout)
        #expect((listed["fixedpoints"] as? [[Int]])?.count == 11)
        let counted = try json(try run(["fixedpoints", "builtin:flagship", "--count", "--json"]).stdout)
        #expect(counted["count"] as? Int == 11)
        #expect((counted["nodes"] as? [String])?.count == 12)
        #expect(try run(["fixedpoints", "builtin:flagship", "--count", "--limit", "3"]).status == 2)
    }

    @Test("fixedpoints --limit says when it cut the list; the JSON keeps nodes and fixedpoints and adds count and truncated")
    func fixedPointsTruncation() throws {
        let cut = try json(try run(["fixedpoints", "builtin:flagship", "--json", "--limit", "2"]).stdout)
        #expect((cut["nodes"] as? [String])?.count == 12)
        #expect((cut["fixedpoints"] as? [[Int]])?.count == 2)
        #expect(cut["count"] as? Int == 2)
        #expect(cut["truncated"] as? Bool == true)
        let all = try json(try run(["fixedpoints", "builtin:flagship", "--json", "--limit", "11"]).stdout)
        #expect(all["count"] as? Int == 11 && all["truncated"] as? Bool == false)
        let text = try run(["fixedpoints", "builtin:flagship", "--limit", "2"])
        #expect(text.stdout.hasPrefix("2 fixed points (first 2; more exist)\n"), "\(text.stdout)")
        let whole = try run(["fixedpoints", "builtin:flagship"])
        #expect(whole.stdout.hasPrefix("11 fixed points\n"), "\(whole.stdout)")
    }

    @Test("fixedpoints without --limit refuses to list more than 100000 fixed points and suggests --limit or --count")
    func fixedPointsCap() throws {
        let path = try CLI.temporaryFile((0..<17).map { "I\($0), I\($0)\n" }.joined(), extension: "bnet")
        let refused = try run(["fixedpoints", path])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("more than 100000 fixed points") && refused.stderr.contains("--limit N")
            && refused.stderr.contains("--count"), "\(refused.stderr)")
        #expect(try run(["fixedpoints", path, "--count"]).stdout == "131072 fixed points\n")
        #expect(try run(["fixedpoints", path, "--limit", "3"]).stdout.hasPrefix("3 fixed points (first 3; more exist)"))
        #expect(try run(["fixedpoints", "--help"]).stdout.contains("--count"))
    }

    // MARK: Errors name the file

    @Test("info on a JSON model with a bad reference names the file and the problem on the first line")
    func validationErrorNamesTheFile() throws {
        let path = try CLI.temporaryFile("""
            {"format": "immunograph", "version": 1, "name": "t", "nodes": [{"id": "A", "kind": "cytokine"}],
             "edges": [{"source": "A", "target": "Z", "sign": "activates", "mechanism": "inducesExpression"}]}
            """, extension: "json")
        let result = try run(["info", path])
        #expect(result.status == 1)
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first == "immunosim info: error: \(path): the model has 1 error(s): A -> Z: target 'Z' is not a node [unknown-endpoint]")
    }

    // MARK: Empty SIF and JSON syntax errors

    @Test("info on an empty .sif or a JSON syntax error exits 1 naming the file (and the line)")
    func emptySIFAndJSONSyntax() throws {
        let sif = try CLI.temporaryFile("", extension: "sif")
        let empty = try run(["info", sif])
        #expect(empty.status == 1 && empty.stderr.contains("\(sif):1:1: no interactions found"), "\(empty.stderr)")
        let bad = try CLI.temporaryFile("{\"format\": \"immunograph\",\n \"version\": 1, x}", extension: "json")
        let syntax = try run(["info", bad])
        #expect(syntax.status == 1 && syntax.stderr.contains("\(bad):2:16: invalid JSON"), "\(syntax.stderr)")
    }

    // MARK: Multi-valued models and bnet

    @Test("convert --to bnet of a multi-valued model fails naming the node")
    func bnetOfMultiValuedModel() throws {
        let sbml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1"
                  xmlns:qual="http://www.sbml.org/sbml/level3/version1/qual/version1" qual:required="true">
             <model id="mv">
              <listOfCompartments><compartment id="c" constant="true"/></listOfCompartments>
              <qual:listOfQualitativeSpecies>
               <qual:qualitativeSpecies qual:id="A" qual:compartment="c" qual:constant="true" qual:maxLevel="2"/>
              </qual:listOfQualitativeSpecies>
             </model>
            </sbml>
            """
        let path = try CLI.temporaryFile(sbml, extension: "sbml")
        let result = try run(["convert", path, "--to", "bnet"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("node 'A' is multi-valued") && result.stderr.contains("--to sbml"), "\(result.stderr)")
        #expect(result.stderr.contains("--levels thermometer"), "the error names the exact Boolean alternative")
    }

    @Test("convert --levels: thermometer writes bnet and MaBoSS variables per level; misuse is a usage error")
    func levelsOption() throws {
        let bnet = try run(["convert", "builtin:tme", "--to", "bnet", "--levels", "thermometer"])
        #expect(bnet.status == 0, "\(bnet.stderr)")
        #expect(bnet.stdout.contains("\nTAT_b2, TAT_b2 & TAT | TAT_b3\n") && bnet.stdout.contains("\nNEOANTIGENS_b2, "), "\(bnet.stdout.prefix(400))")
        #expect(bnet.stdout.contains("TAT_b4"), "the direct kill reads level 4")
        for (arguments, message) in [
            (["--to", "bnet", "--levels", "projection"], "would lose levels"),
            (["--to", "sbml", "--levels", "thermometer"], "applies to --to maboss and --to bnet"),
            (["--to", "maboss", "-o", "x", "--levels", "ladder"], "--levels must be one of"),
        ] {
            let result = try run(["convert", "builtin:tme"] + arguments)
            #expect(result.status == 2 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
