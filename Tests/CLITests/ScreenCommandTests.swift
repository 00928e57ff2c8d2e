import Foundation
import Testing

@Suite("immunosim screen and merge")
struct ScreenCommandTests {
    let base = ["screen", "builtin:flagship", "--readout", "TUMOR_BURDEN", "--readout", "TIM3", "--pairs", "--steps", "40", "-q"]

    @Test func screenRanksAndWritesAHeatmap() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("screen-\(UUID().uuidString).svg").path
        let run = try #require(try CLI.run(base + ["--svg", svg]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ranked by TUMOR_BURDEN (decrease is better)"))
        let firstRow = run.stdout.split(separator: "\n").first { $0.hasPrefix("   1  ") }
        #expect(firstRow != nil)
        let svgText = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(svgText.hasPrefix("<svg") || svgText.hasPrefix("<?xml"))
        #expect(svgText.contains("TUMOR_BURDEN"))
    }

    @Test func shardsMergeIntoTheUnshardedResult() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let whole = directory.appendingPathComponent("whole.json").path
        #expect(try CLI.run(base + ["-o", whole, "--threads", "1"])?.status == 0)
        var shardPaths: [String] = []
        for i in 1...3 {
            let path = directory.appendingPathComponent("shard-\(i).json").path
            let run = try #require(try CLI.run(base + ["--shard", "\(i)/3", "-o", path, "--threads", "2"]))
            #expect(run.status == 0, "\(run.stderr)")
            shardPaths.append(path)
        }
        let merged = directory.appendingPathComponent("merged.json").path
        let mergeRun = try #require(try CLI.run(["merge"] + shardPaths.reversed() + ["-o", merged]))
        #expect(mergeRun.status == 0, "\(mergeRun.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: merged)) == Data(contentsOf: URL(fileURLWithPath: whole)))
        // A missing shard is bad input.
        let incomplete = try #require(try CLI.run(["merge", shardPaths[0], shardPaths[1]]))
        #expect(incomplete.status == 1)
        #expect(incomplete.stderr.contains("missing shard(s) 3/3"))
    }

    @Test func screenUsageAndInputErrors() throws {
        #expect(try CLI.run(["screen", "builtin:flagship"])?.status == 2)
        #expect(try CLI.run(["screen", "builtin:flagship", "--readout", "TUMOR_BURDEN", "--shard", "4/3"])?.status == 2)
        let typo = try #require(try CLI.run(["screen", "builtin:flagship", "--readout", "TUMOR-BURDEN"]))
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean TUMOR_BURDEN?"))
    }

    @Test func csvAndJSONOutputs() throws {
        let csv = try #require(try CLI.run(base + ["--csv"]))
        #expect(csv.stdout.hasPrefix("rank,arm,size,TUMOR_BURDEN,delta_TUMOR_BURDEN,TIM3,delta_TIM3,response,bliss,hsa"))
        let json = try #require(try CLI.run(base + ["--json"]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "immunosim-screen")
        #expect((object["ranking"] as? [Any])?.isEmpty == false)
    }
}
