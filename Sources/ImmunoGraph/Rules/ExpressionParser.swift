/// A syntax error in a logical rule, located by line and column (1-based, in characters).
public struct ExpressionSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The line of the error (1 when the rule was parsed on its own).
    public var line: Int
    /// The column of the error.
    public var column: Int
    /// What was wrong and what was expected.
    public var message: String

    /// Creates a syntax error.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Parses logical rules written in bnet syntax, extended with comparisons for multi-valued nodes.
///
/// Grammar (`&` binds tighter than `|`, as in BoolNet and pyboolnet):
/// ```
/// or      := and ('|' and)*
/// and     := unary ('&' unary)*
/// unary   := '!' unary | primary
/// primary := '(' or ')' | '0' | '1' | 'true' | 'false'
///          | NAME [('>=' | '==' | '>' | '<' | '<=' | '!=') INTEGER]
/// ```
/// `NAME` is a run of letters, digits, `_` and `.` that is not all digits. `A > k` is read as
/// `A >= k+1`, `A < k` as `!(A >= k)`, `A <= k` as `!(A >= k+1)`, `A != k` as `!(A == k)`.
///
/// Nesting deeper than ``maximumDepth`` is an error, never a stack overflow.
public enum ExpressionParser {
    /// The deepest nesting of parentheses and negations accepted.
    public static let maximumDepth = 200

    /// Parses `text` as one rule.
    ///
    /// - Parameters:
    ///   - text: the rule, e.g. `A & !B | C >= 2`.
    ///   - line: the line number to report in errors (for rules read from a file).
    ///   - columnOffset: added to every column in errors (the rule's position on its line, 0-based).
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String, line: Int = 1, columnOffset: Int = 0) throws(ExpressionSyntaxError)
        -> Expression
    {
        var parser = Parser(characters: Array(text.unicodeScalars), line: line, columnOffset: columnOffset)
        return try parser.parseAll()
    }
}

private struct Parser {
    enum Token: Equatable {
        case name(String), number(Int), lparen, rparen, not, and, or
        case compare(String), end
    }

    let characters: [Unicode.Scalar]
    let line: Int
    let columnOffset: Int
    var position = 0
    var token: Token = .end
    var tokenStart = 0
    var depth = 0

    init(characters: [Unicode.Scalar], line: Int, columnOffset: Int) {
        self.characters = characters
        self.line = line
        self.columnOffset = columnOffset
    }

    func error(_ message: String, at offset: Int? = nil) -> ExpressionSyntaxError {
        ExpressionSyntaxError(line: line, column: columnOffset + (offset ?? tokenStart) + 1, message: message)
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "."
    }

    mutating func advance() throws(ExpressionSyntaxError) {
        while position < characters.count, characters[position] == " " || characters[position] == "\t"
            || characters[position] == "\r"
        {
            position += 1
        }
        tokenStart = position
        guard position < characters.count else {
            token = .end
            return
        }
        let c = characters[position]
        func peek(_ next: Unicode.Scalar) -> Bool {
            position + 1 < characters.count && characters[position + 1] == next
        }
        switch c {
        case "(": token = .lparen; position += 1
        case ")": token = .rparen; position += 1
        case "&": token = .and; position += 1
        case "|": token = .or; position += 1
        case "!":
            if peek("=") { token = .compare("!="); position += 2 } else { token = .not; position += 1 }
        case ">", "<":
            if peek("=") {
                token = .compare(String(c) + "="); position += 2
            } else {
                token = .compare(String(c)); position += 1
            }
        case "=":
            if peek("=") { token = .compare("=="); position += 2 } else { token = .compare("=="); position += 1 }
        default:
            guard Parser.isNameCharacter(c) else {
                throw error("unexpected character '\(Character(c))'; expected a name, '0', '1', '!', or '('")
            }
            var end = position
            while end < characters.count, Parser.isNameCharacter(characters[end]) { end += 1 }
            var text = ""
            text.unicodeScalars.append(contentsOf: characters[position..<end])
            position = end
            if text.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" }) {
                guard let value = Int(text) else { throw error("number '\(text)' is too large") }
                token = .number(value)
            } else {
                token = .name(text)
            }
        }
    }

    mutating func parseAll() throws(ExpressionSyntaxError) -> Expression {
        try advance()
        if token == .end { throw error("empty rule; expected an expression") }
        let result = try parseOr()
        guard token == .end else { throw error("unexpected \(describe(token)); expected '&', '|' or the end of the rule") }
        return result
    }

    mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
        var items = [try parseAnd()]
        while token == .or {
            try advance()
            items.append(try parseAnd())
        }
        return Expression.any(items)
    }

    mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
        var items = [try parseUnary()]
        while token == .and {
            try advance()
            items.append(try parseUnary())
        }
        return Expression.all(items)
    }

    mutating func enter() throws(ExpressionSyntaxError) {
        depth += 1
        if depth > ExpressionParser.maximumDepth {
            throw error("nesting deeper than \(ExpressionParser.maximumDepth) levels")
        }
    }

    mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
        if token == .not {
            try enter()
            try advance()
            let inner = try parseUnary()
            depth -= 1
            return .not(inner)
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expression {
        switch token {
        case .lparen:
            let open = tokenStart
            try enter()
            try advance()
            let inner = try parseOr()
            guard token == .rparen else {
                throw error("expected ')' to close the '(' at column \(columnOffset + open + 1), found \(describe(token))")
            }
            depth -= 1
            try advance()
            return inner
        case .number(let value):
            guard value == 0 || value == 1 else { throw error("constant \(value) is not 0 or 1") }
            try advance()
            return .constant(value == 1)
        case .name(let name):
            if name == "true" || name == "false" {
                try advance()
                return .constant(name == "true")
            }
            try advance()
            guard case .compare(let op) = token else { return .variable(name) }
            try advance()
            guard case .number(let k) = token else {
                throw error("expected an integer level after '\(op)', found \(describe(token))")
            }
            try advance()
            switch op {
            case ">=": return .atom(.init(name, .atLeast, k))
            case ">": return .atom(.init(name, .atLeast, k + 1))
            case "==": return .atom(.init(name, .equal, k))
            case "!=": return .not(.atom(.init(name, .equal, k)))
            case "<": return .not(.atom(.init(name, .atLeast, k)))
            default: return .not(.atom(.init(name, .atLeast, k + 1)))  // "<="
            }
        default:
            throw error("unexpected \(describe(token)); expected a name, '0', '1', '!' or '('")
        }
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .name(let name): return "name '\(name)'"
        case .number(let value): return "number \(value)"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .not: return "'!'"
        case .and: return "'&'"
        case .or: return "'|'"
        case .compare(let op): return "'\(op)'"
        case .end: return "end of rule"
        }
    }
}
