extension Expression: CustomStringConvertible {
    /// The expression in bnet syntax with the fewest parentheses that keep its meaning
    /// (`A & !B | C`). ``ExpressionParser`` reads it back to an equal expression.
    public var description: String { render(parentPrecedence: 0) }

    /// Precedence: OR 1, AND 2, NOT/atom 3.
    private func render(parentPrecedence: Int) -> String {
        switch self {
        case .constant(let value): return value ? "1" : "0"
        case .atom(let atom):
            if atom.comparison == .atLeast && atom.level == 1 { return atom.node }
            let text = "\(atom.node) \(atom.comparison.rawValue) \(atom.level)"
            return parentPrecedence >= 3 ? "(\(text))" : text
        case .not(let inner): return "!" + inner.render(parentPrecedence: 3)
        case .and(let items):
            let text = items.map { $0.render(parentPrecedence: 2) }.joined(separator: " & ")
            return parentPrecedence > 2 ? "(\(text))" : text
        case .or(let items):
            let text = items.map { $0.render(parentPrecedence: 1) }.joined(separator: " | ")
            return parentPrecedence > 1 ? "(\(text))" : text
        }
    }
}

extension Expression: Codable {
    /// Expressions are stored in JSON as their bnet-syntax text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do throws(ExpressionSyntaxError) {
            self = try ExpressionParser.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "rule '\(text)': \(error.description)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
