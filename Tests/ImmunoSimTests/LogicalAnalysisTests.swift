import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// The package root, found from this file.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
/// /work/shared/models/bbm, relative to the package (`../shared`).
private let bbmDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/models/bbm")
private let hasShared = FileManager.default.fileExists(atPath: bbmDirectory.path)

@Suite("Logical analyses")
struct LogicalAnalysisTests {
    @Test("exhaustive synchronous attractors and basins agree with brute force", arguments: 0..<24)
    func exhaustiveSynchronous(seed: Int) throws {
        let n = 2 + seed % 10
        let model = try RandomLogical.model(nodes: n, k: 3, multiValued: seed % 3 == 2, seed: UInt64(500 + seed))
        let expected = RandomLogical.synchronousAttractors(model)
        let found = try model.exhaustiveSynchronousAttractors()
        var actual: [[[Int]]: Int] = [:]
        for a in found.attractors {
            // The listed order is the visiting order.
            for (s, t) in zip(a.states, a.states.dropFirst() + [a.states[0]]) {
                #expect(model.referenceSynchronousStep(s) == t)
            }
            actual[a.states.sorted { $0.lexicographicallyPrecedes($1) }] = a.basin
        }
        #expect(actual == expected, "seed \(seed)")
        #expect(found.attractors.map(\.basin).reduce(0, +) == RandomLogical.allStates(model).count)
    }

    @Test("exhaustive analysis with a knockout fixes the clamped node")
    func exhaustiveWithClamp() throws {
        let base = try RandomLogical.model(nodes: 9, k: 3, multiValued: false, seed: 77)
        let model = try LogicalModel(name: "k", nodes: Array(zip(base.nodeIDs, base.maxLevels)), functions: base.functions,
                                     clamps: [LogicalClamp(node: 2, level: 1)])
        let found = try model.exhaustiveSynchronousAttractors()
        var actual: [[[Int]]: Int] = [:]
        for a in found.attractors { actual[a.states.sorted { $0.lexicographicallyPrecedes($1) }] = a.basin }
        #expect(actual == RandomLogical.synchronousAttractors(model))
        #expect(found.attractors.allSatisfy { $0.states.allSatisfy { $0[2] == 1 } })
    }

    @Test("asynchronous attractors are the terminal SCCs found by brute force", arguments: 0..<16)
    func asynchronous(seed: Int) throws {
        let n = 2 + seed % 7
        let model = try RandomLogical.model(nodes: n, k: 3, multiValued: seed % 2 == 1, seed: UInt64(900 + seed))
        let found = try model.asynchronousAttractors()
        #expect(Set(found.attractors.map(\.states)) == RandomLogical.asynchronousAttractors(model), "seed \(seed)")
        for a in found.attractors { #expect(a.basin >= a.length) }
        // From one initial state: a subset, each reachable.
        let reachable = try model.asynchronousAttractors(from: model.initialLevels)
        #expect(!reachable.attractors.isEmpty)
        #expect(Set(reachable.attractors.map(\.states)).isSubset(of: Set(found.attractors.map(\.states))))
    }

    @Test("fixed points by search agree with brute force on random networks", arguments: 0..<40)
    func fixedPointsMatchBruteForce(seed: Int) throws {
        let n = 1 + seed % 14
        let model = try RandomLogical.model(nodes: n, k: 3, multiValued: seed % 4 == 3, seed: UInt64(2000 + seed))
        #expect(model.fixedPoints() == RandomLogical.fixedPoints(model), "seed \(seed)")
    }

    @Test("fixed-point counts agree with brute force on random networks", arguments: 0..<60)
    func fixedPointCountMatchesBruteForce(seed: Int) throws {
        let n = 1 + seed % 15
        let base = try RandomLogical.model(nodes: n, k: 1 + seed % 4, multiValued: seed % 4 == 3, seed: UInt64(7000 + seed))
        let expected = RandomLogical.fixedPoints(base).count
        #expect(base.fixedPointCount() == UInt64(expected), "seed \(seed)")
        // With a permanent clamp (its equation dropped) the count still matches.
        let clamped = try LogicalModel(name: "c", nodes: Array(zip(base.nodeIDs, base.maxLevels)), functions: base.functions,
                                       clamps: [LogicalClamp(node: seed % n, level: base.maxLevels[seed % n])])
        #expect(clamped.fixedPointCount() == UInt64(RandomLogical.fixedPoints(clamped).count), "seed \(seed) clamped")
    }

    @Test("fixed-point counts of BBM models match biodivine-aeon (093: 41152, 155: 880889052)",
          .enabled(if: hasShared, "needs ../shared/models/bbm"))
    func bbmFixedPointCounts() throws {
        let expected = ["093-immune-checkpoint-inhibitors": UInt64(41152),
                        "155-control-of-th1-th2-th17-treg-differentation": 880_889_052]
        for (name, count) in expected {
            let path = bbmDirectory.appendingPathComponent(name).appendingPathComponent("model.bnet").path
            let model = try LogicalModel(try BnetFormat.read(try String(contentsOfFile: path, encoding: .utf8), name: name))
            #expect(model.fixedPointCount() == count, "\(name)")
        }
    }

    @Test("fixed points of derived-policy graphs with clamps agree with brute force", arguments: RulePolicy.all)
    func fixedPointsDerived(policy: RulePolicy) throws {
        for seed in UInt64(0)..<UInt64(12) {
            let graph = try RandomLogical.graph(nodes: 12, edges: 24, seed: seed, multiValued: seed % 2 == 0)
            let p = try ResolvedPerturbations([.knockout("n\(seed % 12)")], in: graph)
            let model = try LogicalModel(graph, policy: policy, perturbations: p)
            #expect(model.fixedPoints() == RandomLogical.fixedPoints(model))
            #expect(model.fixedPoints(limit: 1).count == min(1, RandomLogical.fixedPoints(model).count))
        }
    }

    @Test("synchronous attractors from given states, with basins counting those states")
    func fromInitialStates() throws {
        let model = try RandomLogical.model(nodes: 10, k: 3, multiValued: false, seed: 31)
        let states = RandomLogical.allStates(model)
        let found = try model.synchronousAttractors(from: states)
        let exhaustive = try model.exhaustiveSynchronousAttractors()
        #expect(found == exhaustive)
    }

    @Test("attractor-averaged levels: a 2-cycle of a node on/off averages 0.5")
    func averageLevels() throws {
        // TIM3 is switched off by itself: 1, 0, 1, …; A stays on.
        let model = try LogicalModel(nodes: [("A", 1), ("TIM3", 1)],
                                     functions: [.keep, .boolean(.not(.variable("TIM3")))])
        let found = try model.synchronousAttractors(from: [[1, 0]])
        let cycle = try #require(found.attractors.first)
        #expect(cycle.length == 2)
        #expect(cycle.averageLevels == [1, 0.5])
    }

    @Test("Fauré 2006 mammalian cell cycle: one fixed point (CycD = 0) and one 7-state cycle (CycD = 1)")
    func faureCellCycle() throws {
        let url = packageRoot.appendingPathComponent("Tests/ImmunoSimTests/Fixtures/faure2006.bnet")
        let graph = try BnetFormat.read(try String(contentsOf: url, encoding: .utf8), name: "faure2006")
        let model = try LogicalModel(graph)
        let result = try model.exhaustiveSynchronousAttractors()
        let cycD = try #require(graph.index(of: "CycD"))
        #expect(result.attractors.map(\.length) == [1, 7])
        #expect(result.attractors.map(\.basin) == [512, 512])
        let point = result.attractors[0].states[0]
        #expect(point[cycD] == 0)
        let on = Set(zip(result.nodes, point).filter { $0.1 == 1 }.map(\.0))
        #expect(on == ["Rb", "p27", "Cdh1"])
        #expect(result.attractors[1].states.allSatisfy { $0[cycD] == 1 })
        #expect(model.fixedPoints() == [point])
        // From the published initial condition with CycD on, the run enters the cycle.
        var start = [Int](repeating: 0, count: model.nodeCount)
        start[cycD] = 1
        #expect(try model.synchronousAttractors(from: [start]).attractors.map(\.length) == [7])
    }

    @Test("fixed points of every BBM model agree with brute force where it is feasible",
          .enabled(if: hasShared, "needs ../shared/models/bbm"))
    func bbmFixedPoints() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: bbmDirectory.path).sorted()
        #expect(names.count >= 20)
        var checked = 0
        for name in names {
            let path = bbmDirectory.appendingPathComponent(name).appendingPathComponent("model.bnet").path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            // BBM files read inputs they never declare; the reader makes them inputs (with a warning).
            let graph = try BnetFormat.read(try String(contentsOfFile: path, encoding: .utf8), name: name)
            let model = try LogicalModel(graph)
            checked += 1
            // Larger models can have 10^5+ fixed points (free inputs multiply them): check the first
            // ones in debug builds; the benchmark enumerates them all.
            let points = model.fixedPoints(limit: model.nodeCount <= 20 ? .max : 300)
            // Every reported state is a fixed point of the reference semantics.
            for p in points {
                #expect((0..<model.nodeCount).allSatisfy { model.referenceTarget(of: $0, in: p) == p[$0] }, "\(name)")
            }
            if model.nodeCount <= 20 || points.count < 300 {
                #expect(model.fixedPointCount() == UInt64(points.count), "\(name)")
            }
            if model.nodeCount <= 20 {
                let exhaustive = try model.exhaustiveSynchronousAttractors()
                let expected = exhaustive.attractors.filter(\.isFixedPoint).map { $0.states[0] }.sorted { $0.lexicographicallyPrecedes($1) }
                #expect(points == expected, "\(name)")
            }
        }
        #expect(checked >= 20)
    }
}
