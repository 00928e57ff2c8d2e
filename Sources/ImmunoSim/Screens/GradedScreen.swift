public import ImmunoGraph

extension ScreenPlan {
    /// The default candidates of a model: every therapy node switched on (or, in a model without
    /// typed therapies, every input node), then knockouts of every other node except the readouts,
    /// nodes of kind phenotype or process, the targets of `kills` edges (the tumour itself), and
    /// the nodes an antibody candidate blocks (``antibodyEquivalents(in:)``: the knockout and the
    /// antibody are one intervention, and would fill the ranking with copies).
    ///
    /// - Parameters:
    ///   - graph: the model whose nodes become candidates.
    ///   - readouts: node identifiers that are measured, so never knocked out.
    ///   - therapies: include therapy candidates.
    ///   - knockouts: include knockout candidates.
    public static func candidates(
        in graph: MechanismGraph, readouts: [String], therapies: Bool = true, knockouts: Bool = true
    ) -> [ScreenCandidate] {
        let typed = graph.nodes.contains { $0.isTherapy }
        var result: [ScreenCandidate] = []
        if therapies {
            for (i, node) in graph.nodes.enumerated() where typed ? node.isTherapy : graph.inDegree(of: i) == 0 {
                result.append(ScreenCandidate(node.id, .therapy))
            }
        }
        if knockouts {
            // Not knocked out: the readouts; phenotypes and processes (outcomes, not targets); and
            // the population the model's effectors kill (targets of `kills` edges: knocking out
            // the tumour itself trivially removes the burden and would top every ranking).
            var excluded = Set(readouts.compactMap { graph.index(of: $0) })
            for e in 0..<graph.edgeCount where graph.edges[e].mechanism == .kills { excluded.insert(graph.target(ofEdge: e)) }
            for (i, node) in graph.nodes.enumerated() where node.kind == .phenotype || node.kind == .process { excluded.insert(i) }
            if therapies {
                for target in antibodyEquivalents(in: graph).keys { if let i = graph.index(of: target) { excluded.insert(i) } }
            }
            for (i, node) in graph.nodes.enumerated() where !node.isTherapy && !excluded.contains(i) {
                if !typed && graph.inDegree(of: i) == 0 { continue }
                result.append(ScreenCandidate(node.id, .knockout))
            }
        }
        return result
    }
}

extension ScreenPlan {
    /// Knockouts that an antibody of the model already is: node identifier → the therapies that
    /// block it (therapy nodes with an inhibiting `blocks` edge to it — the edges the graded engine
    /// treats as antibodies). A screen offers the antibody, not both.
    public static func antibodyEquivalents(in graph: MechanismGraph) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for e in 0..<graph.edgeCount {
            let edge = graph.edges[e]
            let source = graph.nodes[graph.source(ofEdge: e)]
            guard edge.sign == .inhibits, edge.mechanism == .blocks, source.isTherapy else { continue }
            let target = graph.nodes[graph.target(ofEdge: e)].id
            if !(result[target]?.contains(source.id) ?? false) { result[target, default: []].append(source.id) }
        }
        return result
    }
}

extension SimulationEngine {
    /// The scenario of one screen arm: the background, each therapy candidate switched on from
    /// step 0 (as `TherapySpec` reads a bare identifier), each knockout candidate held at 0.
    public func scenario(for arm: ScreenArm, background: String?, reference: String) throws -> Scenario {
        var scenario = Scenario(model: reference, background: background)
        for candidate in arm.candidates {
            switch candidate.action {
            case .therapy:
                do {
                    scenario.therapies.append(try TherapySpec.parse(candidate.node, in: graph))
                } catch {
                    throw PerturbationError(error.description)
                }
            case .knockout: scenario.perturbations.append(.knockout(candidate.node))
            }
        }
        return scenario
    }

    /// Runs a screen with this engine: every arm of `plan` (in `shard`) for `steps` steps,
    /// readouts read at the last step (for ensembles, the engine's averages). The compiled model is
    /// shared by all arms; each arm only resolves its own inputs. Deterministic for any `threads`.
    ///
    /// - Complexity: one run of O(steps · (N + E)) per arm.
    public func screen(
        _ plan: ScreenPlan, background: String? = nil, steps: Int = 100, reference: String, shard: ShardSpec? = nil,
        threads: Int = 2, progress: ScreenRunner.Progress? = nil
    ) async throws -> ScreenResult {
        let readouts = try readoutIndices(plan.readouts)
        let model = self
        let settings = "\(semanticsDescription), \(steps) steps, read at the last step, background \(background ?? "none")"
        return try await ScreenRunner.run(
            plan: plan, model: reference, settings: settings, shard: shard, threads: threads, progress: progress
        ) { arm in
            let scenario = try model.scenario(for: arm, background: background, reference: reference)
            let levels = try model.read(scenario, at: .step(steps)).levels
            return readouts.map { levels[$0] }
        }
    }
}
