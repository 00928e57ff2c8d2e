/// One term of a multi-valued rule: when `condition` holds, the node's target level is `level`.
public struct LevelRule: Hashable, Sendable, Codable {
    /// The condition (SBML-qual `functionTerm` math).
    public var condition: Expression
    /// The target level when the condition holds (SBML-qual `resultLevel`), 0…maxLevel.
    public var level: Int

    /// Creates a term.
    public init(_ condition: Expression, level: Int) {
        self.condition = condition
        self.level = level
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case when, level }

    /// Decodes `{"when": "A & B", "level": 2}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        self.init(try c.decode(Expression.self, forKey: .when), level: try c.decode(Int.self, forKey: .level))
    }

    /// Encodes `{"when": "A & B", "level": 2}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(condition, forKey: .when)
        try c.encode(level, forKey: .level)
    }
}

/// A multi-valued update rule: ordered terms and a default level (SBML-qual function terms).
///
/// Semantics: the terms are evaluated in order; the first whose condition holds gives the target
/// level; when none holds the target is `defaultLevel`. A Boolean ``Node/rule`` `r` is shorthand
/// for `LevelRules(terms: [LevelRule(r, level: maxLevel)], defaultLevel: 0)`.
///
/// When a node has `levelRules`, they are authoritative; its ``Node/rule`` then holds the Boolean
/// projection "target level ≥ 1" (see ``booleanProjection``) so Boolean tools still see the logic.
public struct LevelRules: Hashable, Sendable, Codable {
    /// The terms, in evaluation order.
    public var terms: [LevelRule]
    /// The level when no term holds (SBML-qual `defaultTerm`).
    public var defaultLevel: Int

    /// Creates a multi-valued rule.
    public init(terms: [LevelRule], defaultLevel: Int = 0) {
        self.terms = terms
        self.defaultLevel = defaultLevel
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case terms, defaultLevel = "default" }

    /// Decodes `{"terms": [...], "default": 0}`; `default` may be omitted (0).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        self.init(
            terms: try c.decode([LevelRule].self, forKey: .terms),
            defaultLevel: try c.decodeIfPresent(Int.self, forKey: .defaultLevel) ?? 0)
    }

    /// Encodes `{"terms": [...], "default": 0}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(terms, forKey: .terms)
        try c.encode(defaultLevel, forKey: .defaultLevel)
    }

    /// The target level on the levels given by `level(node)`.
    ///
    /// - Complexity: O(total size of the conditions).
    public func evaluate(_ level: (String) -> Int) -> Int {
        for term in terms where term.condition.evaluate(level) { return term.level }
        return defaultLevel
    }

    /// A Boolean expression that holds exactly when the target level is ≥ 1.
    public var booleanProjection: Expression { atLeast(1) }

    /// A Boolean expression that holds exactly when the target level is ≥ `k` (for k = 1 this is
    /// ``booleanProjection``).
    public func atLeast(_ k: Int) -> Expression {
        var result = Expression.constant(defaultLevel >= k)
        for term in terms.reversed() {
            if term.level >= k {
                result = result == .constant(false) ? term.condition : .any([term.condition, result])
            } else {
                result = result == .constant(false) ? .constant(false) : .all([.not(term.condition), result])
            }
        }
        if case .or(let items) = result, items.contains(.constant(true)) { return .constant(true) }
        return result
    }

    /// Whether these terms say no more than the Boolean rule `rule` does for a node with
    /// `maxLevel` (every term gives `maxLevel`, the default is 0).
    public func isBoolean(maxLevel: Int) -> Bool {
        defaultLevel == 0 && terms.allSatisfy { $0.level == maxLevel }
    }
}

extension Node {
    /// The node's logic as one multi-valued rule, whichever way the model stated it: its
    /// ``levelRules`` when it has them (authoritative), else its Boolean ``rule`` `r` read as
    /// "`maxLevel` when `r` holds, else 0", else `nil` (the logic is derived from the signed edges).
    ///
    /// Every engine reads a node's explicit logic through this one property, so a multi-valued
    /// SBML-qual term "→ level 1" means level 1 in the logical, graded and stochastic engines alike.
    public var levelFunction: LevelRules? {
        if let levelRules { return levelRules }
        guard let rule else { return nil }
        return LevelRules(terms: [LevelRule(rule, level: maxLevel)], defaultLevel: 0)
    }
}
