import Foundation
import Testing

/// A researcher's first hour: outputs that say what was asked and nothing hidden.
@Suite("A researcher's first hour")
struct FirstHourCommandTests {
    private func run(_ arguments: [String]) throws -> CLIRun {
        guard let result = try CLI.run(arguments) else { throw CLIMissing() }
        return result
    }

    @Test("simulate --readout filters the CSV and the JSON to the named nodes, in the order given")
    func simulateReadoutFilters() throws {
        let csv = try run(["simulate", "builtin:flagship", "--steps", "3", "--readout", "TIM3", "--readout", "PD1"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "step,TIM3,PD1" && lines.count == 5, "\(csv.stdout)")
        let all = try run(["simulate", "builtin:flagship", "--steps", "3"]).stdout.split(separator: "\n")
        let header = all[0].split(separator: ",")
        let tim3 = try #require(header.firstIndex(of: "TIM3"))
        #expect(lines[4].split(separator: ",")[1] == all[4].split(separator: ",")[tim3] && lines[4] != "3,0,0")
        let json = try run(["simulate", "Examples/models/tcell.bnet".inPackage, "--semantics", "logical", "--steps", "4",
            "--therapy", "ANTIGEN", "--format", "json", "--readout", "ZAP70"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["nodes"] as? [String] == ["ZAP70"])
        #expect((object["steps"] as? [[Double]])?.allSatisfy { $0.count == 1 } == true)
        #expect((object["steps"] as? [[Double]])?.count == 5)
    }

    @Test("screen offers an antibody, not also the knockout of its target, and says so; --candidate KO:ID still runs it")
    func screenDeduplicatesAntibodies() throws {
        let result = try run(["screen", "builtin:tme", "--readout", "TUMOR_BURDEN", "--steps", "30", "--csv"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("KO:PD1 = ANTI_PD1"), "\(result.stderr)")
        #expect(!result.stdout.contains("\"KO:PD1\"") && result.stdout.contains("\"ANTI_PD1\""))
        let named = try run(["screen", "builtin:tme", "--readout", "TUMOR_BURDEN", "--steps", "30", "--csv",
            "--candidate", "ANTI_PD1", "--candidate", "KO:PD1"])
        #expect(named.stdout.contains("\"KO:PD1\"") && !named.stderr.contains("left out"))
    }

    @Test("heatmap cells carry their values (data-value and a tooltip); --synergy-svg draws the Bliss excess")
    func heatmapsCarryValues() throws {
        let directory = FileManager.default.temporaryDirectory
        let effects = directory.appendingPathComponent("effects-\(UUID().uuidString).svg").path
        let synergy = directory.appendingPathComponent("bliss-\(UUID().uuidString).svg").path
        let result = try run(["screen", "builtin:tme", "--readout", "TUMOR_BURDEN", "--pairs", "--candidates", "therapies",
            "--candidate", "ANTI_PD1", "--candidate", "ANTI_TIM3", "--candidate", "TAT", "--candidate", "IL12_THERAPY",
            "--steps", "50", "-q", "--svg", effects, "--synergy-svg", synergy, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let effectSVG = try String(contentsOfFile: effects, encoding: .utf8)
        let blissSVG = try String(contentsOfFile: synergy, encoding: .utf8)
        // 4 singles + 6 pairs drawn in each (lower triangle with diagonal).
        #expect(effectSVG.components(separatedBy: "class=\"cell\"").count - 1 == 10)
        #expect(effectSVG.contains("<title>ANTI_PD1 × ANTI_PD1: -"), "\(effectSVG.prefix(2000))")
        #expect(blissSVG.contains("Bliss excess on TUMOR_BURDEN"))
        // The Bliss values drawn are the ranking's.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        let pairs = ranking.compactMap { $0["bliss"] as? Double }
        #expect(pairs.count == 6)
        for bliss in pairs {
            #expect(blissSVG.contains("data-value=\"\(String(format: "%.4f", bliss))\""), "\(bliss)")
        }
        let refused = try run(["screen", "builtin:flagship", "--readout", "TIM3", "-q", "--synergy-svg", synergy])
        #expect(refused.status == 2 && refused.stderr.contains("--synergy-svg needs pairs"))
    }
}

extension String {
    /// A path relative to the package root.
    var inPackage: String { CLI.packageRoot.appendingPathComponent(self).path }
}
