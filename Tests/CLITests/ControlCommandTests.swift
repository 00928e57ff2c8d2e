import Foundation
import Testing

private let checkpoint = CLI.packageRoot.appendingPathComponent("Examples/models/checkpoint.bnet").path

private func immunosim(_ arguments: [String]) throws -> CLIRun {
    guard let run = try CLI.run(arguments) else { throw CLIMissing() }
    return run
}

@Suite("Control command")
struct ControlCommandTests {
    @Test("control --json on the checkpoint model: the contract keys, IFNG=0 by percolation with its chain")
    func json() throws {
        let run = try immunosim(["control", checkpoint, "--fix", "ANTIGEN=1", "--target", "KILLING=1", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["nodes"] as? [String])?.count == 11)
        #expect((object["target"] as? [String: Int]) == ["KILLING": 1])
        let strategies = try #require(object["strategies"] as? [[String: Any]])
        #expect(strategies.count == 11)
        let ifng = try #require(strategies.first { ($0["perturbations"] as? [String: Int]) == ["IFNG": 0] })
        #expect(ifng["size"] as? Int == 1 && ifng["verified"] as? String == "percolation")
        let steps = try #require(ifng["explanation"] as? [[String: Any]])
        #expect(steps.last?["node"] as? String == "KILLING" && steps.last?["value"] as? Int == 1)
        #expect(steps.last?["because"] as? [String: Int] == ["TCELL": 1])
        #expect(steps.allSatisfy { ($0["evidence"] as? [Any])?.isEmpty == true })   // a .bnet file has no evidence
    }

    @Test("control text: each answer, its kind and its chain; attractor-checked answers on a cyclic case")
    func text() throws {
        let run = try immunosim(["control", checkpoint, "--fix", "ANTIGEN=1", "--target", "KILLING=1", "--max-size", "1"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("2. IFNG=0  [percolation"))
        #expect(run.stdout.contains("TCELL=1 because ANTIGEN=1, PD1SIG=0, TIM3SIG=0"))
        // Tumour control without touching the T cells or killing directly: IFN-gamma removal again.
        let none = try immunosim(["control", checkpoint, "--fix", "ANTIGEN=1", "--target", "TUMOR=0", "--exclude", "TCELL",
                                  "--exclude", "KILLING", "--max-size", "1"])
        #expect(none.status == 0 && none.stdout.contains("IFNG=0"))
    }

    @Test("built-in model: explanation steps cite the curated evidence")
    func builtinEvidence() throws {
        // The Boolean built-in model (builtin:tme has multi-valued dose and antigen nodes): without
        // antigen, tumour burden percolates on, and every step cites the curated edge.
        let arguments = ["control", "builtin:flagship", "--target", "TUMOR_BURDEN=1", "--max-size", "0", "--fix", "ANTIGEN=0", "--json"]
        let run = try immunosim(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let strategy = try #require((object["strategies"] as? [[String: Any]])?.first)
        let steps = try #require(strategy["explanation"] as? [[String: Any]])
        let evidence = steps.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
        #expect(!evidence.isEmpty && evidence.allSatisfy { $0["edge"] is String && $0["paraphrase"] is String })
    }

    @Test("builtin:tme (multi-valued doses and antigen) is controlled through its Boolean coding: anti-PD-L1 or no IFN-γ silences PD-L1")
    func multiValuedBuiltin() throws {
        let run = try immunosim(["control", "builtin:tme", "--target", "PDL1=0", "--max-size", "1", "--exclude", "TIM3", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let strategies = try #require(object["strategies"] as? [[String: Any]])
        let sets = strategies.compactMap { $0["perturbations"] as? [String: Int] }
        #expect(sets.contains(["ANTI_PDL1": 1]) && sets.contains(["IFNG": 0]), "\(sets)")
        let steps = strategies.flatMap { ($0["explanation"] as? [[String: Any]]) ?? [] }
        #expect(steps.contains { ($0["evidence"] as? [[String: Any]])?.isEmpty == false })
        // A multi-valued node is perturbed at 0 or its maximum, and a target may name any level.
        let tat = try immunosim(["control", "builtin:tme", "--target", "DAMPS=1", "--max-size", "1", "--json"])
        #expect(tat.status == 0, "\(tat.stderr)")
        #expect(tat.stdout.contains("\"TAT\" : 5") || tat.stdout.contains("\"TAT\":5"), "\(tat.stdout.prefix(400))")
    }

    @Test("screen --control-target: the control answers are the screen's arms (supply for an internal node)")
    func screenCandidates() throws {
        let run = try immunosim(["screen", checkpoint, "--readout", "TUMOR", "--control-target", "KILLING=1", "--semantics", "logical",
                                 "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("TCELL=1; ANTIGEN=1 + IFNG=0"))
        #expect(run.stdout.contains("supply TCELL") && run.stdout.contains("KO:IFNG"))
        let unknown = try immunosim(["screen", checkpoint, "--readout", "TUMOR", "--control-target", "KILING=1"])
        #expect(unknown.status == 1 && unknown.stderr.contains("KILING"))
        let none = try immunosim(["screen", checkpoint, "--readout", "TUMOR", "--control-target", "KILLING=1",
                                  "--control-max-size", "0"])
        #expect(none.status == 1 && none.stderr.contains("nothing to screen"))
    }

    @Test("hostile input: unknown nodes are exit 1 naming them; bad syntax and too large K are exit 2")
    func hostile() throws {
        let unknown = try immunosim(["control", checkpoint, "--target", "TCEL=1"])
        #expect(unknown.status == 1 && unknown.stderr.contains("TCEL") && unknown.stderr.contains("TCELL"))
        let excluded = try immunosim(["control", checkpoint, "--target", "TCELL=1", "--exclude", "GHOST"])
        #expect(excluded.status == 1 && excluded.stderr.contains("GHOST"))
        for bad in [["--target", "TCELL"], ["--target", "TCELL=-1"], ["--target", "=1"], ["--target", "TCELL=1", "--max-size", "9"],
                    ["--target", "TCELL=1", "--max-size", "-1"], ["--target", "TCELL=1", "--max-size", "two"], []] {
            let run = try immunosim(["control", checkpoint] + bad)
            #expect(run.status == 2, "\(bad): \(run.stderr)")
            #expect(run.stderr.contains("error"), "\(bad)")
        }
        let tooLarge = try immunosim(["control", checkpoint, "--target", "TCELL=1", "--max-size", "9"])
        #expect(tooLarge.stderr.contains("0...4"))
        // The set limit is tested in the library (ControlTests); a level above the node's maximum
        // is bad input naming the node and its range.
        let level = try immunosim(["control", checkpoint, "--target", "TCELL=2"])
        #expect(level.status == 1 && level.stderr.contains("TCELL") && level.stderr.contains("0...1"), "\(level.stderr)")
        let fix = try immunosim(["control", checkpoint, "--target", "TCELL=1", "--fix", "NOPE=1"])
        #expect(fix.status == 1 && fix.stderr.contains("NOPE"))
        let missing = try immunosim(["control", "/nonexistent/model.bnet", "--target", "TCELL=1"])
        #expect(missing.status == 1)
    }
}

@Suite("Attractors --count")
struct AttractorCountCommandTests {
    @Test("--count prints the exact number of attractors, equal to the listing's (asynchronous: counted symbolically)")
    func count() throws {
        guard let listed = try CLI.run(["attractors", checkpoint, "--update", "async", "--exhaustive", "--json"]),
              let counted = try CLI.run(["attractors", checkpoint, "--update", "async", "--exhaustive", "--count", "--json"]),
              let sync = try CLI.run(["attractors", checkpoint, "--exhaustive", "--count"]),
              let syncListed = try CLI.run(["attractors", checkpoint, "--exhaustive", "--json"]) else { throw CLIMissing() }
        #expect(listed.status == 0 && counted.status == 0 && sync.status == 0, "\(counted.stderr)")
        let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let number = try #require(try JSONSerialization.jsonObject(with: Data(counted.stdout.utf8)) as? [String: Any])
        let attractors = try #require(all["attractors"] as? [Any])
        #expect((number["count"] as? Int) == attractors.count && attractors.count > 1)
        let syncAll = try #require(try JSONSerialization.jsonObject(with: Data(syncListed.stdout.utf8)) as? [String: Any])
        #expect(sync.stdout == "\((syncAll["attractors"] as? [Any])?.count ?? -1) attractors\n" || sync.stdout == "1 attractor\n")
    }
}
