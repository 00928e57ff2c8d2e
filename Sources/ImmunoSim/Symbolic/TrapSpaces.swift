extension LogicalModel {
    /// The minimal or maximal trap spaces of a Boolean model, computed symbolically.
    ///
    /// A *trap space* is a subspace no asynchronous (or synchronous) update can leave: whenever a
    /// node is fixed in it, its function takes that value on every state of the subspace. Every
    /// minimal trap space holds at least one attractor; a maximal one is a first, coarse
    /// commitment of the network.
    ///
    /// Encoding (two variables per node, the "can be 1 / can be 0" formulation of Klarner et al.
    /// and of AEON): node `i` gets `a_i` (the subspace allows `i = 1`) and `b_i` (it allows
    /// `i = 0`), with `a_i ∨ b_i`; fixed-at-1 is (1, 0), fixed-at-0 is (0, 1), free is (1, 1). With
    /// `C1_i = ∃x. f_i(x) ∧ x ∈ space(a, b)` ("`f_i` can be 1 in the subspace") and `C0_i` likewise
    /// for `¬f_i`, the trap spaces are exactly `⋀_i (C1_i → a_i) ∧ (C0_i → b_i)`. The quantified
    /// state variables `x` are interleaved with `a, b` (order `x_0 a_0 b_0 x_1 …`) and only the
    /// regulators of `i` are quantified for `C1_i`, `C0_i`.
    ///
    /// The minimal ones are then `T ∧ ¬Up(R(T))`, where `R(T)` relaxes one fixed node of a member
    /// of `T` to free (∃ a_i b_i, then a_i ∧ b_i) and `Up` closes a set upward under inclusion (one
    /// relaxation pass per node: the steps commute); the maximal ones (the whole space excluded)
    /// symmetrically with tightening and downward closure. They are listed from the paths of the
    /// resulting diagram.
    ///
    /// Maximal trap spaces are found by a search instead, as the smallest self-sustaining sets of
    /// node values (branching over prime implicants). When the diagrams of minimal trap spaces with
    /// inputs fixed grow too large (more than ``DiagramBudget/encodingAttempt`` nodes), a search
    /// lists them input valuation by input valuation (percolation, then the encoding of the small
    /// residual network), up to `limit`, without knowing the total (``TrapSpaceList/count`` is
    /// then `nil` unless it listed them all). Both searches are exact.
    ///
    /// - Parameters:
    ///   - kind: minimal (default) or maximal.
    ///   - inputs: inputs fixed (default, the convention of mpbn and pyboolnet) or free.
    ///   - limit: the most trap spaces returned.
    ///   - budget: the most decision-diagram nodes (and the deadline) the analysis may use.
    /// - Returns: the trap spaces, in textual order, over ``nodeIDs``; nodes held by permanent
    ///   clamps are fixed at their clamp.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model, or when the budget runs out.
    /// - Complexity: O(N) diagram operations to build the trap-space set (each exponential only in
    ///   a node's in-degree), then O(N) operations on diagrams of the trap-space set for the minimisation, and
    ///   O(N) per trap space listed.
    public func trapSpaces(_ kind: TrapSpaceKind = .minimal, inputs: InputHandling = .fixed,
                           limit: Int = 100_000, budget: DiagramBudget = .trapSpaces) throws(LogicalAnalysisError) -> [Subspace] {
        try trapSpaceList(kind, inputs: inputs, limit: limit, budget: budget).spaces
    }

    /// The minimal or maximal trap spaces with their total number, counted on the diagram —
    /// exact even when far too many to list (a model with 55 fixed inputs has at least 2^55) —
    /// or, when the search listed them instead, known only if it listed them all.
    ///
    /// - Parameters: as ``trapSpaces(_:inputs:limit:budget:)``.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model, or when the budget runs out.
    /// - Complexity: as ``trapSpaces(_:inputs:limit:budget:)``; the count is O(diagram).
    public func trapSpaceList(_ kind: TrapSpaceKind = .minimal, inputs: InputHandling = .fixed,
                              limit: Int = 100_000, budget: DiagramBudget = .trapSpaces) throws(LogicalAnalysisError) -> TrapSpaceList {
        if kind == .maximal {
            var search = try MaximalTrapSpaceSearch(self, inputs: inputs, budget: budget)
            guard let spaces = search.run() else { throw trapSpaceBudgetError(kind, budget) }
            return TrapSpaceList(spaces: Array(spaces.prefix(limit)), count: Double(spaces.count))
        }
        var attempt = budget
        if inputs == .fixed { attempt.nodes = min(budget.nodes, DiagramBudget.encodingAttempt) }
        if let found = try trapSpaceListByEncoding(kind, inputs: inputs, limit: limit, budget: attempt) { return found }
        guard inputs == .fixed, !budget.isPastDeadline else { throw trapSpaceBudgetError(kind, budget) }
        var search = try MinimalTrapSpaceSearch(self, budget: budget)
        guard let found = try search.run(limit: limit) else { throw trapSpaceBudgetError(kind, budget) }
        return TrapSpaceList(spaces: found.spaces, count: found.complete ? Double(found.spaces.count) : nil)
    }

    /// The trap spaces from the whole two-rail encoding (minimal or maximal), or `nil` when the
    /// diagram ran out of `budget`.
    func trapSpaceListByEncoding(_ kind: TrapSpaceKind, inputs: InputHandling, limit: Int,
                                 budget: DiagramBudget?) throws(LogicalAnalysisError) -> TrapSpaceList? {
        var encoding = try TrapSpaceEncoding(self, inputs: inputs, candidatesFor: kind, budget: budget)
        guard !encoding.exceeded else { return nil }
        let set = encoding.extremeSet(kind)
        guard !encoding.dd.isExhausted else { return nil }
        return TrapSpaceList(spaces: encoding.list(set, limit: limit), count: encoding.count(set))
    }

    /// The error of a trap-space analysis that ran out of its budget.
    func trapSpaceBudgetError(_ kind: TrapSpaceKind, _ budget: DiagramBudget) -> LogicalAnalysisError {
        let time = budget.deadline == nil ? "" : " or its time limit"
        return LogicalAnalysisError("the \(kind.rawValue) trap spaces of '\(name)' (\(nodeCount) nodes) did not finish within the "
            + "budget of \(budget.nodes) decision-diagram nodes\(time); list fewer (a smaller limit, inputs fixed) "
            + "or allow more", isOutOfBudget: true)
    }
}

extension DiagramBudget {
    /// The default budget of trap-space analyses: 16,777,216 nodes (about 400 MB), no time limit.
    public static let trapSpaces = DiagramBudget(nodes: 1 << 24)
    /// The most nodes (1,048,576) the whole two-rail encoding of minimal trap spaces with inputs
    /// fixed may take before the search takes over (BBM 093 needs 0.8 M; 155 and 259, whose totals
    /// it would count, 4.9 M and 1.8 M — but a failed attempt at that size costs more than listing).
    public static let encodingAttempt = 1 << 20
}

/// Trap spaces listed up to a limit, with their exact total when known.
public struct TrapSpaceList: Hashable, Sendable {
    /// The trap spaces listed, in textual order (all of them unless ``isTruncated``).
    public var spaces: [Subspace]
    /// How many there are in all (a `Double`: exact up to 2^53), or `nil` when a search stopped
    /// at the limit without knowing.
    public var count: Double?
    /// Whether more exist than were listed (or may exist, when ``count`` is unknown).
    public var isTruncated: Bool { count.map { Double(spaces.count) < $0 } ?? true }
}
