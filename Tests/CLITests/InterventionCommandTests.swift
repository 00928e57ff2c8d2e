import Foundation
import Testing

private let toy = CLI.packageRoot.appendingPathComponent("Tests/ImmunoSimTests/Fixtures/checkpoint_toy.bnet").path

/// Interventions on any node and the semantics flags of the analysis commands.
@Suite("immunosim: interventions on any node, under any semantics")
struct InterventionCommandTests {
    private func readouts(_ text: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let rows = try #require(object["readouts"] as? [[String: Any]])
        var result: [String: [String: Any]] = [:]
        for row in rows { result[try #require(row["node"] as? String)] = row }
        return result
    }

    @Test func blockOnAnImportedModelUnderEachSemantics() throws {
        for semantics in [
            ["--semantics", "graded"], ["--logic", "hillcube"], ["--semantics", "logical", "--update", "async", "--runs", "8"],
            ["--semantics", "stochastic", "--trajectories", "3000"],
        ] {
            let run = try #require(try CLI.run(
                ["respond", toy, "--block", "PD1", "--initial", "ANTIGEN=1", "--readout", "TIM3", "--readout", "PDL1", "--json"]
                    + semantics))
            #expect(run.status == 0, "\(semantics): \(run.stderr)")
            let rows = try readouts(run.stdout)
            #expect(rows["TIM3"]?["direction"] as? String == "up", "\(semantics): \(run.stdout)")
            #expect(rows["PDL1"]?["direction"] as? String == "up", "\(semantics): \(run.stdout)")
        }
    }

    @Test func knockoutAloneAndWarmup() throws {
        let run = try #require(try CLI.run(
            ["respond", toy, "--knockout", "TIM3", "--initial", "ANTIGEN=1", "--warmup", "40", "--steps", "100",
             "--readout", "TCELL", "--json"]))
        #expect(run.status == 0, "\(run.stderr)")
        let row = try #require(try readouts(run.stdout)["TCELL"])
        #expect(row["direction"] as? String == "up")
        #expect((row["firstStep"] as? Int ?? 0) > 40)
        let steady = try #require(try CLI.run(["respond", toy, "--deplete", "IFNG", "--warmup", "steady", "--readout", "PDL1", "--json"]))
        #expect(steady.status == 0, "\(steady.stderr)")
        #expect(try readouts(steady.stdout)["PDL1"]?["direction"] as? String == "down")
    }

    @Test func explainAndCheckTakeTheSemantics() throws {
        let explain = try #require(try CLI.run(
            ["explain", toy, "--block", "PD1", "--initial", "ANTIGEN=1", "--readout", "TIM3", "--semantics", "logical",
             "--update", "async", "--runs", "8"]))
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("PD1SIG"), "\(explain.stdout)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("toy-hypotheses-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            {"model": "\(toy)", "hypotheses": [
              {"name": "anti-PD-1 raises TIM-3", "block": ["PD1"], "steps": 200,
               "expect": [{"node": "TIM3", "direction": "up"}, {"node": "PDL1", "direction": "up"}]},
              {"name": "TIM-3 loss releases T cells", "knockout": ["TIM3"], "steps": 200,
               "expect": [{"node": "TCELL", "direction": "up"}]}]}
            """.write(to: file, atomically: true, encoding: .utf8)
        for semantics in [
            [String](), ["--semantics", "logical", "--update", "async", "--runs", "64"],
            ["--semantics", "stochastic", "--trajectories", "4000"],
        ] {
            let check = try #require(try CLI.run(["check", file.path] + semantics))
            #expect(check.status == 0, "\(semantics): \(check.stdout) \(check.stderr)")
            #expect(check.stdout.contains("2 passed, 0 failed"), "\(check.stdout)")
        }
    }

    @Test func badInterventionsAreErrorsWithTheirCause() throws {
        let unknown = try #require(try CLI.run(["respond", toy, "--block", "PD-1x"]))
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("PD-1x"))
        let efficacy = try #require(try CLI.run(["respond", toy, "--block", "PD1:1.5"]))
        #expect(efficacy.status == 1 && efficacy.stderr.contains("efficacy"), "\(efficacy.stderr)")
        let nothing = try #require(try CLI.run(["respond", toy, "--readout", "TIM3"]))
        #expect(nothing.status == 2)
        let misplaced = try #require(try CLI.run(["respond", toy, "--block", "PD1", "--update", "async"]))
        #expect(misplaced.status == 2 && misplaced.stderr.contains("--semantics logical"), "\(misplaced.stderr)")
        let logic = try #require(try CLI.run(["respond", toy, "--block", "PD1", "--logic", "fuzzy"]))
        #expect(logic.status == 2)
        let warmup = try #require(try CLI.run(["respond", toy, "--block", "PD1", "--warmup", "-3"]))
        #expect(warmup.status == 2)
        let trajectories = try #require(try CLI.run(["respond", toy, "--block", "PD1", "--trajectories", "10"]))
        #expect(trajectories.status == 2 && trajectories.stderr.contains("--semantics stochastic"), "\(trajectories.stderr)")
        let stochasticLogic = try #require(try CLI.run(["respond", toy, "--block", "PD1", "--semantics", "stochastic", "--logic", "minmax"]))
        #expect(stochasticLogic.status == 2)
    }

    @Test func resolvedNamesSaturatedDosesAndEngineDifferencesAreSaid() throws {
        let run = try #require(try CLI.run(
            ["respond", "builtin:tme", "--therapy", "TAT:5", "--background", "cold_tumor", "--knockout", "PD-1", "--readout", "CD8_T"]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: 'PD-1' is PD1"), "\(run.stderr)")
        #expect(run.stderr.contains("note: background 'cold_tumor' is COLD_TUMOR"), "\(run.stderr)")
        #expect(run.stderr.contains("dose 5 is above the full-effect dose 1"), "\(run.stderr)")
        let partial = try #require(try CLI.run(
            ["respond", toy, "--block", "PD1:0.7", "--semantics", "logical", "--readout", "TIM3"]))
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("70% block as a full block"), "\(partial.stderr)")
    }
}
