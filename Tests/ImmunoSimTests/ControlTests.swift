import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Brute-force attractor control: every perturbation set, every state, the exhaustive
/// asynchronous state graph.
enum BruteControl {
    /// Whether every asynchronous attractor of `model` has the target values.
    static func controls(_ model: LogicalModel, _ target: [NodeValue]) -> Bool {
        let indices = target.map { (model.index(of: $0.node) ?? 0, $0.value) }
        return RandomLogical.asynchronousAttractors(model).allSatisfy { attractor in
            attractor.allSatisfy { state in indices.allSatisfy { state[$0.0] == $0.1 } }
        }
    }

    /// The minimal sets of at most `maxSize` perturbations of non-target, unclamped nodes, each
    /// node held at 0 or its maximum level (knockout or full over-expression).
    static func minimalSets(_ model: LogicalModel, _ target: [NodeValue], maxSize: Int) throws -> Set<String> {
        let clamped = Set(model.permanentClamps.map(\.node))
        let nodes = (0..<model.nodeCount).filter { i in
            !clamped.contains(i) && !target.contains { $0.node == model.nodeIDs[i] }
        }
        var answers: [[NodeValue]] = []
        func sets(_ size: Int, from start: Int) -> [[NodeValue]] {
            if size == 0 { return [[]] }
            guard start < nodes.count else { return [] }
            var result: [[NodeValue]] = []
            for k in start..<nodes.count {
                for rest in sets(size - 1, from: k + 1) {
                    for v in [0, model.maxLevels[nodes[k]]] { result.append([NodeValue(model.nodeIDs[nodes[k]], v)] + rest) }
                }
            }
            return result
        }
        for size in 0...maxSize {
            var found: [[NodeValue]] = []
            for set in sets(size, from: 0) where !answers.contains(where: { a in a.allSatisfy(set.contains) }) {
                let perturbed = try model.holding(set.map { ($0.node, $0.value) })
                if controls(perturbed, target) { found.append(set) }
            }
            answers += found
        }
        return Set(answers.map { $0.map(\.description).sorted().joined(separator: ",") })
    }
}

private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/models")

@Suite("Control")
struct ControlTests {
    @Test("control strategies equal brute force (every set, every state, exhaustive asynchronous graph) on random networks")
    func randomNetworks() throws {
        var verified: [ControlVerification: Int] = [:]
        for seed in UInt64(1)...36 {
            let n = 3 + Int(seed % 5)
            var model = try RandomLogical.model(nodes: n, k: 3, multiValued: false, seed: seed)
            if seed % 5 == 0 { model = try model.holding([(model.nodeIDs[n - 1], Int(seed / 5 % 2))]) }
            var target = [NodeValue(model.nodeIDs[0], Int(seed % 2))]
            if seed % 3 == 0 { target.append(NodeValue(model.nodeIDs[1], Int(seed / 3 % 2))) }
            let result = try model.controlStrategies(ControlProblem(target: target, maxSize: 2))
            let found = Set(result.strategies.map { $0.perturbations.map(\.description).sorted().joined(separator: ",") })
            #expect(found == (try BruteControl.minimalSets(model, target, maxSize: 2)), "seed \(seed)")
            #expect(result.undecided.isEmpty, "seed \(seed)")
            for strategy in result.strategies {
                verified[strategy.verification, default: 0] += 1
                let perturbed = try model.holding(strategy.perturbations.map { ($0.node, $0.value) })
                #expect(BruteControl.controls(perturbed, target), "seed \(seed) \(strategy.perturbations)")
            }
        }
        // Both kinds of answer occur, so both paths are exercised.
        #expect(verified[.percolation, default: 0] > 5 && verified[.attractors, default: 0] >= 3, "\(verified)")
    }

    @Test("the percolation of the control engine equals LogicalModel.percolate on random subspaces")
    func percolationAgrees() throws {
        for seed in UInt64(1)...30 {
            let n = 3 + Int(seed % 6)
            let model = try RandomLogical.model(nodes: n, k: 3, multiValued: false, seed: seed)
            var start = Subspace(free: n)
            start.values[Int(seed) % n] = Int8(seed % 2)
            if n > 4 { start.values[(Int(seed) + 2) % n] = Int8(seed / 2 % 2) }
            // A set of size 0 with the values held by clamps: the explanation steps replay percolation.
            let held = try model.holding(start.values.indices.filter { start.values[$0] >= 0 }
                .map { (model.nodeIDs[$0], Int(start.values[$0])) })
            let reference = try model.percolate(start).subspace
            #expect(reference == BruteTrap.percolate(model, start), "seed \(seed)")
            let target = (0..<n).filter { reference.values[$0] >= 0 && start.values[$0] < 0 }
                .map { NodeValue(model.nodeIDs[$0], Int(reference.values[$0])) }
            guard !target.isEmpty else { continue }
            let result = try held.controlStrategies(ControlProblem(target: target, maxSize: 0))
            #expect(result.strategies.count == 1 && result.strategies.first?.verification == .percolation, "seed \(seed)")
        }
    }

    @Test("checkpoint model, antigen present: IFNG=0 alone, or one brake of each checkpoint, puts KILLING on; explanations are chains")
    func checkpoint() throws {
        let graph = try ModelLoader.load(examples.appendingPathComponent("checkpoint.bnet").path)
        let model = try LogicalModel(graph).holding([("ANTIGEN", 1)])
        let result = try model.controlStrategies(ControlProblem(target: [NodeValue("KILLING", 1)]), graph: graph)
        let names = result.strategies.map { $0.perturbations.map(\.description).joined(separator: ", ") }
        #expect(names == ["TCELL=1", "IFNG=0", "PDL1=0, TIM3=0", "PDL1=0, GAL9=0", "PDL1=0, TIM3SIG=0", "PD1=0, TIM3=0",
                          "PD1=0, GAL9=0", "PD1=0, TIM3SIG=0", "PD1SIG=0, TIM3=0", "PD1SIG=0, GAL9=0", "PD1SIG=0, TIM3SIG=0"])
        #expect(result.strategies.allSatisfy { $0.verification == .percolation })
        let ifng = try #require(result.strategies.first { $0.perturbations == [NodeValue("IFNG", 0)] })
        #expect(ifng.explanation.map { "\($0.node)=\($0.value)" } == ["PDL1=0", "TIM3=0", "PD1SIG=0", "TIM3SIG=0", "TCELL=1", "KILLING=1"])
        let tcell = try #require(ifng.explanation.first { $0.node == "TCELL" })
        #expect(tcell.because == [NodeValue("ANTIGEN", 1), NodeValue("PD1SIG", 0), NodeValue("TIM3SIG", 0)])
        // Only the reasons that matter: TIM3=0 alone silences TIM3SIG (GAL9=0 is not listed).
        #expect(ifng.explanation.first { $0.node == "TIM3SIG" }?.because == [NodeValue("TIM3", 0)])
        #expect(result.candidates == ["ANTIGEN", "TCELL", "IFNG", "PDL1", "PD1", "PD1SIG", "TIM3", "GAL9", "TIM3SIG"].filter { $0 != "ANTIGEN" })
        // One checkpoint blocked is not enough: the other brake makes the T cells oscillate.
        let single = try model.holding([("PD1", 0)])
        #expect(!BruteControl.controls(single, [NodeValue("KILLING", 1)]))
        // Without antigen nothing of size <= 2 other than TCELL=1 works.
        let free = try LogicalModel(graph).controlStrategies(ControlProblem(target: [NodeValue("KILLING", 1)], excluded: ["TCELL"]))
        #expect(free.strategies.map { $0.perturbations.map(\.description) }.allSatisfy { $0.contains("ANTIGEN=1") })
    }

    @Test("built-in models: explanation steps carry the curated edges with evidence")
    func evidence() throws {
        // The Boolean built-in model (builtin:tme has multi-valued dose and antigen nodes, which
        // control refuses): without antigen, tumour burden percolates on.
        let graph = try Catalog.flagship()
        let model = try LogicalModel(graph).holding([("ANTIGEN", 0)])
        let result = try model.controlStrategies(ControlProblem(target: [NodeValue("TUMOR_BURDEN", 1)], maxSize: 0), graph: graph)
        let percolated = try #require(result.strategies.first { $0.verification == .percolation })
        #expect(!percolated.explanation.isEmpty)
        #expect(percolated.explanation.allSatisfy { step in !step.edges.isEmpty && step.edges.allSatisfy { !$0.evidence.isEmpty } })
    }

    @Test("control answers become screen candidates: knockouts, switched-on inputs, supplied internal nodes")
    func screenPlan() throws {
        let graph = try ModelLoader.load(examples.appendingPathComponent("checkpoint.bnet").path)
        let result = try LogicalModel(graph).controlStrategies(ControlProblem(target: [NodeValue("KILLING", 1)]), graph: graph)
        let plan = ScreenPlan(controlStrategies: result.strategies, readouts: ["TUMOR"], in: graph)
        #expect(plan.candidates.map(\.description) == ["supply TCELL", "ANTIGEN", "KO:IFNG"])
        #expect(plan.order == 2)
        let arms = Set(plan.arms.map(\.description))
        #expect(arms.contains("supply TCELL") && arms.contains("ANTIGEN + KO:IFNG"))
    }

    @Test("bad problems are errors naming the node; levels are checked against the node's range")
    func errors() throws {
        let model = try RandomLogical.model(nodes: 4, k: 2, multiValued: false, seed: 1)
        #expect(throws: LogicalAnalysisError.self) { try model.controlStrategies(ControlProblem(target: [NodeValue("NOPE", 1)])) }
        #expect(throws: LogicalAnalysisError.self) { try model.controlStrategies(ControlProblem(target: [NodeValue("x0", 2)])) }
        #expect(throws: LogicalAnalysisError.self) {
            try model.controlStrategies(ControlProblem(target: [NodeValue("x0", 1), NodeValue("x0", 0)]))
        }
        #expect(throws: LogicalAnalysisError.self) {
            try model.controlStrategies(ControlProblem(target: [NodeValue("x0", 1)], excluded: ["GHOST"]))
        }
        #expect(throws: LogicalAnalysisError.self) { try model.controlStrategies(ControlProblem(target: [])) }
        // The checkpoint model, KILLING=1: 9 candidates, sizes 0...2: 1 + 18 + 144 = 163 sets.
        let checkpoint = try LogicalModel(ModelLoader.load(examples.appendingPathComponent("checkpoint.bnet").path))
        let problem = ControlProblem(target: [NodeValue("KILLING", 1)], maxSize: 2, setLimit: 162)
        #expect(throws: LogicalAnalysisError.self) { try checkpoint.controlStrategies(problem) }
        #expect(try checkpoint.controlStrategies(ControlProblem(target: [NodeValue("KILLING", 1)], setLimit: 163)).examined == 147)
        // A multi-valued model is analysed through its Boolean coding; a level above a node's
        // maximum is an error naming the node and its range.
        let multi = try RandomLogical.model(nodes: 6, k: 2, multiValued: true, seed: 2)
        let top = try #require(multi.maxLevels.indices.first { multi.maxLevels[$0] > 1 })
        let id = multi.nodeIDs[top], max = multi.maxLevels[top]
        #expect(throws: Never.self) { try multi.controlStrategies(ControlProblem(target: [NodeValue(id, max)], maxSize: 1)) }
        do {
            _ = try multi.controlStrategies(ControlProblem(target: [NodeValue(id, max + 1)]))
            Issue.record("level \(max + 1) of \(id) accepted")
        } catch {
            #expect(error.message.contains(id) && error.message.contains("0...\(max)"), "\(error.message)")
        }
    }
}
