import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let faure = packageRoot.appendingPathComponent("Tests/ImmunoSimTests/Fixtures/faure2006.bnet").path

/// Runs `immunosim` with `arguments`; returns (exit code, stdout, stderr). A missing binary fails.
private func immunosim(_ arguments: [String]) throws -> (Int32, String, String) {
    guard let run = try CLI.run(arguments) else { throw CLIMissing() }
    return (run.status, run.stdout, run.stderr)
}

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite("Logical commands")
struct LogicalCommandTests {
    @Test("attractors --exhaustive --json on the Fauré cell cycle: a fixed point and a 7-cycle, 512 states each")
    func exhaustiveJSON() throws {
        let (status, out, _) = try immunosim(["attractors", faure, "--exhaustive", "--json"])
        #expect(status == 0)
        let object = try jsonObject(out)
        let nodes = try #require(object["nodes"] as? [String])
        #expect(nodes.count == 10 && nodes.first == "CycD")
        let attractors = try #require(object["attractors"] as? [[String: Any]])
        #expect(attractors.compactMap { $0["length"] as? Int } == [1, 7])
        #expect(attractors.compactMap { $0["basin"] as? Int } == [512, 512])
        let states = try #require(attractors[1]["states"] as? [[Int]])
        #expect(states.count == 7 && states.allSatisfy { $0.count == 10 && $0[0] == 1 })
    }

    @Test("attractors from the initial state, with --initial and --knockout")
    func fromInitialState() throws {
        let (status, out, _) = try immunosim(["attractors", faure, "--json"])
        #expect(status == 0)
        let attractors = try #require(try jsonObject(out)["attractors"] as? [[String: Any]])
        #expect(attractors.compactMap { $0["length"] as? Int } == [1])
        let (_, cycling, _) = try immunosim(["attractors", faure, "--json", "--initial", "CycD=1"])
        #expect((try jsonObject(cycling)["attractors"] as? [[String: Any]])?.compactMap { $0["length"] as? Int } == [7])
        let (_, knocked, _) = try immunosim(["attractors", faure, "--json", "--initial", "CycD=1", "--knockout", "CycD"])
        #expect((try jsonObject(knocked)["attractors"] as? [[String: Any]])?.compactMap { $0["length"] as? Int } == [1])
        let (_, async, _) = try immunosim(["attractors", faure, "--json", "--update", "async"])
        #expect((try jsonObject(async)["attractors"] as? [[String: Any]])?.compactMap { $0["length"] as? Int } == [1])
    }

    @Test("fixedpoints --json lists the single fixed point; --overexpress CycD removes it")
    func fixedPoints() throws {
        let (status, out, _) = try immunosim(["fixedpoints", faure, "--json"])
        #expect(status == 0)
        let object = try jsonObject(out)
        let points = try #require(object["fixedpoints"] as? [[Int]])
        let nodes = try #require(object["nodes"] as? [String])
        #expect(points.count == 1)
        let on = Set(zip(nodes, points[0]).filter { $0.1 == 1 }.map(\.0))
        #expect(on == ["Rb", "p27", "Cdh1"])
        let (_, none, _) = try immunosim(["fixedpoints", faure, "--json", "--overexpress", "CycD"])
        #expect((try jsonObject(none)["fixedpoints"] as? [[Int]])?.isEmpty == true)
    }

    @Test("bad input: an unknown node is exit 1 with a suggestion; a bad option value exit 2")
    func errors() throws {
        let (status, _, err) = try immunosim(["fixedpoints", faure, "--knockout", "CycE2"])
        #expect(status == 1)
        #expect(err.contains("CycE2"))
        let (usage, _, _) = try immunosim(["attractors", faure, "--update", "sometimes"])
        #expect(usage == 2)
        let (initial, _, initialErr) = try immunosim(["attractors", faure, "--initial", "CycD"])
        #expect(initial == 1)
        #expect(initialErr.contains("ID=LEVEL"))
    }
}

@Suite("Logical run rendering")
struct LogicalRunRenderingTests {
    @Test("a logical run renders CSV and JSON with the node order and one row per step")
    func rendering() throws {
        let graph = try BnetFormat.read(try String(contentsOfFile: faure, encoding: .utf8), name: "faure")
        let run = try LogicalRun(graph: graph, steps: 3, perturbations: [.knockout("Rb")], initial: [("CycD", 1)])
        let lines = run.trajectory.csv.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0] == "step," + graph.nodes.map(\.id).joined(separator: ","))
        #expect(lines[1].hasPrefix("0,1,0,"))  // CycD = 1, Rb knocked out
        let object = try jsonObject(run.trajectory.json)
        #expect(object["nodes"] as? [String] == graph.nodes.map(\.id))
        let steps = try #require(object["steps"] as? [[Int]])
        #expect(steps == run.trajectory.states)
        #expect(steps.allSatisfy { $0[1] == 0 })
        let asyncA = try LogicalRun(graph: graph, update: .asynchronous, steps: 20, seed: 9, initial: [("CycD", 1)])
        let asyncB = try LogicalRun(graph: graph, update: .asynchronous, steps: 20, seed: 9, initial: [("CycD", 1)])
        #expect(asyncA.trajectory == asyncB.trajectory)
        #expect(throws: PerturbationError.self) { try LogicalRun(graph: graph, steps: 1, initial: [("CycD", 2)]) }
        #expect(throws: PerturbationError.self) { try LogicalRun(graph: graph, steps: 1, perturbations: [.knockout("Nope")]) }
    }
}

@Suite("Trap-space command")
struct TrapSpaceCommandTests {
    @Test("trapspaces --json on the Fauré cell cycle: nodes and one character per node; bad --fix is exit 1")
    func trapSpacesJSON() throws {
        let (status, out, _) = try immunosim(["trapspaces", faure, "--json"])
        #expect(status == 0)
        let object = try jsonObject(out)
        let nodes = try #require(object["nodes"] as? [String])
        let spaces = try #require(object["trapSpaces"] as? [String])
        #expect(!spaces.isEmpty && spaces.allSatisfy { $0.count == nodes.count && $0.allSatisfy { "01-".contains($0) } })
        let (maxStatus, maxOut, _) = try immunosim(["trapspaces", faure, "--maximal", "--json"])
        #expect(maxStatus == 0 && maxOut.contains("trapSpaces"))
        let (badStatus, _, badErr) = try immunosim(["trapspaces", faure, "--fix", "NOPE=1"])
        #expect(badStatus == 1 && badErr.contains("NOPE"))
        let (fixStatus, fixOut, _) = try immunosim(["trapspaces", faure, "--fix", "CycD=0", "--json"])
        let fixed = try #require(try jsonObject(fixOut)["trapSpaces"] as? [String])
        #expect(fixStatus == 0 && fixed.allSatisfy { $0.first == "0" })
        let (timeoutStatus, _, timeoutErr) = try immunosim(["trapspaces", faure, "--timeout", "0"])
        #expect(timeoutStatus == 2 && timeoutErr.contains("--timeout"))
    }

    @Test("trapspaces on BBM 195: the first 20 listed with count null; a model over its time limit exits 1 naming it and suggesting --limit (skipped without ../shared)")
    func trapSpacesAtScale() throws {
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/models/bbm/195-ctla4-pd1-checkpoint-inhibitors")
        let path = folder.appendingPathComponent("model.bnet").path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let (status, out, _) = try immunosim(["trapspaces", path, "--limit", "20", "--json"])
        #expect(status == 0)
        let object = try jsonObject(out)
        #expect(object["count"] is NSNull && object["truncated"] as? Bool == true)
        #expect((object["trapSpaces"] as? [String])?.count == 20)
        let (slowStatus, _, slowErr) = try immunosim(["trapspaces", path, "--timeout", "0.3"])
        #expect(slowStatus == 1)
        #expect(slowErr.contains("195-ctla4-pd1-checkpoint-inhibitors/model.bnet") && slowErr.contains("--limit")
                && slowErr.contains("0.3 s"))
    }
}
