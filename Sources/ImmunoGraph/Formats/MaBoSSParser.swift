/// A tokenizer and expression parser for MaBoSS `.bnd` and `.cfg` text, with 1-based line and
/// column on every token so errors point at the place.
///
/// Operator precedence (lowest first), as in C and MaBoSS's grammar: `?:`, `OR`/`|`/`||`,
/// `XOR`/`^`, `AND`/`&`/`&&`, `==`/`!=`, `<`/`<=`/`>`/`>=`, `+`/`-`, `*`/`/`, unary `!`/`NOT`/`-`.
struct MaBoSSParser {
    enum Kind: Equatable {
        case identifier(String), number(Double), parameter(String), variable(String), string(String)
        case symbol(String)
        case end
    }

    struct Token {
        var kind: Kind
        var line: Int
        var column: Int
    }

    let file: String?
    var tokens: [Token] = []
    var position = 0

    init(_ text: String, file: String?) throws(ModelReadError) {
        self.file = file
        tokens = try Self.tokenize(Array(text.unicodeScalars), file: file)
    }

    static func tokenize(_ s: [Unicode.Scalar], file: String?) throws(ModelReadError) -> [Token] {
        var tokens: [Token] = []
        var i = 0, line = 1, column = 1
        func advance(_ k: Int = 1) {
            for _ in 0..<k where i < s.count {
                if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        func isStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func isBody(_ c: Unicode.Scalar) -> Bool { isStart(c) || (c >= "0" && c <= "9") }
        func word() -> String {
            var w = ""
            while i < s.count && isBody(s[i]) { w.unicodeScalars.append(s[i]); advance() }
            return w
        }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { advance(); continue }
            if c == "/" && i + 1 < s.count && s[i + 1] == "/" {
                while i < s.count && s[i] != "\n" { advance() }
                continue
            }
            if c == "/" && i + 1 < s.count && s[i + 1] == "*" {
                let (l0, c0) = (line, column)
                advance(2)
                while i < s.count && !(s[i] == "*" && i + 1 < s.count && s[i + 1] == "/") { advance() }
                guard i < s.count else { throw ModelReadError(file: file, line: l0, column: c0, message: "unterminated comment '/*'") }
                advance(2)
                continue
            }
            let (l0, c0) = (line, column)
            if isStart(c) {
                tokens.append(Token(kind: .identifier(word()), line: l0, column: c0))
            } else if (c >= "0" && c <= "9") || (c == "." && i + 1 < s.count && s[i + 1] >= "0" && s[i + 1] <= "9") {
                var text = ""
                while i < s.count, (s[i] >= "0" && s[i] <= "9") || s[i] == "." || s[i] == "e" || s[i] == "E"
                        || ((s[i] == "-" || s[i] == "+") && (text.hasSuffix("e") || text.hasSuffix("E"))) {
                    text.unicodeScalars.append(s[i])
                    advance()
                }
                guard let value = Double(text) else {
                    throw ModelReadError(file: file, line: l0, column: c0, message: "'\(text)' is not a number")
                }
                tokens.append(Token(kind: .number(value), line: l0, column: c0))
            } else if c == "$" || c == "@" {
                advance()
                guard i < s.count, isStart(s[i]) else {
                    throw ModelReadError(file: file, line: l0, column: c0, message: "expected a name after '\(c)'")
                }
                let name = word()
                tokens.append(Token(kind: c == "$" ? .parameter(name) : .variable(name), line: l0, column: c0))
            } else if c == "\"" {
                advance()
                var text = ""
                while i < s.count && s[i] != "\"" { text.unicodeScalars.append(s[i]); advance() }
                guard i < s.count else { throw ModelReadError(file: file, line: l0, column: c0, message: "unterminated string") }
                advance()
                tokens.append(Token(kind: .string(text), line: l0, column: c0))
            } else {
                let two = i + 1 < s.count ? String(c) + String(s[i + 1]) : ""
                if ["&&", "||", "==", "!=", "<=", ">="].contains(two) {
                    tokens.append(Token(kind: .symbol(two), line: l0, column: c0))
                    advance(2)
                } else if "(){}[],;=?:!&|^+-*/<>.".unicodeScalars.contains(c) {
                    tokens.append(Token(kind: .symbol(String(c)), line: l0, column: c0))
                    advance()
                } else {
                    throw ModelReadError(file: file, line: l0, column: c0, message: "unexpected character '\(c)'")
                }
            }
        }
        tokens.append(Token(kind: .end, line: line, column: column))
        return tokens
    }

    // MARK: Tokens

    var current: Token { tokens[min(position, tokens.count - 1)] }

    mutating func next() -> Token {
        let t = current
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func error(_ message: String, at token: Token? = nil) -> ModelReadError {
        let t = token ?? current
        return ModelReadError(file: file, line: t.line, column: t.column, message: message)
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .identifier(let s): return "'\(s)'"
        case .number(let v): return "'\(v)'"
        case .parameter(let s): return "'$\(s)'"
        case .variable(let s): return "'@\(s)'"
        case .string(let s): return "\"\(s)\""
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the file"
        }
    }

    /// Consumes the symbol `s` if it is next.
    mutating func accept(_ s: String) -> Bool {
        if current.kind == .symbol(s) { position += 1; return true }
        return false
    }

    mutating func expect(_ s: String, _ context: String) throws(ModelReadError) {
        guard accept(s) else { throw error("expected '\(s)' \(context), found \(describe(current))") }
    }

    mutating func identifier(_ context: String) throws(ModelReadError) -> String {
        guard case .identifier(let name) = current.kind else { throw error("expected a name \(context), found \(describe(current))") }
        position += 1
        return name
    }

    // MARK: Expressions

    mutating func expression() throws(ModelReadError) -> MaBoSSExpression {
        let condition = try binary(0)
        guard accept("?") else { return condition }
        let a = try expression()
        try expect(":", "in 'condition ? a : b'")
        let b = try expression()
        return .conditional(condition, a, b)
    }

    static let levels: [[(String, MaBoSSExpression.BinaryOperator)]] = [
        [("||", .or), ("|", .or), ("OR", .or)],
        [("^", .xor), ("XOR", .xor)],
        [("&&", .and), ("&", .and), ("AND", .and)],
        [("==", .equal), ("!=", .notEqual)],
        [("<", .less), ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual)],
        [("+", .add), ("-", .subtract)],
        [("*", .multiply), ("/", .divide)],
    ]

    func binaryOperator(_ level: Int) -> MaBoSSExpression.BinaryOperator? {
        let text: String
        switch current.kind {
        case .symbol(let s): text = s
        case .identifier(let s) where ["AND", "OR", "XOR"].contains(s): text = s
        default: return nil
        }
        return Self.levels[level].first { $0.0 == text }?.1
    }

    mutating func binary(_ level: Int) throws(ModelReadError) -> MaBoSSExpression {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level + 1)
        while let op = binaryOperator(level) {
            position += 1
            left = .binary(op, left, try binary(level + 1))
        }
        return left
    }

    mutating func unary() throws(ModelReadError) -> MaBoSSExpression {
        if accept("!") { return .unary(.not, try unary()) }
        if accept("-") { return .unary(.negate, try unary()) }
        if accept("+") { return try unary() }
        if current.kind == .identifier("NOT") { position += 1; return .unary(.not, try unary()) }
        let t = next()
        switch t.kind {
        case .number(let v): return .number(v)
        case .parameter(let name): return .parameter(name)
        case .variable(let name): return .variable(name)
        case .identifier(let name):
            if name == "TRUE" { return .number(1) }
            if name == "FALSE" { return .number(0) }
            return .node(name)
        case .symbol("("):
            let e = try expression()
            try expect(")", "to close '('")
            return e
        default:
            throw error("expected an expression, found \(describe(t))", at: t)
        }
    }
}
