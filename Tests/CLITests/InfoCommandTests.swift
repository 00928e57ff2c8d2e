import Foundation
import ImmunoGraph
import Testing

@Suite("immunosim info")
struct InfoCommandTests {
    @Test func executableIsBuilt() {
        #expect(CLI.executable != nil, "immunosim must be built next to the tests")
    }

    @Test func infoOnAJSONModelPrintsCountsLoopsAndDiagnostics() throws {
        let json = String(decoding: try JSONFormat.write(try Catalog.flagship()), as: UTF8.self)
        let path = try CLI.temporaryFile(json, extension: "json")
        let run = try #require(try CLI.run(["info", path]))
        #expect(run.status == 0)
        #expect(run.stdout.contains("flagship: 12 nodes, 13 edges"))
        #expect(run.stdout.contains("therapy: 3"))
        #expect(run.stdout.contains("feedback loops (length <= 8): 2 (0 positive, 2 negative)"))
        #expect(run.stdout.contains("[-] PD1 -| T_CELL_ACTIVATION -> CD8_T -> IFNG -> PDL1 -> PD1"))
        #expect(run.stdout.contains("diagnostics: none"))
    }

    @Test func infoJSONHasTheDocumentedKeys() throws {
        let run = try #require(try CLI.run(["info", "builtin:flagship", "--json"]))
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["nodes"] as? Int == 12)
        #expect(object["edges"] as? Int == 13)
        #expect((object["edgesBySign"] as? [String: Int]) == ["activates": 7, "inhibits": 6])
        #expect((object["feedbackLoops"] as? [[String: Any]])?.count == 2)
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func infoReportsWarningsOfABnetModel() throws {
        let path = try CLI.temporaryFile("A, A\nB, A\n", extension: "bnet")
        let run = try #require(try CLI.run(["info", path]))
        #expect(run.status == 0)
        #expect(run.stdout.contains("2 nodes, 1 edges"))
    }

    @Test func badInputExitsOneWithALocatedMessage() throws {
        let path = try CLI.temporaryFile("A, A\nB, A &\n", extension: "bnet")
        let run = try #require(try CLI.run(["info", path]))
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):2:"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        let missing = try #require(try CLI.run(["info", "/nonexistent/model.json"]))
        #expect(missing.status == 1)
        let invalid = try CLI.temporaryFile("{\"format\":\"immunograph\",\"version\":1,\"name\":\"x\",\"nodes\":[{\"id\":\"A\"}],\"edges\":[{\"source\":\"A\",\"target\":\"Q\",\"sign\":\"activates\"}]}", extension: "json")
        let invalidRun = try #require(try CLI.run(["info", invalid]))
        #expect(invalidRun.status == 1)
        #expect(invalidRun.stderr.contains("unknown-endpoint"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run([])?.status == 2)
        #expect(try CLI.run(["inof", "x"])?.stderr.contains("Did you mean 'info'?") == true)
        #expect(try CLI.run(["info"])?.status == 2)
        let unknown = try #require(try CLI.run(["info", "builtin:flagship", "--jsn"]))
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean --json?"))
        #expect(try CLI.run(["info", "--help"])?.stdout.contains("USAGE: immunosim info") == true)
        #expect(try CLI.run(["--help"])?.status == 0)
    }
}
