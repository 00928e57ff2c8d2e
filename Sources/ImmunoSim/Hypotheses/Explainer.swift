import ImmunoGraph

extension Direction {
    /// The direction after passing through an edge path of sign `sign`.
    func through(_ sign: Sign) -> Direction {
        switch (self, sign) {
        case (.unchanged, _): return .unchanged
        case (_, .activates): return self
        case (.up, .inhibits): return .down
        case (.down, .inhibits): return .up
        }
    }
}

/// A node a scenario moves directly, and which way.
struct ExplanationOrigin: Hashable {
    var node: Int
    var direction: Direction
}

extension SimulationEngine {
    /// The nodes a scenario moves directly: therapy nodes driven up; blocked, depleted or
    /// knocked-out nodes down; supplied, damaged or over-expressed nodes up; the target of a blocked
    /// or removed edge moved against the edge's sign.
    func origins(of scenario: Scenario, baselineLevels: [Double]) throws -> [ExplanationOrigin] {
        let perturbations = scenario.therapies.isEmpty ? scenario.perturbations : []
        var result: [ExplanationOrigin] = []
        func add(_ node: Int, _ direction: Direction) {
            let origin = ExplanationOrigin(node: node, direction: direction)
            if !result.contains(origin) { result.append(origin) }
        }
        func againstEdge(_ e: Int) { add(graph.target(ofEdge: e), graph.edges[e].sign == .activates ? .down : .up) }
        for therapy in scenario.therapies {
            switch try therapy.action(in: graph) {
            case .drive(let node), .supply(let node), .damage(let node): add(node, .up)
            case .blockNode(let node), .deplete(let node): add(node, .down)
            case .blockEdges(let edges): edges.forEach(againstEdge)
            }
        }
        for perturbation in perturbations {
            switch perturbation {
            case .knockout(let id): if let i = graph.index(of: id) { add(i, .down) }
            case .overexpress(let id): if let i = graph.index(of: id) { add(i, .up) }
            case .hold(let id, let level, _):
                if let i = graph.index(of: id) { add(i, level >= baselineLevels[i] ? .up : .down) }
            case .removeEdge(let source, let target):
                for edge in graph.edges(from: source, to: target) {
                    if let s = graph.index(of: edge.source), let e = graph.outEdges(of: s).first(where: { graph.edges[$0] == edge }) {
                        againstEdge(e)
                    }
                }
            }
        }
        return result
    }

    /// Explains the change of `readout` under `scenario`: against ``Scenario/baseline`` (the
    /// scenario without its therapies) when it has therapies, and against the scenario without its
    /// perturbations when it has none.
    ///
    /// 1. Signed paths (at most `maxLength` edges) from every origin to the readout; a path
    ///    predicts the origin's direction composed with its sign. Chains that predict the observed
    ///    direction are kept, shortest and best-evidenced first (at most `maxChains`); after
    ///    mediation, chains whose intermediates carry the effect move to the front.
    /// 2. In-silico mediation: for each intermediate node of the top three chains, the treated
    ///    run is repeated with that node frozen on its baseline course
    ///    (``SimulationEngine/read(_:holding:onCourseOf:at:)``)
    ///    and the share of the effect that survives is reported; below
    ///    ``Explanation/necessityThreshold`` the node is necessary.
    /// 3. Feedback loops (≤ 8 edges) through the nodes of the top chains.
    ///
    /// - Throws: ``PerturbationError`` for an unknown readout or a scenario that does not resolve.
    /// - Complexity: two runs, plus one run per mediator (at most eight), plus path and loop search.
    public func explain(
        _ readout: String, in scenario: Scenario, at time: ReadoutTime = .step(100),
        tolerance: Double = Response.defaultTolerance, maxLength: Int = 8, maxChains: Int = 5, mediation: Bool = true
    ) throws -> Explanation {
        if let problem = time.problems.first { throw PerturbationError(problem) }
        guard let r = graph.index(of: readout) else { throw PerturbationError(graph.unknownNodeMessage(readout)) }
        // With therapies, perturbations are part of the context (kept in the baseline); without
        // therapies, the perturbations themselves are what is explained.
        var baselineScenario = scenario.baseline
        if scenario.therapies.isEmpty { baselineScenario.perturbations = [] }
        let base = try read(baselineScenario, at: time)
        let treated = try read(scenario, at: time)
        let delta = treated.levels[r] - base.levels[r]
        let direction = Direction(delta: delta, tolerance: tolerance)
        let origins = try origins(of: scenario, baselineLevels: base.levels)

        var matching: [(path: SignedPath, predicts: Direction)] = []
        var opposing: [(path: SignedPath, predicts: Direction)] = []
        for origin in origins {
            let paths: [SignedPath]
            if origin.node == r {
                paths = [SignedPath(nodes: [r], edges: [], sign: .activates)]
            } else {
                paths = graph.signedPaths(from: origin.node, to: r, maxLength: maxLength, limit: 50)
            }
            for path in paths {
                let predicts = origin.direction.through(path.sign)
                if predicts == direction { matching.append((path, predicts)) } else { opposing.append((path, predicts)) }
            }
        }
        func ordered(_ items: [(path: SignedPath, predicts: Direction)]) -> [Explanation.Chain] {
            items.map { chain($0.path, predicts: $0.predicts) }.sorted { a, b in
                if a.links.count != b.links.count { return a.links.count < b.links.count }
                if a.evidenceScore != b.evidenceScore { return a.evidenceScore > b.evidenceScore }
                return a.text < b.text
            }
        }
        var chains = Array(ordered(matching).prefix(maxChains))
        let opposingChains = Array(ordered(opposing).prefix(maxChains))

        // Mediation over the intermediate nodes of the top chains.
        var mediators: [Explanation.Mediator] = []
        if mediation, direction != .unchanged, abs(delta) > 0 {
            // An antibody's target keeps its level (the antibody silences its influence), so
            // freezing that level says nothing: it is an origin here, not a mediator.
            var originNodes = Set(origins.map(\.node))
            for origin in origins { originNodes.formUnion(antibodyTargets(of: origin.node)) }
            var candidates: [Int] = []
            for chain in chains.prefix(3) {
                for id in chain.nodes.dropFirst().dropLast() {
                    if let i = graph.index(of: id), !originNodes.contains(i), !candidates.contains(i) { candidates.append(i) }
                }
            }
            for node in candidates.prefix(8) {
                let level = try read(scenario, holding: node, onCourseOf: base, at: time).levels[r]
                let surviving = (level - base.levels[r]) / delta
                mediators.append(Explanation.Mediator(
                    node: graph.nodes[node].id, survivingFraction: surviving,
                    necessary: surviving < Explanation.necessityThreshold))
            }
        }

        // Chains whose intermediates carry the effect in simulation come first: order by the
        // smallest surviving share among each chain's own mediated intermediates (those not on
        // every chain), stable otherwise.
        if !mediators.isEmpty {
            let surviving = Dictionary(mediators.map { ($0.node, $0.survivingFraction) }, uniquingKeysWith: { a, _ in a })
            // Nodes every chain passes through do not tell chains apart.
            let shared = chains.map { Set($0.nodes) }.reduce(Set(chains.first?.nodes ?? [])) { $0.intersection($1) }
            func key(_ chain: Explanation.Chain) -> Double {
                chain.nodes.dropFirst().dropLast().filter { !shared.contains($0) }.compactMap { surviving[$0] }.min() ?? 1
            }
            chains = chains.enumerated().sorted { a, b in
                let ka = key(a.element), kb = key(b.element)
                return ka != kb ? ka < kb : a.offset < b.offset
            }.map(\.element)
        }

        // Feedback loops through the chains' nodes.
        let chainNodes = Set(chains.prefix(3).flatMap(\.nodes))
        let loops = graph.feedbackLoops(maxLength: 8, limit: 200)
            .filter { loop in loop.nodes.contains { chainNodes.contains(graph.nodes[$0].id) } }
            .prefix(5)
            .map { Explanation.Loop(nodes: $0.nodes.map { graph.nodes[$0].id }, sign: $0.sign, text: graph.describe($0)) }

        return Explanation(
            readout: graph.nodes[r].id, scenario: scenario.summary, readAt: time.description,
            baseline: base.levels[r], treated: treated.levels[r], delta: delta, direction: direction,
            tolerance: tolerance,
            origins: origins.map { "\(graph.nodes[$0.node].id) \($0.direction.rawValue)" },
            chains: chains, opposingChains: opposingChains, mediators: mediators, loops: Array(loops))
    }

    private func chain(_ path: SignedPath, predicts: Direction) -> Explanation.Chain {
        let links = path.edges.map { e in
            let edge = graph.edges[e]
            return Explanation.Link(
                source: edge.source, target: edge.target, sign: edge.sign, mechanism: edge.mechanism.rawValue,
                evidence: edge.evidence)
        }
        return Explanation.Chain(
            nodes: path.nodes.map { graph.nodes[$0].id }, links: links, sign: path.sign, predicts: predicts,
            evidenceScore: graph.evidenceScore(of: path), text: graph.describe(path))
    }
}
