public import ImmunoGraph

/// A problem compiling a logical model: a function reading an unknown node, a level out of range.
public struct LogicalModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong, naming the node.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A node held at a level while a step is in a window (a knockout, an overexpression, a therapy).
public struct LogicalClamp: Hashable, Sendable {
    /// The node index.
    public var node: Int
    /// The level it is held at (0…max).
    public var level: Int
    /// When it applies.
    public var window: StepWindow
    /// Creates a clamp.
    public init(node: Int, level: Int, window: StepWindow = .always) {
        self.node = node
        self.level = level
        self.window = window
    }
}

/// A mechanism graph compiled for logical simulation: every node's function (explicit rule or a
/// rule derived by a ``RulePolicy``), its levels, clamps from perturbations, and the bit-parallel
/// program that updates 64 states per machine word.
///
/// ```swift
/// let model = try LogicalModel(graph, policy: .inhibitorDominant)
/// let run = model.trajectory(from: model.initialLevels, steps: 20)
/// ```
///
/// Semantics: a node's *target* is given by its ``NodeFunction``; each update moves it one level
/// toward the target (Boolean nodes jump). Clamps (knockout = 0, overexpress = max, a hold =
/// round(fraction × max)) override the node's level at every step inside their window, the
/// initial state included when the window contains step 0. A later clamp on the same node wins.
public struct LogicalModel: Sendable {
    /// The model's name.
    public let name: String
    /// Node identifiers in index order.
    public let nodeIDs: [String]
    /// Each node's maximum level (1 = Boolean).
    public let maxLevels: [Int]
    /// Each node's function.
    public let functions: [NodeFunction]
    /// Clamps, in the order given.
    public private(set) var clamps: [LogicalClamp]
    /// The initial state: each node's stated initial level (clamped to 0…max), else 0.
    public let initialLevels: [Int]
    /// The compiled program.
    let program: LogicalProgram

    /// Compiles `graph` under `policy`, applying `perturbations` (edge removals change the
    /// functions — see `MechanismGraph.logicalFunctions(policy:removedEdges:)` —
    /// and clamps become ``clamps``).
    ///
    /// - Throws: ``LogicalModelError`` for a function that cannot be compiled.
    /// - Complexity: O(N + E + total rule size) for rules; a threshold node costs up to
    ///   O(in-degree × distinct partial sums).
    public init(_ graph: MechanismGraph, policy: RulePolicy = .inhibitorDominant,
                perturbations: ResolvedPerturbations? = nil) throws(LogicalModelError) {
        guard RulePolicy.all.contains(policy) else {
            throw LogicalModelError("unknown rule policy '\(policy.name)' (known: inhibitorDominant, threshold)")
        }
        let maxLevels = graph.nodes.map(\.maxLevel)
        let clamps = (perturbations?.clamps ?? []).map { clamp in
            LogicalClamp(node: clamp.node, level: Int((clamp.level * Double(maxLevels[clamp.node])).rounded()),
                         window: clamp.window)
        }
        try self.init(
            name: graph.name, nodes: graph.nodes.map { ($0.id, $0.maxLevel) },
            functions: graph.logicalFunctions(policy: policy, removedEdges: perturbations?.removedEdges ?? []),
            clamps: clamps, initialLevels: graph.nodes.map(Self.initialLevel))
    }

    /// A node's logical initial level: its stated initial level, else its graded basal level
    /// rounded to the nearest level (a basal 0.8 starts a Boolean node on: an antigenic tumour's
    /// antigen input, a resident cell population), else 0.
    static func initialLevel(of node: Node) -> Int {
        if let level = node.initialLevel { return level }
        guard let basal = node.basal else { return 0 }
        return Int((basal * Double(max(1, node.maxLevel))).rounded())
    }

    /// Builds a model from node functions directly (the SBML-qual shape: per-level terms).
    ///
    /// - Parameters:
    ///   - name: the model's name, used in messages (default `"model"`).
    ///   - nodes: identifier and maximum level (1…63) of every node, in index order.
    ///   - functions: one function per node.
    ///   - clamps: clamps applied during runs.
    ///   - initialLevels: the initial state (default all 0); values are clamped to 0…max.
    /// - Throws: ``LogicalModelError`` naming the node for an unknown identifier, a duplicate, or a
    ///   level out of range.
    public init(name: String = "model", nodes: [(id: String, maxLevel: Int)], functions: [NodeFunction],
                clamps: [LogicalClamp] = [], initialLevels: [Int]? = nil) throws(LogicalModelError) {
        guard functions.count == nodes.count else {
            throw LogicalModelError("\(functions.count) functions for \(nodes.count) nodes")
        }
        var seen = Set<String>()
        for node in nodes {
            guard seen.insert(node.id).inserted else { throw LogicalModelError("duplicate node '\(node.id)'") }
            guard (1...63).contains(node.maxLevel) else {
                throw LogicalModelError("node '\(node.id)' has maximum level \(node.maxLevel), outside 1...63")
            }
        }
        let maxLevels = nodes.map(\.maxLevel)
        for clamp in clamps {
            guard nodes.indices.contains(clamp.node), (0...maxLevels[clamp.node]).contains(clamp.level) else {
                throw LogicalModelError("clamp of node \(clamp.node) at level \(clamp.level) is out of range")
            }
        }
        var compiler = LogicalCompiler(nodeIDs: nodes.map(\.id), maxLevels: maxLevels)
        for (i, function) in functions.enumerated() {
            try compiler.compileNode(i, id: nodes[i].id, function: function)
        }
        self.name = name
        self.nodeIDs = nodes.map(\.id)
        self.maxLevels = maxLevels
        self.functions = functions
        self.clamps = clamps
        let initial = initialLevels ?? Array(repeating: 0, count: nodes.count)
        self.initialLevels = nodes.indices.map { min(max(initial.indices.contains($0) ? initial[$0] : 0, 0), maxLevels[$0]) }
        self.program = compiler.program
    }

    /// The number of nodes.
    public var nodeCount: Int { nodeIDs.count }

    /// The same compiled program with other clamps (no recompilation: clamps act on states, not
    /// on functions). Levels must be in range (callers resolve them against ``maxLevels``).
    func replacingClamps(_ clamps: [LogicalClamp]) -> LogicalModel {
        var copy = self
        copy.clamps = clamps
        return copy
    }

    /// The index of a node identifier, or `nil`.
    public func index(of id: String) -> Int? { nodeIDs.firstIndex(of: id) }

    /// The number of compiled instructions (a measure of the program's cost per update).
    public var instructionCount: Int { program.code.count }

    /// The clamps active at `step`, as (node, level) with later clamps winning.
    public func activeClamps(at step: Int) -> [(node: Int, level: Int)] {
        var result: [(node: Int, level: Int)] = []
        for clamp in clamps where clamp.window.contains(step) {
            if let k = result.firstIndex(where: { $0.node == clamp.node }) {
                result[k].level = clamp.level
            } else {
                result.append((clamp.node, clamp.level))
            }
        }
        return result
    }

    /// The clamps that hold forever once started (`stop == nil`), used by attractor and
    /// fixed-point analyses, which describe long-run behaviour.
    public var permanentClamps: [(node: Int, level: Int)] {
        var result: [(node: Int, level: Int)] = []
        for clamp in clamps where clamp.window.stop == nil {
            if let k = result.firstIndex(where: { $0.node == clamp.node }) {
                result[k].level = clamp.level
            } else {
                result.append((clamp.node, clamp.level))
            }
        }
        return result
    }

    /// The target level of node `node` in `state` by the reference (unoptimised) semantics.
    public func referenceTarget(of node: Int, in state: [Int]) -> Int {
        functions[node].target(current: state[node], maxLevel: maxLevels[node]) { id in
            nodeIDs.firstIndex(of: id).map { state[$0] } ?? 0
        }
    }

    /// One synchronous update of `state` by the reference semantics (slow; for cross-checks):
    /// every node moves one level toward its target, then the clamps active at `step` apply.
    public func referenceSynchronousStep(_ state: [Int], step: Int = 1) -> [Int] {
        var next = state
        for i in state.indices {
            let t = referenceTarget(of: i, in: state)
            next[i] = state[i] + (t > state[i] ? 1 : (t < state[i] ? -1 : 0))
        }
        for clamp in activeClamps(at: step) { next[clamp.node] = clamp.level }
        return next
    }
}
