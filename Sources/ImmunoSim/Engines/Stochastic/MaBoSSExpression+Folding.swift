import ImmunoGraph

extension MaBoSSExpression {
    /// The expression with constant sub-expressions evaluated (`0 ? a : b` is `b`, `2 * 3` is 6).
    var folded: MaBoSSExpression {
        switch self {
        case .number, .node, .parameter, .variable: return self
        case .unary(let op, let inner):
            let f = inner.folded
            guard case .number(let v) = f else { return .unary(op, f) }
            return .number(op == .not ? (v == 0 ? 1 : 0) : -v)
        case .binary(let op, let l, let r):
            let fl = l.folded, fr = r.folded
            guard case .number(let a) = fl, case .number(let b) = fr else { return .binary(op, fl, fr) }
            return .number(Self.apply(op, a, b))
        case .conditional(let c, let a, let b):
            let fc = c.folded
            if case .number(let v) = fc { return v != 0 ? a.folded : b.folded }
            return .conditional(fc, a.folded, b.folded)
        }
    }

    /// A binary operator on numbers, with MaBoSS's truth convention (non-zero is true).
    static func apply(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double { op.apply(a, b) }

    /// The value in a state, for reference checks: `level` gives node states, `logic` the owner's
    /// logic (`@logic`); parameters and other variables must have been substituted (they read 0).
    func evaluate(level: (String) -> Int, logic: Bool) -> Double {
        switch self {
        case .number(let v): return v
        case .node(let name): return level(name) > 0 ? 1 : 0
        case .parameter: return 0
        case .variable(let name): return name == "logic" && logic ? 1 : 0
        case .unary(let op, let inner):
            let v = inner.evaluate(level: level, logic: logic)
            return op == .not ? (v == 0 ? 1 : 0) : -v
        case .binary(let op, let l, let r):
            return Self.apply(op, l.evaluate(level: level, logic: logic), r.evaluate(level: level, logic: logic))
        case .conditional(let c, let a, let b):
            return c.evaluate(level: level, logic: logic) != 0
                ? a.evaluate(level: level, logic: logic) : b.evaluate(level: level, logic: logic)
        }
    }
}
