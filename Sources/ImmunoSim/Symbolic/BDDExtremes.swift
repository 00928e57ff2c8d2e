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
    /// Both run on one explicit stack (no call recursion, so a diagram over any number of
    /// variables is safe), and every result is memoised in the computed table.
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

    /// One pending step of the minimisation: `op` 0 = `Min`, 1 = `notAbove`; `stage` 0 expands,
    /// later stages combine the results on the result stack.
    struct ExtremeFrame {
        var op: UInt8
        var stage: UInt8
        var a: UInt32
        var b: UInt32
        var variable: UInt32
    }

    /// `Min(f)` below the level of `f`'s top variable (see ``extremeElements(_:order:maximal:)``),
    /// with an explicit stack: no call recursion, whatever the depth of the diagram.
    mutating func minimal(_ f: UInt32, _ context: inout ExtremeContext) -> UInt32 {
        var frames = [ExtremeFrame(op: 0, stage: 0, a: f, b: 0, variable: 0)]
        var results: [UInt32] = []
        runExtremes(&frames, &results, context)
        return results[0]
    }

    /// The elements of `a` above no element of `b` (below no element, for maximal elements).
    mutating func notAbove(_ a: UInt32, _ b: UInt32, _ context: inout ExtremeContext) -> UInt32 {
        var frames = [ExtremeFrame(op: 1, stage: 0, a: a, b: b, variable: 0)]
        var results: [UInt32] = []
        runExtremes(&frames, &results, context)
        return results[0]
    }

    /// The engine of `minimal(_:_:)` and `notAbove(_:_:_:)`: each frame leaves one result.
    ///
    /// `Min(f)` with `f = ¬x·f0 + x·f1`: stage 0 expands both children; stage 1 fills their gaps
    /// and, when `x` is ordered, subtracts `Up(Min(least))` from `Min(most)` (stage 2 builds the
    /// node). `notAbove(a, b)` splits on the top variable: unordered, both values separately
    /// (stage 1); ordered, the least value against `b`'s least, and the greatest value against
    /// both of `b`'s (stage 3 chains the second subtraction, stage 2 builds the node).
    mutating func runExtremes(_ frames: inout [ExtremeFrame], _ results: inout [UInt32], _ context: ExtremeContext) {
        while let frame = frames.popLast() {
            if isExhausted { abandon(&frames, &results); return }
            switch (frame.op, frame.stage) {
            case (0, 0):
                let f = frame.a
                if f < 2 { results.append(f); continue }
                if let known = cached(Self.opMinimal, f, context.tag, 0) { results.append(known); continue }
                let node = nodes[Int(f)]
                // "least" child: x = 0 for minimal elements, x = 1 for maximal ones.
                let (least, most) = context.maximal ? (node.high, node.low) : (node.low, node.high)
                frames.append(ExtremeFrame(op: 0, stage: 1, a: f, b: 0, variable: node.variable))
                frames.append(ExtremeFrame(op: 0, stage: 0, a: most, b: 0, variable: 0))
                frames.append(ExtremeFrame(op: 0, stage: 0, a: least, b: 0, variable: 0))
            case (0, 1):
                let v = Int(frame.variable)
                let node = nodes[Int(frame.a)]
                let (least, most) = context.maximal ? (node.high, node.low) : (node.low, node.high)
                let minMost = results.removeLast(), minLeast = results.removeLast()
                let mLeast = fillGap(minLeast, from: v + 1, to: level(least), context)
                let mMost = fillGap(minMost, from: v + 1, to: level(most), context)
                if context.inOrder[v] {
                    frames.append(ExtremeFrame(op: 0, stage: 2, a: frame.a, b: mLeast, variable: frame.variable))
                    frames.append(ExtremeFrame(op: 1, stage: 0, a: mMost, b: mLeast, variable: 0))
                } else {
                    let r = context.maximal ? make(frame.variable, mMost, mLeast) : make(frame.variable, mLeast, mMost)
                    store(Self.opMinimal, frame.a, context.tag, 0, r)
                    results.append(r)
                }
            case (0, _):
                let mMost = results.removeLast(), mLeast = frame.b
                let r = context.maximal ? make(frame.variable, mMost, mLeast) : make(frame.variable, mLeast, mMost)
                store(Self.opMinimal, frame.a, context.tag, 0, r)
                results.append(r)

            case (_, 0):
                let a = frame.a, b = frame.b
                if a == 0 || b == 1 || a == b { results.append(0); continue }
                if b == 0 { results.append(a); continue }
                if holdsLeast(b, context) { results.append(0); continue }
                if let known = cached(Self.opNotAbove, a, b, context.tag) { results.append(known); continue }
                let v = min(level(a), level(b))
                let (a0, a1) = cofactors(a, UInt32(v)), (b0, b1) = cofactors(b, UInt32(v))
                if !context.inOrder[v] {
                    // Not ordered: the two values are compared separately.
                    frames.append(ExtremeFrame(op: 1, stage: 1, a: a, b: b, variable: UInt32(v)))
                    frames.append(ExtremeFrame(op: 1, stage: 0, a: a1, b: b1, variable: 0))
                    frames.append(ExtremeFrame(op: 1, stage: 0, a: a0, b: b0, variable: 0))
                    continue
                }
                let (aLeast, aMost, bLeast, bMost) = context.maximal ? (a1, a0, b1, b0) : (a0, a1, b0, b1)
                // Least value of x: only elements of b with the least value can be below; greatest
                // value: elements of b with either value can be below.
                frames.append(ExtremeFrame(op: 1, stage: 2, a: a, b: b, variable: UInt32(v)))
                frames.append(ExtremeFrame(op: 1, stage: 3, a: 0, b: bMost, variable: 0))
                frames.append(ExtremeFrame(op: 1, stage: 0, a: aMost, b: bLeast, variable: 0))
                frames.append(ExtremeFrame(op: 1, stage: 0, a: aLeast, b: bLeast, variable: 0))
            case (_, 1):
                let high = results.removeLast(), low = results.removeLast()
                let r = make(frame.variable, low, high)
                store(Self.opNotAbove, frame.a, frame.b, context.tag, r)
                results.append(r)
            case (_, 3):
                let partial = results.removeLast()
                frames.append(ExtremeFrame(op: 1, stage: 0, a: partial, b: frame.b, variable: 0))
            default:
                let rMost = results.removeLast(), rLeast = results.removeLast()
                let r = context.maximal ? make(frame.variable, rMost, rLeast) : make(frame.variable, rLeast, rMost)
                store(Self.opNotAbove, frame.a, frame.b, context.tag, r)
                results.append(r)
            }
        }
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
}
