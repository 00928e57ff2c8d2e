import Foundation
import Testing

@Suite("CLI: simulate --semantics stochastic")
struct StochasticCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("--json prints times, probabilities and trajectories; the same for 1 and 2 threads")
    func jsonContract() throws {
        let base = ["simulate", "builtin:flagship", "--semantics", "stochastic", "--trajectories", "300", "--max-time", "6",
                    "--time-tick", "2", "--seed", "4", "--json"]
        guard let one = try CLI.run(base + ["--threads", "1"]), let two = try CLI.run(base + ["--threads", "2"]) else { return }
        #expect(one.status == 0, "\(one.stderr)")
        let object = try Self.json(one.stdout)
        #expect(object["trajectories"] as? Int == 300)
        #expect(object["times"] as? [Double] == [0, 2, 4])
        let probabilities = try #require(object["probabilities"] as? [String: [Double]])
        #expect(!probabilities.isEmpty && probabilities.values.allSatisfy { $0.count == 3 && $0.allSatisfy { (0...1).contains($0) } })
        #expect(two.stdout == one.stdout)
    }

    @Test("a .bnd model loads with its .cfg settings; shards merge into the unsharded result")
    func mabossFilesAndShards() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bnd = dir.appendingPathComponent("pair.bnd").path
        try Data("Node A { logic = !B; rate_up = @logic ? $k : 0; }\nNode B { logic = A; }\n".utf8).write(to: URL(fileURLWithPath: bnd))
        try Data("$k = 2;\nA.istate = 0;\nB.istate = 1;\nsample_count = 200;\nmax_time = 3;\ntime_tick = 0.5;\n".utf8)
            .write(to: dir.appendingPathComponent("pair.cfg"))
        guard let whole = try CLI.run(["simulate", bnd, "--semantics", "stochastic", "--json", "--output", "A", "--output", "B"]) else { return }
        #expect(whole.status == 0, "\(whole.stderr)")
        let object = try Self.json(whole.stdout)
        #expect(object["trajectories"] as? Int == 200)
        #expect((object["times"] as? [Double])?.count == 6)
        #expect((object["probabilities"] as? [String: [Double]])?["B"]?.first.map { $0 > 0.5 } == true)
        #expect(object["states"] != nil)
        var shards: [String] = []
        for i in 1...3 {
            let run = try #require(try CLI.run(["simulate", bnd, "--semantics", "stochastic", "--output", "A", "--output", "B", "--shard", "\(i)/3"]))
            #expect(run.status == 0, "\(run.stderr)")
            let path = dir.appendingPathComponent("shard\(i).json").path
            try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: path))
            shards.append(path)
        }
        let merged = try #require(try CLI.run(["merge"] + shards + ["--json"]))
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        // Discrete time is refused with exit 1.
        try Data("$k = 2;\ndiscrete_time = 1;\n".utf8).write(to: dir.appendingPathComponent("pair.cfg"))
        let discrete = try #require(try CLI.run(["simulate", bnd, "--semantics", "stochastic"]))
        #expect(discrete.status == 1 && discrete.stderr.contains("discrete_time"))
    }

    static let bad: [([String], Int32)] = [
        (["--steps", "5"], 2), (["--max-time", "0"], 2), (["--output", "NOPE"], 1), (["--knockout", "NOPE"], 1),
        (["--shard", "4/3"], 2), (["--trajectories", "0"], 2), (["--states-svg", "/dev/null"], 2), (["--basal", "floor"], 2),
    ]

    @Test("usage and input errors", arguments: bad)
    func errors(extra: [String], status: Int32) throws {
        guard let run = try CLI.run(["simulate", "builtin:flagship", "--semantics", "stochastic", "--trajectories", "10"] + extra) else { return }
        #expect(run.status == status, "\(extra): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test("stochastic options are refused without --semantics stochastic")
    func refusedElsewhere() throws {
        guard let run = try CLI.run(["simulate", "builtin:flagship", "--trajectories", "10"]) else { return }
        #expect(run.status == 2)
        for command in [["simulate", "builtin:tme", "--basal", "initial"], ["respond", "builtin:tme", "--therapy", "ANTI_PD1", "--basal", "initial"]] {
            guard let run = try CLI.run(command) else { return }
            #expect(run.status == 2, "\(command): \(run.stderr)")
        }
    }

    /// `--basal`: a basal level is spontaneous activity by default (DCs, basal 0.2 and never
    /// inhibited, are on a fifth of the time in an untreated tumour); `--basal initial` reads it
    /// only as the rounded initial state, so DCs stay off. `simulate` and `respond` agree.
    @Test("--basal spontaneous (default) or initial, on simulate and respond")
    func basalReading() throws {
        let common = ["--semantics", "stochastic", "--trajectories", "4000", "--seed", "2"]
        var dc: [String: Double] = [:]
        for mode in ["spontaneous", "initial"] {
            guard let run = try CLI.run(["simulate", "builtin:tme", "--max-time", "30", "--time-tick", "10", "--json", "--basal", mode] + common)
            else { return }
            #expect(run.status == 0, "\(run.stderr)")
            let probabilities = try #require(try Self.json(run.stdout)["probabilities"] as? [String: [Double]])
            dc[mode] = try #require(probabilities["DC"]?.last)
            guard let respond = try CLI.run(["respond", "builtin:tme", "--therapy", "ANTI_CTLA4", "--readout", "DC", "--readout", "CD80",
                                             "--steps", "30", "--json", "--basal", mode] + common) else { return }
            #expect(respond.status == 0, "\(respond.stderr)")
            let readouts = try #require(try Self.json(respond.stdout)["readouts"] as? [[String: Any]])
            let cd80 = try #require(readouts.first { $0["node"] as? String == "CD80" })
            let freed = try #require(cd80["treated"] as? Double) - (try #require(cd80["baseline"] as? Double))
            // Anti-CTLA-4 frees CD80 only where DCs make it (C082).
            #expect(mode == "spontaneous" ? freed > 0.08 : abs(freed) < 0.01, "\(mode): CD80 \(freed)")
        }
        #expect(abs((dc["spontaneous"] ?? 0) - 0.2) < 0.03, "\(dc)")
        #expect(dc["initial"] == 0)
    }
}
