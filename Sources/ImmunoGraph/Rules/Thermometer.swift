/// The thermometer (van Ham) coding of multi-valued levels as Boolean variables, one piece shared
/// by the Boolean writers (``MaBoSSFormat``, ``BnetFormat``) and the symbolic analyses of
/// ImmunoSim (`BooleanisedModel`).
///
/// A node `X` with maximum level `m` is the variables "X ≥ 1" … "X ≥ m"; level `c` is the first
/// `c` of them on. The variable "X ≥ k" follows `(target ≥ k & X ≥ k−1) | X ≥ k+1`
/// (``update(targetAtLeast:atLeast:)``): under asynchronous updating an admissible state lets only
/// one of `X`'s variables change, moving `X` one level toward its target, and from any other state
/// the variables fall back into the coding.
package enum Thermometer {
    /// `expression` over levels written over the coded variables: `A >= k` is "A ≥ k", `A == k` is
    /// "A ≥ k & !(A ≥ k+1)"; a comparison no level of `A` satisfies is `false`, one every level
    /// satisfies `true`. `variables(node)` is the node's "≥ 1" … "≥ maxLevel" variables, `nil` for
    /// an unknown node, which reads level 0 (the reference semantics). Constants are folded.
    package static func code(_ expression: Expression, variables: (String) -> [Expression]?) -> Expression {
        switch expression {
        case .constant: return expression
        case .atom(let atom):
            guard let coded = variables(atom.node) else {
                return .constant(atom.comparison == .atLeast ? atom.level <= 0 : atom.level == 0)
            }
            let m = coded.count
            func atLeast(_ k: Int) -> Expression { k <= 0 ? .constant(true) : k > m ? .constant(false) : coded[k - 1] }
            switch atom.comparison {
            case .atLeast: return atLeast(atom.level)
            case .equal:
                guard (0...m).contains(atom.level) else { return .constant(false) }
                return and([atLeast(atom.level), not(atLeast(atom.level + 1))])
            }
        case .not(let inner): return not(code(inner, variables: variables))
        case .and(let items): return and(items.map { code($0, variables: variables) })
        case .or(let items): return or(items.map { code($0, variables: variables) })
        }
    }

    /// The update of the variable "X ≥ k": `(targetAtLeast & X ≥ k−1) | X ≥ k+1`, where
    /// `atLeast(j)` is "X ≥ j" (`true` for j ≤ 0, `false` above the maximum).
    package static func update(targetAtLeast: Expression, k: Int, atLeast: (Int) -> Expression) -> Expression {
        or([and([targetAtLeast, atLeast(k - 1)]), atLeast(k + 1)])
    }

    /// `!e`, with constants and double negations folded.
    package static func not(_ e: Expression) -> Expression {
        switch e {
        case .constant(let value): return .constant(!value)
        case .not(let inner): return inner
        default: return .not(e)
        }
    }

    /// The conjunction of `items`, with constants folded and nested conjunctions flattened.
    package static func and(_ items: [Expression]) -> Expression {
        var kept: [Expression] = []
        for item in items {
            if case .constant(let value) = item { if value { continue } else { return .constant(false) } }
            kept.append(item)
        }
        return Expression.all(kept)
    }

    /// The disjunction of `items`, with constants folded and nested disjunctions flattened.
    package static func or(_ items: [Expression]) -> Expression {
        var kept: [Expression] = []
        for item in items {
            if case .constant(let value) = item { if value { return .constant(true) } else { continue } }
            kept.append(item)
        }
        return Expression.any(kept)
    }
}
