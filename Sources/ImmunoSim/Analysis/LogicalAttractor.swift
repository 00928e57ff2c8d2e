/// An attractor of a logical model: a fixed point (one state) or a cycle of states.
public struct LogicalAttractor: Hashable, Sendable {
    /// The states of the attractor, each a level per node. A synchronous cycle is listed in the
    /// order it is visited, starting from its lexicographically smallest state; an asynchronous
    /// attractor (a terminal strongly connected component) lists its states in increasing order.
    public var states: [[Int]]
    /// The size of the basin: for exhaustive synchronous analysis, the number of states (the
    /// attractor's own included) that reach it; for asynchronous analysis, the number of states from
    /// which it can be reached; from given initial states, how many of them lead to it.
    public var basin: Int

    /// Creates an attractor.
    public init(states: [[Int]], basin: Int) {
        self.states = states
        self.basin = basin
    }

    /// The number of states.
    public var length: Int { states.count }

    /// Whether the attractor is a single state.
    public var isFixedPoint: Bool { states.count == 1 }

    /// The average level of every node over the attractor's states, in levels (a Boolean node
    /// on in half of a 2-cycle averages 0.5; divide by the maximum level for a fraction).
    ///
    /// - Complexity: O(length × nodes).
    public var averageLevels: [Double] {
        guard let first = states.first else { return [] }
        var sums = [Double](repeating: 0, count: first.count)
        for state in states { for i in state.indices { sums[i] += Double(state[i]) } }
        return sums.map { $0 / Double(states.count) }
    }

    /// A synchronous cycle rotated to start at its smallest state.
    static func canonicalCycle(_ cycle: [[Int]]) -> [[Int]] {
        guard let start = cycle.indices.min(by: { cycle[$0].lexicographicallyPrecedes(cycle[$1]) }) else { return cycle }
        return Array(cycle[start...] + cycle[..<start])
    }
}

/// The attractors found by one analysis, with the node order of their states.
public struct LogicalAttractors: Hashable, Sendable {
    /// Node identifiers, in the order of every state's levels.
    public var nodes: [String]
    /// The attractors, sorted by length then by first state.
    public var attractors: [LogicalAttractor]

    /// Creates a result, sorting the attractors.
    public init(nodes: [String], attractors: [LogicalAttractor]) {
        self.nodes = nodes
        self.attractors = attractors.sorted {
            $0.length != $1.length ? $0.length < $1.length : $0.states[0].lexicographicallyPrecedes($1.states[0])
        }
    }
}

/// An analysis that would exceed its limits (state space too large, no cycle within the step cap).
public struct LogicalAnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What limit was hit, with the numbers.
    public var message: String
    /// Whether a decision-diagram budget (``DiagramBudget``) ran out, so that a smaller task or a
    /// larger budget may succeed.
    public var isOutOfBudget: Bool
    /// Creates the error.
    public init(_ message: String, isOutOfBudget: Bool = false) {
        self.message = message
        self.isOutOfBudget = isOutOfBudget
    }
    public var description: String { message }
}
