import Foundation
import ImmunoGraph
@testable import ImmunoSim
import Testing

/// The thermometer coding of multi-valued models (Booleanisation.swift) and control through it.
@Suite("Boolean coding of multi-valued models")
struct BooleanisationTests {
    /// The attractors of a coded model, decoded to levels, as brute force lists them.
    static func decodedAttractors(_ coding: BooleanisedModel) throws -> Set<[[Int]]> {
        let found = try coding.boolean.symbolicAsynchronousAttractors(stateLimit: 100_000, basins: false)
        return Set(found.attractors.map { attractor in
            Set(attractor.states.map { state in (0..<coding.original.nodeCount).map { coding.level(of: $0, in: state) } })
                .sorted { $0.lexicographicallyPrecedes($1) }
        })
    }

    @Test("the coded model has exactly the multi-valued asynchronous attractors (term, Boolean and threshold functions; 40 random models)")
    func attractorsEqualBruteForce() throws {
        var multiValued = 0
        for seed in UInt64(1)...40 {
            var model = try RandomLogical.model(nodes: 3 + Int(seed % 3), k: 3, multiValued: true, seed: seed)
            if seed % 4 == 0, let i = model.maxLevels.firstIndex(where: { $0 > 1 }) {
                model = try model.holding([(model.nodeIDs[i], 1)])   // an intermediate clamp
            }
            let coding = try BooleanisedModel(model)
            if !coding.isIdentity { multiValued += 1 }
            #expect(coding.boolean.maxLevels.allSatisfy { $0 == 1 })
            #expect(try Self.decodedAttractors(coding) == RandomLogical.asynchronousAttractors(model), "seed \(seed)")
        }
        #expect(multiValued >= 20)
    }

    @Test("asynchronousAttractors falls back to the coded symbolic search for multi-valued models too large to enumerate: same attractors")
    func fallback() throws {
        var checked = 0
        for seed in UInt64(1)...20 {
            let model = try RandomLogical.model(nodes: 5, k: 3, multiValued: true, seed: seed + 300)
            guard model.maxLevels.contains(where: { $0 > 1 }) else { continue }
            func sets(_ found: LogicalAttractors) -> Set<[[Int]]> {
                Set(found.attractors.map { $0.states.sorted { $0.lexicographicallyPrecedes($1) } })
            }
            #expect(sets(try model.asynchronousAttractors(maxStates: 4)) == sets(try model.asynchronousAttractors()), "seed \(seed)")
            let start = model.initialLevels
            #expect(sets(try model.asynchronousAttractors(from: start, maxStates: 4))
                    == sets(try model.asynchronousAttractors(from: start)), "seed \(seed)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test("threshold-policy graphs with multi-valued nodes code exactly too")
    func thresholdPolicy() throws {
        for seed in UInt64(1)...15 {
            let graph = try RandomLogical.graph(nodes: 4, edges: 7, seed: seed, multiValued: true)
            let model = try LogicalModel(graph, policy: .threshold)
            let coding = try BooleanisedModel(model)
            #expect(try Self.decodedAttractors(coding) == RandomLogical.asynchronousAttractors(model), "seed \(seed)")
        }
    }

    @Test("a coded node moves one level per update: X>=2 switches on only from level 1")
    func unitarySteps() throws {
        // X (0...2) targets 2 when A is on; A is an input.
        let model = try LogicalModel(nodes: [("A", 1), ("X", 2)],
                                     functions: [.keep, .boolean(.variable("A"), maxLevel: 2)])
        let coding = try BooleanisedModel(model)
        #expect(coding.boolean.nodeIDs == ["A", "X>=1", "X>=2"])
        // From A=1, X=0 only X>=1 can switch on; X>=2 stays off until X>=1 is on.
        #expect(coding.boolean.referenceTarget(of: 1, in: [1, 0, 0]) == 1)
        #expect(coding.boolean.referenceTarget(of: 2, in: [1, 0, 0]) == 0)
        #expect(coding.boolean.referenceTarget(of: 2, in: [1, 1, 0]) == 1)
        // From A=0, X=2 only X>=2 can switch off first.
        #expect(coding.boolean.referenceTarget(of: 1, in: [0, 1, 1]) == 1)
        #expect(coding.boolean.referenceTarget(of: 2, in: [0, 1, 1]) == 0)
        #expect(coding.conditions(node: 1, level: 1).map { "\($0.variable)=\($0.value)" } == ["1=1", "2=0"])
        #expect(coding.conditions(node: 1, level: 0).map { "\($0.variable)=\($0.value)" } == ["1=0"])
        #expect(coding.conditions(node: 1, level: 2).map { "\($0.variable)=\($0.value)" } == ["2=1"])
    }

    @Test("a coded name clashing with a node is an error naming both")
    func clash() throws {
        let model = try LogicalModel(nodes: [("X", 2), ("X>=1", 1)], functions: [.keep, .keep])
        #expect(throws: LogicalAnalysisError.self) { try BooleanisedModel(model) }
        do { _ = try BooleanisedModel(model) } catch { #expect(error.message.contains("X>=1") && error.message.contains("'X'")) }
    }

    @Test("control of multi-valued models equals brute force over knockouts and full over-expression (30 random models)")
    func controlEqualsBruteForce() throws {
        var answers = 0
        for seed in UInt64(1)...30 {
            let model = try RandomLogical.model(nodes: 3 + Int(seed % 3), k: 3, multiValued: true, seed: seed + 100)
            let t = Int(seed) % model.nodeCount
            let level = Int(seed / 2) % (model.maxLevels[t] + 1)
            let target = [NodeValue(model.nodeIDs[t], level)]
            let result = try model.controlStrategies(ControlProblem(target: target, maxSize: 2))
            let found = Set(result.strategies.map { $0.perturbations.map(\.description).sorted().joined(separator: ",") })
            #expect(found == (try BruteControl.minimalSets(model, target, maxSize: 2)), "seed \(seed)")
            #expect(result.undecided.isEmpty, "seed \(seed)")
            answers += result.strategies.count
        }
        #expect(answers >= 10)
    }

    @Test("attractor counts with inputs as colours: cycles that exist for one input valuation only (regression: a stale diagram read)")
    func colouredCycleCount() throws {
        // A and B oscillate only when I1 and I2 are both on; otherwise both settle at 0.
        let model = try LogicalModel(nodes: [("A", 1), ("B", 1), ("I1", 1), ("I2", 1)],
                                     functions: [.boolean(try ExpressionParser.parse("!B & I1 & I2")), .boolean(.variable("A")), .keep, .keep])
        let found = try model.symbolicAsynchronousAttractors(stateLimit: 1000, basins: false)
        #expect(found.attractors.count == 4)
        #expect(found.attractors.filter { $0.states.count == 4 }.count == 1)
        #expect(Set(found.attractors.map { $0.states.sorted { $0.lexicographicallyPrecedes($1) } })
                == RandomLogical.asynchronousAttractors(model))
    }
}

@Suite("Coded attractor summaries")
struct CodedSummaryTests {
    @Test("summaries of a multi-valued model: counts and sizes equal enumeration; a node is fixed exactly when constant on the attractor")
    func summariesEqualEnumeration() throws {
        var checked = 0
        for seed in UInt64(1)...20 {
            let model = try RandomLogical.model(nodes: 5, k: 3, multiValued: true, seed: seed + 500)
            guard model.maxLevels.contains(where: { $0 > 1 }) else { continue }
            let exact = RandomLogical.asynchronousAttractors(model)
            let summaries = try model.codedAsynchronousAttractorSummaries()
            #expect(summaries.count == Double(exact.count), "seed \(seed)")
            let expected = exact.map { states -> String in
                let values = (0..<model.nodeCount).map { i -> Int8 in
                    let levels = Set(states.map { $0[i] })
                    return levels.count == 1 ? Int8(levels.first ?? 0) : -1
                }
                return "\(states.count) \(Subspace(values: values))"
            }.sorted()
            #expect(summaries.attractors.map { "\(Int($0.stateCount)) \($0.subspace)" }.sorted() == expected, "seed \(seed)")
            checked += 1
        }
        #expect(checked >= 8)
        #expect(Subspace(values: [0, 1, 2, -1, 11]).description == "012-b")
    }
}

@Suite("Attractor reduction: nodes that substitution makes inputs")
struct ReductionSelfLoopTests {
    @Test("X = X | A with A held at 0 keeps its value: two cyclic attractors, not one (regression)")
    func heldRegulatorLeavesSelfLoop() throws {
        let model = try LogicalModel(nodes: [("A", 1), ("X", 1), ("Y", 1)],
                                     functions: [.keep, .boolean(try ExpressionParser.parse("X | A")), .boolean(try ExpressionParser.parse("!Y"))])
            .holding([("A", 0)])
        let found = try model.symbolicAsynchronousAttractors(stateLimit: 1000, basins: false)
        #expect(found.attractors.count == 2)
        #expect(Set(found.attractors.map { $0.states.sorted { $0.lexicographicallyPrecedes($1) } })
                == RandomLogical.asynchronousAttractors(model))
        #expect(try model.asynchronousAttractorSummaries().count == 2)
    }
}
