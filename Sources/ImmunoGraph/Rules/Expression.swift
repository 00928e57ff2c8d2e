/// A logical rule over node levels, in the syntax of bnet files extended with comparisons.
///
/// `A & !B | C >= 2` reads as `(A ∧ ¬B) ∨ (C ≥ 2)`: `!` binds tightest, then comparisons, then
/// `&`, then `|`. A bare identifier `A` means `A >= 1`.
///
/// Expressions are built by ``ExpressionParser`` (which bounds nesting at
/// ``ExpressionParser/maximumDepth``) or in code; every traversal in the package is bounded by
/// that depth, so a hostile file cannot overflow the stack.
public indirect enum Expression: Hashable, Sendable {
    /// A constant: `0` / `1` (also `false` / `true`).
    case constant(Bool)
    /// A comparison of a node's level with a constant: `A` (≥ 1), `A >= k`, `A == k`.
    case atom(Atom)
    /// Negation.
    case not(Expression)
    /// Conjunction of two or more operands.
    case and([Expression])
    /// Disjunction of two or more operands.
    case or([Expression])

    /// A comparison of one node's level with a constant.
    public struct Atom: Hashable, Sendable {
        /// The node identifier.
        public var node: String
        /// The comparison.
        public var comparison: Comparison
        /// The constant compared with.
        public var level: Int

        /// Creates an atom.
        public init(_ node: String, _ comparison: Comparison = .atLeast, _ level: Int = 1) {
            self.node = node
            self.comparison = comparison
            self.level = level
        }
    }

    /// The comparisons an atom can make.
    public enum Comparison: String, Hashable, Sendable {
        /// `A >= k`.
        case atLeast = ">="
        /// `A == k`.
        case equal = "=="
    }

    /// `A` (true when A ≥ 1).
    public static func variable(_ node: String) -> Expression { .atom(Atom(node)) }

    /// The node identifiers the expression reads, in order of first appearance.
    public var variables: [String] {
        var seen = Set<String>()
        var result: [String] = []
        forEachAtom { atom, _ in
            if seen.insert(atom.node).inserted { result.append(atom.node) }
        }
        return result
    }

    /// Calls `body` for every atom with its polarity (`true` when it appears under an even number
    /// of negations). Iterative: safe for any depth.
    public func forEachAtom(_ body: (Atom, Bool) -> Void) {
        var stack: [(Expression, Bool)] = [(self, true)]
        while let (expression, positive) = stack.popLast() {
            switch expression {
            case .constant: break
            case .atom(let atom): body(atom, positive)
            case .not(let inner): stack.append((inner, !positive))
            case .and(let items), .or(let items):
                for item in items.reversed() { stack.append((item, positive)) }
            }
        }
    }

    /// Evaluates the expression on levels given by `level(node)`.
    ///
    /// - Complexity: O(size of the expression).
    public func evaluate(_ level: (String) -> Int) -> Bool {
        switch self {
        case .constant(let value): return value
        case .atom(let atom):
            let value = level(atom.node)
            return atom.comparison == .atLeast ? value >= atom.level : value == atom.level
        case .not(let inner): return !inner.evaluate(level)
        case .and(let items): return items.allSatisfy { $0.evaluate(level) }
        case .or(let items): return items.contains { $0.evaluate(level) }
        }
    }

    /// The expression with every node identifier passed through `rename`.
    public func renamingNodes(_ rename: (String) -> String) -> Expression {
        switch self {
        case .constant: return self
        case .atom(var atom):
            atom.node = rename(atom.node)
            return .atom(atom)
        case .not(let inner): return .not(inner.renamingNodes(rename))
        case .and(let items): return .and(items.map { $0.renamingNodes(rename) })
        case .or(let items): return .or(items.map { $0.renamingNodes(rename) })
        }
    }

    /// The depth of the expression tree (a constant or atom has depth 1).
    public var depth: Int {
        var maximum = 0
        var stack: [(Expression, Int)] = [(self, 1)]
        while let (expression, depth) = stack.popLast() {
            maximum = max(maximum, depth)
            switch expression {
            case .constant, .atom: break
            case .not(let inner): stack.append((inner, depth + 1))
            case .and(let items), .or(let items): for item in items { stack.append((item, depth + 1)) }
            }
        }
        return maximum
    }
}

extension Expression {
    /// Combines operands with AND, flattening nested conjunctions; one operand is returned as is.
    public static func all(_ items: [Expression]) -> Expression {
        if items.isEmpty { return .constant(true) }
        if items.count == 1 { return items[0] }
        return .and(items.flatMap { if case .and(let inner) = $0 { return inner } else { return [$0] } })
    }

    /// Combines operands with OR, flattening nested disjunctions; one operand is returned as is.
    public static func any(_ items: [Expression]) -> Expression {
        if items.isEmpty { return .constant(false) }
        if items.count == 1 { return items[0] }
        return .or(items.flatMap { if case .or(let inner) = $0 { return inner } else { return [$0] } })
    }
}
