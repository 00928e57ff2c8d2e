import Foundation
import Testing

@Suite("immunosim explain and check")
struct ExplainCheckCommandTests {
    @Test func explainPrintsTheChainWithEvidenceAndMediation() throws {
        let run = try #require(try CLI.run(["explain", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM3"]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("TIM3 rises under ANTI_PD1"))
        #expect(run.stdout.contains("1. ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> TIM3"))
        #expect(run.stdout.contains("CD8_T: 0%  necessary"))
    }

    @Test func explainJSONDecodes() throws {
        let run = try #require(try CLI.run(["explain", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "PDL1", "--json"]))
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["readout"] as? String == "PDL1")
        #expect(object["direction"] as? String == "up")
        #expect(((object["chains"] as? [[String: Any]])?.first?["text"] as? String)?.contains("IFNG -> PDL1") == true)
    }

    @Test func explainErrors() throws {
        let typo = try #require(try CLI.run(["explain", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TIM-3"]))
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean TIM3?"))
        #expect(try CLI.run(["explain", "builtin:flagship", "--therapy", "ANTI_PD1"])?.status == 2)
        #expect(try CLI.run(["explain", "builtin:flagship", "--readout", "TIM3"])?.status == 2)
    }

    @Test func checkPrintsOneLinePerHypothesisAndExitsNonZeroOnFailure() throws {
        let passing = try CLI.temporaryFile("""
            {"model": "builtin:flagship", "hypotheses": [
             {"name": "anti-PD-1 raises TIM-3", "therapies": ["ANTI_PD1"], "expect": [{"node": "TIM3", "direction": "up"}]},
             {"name": "anti-PD-1 raises PD-L1", "therapies": ["ANTI_PD1"], "expect": [{"node": "PDL1", "direction": "up"}]}]}
            """, extension: "json")
        let ok = try #require(try CLI.run(["check", passing]))
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        let lines = ok.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("PASS  anti-PD-1 raises TIM-3  |  TIM3 "))
        #expect(lines[0].hasSuffix("ANTI_PD1 -| PD1 -| T_CELL_ACTIVATION -> CD8_T -> TIM3"))

        let failing = try CLI.temporaryFile("""
            {"hypotheses": [{"name": "wrong", "therapies": ["ANTI_PD1"], "expect": [{"node": "PDL1", "direction": "down"}]}]}
            """, extension: "json")
        let bad = try #require(try CLI.run(["check", failing, "--model", "builtin:flagship"]))
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("FAIL  wrong"))
        #expect(bad.stdout.contains("expected PDL1 down; got PDL1"))
        #expect(try CLI.run(["check", failing])?.status == 2)  // no model anywhere
        let malformed = try CLI.temporaryFile(#"{"hypotheses": [{"name": "x"}]}"#, extension: "json")
        let broken = try #require(try CLI.run(["check", malformed, "--model", "builtin:flagship"]))
        #expect(broken.status == 1)
        #expect(broken.stderr.contains(":1:17: at hypotheses[0]: missing required key 'expect'"), "\(broken.stderr)")
    }
}
