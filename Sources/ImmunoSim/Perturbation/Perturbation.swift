public import ImmunoGraph

/// A window of steps `start..<stop` (`stop == nil`: until the end of the run).
public struct StepWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first step inside the window.
    public var start: Int
    /// The first step after the window, or `nil` for an open window.
    public var stop: Int?

    /// Creates a window.
    public init(start: Int = 0, stop: Int? = nil) {
        self.start = start
        self.stop = stop
    }

    /// The whole run.
    public static let always = StepWindow()

    /// Whether `step` is inside the window.
    @inlinable public func contains(_ step: Int) -> Bool { step >= start && (stop.map { step < $0 } ?? true) }

    public var description: String { stop.map { "\(start)..<\($0)" } ?? "\(start)..." }
}

/// A change to a model for one run, shared by the logical and graded engines.
public enum Perturbation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The node is held at 0 for the whole run.
    case knockout(String)
    /// The node is held at its maximum for the whole run.
    case overexpress(String)
    /// The edge(s) from `source` to `target` are removed.
    case removeEdge(source: String, target: String)
    /// The node is held at `level` (a fraction of its maximum, 0…1) while the step is in `window`
    /// (a therapy given from a start step).
    case hold(String, level: Double, window: StepWindow)

    public var description: String {
        switch self {
        case .knockout(let id): return "knockout \(id)"
        case .overexpress(let id): return "overexpress \(id)"
        case .removeEdge(let source, let target): return "remove \(source) -> \(target)"
        case .hold(let id, let level, let window): return "hold \(id)=\(level) during \(window)"
        }
    }

    /// The node identifiers this perturbation names.
    public var nodeIdentifiers: [String] {
        switch self {
        case .knockout(let id), .overexpress(let id), .hold(let id, _, _): return [id]
        case .removeEdge(let source, let target): return [source, target]
        }
    }
}

/// A perturbation that names something not in the model.
public struct PerturbationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong, with a suggestion when an identifier is close to a real one.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Perturbations resolved against a graph: node indices instead of identifiers.
public struct ResolvedPerturbations: Sendable {
    /// One clamp: node `node` is held at `level` (fraction of its maximum) during `window`.
    public struct Clamp: Hashable, Sendable {
        /// The node index.
        public var node: Int
        /// The level as a fraction of the node's maximum, 0…1.
        public var level: Double
        /// When the clamp applies.
        public var window: StepWindow
    }

    /// The clamps, in the order given (a later clamp on the same node and step wins).
    public var clamps: [Clamp]
    /// Indices of removed edges, sorted.
    public var removedEdges: [Int]

    /// Resolves `perturbations` (plus an optional background's clamps, applied first and always)
    /// against `graph`.
    ///
    /// - Throws: ``PerturbationError`` naming any identifier that is not a node, or an edge that
    ///   does not exist, with the nearest identifier as a suggestion.
    public init(_ perturbations: [Perturbation], background: Background? = nil, in graph: MechanismGraph) throws {
        var clamps: [Clamp] = []
        var removed: [Int] = []
        func index(_ id: String) throws -> Int {
            guard let i = graph.index(of: id) else { throw PerturbationError(graph.unknownNodeMessage(id)) }
            return i
        }
        for clamp in background?.clamps ?? [] {
            clamps.append(Clamp(node: try index(clamp.node), level: clamp.level, window: .always))
        }
        for perturbation in perturbations {
            switch perturbation {
            case .knockout(let id): clamps.append(Clamp(node: try index(id), level: 0, window: .always))
            case .overexpress(let id): clamps.append(Clamp(node: try index(id), level: 1, window: .always))
            case .hold(let id, let level, let window):
                guard (0...1).contains(level) else {
                    throw PerturbationError("level \(level) for '\(id)' is outside 0...1 (a fraction of its maximum)")
                }
                clamps.append(Clamp(node: try index(id), level: level, window: window))
            case .removeEdge(let source, let target):
                let s = try index(source)
                let t = try index(target)
                let found = graph.outEdges(of: s).filter { graph.target(ofEdge: $0) == t }
                guard !found.isEmpty else { throw PerturbationError("no edge \(source) -> \(target) in model '\(graph.name)'") }
                removed.append(contentsOf: found)
            }
        }
        self.clamps = clamps
        self.removedEdges = Array(Set(removed)).sorted()
    }
}
