import Foundation

/// Converts the MathML subset of SBML-qual function terms into an ``Expression``.
///
/// Accepted: `apply` with `and`, `or`, `not`, `xor`, `implies` (logical) and `eq`, `neq`, `lt`,
/// `leq`, `gt`, `geq` (relations between a species `ci` and an integer `cn`, in either order, or
/// between a species `ci` and an input-id `ci` naming a threshold); `true`, `false`; a bare `ci`
/// (a species or input id: "at or above the input's threshold", default 1). Anything else is an
/// error naming the element and its path.
///
/// `eq` against the species' maximum level is read as `>=` (the same thing for a level that cannot
/// exceed the maximum), and `eq` against 0 as "not ≥ 1", so Boolean models read as plain bnet logic.
///
/// The conversion is iterative (no recursion on the XML), and the result is rejected when deeper
/// than ``ExpressionParser/maximumDepth``.
enum MathMLReader {
    struct Context {
        /// Species id → maximum level.
        var maxLevel: [String: Int]
        /// Input id → (species, threshold level).
        var inputs: [String: (species: String, threshold: Int)]
        /// Species id → threshold declared on this transition's input for it.
        var speciesThreshold: [String: Int]
    }

    private enum Value {
        case expression(Expression)
        case name(String)
        case number(Int)
        case op(String)
    }

    static let logical: Set<String> = ["and", "or", "not", "xor", "implies"]
    static let relations: Set<String> = ["eq", "neq", "lt", "leq", "gt", "geq"]

    /// Converts the `<math>` element `math` of `tree`.
    static func read(_ tree: XMLTree, math: Int, context: Context, file: String?) throws -> Expression {
        func fail(_ element: Int, _ message: String) -> ModelReadError {
            ModelReadError(file: file, line: tree.elements[element].line, column: tree.elements[element].column,
                path: tree.path(of: element), message: message)
        }
        let top = tree.elements[math].children
        guard top.count == 1, let root = top.first else {
            throw fail(math, "expected exactly one element inside <math>, found \(top.count)")
        }
        // Reverse pre-order visits children before their parents.
        var order: [Int] = []
        var stack = [root]
        while let e = stack.popLast() {
            order.append(e)
            stack.append(contentsOf: tree.elements[e].children)
        }
        var values: [Int: Value] = [:]
        values.reserveCapacity(order.count)
        // Tree size of each converted element: `xor` duplicates its operands, so nested or wide
        // xors could grow exponentially; the size is capped at `maximumSize`.
        var sizes: [Int: Int] = [:]
        var depths: [Int: Int] = [:]
        let maximumSize = 100_000

        func condition(_ value: Value, at element: Int) throws -> Expression {
            switch value {
            case .expression(let e): return e
            case .name(let id):
                if let input = context.inputs[id] { return .atom(.init(input.species, .atLeast, max(1, input.threshold))) }
                guard context.maxLevel[id] != nil else {
                    throw fail(element, "'\(id)' is neither a qualitativeSpecies nor an input of this transition")
                }
                return .atom(.init(id, .atLeast, max(1, context.speciesThreshold[id] ?? 1)))
            case .number(let k): throw fail(element, "found the number \(k) where a condition was expected")
            case .op(let name): throw fail(element, "operator <\(name)/> must be the first child of an <apply>")
            }
        }

        func relation(_ op: String, _ operands: [(Value, Int)], at e: Int) throws -> Expression {
            guard operands.count == 2 else { throw fail(e, "<\(op)/> takes two operands, found \(operands.count)") }
            var op = op
            var species: String
            var level: Int
            switch (operands[0].0, operands[1].0) {
            case (.name(let a), .number(let k)):
                species = a
                level = k
            case (.number(let k), .name(let a)):
                species = a
                level = k
                op = ["lt": "gt", "gt": "lt", "leq": "geq", "geq": "leq"][op] ?? op
            case (.name(let a), .name(let b)):
                if let input = context.inputs[b], context.maxLevel[a] != nil {
                    species = a
                    level = input.threshold
                } else if let input = context.inputs[a], context.maxLevel[b] != nil {
                    species = b
                    level = input.threshold
                    op = ["lt": "gt", "gt": "lt", "leq": "geq", "geq": "leq"][op] ?? op
                } else {
                    throw fail(e, "<\(op)/> compares '\(a)' with '\(b)'; expected a species and an input id (named threshold)")
                }
            default:
                throw fail(e, "<\(op)/> expects a <ci> species and an integer <cn> (or an input id)")
            }
            if let input = context.inputs[species] { species = input.species }
            guard let maxLevel = context.maxLevel[species] else {
                throw fail(e, "'\(species)' is not a qualitativeSpecies")
            }
            // Levels beyond -1...maxLevel + 1 compare like those bounds; clamping keeps `level + 1`
            // from overflowing for a <cn> or thresholdLevel of Int.max.
            level = min(max(level, -1), maxLevel + 1)
            func atLeast(_ k: Int) -> Expression {
                if k <= 0 { return .constant(true) }
                if k > maxLevel { return .constant(false) }
                return .atom(.init(species, .atLeast, k))
            }
            func equal(_ k: Int) -> Expression {
                if k < 0 || k > maxLevel { return .constant(false) }
                if k == maxLevel { return atLeast(k) }
                if k == 0 { return .not(atLeast(1)) }
                return .atom(.init(species, .equal, k))
            }
            switch op {
            case "geq": return atLeast(level)
            case "gt": return atLeast(level + 1)
            case "leq": return .not(atLeast(level + 1))
            case "lt": return .not(atLeast(level))
            case "eq": return equal(level)
            default: return .not(equal(level))  // neq
            }
        }

        func combine(_ op: String, _ items: [Expression], sizes itemSizes: [Int], at e: Int) throws -> Expression {
            var size = itemSizes.reduce(1, +)
            if op == "xor" {
                size = itemSizes.first ?? 1
                for itemSize in itemSizes.dropFirst() {
                    size = 2 * (size + itemSize) + 4
                    if size > maximumSize { break }
                }
            }
            if size > maximumSize {
                throw fail(e, "the logic expands to more than \(maximumSize) operations (xor duplicates its operands)")
            }
            sizes[e] = size
            switch op {
            case "and":
                guard !items.isEmpty else { throw fail(e, "<and/> needs at least one operand") }
                return .all(items)
            case "or":
                guard !items.isEmpty else { throw fail(e, "<or/> needs at least one operand") }
                return .any(items)
            case "not":
                guard items.count == 1 else { throw fail(e, "<not/> takes one operand, found \(items.count)") }
                if case .not(let inner) = items[0] { return inner }  // double negations cancel
                return .not(items[0])
            case "implies":
                guard items.count == 2 else { throw fail(e, "<implies/> takes two operands, found \(items.count)") }
                return .any([.not(items[0]), items[1]])
            default:  // xor
                guard items.count >= 2 else { throw fail(e, "<xor/> needs at least two operands") }
                var result = items[0]
                for item in items.dropFirst() {
                    result = .any([.all([result, .not(item)]), .all([.not(result), item])])
                }
                return result
            }
        }

        for e in order.reversed() {
            let element = tree.elements[e]
            switch element.name {
            case "ci":
                let id = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !id.isEmpty else { throw fail(e, "empty <ci>; expected a species or input id") }
                values[e] = .name(id)
            case "cn":
                let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
                let type = element.attributes["type"] ?? "integer"
                if let k = Int(text), type == "integer" || type == "real" {
                    values[e] = .number(k)
                } else if type == "real", let d = Double(text), d == d.rounded(), abs(d) < 1e9 {
                    values[e] = .number(Int(d))
                } else {
                    throw fail(e, "expected an integer in <cn>, found '\(text)' (type \(type))")
                }
            case "true": values[e] = .expression(.constant(true))
            case "false": values[e] = .expression(.constant(false))
            case let name where logical.contains(name) || relations.contains(name):
                guard element.children.isEmpty else { throw fail(e, "operator <\(name)/> must be empty") }
                values[e] = .op(name)
            case "apply":
                let children = element.children
                guard let first = children.first, case .op(let op)? = values[first] else {
                    throw fail(e, "expected an operator (and, or, not, xor, implies, eq, neq, lt, leq, gt, geq) as the first child of <apply>")
                }
                var operands: [(Value, Int)] = []
                for child in children.dropFirst() {
                    guard let value = values.removeValue(forKey: child) else { throw fail(child, "unexpected element") }
                    operands.append((value, child))
                }
                values[first] = nil
                if relations.contains(op) {
                    values[e] = .expression(try relation(op, operands, at: e))
                } else {
                    let items = try operands.map { try condition($0.0, at: $0.1) }
                    let itemSizes = operands.map { sizes.removeValue(forKey: $0.1) ?? 1 }
                    let itemDepths = zip(operands, items).map { depths.removeValue(forKey: $0.1) ?? $1.depth }
                    let combined = try combine(op, items, sizes: itemSizes, at: e)
                    // The depth after flattening, tracked as the tree is built so no expression
                    // deeper than the limit (+1) ever exists: nesting is bounded by memory, depth
                    // of alternations by the limit every traversal relies on.
                    let depth: Int
                    switch (op, combined) {
                    case ("not", .not): depth = (itemDepths.first ?? 1) + 1
                    case ("not", _): depth = max(1, (itemDepths.first ?? 2) - 1)
                    case ("and", _), ("or", _):
                        let spliced = zip(items, itemDepths).map { item, d -> Int in
                            switch (op, item) {
                            case ("and", .and), ("or", .or): return d - 1
                            default: return d
                            }
                        }
                        depth = items.count == 1 ? itemDepths[0] : (spliced.max() ?? 0) + 1
                    default: depth = (itemDepths.max() ?? 1) + 3 * max(1, items.count - 1)
                    }
                    if depth > ExpressionParser.maximumDepth {
                        throw fail(e, "logic nested deeper than \(ExpressionParser.maximumDepth) levels (after flattening "
                            + "nested and/or and cancelling double negations); simplify it or split it into intermediate species")
                    }
                    depths[e] = depth
                    values[e] = .expression(combined)
                }
            default:
                throw fail(e, "unsupported MathML element <\(element.name)>; expected apply, ci, cn, true, false or a logical/relational operator")
            }
        }

        guard let value = values[root] else { throw fail(root, "empty math") }
        let result = try condition(value, at: root)
        if result.depth > ExpressionParser.maximumDepth {
            throw fail(root, "logic nested deeper than \(ExpressionParser.maximumDepth) levels")
        }
        return result
    }
}
