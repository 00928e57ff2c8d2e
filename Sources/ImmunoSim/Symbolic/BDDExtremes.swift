extension DecisionDiagram {
    static let opNotAbove: UInt32 = 5
    static let opMinimal: UInt32 = 6

    /// The inclusion-minimal (or, with `maximal`, inclusion-maximal) elements of the set `f`,
    /// for the componentwise order on the variables `order` (`x ≤ y` when every variable of
    /// `order` that is 1 in `x` is 1 in `y`). Variables outside `order` must not occur in `f`;
    /// the result does not depend on them.
    ///
    /// Two-rail subspaces (`a_i` "may be 1", `b_i` "may be 0") are ordered by inclusion exactly
    /// this way, so this lists the minimal or maximal trap spaces of a set of trap spaces.
    ///
    /// Algorithm (Coudert and Madre's recursive minimisation): with `f = ¬x·f0 + x·f1` on the
    /// top variable `x`, `Min(f) = ¬x·Min(f0) + x·(Min(f1) \ Up(f0))` — an element with `x = 1`
    /// is minimal when it is minimal in `f1` and above no element of `f0`. `A \ Up(B)` is itself
    /// a memoised recursion over both diagrams, pruned as soon as `B` holds the least vector.
    /// Both recursions go at most one level per variable deep (no deep call stacks), and every
    /// result is memoised in the computed table.
    ///
    /// - Complexity: O(|f|) minimisation steps, each calling a subtraction of cost
    ///   O(|A| × |B|) worst case; far below the closure-based formulation in practice.
    public mutating func extremeElements(_ f: BDD, order: [Int], maximal: Bool = false) -> BDD {
        var inOrder = [Bool](repeating: false, count: variableCount)
        for v in order { inOrder[v] = true }
        epoch &+= 1
        var context = ExtremeContext(inOrder: inOrder, maximal: maximal, tag: epoch)
        let top = level(f.raw)
        return BDD(fillGap(minimal(f.raw, &context), from: 0, to: top, context))
    }

    struct ExtremeContext {
        let inOrder: [Bool]
        /// Maximal elements: the order of every variable reversed (1 below 0).
        let maximal: Bool
        let tag: UInt32
    }

    @inline(__always) func level(_ n: UInt32) -> Int {
        n < 2 ? variableCount : Int(nodes[Int(n)].variable)
    }

    /// `r` with every order variable of levels `from..<to` set to its least value (0, or 1 for
    /// maximal elements): the extreme choice for a variable the set does not constrain.
    mutating func fillGap(_ r: UInt32, from: Int, to: Int, _ context: ExtremeContext) -> UInt32 {
        if r == 0 { return 0 }
        var result = r
        var v = to - 1
        while v >= from {
            if context.inOrder[v] {
                result = context.maximal ? make(UInt32(v), 0, result) : make(UInt32(v), result, 0)
            }
            v -= 1
        }
        return result
    }

    /// `Min(f)` below the level of `f`'s top variable (see ``extremeElements(_:order:maximal:)``).
    mutating func minimal(_ f: UInt32, _ context: inout ExtremeContext) -> UInt32 {
        if f < 2 { return f }
        if let known = cached(Self.opMinimal, f, context.tag, 0) { return known }
        let node = nodes[Int(f)]
        let v = Int(node.variable)
        // "least" child: x = 0 for minimal elements, x = 1 for maximal ones.
        let (least, most) = context.maximal ? (node.high, node.low) : (node.low, node.high)
        let mLeast = fillGap(minimal(least, &context), from: v + 1, to: level(least), context)
        var mMost = fillGap(minimal(most, &context), from: v + 1, to: level(most), context)
        if context.inOrder[v] {
            mMost = notAbove(mMost, mLeast, &context)
        }
        let r = context.maximal ? make(UInt32(v), mMost, mLeast) : make(UInt32(v), mLeast, mMost)
        store(Self.opMinimal, f, context.tag, 0, r)
        return r
    }

    /// Whether `b` holds the least vector of the levels below its top (all 0, or all 1 for
    /// maximal elements) — then every vector is above one of its elements.
    func holdsLeast(_ b: UInt32, _ context: ExtremeContext) -> Bool {
        var n = b
        while n >= 2 {
            let node = nodes[Int(n)]
            guard context.inOrder[Int(node.variable)] else { return false }  // conservative
            n = context.maximal ? node.high : node.low
        }
        return n == 1
    }

    /// The elements of `a` above no element of `b` (below no element, for maximal elements).
    mutating func notAbove(_ a: UInt32, _ b: UInt32, _ context: inout ExtremeContext) -> UInt32 {
        if a == 0 || b == 1 || a == b { return 0 }
        if b == 0 { return a }
        if holdsLeast(b, context) { return 0 }
        if let known = cached(Self.opNotAbove, a, b, context.tag) { return known }
        let v = min(level(a), level(b))
        let (a0, a1) = cofactors(a, UInt32(v)), (b0, b1) = cofactors(b, UInt32(v))
        if !context.inOrder[v] {
            // Not ordered: the two values are compared separately.
            let r = make(UInt32(v), notAbove(a0, b0, &context), notAbove(a1, b1, &context))
            store(Self.opNotAbove, a, b, context.tag, r)
            return r
        }
        let (aLeast, aMost, bLeast, bMost) = context.maximal ? (a1, a0, b1, b0) : (a0, a1, b0, b1)
        // Least value of x: only elements of b with the least value can be below.
        let rLeast = notAbove(aLeast, bLeast, &context)
        // Greatest value: elements of b with either value can be below.
        let rMost = notAbove(notAbove(aMost, bLeast, &context), bMost, &context)
        let r = context.maximal ? make(UInt32(v), rMost, rLeast) : make(UInt32(v), rLeast, rMost)
        store(Self.opNotAbove, a, b, context.tag, r)
        return r
    }
}
