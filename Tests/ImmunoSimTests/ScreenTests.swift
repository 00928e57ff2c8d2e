import ImmunoGraph
import ImmunoSim
import Testing

/// A deterministic stand-in for a simulation: each candidate removes a fixed fraction of the
/// readout, independently (so Bliss excess is 0), except a pair that is built to synergise.
private func synthetic(_ arm: ScreenArm) -> [Double] {
    let effect: [String: Double] = ["A": 0.5, "B": 0.2, "C": 0.0, "D": 0.1]
    var level = 0.8
    for candidate in arm.candidates {
        let e = candidate.action == .knockout ? 0.05 : (effect[candidate.node] ?? 0)
        level *= 1 - e
    }
    let nodes = Set(arm.candidates.map(\.node))
    if nodes == ["B", "D"] { level *= 0.5 }
    return [level, 1 - level]
}

@Suite("Screens")
struct ScreenTests {
    let plan = ScreenPlan(
        candidates: ["A", "B", "C", "D"].map { ScreenCandidate($0, .therapy) } + [ScreenCandidate("A", .knockout)],
        readouts: ["BURDEN", "ACTIVITY"], order: 2)

    @Test func armsAreSinglesThenPairsInAFixedOrderWithoutSameNodePairs() {
        let arms = plan.arms.map(\.description)
        #expect(arms.prefix(5) == ["A", "B", "C", "D", "KO:A"])
        #expect(arms.count == 5 + 9)  // C(5,2) = 10 minus the A + KO:A pair
        #expect(!arms.contains("A + KO:A"))
        #expect(ScreenPlan(candidates: plan.candidates, readouts: [], order: 3).arms.count == 14 + 7)
    }

    @Test func resultIsIdenticalForAnyThreadCount() async throws {
        var results: [ScreenResult] = []
        for threads in [1, 2, 3, 8] {
            results.append(try await ScreenRunner.run(plan: plan, model: "m", settings: "s", threads: threads) { synthetic($0) })
        }
        #expect(results.allSatisfy { $0 == results[0] })
        #expect(results[0].rows.map(\.arm) == Array(0..<14))
    }

    @Test func shardsMergeIntoExactlyTheUnshardedResult() async throws {
        let whole = try await ScreenRunner.run(plan: plan, model: "m", settings: "s") { synthetic($0) }
        for n in [1, 2, 3, 5, 20] {
            var shards: [ScreenResult] = []
            for i in 1...n {
                shards.append(try await ScreenRunner.run(plan: plan, model: "m", settings: "s", shard: try ShardSpec(index: i, count: n)) { synthetic($0) })
            }
            #expect(shards.map(\.rows.count).reduce(0, +) == whole.rows.count)
            #expect(try ScreenResult.merge(shards.reversed()) == whole)
        }
    }

    @Test func mergeRejectsMismatchedOrIncompleteShards() async throws {
        let one = try await ScreenRunner.run(plan: plan, model: "m", settings: "s", shard: try ShardSpec(index: 1, count: 2)) { synthetic($0) }
        let two = try await ScreenRunner.run(plan: plan, model: "m", settings: "s", shard: try ShardSpec(index: 2, count: 2)) { synthetic($0) }
        let other = try await ScreenRunner.run(plan: plan, model: "other", settings: "s", shard: try ShardSpec(index: 2, count: 2)) { synthetic($0) }
        #expect(throws: PerturbationError.self) { try ScreenResult.merge([one]) }
        #expect(throws: PerturbationError.self) { try ScreenResult.merge([one, one]) }
        #expect(throws: PerturbationError.self) { try ScreenResult.merge([one, other]) }
        #expect(try ScreenResult.merge([two, one]).rows.count == 14)
        #expect(throws: PerturbationError.self) { try ShardSpec(parsing: "0/3") }
        #expect(throws: PerturbationError.self) { try ShardSpec(parsing: "4/3") }
        #expect(throws: PerturbationError.self) { try ShardSpec(parsing: "x") }
    }

    @Test func rankingAndSynergyFollowTheDocumentedMeasures() async throws {
        let result = try await ScreenRunner.run(plan: plan, model: "m", settings: "s") { synthetic($0) }
        let ranked = result.ranked(goal: .decrease)
        #expect(ranked.first?.label == "B + D")  // 0.8 * 0.8 * 0.9 * 0.5 = 0.288, the lowest burden
        #expect(ranked.dropFirst().first?.label == "A + B")  // 0.8 * 0.5 * 0.8 = 0.32
        let effects = ranked.map { -$0.effects[0] }
        #expect(zip(effects, effects.dropFirst()).allSatisfy { $0 >= $1 })
        // Independent actions: Bliss excess 0; the B + D pair was built with an extra halving.
        let ab = try #require(ranked.first { $0.label == "A + B" })
        #expect(abs(ab.bliss ?? 1) < 1e-12)
        #expect(abs((ab.hsa ?? 0) - (0.6 - 0.5)) < 1e-12)
        let bd = try #require(ranked.first { $0.label == "B + D" })
        let expectedBD = 1 - 0.8 * 0.9 * 0.5  // observed response fraction
        #expect(abs(bd.response - expectedBD) < 1e-12)
        #expect(abs((bd.bliss ?? 0) - (expectedBD - (1 - 0.8 * 0.9))) < 1e-12)
        #expect(ranked.first { $0.label == "A" }?.bliss == nil)
        // Increase goal on the second readout ranks the same arm first (1 - level).
        #expect(result.ranked(goal: .increase, readout: 1).first?.label == "B + D")
        #expect(ScreenResult.fraction(value: 0.9, baseline: 0.8, goal: .decrease) == 0)
        #expect(ScreenResult.fraction(value: 0.0, baseline: 0.8, goal: .decrease) == 1)
    }

    @Test func errorsFromEvaluationPropagate() async {
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            _ = try await ScreenRunner.run(plan: plan, model: "m", settings: "s") { arm in
                if arm.description == "B + C" { throw Boom() }
                return synthetic(arm)
            }
        }
    }

    @Test func cancellationStopsTheScreen() async {
        let task = Task {
            try await ScreenRunner.run(plan: ScreenPlan(candidates: (0..<60).map { ScreenCandidate("N\($0)", .therapy) }, readouts: ["R"]), model: "m", settings: "s") { arm in
                var x = 0.0
                for i in 0..<20_000 { x += Double(i % 7) }
                return [x + Double(arm.candidates.count)]
            }
        }
        task.cancel()
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    /// Default candidates: therapies, and knockouts of what a drug or a depletion could hit — not
    /// the readouts, not outcomes (phenotypes, processes), not the tumour the effectors kill.
    @Test func defaultCandidatesLeaveOutOutcomesAndTheKilledPopulation() throws {
        let graph = try Catalog.tumourMicroenvironment()
        let candidates = ScreenPlan.candidates(in: graph, readouts: ["TUMOR_BURDEN"])
        let knockouts = Set(candidates.filter { $0.action == .knockout }.map(\.node))
        let therapies = candidates.filter { $0.action == .therapy }.map(\.node)
        #expect(therapies == graph.nodes.filter(\.isTherapy).map(\.id))
        for id in ["TUMOR_CELL", "TUMOR_BURDEN", "T_CELL_EXHAUSTION", "T_CELL_ACTIVATION", "ICD"] { #expect(!knockouts.contains(id), "\(id)") }
        for id in ["CD8_T", "TREG", "IFNG", "TREX1"] { #expect(knockouts.contains(id), "\(id)") }
        // Antibody targets are offered as the antibody only (issue 16): KO:PD1 is ANTI_PD1.
        for id in ["PD1", "TIM3", "PDL1"] { #expect(!knockouts.contains(id), "\(id)") }
        #expect(ScreenPlan.antibodyEquivalents(in: graph)["PD1"] == ["ANTI_PD1"])
        #expect(!ScreenPlan.candidates(in: graph, readouts: [], therapies: false).filter { $0.node == "PD1" }.isEmpty)
        // An untyped model (bnet) keeps every non-input node as a knockout.
        let bnet = try BnetFormat.read("A, A\nB, A & !C\nC, B\n", name: "toy")
        #expect(ScreenPlan.candidates(in: bnet, readouts: ["C"]).map(\.description) == ["A", "KO:B"])
    }
}
