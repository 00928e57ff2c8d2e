import Foundation

/// Reads MaBoSS `.bnd` (network) and `.cfg` (configuration) files — the inverse of
/// ``MaBoSSFormat``.
///
/// - `.bnd`: `Node NAME { logic = …; rate_up = …; rate_down = …; VAR = …; }` (the keyword is
///   case-insensitive; other variables are local helpers read as `@VAR`). A logic equal to the node
///   itself (`logic = A;` in `Node A`) or absent makes an input. Logic may use `!`/`NOT`,
///   `&`/`&&`/`AND`, `|`/`||`/`OR`, `^`/`XOR`, `c ? a : b`, constants and `$parameters`; it becomes
///   the node's rule, and signed edges are derived from it as for bnet.
/// - `.cfg`: `$name = value;`, `NODE.istate = 0|1|-1;` (-1: random), `[A, B].istate = 0.3 [0, 1],
///   0.7 [1, 0];`, `NODE.is_internal = 0|1;`, run settings (`sample_count`, `max_time`,
///   `time_tick`, `discrete_time`, `seed_pseudorandom`, others kept by name). Other node
///   attributes (`refstate`, `schedule`) are skipped.
///
/// Errors are ``ModelReadError``s naming the file, line and column.
public enum MaBoSSReader {
    /// Reads a model from `.bnd` text and optional `.cfg` text.
    ///
    /// - Throws: ``ModelReadError`` (syntax, an unknown node or parameter, logic that is not
    ///   Boolean) or ``GraphValidationError``.
    /// - Complexity: O(size of the texts).
    public static func read(bnd: String, cfg: String? = nil, name: String = "model", bndFile: String? = nil,
                            cfgFile: String? = nil) throws -> MaBoSSModel {
        var configuration = MaBoSSConfiguration()
        var parameterExpressions: [(String, MaBoSSExpression, MaBoSSParser.Token)] = []
        // .cfg first: parameters may be used by the logic.
        var istateStatements: [(MaBoSSConfiguration.InitialState, MaBoSSParser.Token)] = []
        var internalStatements: [(String, MaBoSSParser.Token)] = []
        if let cfg {
            var p = try MaBoSSParser(cfg, file: cfgFile)
            while p.current.kind != .end {
                let start = p.current
                if case .parameter(let name) = start.kind {
                    _ = p.next()
                    try p.expect("=", "after '$\(name)'")
                    parameterExpressions.append((name, try p.expression(), start))
                    try p.expect(";", "after the value of '$\(name)'")
                    continue
                }
                if p.accept("[") {
                    var nodes: [String] = []
                    repeat { nodes.append(try p.identifier("in '[A, B].istate'")) } while p.accept(",")
                    try p.expect("]", "after the node list")
                    try p.expect(".", "before 'istate'")
                    guard try p.identifier("after '.'") == "istate" else { throw p.error("expected 'istate' after '[...].'", at: start) }
                    try p.expect("=", "after 'istate'")
                    istateStatements.append((try weightedIstate(&p, nodes: nodes, pending: parameterExpressions), start))
                    continue
                }
                let word = try p.identifier("at the start of a statement")
                if p.accept(".") {
                    let attribute = try p.identifier("after '\(word).'")
                    try p.expect("=", "after '\(word).\(attribute)'")
                    switch attribute {
                    case "istate":
                        let valueToken = p.current
                        let e = try p.expression()
                        if p.current.kind == .symbol("[") {
                            let weight = try value(e, parameters: try evaluated(parameterExpressions, file: cfgFile), at: valueToken, p)
                            var state = try weightedIstate(&p, nodes: [word], pending: parameterExpressions, firstWeight: weight)
                            state.nodes = [word]
                            istateStatements.append((state, start))
                            continue
                        }
                        let v = try value(e, parameters: try evaluated(parameterExpressions, file: cfgFile), at: valueToken, p)
                        let choices: [(weight: Double, values: [Int])]
                        switch v {
                        case 0: choices = [(1, [0])]
                        case 1: choices = [(1, [1])]
                        case -1: choices = [(0.5, [0]), (0.5, [1])]
                        default: throw p.error("istate of '\(word)' must be 0, 1 or -1 (random), got \(v)", at: valueToken)
                        }
                        istateStatements.append((.init(nodes: [word], choices: choices), start))
                    case "is_internal":
                        let valueToken = p.current
                        if try value(try p.expression(), parameters: try evaluated(parameterExpressions, file: cfgFile), at: valueToken, p) != 0 {
                            internalStatements.append((word, start))
                        }
                    default:
                        while p.current.kind != .symbol(";") && p.current.kind != .end { _ = p.next() }
                    }
                    try p.expect(";", "after '\(word).\(attribute) = …'")
                    continue
                }
                try p.expect("=", "after '\(word)'")
                let valueToken = p.current
                let v = try value(try p.expression(), parameters: try evaluated(parameterExpressions, file: cfgFile), at: valueToken, p)
                try p.expect(";", "after the value of '\(word)'")
                switch word {
                case "sample_count": configuration.sampleCount = Int(v)
                case "max_time": configuration.maxTime = v
                case "time_tick": configuration.timeTick = v
                case "seed_pseudorandom": configuration.seed = Int(v)
                case "discrete_time": configuration.discreteTime = v != 0
                default: configuration.otherSettings[word] = v
                }
            }
        }
        configuration.parameters = try evaluated(parameterExpressions, file: cfgFile)

        // .bnd: the node blocks.
        var p = try MaBoSSParser(bnd, file: bndFile)
        var blocks: [(name: String, token: MaBoSSParser.Token, attributes: [String: (MaBoSSExpression, MaBoSSParser.Token)])] = []
        var seen: [String: Int] = [:]
        while p.current.kind != .end {
            let start = p.current
            if case .parameter(let name) = start.kind {
                _ = p.next()
                try p.expect("=", "after '$\(name)'")
                let e = try p.expression()
                try p.expect(";", "after the value of '$\(name)'")
                if configuration.parameters[name] == nil {
                    configuration.parameters[name] = try value(e, parameters: configuration.parameters, at: start, p)
                }
                continue
            }
            let keyword = try p.identifier("(expected 'Node NAME { ... }')")
            guard keyword.lowercased() == "node" else { throw p.error("expected 'Node NAME { ... }', found '\(keyword)'", at: start) }
            let nameToken = p.current
            let node = try p.identifier("after 'Node'")
            if let line = seen[node] { throw p.error("duplicate node '\(node)' (first defined on line \(line))", at: nameToken) }
            seen[node] = nameToken.line
            try p.expect("{", "after 'Node \(node)'")
            var attributes: [String: (MaBoSSExpression, MaBoSSParser.Token)] = [:]
            while !p.accept("}") {
                let attrToken = p.current
                let attribute = try p.identifier("in the block of '\(node)' (or '}')")
                try p.expect("=", "after '\(attribute)'")
                if case .string = p.current.kind {
                    _ = p.next()
                } else {
                    guard attributes[attribute] == nil else { throw p.error("'\(attribute)' is defined twice in '\(node)'", at: attrToken) }
                    attributes[attribute] = (try p.expression(), attrToken)
                }
                try p.expect(";", "after '\(attribute) = …'")
            }
            blocks.append((node, nameToken, attributes))
        }
        guard !blocks.isEmpty else { throw p.error("no 'Node NAME { ... }' block found") }

        let nodes = Set(blocks.map(\.name))
        var builder = GraphBuilder(name: name)
        var initial: [String: Int] = [:]
        for (state, token) in istateStatements {
            for node in state.nodes where !nodes.contains(node) {
                throw ModelReadError(file: cfgFile, line: token.line, column: token.column, message: "istate names '\(node)', which is not a node of the .bnd")
            }
            if state.nodes.count == 1, state.choices.count == 1 { initial[state.nodes[0]] = state.choices[0].values[0] }
        }
        configuration.initialStates = istateStatements.map(\.0)
        for (node, token) in internalStatements {
            guard nodes.contains(node) else {
                throw ModelReadError(file: cfgFile, line: token.line, column: token.column, message: "is_internal names '\(node)', which is not a node of the .bnd")
            }
            configuration.internalNodes.append(node)
        }
        for block in blocks {
            var locals: [String: MaBoSSExpression] = [:]
            for (key, (e, _)) in block.attributes where !["logic", "rate_up", "rate_down"].contains(key) { locals[key] = e }
            func check(_ e: MaBoSSExpression, _ token: MaBoSSParser.Token, _ what: String) throws {
                for n in e.nodes where !nodes.contains(n) {
                    throw p.error("\(what) of '\(block.name)' reads '\(n)', which is not a node", at: token)
                }
                for s in e.symbols where s.hasPrefix("@") && s != "@logic" {
                    throw p.error("\(what) of '\(block.name)' reads '\(s)', which is not defined in its block", at: token)
                }
            }
            var rule: Expression?
            if let (logic, token) = block.attributes["logic"] {
                let e = logic.substituting(parameters: [:], variables: locals)
                try check(e, token, "the logic")
                if e != .node(block.name) {
                    do {
                        rule = try booleanRule(e, parameters: configuration.parameters)
                    } catch let message as RuleError {
                        throw p.error("the logic of '\(block.name)' \(message.text)", at: token)
                    }
                }
            }
            var rates = MaBoSSConfiguration.Rates()
            for (key, keyPath) in [("rate_up", \MaBoSSConfiguration.Rates.up), ("rate_down", \MaBoSSConfiguration.Rates.down)] {
                guard let (e, token) = block.attributes[key] else { continue }
                let substituted = e.substituting(parameters: [:], variables: locals)
                try check(substituted, token, key)
                for s in substituted.symbols where s.hasPrefix("$") && configuration.parameters[String(s.dropFirst())] == nil {
                    throw p.error("\(key) of '\(block.name)' reads '\(s)', which the .cfg does not define", at: token)
                }
                rates[keyPath: keyPath] = substituted
            }
            configuration.rates[block.name] = rates
            builder.add(Node(block.name, rule: rule, initialLevel: initial[block.name]))
            if let rule { for edge in BnetFormat.derivedEdges(of: rule, target: block.name) { builder.add(edge) } }
        }
        do {
            return MaBoSSModel(graph: try builder.build(), configuration: configuration)
        } catch {
            throw ModelReadError(file: bndFile, message: error.description)
        }
    }

    /// Reads `bnd` and the `.cfg` beside it (same base name) when `cfg` is `nil` and it exists.
    ///
    /// - Throws: ``ModelReadError`` for an unreadable file or as ``read(bnd:cfg:name:bndFile:cfgFile:)``.
    public static func load(bnd path: String, cfg cfgPath: String? = nil) throws -> MaBoSSModel {
        func text(_ path: String) throws -> String {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ModelReadError(file: path, message: "cannot read the file: \(error.localizedDescription)")
            }
            return try ModelFormat.utf8Text(data, file: path)
        }
        let beside = (path as NSString).deletingPathExtension + ".cfg"
        let cfgFile = cfgPath ?? (FileManager.default.fileExists(atPath: beside) ? beside : nil)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try read(bnd: try text(path), cfg: try cfgFile.map(text), name: name, bndFile: path, cfgFile: cfgFile)
    }

    // MARK: Helpers

    struct RuleError: Error { var text: String }

    /// A Boolean MaBoSS expression as a rule.
    static func booleanRule(_ e: MaBoSSExpression, parameters: [String: Double]) throws -> Expression {
        switch e {
        case .number(let v): return .constant(v != 0)
        case .node(let n): return .variable(n)
        case .parameter(let name):
            guard let v = parameters[name] else { throw RuleError(text: "reads '$\(name)', which the .cfg does not define") }
            return .constant(v != 0)
        case .variable(let name): throw RuleError(text: "reads '@\(name)'")
        case .unary(.not, let inner): return .not(try booleanRule(inner, parameters: parameters))
        case .binary(.and, let a, let b): return .all([try booleanRule(a, parameters: parameters), try booleanRule(b, parameters: parameters)])
        case .binary(.or, let a, let b): return .any([try booleanRule(a, parameters: parameters), try booleanRule(b, parameters: parameters)])
        case .binary(.xor, let a, let b):
            let x = try booleanRule(a, parameters: parameters), y = try booleanRule(b, parameters: parameters)
            return .any([.all([x, .not(y)]), .all([.not(x), y])])
        case .conditional(let c, let a, let b):
            let x = try booleanRule(c, parameters: parameters)
            return .any([.all([x, try booleanRule(a, parameters: parameters)]), .all([.not(x), try booleanRule(b, parameters: parameters)])])
        default: throw RuleError(text: "is not Boolean (it uses '\(e)')")
        }
    }

    /// The numeric value of a constant expression.
    static func value(_ e: MaBoSSExpression, parameters: [String: Double], at token: MaBoSSParser.Token, _ p: MaBoSSParser) throws -> Double {
        func v(_ e: MaBoSSExpression) throws -> Double {
            switch e {
            case .number(let x): return x
            case .parameter(let name):
                guard let x = parameters[name] else { throw p.error("'$\(name)' is not defined (yet)", at: token) }
                return x
            case .node(let n): throw p.error("expected a number, found the name '\(n)'", at: token)
            case .variable(let n): throw p.error("expected a number, found '@\(n)'", at: token)
            case .unary(let op, let inner): let x = try v(inner); return op == .not ? (x == 0 ? 1 : 0) : -x
            case .conditional(let c, let a, let b): return try v(c) != 0 ? v(a) : v(b)
            case .binary(let op, let l, let r):
                return op.apply(try v(l), try v(r))
            }
        }
        return try v(e)
    }

    /// The parameters defined so far, evaluated in order.
    static func evaluated(_ definitions: [(String, MaBoSSExpression, MaBoSSParser.Token)], file: String?) throws -> [String: Double] {
        var result: [String: Double] = [:]
        let parser = try MaBoSSParser("", file: file)
        for (name, e, token) in definitions { result[name] = try value(e, parameters: result, at: token, parser) }
        return result
    }

    /// `w [v, …], w [v, …];` after `istate =` (the first weight possibly already read).
    static func weightedIstate(_ p: inout MaBoSSParser, nodes: [String],
                               pending: [(String, MaBoSSExpression, MaBoSSParser.Token)], firstWeight: Double? = nil)
        throws -> MaBoSSConfiguration.InitialState {
        let known = try evaluated(pending, file: p.file)
        var choices: [(weight: Double, values: [Int])] = []
        var weight = firstWeight
        repeat {
            let token = p.current
            let w: Double
            if let given = weight { w = given; weight = nil } else { w = try value(try p.binary(0), parameters: known, at: token, p) }
            guard w >= 0, w.isFinite else { throw p.error("an istate weight must be a non-negative number, got \(w)", at: token) }
            try p.expect("[", "before the values of an istate")
            var values: [Int] = []
            repeat {
                let t = p.current
                let v = try value(try p.binary(0), parameters: known, at: t, p)
                guard v == 0 || v == 1 else { throw p.error("an istate value must be 0 or 1, got \(v)", at: t) }
                values.append(Int(v))
            } while p.accept(",")
            try p.expect("]", "after the values of an istate")
            guard values.count == nodes.count else {
                throw p.error("\(values.count) values for \(nodes.count) nodes (\(nodes.joined(separator: ", ")))", at: token)
            }
            choices.append((w, values))
        } while p.accept(",")
        try p.expect(";", "after an istate")
        return .init(nodes: nodes, choices: choices)
    }
}
