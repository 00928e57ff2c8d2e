import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// `immunosim simulate` and `respond`: the flagship story through the command line, the JSON
/// contract, the shared perturbation flags, exposure profiles and the default plot readouts.
@Suite("immunosim simulate and respond")
struct SimulateRespondCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func respondJSONTellsTheFlagshipStory() throws {
        let run = try #require(try CLI.run([
            "respond", "builtin:tme", "--therapy", "ANTI_PD1@10", "--readout", "CD8_T", "--readout", "PDL1",
            "--readout", "TIM3", "--readout", "TUMOR_BURDEN", "--readout", "T_CELL_ACTIVATION", "--json",
        ]))
        #expect(run.status == 0, "\(run.stderr)")
        let readouts = try #require(try json(run.stdout)["readouts"] as? [[String: Any]])
        #expect(readouts.map { $0["node"] as? String } == ["CD8_T", "PDL1", "TIM3", "TUMOR_BURDEN", "T_CELL_ACTIVATION"])
        var direction: [String: String] = [:]
        var first: [String: Int] = [:]
        for row in readouts {
            let node = try #require(row["node"] as? String)
            // The public keys, with consistent numbers.
            let baseline = try #require(row["baseline"] as? Double)
            let treated = try #require(row["treated"] as? Double)
            let delta = try #require(row["delta"] as? Double)
            #expect(abs(treated - baseline - delta) < 1e-12)
            direction[node] = try #require(row["direction"] as? String)
            first[node] = row["firstStep"] as? Int
        }
        #expect(direction == ["CD8_T": "up", "PDL1": "up", "TIM3": "up", "TUMOR_BURDEN": "down", "T_CELL_ACTIVATION": "up"])
        // T-cell activation moves first; PD-L1 and TIM-3 follow with a delay.
        let activation = try #require(first["T_CELL_ACTIVATION"])
        let pdl1 = try #require(first["PDL1"]), tim3 = try #require(first["TIM3"])
        #expect(activation > 10 && pdl1 > activation && tim3 > activation)
    }

    @Test func simulateGradedJSONAndCSVAgree() throws {
        let jsonRun = try #require(try CLI.run([
            "simulate", "builtin:flagship", "--therapy", "ANTI_PD1@10", "--steps", "30", "--format", "json",
        ]))
        #expect(jsonRun.status == 0, "\(jsonRun.stderr)")
        let object = try json(jsonRun.stdout)
        let nodes = try #require(object["nodes"] as? [String])
        let steps = try #require(object["steps"] as? [[Double]])
        #expect(steps.count == 31 && steps.allSatisfy { $0.count == nodes.count })
        let antiPD1 = try #require(nodes.firstIndex(of: "ANTI_PD1"))
        #expect(steps[9][antiPD1] == 0 && steps[10][antiPD1] == 1)
        let csvRun = try #require(try CLI.run(["simulate", "builtin:flagship", "--therapy", "ANTI_PD1@10", "--steps", "30"]))
        let lines = csvRun.stdout.split(separator: "\n")
        #expect(lines.count == 32)
        let last = lines[31].split(separator: ",").dropFirst().compactMap { Double($0) }
        #expect(last.count == nodes.count)
        for (a, b) in zip(last, steps[30]) { #expect(abs(a - b) < 1e-3) }
    }

    @Test func sharedPerturbationFlagsAndBackgroundNames() throws {
        // A background by its synonym, a therapy with a dose from step 0 (TAT:0.4).
        let depleted = try #require(try CLI.run([
            "respond", "builtin:tme", "--therapy", "TAT:0.4", "--background", "CD8-depleted", "--readout", "CD8_T", "--json",
        ]))
        #expect(depleted.status == 0, "\(depleted.stderr)")
        let row = try #require((try json(depleted.stdout)["readouts"] as? [[String: Any]])?.first)
        #expect(row["treated"] as? Double == 0)
        // A knockout behaves like the background's clamp.
        let knockout = try #require(try CLI.run([
            "respond", "builtin:tme", "--therapy", "TAT:0.4", "--knockout", "CD8_T", "--readout", "CD8_T",
        ]))
        #expect(knockout.status == 0 && knockout.stdout.contains("unchanged"))
        let unknown = try #require(try CLI.run(["respond", "builtin:tme", "--therapy", "TAT", "--background", "CD4_DEPLETED"]))
        #expect(unknown.status == 1 && unknown.stderr.contains("CD8_DEPLETED"))
        let typo = try #require(try CLI.run(["simulate", "builtin:tme", "--knockout", "TIM-4"]))
        #expect(typo.status == 1 && typo.stderr.contains("did you mean"))
        #expect(try CLI.run(["respond", "builtin:tme"])?.status == 2)
        #expect(try CLI.run(["simulate", "builtin:tme", "--initial", "CD8_T"])?.status == 2)
        #expect(try CLI.run(["simulate", "builtin:tme", "--seed", "3"])?.status == 2)   // graded has no seed
    }

    @Test func exposureProfiles() throws {
        let run = try #require(try CLI.run([
            "simulate", "builtin:tme", "--therapy", "IL12_THERAPY@2-9/2+1", "--steps", "9", "--exposure", "--format", "csv",
        ]))
        #expect(run.status == 0, "\(run.stderr)")
        let values = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("step") }
            .map { $0.split(separator: ",")[1] }
        // On at 2, 3; off at 4; on at 5, 6; off at 7; on at 8; stopped at 9.
        #expect(values == ["0", "0", "1", "1", "0", "1", "1", "0", "1", "0"])
        let bolus = try #require(try CLI.run(["respond", "builtin:tme", "--therapy", "TAT@0:0.4~1", "--steps", "3", "--exposure"]))
        #expect(bolus.status == 0 && bolus.stdout.contains("0.2 ") && bolus.stdout.contains("0.05 "))
    }

    @Test func plotsShowTheNodesThatMoveNotTheTherapyInputs() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString).svg").path
        let run = try #require(try CLI.run(["simulate", "builtin:tme", "--therapy", "ANTI_PD1@10", "--steps", "80", "--svg", svg]))
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("most changed by the therapies"))
        #expect(text.contains(">ANTI_PD1<") == false && text.contains(">IL21_THERAPY<") == false)
        // What the therapy moves: killing rises or the tumour falls, exhaustion falls, PI3K-AKT
        // signalling rises (which killing readout ranks in the top eight depends on the model).
        #expect((text.contains(">TUMOR_BURDEN<") || text.contains(">TUMOR_CELL<") || text.contains(">CTL_CYTOTOXICITY<"))
            && text.contains(">T_CELL_EXHAUSTION<")
            && text.contains(">PI3K_AKT<"))
        let logical = FileManager.default.temporaryDirectory.appendingPathComponent("logical-\(UUID().uuidString).svg").path
        let quiet = try #require(try CLI.run(["simulate", "builtin:flagship", "--semantics", "logical", "--steps", "5", "--svg", logical]))
        #expect(quiet.status == 0, "\(quiet.stderr)")
        // Levels are 0...max: the axis never goes negative, even when nothing moves.
        #expect(try String(contentsOfFile: logical, encoding: .utf8).contains("−1") == false)
    }
}

/// `--hill N`: the graded Hill exponent of every edge without its own, so the claim tests'
/// `hill2` semantics can be run from the command line.
@Suite("immunosim --hill")
struct HillExponentCommandTests {
    /// The last state of `simulate --format json` for `arguments`.
    private func lastState(_ arguments: [String]) throws -> [Double] {
        let run = try #require(try CLI.run(["simulate", "builtin:tme", "--therapy", "ANTI_PD1@10", "--steps", "60", "--format", "json"] + arguments))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require((object["steps"] as? [[Double]])?.last)
    }

    @Test func simulateRunsTheLibraryEngineWithThatExponent() throws {
        let graph = try Catalog.tumourMicroenvironment()
        var scenario = Scenario(model: "builtin:tme")
        scenario.therapies = [.node("ANTI_PD1", schedule: .continuous(from: 10))]
        for exponent in [1, 2, 3] {
            let model = try CompiledGradedModel(graph, parameters: GradedParameters(hillExponent: exponent))
            let expected = Array(model.run(try model.inputs(for: scenario), steps: 60).state(at: 60))
            let cli = try lastState(["--hill", String(exponent)])
            #expect(cli.count == expected.count)
            // The command line runs the same engine (up to the order of floating-point sums).
            #expect(zip(cli, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "exponent \(exponent)")
        }
        #expect(try lastState([]) == (try lastState(["--hill", "1"])))
        #expect(try lastState(["--hill", "2"]) != (try lastState(["--hill", "1"])))
    }

    @Test func respondReadsTheExponent() throws {
        func burden(_ extra: [String]) throws -> Double {
            let run = try #require(try CLI.run(["respond", "builtin:tme", "--therapy", "ANTI_PD1", "--readout", "TUMOR_BURDEN", "--json"] + extra))
            #expect(run.status == 0, "\(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let rows = try #require(object["readouts"] as? [[String: Any]])
            return try #require(rows.first?["baseline"] as? Double)
        }
        #expect(try burden(["--hill", "2"]) != (try burden([])))
    }

    @Test func reportsNameTheExponent() throws {
        let steep = try #require(try CLI.run(["screen", "builtin:tme", "--readout", "TUMOR_BURDEN", "--candidate", "ANTI_PD1", "--hill", "2"]))
        #expect(steep.status == 0, "\(steep.stderr)")
        #expect(steep.stdout.contains("graded (multilinear, Hill 2)"), "\(steep.stdout)")
        let plain = try #require(try CLI.run(["screen", "builtin:tme", "--readout", "TUMOR_BURDEN", "--candidate", "ANTI_PD1"]))
        #expect(plain.stdout.contains("graded (multilinear)"), "\(plain.stdout)")
    }

    @Test func badExponentsAndOtherSemanticsAreUsageErrors() throws {
        for arguments in [
            ["simulate", "builtin:tme", "--hill", "9"],
            ["simulate", "builtin:tme", "--hill", "two"],
            ["simulate", "builtin:tme", "--hill", "2", "--semantics", "logical"],
            ["simulate", "builtin:tme", "--hill", "2", "--semantics", "stochastic"],
            ["respond", "builtin:tme", "--therapy", "ANTI_PD1", "--hill", "0"],
            ["respond", "builtin:tme", "--therapy", "ANTI_PD1", "--hill", "2", "--semantics", "logical"],
        ] {
            let run = try #require(try CLI.run(arguments))
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("--hill"), "\(arguments): \(run.stderr)")
        }
    }
}
