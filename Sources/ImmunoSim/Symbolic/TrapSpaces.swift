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
    /// - Parameters:
    ///   - kind: minimal (default) or maximal.
    ///   - inputs: inputs fixed (default, the convention of mpbn and pyboolnet) or free.
    ///   - limit: the most trap spaces returned.
    /// - Returns: the trap spaces, in textual order, over ``nodeIDs``; nodes held by permanent
    ///   clamps are fixed at their clamp.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model.
    /// - Complexity: O(N) diagram operations to build the trap-space set (each exponential only in
    ///   a node's in-degree), then O(N) operations on diagrams of the trap-space set for the minimisation, and
    ///   O(N) per trap space listed.
    public func trapSpaces(_ kind: TrapSpaceKind = .minimal, inputs: InputHandling = .fixed,
                           limit: Int = 100_000) throws(LogicalAnalysisError) -> [Subspace] {
        try trapSpaceList(kind, inputs: inputs, limit: limit).spaces
    }

    /// The minimal or maximal trap spaces with their total number, counted on the diagram —
    /// exact even when far too many to list (a model with 55 fixed inputs has at least 2^55).
    ///
    /// - Parameters: as ``trapSpaces(_:inputs:limit:)``.
    /// - Throws: ``LogicalAnalysisError`` for a multi-valued model.
    /// - Complexity: as ``trapSpaces(_:inputs:limit:)``; the count is O(diagram).
    public func trapSpaceList(_ kind: TrapSpaceKind = .minimal, inputs: InputHandling = .fixed,
                              limit: Int = 100_000) throws(LogicalAnalysisError) -> TrapSpaceList {
        var encoding = try TrapSpaceEncoding(self, inputs: inputs, candidatesFor: kind)
        let set = encoding.extremeSet(kind)
        let spaces = encoding.list(set, limit: limit)
        return TrapSpaceList(spaces: spaces, count: encoding.count(set))
    }
}

/// Trap spaces listed up to a limit, with their exact total.
public struct TrapSpaceList: Hashable, Sendable {
    /// The trap spaces listed, in textual order (all of them unless ``isTruncated``).
    public var spaces: [Subspace]
    /// How many there are in all (a `Double`: exact up to 2^53).
    public var count: Double
    /// Whether more exist than were listed.
    public var isTruncated: Bool { Double(spaces.count) < count }
}

