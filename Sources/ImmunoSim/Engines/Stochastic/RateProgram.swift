import ImmunoGraph

/// Rate expressions compiled to a postfix program over doubles, evaluated with a small stack.
///
/// Every node's up and down expressions are stored contiguously in one ``ops`` array; node
/// states and `@logic` are read from the logical register file (0 or all ones per register).
struct RateProgram: Sendable {
    /// One postfix operation.
    struct Op: Hashable, Sendable {
        var code: UInt8
        /// A register index (for `load`), unused otherwise.
        var register: Int32
        /// A constant (for `constant`).
        var value: Double
    }

    enum Code: UInt8 {
        case constant = 0, load, negate, not, add, subtract, multiply, divide
        case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual, and, or, xor, select
    }

    var ops: [Op] = []
    /// The largest stack depth any expression needs.
    var maxDepth = 1

    /// Compiles `expression` and returns its range in ``ops``.
    ///
    /// - Parameters:
    ///   - nodeRegister: the plane-1 register of a node, or `nil` when the name is not a node.
    ///   - logicRegister: the register holding the owner's logic (`@logic`).
    mutating func compile(_ expression: MaBoSSExpression, owner: String, nodeRegister: (String) -> Int32?,
                          logicRegister: Int32?) throws(LogicalModelError) -> Range<Int> {
        let start = ops.count
        var depth = 0
        func push(_ code: Code, _ register: Int32 = 0, _ value: Double = 0) {
            ops.append(Op(code: code.rawValue, register: register, value: value))
        }
        func emit(_ e: MaBoSSExpression) throws(LogicalModelError) {
            switch e {
            case .number(let v):
                push(.constant, 0, v); depth += 1
            case .node(let name):
                guard let r = nodeRegister(name) else {
                    throw LogicalModelError("a rate of '\(owner)' reads '\(name)', which is not a node")
                }
                push(.load, r); depth += 1
            case .parameter(let name):
                throw LogicalModelError("a rate of '\(owner)' reads '$\(name)', which has no value")
            case .variable(let name):
                guard name == "logic" else {
                    throw LogicalModelError("a rate of '\(owner)' reads '@\(name)', which is not defined")
                }
                guard let r = logicRegister else {
                    throw LogicalModelError("a rate of '\(owner)' reads '@logic', but '\(owner)' has no logic")
                }
                push(.load, r); depth += 1
            case .unary(let op, let inner):
                try emit(inner)
                push(op == .not ? .not : .negate)
            case .binary(let op, let l, let r):
                try emit(l)
                try emit(r)
                let code: Code = switch op {
                case .add: .add
                case .subtract: .subtract
                case .multiply: .multiply
                case .divide: .divide
                case .less: .less
                case .lessOrEqual: .lessOrEqual
                case .greater: .greater
                case .greaterOrEqual: .greaterOrEqual
                case .equal: .equal
                case .notEqual: .notEqual
                case .and: .and
                case .or: .or
                case .xor: .xor
                }
                push(code)
                depth -= 1
            case .conditional(let c, let a, let b):
                try emit(c)
                try emit(a)
                try emit(b)
                push(.select)
                depth -= 2
            }
            maxDepth = max(maxDepth, depth)
        }
        try emit(expression)
        return start..<ops.count
    }

    /// Evaluates ops `range` over `registers` with `stack` (at least ``maxDepth`` doubles).
    ///
    /// A register is true when non-zero; Boolean results are 0 or 1; a NaN, infinite or negative
    /// result is 0 (no transition).
    @inline(__always)
    static func evaluate(_ ops: UnsafePointer<Op>, _ range: Range<Int>, registers: UnsafePointer<UInt64>,
                         stack: UnsafeMutablePointer<Double>) -> Double {
        var sp = -1
        for k in range {
            let op = ops[k]
            switch op.code {
            case 0: sp += 1; stack[sp] = op.value
            case 1: sp += 1; stack[sp] = registers[Int(op.register)] != 0 ? 1 : 0
            case 2: stack[sp] = -stack[sp]
            case 3: stack[sp] = stack[sp] == 0 ? 1 : 0
            case 17:
                let c = stack[sp - 2]
                stack[sp - 2] = c != 0 ? stack[sp - 1] : stack[sp]
                sp -= 2
            default:
                let b = stack[sp], a = stack[sp - 1]
                sp -= 1
                let r: Double
                switch op.code {
                case 4: r = a + b
                case 5: r = a - b
                case 6: r = a * b
                case 7: r = a / b
                case 8: r = a < b ? 1 : 0
                case 9: r = a <= b ? 1 : 0
                case 10: r = a > b ? 1 : 0
                case 11: r = a >= b ? 1 : 0
                case 12: r = a == b ? 1 : 0
                case 13: r = a != b ? 1 : 0
                case 14: r = a != 0 && b != 0 ? 1 : 0
                case 15: r = a != 0 || b != 0 ? 1 : 0
                default: r = (a != 0) != (b != 0) ? 1 : 0
                }
                stack[sp] = r
            }
        }
        let v = stack[0]
        return v > 0 && v.isFinite ? v : 0
    }
}

extension MaBoSSExpression {
    /// The constant `k` when the expression is `@logic ? k : 0` (`up`) or `@logic ? 0 : k`.
    func gatedConstant(up: Bool) -> Double? {
        guard case .conditional(.variable("logic"), let a, let b) = self,
              case .number(let x) = a, case .number(let y) = b else { return nil }
        if up { return y == 0 && x >= 0 && x.isFinite ? x : nil }
        return x == 0 && y >= 0 && y.isFinite ? y : nil
    }
}

extension NodeRates {
    /// The rates with `$parameters` substituted and constants folded.
    func resolved(_ parameters: [String: Double]) -> NodeRates {
        NodeRates(up: up.map { $0.substituting(parameters: parameters).folded },
                  down: down.map { $0.substituting(parameters: parameters).folded })
    }

    /// `(up, down)` when both rates are logic-gated constants (a missing rate is the default 1),
    /// the engine's fast path; `nil` for any other expression.
    var gatedConstants: (up: Double, down: Double)? {
        guard let u = up.map({ $0.gatedConstant(up: true) }) ?? 1, let d = down.map({ $0.gatedConstant(up: false) }) ?? 1 else { return nil }
        return (u, d)
    }
}
