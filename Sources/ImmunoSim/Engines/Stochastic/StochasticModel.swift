public import ImmunoGraph

/// A mechanism graph compiled for continuous-time stochastic simulation with MaBoSS semantics
/// (Stoll et al., BMC Syst Biol 6:116, 2012): a continuous-time Markov chain on logical states
/// sampled by Gillespie's exact algorithm.
///
/// **Semantics.** Each node has a logic (its ``NodeFunction``, compiled to the packed
/// packed program the logical engine uses) and rates (``NodeRates``; default 1). A Boolean node
/// flips 0 → 1 at `rate_up` while its logic is 1 and 1 → 0 at `rate_down` while it is 0; with
/// non-default MaBoSS rate expressions, it flips up at `rate_up` whenever it is 0 and down at
/// `rate_down` whenever it is 1.
///
/// **Multi-valued nodes** are Booleanised by the thermometer (van Ham) encoding: a node with
/// maximum `m` is `m` Boolean variables `X`, `X>=2`, …, `X>=m` ("level ≥ k"), kept ordered. It
/// moves one level per transition: up at `rate_up` while its target level is above the current
/// level, down at `rate_down` while it is below (the unitary asynchronous semantics of GINsim in
/// continuous time). Reported probabilities are per Boolean variable. Only logic-gated constant
/// rates are allowed for multi-valued nodes.
///
/// **Interventions** (``StochasticIntervention``) act in time windows: a clamp sets the node when
/// its window opens and freezes it until the window closes; a rate scaling multiplies a rate.
/// Because rates are piecewise constant in time, stopping at a window's edge and drawing afresh
/// keeps the simulation exact (the exponential distribution is memoryless).
///
/// ```swift
/// let model = try StochasticModel(graph)
/// let result = model.simulate(StochasticSettings(trajectories: 10_000, maxTime: 50, timeTick: 1))
/// print(result.probabilities["TIM3"] ?? [])
/// ```
public struct StochasticModel: Sendable {
    /// The model's name.
    public let name: String
    /// Node identifiers in index order.
    public let nodeIDs: [String]
    /// Each node's maximum level.
    public let maxLevels: [Int]
    /// The Booleanised variables: `X` for a Boolean node, `X`, `X>=2`, … for a multi-valued one.
    public let variableNames: [String]
    /// Interventions in effect (perturbation clamps first, then the configuration's).
    public let interventions: [StochasticIntervention]
    let program: LogicalProgram
    /// Per node: the first variable (plane) index.
    let planeBase: [Int32]
    /// Per node: logic-gated constant rates (fast path), else expression ranges in ``rates``.
    let gated: [Bool]
    let upConstant: [Double]
    let downConstant: [Double]
    let upRange: [Range<Int>]
    let downRange: [Range<Int>]
    let rates: RateProgram
    /// Compressed rows: the nodes whose propensity may change when node `j` changes.
    let dependentStart: [Int32]
    let dependents: [Int32]
    /// Initial distribution: deterministic levels, per-node probability of "on" (`< 0`: none),
    /// joint blocks.
    let initialLevels: [Int]
    let initialProbability: [Double]
    let joints: [CompiledJoint]
    /// Phases of the intervention schedule: phase `k > 0` starts at `changeTimes[k - 1]`.
    let changeTimes: [Double]
    let phaseClamp: [Int32]
    let phaseUp: [Double]
    let phaseDown: [Double]

    struct CompiledJoint: Sendable {
        var nodes: [Int]
        var cumulative: [Double]
        var levels: [[Int]]
    }

    /// Compiles `graph` under `policy`: removed edges change the functions, perturbation clamps
    /// become clamp interventions (a step is one time unit), then `configuration` adds rates,
    /// parameters, the initial distribution and its own interventions.
    ///
    /// With `spontaneousBasal` (the default), a node's basal level is spontaneous activity
    /// (`MechanismGraph.spontaneousActivation(of:removedEdges:)` in ImmunoGraph): a signed Boolean
    /// node with basal level `b` whose activators are off turns on at `rate_down · b/(1 − b)`
    /// unless an inhibitor is on, so alone it is on with probability `b`, as the graded floor.
    /// Its logic-gated rates (default 1, or the configuration's constants) are kept; a node the
    /// configuration gives other rate expressions keeps them. It applies under the
    /// inhibitor-dominant policy, whose rules the MaBoSS writer exports (the threshold policy's
    /// weighted sums state no floor). Without it, a basal level only rounds the initial state.
    ///
    /// - Throws: ``LogicalModelError`` naming the node for an unknown identifier, a rate reading an
    ///   unknown node or parameter, a probability outside 0…1, or a function that cannot compile.
    /// - Complexity: O(N + E + total rule and rate size + phases × N).
    public init(_ graph: MechanismGraph, policy: RulePolicy = .inhibitorDominant,
                perturbations: ResolvedPerturbations? = nil,
                configuration: StochasticConfiguration = .init(), spontaneousBasal: Bool = true) throws(LogicalModelError) {
        guard RulePolicy.all.contains(policy) else {
            throw LogicalModelError("unknown rule policy '\(policy.name)' (known: inhibitorDominant, threshold)")
        }
        var configuration = configuration
        let clamps = (perturbations?.clamps ?? []).map { clamp in
            let m = graph.nodes[clamp.node].maxLevel
            return StochasticIntervention(node: graph.nodes[clamp.node].id,
                                          effect: .clamp(level: Int((clamp.level * Double(m)).rounded())),
                                          window: TimeWindow(clamp.window))
        }
        configuration.interventions = clamps + configuration.interventions
        if spontaneousBasal && policy == .inhibitorDominant {
            let removed = Set(perturbations?.removedEdges ?? [])
            for i in graph.nodes.indices {
                guard let leak = graph.spontaneousActivation(of: i, removedEdges: removed) else { continue }
                let id = graph.nodes[i].id
                guard let (up, down) = (configuration.rates[id] ?? NodeRates()).resolved(configuration.parameters).gatedConstants
                else { continue }
                configuration.rates[id] = NodeRates(up: leak.rateUp(up: up, down: down), down: .unlessLogic(down))
            }
        }
        try self.init(name: graph.name, nodes: graph.nodes.map { ($0.id, $0.maxLevel) },
                      functions: graph.logicalFunctions(policy: policy, removedEdges: perturbations?.removedEdges ?? []),
                      initialLevels: graph.nodes.map(LogicalModel.initialLevel), configuration: configuration)
    }

    /// Builds a model from node functions directly.
    ///
    /// - Throws: ``LogicalModelError`` as the graph initialiser does.
    public init(name: String = "model", nodes: [(id: String, maxLevel: Int)], functions: [NodeFunction],
                initialLevels: [Int]? = nil, configuration: StochasticConfiguration = .init()) throws(LogicalModelError) {
        guard functions.count == nodes.count else { throw LogicalModelError("\(functions.count) functions for \(nodes.count) nodes") }
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            guard index.updateValue(i, forKey: node.id) == nil else { throw LogicalModelError("duplicate node '\(node.id)'") }
            guard (1...63).contains(node.maxLevel) else {
                throw LogicalModelError("node '\(node.id)' has maximum level \(node.maxLevel), outside 1...63")
            }
        }
        func lookup(_ id: String, _ what: String) throws(LogicalModelError) -> Int {
            guard let i = index[id] else { throw LogicalModelError("\(what) names '\(id)', which is not a node of '\(name)'") }
            return i
        }
        let n = nodes.count
        let maxLevels = nodes.map(\.maxLevel)
        var compiler = LogicalCompiler(nodeIDs: nodes.map(\.id), maxLevels: maxLevels)
        for (i, function) in functions.enumerated() { try compiler.compileNode(i, id: nodes[i].id, function: function) }
        let program = compiler.program
        self.name = name
        self.nodeIDs = nodes.map(\.id)
        self.maxLevels = maxLevels
        self.program = program
        planeBase = program.planeStart.map { Int32($0 - LogicalProgram.firstPlane) }
        variableNames = nodes.flatMap { node in
            (1...node.maxLevel).map { k in k == 1 ? node.id : "\(node.id)>=\(k)" }
        }
        for id in configuration.rates.keys { _ = try lookup(id, "a rate") }

        // Rates.
        var rates = RateProgram()
        var gated = [Bool](repeating: true, count: n), up = [Double](repeating: 1, count: n), down = up
        var upRange = [Range<Int>](repeating: 0..<0, count: n), downRange = upRange
        var reads = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            guard let spec = configuration.rates[nodes[i].id]?.resolved(configuration.parameters) else { continue }
            if let (gu, gd) = spec.gatedConstants {
                up[i] = gu
                down[i] = gd
                continue
            }
            let u = spec.up, d = spec.down
            guard maxLevels[i] == 1 else {
                throw LogicalModelError("node '\(nodes[i].id)' is multi-valued: only rates '@logic ? k : 0' are supported")
            }
            gated[i] = false
            let logic = program.targetPlane[Int(planeBase[i])]
            func register(_ id: String) -> Int32? { index[id].map { Int32(program.planeStart[$0]) } }
            let ue = u ?? .whenLogic(1), de = d ?? .unlessLogic(1)
            upRange[i] = try rates.compile(ue, owner: nodes[i].id, nodeRegister: register, logicRegister: logic)
            downRange[i] = try rates.compile(de, owner: nodes[i].id, nodeRegister: register, logicRegister: logic)
            reads[i] = (ue.nodes + de.nodes).compactMap { index[$0] }
        }
        self.gated = gated
        upConstant = up
        downConstant = down
        self.upRange = upRange
        self.downRange = downRange
        self.rates = rates

        // Dependents: node i depends on the nodes its code, its targets and its rates read.
        let firstPlane = LogicalProgram.firstPlane, planeEnd = firstPlane + program.planeCount
        var readers = [[Int32]](repeating: [], count: n)
        for i in 0..<n {
            var seen = Set<Int>([i])
            func note(_ r: Int32) {
                let r = Int(r)
                if r >= firstPlane && r < planeEnd { seen.insert(Int(program.planeNode[r - firstPlane])) }
            }
            for ins in program.code[program.nodeCode[i]] { note(ins.a); note(ins.b); note(ins.c) }
            for k in 0..<maxLevels[i] { note(program.targetPlane[Int(planeBase[i]) + k]) }
            for j in reads[i] { seen.insert(j) }
            for j in seen.sorted() { readers[j].append(Int32(i)) }
        }
        var start: [Int32] = [0]
        for list in readers { start.append(start[start.count - 1] + Int32(list.count)) }
        dependentStart = start
        dependents = readers.flatMap { $0 }

        // Initial distribution.
        let initial = initialLevels ?? Array(repeating: 0, count: n)
        self.initialLevels = (0..<n).map { min(max(initial.indices.contains($0) ? initial[$0] : 0, 0), maxLevels[$0]) }
        var probability = [Double](repeating: -1, count: n)
        for (id, p) in configuration.initial.probabilities {
            let i = try lookup(id, "an initial probability")
            guard (0...1).contains(p) else { throw LogicalModelError("the initial probability \(p) of '\(id)' is outside 0...1") }
            probability[i] = p
        }
        var joints: [CompiledJoint] = []
        for block in configuration.initial.joint {
            var members: [Int] = []
            for id in block.nodes { members.append(try lookup(id, "a joint initial state")) }
            var cumulative: [Double] = [], levels: [[Int]] = [], total = 0.0
            for choice in block.choices {
                guard choice.levels.count == members.count, choice.weight >= 0, choice.weight.isFinite else {
                    throw LogicalModelError("a joint initial state of \(block.nodes.joined(separator: ", ")) has a bad choice (\(choice.levels.count) levels, weight \(choice.weight))")
                }
                for (k, level) in choice.levels.enumerated() where !(0...maxLevels[members[k]]).contains(level) {
                    throw LogicalModelError("a joint initial state sets '\(block.nodes[k])' to \(level), outside 0...\(maxLevels[members[k]])")
                }
                total += choice.weight
                cumulative.append(total)
                levels.append(choice.levels)
            }
            guard total > 0 else { throw LogicalModelError("the joint initial state of \(block.nodes.joined(separator: ", ")) has no positive weight") }
            for i in members { probability[i] = -1 }
            joints.append(CompiledJoint(nodes: members, cumulative: cumulative.map { $0 / total }, levels: levels))
        }
        initialProbability = probability
        self.joints = joints

        // Interventions, as phases of constant dynamics.
        interventions = configuration.interventions
        var times = Set<Double>()
        var resolved: [(node: Int, item: StochasticIntervention)] = []
        for item in configuration.interventions {
            let i = try lookup(item.node, "an intervention")
            guard item.window.start.isFinite, item.window.start >= 0, (item.window.stop.map { $0 >= item.window.start } ?? true) else {
                throw LogicalModelError("the window \(item.window) of the intervention on '\(item.node)' is not a valid time window")
            }
            switch item.effect {
            case .clamp(let level):
                guard (0...maxLevels[i]).contains(level) else {
                    throw LogicalModelError("clamp of '\(item.node)' at level \(level) is outside 0...\(maxLevels[i])")
                }
            case .scaleUp(let f), .scaleDown(let f):
                guard f >= 0, f.isFinite else { throw LogicalModelError("the rate factor \(f) for '\(item.node)' must be a non-negative number") }
            }
            resolved.append((i, item))
            if item.window.start > 0 { times.insert(item.window.start) }
            if let stop = item.window.stop, stop > 0, stop.isFinite { times.insert(stop) }
        }
        changeTimes = times.sorted()
        var clamp: [Int32] = [], upScale: [Double] = [], downScale: [Double] = []
        for t in [0] + changeTimes {
            var c = [Int32](repeating: -1, count: n), u = [Double](repeating: 1, count: n), d = u
            for (i, item) in resolved where item.window.contains(t) {
                switch item.effect {
                case .clamp(let level): c[i] = Int32(level)
                case .scaleUp(let f): u[i] *= f
                case .scaleDown(let f): d[i] *= f
                }
            }
            clamp += c
            upScale += u
            downScale += d
        }
        phaseClamp = clamp
        phaseUp = upScale
        phaseDown = downScale
    }

    /// The number of nodes.
    public var nodeCount: Int { nodeIDs.count }
    /// The number of Boolean variables (the sum of the maximum levels).
    public var variableCount: Int { variableNames.count }
    /// The number of compiled logic instructions.
    public var instructionCount: Int { program.code.count }
}
