import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite("Stochastic engine")
struct StochasticEngineTests {
    /// A random model with a mixed initial distribution, some custom rates, and its exact chain.
    struct Case {
        var logical: LogicalModel
        var model: StochasticModel
        var exact: ExactCTMC
        var q: [[(Int, Double)]]
        var p0: [Double]
    }

    static func makeCase(seed: Int) throws -> Case {
        let n = 4 + seed % 3
        let logical = try RandomLogical.model(nodes: n, k: 3, multiValued: seed % 2 == 1, seed: UInt64(100 + seed))
        var rng = SeededGenerator(seed: UInt64(seed))
        var rates: [String: NodeRates] = [:]
        var probabilities: [String: Double] = [:]
        let boolean = (0..<n).filter { logical.maxLevels[$0] == 1 }
        for i in boolean {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: rates[logical.nodeIDs[i]] = .constant(up: 2, down: 0.5)
            case 1:
                // MaBoSS-style expression rates reading another node and a parameter.
                let other = logical.nodeIDs[(i + 1) % n]
                rates[logical.nodeIDs[i]] = NodeRates(
                    up: .conditional(.variable("logic"), .binary(.multiply, .parameter("k"), .conditional(.node(other), .number(2), .number(0.5))), .number(0)),
                    down: .binary(.add, .number(0.1), .conditional(.variable("logic"), .number(0), .parameter("k"))))
            default: break
            }
        }
        for i in 0..<n where Bool.random(using: &rng) { probabilities[logical.nodeIDs[i]] = [0.5, 0.2, 1][Int.random(in: 0..<3, using: &rng)] }
        var joint: [StochasticInitialState.Joint] = []
        if boolean.count >= 2 {
            let a = boolean[0], b = boolean[1]
            joint.append(.init(nodes: [logical.nodeIDs[a], logical.nodeIDs[b]],
                               choices: [.init(weight: 0.3, levels: [0, 1]), .init(weight: 0.6, levels: [1, 1]), .init(weight: 0.1, levels: [0, 0])]))
            probabilities[logical.nodeIDs[a]] = nil
            probabilities[logical.nodeIDs[b]] = nil
        }
        let parameters = ["k": 1.5]
        let configuration = StochasticConfiguration(rates: rates, parameters: parameters,
                                                    initial: .init(probabilities: probabilities, joint: joint))
        let model = try StochasticModel(name: "case\(seed)", nodes: logical.nodeIDs.indices.map { (logical.nodeIDs[$0], logical.maxLevels[$0]) },
                                        functions: logical.functions, initialLevels: logical.initialLevels, configuration: configuration)
        let exact = ExactCTMC(maxLevels: logical.maxLevels)
        let q = exact.generator(referenceTransitions(logical, rates: rates, parameters: parameters))
        // The initial distribution: independent nodes, then the joint block.
        let p0 = exact.states.map { s -> Double in
            var p = 1.0
            for i in 0..<n {
                if let block = joint.first, block.nodes.contains(logical.nodeIDs[i]) { continue }
                if let pi = probabilities[logical.nodeIDs[i]] {
                    p *= s[i] == logical.maxLevels[i] ? pi : (s[i] == 0 ? 1 - pi : 0)
                } else {
                    p *= s[i] == logical.initialLevels[i] ? 1 : 0
                }
            }
            if let block = joint.first {
                let members = block.nodes.compactMap(logical.index(of:))
                let total = block.choices.reduce(0) { $0 + $1.weight }
                p *= block.choices.filter { c in zip(members, c.levels).allSatisfy { s[$0.0] == $0.1 } }.reduce(0) { $0 + $1.weight } / total
            }
            return p
        }
        return Case(logical: logical, model: model, exact: exact, q: q, p0: p0)
    }

    @Test("probabilities over time agree with the exact CTMC (uniformisation) within sampling error", arguments: 0..<6)
    func agreesWithExactChain(seed: Int) throws {
        let c = try Self.makeCase(seed: seed)
        let settings = StochasticSettings(trajectories: 20_000, maxTime: 3, timeTick: 0.5, seed: UInt64(seed))
        let result = try c.model.simulate(settings)
        #expect(result.trajectories == 20_000)
        #expect(result.times == [0, 0.5, 1, 1.5, 2, 2.5])
        var worst = 0.0
        for w in [0, 2, 5] {
            let a = Double(w) * 0.5
            let average = c.exact.windowAverage(c.p0, c.q, from: 0, a, a + 0.5)
            for (v, name) in c.model.variableNames.enumerated() {
                let node = c.logical.index(of: name.components(separatedBy: ">=")[0]) ?? 0
                let level = name.contains(">=") ? Int(name.components(separatedBy: ">=")[1]) ?? 1 : 1
                let expected = c.exact.marginal(average, node: node, atLeast: level)
                let got = result.probability(variable: v, window: w)
                let z = abs(got - expected) / max(result.standardError(expected), 1e-3)
                worst = max(worst, z)
                #expect(z < 4.5, "seed \(seed) window \(w) \(name): \(got) vs exact \(expected)")
            }
        }
        let final = c.exact.evolve(c.p0, c.q, time: 3)
        for name in c.model.variableNames where !name.contains(">=") {
            let expected = c.exact.marginal(final, node: c.logical.index(of: name) ?? -1)
            let got = result.finalProbabilities[name] ?? -1
            #expect(abs(got - expected) < 4.5 * max(result.standardError(expected), 1e-3), "seed \(seed) final \(name)")
        }
    }

    @Test("a clamp window and a partial block agree with the exact piecewise chain")
    func interventionsAgreeWithExactChain() throws {
        let graph = try BnetFormat.read("A, !C\nB, A | C\nC, B & !A\nD, B & C | !D\n", name: "loop")
        let interventions = [
            StochasticIntervention(node: "B", effect: .clamp(level: 1), window: TimeWindow(start: 0.5, stop: 1.5)),
            StochasticIntervention.block("A", efficacy: 0.75, window: TimeWindow(start: 1)),
        ]
        let model = try StochasticModel(graph, configuration: .init(initial: .init(probabilities: ["A": 0.5, "C": 0.5]), interventions: interventions))
        let result = try model.simulate(StochasticSettings(trajectories: 20_000, maxTime: 3, timeTick: 0.5, seed: 7, threads: 2))
        let logical = try LogicalModel(graph)
        let exact = ExactCTMC(maxLevels: logical.maxLevels)
        let b = logical.index(of: "B") ?? 0, a = logical.index(of: "A") ?? 0
        let free = exact.generator(referenceTransitions(logical, rates: [:], parameters: [:]))
        let held = exact.generator(referenceTransitions(logical, rates: [:], parameters: [:], clamped: [b]))
        let heldBlocked = exact.generator(referenceTransitions(logical, rates: [:], parameters: [:], clamped: [b], upScale: [a: 0.25]))
        let blocked = exact.generator(referenceTransitions(logical, rates: [:], parameters: [:], upScale: [a: 0.25]))
        var p = exact.states.map { s in (s[1] == 0 && s[3] == 0 ? 0.25 : 0) }
        p = exact.evolve(p, free, time: 0.5)
        var clampedP = [Double](repeating: 0, count: p.count)
        for (k, s) in exact.states.enumerated() {
            var t = s
            t[b] = 1
            clampedP[exact.index[t] ?? 0] += p[k]
        }
        let inside = exact.windowAverage(clampedP, held, from: 0.5, 0.5, 1)
        p = exact.evolve(clampedP, held, time: 0.5)
        p = exact.evolve(p, heldBlocked, time: 0.5)
        let late = exact.windowAverage(p, blocked, from: 1.5, 2, 2.5)
        let end = exact.evolve(p, blocked, time: 1.5)
        for (v, name) in model.variableNames.enumerated() {
            let checks = [(inside, result.probability(variable: v, window: 1)), (late, result.probability(variable: v, window: 4)),
                          (end, result.finalProbabilities[name] ?? -1)]
            for (distribution, got) in checks {
                let expected = exact.marginal(distribution, node: v)
                #expect(abs(got - expected) < 4.5 * max(result.standardError(expected), 1e-3), "\(name): \(got) vs \(expected)")
            }
        }
        #expect(result.probability(variable: b, window: 1) == 1)
    }

    @Test("joint output states, transition entropy and fixed points on two independent switches")
    func jointEntropyAndFixedPoints() throws {
        let graph = try BnetFormat.read("A, 1\nB, 1\n", name: "switches")
        let model = try StochasticModel(graph)
        let result = try model.simulate(StochasticSettings(trajectories: 20_000, maxTime: 20, timeTick: 0.5, seed: 3, outputs: ["A", "B"]))
        // P(both off at s) = e^{-2s}: its average over [0, 0.5) is (1 − e^{-1}) / 1.
        let offOff = 1 - exp(-1.0)
        let joint = result.jointDistribution(window: 0)
        #expect(abs(joint[0] - offOff) < 4.5 * result.standardError(offOff))
        #expect(abs(joint.reduce(0, +) - 1) < 1e-9)
        #expect(result.stateLabel(0) == "<nil>" && result.stateLabel(3) == "A -- B")
        // Entropy: 1 bit while both can flip, 0 once one has: its mean is P(both off).
        #expect(abs(result.entropy[0] - offOff) < 0.02)
        #expect(result.entropy.last == 0)
        #expect(result.fixedPoints.count == 1)
        #expect(result.fixedPoints.first?.on == ["A", "B"] && result.fixedPoints.first?.probability == 1)
        #expect(result.fixedPointProbability == 1 && result.fixedPoints(limit: 0).isEmpty)
        #expect(result.finalJointDistribution[3] == 1)
    }

    @Test("same seed, same tally for 1 and 2 threads; shards add up to the whole run")
    func deterministicAndShardable() throws {
        let c = try Self.makeCase(seed: 1)
        var settings = StochasticSettings(trajectories: 3_001, maxTime: 4, timeTick: 0.3, seed: 11, threads: 1,
                                          outputs: [c.model.nodeIDs[0], c.model.nodeIDs[1]])
        let one = try c.model.tally(settings)
        settings.threads = 2
        let two = try c.model.tally(settings)
        #expect(one == two)
        var parts: [StochasticTally] = []
        for i in 0..<3 {
            settings.shard = (i, 3)
            parts.append(try c.model.tally(settings))
        }
        #expect(StochasticTally.merged(parts) == one)
        settings.shard = (0, 1)
        settings.seed = 12
        #expect(try c.model.tally(settings) != one)
        // A tally survives JSON.
        let data = try JSONEncoder().encode(one)
        #expect(try JSONDecoder().decode(StochasticTally.self, from: data) == one)
    }

    @Test("a 1,000-node random network runs (no 64-node limit)")
    func largeNetwork() throws {
        let graph = try RandomLogical.graph(nodes: 1000, edges: 3000, seed: 5)
        let model = try StochasticModel(graph, configuration: .init(initial: .init(probabilities: Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, 0.5) }))))
        #expect(model.variableCount == 1000)
        let result = try model.simulate(StochasticSettings(trajectories: 8, maxTime: 2, timeTick: 1, seed: 1))
        let p = result.probabilities
        #expect(p.count == 1000)
        #expect(p.values.allSatisfy { $0.count == 2 && $0.allSatisfy { (0...1).contains($0) } })
        #expect(result.entropy[0] > 5)
    }

    @Test("a scenario's knockout, therapy window and initial levels reach the stochastic model")
    func scenario() throws {
        let graph = try ModelLoader.load("builtin:flagship")
        var scenario = Scenario(model: "builtin:flagship")
        let target = try #require(graph.nodes.first { !$0.isTherapy && graph.inEdges(of: graph.index(of: $0.id) ?? 0).count > 0 })
        scenario.perturbations = [.knockout(target.id)]
        let therapy = try #require(graph.nodes.first { $0.isTherapy })
        scenario.therapies = [try TherapySpec.parse("\(therapy.id)@2-4", in: graph)]
        let model = try StochasticModel(graph, scenario: scenario, maxTime: 6)
        let result = try model.simulate(StochasticSettings(trajectories: 200, maxTime: 6, timeTick: 1, seed: 1))
        let knocked = try #require(result.probabilities[target.id])
        #expect(knocked.allSatisfy { $0 == 0 })
        let given = try #require(result.probabilities[therapy.id])
        // As in the logical engine: on from step 2 to step 4, off before and after (a driven node
        // is off whenever its therapy is not given).
        #expect(given == [0, 0, 1, 1, 0, 0])
        scenario.perturbations = [.knockout("NOT_A_NODE")]
        #expect(throws: PerturbationError.self) { try StochasticModel(graph, scenario: scenario) }
    }

    @Test("bad inputs are errors naming the node or setting")
    func errors() throws {
        let graph = try BnetFormat.read("A, !B\nB, A\n", name: "pair")
        #expect(throws: LogicalModelError.self) { try StochasticModel(graph, configuration: .init(interventions: [.block("Z")])) }
        #expect(throws: LogicalModelError.self) { try StochasticModel(graph, configuration: .init(rates: ["A": NodeRates(up: .parameter("missing"))])) }
        #expect(throws: LogicalModelError.self) { try StochasticModel(graph, configuration: .init(rates: ["A": NodeRates(up: .node("Q"))])) }
        #expect(throws: LogicalModelError.self) { try StochasticModel(graph, configuration: .init(initial: .init(probabilities: ["A": 2]))) }
        let model = try StochasticModel(graph)
        #expect(throws: LogicalModelError.self) { try model.simulate(StochasticSettings(maxTime: 0)) }
        #expect(throws: LogicalModelError.self) { try model.simulate(StochasticSettings(timeTick: -1)) }
        #expect(throws: LogicalModelError.self) { try model.simulate(StochasticSettings(outputs: ["Q"])) }
        do {
            _ = try StochasticModel(graph, configuration: .init(interventions: [.block("Z")]))
        } catch {
            #expect(error.message.contains("'Z'"))
        }
    }
}
