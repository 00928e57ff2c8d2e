public import ImmunoGraph
import Foundation

/// A mechanism graph compiled once for the graded engine: contiguous `Double` arrays in
/// compressed-sparse-row order by target, so the step loop touches no strings, dictionaries,
/// existentials or allocation. Compile once, run many scenarios (``GradedInputs``).
///
/// **Equations.** Every node has a level `x ∈ [0, 1]`; each step
///
///     x(t+1) = x(t) + r · (f(t) − x(t))
///
/// with the node's rate `r` (`Node.rate`, default ``GradedParameters/rate`` 0.5). For an in-edge
/// from `s` with weight `w`, threshold `θ`, delay `d`, the *transfer* is the normalised Hill function
///
///     h(u) = u^n (1 + θ^n) / (u^n + θ^n),   u = x_s(t − d),   v = min(1, w · h(u))
///
/// (h(0) = 0, h(θ) = (1 + θ^n)/2, h(1) = 1; `n` = the edge's `hill` when it states one, else
/// ``GradedParameters/hillExponent``, default 1: with n = 4 a threshold acts as a switch). Activators
/// and inhibitors combine as independent causes (noisy-OR):
///
///     A = 1 − ∏_activators (1 − v)      (A = 1 when the node has no activator)
///     I = 1 − ∏_inhibitors (1 − v)
///     f = (b + (1 − b) · A) · (1 − I)
///
/// with the basal level `b` (`Node.basal`, default 0). `f` rises with every activator and falls
/// with every inhibitor. A node with only inhibitors and a stated basal level has f = b·(1 − I); one
/// without a stated basal level is on unless inhibited (the SIF convention of
/// the logical engine). A node with an explicit rule uses `f = b + (1 − b) · rule` with the rule
/// evaluated fuzzily, times `1 + v` for each gain and `1 − v` for each weak brake (modulators its
/// rule does not read, `MechanismGraph.scalingModulators(of:)`), at most 1 in all. A node without
/// in-edges keeps its level (`f = x`), or relaxes to its basal level when it states one. A therapy
/// node keeps its level (0 unless a therapy drives it).
///
/// **Antibodies block influence, not expression.** An edge from a therapy node with mechanism
/// `blocks` and sign inhibits (anti-PD-1 ⊣ PD-1) does not enter its target's `f`. Its transfer `v`
/// (computed as for any edge, from the therapy node's level) scales every outgoing edge of the
/// target by `1 − v`, so a full blockade silences PD-1 signalling while PD-1 expression still
/// follows its own inputs (TIM-3 can keep rising under anti-TIM-3). Edge thresholds: a value in (0, 1) is used as is; a logical level `k ≥ 1` on a source of
/// maximum `m` becomes `(k − ½)/m`; values are clamped to [0.01, 0.99].
///
/// - Complexity: compiling is O(nodes + edges + rule sizes); one step is O(nodes + edges).
public struct CompiledGradedModel: Sendable {
    enum Kind: UInt8, Sendable {
        case signed, rule, diagram, keep, relax, inhibitedBasal
    }

    /// The graph compiled.
    public let graph: MechanismGraph
    /// The parameters used for defaults.
    public let parameters: GradedParameters
    /// The number of nodes.
    public var nodeCount: Int { graph.nodeCount }

    var kind: [Kind]
    var basal: [Double]
    var rate: [Double]
    /// In-edges of node i are slots inStart[i]..<inStart[i+1]; activators first, up to actEnd[i].
    /// For a rule node, actEnd[i] starts its scaling modulators instead (the slots before it are
    /// the ones its rule reads): its gains up to brakeStart[i], then its weak brakes.
    var inStart: [Int32]
    var actEnd: [Int32]
    var brakeStart: [Int32]
    var slotSource: [Int32]
    var slotDelay: [Int32]
    var slotWeight: [Double]
    var slotThetaN: [Double]
    var slotNorm: [Double]
    /// The Hill exponent of each slot (the edge's `hill`, else the parameters' exponent).
    var slotHill: [Int32]
    /// Whether every slot uses the parameters' exponent (the kernel's specialised paths).
    var uniformHill: Bool
    /// The slot of each graph edge.
    var slotOfEdge: [Int32]
    /// Slots whose source is node i: outSlots[outStart[i]..<outStart[i+1]].
    var outStart: [Int32]
    var outSlots: [Int32]
    /// Antibody edges: a therapy node's `blocks` edge that inhibits a target. Such an edge does
    /// not lower the target's level; it scales the target's outgoing influence (see the type's
    /// documentation). `influenceBlockSlot[j]` is the edge's slot, `influenceBlockTarget[j]` its target.
    var influenceBlockSlot: [Int32]
    var influenceBlockTarget: [Int32]
    var program: [FuzzyInstruction]
    var ruleStart: [Int32]
    var ruleEnd: [Int32]
    var ruleStackSize: Int
    /// Rules compiled to decision diagrams (multilinear and HillCube logics); node i's diagram
    /// nodes are ruleStart[i]..<ruleEnd[i] and its value is at `diagramRoot[i]`.
    var diagrams: RuleDiagrams
    var diagramRoot: [Int32]
    /// The longest edge delay.
    public private(set) var maxDelay: Int
    /// Default initial levels: `initialLevel / maxLevel` when stated, else the basal level; in a
    /// model with explicit rules (imported models) an unstated level is 0.5, else the default basal
    /// level; therapy nodes 0.
    public private(set) var defaultInitialLevels: [Double]

    /// Compiles `graph` with `parameters` for defaults.
    ///
    /// - Throws: ``GradedModelError`` naming the node or edge whose basal level, rate, weight,
    ///   delay or threshold is out of range, or a rule that reads an unknown node.
    public init(_ graph: MechanismGraph, parameters: GradedParameters = .standard) throws(GradedModelError) {
        if let problem = parameters.problems.first { throw GradedModelError(problem) }
        self.graph = graph
        self.parameters = parameters
        let n = graph.nodeCount
        var kind = [Kind](repeating: .signed, count: n)
        var basal = [Double](repeating: parameters.basal, count: n)
        var rate = [Double](repeating: parameters.rate, count: n)
        var initial = [Double](repeating: 0, count: n)
        var inStart: [Int32] = [0]
        var actEnd: [Int32] = []
        var brakeStart: [Int32] = []
        var slotSource: [Int32] = [], slotDelay: [Int32] = [], slotWeight: [Double] = []
        var slotThetaN: [Double] = [], slotNorm: [Double] = [], slotHill: [Int32] = []
        var slotOfEdge = [Int32](repeating: 0, count: graph.edgeCount)
        var program: [FuzzyInstruction] = []
        var ruleStart = [Int32](repeating: 0, count: n), ruleEnd = [Int32](repeating: 0, count: n)
        var stackSize = 1
        var maxDelay = 0
        var diagrams = RuleDiagrams()
        let halfOn = graph.nodesStartingHalfOn
        var diagramRoot = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let node = graph.nodes[i]
            if let b = node.basal {
                guard (0...1).contains(b) else { throw GradedModelError("node '\(node.id)': basal level \(b) is outside 0...1") }
                basal[i] = b
            }
            if let r = node.rate {
                guard r > 0 && r <= 1 else { throw GradedModelError("node '\(node.id)': rate \(r) must be in (0, 1]") }
                rate[i] = r
            }
            if let level = node.initialLevel {
                initial[i] = min(1, max(0, Double(level) / Double(max(1, node.maxLevel))))
            } else {
                // ``MechanismGraph/nodesStartingHalfOn``: imported models' unstated levels start at 0.5.
                initial[i] = node.isTherapy ? 0 : (halfOn[i] ? 0.5 : basal[i])
            }
            let edges = Array(graph.inEdges(of: i))
            for e in edges {
                let edge = graph.edges[e]
                guard edge.weight >= 0 && edge.weight.isFinite else {
                    throw GradedModelError("edge \(edge.arrowDescription): weight \(edge.weight) must be a non-negative number")
                }
                guard edge.delay >= 0 && edge.delay <= 100_000 else {
                    throw GradedModelError("edge \(edge.arrowDescription): delay \(edge.delay) must be in 0...100000")
                }
                if let n = edge.hill, !(1...8).contains(n) {
                    throw GradedModelError("edge \(edge.arrowDescription): Hill exponent \(n) must be in 1...8")
                }
                maxDelay = max(maxDelay, edge.delay)
            }
            if node.isTherapy {
                kind[i] = .keep
            } else if node.levelFunction != nil {
                kind[i] = parameters.logic == .minMax ? .rule : .diagram
            } else if edges.isEmpty {
                kind[i] = node.basal == nil ? .keep : .relax
            } else if node.basal != nil, !edges.contains(where: { graph.edges[$0].sign == .activates }) {
                // Only inhibitors and a stated basal level: the inhibitors scale the basal level.
                kind[i] = .inhibitedBasal
            }
            // Activators first, then inhibitors; a rule node's slots carry its atoms' weights and
            // delays, then its scaling modulators (`MechanismGraph.scalingModulators(of:)`), which
            // `actEnd` marks for a rule node: gains in slots actEnd[i]..<brakeStart[i], weak
            // brakes in brakeStart[i]..<inStart[i + 1].
            let isRule = kind[i] == .rule || kind[i] == .diagram
            let scaling = isRule ? graph.scalingModulators(of: i) : []
            let read = edges.filter { !scaling.contains($0) }
            let gains = scaling.filter { graph.edges[$0].sign == .activates }
            let ordered = read.filter { graph.edges[$0].sign == .activates } + read.filter { graph.edges[$0].sign != .activates }
                + gains + scaling.filter { graph.edges[$0].sign != .activates }
            var activators = 0
            for e in ordered {
                let edge = graph.edges[e]
                let s = graph.source(ofEdge: e)
                var theta = parameters.threshold
                if let t = edge.threshold {
                    theta = t >= 1 ? (t - 0.5) / Double(max(1, graph.nodes[s].maxLevel)) : t
                    theta = min(0.99, max(0.01, theta))
                }
                let n = edge.hill ?? parameters.hillExponent
                let thetaN = pow(theta, Double(n))
                slotHill.append(Int32(n))
                slotOfEdge[e] = Int32(slotSource.count)
                slotSource.append(Int32(s))
                slotDelay.append(Int32(edge.delay))
                slotWeight.append(edge.weight)
                slotThetaN.append(thetaN)
                slotNorm.append(1 + thetaN)
                if edge.sign == .activates { activators += 1 }
            }
            actEnd.append(inStart[i] + Int32(isRule ? read.count : activators))
            brakeStart.append(inStart[i] + Int32(isRule ? read.count + gains.count : edges.count))
            inStart.append(Int32(slotSource.count))
            // Explicit logic, compiled now that the node's in-slots exist: a rule's inputs read
            // through their edges (weights, blocks and removals act on rule atoms).
            if let function = node.levelFunction, !node.isTherapy {
                let slots = Int(inStart[i])..<Int(inStart[i + 1])
                let slotOf: (Int) -> Int32? = { source in
                    slots.first { Int(slotSource[$0]) == source }.map { Int32($0) }
                }
                if parameters.logic == .minMax {
                    ruleStart[i] = Int32(program.count)
                    stackSize = max(stackSize, try FuzzyCompiler.compile(
                        function, target: i, graph: graph, slot: slotOf, into: &program))
                    ruleEnd[i] = Int32(program.count)
                } else {
                    let compiled = try diagrams.compile(function, target: i, graph: graph, slot: slotOf)
                    ruleStart[i] = Int32(compiled.range.lowerBound)
                    ruleEnd[i] = Int32(compiled.range.upperBound)
                    diagramRoot[i] = compiled.root
                }
            }
        }
        // Out-slots by source, for blocks of a node's outgoing influence.
        var outCount = [Int32](repeating: 0, count: n + 1)
        for s in slotSource { outCount[Int(s) + 1] += 1 }
        for i in 0..<n { outCount[i + 1] += outCount[i] }
        var fill = outCount
        var outSlots = [Int32](repeating: 0, count: slotSource.count)
        for (k, s) in slotSource.enumerated() {
            outSlots[Int(fill[Int(s)])] = Int32(k)
            fill[Int(s)] += 1
        }
        var influenceBlockSlot: [Int32] = [], influenceBlockTarget: [Int32] = []
        for e in 0..<graph.edgeCount {
            let edge = graph.edges[e]
            guard edge.sign == .inhibits, edge.mechanism == .blocks, graph.nodes[graph.source(ofEdge: e)].isTherapy else { continue }
            influenceBlockSlot.append(slotOfEdge[e])
            influenceBlockTarget.append(Int32(graph.target(ofEdge: e)))
        }
        self.influenceBlockSlot = influenceBlockSlot
        self.influenceBlockTarget = influenceBlockTarget
        self.kind = kind
        self.basal = basal
        self.rate = rate
        self.inStart = inStart
        self.actEnd = actEnd
        self.brakeStart = brakeStart
        self.slotSource = slotSource
        self.slotDelay = slotDelay
        self.slotWeight = slotWeight
        self.slotThetaN = slotThetaN
        self.slotNorm = slotNorm
        self.uniformHill = slotHill.allSatisfy { Int($0) == parameters.hillExponent }
        self.slotHill = slotHill
        self.slotOfEdge = slotOfEdge
        self.outStart = outCount
        self.outSlots = outSlots
        self.program = program
        self.ruleStart = ruleStart
        self.ruleEnd = ruleEnd
        self.ruleStackSize = stackSize
        self.diagrams = diagrams
        self.diagramRoot = diagramRoot
        self.maxDelay = maxDelay
        self.defaultInitialLevels = initial
    }


    /// The rate of node `i` after defaults.
    public func rate(ofNode i: Int) -> Double { rate[i] }
    /// The basal level of node `i` after defaults.
    public func basal(ofNode i: Int) -> Double { basal[i] }

}
