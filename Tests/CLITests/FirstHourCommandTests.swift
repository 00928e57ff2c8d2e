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

    @Test("convert to bnet, MaBoSS or SIF warns that antibody edges keep only the logical reading; JSON and SBML do not")
    func antibodyExportWarning() throws {
        let bnet = try run(["convert", "builtin:flagship", "--to", "bnet"])
        #expect(bnet.status == 0)
        #expect(bnet.stderr.contains("warning: bnet keeps the logical reading of 3 antibody edge(s) (ANTI_PD1 -| PD1"), "\(bnet.stderr)")
        #expect(bnet.stderr.contains("--semantics logical"))
        #expect(!(try run(["convert", "builtin:flagship", "--to", "json"])).stderr.contains("antibody"))
        #expect(!(try run(["convert", "builtin:flagship", "--to", "sbml"])).stderr.contains("antibody"))
    }

    @Test("info --around highlights the focal node, defaults to radius 1 and names it in the title")
    func infoAround() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("around-\(UUID().uuidString).svg").path
        let result = try run(["info", "builtin:tme", "--svg", path, "--around", "TIM3"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("TIM3 and its neighbours within 1 edge"))
        let wide = try run(["info", "builtin:tme", "--svg", path, "--around", "TIM3", "--radius", "2"])
        #expect(wide.status == 0)
        let svg2 = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg2.contains("within 2 edges") && svg2.count > svg.count)
        #expect(try run(["info", "builtin:tme", "--svg", path, "--radius", "2"]).status == 2)
    }

    @Test("--input-format bnet reads a BoolNet .txt file; .bn is bnet; a bad format name is a usage error")
    func inputFormatOverride() throws {
        let text = "targets, factors\nA, A\nB, A & !C\nC, B\n"
        let txt = try CLI.temporaryFile(text, extension: "txt")
        let refused = try run(["info", txt])
        #expect(refused.status == 1 && refused.stderr.contains("--input-format"), "\(refused.stderr)")
        let read = try run(["info", txt, "--input-format", "bnet"])
        #expect(read.status == 0 && read.stdout.contains("3 nodes"), "\(read.stdout)\(read.stderr)")
        #expect(try run(["fixedpoints", "--input-format=bnet", txt, "--count"]).status == 0)
        #expect(try run(["info", try CLI.temporaryFile(text, extension: "bn")]).status == 0)
        #expect(try run(["info", txt, "--input-format", "boolnet"]).status == 2)
    }
}

extension String {
    /// A path relative to the package root.
    var inPackage: String { CLI.packageRoot.appendingPathComponent(self).path }
}
