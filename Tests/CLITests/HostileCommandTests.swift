import Foundation
import Testing

/// Hostile arguments and files through the `immunosim` executable: every one exits 1 or 2 with a
/// message naming the flag, the limit or the place — never a trap, a failed allocation or a hang.
@Suite("Hostile input: immunosim")
struct HostileCommandTests {
    private func run(_ arguments: [String]) throws -> CLIRun {
        guard let result = try CLI.run(arguments) else { throw CLIMissing() }
        return result
    }

    private static let intMax = "9223372036854775807"
    private static let hostile = CLI.packageRoot.appendingPathComponent("Tests/ImmunoGraphTests/Resources/hostile").path

    // MARK: Integer overflow and unbounded allocation

    @Test("--steps of Int.max or a billion is a usage error naming the limit, in every command that runs",
        arguments: [
            ["simulate", "builtin:flagship"], ["simulate", "builtin:flagship", "--semantics", "logical"],
            ["respond", "builtin:flagship", "--therapy", "ANTI_PD1@10"],
            ["respond", "builtin:flagship", "--therapy", "ANTI_PD1@10", "--steady-state"],
            ["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--doses", "1"],
            ["screen", "builtin:flagship", "--readout", "TIM3", "-q"],
            ["explain", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3"],
        ])
    func stepsAreBounded(_ arguments: [String]) throws {
        for steps in [Self.intMax, "1000000000"] {
            let result = try run(arguments + ["--steps", steps])
            #expect(result.status == 2, "\(arguments) \(result.stderr)")
            #expect(result.stderr.contains("--steps must be in 0...1000000 (a run records up to N + 1 states of every node)"),
                "\(result.stderr)")
        }
    }

    @Test("--help states the limit of every bounded option")
    func helpStatesLimits() throws {
        #expect(try run(["simulate", "--help"]).stdout.contains("Steps to run (default 100). [0...1000000]"))
        #expect(try run(["explain", "--help"]).stdout.contains("[1...64]"))
        #expect(try run(["screen", "--help"]).stdout.contains("Concurrent workers (default: active processors). [1...1024]"))
    }

    @Test("a recorded run larger than the memory limit is refused naming the node count and the largest --steps")
    func recordedStatesAreBounded() throws {
        var lines: [String] = []
        for i in 0..<500 { lines.append("N\(i), N\((i + 1) % 500)") }
        let path = try CLI.temporaryFile(lines.joined(separator: "\n"), extension: "bnet")
        let result = try run(["simulate", path, "--steps", "1000000"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("with 500 nodes would record 500000500 node-states; the limit is 100000000"), "\(result.stderr)")
        #expect(result.stderr.contains("use at most 199999 steps"), "\(result.stderr)")
    }

    @Test("therapy cycles, starts and stops of Int.max are input errors in every command and the logical engine",
        arguments: [
            ["simulate", "builtin:flagship", "--therapy", "ANTI_PD1@0/1+\(intMax)", "--steps", "5"],
            ["simulate", "builtin:flagship", "--therapy", "ANTI_PD1@0/1+\(intMax)~2", "--exposure", "--steps", "5"],
            ["simulate", "builtin:flagship", "--semantics", "logical", "--therapy", "ANTI_PD1@\(intMax)", "--steps", "5"],
            ["respond", "builtin:flagship", "--therapy", "ANTI_PD1@0-\(intMax)", "--steps", "5"],
            ["sweep", "builtin:flagship", "--therapy", "ANTI_PD1@0/\(intMax)+1", "--readout", "TIM3", "--doses", "1", "--steps", "5"],
        ])
    func therapyStepsAreBounded(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("(an integer in "), "\(result.stderr)")
    }

    @Test("a hypothesis file with an Int.max cycle or a billion variants is refused before anything runs")
    func hypothesisRunawayIsRefused() throws {
        let cycle = try CLI.temporaryFile(#"""
            {"model": "builtin:flagship", "hypotheses": [{"name": "x", "therapies": ["ANTI_PD1@0/1+9223372036854775807"],
             "expect": [{"node": "TIM3", "direction": "up"}]}]}
            """#, extension: "json")
        let first = try run(["check", cycle])
        #expect(first.status == 1 && first.stdout.contains("FAIL  x  |  error:") && first.stdout.contains("an integer in"),
            "\(first.stdout)\(first.stderr)")
        let variants = try CLI.temporaryFile(#"""
            {"model": "builtin:flagship", "hypotheses": [{"name": "x", "expect": [{"node": "TIM3", "direction": "up"}],
             "robustness": {"variants": 1000000000}}]}
            """#, extension: "json")
        let second = try run(["check", variants])
        #expect(second.status == 1 && second.stderr.contains(":2:29: at hypotheses[0].robustness.variants: variants 1000000000 is outside 1...10000"),
            "\(second.stderr)")
    }

    // MARK: merge

    @Test("merge refuses shard counts of 0 and a billion, short rows, duplicated and foreign rows, naming the file")
    func mergeValidates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var shards: [String] = []
        for i in 1...2 {
            let path = directory.appendingPathComponent("s\(i).json").path
            let result = try run(["screen", "builtin:flagship", "--readout", "TIM3", "--readout", "PDL1", "--candidates", "therapies",
                "--pairs", "--steps", "20", "--shard", "\(i)/2", "-q", "-o", path])
            #expect(result.status == 0, "\(result.stderr)")
            shards.append(path)
        }
        let text = try String(contentsOfFile: shards[0], encoding: .utf8)
        func tampered(_ change: (inout [String: Any]) -> Void) throws -> String {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            change(&object)
            let path = directory.appendingPathComponent("bad-\(UUID().uuidString).json").path
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
            return path
        }
        func rows(_ object: [String: Any]) -> [[String: Any]] { object["rows"] as? [[String: Any]] ?? [] }
        let cases: [(String, String)] = [
            (try tampered { $0["shard"] = ["index": 1, "count": 0] }, "shard 1/0 is invalid"),
            (try tampered { $0["shard"] = ["index": 1, "count": 1_000_000_000] }, "<= 100000"),
            (try tampered { var r = rows($0); r[0]["values"] = [0.5]; $0["rows"] = r }, "rows[0] (arm 0) has 1 values but the plan has 2 readouts"),
            (try tampered { var r = rows($0); r.insert(r[1], at: 1); $0["rows"] = r }, "given twice"),
            (try tampered { var r = rows($0); r[1]["arm"] = 1; $0["rows"] = r }, "belongs to shard 2/2"),
        ]
        for (path, expected) in cases {
            let result = try run(["merge", path, shards[1]])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains(path) && result.stderr.contains(expected), "\(result.stderr)")
        }
        let typed = try run(["merge", try tampered { $0["baseline"] = "high" }, shards[1]])
        #expect(typed.status == 1 && typed.stderr.contains(":1:") && typed.stderr.contains("at baseline: expected a list [...], found \"high\""),
            "\(typed.stderr)")
    }

    @Test("merge -o writes exactly the unsharded screen -o document, ranking and goal included")
    func mergedDocumentEqualsUnsharded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let common = ["screen", "builtin:flagship", "--readout", "TIM3", "--candidates", "therapies", "--pairs", "--steps", "20",
            "--goal", "increase", "-q"]
        let whole = directory.appendingPathComponent("whole.json").path
        #expect(try run(common + ["-o", whole]).status == 0)
        var parts: [String] = []
        for i in 1...3 {
            let path = directory.appendingPathComponent("s\(i).json").path
            #expect(try run(common + ["--shard", "\(i)/3", "-o", path]).status == 0)
            parts.append(path)
        }
        let merged = directory.appendingPathComponent("merged.json").path
        #expect(try run(["merge"] + parts.reversed() + ["--goal", "increase", "-o", merged]).status == 0)
        let a = try String(contentsOfFile: whole, encoding: .utf8)
        let b = try String(contentsOfFile: merged, encoding: .utf8)
        #expect(a == b)
        #expect(a.contains("\"ranking\"") && a.contains("\"goal\" : \"increase\""))
    }

    // MARK: Silent acceptance

    @Test("negative --max-length and --radius, --doses with an empty item, and negative doses are usage errors",
        arguments: [
            (["explain", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--max-length", "-3"], "--max-length must be in 1...64"),
            (["info", "builtin:flagship", "--svg", "/dev/null", "--around", "TIM3", "--radius", "-2"], "--radius must be in 0...10000"),
            (["info", "builtin:flagship", "--max-loop-length", "0"], "--max-loop-length must be in 1...64"),
            (["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--doses", "1,,2"], "got '1,,2'"),
            (["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--doses", "1,2,"], "got '1,2,'"),
            (["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3", "--doses", "-1,2"], "non-negative"),
        ])
    func silentAcceptanceIsRefused(_ arguments: [String], _ expected: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test("a dose above the full-effect dose warns; --full-effect-dose moves full effect and separates the doses")
    func doseSaturationWarns() throws {
        let base = ["sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "PDL1", "--doses", "0.5,1,2,10", "--csv"]
        let saturated = try run(base)
        #expect(saturated.status == 0)
        #expect(saturated.stderr.contains("warning: ANTI_PD1: dose(s) 2, 10 are above the full-effect dose 1"), "\(saturated.stderr)")
        let values = { (text: String) in text.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] } }
        #expect(Set(values(saturated.stdout).dropFirst()).count == 1, "\(saturated.stdout)")
        let rescaled = try run(base + ["--full-effect-dose", "10"])
        #expect(rescaled.status == 0 && rescaled.stderr.isEmpty, "\(rescaled.stderr)")
        #expect(Set(values(rescaled.stdout)).count == 4, "\(rescaled.stdout)")
    }

    @Test("JSON models with clamps of 5, initialLevel 99 or a NUL in an id are refused by every command",
        arguments: ["clamp_out_of_range.json", "initial_level_99.json", "id_with_nul.json"])
    func outOfRangeModelsAreRefused(_ name: String) throws {
        for command in [["info"], ["simulate"], ["convert", "--to", "bnet"]] {
            let result = try run([command[0], "\(Self.hostile)/\(name)"] + command.dropFirst())
            #expect(result.status == 1, "\(command) \(result.stderr)")
            #expect(result.stderr.contains(name), "\(result.stderr)")
        }
    }

    @Test("an undefined bnet name is a warning with a did-you-mean from every command; --strict makes it an error")
    func undefinedBnetNames() throws {
        let path = "\(Self.hostile)/undefined_typo.bnet"
        for command in [["simulate", path, "--steps", "2"], ["respond", path, "--therapy", "TNFa"], ["convert", path, "--to", "sif"],
                        ["attractors", path], ["fixedpoints", path]] {
            let result = try run(command)
            #expect(result.status == 0, "\(command) \(result.stderr)")
            #expect(result.stderr.contains("warning: \(path): TNFa: 'TNFa' (read on line 1) has no line of its own")
                && result.stderr.contains("did you mean 'TNFA'?"), "\(command) \(result.stderr)")
            let strict = try run(command + ["--strict"])
            #expect(strict.status == 1 && strict.stderr.contains("1 warning(s) with --strict"), "\(command) \(strict.stderr)")
        }
    }

    // MARK: Errors with a place

    @Test("hypothesis files: a misspelled robustness block is an error, not an untested pass")
    func misspelledRobustnessIsAnError() throws {
        let path = try CLI.temporaryFile(#"""
            {"model": "builtin:flagship",
             "hypotheses": [{"name": "x", "therapies": ["ANTI_PD1"], "expect": [{"node": "PDL1", "direction": "up"}],
                             "robustnes": {"variants": 5}}]}
            """#, extension: "json")
        let result = try run(["check", path])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("PASS"))
        #expect(result.stderr.contains(":3:31: at hypotheses[0].robustnes: unknown key 'robustnes' in a hypothesis; did you mean 'robustness'?"),
            "\(result.stderr)")
    }

    @Test("a bad sign word in a JSON model names line, column, path and the allowed values")
    func jsonSignWord() throws {
        let result = try run(["info", "\(Self.hostile)/sign_word.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sign_word.json:18:12: at edges[0].sign: 'activate' is not a valid sign; expected one of: activates, inhibits"),
            "\(result.stderr)")
    }
}
