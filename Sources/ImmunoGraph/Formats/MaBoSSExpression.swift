/// A MaBoSS numeric expression: what a `.bnd` file writes after `rate_up =`, `rate_down =` or a
/// local variable, over node states (0/1), `$parameters`, `@variables`, numbers, arithmetic,
/// comparisons, Boolean operators and the conditional `c ? a : b`.
///
/// Truth is "not zero" and Boolean operators give 0 or 1, as in MaBoSS.
///
/// ```swift
/// // rate_up = @logic ? $u_A : 0;
/// let up = MaBoSSExpression.conditional(.variable("logic"), .parameter("u_A"), .number(0))
/// ```
public indirect enum MaBoSSExpression: Hashable, Sendable, CustomStringConvertible {
    /// A literal number.
    case number(Double)
    /// A node's state (0 or 1).
    case node(String)
    /// A `$parameter` from the configuration (the name without `$`).
    case parameter(String)
    /// A node-local `@variable` (the name without `@`; `logic` is the node's logic).
    case variable(String)
    /// A unary operator.
    case unary(UnaryOperator, MaBoSSExpression)
    /// A binary operator.
    case binary(BinaryOperator, MaBoSSExpression, MaBoSSExpression)
    /// `condition ? then : otherwise`.
    case conditional(MaBoSSExpression, MaBoSSExpression, MaBoSSExpression)

    /// The unary operators.
    public enum UnaryOperator: String, Hashable, Sendable {
        /// Logical negation (`!`, `NOT`).
        case not = "!"
        /// Arithmetic negation.
        case negate = "-"
    }

    /// The binary operators, by MaBoSS spelling.
    public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case equal = "==", notEqual = "!="
        case and = "&", or = "|", xor = "^"
    }

    /// The expression `@logic ? value : 0` (the default rate_up is `value == 1`).
    public static func whenLogic(_ value: Double) -> MaBoSSExpression { .conditional(.variable("logic"), .number(value), .number(0)) }

    /// The expression `@logic ? 0 : value` (the default rate_down is `value == 1`).
    public static func unlessLogic(_ value: Double) -> MaBoSSExpression { .conditional(.variable("logic"), .number(0), .number(value)) }

    /// The value with every `$parameter` replaced by its number from `parameters` and every
    /// `@variable` other than `logic` by its definition in `variables` (definitions may use earlier
    /// ones); unknown names are left in place.
    public func substituting(parameters: [String: Double], variables: [String: MaBoSSExpression] = [:]) -> MaBoSSExpression {
        switch self {
        case .number, .node: return self
        case .parameter(let name): return parameters[name].map(MaBoSSExpression.number) ?? self
        case .variable(let name):
            guard name != "logic", let definition = variables[name] else { return self }
            return definition.substituting(parameters: parameters, variables: variables)
        case .unary(let op, let inner): return .unary(op, inner.substituting(parameters: parameters, variables: variables))
        case .binary(let op, let l, let r):
            return .binary(op, l.substituting(parameters: parameters, variables: variables),
                           r.substituting(parameters: parameters, variables: variables))
        case .conditional(let c, let a, let b):
            return .conditional(c.substituting(parameters: parameters, variables: variables),
                                a.substituting(parameters: parameters, variables: variables),
                                b.substituting(parameters: parameters, variables: variables))
        }
    }

    /// The node names read, in first-occurrence order.
    public var nodes: [String] {
        var result: [String] = []
        func walk(_ e: MaBoSSExpression) {
            switch e {
            case .node(let name): if !result.contains(name) { result.append(name) }
            case .number, .parameter, .variable: break
            case .unary(_, let inner): walk(inner)
            case .binary(_, let l, let r): walk(l); walk(r)
            case .conditional(let c, let a, let b): walk(c); walk(a); walk(b)
            }
        }
        walk(self)
        return result
    }

    /// The `$parameter` and `@variable` names read (prefixed with `$` / `@`), in order.
    public var symbols: [String] {
        var result: [String] = []
        func walk(_ e: MaBoSSExpression) {
            switch e {
            case .parameter(let name): if !result.contains("$" + name) { result.append("$" + name) }
            case .variable(let name): if !result.contains("@" + name) { result.append("@" + name) }
            case .number, .node: break
            case .unary(_, let inner): walk(inner)
            case .binary(_, let l, let r): walk(l); walk(r)
            case .conditional(let c, let a, let b): walk(c); walk(a); walk(b)
            }
        }
        walk(self)
        return result
    }

    /// The expression in MaBoSS syntax, fully parenthesised.
    public var description: String {
        switch self {
        case .number(let value): return MaBoSSFormat.number(value)
        case .node(let name): return name
        case .parameter(let name): return "$" + name
        case .variable(let name): return "@" + name
        case .unary(let op, let inner): return op.rawValue + "(" + inner.description + ")"
        case .binary(let op, let l, let r): return "(\(l) \(op.rawValue) \(r))"
        case .conditional(let c, let a, let b): return "(\(c) ? \(a) : \(b))"
        }
    }
}

extension MaBoSSExpression.BinaryOperator {
    /// The operator on numbers, with MaBoSS's truth convention (non-zero is true, results 0 or 1).
    public func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .less: return a < b ? 1 : 0
        case .lessOrEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterOrEqual: return a >= b ? 1 : 0
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .and: return a != 0 && b != 0 ? 1 : 0
        case .or: return a != 0 || b != 0 ? 1 : 0
        case .xor: return (a != 0) != (b != 0) ? 1 : 0
        }
    }
}
