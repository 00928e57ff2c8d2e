import ImmunoGraph
import ImmunoSim
import Testing

/// `--warmup steady` asks each engine how long the untreated model takes to settle under its own
/// semantics, instead of borrowing the graded model's settling time.
@Suite("Settling time is the engine's own")
struct SettlingTimeTests {
    /// A chain A → B → C → D with A held on by its own rule, all others starting off.
    let chain: MechanismGraph
    let start: Scenario

    init() throws {
        chain = try BnetFormat.read("A, A\nB, A\nC, B\nD, C\n", name: "chain")
        start = Scenario(model: "chain", initialLevels: [
            .init(node: "A", level: 1), .init(node: "B", level: 0), .init(node: "C", level: 0), .init(node: "D", level: 0),
        ])
    }

    @Test func synchronousChainSettlesWhenTheSignalReachesTheEnd() throws {
        // Synchronous: B at step 1, C at 2, D at 3 — then nothing moves.
        let engine = try LogicalEngine(chain, update: .synchronous, runs: 4)
        #expect(try engine.settlingTime(of: start) == 3)
    }

    @Test func gradedChainSettlesLaterThanTheSynchronousOneAndWithinItsSteadyRun() throws {
        let engine = try CompiledGradedModel(chain)
        let time = try engine.settlingTime(of: start)
        let steady = try engine.read(start, at: .steady)
        let d = try #require(chain.index(of: "D"))
        #expect(time > 3)
        #expect(Double(time) <= steady.times.last ?? 0)
        // Settled: D is within 1e-6 of its steady level from `time` on, and not one step before.
        #expect(abs(steady.series(d)[time] - steady.levels[d]) <= 1e-6)
        #expect(abs(steady.series(d)[time - 1] - steady.levels[d]) > 1e-6)
    }

    @Test func asynchronousAndStochasticChainsSettleOnTheirOwnTimeScales() throws {
        // The logical asynchronous engine lets each state last its expected residence 1/k: in the
        // chain one node can move at a time, so the signal reaches D at exactly t = 3.
        let logical = try LogicalEngine(chain, update: .asynchronous, runs: 200, seed: 5)
        #expect(try logical.settlingTime(of: start) == 3)
        // The stochastic engine draws exponential waits: D is on after a Gamma(3, 1) time, so its
        // mean course is within 0.02 (+ noise) of 1 once P(Gamma(3, 1) > t) < 0.02, at t ≈ 8.4.
        let stochastic = try StochasticEngine(chain, settings: StochasticSettings(trajectories: 4_000, maxTime: 40, seed: 5))
        let time = try stochastic.settlingTime(of: start)
        #expect((6...11).contains(time), "settled at \(time)")
    }
}
